# ruff: noqa: F811  (pytest fixtures imported from test_browser are parameters here)
"""The Turkish site in a real browser: search on /tr/ with the Turkish folding, and the
language switch (reuses test_browser's browser, server and page fixtures)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from test_browser import _search, base_url, browser, page  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _search_tr(page, base_url: str, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Material's search on /tr/, with its Turkish interface strings: "Aramaya başlamak için
    yazın" once the index is built, "N doküman bulundu" or "Eşleşen doküman bulunamadı" once
    the query ran."""
    return _search(page, base_url, query, folder="tr/", ready="yazın", ran="doküman")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kurecik", "tr/bases/kurecik/"),
        ("Kürecik", "tr/bases/kurecik/"),
        ("KÜRECİK", "tr/bases/kurecik/"),
        ("incirlik", "tr/bases/incirlik/"),
        ("cigli", "tr/bases/cigli/"),
    ],
)
def test_turkish_search_finds_the_installation_first(
    page, base_url: str, query: str, expected: str
) -> None:
    results = _search_tr(page, base_url, query)
    assert results, query
    assert urlsplit(results[0]).path.endswith("/" + expected), (query, results[:3])


def test_turkish_search_folds_turkish_letters_in_text(page, base_url: str) -> None:
    results = _search_tr(page, base_url, "nukleer")
    assert results
    assert all(urlsplit(r).path.startswith("/tr/") for r in results), results[:5]
    text = page.locator(".md-search-result__list").inner_text()
    assert "nükleer" in text.lower()


def test_language_switch_stays_on_the_same_page(page, base_url: str) -> None:
    page.goto(base_url + "bases/kurecik/")
    page.locator("a.kb-lang-link[hreflang=tr]").first.dispatch_event("click")
    page.wait_for_url(base_url + "tr/bases/kurecik/")
    assert page.evaluate("document.documentElement.lang") == "tr"
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "Ara"
    page.locator("a.kb-lang-link[hreflang=en]").first.dispatch_event("click")
    page.wait_for_url(base_url + "bases/kurecik/")
    assert page.evaluate("document.documentElement.lang") == "en"
