"""The shared filter bar (filters.js) in a real browser: a link to a status's section opens the
claims index with that status chosen and in view; the chosen filters are kept in the address,
so a filtered view can be shared (in either language); the menus work from the keyboard and
have names; and the builder's options per page: the Turkish alphabet and 'all' label on /tr/,
the timeline's decades hidden when filtered empty."""

# ruff: noqa: F811  (the browser fixtures are imported from test_browser and used by name)
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from test_browser import Watch, base_url, browser, page  # noqa: F401

from kb import addresses, build, i18n, languages, paths, schema

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHOWN = "article table tbody tr:not([hidden])"
BAR = ".kb-claims-filter-bar"


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return build.load(paths.DATA, base=paths.ROOT).corpus


def _status(corpus) -> str:  # type: ignore[no-untyped-def]
    """A status some claims have and others do not, so choosing it narrows the list."""
    counts = corpus.status_counts
    return next(s for s, _ in schema.claim_statuses() if 0 < counts[s] < len(corpus.claims))


def _choices(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(f"{BAR} select", "els => els.map(e => e.value)")


def _shown_statuses(page) -> set[str]:  # type: ignore[no-untyped-def]
    return set(
        page.eval_on_selector_all(
            f"{SHOWN} td:first-child .kb-status",
            "els => els.map(e => [...e.classList].find(c => c.startsWith('kb-status--')).slice(11))",
        )
    )


def _in_view(page, selector: str) -> bool:  # type: ignore[no-untyped-def]
    """The element's top is on screen, below Material's fixed header."""
    return page.evaluate(
        """s => { const top = document.querySelector(s).getBoundingClientRect().top;
        const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        return top >= header && top < innerHeight / 2; }""",
        selector,
    )


def _query(page) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return parse_qs(urlsplit(page.url).query)


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("folder", ["", "tr/"])
def test_a_status_link_opens_the_index_with_that_status_chosen(
    browser, base_url: str, corpus, width: int, folder: str
) -> None:
    status = _status(corpus)
    anchor = addresses.status_anchor(status)
    expected = corpus.status_counts[status]
    context = browser.new_context(viewport={"width": width, "height": 844})
    tab = context.new_page()
    watch = Watch(tab)
    # from the home page's status counts (Material's instant navigation), then as a shared link
    tab.goto(base_url + folder)
    tab.locator(f"article a[href$='#{anchor}']").first.click()
    tab.wait_for_url(f"**/{folder}claims/**#{anchor}")
    for arrival in ("link", "address"):
        if arrival == "address":
            tab.goto(f"{base_url}{folder}claims/#{anchor}")
        tab.wait_for_function(f"document.querySelector('{BAR} select')?.value === '{status}'")
        assert _choices(tab) == [status, "", "", ""], arrival
        assert tab.locator(SHOWN).count() == expected, arrival
        assert _shown_statuses(tab) == {status}, arrival
        assert str(expected) in tab.locator(".kb-claims-count").text_content()
        # the filtered table is what the reader sees, not the status's heading further down
        tab.wait_for_function("document.readyState === 'complete'")
        tab.wait_for_timeout(100)
        assert _in_view(tab, ".kb-claims-filter"), (arrival, width)
        assert _query(tab) == {"status": [status]}
    context.close()
    assert watch.foreign == [] and watch.errors == []


def test_a_status_link_within_the_index_chooses_it_and_keeps_its_place(
    page, base_url: str, corpus
) -> None:
    """The table of contents leads to the status's heading as before (the bar is not pulled
    into view), and chooses the status; the back button restores the unfiltered list."""
    status = _status(corpus)
    anchor = addresses.status_anchor(status)
    page.goto(base_url + "claims/")
    total = page.locator(SHOWN).count()
    page.locator(f".md-sidebar--secondary a[href$='#{anchor}']").first.click()
    page.wait_for_function(f"document.querySelector('{BAR} select')?.value === '{status}'")
    page.wait_for_timeout(200)
    assert _in_view(page, f"[id='{anchor}']")
    assert not _in_view(page, ".kb-claims-filter")
    assert _shown_statuses(page) == {status} and page.locator(SHOWN).count() < total
    page.go_back()
    page.wait_for_function(f"document.querySelector('{BAR} select')?.value === ''")
    assert page.locator(SHOWN).count() == total
    assert _query(page) == {}


def test_the_chosen_filters_are_kept_in_the_address(browser, base_url: str, corpus) -> None:
    status = _status(corpus)
    claim = next(c for c in corpus.claims if c.status == status)
    actor = corpus.actors[claim.actors[0]]
    wanted = sum(1 for c in corpus.claims if c.status == status and actor.id in c.actors)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    watch = Watch(tab)
    # another parameter in the address (Material's search highlight) stays as it is
    tab.goto(base_url + "claims/?h=radar")
    total = tab.locator(SHOWN).count()
    labels = schema.labels("claim-status", "en")
    tab.locator(f"{BAR} label", has_text="Status").locator("select").select_option(
        label=labels[status]
    )
    tab.locator(f"{BAR} label", has_text="Claimed by").locator("select").select_option(
        label=(actor.short or actor.name).get("en")
    )
    assert tab.locator(SHOWN).count() == wanted
    assert _query(tab) == {"h": ["radar"], "status": [status], "claimant": [actor.id]}
    rows = tab.eval_on_selector_all(SHOWN, "els => els.map(e => e.textContent)")
    shared = tab.url
    # the shared address opens the same view, on the Turkish site too (the values are ids)
    other = context.new_page()
    other.goto(shared)
    assert _choices(other) == [status, actor.id, "", ""]
    assert other.eval_on_selector_all(SHOWN, "els => els.map(e => e.textContent)") == rows
    other.goto(shared.replace("/claims/", "/tr/claims/"))
    assert _choices(other) == [status, actor.id, "", ""]
    assert other.locator(SHOWN).count() == wanted
    # unknown values choose nothing
    other.goto(base_url + "claims/?status=no-such-status&year=1066#status--nonsense")
    assert _choices(other) == ["", "", "", ""] and other.locator(SHOWN).count() == total
    # back to all: the filters leave the address
    tab.locator(f"{BAR} label", has_text="Status").locator("select").select_option("")
    tab.locator(f"{BAR} label", has_text="Claimed by").locator("select").select_option("")
    assert _query(tab) == {"h": ["radar"]}
    assert tab.locator(SHOWN).count() == total
    context.close()
    assert watch.foreign == [] and watch.errors == []


def test_changing_the_status_drops_a_status_fragment_that_no_longer_applies(
    page, base_url: str, corpus
) -> None:
    status = _status(corpus)
    other = next(s for s, _ in schema.claim_statuses() if s != status and corpus.status_counts[s])
    page.goto(f"{base_url}claims/#{addresses.status_anchor(status)}")
    page.wait_for_function(f"document.querySelector('{BAR} select')?.value === '{status}'")
    page.locator(f"{BAR} select").first.select_option(other)
    assert _query(page) == {"status": [other]} and urlsplit(page.url).fragment == ""
    assert _shown_statuses(page) == {other}


def test_the_menus_have_names_and_work_from_the_keyboard(page, base_url: str, corpus) -> None:
    page.goto(base_url + "claims/")
    total = page.locator(SHOWN).count()
    status = page.get_by_role("combobox", name=re.compile("^Status"))
    assert status.count() == 1
    status.focus()
    page.keyboard.press("ArrowDown")  # the first status, as a keyboard user picks it
    first = next(s for s, _ in schema.claim_statuses() if corpus.status_counts[s])
    assert status.input_value() == first
    assert _shown_statuses(page) == {first} and page.locator(SHOWN).count() < total
    assert page.evaluate("document.activeElement.dataset.column") == "Status"
    page.keyboard.press("Tab")  # the next menu, in the order they are shown
    assert page.evaluate("document.activeElement.dataset.column") == "Claimed by"
    assert page.get_by_role("combobox", name=re.compile("^Claimed by")).count() == 1
    assert page.locator(".kb-claims-count").get_attribute("aria-live") == "polite"


def test_turkish_menus_follow_the_turkish_alphabet(page, base_url: str) -> None:
    """The installations index on /tr/: 'tümü', not 'all', and İzmir among the I's."""
    page.goto(base_url + "tr/bases/")
    province = page.locator(".kb-filter-bar label", has_text="İl").locator("select")
    options = province.locator("option").all_text_contents()
    assert options[0] == i18n.language("tr").string("all")
    assert len(options) > 5 and any(o.startswith("İ") for o in options)
    assert options[1:] == sorted(options[1:], key=languages.turkish_key)


def test_the_timeline_hides_decades_filtered_empty(page, base_url: str, corpus) -> None:
    """Choosing an installation leaves only the decades with its events, headings included."""
    events: dict[str, list] = {}  # type: ignore[type-arg]
    for e in corpus.events:
        if e.page in corpus.bases:
            events.setdefault(e.page, []).append(e)
    place, own = max(events.items(), key=lambda item: len(item[1]))
    theirs = {e.date.year // 10 * 10 for e in own}
    assert theirs < {e.date.year // 10 * 10 for e in corpus.events}
    page.goto(base_url + addresses.url(addresses.page("timeline")))
    menu = page.locator(".kb-filter-bar label", has_text="Installation").locator("select")
    menu.select_option(label=corpus.bases[place].name.get("en"))
    shown = page.eval_on_selector_all(
        "article h2[id^='decade-']:not([hidden])", "els => els.map(e => e.id)"
    )
    assert shown == [f"decade-{d}" for d in sorted(theirs)]
    count = page.locator(".kb-filter-bar output").inner_text()
    assert count == f"{len(own)} / {len(corpus.events)}"
