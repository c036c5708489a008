"""The HTML front end: load, metadata, content, blocks and the metadata merge (``front.parse_html``)."""
