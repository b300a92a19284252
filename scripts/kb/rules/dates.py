"""Dates are real calendar dates, not in the future, and in order where they come in pairs.

Which keys hold dates is read from the schema (every property that refers to the `date`
definition), not listed here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from kb import schema
from kb.issues import Issue
from kb.rules.context import Context

NAME = "dates"
_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
PAIRS = (("since", "until"), ("date", "end"), ("published", "accessed"))


def earliest(value: str) -> dt.date | None:
    """The first day a (partial) date can mean, or None if it is not a real date."""
    if not _DATE.fullmatch(value):
        return None
    parts = [int(p) for p in value.split("-")]
    year, month, day = [*parts, 1, 1][:3]
    if not 1 <= month <= 12 or year < 1:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def before(a: str, b: str) -> bool:
    """True when partial date `a` is surely earlier than `b`, compared at their shared precision."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def check(ctx: Context) -> list[Issue]:
    keys = schema.keys_of_type("date")
    found: list[Issue] = []
    for record in ctx.records:
        for path, value in ctx.walk(record):
            if isinstance(value, dict):
                for first, second in PAIRS:
                    a, b = value.get(first), value.get(second)
                    if (
                        isinstance(a, str)
                        and isinstance(b, str)
                        and before(b, a)
                        and earliest(a)
                        and earliest(b)
                    ):
                        found.append(
                            record.issue(
                                (*path, second), NAME, f"'{second}' ({b}) is before '{first}' ({a})"
                            )
                        )
                if isinstance(value.get("claimed_by"), list):
                    seen = [x.get("date") for x in value["claimed_by"]]
                    for i in range(1, len(seen)):
                        if (
                            isinstance(seen[i], str)
                            and isinstance(seen[i - 1], str)
                            and before(seen[i], seen[i - 1])
                        ):
                            found.append(
                                record.issue(
                                    (*path, "claimed_by", i, "date"),
                                    NAME,
                                    f"appearance dated {seen[i]} comes after one dated "
                                    f"{seen[i - 1]}; list appearances earliest first",
                                )
                            )
            if not path or path[-1] not in keys or not isinstance(value, str):
                continue
            if value == "unknown":
                continue
            day = earliest(value)
            if day is None:
                found.append(record.issue(path, NAME, f"'{value}' is not a real calendar date"))
            elif day > ctx.today:
                found.append(
                    record.issue(
                        path, NAME, f"'{value}' is in the future (today is {ctx.today.isoformat()})"
                    )
                )
    return found
