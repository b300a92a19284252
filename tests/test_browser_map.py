# ruff: noqa: F811  (pytest fixtures imported from test_browser are parameters here)
"""The map in a real browser: its links work with Material's instant navigation, markers are
reachable by keyboard, and the map fits a phone screen in both palettes."""

from __future__ import annotations

import re

import pytest
from test_browser import CHROMIUM, FLAGS, Watch, base_url, browser, page  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_clicking_a_marker_opens_its_installation(page, base_url: str) -> None:
    page.goto(base_url)
    page.locator("figure.kb-map a[data-id=incirlik]").click()
    page.wait_for_url("**/bases/incirlik/")
    assert page.locator("h1").inner_text().startswith("İncirlik")
    page.goto(base_url + "bases/")
    page.locator("figure.kb-map a[data-id=konya]").click()
    page.wait_for_url("**/bases/konya/")


def test_markers_are_links_to_assistive_technology_and_keyboard(
    page,
    base_url: str,
) -> None:
    page.goto(base_url + "bases/")
    # Chromium's own accessibility tree (what a screen reader gets) has each marker as a link
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")
    links = [
        n["name"]["value"]
        for n in tree["nodes"]
        if not n.get("ignored") and n.get("role", {}).get("value") == "link" and "name" in n
    ]
    assert [n for n in links if re.match(r"İncirlik Air Base \(.*active\)$", n)], links
    marker = page.locator("figure.kb-map a[data-id=incirlik]")
    marker.focus()
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert label.startswith("İncirlik")
    page.keyboard.press("Enter")
    page.wait_for_url("**/bases/incirlik/")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_map_reads_on_a_phone(browser, base_url: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    watch = Watch(page)
    page.goto(base_url)
    box = page.locator("figure.kb-map .kb-map-frame > svg").bounding_box()
    assert box is not None and 300 <= box["width"] <= 390
    marker = page.locator("figure.kb-map a[data-id=konya] circle.kb-marker").bounding_box()
    assert marker is not None and marker["width"] >= 8  # a dot a reader can see and tap
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    # land and markers take Material's palette colours, so both schemes contrast
    land = page.evaluate("getComputedStyle(document.querySelector('.kb-map-land')).fill")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert land != background
    context.close()
    assert watch.errors == [] and watch.foreign == []
