"""Claim pages in a real browser: the claims index filters at 1280 and 390 px, old claim
anchors lead to the claim's page (with and without JavaScript), badges explain themselves,
and screenshots of the claim page, the index and an installation page, light and dark."""

# ruff: noqa: F811  (the browser fixtures are imported from test_browser and used by name)
from __future__ import annotations

import pytest
from test_browser import SHOTS, Watch, base_url, browser  # noqa: F401

from kb import schema

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROWS = "article table tbody tr"
SHOWN = f"{ROWS}:not([hidden])"
CLAIM = "kurecik-warned-israel-2025"


def _context(browser, width: int, scheme: str = "light", js: bool = True):  # type: ignore[no-untyped-def]
    return browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, java_script_enabled=js
    )


def _menu(page, name: str):  # type: ignore[no-untyped-def]
    return page.locator(".kb-claims-filter-bar label", has_text=name).locator("select")


def _cells(page, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(
        f"{SHOWN} td:nth-child({column})", "els => els.map(e => e.textContent.trim())"
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_claims_index_filters_by_status_and_claimant(browser, base_url: str, width: int) -> None:
    context = _context(browser, width)
    page = context.new_page()
    watch = Watch(page)
    page.goto(base_url + "claims/")
    total = page.locator(ROWS).count()
    assert total > 20 and page.locator(SHOWN).count() == total
    assert page.locator(".kb-claims-count").text_content() == f"{total} of {total} claims shown"
    # statuses in the menu follow the schema's order of meaning, not the alphabet
    options = _menu(page, "Status").locator("option").all_text_contents()[1:]
    labels = schema.labels("claim-status", "en")
    order = [labels[s] for s, _ in schema.claim_statuses()]
    assert options == [label for label in order if label in options] and len(options) > 3
    _menu(page, "Status").select_option("Disputed")
    disputed = page.locator(SHOWN).count()
    assert 0 < disputed < total
    assert page.locator(f"{SHOWN} .kb-status--disputed").count() == disputed
    assert page.locator(".kb-claims-count").text_content() == f"{disputed} of {total} claims shown"
    _menu(page, "Claimed by").select_option("TKP")
    both = page.locator(SHOWN).count()
    assert 0 < both < disputed
    assert all("TKP" in cell for cell in _cells(page, 4))
    _menu(page, "Status").select_option("")
    tkp = page.locator(SHOWN).count()
    assert both < tkp < total
    _menu(page, "Year").select_option("2025")
    assert all(cell == "2025" for cell in _cells(page, 5))
    _menu(page, "Claimed by").select_option("")
    _menu(page, "Year").select_option("")
    assert page.locator(SHOWN).count() == total
    # on a phone the rows are cards: nothing wider than the screen, the claim readable
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, (width, overflow)
    if width == 390:
        assert (
            page.evaluate(f"getComputedStyle(document.querySelector('{ROWS}')).display") == "block"
        )
        box = page.locator(f"{ROWS} td:nth-child(2)").first.bounding_box()
        assert box and box["width"] > 300
    context.close()
    assert watch.foreign == [] and watch.errors == []


def test_claims_index_is_readable_without_javascript(browser, base_url: str) -> None:
    context = _context(browser, 390, js=False)
    page = context.new_page()
    page.goto(base_url + "claims/")
    assert (
        page.locator(ROWS).count() > 20
        and page.locator(SHOWN).count() == page.locator(ROWS).count()
    )
    assert page.locator(".kb-claims-filter-bar").count() == 0
    assert page.locator(f"{ROWS} .kb-claim-summary").count() == page.locator(ROWS).count()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()


def test_status_column_sorts_by_meaning(browser, base_url: str) -> None:
    context = _context(browser, 1280)
    page = context.new_page()
    page.goto(base_url + "claims/")
    page.locator("article table th", has_text="Status").click()
    classes = page.eval_on_selector_all(
        f"{ROWS} td:first-child .kb-status",
        "els => els.map(e => [...e.classList].find(c => c.startsWith('kb-status--')).slice(11))",
    )
    order = [s for s, _ in schema.claim_statuses()]
    ranks = [order.index(c) for c in classes]
    assert ranks == sorted(ranks) or ranks == sorted(ranks, reverse=True)
    assert len(set(ranks)) > 3
    context.close()


def test_an_old_claim_anchor_leads_to_the_claim_page(browser, base_url: str) -> None:
    context = _context(browser, 1280)
    page = context.new_page()
    watch = Watch(page)
    page.goto(base_url + f"bases/kurecik/#{CLAIM}")
    page.wait_for_url(f"**/claims/{CLAIM}/")
    assert page.locator("h1").text_content().startswith("During the June 2025 Israel–Iran war")
    assert page.locator(".kb-verdict .kb-status--disputed").count() == 1
    # an anchor that is not a claim stays where it is
    page.goto(base_url + "bases/kurecik/#cited-sources")
    assert page.url.endswith("bases/kurecik/#cited-sources")
    context.close()
    assert watch.foreign == [] and watch.errors == []
    # without JavaScript the anchor lands on the card, whose link is the claim's page
    context = _context(browser, 390, js=False)
    page = context.new_page()
    page.goto(base_url + f"bases/kurecik/#{CLAIM}")
    card = page.locator(f"#{CLAIM}")
    assert card.count() == 1
    card.locator("a").first.click()
    page.wait_for_url(f"**/claims/{CLAIM}/")
    context.close()


def test_a_badge_explains_itself_on_hover_and_on_tap(browser, base_url: str) -> None:
    context = _context(browser, 390)
    page = context.new_page()
    page.goto(base_url + f"claims/{CLAIM}/")
    badge = page.locator(".kb-verdict .kb-status")
    meaning = dict(schema.claim_statuses())["disputed"]
    assert badge.get_attribute("title") == meaning
    assert badge.locator(".kb-status__icon").text_content()
    badge.click()
    page.wait_for_url("**/methodology/#status-disputed")
    row = page.locator("#status-disputed").locator("xpath=ancestor::tr")
    assert meaning in row.text_content()
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_claim_pages_fit_and_are_photographed(
    browser, base_url: str, width: int, scheme: str
) -> None:
    context = _context(browser, width, scheme)
    page = context.new_page()
    watch = Watch(page)
    for name in (f"claims/{CLAIM}/", "claims/", "bases/kurecik/", "about/"):
        page.goto(base_url + name)
        page.evaluate(
            "s => document.body.setAttribute('data-md-color-scheme', s)",
            "slate" if scheme == "dark" else "default",
        )
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (name, width, overflow)
        if SHOTS:
            SHOTS.mkdir(parents=True, exist_ok=True)
            slug = name.strip("/").replace("/", "-")
            page.screenshot(
                path=str(SHOTS / f"claim-pages-{slug}-{scheme}-{width}.png"), full_page=True
            )
    context.close()
    assert watch.foreign == [] and watch.errors == []
