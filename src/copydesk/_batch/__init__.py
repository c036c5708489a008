"""Parsing many inputs: the engine (``parse_many``), the input readers and ``copydesk batch``."""
