"""Dates are real calendar dates, not in the future, and in order where they come in pairs.

Which keys hold dates is read from the schema (every property that refers to the `date`
definition), not listed here.
"""

from __future__ import annotations

from typing import Any

from kb import schema
from kb.dates import PartialDate
from kb.issues import Issue
from kb.rules.context import Context

NAME = "dates"
PAIRS = (("since", "until"), ("date", "end"), ("published", "accessed"))


def _date(value: Any) -> PartialDate | None:
    return PartialDate.parse(value) if isinstance(value, str) else None


def _before(b: Any, a: Any) -> bool:
    """True when both are real dates and `b` is surely earlier than `a`."""
    first, second = _date(a), _date(b)
    return first is not None and second is not None and second.surely_before(first)


def check(ctx: Context) -> list[Issue]:
    keys = schema.keys_of_type("date")
    found: list[Issue] = []
    for record in ctx.each():
        for path, value in ctx.walk(record):
            if isinstance(value, dict):
                for first, second in PAIRS:
                    a, b = value.get(first), value.get(second)
                    if _before(b, a):
                        found.append(
                            record.issue(
                                (*path, second), NAME, f"'{second}' ({b}) is before '{first}' ({a})"
                            )
                        )
                if isinstance(value.get("claimed_by"), list):
                    seen = [x.get("date") for x in value["claimed_by"]]
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
            if not path or path[-1] not in keys or not isinstance(value, str):
                continue
            if value == "unknown":
                continue
            date = PartialDate.parse(value)
            if date is None:
                found.append(record.issue(path, NAME, f"'{value}' is not a real calendar date"))
            elif date.earliest > ctx.today:
                found.append(
                    record.issue(
                        path, NAME, f"'{value}' is in the future (today is {ctx.today.isoformat()})"
                    )
                )
    return found
