"""Screenshots for a person to look at: a claim, the claims index (whole, and opened by a status
link), an installation page, the sources index and the timeline, at 1280 and 390 px, light
and dark, saved into KB_SCREENSHOTS when it is set. Each shot is also checked: the colour
scheme is the one asked for and nothing scrolls sideways."""

from __future__ import annotations

import pytest
from test_browser import SHOTS, Watch, base_url, browser  # noqa: F401 (fixtures)

from kb import addresses, build, paths

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _targets() -> dict[str, str]:
    """Name -> URL path: the claim's own page when the site has one, else the claim on its
    installation page; the claims index, whole and opened by the claim's status link (the
    filter bar in view); the installation with the most claims; the sources index and the
    timeline (their filter bars)."""
    corpus = build.load(paths.DATA, base=paths.ROOT).corpus
    base = max(corpus.bases.values(), key=lambda b: len(b.claims))
    claim = base.claims[0]
    if any(p.name == "claim" for p in addresses.PAGE_TYPES):
        claim_url = addresses.url(addresses.page("claim", claim.id))
    else:
        claim_url = addresses.url(addresses.record_page(claim.page)) + "#" + claim.id
    return {
        "claim": claim_url,
        "claims-index": addresses.url(addresses.page("claims")),
        "installation": addresses.url(addresses.page("base", base.id)),
        # after another page: from the claims index itself it would be a link within the page
        "claims-by-status": addresses.url(addresses.page("claims"))
        + "#"
        + addresses.status_anchor(claim.status),
        "sources-index": addresses.url(addresses.page("sources")),
        "timeline": addresses.url(addresses.page("timeline")),
    }


TARGETS = _targets()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(browser, base_url: str, width: int, scheme: str) -> None:  # noqa: F811
    context = browser.new_context(
        viewport={"width": width, "height": 900 if width > 400 else 844}, color_scheme=scheme
    )
    page = context.new_page()
    watch = Watch(page)
    for name, path in TARGETS.items():
        page.goto(base_url + path)
        if "#" in path:
            page.wait_for_timeout(300)  # the page's own scrolling to the fragment settles
        palette = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert palette == ("slate" if scheme == "dark" else "default"), (name, palette)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (name, width, overflow)
        if SHOTS:
            SHOTS.mkdir(parents=True, exist_ok=True)
            shot = SHOTS / f"{name}-{width}-{scheme}.png"
            page.screenshot(path=str(shot), full_page="#" not in path)
            assert shot.stat().st_size > 5_000
    context.close()
    assert watch.foreign == [] and watch.errors == []
