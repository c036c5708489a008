"""The shared back end's first half: label source blocks with one ordered table of rules (``table.RULES``)."""
