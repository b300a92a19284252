"""Downloads, maps and structured data: checked against their formats' rules and against the
data they came from, on the fixture corpus (golden files) and on hostile text."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import write_root

from kb import export, geomap, i18n, structured
from kb.check import check_root
from kb.dates import PartialDate

GOLDEN = Path(__file__).parent / "golden" / "export"
UPDATE = os.environ.get("KB_UPDATE_GOLDEN") == "1"


@pytest.fixture
def records(tmp_path: Path):
    result = check_root(write_root(tmp_path / "data", {}), base=tmp_path)
    assert result.ok, [i.format() for i in result.issues]
    return result.records


def hostile_records(tmp_path: Path, payload: str):
    from hostile import FIELDS, corpus

    root = write_root(tmp_path / "data", corpus(dict.fromkeys(FIELDS, payload)))
    result = check_root(root, base=tmp_path)
    assert result.ok, [i.format() for i in result.issues]
    return result.records


# --- golden files ---------------------------------------------------------------------------


def test_every_export_of_the_fixture_corpus_matches_its_golden_file(records) -> None:
    """Set KB_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change."""
    files = export.files(records, site_url="https://kb.example/")
    if UPDATE:
        for path, content in files.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_bytes(content)
    expected = {
        p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in GOLDEN.rglob("*") if p.is_file()
    }
    assert sorted(files) == sorted(expected)
    for path, content in files.items():
        assert content == expected[path], f"{path} differs; KB_UPDATE_GOLDEN=1 to accept"


def test_exports_are_byte_identical_on_rebuild(records) -> None:
    assert export.files(records) == export.files(list(reversed(records)))


# --- JSON -----------------------------------------------------------------------------------


def test_dataset_json_carries_the_schema_version_and_every_record(records) -> None:
    data = json.loads(export.files(records, ["json"])["api/v1/dataset.json"])
    assert data["schema_version"] == export.schema_version()
    assert [b["id"] for b in data["bases"]] == ["alpha"]
    assert data["bases"][0]["name"] == {"en": "Alpha Air Base", "tr": "Alfa Hava Üssü"}
    assert {s["id"] for s in data["sources"]} == {"src-one", "src-party"}


def test_one_json_file_per_record_and_the_schemas(records) -> None:
    names = set(export.files(records, ["json"]))
    assert {
        "api/v1/bases/alpha.json",
        "api/v1/sources/src-one.json",
        "api/v1/actors/party.json",
        "api/v1/claims.json",
        "api/v1/schema/base.schema.json",
        "api/v1/schema/common.schema.json",
    } <= names


# --- GeoJSON (RFC 7946) ---------------------------------------------------------------------


def test_geojson_follows_rfc_7946(records) -> None:
    doc = json.loads(export.files(records, ["geojson"])["api/v1/installations.geojson"])
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc  # RFC 7946 §4: WGS 84 only, no crs member
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]  # §3.1.1: longitude first
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert isinstance(feature["properties"], dict)
    alpha = doc["features"][0]
    assert alpha["geometry"]["coordinates"] == [35.4, 37.0]
    assert alpha["properties"]["name_tr"] == "Alfa Hava Üssü"


# --- CSV ------------------------------------------------------------------------------------


def _rows(blob: bytes) -> list[dict[str, str]]:
    assert blob.startswith("\ufeff".encode())  # spreadsheets read it as UTF-8
    return list(csv.DictReader(io.StringIO(blob.decode("utf-8-sig"), newline="")))


def test_csv_parses_back_to_the_data(records) -> None:
    files = export.files(records, ["csv"])
    (base,) = _rows(files["api/v1/installations.csv"])
    assert (base["id"], base["name_tr"], base["lat"], base["lon"]) == (
        "alpha",
        "Alfa Hava Üssü",
        "37.0",
        "35.4",
    )
    (claim,) = _rows(files["api/v1/claims.csv"])
    assert (claim["id"], claim["status"], claim["actors"], claim["first_claimed"]) == (
        "alpha-claim",
        "unassessed",
        "party",
        "2025-07-02",
    )
    assert {r["id"] for r in _rows(files["api/v1/sources.csv"])} == {"src-one", "src-party"}
    assert (claim["summary"], claim["summary_tr"]) == ("Not yet checked against any source.", "")
    assert (claim["assessment"], claim["assessment_tr"]) == ("Not yet checked.", "")
    assert list(claim)[-2:] == ["assessment", "assessment_tr"]  # new columns go at the end


@pytest.mark.parametrize("field", ["summary", "assessment"])
def test_the_claims_csv_carries_each_claims_texts_as_the_json_does(field: str) -> None:
    """Both languages, from the real data (most claims there have Turkish texts)."""
    from kb import addresses, build, paths
    from kb.export import cell

    records = list(build.load(paths.DATA, base=paths.ROOT).records)
    files = export.files(records, ["json", "csv"])
    texts = {c["id"]: c[field] for c in json.loads(files[addresses.export("claims")])["claims"]}
    rows = {r["id"]: r for r in _rows(files[addresses.export("claims", "csv")])}
    assert rows.keys() == texts.keys()
    for ident, text in texts.items():
        en, tr = (text["en"], text.get("tr", "")) if isinstance(text, dict) else (text, "")
        assert (rows[ident][field], rows[ident][f"{field}_tr"]) == (cell(en), cell(tr)), ident
    assert sum(1 for r in rows.values() if r[f"{field}_tr"]) > len(rows) / 2


@pytest.mark.parametrize("payload", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"])
def test_csv_cells_never_start_a_formula(tmp_path: Path, payload: str) -> None:
    files = export.files(hostile_records(tmp_path, payload), ["csv"])
    for name in ("api/v1/installations.csv", "api/v1/claims.csv", "api/v1/sources.csv"):
        for row in _rows(files[name]):
            for value in row.values():
                assert not value.startswith(("=", "+", "-", "@")), (name, value)
    names = [r["name"] for r in _rows(files["api/v1/installations.csv"])]
    assert names == ["'" + payload]


# --- hostile text stays inert in every export -------------------------------------------------


def test_hostile_text_survives_every_export_as_data(tmp_path: Path) -> None:
    payload = '</script><script>alert(1)</script>"'
    files = export.files(hostile_records(tmp_path, payload), site_url="https://kb.example/")
    for name, blob in files.items():
        if name.endswith((".json", ".geojson")):
            json.loads(blob)  # still valid JSON
    dataset = json.loads(files["api/v1/dataset.json"])
    assert dataset["bases"][0]["summary"] == payload


# --- map ------------------------------------------------------------------------------------


LEGEND = geomap.Legend(
    (("us", "United States"), ("nato", "NATO")), "active", "former", "shared", "moved"
)


def _marker(
    ident: str, lat: float, lon: float, name: str = "X", parties: tuple[str, ...] = ("us",)
) -> geomap.Marker:
    return geomap.Marker(ident, name, lat, lon, f"bases/{ident}/", parties, "United States")


def test_a_marker_sits_where_the_projection_puts_its_coordinates() -> None:
    svg = geomap.country_map([_marker("incirlik", 37.0019, 35.4258)], "Map", LEGEND)
    circle = BeautifulSoup(svg, "html.parser").select_one("circle.kb-marker[data-lat]")
    assert circle is not None
    x, y = float(circle["cx"]), float(circle["cy"])
    # equirectangular, x scaled by cos(39°), frame 25.5–45 E and 35.7–42.3 N, 1000 units wide
    k = 1000 / ((45.0 - 25.5) * math.cos(math.radians(39)))
    assert x == pytest.approx((35.4258 - 25.5) * math.cos(math.radians(39)) * k, abs=0.1)
    assert y == pytest.approx((42.3 - 37.0019) * k, abs=0.1)
    # corners of the frame land on the corners of the drawing
    assert geomap.project(42.3, 25.5) == (0, 0)
    assert geomap.project(35.7, 45.0) == (1000, geomap.HEIGHT)


def test_nearby_markers_are_spread_and_tied_to_their_places() -> None:
    # three sites in İzmir within a few kilometres of each other
    markers = [
        _marker("cigli", 38.513, 27.01),
        _marker("landcom", 38.43, 27.16),
        _marker("izmir-as", 38.42, 27.15),
    ]
    soup = BeautifulSoup(geomap.country_map(markers, "Map", LEGEND), "html.parser")
    points = [(float(c["cx"]), float(c["cy"])) for c in soup.select("circle.kb-marker[data-lat]")]
    assert all(
        math.dist(a, b) >= geomap.MIN_GAP - 0.2
        for i, a in enumerate(points)
        for b in points[i + 1 :]
    )
    assert len(soup.select(".kb-map-frame line.kb-map-tie")) >= 2
    # each leader line starts at a marker's true place
    true = {geomap.project(m.lat, m.lon) for m in markers}
    for line in soup.select(".kb-map-frame line.kb-map-tie"):
        assert (float(line["x1"]), float(line["y1"])) in true
    assert "moved" in soup.select_one("figcaption").get_text()


def _apart(points: list[tuple[float, float]]) -> bool:
    gap = geomap.MIN_GAP - 0.2  # positions are rounded to 0.1
    return all(math.dist(a, b) >= gap for i, a in enumerate(points) for b in points[i + 1 :])


def test_markers_spread_from_one_cluster_do_not_land_on_another() -> None:
    # a tight group whose spread circle reaches its neighbours: they must merge, not overlap
    points = [(1.7, 13.3), (26.3, 29.7), (14.0, 13.9), (13.1, 27.6), (17.4, 1.3)]
    assert _apart(geomap.spread(points))


def test_no_two_markers_end_up_too_close_in_any_layout() -> None:
    import random

    rng = random.Random(15)
    for _ in range(500):
        points = [(rng.uniform(0, 90), rng.uniform(0, 90)) for _ in range(rng.randint(2, 9))]
        placed = geomap.spread(points)
        assert _apart(placed), points
        assert placed == geomap.spread(points)  # deterministic


def test_former_and_shared_sites_are_set_apart_and_in_the_legend() -> None:
    markers = [
        geomap.Marker("a", "A", 39.0, 30.0, "a/", ("us", "nato"), "US, NATO", former=False),
        geomap.Marker("b", "B", 38.0, 40.0, "b/", ("us",), "US, former", former=True),
    ]
    soup = BeautifulSoup(geomap.country_map(markers, "Map", LEGEND), "html.parser")
    a = soup.select_one("a[data-id=a]")
    assert [w["class"][1] for w in a.select(".kb-wedge")] == ["kb-wedge--us", "kb-wedge--nato"]
    assert a.select_one(".kb-marker--active") is not None
    assert soup.select_one("a[data-id=b] .kb-marker--former") is not None
    # former sites are drawn first, so an active marker is never hidden under a former one
    assert [x["data-id"] for x in soup.select("a[data-id]")] == ["b", "a"]
    legend = soup.select_one("figcaption").get_text()
    for words in ("United States", "NATO", "active", "former", "shared"):
        assert words in legend


def test_markers_link_to_their_pages_with_accessible_names() -> None:
    svg = geomap.country_map([_marker("alpha", 39.0, 35.0, "<b>Alpha</b> & Co")], "Map", LEGEND)
    soup = BeautifulSoup(svg, "html.parser")
    link = soup.select_one("a[data-id=alpha]")
    # xlink:href, not href: Material's instant navigation reassigns every [href] and an SVG
    # link's href is read-only, which stops its script
    assert link is not None and link["xlink:href"] == "bases/alpha/" and not link.get("href")
    assert link["aria-label"] == "<b>Alpha</b> & Co (United States)"
    assert link.title.get_text() == "<b>Alpha</b> & Co (United States)"
    assert soup.find("b") is None  # the name is text, not markup
    assert "United States" in soup.select_one("figcaption").get_text()


def test_the_drawn_outline_follows_the_projected_outline_within_a_unit() -> None:
    path = geomap._outline_path()
    rings = re.findall(r"M(-?\d+),(-?\d+)l([-\d ]*)z", path)
    outline = geomap.outline()["rings"]
    assert len(rings) == len(outline)
    for (x, y, steps), ring in zip(rings, outline, strict=True):
        numbers = [int(n) for n in steps.split()]
        drawn = [(int(x), int(y))]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            drawn.append((drawn[-1][0] + dx, drawn[-1][1] + dy))
        for lon, lat in ring:  # every vertex of the data is on the drawing, to a unit
            px, py = geomap.project(lat, lon)
            assert min(math.dist((px, py), d) for d in drawn) <= 0.71


def test_the_outline_is_small_and_has_its_provenance() -> None:
    outline = json.loads(geomap.OUTLINE.read_text(encoding="utf-8"))
    assert "Natural Earth" in outline["source"] and "public domain" in outline["licence"]
    assert geomap.OUTLINE.stat().st_size < 10_000
    lons = [p[0] for ring in outline["rings"] for p in ring]
    lats = [p[1] for ring in outline["rings"] for p in ring]
    assert 25.5 < min(lons) < 27 and 44 < max(lons) < 45 and min(lats) > 35.7 and max(lats) < 42.3


# --- JSON-LD, feed, citations -----------------------------------------------------------------


def _date(text: str) -> PartialDate:
    date = PartialDate.parse(text)
    assert date is not None
    return date


def _review(
    text: str = "A claim", reviewed: str = "2026-11-01", cid: str = "c1"
) -> structured.Review:
    return structured.Review(
        cid,
        text,
        f"https://kb.example/claims/{cid}/",
        "disputed",
        "Disputed",
        _date(reviewed),
        "Summary.",
        "A Party",
        None,
        _date("2025-07-02"),
        "https://party.example/s",
    )


def test_jsonld_cannot_be_broken_out_of() -> None:
    payload = "</script><script>alert(1)</script>\u2028<!--"
    html = structured.jsonld(structured.claim_review(_review(payload), "KB", "https://kb.example/"))
    assert html.count("</script>") == 1 and "<!--" not in html
    body = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', str(html), re.S)
    assert body is not None
    data = json.loads(body.group(1))
    assert data["claimReviewed"] == payload
    assert data["itemReviewed"]["author"]["name"] == "A Party"
    assert data["reviewRating"]["alternateName"] == "Disputed"


def test_feed_is_atom_with_stable_ids_newest_first() -> None:
    reviews = [_review("old", "2026-01-01", "a"), _review("<new> & ]]>", "2026-11-01", "b")]
    blob = structured.atom(reviews, "KB", "https://kb.example/", "https://kb.example/feed.xml")
    root = ET.fromstring(blob)
    ns = {"a": structured.ATOM}
    assert root.tag == f"{{{structured.ATOM}}}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"a:{required}", ns) is not None
    entries = root.findall("a:entry", ns)
    assert [e.findtext("a:id", namespaces=ns) for e in entries] == [
        "tag:kb.example,2025:claim/b",
        "tag:kb.example,2025:claim/a",
    ]
    assert entries[0].findtext("a:title", namespaces=ns) == "Disputed: <new> & ]]>"
    assert entries[0].findtext("a:updated", namespaces=ns) == "2026-11-01T00:00:00Z"
    assert blob == structured.atom(
        list(reversed(reviews)), "KB", "https://kb.example/", "https://kb.example/feed.xml"
    )


def test_citations_escape_bibtex_and_carry_the_address_and_change_date() -> None:
    c = structured.Citable(
        "kb-alpha", "Alpha {x} 100% \\end", "https://kb.example/a/", "2026-11-20", "KB"
    )
    assert (
        structured.citation_text(c)
        == "“Alpha {x} 100% \\end.” KB. Last changed 2026-11-20. https://kb.example/a/"
    )
    bib = structured.bibtex(c)
    assert "title = {Alpha \\{x\\} 100\\% \\textbackslash{}end}" in bib
    assert "url = {https://kb.example/a/}" in bib
    csl = json.loads(structured.csl_json(c))
    assert (
        csl[0]["issued"] == {"date-parts": [[2026, 11, 20]]}
        and csl[0]["URL"] == "https://kb.example/a/"
    )


def test_feed_summaries_write_the_first_claim_date_in_the_feeds_language() -> None:
    ns = {"a": structured.ATOM}
    for code, expected in (("en", "2 July 2025"), ("tr", "2 Temmuz 2025")):
        language = i18n.language(code)
        blob = structured.atom([_review()], "KB", "https://kb.example/", "x", language)
        summary = ET.fromstring(blob).find("a:entry/a:summary", ns)
        assert summary is not None and f"({expected})" in (summary.text or "")


def test_the_cell_search_finds_the_same_first_clash_as_comparing_every_pair() -> None:
    # spread merges clusters in the order of their first clash; the grid must not change it
    import random

    rng = random.Random(17)
    for _ in range(300):
        points = [(rng.uniform(0, 120), rng.uniform(0, 80)) for _ in range(rng.randint(2, 40))]
        owner = {i: rng.randrange(4) for i in range(len(points))}
        every_pair = next(
            (
                (i, j)
                for i in range(len(points))
                for j in range(i + 1, len(points))
                if owner[i] != owner[j] and math.dist(points[i], points[j]) < geomap.MIN_GAP
            ),
            None,
        )
        assert geomap._first_clash(points, owner, geomap.MIN_GAP) == every_pair
