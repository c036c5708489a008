"""Internals of :mod:`copydesk.strategies` (pools, options, renderers); not public."""
