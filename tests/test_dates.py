"""The one partial-date type: parsing, order, ranges and the forms pages and exports use."""

from __future__ import annotations

import datetime as dt

import pytest

from kb.dates import PartialDate, parse
from kb.i18n import language


@pytest.mark.parametrize("text", ["2025", "2025-07", "2025-07-02", "2024-02-29", "0001"])
def test_real_dates_parse_and_keep_their_form(text: str) -> None:
    date = PartialDate.parse(text)
    assert date is not None and date.iso() == str(date) == text


@pytest.mark.parametrize(
    "text",
    [
        "0000",
        "2025-13",
        "2025-00",
        "2025-02-30",
        "2023-02-29",
        "25-07",
        "2025-7",
        "2025-07-02x",
        "unknown",
        "",
    ],
)
def test_malformed_or_unreal_dates_do_not_parse(text: str) -> None:
    assert PartialDate.parse(text) is None


def test_unknown_and_absent_are_none() -> None:
    assert parse(None) is None
    assert parse("unknown") is None


def test_a_year_orders_before_its_months_and_a_month_before_its_days() -> None:
    texts = ["1955-02-21", "1955", "1954-12-31", "1955-02", "1955-01-31", "1956"]
    parsed = [PartialDate.parse(t) for t in texts]
    ordered = sorted(d for d in parsed if d is not None)
    assert len(ordered) == len(texts)
    assert [d.iso() for d in ordered] == [
        "1954-12-31",
        "1955",
        "1955-01-31",
        "1955-02",
        "1955-02-21",
        "1956",
    ]


@pytest.mark.parametrize(
    ("a", "b", "before"),
    [
        ("1955", "1955-02", False),
        ("1955-02", "1955", False),
        ("1955-01", "1955-02-01", True),
        ("1955-02-21", "1955-02-20", False),
        ("1954", "1955-01-01", True),
    ],
)
def test_surely_before_compares_at_the_shared_precision(a: str, b: str, before: bool) -> None:
    first, second = PartialDate.parse(a), PartialDate.parse(b)
    assert first is not None and second is not None
    assert first.surely_before(second) is before


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("2024-07-02", dt.date(2024, 7, 2), dt.date(2024, 7, 2)),
    ],
)
def test_earliest_and_latest_day(text: str, earliest: dt.date, latest: dt.date) -> None:
    date = PartialDate.parse(text)
    assert date is not None
    assert (date.earliest, date.latest) == (earliest, latest)


def test_rfc3339_is_the_earliest_moment() -> None:
    date = PartialDate.parse("2025-07")
    assert date is not None and date.rfc3339() == "2025-07-01T00:00:00Z"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2025-07-02", "2 July 2025"),
        ("2025-07", "July 2025"),
        ("1955", "1955"),
        ("unknown", "date unknown"),
    ],
)
def test_human_form_comes_from_the_language_table(text: str, words: str) -> None:
    assert language("en").date(text) == words


def test_human_form_uses_the_given_months_and_patterns() -> None:
    date = PartialDate.parse("2025-07-02")
    assert date is not None
    months = tuple(f"m{i}" for i in range(1, 13))
    assert date.human(months, "{day}. {month} {year}", "{month} {year}") == "2. m7 2025"
