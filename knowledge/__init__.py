"""The curated knowledge base: schema, loader, search index and pathway graph."""
