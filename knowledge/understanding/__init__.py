"""Understanding a message: what it is about and whether it shows a concern."""
