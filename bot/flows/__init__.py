"""One module a conversation: answering, menus, and (later) forms."""
