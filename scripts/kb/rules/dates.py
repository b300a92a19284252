"""Dates are real calendar dates, not in the future, and in order where they come in pairs.

Which keys hold dates is read from the schema (every property that refers to the `date`
definition), not listed here.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from kb import memo, schema
from kb.dates import PartialDate
from kb.issues import Issue
from kb.loader import Record
from kb.rules.context import Context

NAME = "dates"
PAIRS = (("since", "until"), ("date", "end"), ("published", "accessed"))


@memo.forgettable
@lru_cache(maxsize=4096)
def _date(value: Any) -> PartialDate | None:
    """Parsed once per distinct text: the same dates recur across a corpus (PartialDate is
    immutable, so sharing one is safe)."""
    return PartialDate.parse(value) if isinstance(value, str) else None


def _before(b: Any, a: Any) -> bool:
    """True when both are real dates and `b` is surely earlier than `a`."""
    first, second = _date(a), _date(b)
    return first is not None and second is not None and second.surely_before(first)


def _problem(value: str, today: dt.date) -> str | None:
    date = _date(value)
    if date is None:
        return f"'{value}' is not a real calendar date"
    if date.earliest > today:
        return f"'{value}' is in the future (today is {today.isoformat()})"
    return None


def check(ctx: Context) -> list[Issue]:
    keys = schema.keys_of_type("date")
    found: list[Issue] = []
    verdicts: dict[str, str | None] = {}
    for record in ctx.each():
        found.extend(_order(ctx, record))
        for path, key, value, _ in ctx.under(record, keys):
            if not isinstance(value, str) or value == "unknown":
                continue
            if value not in verdicts:
                verdicts[value] = _problem(value, ctx.today)
            why = verdicts[value]
            if why:
                found.append(record.issue((*path, key), NAME, why))
    return found


def _order(ctx: Context, record: Record) -> list[Issue]:
    """Pairs of dates in one mapping that are the wrong way round, and appearances listed out
    of order."""
    found: list[Issue] = []
    for first, second in PAIRS:
        for path, _, b, value in ctx.under(record, (second,)):
            a = value.get(first)
            if a is not None and _before(b, a):
                found.append(
                    record.issue(
                        (*path, second), NAME, f"'{second}' ({b}) is before '{first}' ({a})"
                    )
                )
    for path, _, appearances, _ in ctx.under(record, ("claimed_by",)):
        if not isinstance(appearances, list):
            continue
        seen = [x.get("date") for x in appearances]
        for i in range(1, len(seen)):
            if _before(seen[i], seen[i - 1]):
                found.append(
                    record.issue(
                        (*path, "claimed_by", i, "date"),
                        NAME,
                        f"appearance dated {seen[i]} comes after one dated "
                        f"{seen[i - 1]}; list appearances earliest first",
                    )
                )
    return found
