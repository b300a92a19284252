"""The shape of a language table (see kb.i18n)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
    """Interface strings by key; values are trusted Markdown with {field} placeholders.
    A placeholder may ask for a grammatical case ("{date:abl}"), given by `inflect`."""
    country_names: Mapping[str, str] | None = None
    """Country codes (ISO 3166-1, INT, NATO) in words; None keeps the codes themselves."""
    inflect: Callable[[str, str], str] | None = None
    """A value with a case suffix (`kb.i18n.suffix.inflect` for Turkish); None for a
    language whose strings ask for none."""

    def date(self, value: PartialDate | str | None) -> str:
        """A date in words ('2 July 2025', 'July 2025', '1955'), or the 'unknown' string."""
        date = parse(value) if isinstance(value, str) else value
        if date is None:
            return self.strings["date-unknown"]
        return date.human(self.months, self.day_month_year, self.month_year)

    def country(self, code: str) -> str:
        """A country code in words ('ES' -> 'İspanya'): the table first, then CLDR's name
        (Babel, loaded only for a code the table lacks), else the code."""
        if self.country_names is None:
            return code
        if code in self.country_names:
            return self.country_names[code]
        from babel import Locale  # slow to load; most pages never need it

        name: str = Locale.parse(self.code).territories.get(code, code)
        return name

    def inflected(self, text: str, case: str) -> str:
        """`text` in a grammatical case; a clear error where the language has no cases."""
        if self.inflect is None:
            raise ValueError(
                f"the {self.code!r} strings ask for case {case!r}, but the language has no "
                f"inflect function: remove the ':{case}' from the placeholder"
            )
        return self.inflect(text, case)

    def string(self, key: str) -> str:
        try:
            return self.strings[key]
        except KeyError:
            raise KeyError(f"no interface string {key!r} for language {self.code!r}") from None
