"""A 390 px phone: no page of any type scrolls sideways, and no table hides columns off-screen
(tables with a header row become one card per row; fact boxes wrap long addresses)."""

from __future__ import annotations

import pytest
from test_browser import Watch, base_url, browser  # noqa: F401 (fixtures)

from kb import addresses, build, paths

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}


def _one_page_per_type() -> list[str]:
    """A URL path of one page of every generated page type (the record with the most to
    show: the longest address, the most claims) and of every hand-written page."""
    corpus = build.load(paths.DATA, base=paths.ROOT).corpus
    pick = {
        "base": max(corpus.bases.values(), key=lambda b: len(b.claims)).id,
        "actor": max(corpus.actors, key=lambda a: len(corpus.claims_by_actor.get(a, ()))),
        "source": max(corpus.sources.values(), key=lambda s: len(s.url)).id,
    }
    out = []
    for kind in addresses.PAGE_TYPES:
        if "{id}" in kind.path:
            ident = pick.get(kind.name) or next(
                (c.id for c in corpus.claims if kind.record == "claim"), None
            )
            if ident is None:
                raise AssertionError(f"no page of type {kind.name!r} picked for the phone test")
            out.append(addresses.url(addresses.page(kind.name, ident)))
        else:
            out.append(addresses.url(addresses.page(kind.name)))
    for name in addresses.HAND_WRITTEN:
        if (paths.ROOT / "docs" / addresses.hand_written(name)).is_file():
            out.append(addresses.url(addresses.hand_written(name)))
    return ["" if p == "index/" else p for p in out]


PAGES = _one_page_per_type()

# Tables (and their scroll boxes) wider than their column, ignoring sub-pixel rounding.
WIDE_TABLES = """() => Array.from(document.querySelectorAll('article table'))
  .map(t => [t.tHead ? t.tHead.textContent.trim().slice(0, 40) : '(fact box)',
             t.scrollWidth, t.closest('article').clientWidth])
  .filter(([, w, room]) => w > room + 1)"""


@pytest.mark.parametrize("path", PAGES)
def test_nothing_scrolls_sideways_on_a_phone(browser, base_url: str, path: str) -> None:  # noqa: F811
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    watch = Watch(page)
    page.goto(base_url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, (path, overflow)
    assert page.evaluate(WIDE_TABLES) == [], path
    context.close()
    assert watch.foreign == [] and watch.errors == []


def test_every_page_type_is_checked() -> None:
    names = {p.name for p in addresses.PAGE_TYPES}
    assert len(PAGES) == len(names) + sum(
        (paths.ROOT / "docs" / addresses.hand_written(n)).is_file() for n in addresses.HAND_WRITTEN
    )


def test_a_claims_row_is_a_card_with_every_column_named(browser, base_url: str) -> None:  # noqa: F811
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + addresses.url(addresses.page("claims")))
    row = page.locator("article table tbody tr").first
    cells = row.locator("td")
    heads = page.eval_on_selector_all(
        "article table thead th", "els => els.map(e => e.textContent.trim())"
    )
    labels = [cells.nth(i).get_attribute("data-label") for i in range(cells.count())]
    assert labels == heads
    box = row.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    for i in range(cells.count()):  # every column is on screen, one under the other
        cell = cells.nth(i).bounding_box()
        assert cell is not None and cell["x"] + cell["width"] <= PHONE["width"], labels[i]
    context.close()


def test_the_quality_table_fits_a_desktop_column(browser, base_url: str) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + addresses.url(addresses.page("quality")))
    assert page.evaluate(WIDE_TABLES) == []
    context.close()
