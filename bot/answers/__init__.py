"""How entries, routes and pictures read to a person: the wording every flow shares."""
