# ruff: noqa: F811  (pytest fixtures imported from test_browser are parameters here)
"""Date columns in a real browser: a Turkish table shows dates in words and sorts them by date,
not by their words (reuses test_browser's browser, server and page fixtures)."""

from __future__ import annotations

import re

import pytest
from test_browser import SHOTS, base_url, browser, page  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

_CELLS = """([table, index]) => Array.from(document.querySelectorAll('article table')[table]
  .tBodies[0].rows).map(r => {
    const td = r.cells[index], time = td.querySelector('time[datetime]');
    return [td.textContent.trim(), time ? time.getAttribute('datetime') : null];
  })"""


def _column(page, table: int, heading: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    heads = page.eval_on_selector_all(
        f"article table >> nth={table} >> th", "els => els.map(e => e.textContent.trim())"
    )
    index = heads.index(heading)
    return [tuple(c) for c in page.evaluate(_CELLS, [table, index])]


def _key(iso: str | None) -> str:
    return (iso + "-00-00")[:10] if iso else "~"  # unknown dates last, as the words sort


@pytest.mark.parametrize(
    ("path", "heading"),
    [("tr/sources/", "Yayım tarihi"), ("tr/bases/incirlik/", "Tarih")],
)
def test_a_turkish_date_column_sorts_by_date(page, base_url: str, path: str, heading: str) -> None:
    page.goto(base_url + path)
    table = 0 if path == "tr/sources/" else _events_table(page)
    before = _column(page, table, heading)
    dated = [(text, iso) for text, iso in before if iso]
    # in words ("22 Mayıs 2013"), never the ISO form ("2013-05-22") the cell sorts by
    assert dated and not any(re.search(r"\d{4}-\d{2}", text) for text, _ in dated)
    assert any(re.search(r"[a-zçğıöşü] \d{4}", text) for text, _ in dated)
    by_words = sorted(t for t, _ in dated)
    by_date = [t for t, _ in sorted(dated, key=lambda c: _key(c[1]))]
    assert by_words != by_date, "the data must tell the two orders apart"
    header = page.locator(f"article table >> nth={table} >> th", has_text=heading)
    header.click()
    up = _column(page, table, heading)
    assert [_key(iso) for _, iso in up] == sorted(_key(iso) for _, iso in before)
    header.click()
    down = _column(page, table, heading)
    assert [_key(iso) for _, iso in down] == sorted((_key(i) for _, i in before), reverse=True)
    if SHOTS and path == "tr/sources/":
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "tr-sources-sorted-1280-light.png"))


def _events_table(page) -> int:  # type: ignore[no-untyped-def]
    """The index of the installation page's events table (headed Tarih | Olay)."""
    heads = page.eval_on_selector_all(
        "article table", "els => els.map(t => t.tHead ? t.tHead.textContent : '')"
    )
    return next(i for i, h in enumerate(heads) if "Tarih" in h and "Olay" in h)
