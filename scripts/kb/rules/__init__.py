"""Cross-reference rules: checks that span fields and files, run after the schema passes.

Each rule module exposes `NAME` (shown in every message) and `check(ctx) -> list[Issue]`.
A new rule is one module plus one line in `RULES`.
"""

from __future__ import annotations

import datetime as dt

from kb.issues import Issue
from kb.loader import Record
from kb.rules import attribution, dates, geo, ids, orphans, presence, refs, status, urls
from kb.rules.context import Context

RULES = (ids, refs, attribution, status, dates, geo, presence, urls, orphans)


def run(
    records: list[Record], today: dt.date | None = None, failed: set[str] | None = None
) -> list[Issue]:
    ctx = Context(records, today or dt.date.today(), frozenset(failed or ()))
    found: list[Issue] = []
    for rule in RULES:
        found.extend(rule.check(ctx))
    return found
