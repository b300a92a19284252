"""An `unclear` presence: sources describe it, none says whether it continues or when it ended.

It must have no `until`, and every view (pages in both languages, map, counts, exports) shows
it as neither present nor ended.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import TODAY, VALID, write_root

from kb import counts, geomap, i18n, maps, paths, schema
from kb.check import check_root
from kb.export import csv_files, geojson
from kb.loader import Record
from kb.model import Presence, build
from kb.render import Renderer

A = "data/bases/alpha.yaml"
ALPHA = VALID["bases/alpha.yaml"]
UNCLEAR = ALPHA.replace("  status: active\n", "  status: unclear\n")


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def _records(tmp_path: Path, alpha: str = UNCLEAR) -> list[Record]:
    root = write_root(tmp_path / "data", {"bases/alpha.yaml": alpha})
    result = check_root(root, base=tmp_path, today=TODAY)
    assert result.ok, [i.format() for i in result.issues]
    return list(result.records)


# --- the vocabulary and the rule ----------------------------------------------------------------


def test_unclear_is_in_the_schema_with_labels_in_both_languages() -> None:
    assert schema.labels("presence-status", "en")["unclear"] == "Unclear"
    assert schema.labels("presence-status", "tr")["unclear"] == "Belirsiz"


def test_an_unclear_presence_with_an_end_is_refused_at_the_end(check) -> None:
    text = UNCLEAR.replace('  since: "1955"\n', '  since: "1955"\n  until: unknown\n')
    assert check({"bases/alpha.yaml": text}) == [
        f"{A}:{_line(text, 'until: unknown')}:3: error [presence] an unclear presence has no "
        "'until': no source says it ended; remove 'until', or set 'status: former' if a source "
        "gives the end"
    ]


def test_an_unclear_presence_without_an_end_passes(check) -> None:
    assert check({"bases/alpha.yaml": UNCLEAR}) == []


# --- counts -------------------------------------------------------------------------------------


def test_an_unclear_presence_is_undecided_for_years_after_its_start() -> None:
    p = Presence(
        status="unclear", present=("us",), roles=("air-operations",), operated_by=("turkey",),
        since="2015-08", certainty="official", citations=(),
    )  # fmt: skip
    assert counts.covers(p, 2010) is False
    assert counts.covers(p, 2020) is None
    assert counts.matches({"status": ["active"]}, p) is False


# --- pages in both languages --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "row", "index", "wrong"),
    [
        (
            "en",
            "Unclear: US; since 1955; whether it continues is unclear",
            "| Unclear |",
            ("Active", "Former", "end unknown"),
        ),
        (
            "tr",
            "Belirsiz: ABD; 1955'ten itibaren; sürüp sürmediği belirsiz",
            "| Belirsiz |",
            ("Sürüyor", "Sona ermiş", "bitişi bilinmiyor"),
        ),
    ],
)
def test_pages_say_unclear_not_present_or_ended(
    tmp_path: Path, lang: str, row: str, index: str, wrong: tuple[str, ...]
) -> None:
    renderer = Renderer(build(_records(tmp_path)), lang=lang)
    prefix = "" if lang == "en" else f"{lang}/"
    pages = {g.uri.removeprefix(prefix): g.content for g in renderer.pages()}
    page = pages["bases/alpha.md"]
    assert row in page
    presence = next(line for line in page.splitlines() if '<a id="presence"></a>' in line)
    for words in wrong:
        assert words not in presence, words
    row_of_alpha = next(
        line for line in pages["bases/index.md"].splitlines() if "(alpha.md)" in line
    )
    assert index in row_of_alpha


def test_home_and_index_count_unclear_presences_apart(tmp_path: Path) -> None:
    renderer = Renderer(build(_records(tmp_path)))
    pages = {g.uri: g.content for g in renderer.pages()}
    assert (
        "0 with a\npresence described as continuing, 0 former, and 1 where"
        in pages["bases/index.md"]
    )


# --- the map ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "label"),
    [("en", "US, unclear whether it continues"), ("tr", "ABD, sürüp sürmediği belirsiz")],
)
def test_the_map_draws_an_unclear_presence_apart(tmp_path: Path, lang: str, label: str) -> None:
    corpus = build(_records(tmp_path))
    language = i18n.language(lang)
    marker = maps.marker(corpus.bases["alpha"], "alpha/", language)
    assert (marker.state, marker.label) == ("unclear", label)
    active = geomap.Marker("b", "B", 38.0, 40.0, "b/", ("us",), "US")
    svg = BeautifulSoup(
        geomap.country_map([marker, active], "Map", maps.legend(language)), "html.parser"
    )
    assert svg.select_one("a[data-id=alpha] .kb-marker--unclear") is not None
    assert svg.select_one("a[data-id=b] .kb-marker--active") is not None
    legend = svg.select("ul.kb-map-legend li")
    unclear = [li for li in legend if li.select_one(".kb-marker--unclear")]
    assert [li.get_text(strip=True) for li in unclear] == [language.string("legend-unclear")]
    assert not any(li.select_one(".kb-marker--former") for li in legend)


# --- exports ------------------------------------------------------------------------------------


def test_exports_carry_unclear_and_no_end(tmp_path: Path) -> None:
    records = _records(tmp_path)
    [feature] = geojson(records)["features"]
    assert feature["properties"]["status"] == "unclear"
    assert not feature["properties"].get("until")
    rows = next(v for k, v in csv_files(records).items() if k.endswith("installations.csv"))
    assert ",unclear,us,air-operations,1955,,official," in rows.decode("utf-8-sig")


# --- the real data ------------------------------------------------------------------------------


def test_diyarbakir_is_unclear_with_its_change_logged() -> None:
    result = check_root(paths.DATA, base=paths.ROOT)
    base = build(result.records).bases["diyarbakir-air-base"]
    assert base.presence is not None
    assert (base.presence.status, base.presence.until) == ("unclear", None)
    logged = {(h.field, h.previous_text) for h in base.presence.history}
    assert {("status", "former"), ("until", "unknown")} <= logged
