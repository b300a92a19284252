"""A value still holding a `kb new` placeholder is an error: the skeleton is not filled in.

Run before the schema (from `check.py`), because a placeholder in a date or an id also breaks
the schema: the message then says what is wrong (a placeholder left) instead of the pattern it
does not match.
"""

from __future__ import annotations

from typing import Any

from kb.issues import Issue
from kb.loader import Record
from kb.rules.context import walk

NAME = "placeholders"
PLACEHOLDER = "FILL IN:"


def _holds(value: Any) -> bool:
    """Whether any text in a value starts with the placeholder: a quick look at every file,
    without the paths `walk` builds."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if item.startswith(PLACEHOLDER):
                return True
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _may_hold(record: Record) -> bool:
    """False when no value of the file can hold the placeholder: a decoded value can only
    start with it if the file's bytes hold 'FILL' (folding joins lines only at spaces) or a
    backslash (a quoted escape). Most files are ruled out without a walk."""
    source = record.source
    return not source or b"FILL" in source or b"\\" in source


def scan(record: Record) -> list[Issue]:
    if not _may_hold(record) or not _holds(record.data):
        return []
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
