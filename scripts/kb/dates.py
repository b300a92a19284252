"""Partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`): the one parser, order and display.

History is often known only to the year or month, so a date keeps its precision: it orders
before the finer dates it contains, it spans a range (earliest..latest day), and it is shown
as precisely as it was written. Rules, the model, pages and exports all use this type.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering

_FORM = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate | None:
        """The date a string means, or None if it is not of the form or not a real date."""
        match = _FORM.fullmatch(text)
        if not match:
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None  # the pattern requires it
        if year < 1 or (month is not None and not 1 <= month <= 12):
            return None
        if day is not None and month and not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
        return cls(year, month, day)

    @property
    def precision(self) -> int:
        """1 for a year, 2 for a month, 3 for a day."""
        return 1 + (self.month is not None) + (self.day is not None)

    @property
    def earliest(self) -> dt.date:
        """The first day the date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day the date can mean."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def sort_key(self) -> tuple[int, int, int, int]:
        """A year sorts before its months, a month before its days."""
        return (self.year, self.month or 0, self.day or 0, self.precision)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def surely_before(self, other: PartialDate) -> bool:
        """True when this date is earlier than `other` at their shared precision
        (1955 is not surely before 1955-02; 1955-01 is)."""
        n = min(self.precision, other.precision)
        return self.sort_key()[:n] < other.sort_key()[:n]

    def iso(self) -> str:
        """ISO 8601 at the date's own precision: '1955', '1955-02', '1955-02-21'."""
        parts = [f"{self.year:04d}"]
        parts += [f"{self.month:02d}"] if self.month is not None else []
        parts += [f"{self.day:02d}"] if self.day is not None else []
        return "-".join(parts)

    def rfc3339(self) -> str:
        """RFC 3339 timestamp of the earliest moment (feeds need a full timestamp)."""
        return f"{self.earliest.isoformat()}T00:00:00Z"

    def human(self, months: tuple[str, ...], day_month_year: str, month_year: str) -> str:
        """The date in words, with one language's month names and patterns
        (see `kb.i18n.Language.date`)."""
        if self.month is None:
            return str(self.year)
        fields = {"year": self.year, "month": months[self.month - 1], "day": self.day}
        return (month_year if self.day is None else day_month_year).format(**fields)

    def __str__(self) -> str:
        return self.iso()


def parse(value: str | None) -> PartialDate | None:
    """A date field from checked data: None when absent or 'unknown'."""
    if value is None:
        return None
    return PartialDate.parse(value)
