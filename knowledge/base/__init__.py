"""The knowledge base itself: its schema, loading it, checking it, and how fresh it is."""
