"""The shape of a language table (see kb.i18n)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kb.dates import PartialDate, parse


@dataclass(frozen=True)
class Language:
    """Everything rendering needs to know about one language."""

    code: str
    months: tuple[str, ...]
    day_month_year: str
    """Pattern for a full date, with {day}, {month} and {year}."""
    month_year: str
    """Pattern for a month, with {month} and {year}."""
    strings: Mapping[str, str]
    """Interface strings by key; values are trusted Markdown with {field} placeholders."""

    def date(self, value: PartialDate | str | None) -> str:
        """A date in words ('2 July 2025', 'July 2025', '1955'), or the 'unknown' string."""
        date = parse(value) if isinstance(value, str) else value
        if date is None:
            return self.strings["date-unknown"]
        return date.human(self.months, self.day_month_year, self.month_year)

    def string(self, key: str) -> str:
        try:
            return self.strings[key]
        except KeyError:
            raise KeyError(f"no interface string {key!r} for language {self.code!r}") from None
