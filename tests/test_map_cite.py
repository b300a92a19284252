"""Issue 15 on the built site: maps on pages, JSON-LD in the head, "cite this page", the
downloads page and the record JSON links, checked against the data they came from."""

from __future__ import annotations

import json
import math
import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import write_root
from sitebuild import build_site, soup

from kb import addresses, geomap, maps, paths, schema, structured
from kb.build import load
from kb.site import from_config

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def loaded():  # type: ignore[no-untyped-def]
    return load(paths.DATA, base=paths.ROOT)


def _resolve(page_url: str, href: str) -> str:
    """A site path from a page's URL and a relative link on it."""
    return posixpath.normpath(posixpath.join(page_url, href.split("#")[0]))


def _exists(site: Path, path: str) -> bool:
    target = site / path
    return target.is_file() or (target / "index.html").is_file()


def _jsonld(page: BeautifulSoup) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]


# --- maps -------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["", "bases/"])
def test_country_map_has_a_marker_for_every_located_installation(
    built_site: Path, loaded, url: str
) -> None:
    page = soup(built_site, url.rstrip("/")) if url else soup(built_site, "")
    svg = page.select_one("figure.kb-map:not(.kb-map--locator) svg")
    # a group, not an img: an img's children (the marker links) are hidden from screen readers
    assert svg is not None and svg.get("role") == "group" and svg.title.get_text()
    links = {a["data-id"]: a for a in svg.select("a[data-id]")}
    located = maps.located(loaded.corpus)
    assert set(links) == {b.id for b in located}
    for base in located:
        link = links[base.id]
        assert _resolve(url or ".", link["xlink:href"]) == f"bases/{base.id}"
        assert _exists(built_site, f"bases/{base.id}")
        assert base.name.en in link["aria-label"] and link["aria-label"] == link.title.get_text()
        circle = link.select_one("circle.kb-marker")
        x, y = float(circle["cx"]), float(circle["cy"])
        true = geomap.project(base.location.lat, base.location.lon)
        if (x, y) != true:  # moved apart from a neighbour: a leader line ties it to its place
            ties = [
                t
                for t in svg.select("line.kb-map-tie")
                if (float(t["x2"]), float(t["y2"])) == (x, y)
            ]
            assert [(float(t["x1"]), float(t["y1"])) for t in ties] == [true], base.id
        # each presence status (active, former, unclear) is drawn in its own way
        assert circle["class"][1] == f"kb-marker--{base.presence.status}"
        wedges = [w["class"][1].removeprefix("kb-wedge--") for w in link.select(".kb-wedge")]
        assert wedges == list(base.presence.present)
    points = [(float(c["cx"]), float(c["cy"])) for c in svg.select("a[data-id] circle.kb-marker")]
    assert all(
        math.dist(a, b) >= geomap.MIN_GAP - 0.2
        for i, a in enumerate(points)
        for b in points[i + 1 :]
    )
    legend = page.select_one("figure.kb-map figcaption").get_text()
    labels = schema.labels("presence-who", "en")
    for who in {p for b in located for p in b.presence.present}:
        assert labels[who] in legend


def test_installations_without_a_sourced_point_are_listed_under_the_map(
    built_site: Path, loaded
) -> None:
    missing = maps.unlocated(loaded.corpus)
    assert missing, "the real data has installations without coordinates"
    for url in ("", "bases"):
        note = soup(built_site, url).select_one(".kb-map-missing")
        assert note is not None
        assert {_resolve(url or ".", a["href"]) for a in note.select("a")} == {
            f"bases/{b.id}" for b in missing
        }


def test_each_installation_page_has_a_locator_map_at_its_coordinates(
    built_site: Path, loaded
) -> None:
    for base in loaded.corpus.bases.values():
        page = soup(built_site, f"bases/{base.id}")
        figure = page.select_one("figure.kb-map--locator")
        if base.location.lat is None:
            assert figure is None, base.id
            continue
        circle = figure.select_one("circle.kb-marker")
        x, y = geomap.project(base.location.lat, base.location.lon)
        assert (float(circle["cx"]), float(circle["cy"])) == (x, y), base.id
        assert base.name.en in figure.svg.title.get_text()


def test_maps_need_no_script_and_no_other_host(built_site: Path) -> None:
    for url in ("", "bases", "bases/incirlik"):
        for figure in soup(built_site, url).select("figure.kb-map"):
            assert not figure.find_all(["script", "image", "img", "foreignobject", "use"])
            for tag in figure.find_all(True):
                assert not [a for a in tag.attrs if a.lower().startswith("on")]


# --- JSON-LD ----------------------------------------------------------------------------------


def test_installation_pages_carry_their_place(built_site: Path, loaded) -> None:
    site = from_config()
    for base in loaded.corpus.bases.values():
        objects = _jsonld(soup(built_site, f"bases/{base.id}"))
        assert [o["@type"] for o in objects] == ["Place"]
        place = objects[0]
        assert place["name"] == base.name.en
        assert base.name.tr in place["alternateName"]
        assert place["url"] == site.url + f"bases/{base.id}/"
        if base.location.lat is not None:
            assert place["geo"] == {
                "@type": "GeoCoordinates",
                "latitude": base.location.lat,
                "longitude": base.location.lon,
            }
        else:
            assert "geo" not in place


def test_each_assessed_claim_page_carries_its_claim_review(built_site: Path, loaded) -> None:
    site = from_config()
    status = schema.labels("claim-status", "en")
    for claim in loaded.corpus.claims:
        objects = _jsonld(soup(built_site, f"claims/{claim.id}"))
        if claim.status == "unassessed":
            assert objects == [], claim.id
            continue
        (r,) = objects
        assert r["@type"] == "ClaimReview"
        assert r["url"] == site.url + f"claims/{claim.id}/"
        assert r["claimReviewed"] == claim.text.en
        assert r["reviewRating"]["alternateName"] == status[claim.status]
        item = r["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["author"]["name"] == loaded.corpus.actors[claim.first.actor].name.en
        assert item["datePublished"] == claim.first.date.iso()
        assert item["appearance"]["url"] == loaded.corpus.sources[claim.first.source].url


def test_pages_without_a_record_carry_no_jsonld(built_site: Path) -> None:
    for url in ("", "claims", "methodology", "downloads"):
        assert _jsonld(soup(built_site, url)) == []


# --- cite this page ---------------------------------------------------------------------------


def test_installation_pages_offer_a_citation_with_address_date_and_files(
    built_site: Path, loaded
) -> None:
    site = from_config()
    for base in loaded.corpus.bases.values():
        url = f"bases/{base.id}/"
        page = soup(built_site, url.rstrip("/"))
        text = page.select_one(".kb-citation").get_text()
        assert site.url + url in text
        changed = loaded.changed.get(base.path)  # None while the file has uncommitted edits
        assert (f"Last changed {changed}." in text) if changed else "Last changed" not in text
        files = {
            _resolve(url, a["href"])
            for a in page.select("#cite ~ p a[href]")
            if "/cite/" in a["href"]
        }
        assert files == {
            addresses.citation("base", base.id, "bib"),
            addresses.citation("base", base.id, "json"),
        }
        csl = json.loads((built_site / addresses.citation("base", base.id, "json")).read_text())
        assert csl[0]["URL"] == site.url + url
        if changed:
            assert csl[0]["issued"]["date-parts"][0] == [int(p) for p in changed.split("-")]
        bib = (built_site / addresses.citation("base", base.id, "bib")).read_text()
        assert f"url = {{{site.url}{url}}}" in bib.replace("\\_", "_")


def test_every_claim_page_offers_a_citation_of_its_own_address(built_site: Path, loaded) -> None:
    site = from_config()
    for claim in loaded.corpus.claims:
        url = f"claims/{claim.id}/"
        (box,) = soup(built_site, url.rstrip("/")).select("details.kb-cite-this")
        text = box.get_text()
        assert f"{site.url}{url}" in text
        holder = (
            loaded.corpus.overview if claim.page == "overview" else loaded.corpus.bases[claim.page]
        )
        changed = loaded.changed.get(holder.path)
        assert (f"Last changed {changed}." in text) if changed else "Last changed" not in text
        files = {_resolve(url, a["href"]) for a in box.select("a[href]")}
        assert files == {
            addresses.citation("claim", claim.id, "bib"),
            addresses.citation("claim", claim.id, "json"),
        }
        assert all(_exists(built_site, f) for f in files)


# --- downloads and record JSON ----------------------------------------------------------------


def test_downloads_page_lists_every_published_file_with_its_size(built_site: Path, loaded) -> None:
    page = soup(built_site, "downloads")
    assert "downloads/" in {
        a["href"].split("../")[-1] for a in soup(built_site, "").select("nav a[href]")
    }
    text = page.select_one("article").get_text()
    published = loaded.published(from_config())
    for path, blob in published.items():
        assert (built_site / path).read_bytes() == blob, path
    linked = {_resolve("downloads/", a["href"]) for a in page.select("article table a[href]")}
    singles = [p for p in published if p.count("/") <= 2]
    for path in singles:
        assert path in linked, path
    assert "CC BY 4.0" in text
    rows = page.select("article table tbody tr")
    assert len(rows) >= 12


def test_each_record_page_links_to_its_own_json(built_site: Path, loaded) -> None:
    corpus = loaded.corpus
    pages = [("base", b.id, f"bases/{b.id}/") for b in corpus.bases.values()]
    pages += [("source", s.id, f"sources/{s.id}/") for s in list(corpus.sources.values())[:5]]
    pages += [("actor", a.id, f"actors/{a.id}/") for a in list(corpus.actors.values())[:5]]
    pages += [("overview", "overview", "overview/")]
    for kind, ident, url in pages:
        page = soup(built_site, url.rstrip("/"))
        hrefs = {_resolve(url, a["href"]) for a in page.select("article a[href$='.json']")}
        target = addresses.record_json(kind, ident)
        assert target in hrefs, url
        data = json.loads((built_site / target).read_text(encoding="utf-8"))
        assert data["id"] == ident


def test_feed_is_linked_from_every_page_and_lists_every_assessed_claim(
    built_site: Path, loaded
) -> None:
    for url in ("", "bases/incirlik", "downloads", "methodology"):
        link = soup(built_site, url).find("link", type="application/atom+xml")
        assert link is not None and _exists(
            built_site, _resolve(url + "/" if url else ".", link["href"])
        )
    root = ET.parse(built_site / addresses.feed()).getroot()
    ns = {"a": structured.ATOM}
    ids = [e.findtext("a:id", namespaces=ns) for e in root.findall("a:entry", ns)]
    assessed = [c for c in loaded.corpus.claims if c.status != "unassessed"]
    assert len(ids) == len(set(ids)) == len(assessed)
    updated = [e.findtext("a:updated", namespaces=ns) for e in root.findall("a:entry", ns)]
    assert updated == sorted(updated, reverse=True)


# --- hostile text -----------------------------------------------------------------------------

PAYLOAD = '</script><script>alert(1)</script><!-- "x" & <b>y</b>'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from hostile import corpus

    work = tmp_path_factory.mktemp("hostile15")
    texts = {"base.name.en": PAYLOAD, "claim.text": PAYLOAD, "actor.name": PAYLOAD}
    root = write_root(work / "data", corpus(texts))
    run = build_site(work / "site", env={"KB_DATA": str(root)})
    assert run.returncode == 0, run.stderr
    return work / "site"


def test_hostile_names_stay_inert_in_jsonld_maps_and_citations(hostile_site: Path) -> None:
    page = soup(hostile_site, "bases/alpha")
    scripts = page.find_all("script")
    assert not [s for s in scripts if "alert(1)" in (s.string or "") and not s.get("type")]
    (place,) = _jsonld(page)
    assert place["name"] == PAYLOAD
    (review,) = _jsonld(soup(hostile_site, "claims/alpha-claim"))
    assert review["claimReviewed"] == PAYLOAD
    assert review["itemReviewed"]["author"]["name"] == PAYLOAD
    assert page.find("b") is None
    locator = page.select_one("figure.kb-map--locator svg")
    assert PAYLOAD in locator.title.get_text()
    home = soup(hostile_site, "")
    marker = home.select_one("figure.kb-map a[data-id=alpha]")
    assert marker["aria-label"].startswith(PAYLOAD)
    assert home.find("b") is None
    assert PAYLOAD in page.select_one(".kb-citation").get_text()
    bib = (hostile_site / addresses.citation("base", "alpha", "bib")).read_text()
    assert 'title = {</script><script>alert(1)</script><!-- "x" \\& <b>y</b>}' in bib
