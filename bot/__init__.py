"""The conversation: a channel-neutral dialogue engine and the channels around it."""
