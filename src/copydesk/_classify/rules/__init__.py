"""The classification rules, one label per module; the order lives in ``copydesk._classify.table``."""
