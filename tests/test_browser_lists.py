"""Long lists narrow: the sources index filters by kind, language and publisher and counts the
places citing each source; the timeline filters by installation and decade and links only what
leads somewhere; a citation number shows its source on hover, focus and tap."""

from __future__ import annotations

import pytest
from test_browser import Watch, base_url, browser, page  # noqa: F401 (fixtures)

from kb import addresses, build, paths, schema

pytestmark = [pytest.mark.browser, pytest.mark.slow]

VISIBLE = "article table tbody tr:not([hidden])"


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return build.load(paths.DATA, base=paths.ROOT).corpus


def _column(tab, name: str, rows: str = VISIBLE) -> list[str]:  # type: ignore[no-untyped-def]
    return tab.eval_on_selector_all(
        f"{rows} td[data-label='{name}']", "els => els.map(e => e.textContent.trim())"
    )


def _menu(tab, name: str):  # type: ignore[no-untyped-def]
    return tab.locator(".kb-filter-bar label", has_text=name).locator("select")


def test_sources_filter_by_kind_language_and_publisher(page, base_url: str, corpus) -> None:  # noqa: F811
    page.goto(base_url + addresses.url(addresses.page("sources")))
    total = page.locator("article table tbody tr").count()
    assert total == len(corpus.sources)
    research = schema.labels("source-kind", "en")["research"]
    _menu(page, "Kind").select_option(research)
    kinds = _column(page, "Kind")
    assert kinds and set(kinds) == {research} and len(kinds) < total
    assert page.locator(".kb-filter-bar output").inner_text() == f"{len(kinds)} / {total}"
    _menu(page, "Kind").select_option("")
    turkish = schema.labels("source-language", "en")["tr"]
    _menu(page, "Language").select_option(turkish)
    assert set(_column(page, "Language")) == {turkish}
    _menu(page, "Language").select_option("")
    publisher = next(iter(corpus.sources.values())).publisher
    _menu(page, "Publisher").select_option(publisher)
    wanted = sum(1 for s in corpus.sources.values() if s.publisher == publisher)
    assert _column(page, "Publisher") == [publisher] * wanted


def test_sources_show_how_many_places_cite_each(page, base_url: str, corpus) -> None:  # noqa: F811
    page.goto(base_url + addresses.url(addresses.page("sources")))
    cited = _column(page, "Cited")
    expected = [str(len(corpus.backlinks.get(s, ()))) for s in corpus.sources]
    assert cited == expected
    assert max(int(c) for c in cited) > 1


def test_timeline_filters_by_installation_and_decade(page, base_url: str, corpus) -> None:  # noqa: F811
    page.goto(base_url + addresses.url(addresses.page("timeline")))
    total = page.locator("article table tbody tr").count()
    assert total == len(corpus.events)
    incirlik = corpus.bases["incirlik"].name.get("en")
    _menu(page, "Installation").select_option(incirlik)
    places = _column(page, "Installation")
    expected = sum(1 for e in corpus.events if e.page == "incirlik")
    assert places == [incirlik] * expected and 0 < expected < total
    _menu(page, "Installation").select_option("")
    _menu(page, "Decade").select_option("1950s")
    headings = page.eval_on_selector_all(
        "article h2:not([hidden])", "els => els.map(e => e.firstChild.textContent.trim())"
    )
    assert headings == ["1950s"]
    years = {e.date.year for e in corpus.events if 1950 <= e.date.year < 1960}
    rows = page.locator("article table:not([hidden]) tbody tr:not([hidden])")
    visible = [r for r in rows.all() if r.is_visible()]
    assert len(visible) == sum(1 for e in corpus.events if e.date.year in years)


def test_timeline_links_only_what_leads_somewhere(browser, base_url: str, corpus) -> None:  # noqa: F811
    """Without JavaScript every event shows; the event text is text, the installation is the
    link (to the event on its page)."""
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(base_url + addresses.url(addresses.page("timeline")))
    assert tab.locator("article table tbody tr").count() == len(corpus.events)
    assert tab.locator("article td[data-label='Event'] a").count() == 0
    first = corpus.events[0]
    link = tab.locator("article td[data-label='Installation'] a").first
    assert link.get_attribute("href").endswith(f"#{first.id}")
    context.close()


def _box(tab) -> str:  # type: ignore[no-untyped-def]
    return tab.evaluate(
        "(() => { const b = document.getElementById('kb-cite-box');"
        " return b && !b.hidden ? b.textContent : ''; })()"
    )


def test_a_citation_shows_its_source_on_hover_and_focus(page, base_url: str, corpus) -> None:  # noqa: F811
    base = corpus.bases["incirlik"]
    page.goto(base_url + addresses.url(addresses.page("base", base.id)))
    link = page.locator("article sup.kb-cite a").first
    href = link.get_attribute("href")
    source = corpus.sources[href.split("#", 1)[1].removeprefix(addresses.SOURCE_ANCHOR_PREFIX)]
    link.hover()
    assert source.title in _box(page) and source.publisher in _box(page)
    box = page.locator("#kb-cite-box").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + 5, box["y"] + 5)  # into the box: it stays, to follow its links
    page.wait_for_timeout(500)
    assert source.title in _box(page)
    page.mouse.move(0, 0)
    page.wait_for_function("document.getElementById('kb-cite-box').hidden")
    link.focus()  # keyboard
    assert source.title in _box(page)
    assert link.get_attribute("aria-describedby") == "kb-cite-box"
    page.keyboard.press("Escape")
    assert _box(page) == ""


def test_a_citation_shows_its_source_on_the_first_tap(browser, base_url: str, corpus) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    tab = context.new_page()
    watch = Watch(tab)
    tab.goto(base_url + addresses.url(addresses.page("base", "incirlik")))
    link = tab.locator("article sup.kb-cite a").first
    link.scroll_into_view_if_needed()
    link.tap()
    assert _box(tab) != "" and "#" not in tab.url
    box = tab.locator("#kb-cite-box").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    link.tap()  # the second tap follows the link to the bibliography
    tab.wait_for_url("**#src-*")
    context.close()
    assert watch.errors == []
