"""Thin channels around the engine: they translate messages in and replies out."""
