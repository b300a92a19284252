"""A value still holding a `kb new` placeholder is an error: the skeleton is not filled in.

Run before the schema (from `check.py`), because a placeholder in a date or an id also breaks
the schema: the message then says what is wrong (a placeholder left) instead of the pattern it
does not match.
"""

from __future__ import annotations

from kb.issues import Issue
from kb.loader import Record
from kb.rules.context import walk

NAME = "placeholders"
PLACEHOLDER = "FILL IN:"


def scan(record: Record) -> list[Issue]:
    return [
        record.issue(
            path,
            NAME,
            f"'{path[-1]}' still holds the placeholder from 'kb new' ({value}); "
            "replace it with the real value",
        )
        for path, value in walk(record.data)
        if path and isinstance(value, str) and value.startswith(PLACEHOLDER)
    ]
