"""Guidance from the knowledge base: routes between jobs, eligibility, the quiz, places."""
