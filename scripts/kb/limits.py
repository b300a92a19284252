"""Resource limits for data files, defined once and named in every error that enforces them."""

MAX_FILE_BYTES = 512 * 1024
"""Largest data file accepted, in bytes."""

MAX_DEPTH = 12
"""Deepest nesting of mappings and lists accepted in a data file."""

MAX_STRING_CHARS = 5000
"""Longest text value accepted, in characters."""

MAX_LIST_ITEMS = 1000
"""Most entries accepted in one list (facts, events, claims, ...)."""

MAX_ISSUES_PER_FILE = 50
"""Most problems reported for one file before the rest are summarised in one line."""
