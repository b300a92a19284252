"""A real browser (Debian's Chromium, driven by Playwright) against the built site on 127.0.0.1.

Never downloads a browser: it uses /usr/bin/chromium. Without Chromium the tests skip locally
and fail under CI (CI=true).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = os.environ.get("KB_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SHOTS = Path(os.environ.get("KB_SCREENSHOTS", "")) if os.environ.get("KB_SCREENSHOTS") else None


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        message = "Chromium not found; install it with: apt-get install chromium"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


class Watch:
    """Requests and console errors seen by one page."""

    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.requests = 0
        page.on("request", self._request)
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _request(self, request) -> None:  # type: ignore[no-untyped-def]
        self.requests += 1
        host = urlsplit(request.url).hostname
        if request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            return
        self.foreign.append(request.url)


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.watch = Watch(page)
    yield page
    context.close()
    assert page.watch.foreign == [], page.watch.foreign
    assert page.watch.errors == [], page.watch.errors


def _search(  # type: ignore[no-untyped-def]
    page, base_url: str, query: str, folder: str = "", ready: str = "Type", ran: str = "matching"
) -> list[str]:
    """Type a query into Material's search on the site in `folder` ('' or 'tr/') and return
    the result links, best first. `ready` is a word of the meta line once the worker has built
    the index ("Type to start searching"); `ran`, one once the query ran ("N matching
    documents" or "No matching documents"): Material's strings in that site's language."""
    if not page.url.startswith(base_url + folder):
        page.goto(base_url + folder)
    meta = "document.querySelector('.md-search-result__meta')?.textContent || ''"
    page.keyboard.press("s")  # Material's shortcut opens the search dialog
    page.wait_for_function(f"() => /{ready}/.test({meta})", timeout=15_000)
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    page.wait_for_function(f"() => /{ran}/.test({meta})", timeout=10_000)
    return page.eval_on_selector_all(
        ".md-search-result__item > a", "els => els.map(e => e.getAttribute('href'))"
    )


SEARCHES = {
    "bases/incirlik/": [
        "İncirlik",
        "incirlik",
        "Incirlik",
        "INCIRLIK",
        "İNCİRLİK",
        "Adana Air Base",
        "LTAG",
        "UAB",
    ],
    "bases/cigli/": ["Çiğli", "çiğli", "cigli", "Cigli", "CIGLI", "ÇİĞLİ", "LTBL"],
    "bases/kurecik/": ["Kürecik", "kürecik", "kurecik", "KURECIK", "KÜRECİK"],
    "bases/konya/": ["Konya", "konya", "KONYA", "LTAN", "FOB Konya"],
}


@pytest.mark.parametrize(
    ("expected", "query"), [(page, q) for page, qs in SEARCHES.items() for q in qs]
)
def test_installation_is_the_top_result(page, base_url: str, expected: str, query: str) -> None:
    results = _search(page, base_url, query)
    assert results, f"no result for {query!r}"
    assert urlsplit(results[0]).path.endswith("/" + expected), (query, results[:3])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("izmir", "bases/cigli/"),
        ("IZMIR", "bases/cigli/"),
        ("malatya", "bases/kurecik/"),
        ("saricam", "bases/incirlik/"),
        ("akcadag", "bases/kurecik/"),
        ("Eskisehir", "bases/incirlik/"),
    ],
)
def test_place_names_in_text_are_found_without_turkish_letters(
    page, base_url: str, query: str, expected: str
) -> None:
    results = [urlsplit(r).path for r in _search(page, base_url, query)]
    assert any(r.endswith("/" + expected) for r in results), (query, results[:5])


def test_result_previews_keep_the_turkish_spelling(page, base_url: str) -> None:
    _search(page, base_url, "cigli")
    preview = page.locator(".md-search-result__item").first.inner_text()
    assert "Çiğli" in preview


def test_every_page_loads_cleanly_and_locally(page, base_url: str, built_site: Path) -> None:
    """Every built page: no console error, no request to any host but 127.0.0.1."""
    pages = sorted(
        p.parent.relative_to(built_site).as_posix() for p in built_site.rglob("index.html")
    )
    assert len(pages) > 100
    for name in pages:
        path = "" if name == "." else name + "/"
        page.goto(base_url + path, wait_until="load")
    assert page.watch.requests > len(pages)


def test_claims_table_sorts_when_a_header_is_clicked(page, base_url: str) -> None:
    page.goto(base_url + "claims/")
    headers = page.eval_on_selector_all("article table th", "els => els.map(e => e.textContent)")
    index = [h.strip() for h in headers].index("Year") + 1
    column = f"article table tbody tr td:nth-child({index})"
    header = page.locator("article table th", has_text="Year")
    header.click()
    first = page.eval_on_selector_all(column, "els => els.map(e => e.textContent.trim())")
    assert first == sorted(first)
    header.click()
    second = page.eval_on_selector_all(column, "els => els.map(e => e.textContent.trim())")
    assert second == sorted(first, reverse=True) and second != first


def test_installations_table_filters_by_a_chosen_value(page, base_url: str) -> None:
    page.goto(base_url + "bases/")
    rows = "article table tbody tr"
    total = page.locator(rows).count()
    visible = f"{rows}:not([hidden])"
    status = page.locator(".kb-filter-bar label", has_text="Status").locator("select")
    status.select_option("Former")
    former = page.eval_on_selector_all(
        visible + " td:nth-child(2)", "els => els.map(e => e.textContent.trim())"
    )
    assert former and set(former) == {"Former"} and len(former) < total
    present = page.locator(".kb-filter-bar label", has_text="Present").locator("select")
    present.select_option("NATO")
    both = page.locator(visible).count()
    assert 0 < both < len(former)
    status.select_option("")
    present.select_option("")
    assert page.locator(visible).count() == total


def test_dark_mode_toggle(page, base_url: str) -> None:
    page.goto(base_url)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.locator("label[title='Switch to dark mode']").first.click()
    page.wait_for_function(f"{scheme} === 'slate'")
    page.locator("label[title='Switch to light mode']").first.click()
    page.wait_for_function(f"{scheme} === 'default'")


def test_edit_this_page_points_at_the_yaml_file(page, base_url: str) -> None:
    page.goto(base_url + "bases/kurecik/")
    href = page.locator("a[title='Edit this page']").get_attribute("href")
    assert href.endswith("/edit/main/data/bases/kurecik.yaml")


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_pages_fit_the_screen(browser, base_url: str, width: int, scheme: str) -> None:
    """Home, an installation and the claims table, light and dark, phone and desktop: nothing
    wider than the screen (wide tables scroll inside their own box)."""
    context = browser.new_context(
        viewport={"width": width, "height": 900},
        color_scheme="dark" if scheme == "slate" else "light",
    )
    page = context.new_page()
    watch = Watch(page)
    for name in ("", "bases/incirlik/", "claims/", "bases/", "counts/"):
        page.goto(base_url + name)
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (name, width, overflow)
        if SHOTS:
            SHOTS.mkdir(parents=True, exist_ok=True)
            slug = name.strip("/").replace("/", "-") or "home"
            page.screenshot(path=str(SHOTS / f"{slug}-{scheme}-{width}.png"), full_page=True)
    context.close()
    assert watch.foreign == [] and watch.errors == []
