"""The plain-text front end: decode, repair and split a text into source blocks (``front.parse_text``)."""
