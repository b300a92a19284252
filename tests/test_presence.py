"""Issue 14: presence fields, the presence rule, and counts computed from the data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import TODAY, VALID, write_root

from kb import counts, paths
from kb.check import check_root
from kb.model import Presence, build
from kb.render import Renderer
from kb.rules.presence import MIN_DISTANCE_M, distance_m

A = "data/bases/alpha.yaml"
ALPHA = VALID["bases/alpha.yaml"]
PRESENCE_LINE = ALPHA.splitlines().index("presence:") + 1


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def alpha(old: str, new: str) -> dict[str, str]:
    assert old in ALPHA, old
    return {"bases/alpha.yaml": ALPHA.replace(old, new)}


def beta(lat: float, lon: float, extra: str = "") -> dict[str, str]:
    """A second installation at (lat, lon), otherwise like alpha."""
    text = (
        ALPHA.replace("id: alpha\n", "id: beta\n")
        .replace("alpha-", "beta-")
        .replace("{lat: 37.0, lon: 35.4}", f"{{lat: {lat}, lon: {lon}}}")
    )
    if extra:
        text = text.replace("  citations: [{source: src-one}]\nsummary:", extra + "summary:", 1)
    return {"bases/beta.yaml": text}


OVERVIEW = """\
id: overview
title: Overview
summary: Country-wide.
counts:
  - id: count-us-now
    figure: 3
    label: Three US bases
    statement: {statement}
    definition: US bases in use now.
    includes: {includes}
"""


def overview(statement: str = "alpha-fact", includes: str = "{present: [us], status: [active]}"):
    return {"overview.yaml": OVERVIEW.format(statement=statement, includes=includes)}


# --- the rule ---------------------------------------------------------------------------------


def test_valid_presence_passes(check) -> None:
    assert check(overview()) == []


def test_former_without_an_end_is_an_error(check) -> None:
    files = alpha("  status: active\n  present", "  status: former\n  present")
    assert check(files) == [
        f"{A}:{PRESENCE_LINE + 1}:3: error [presence] a former presence needs 'until': the date "
        "it ended, or 'unknown' when no source says"
    ]


@pytest.mark.parametrize("until", ["unknown", '"1990"', "1990-05-01"])
def test_former_with_an_end_or_an_explicit_unknown_passes(check, until: str) -> None:
    files = alpha("  status: active\n  present", f"  status: former\n  until: {until}\n  present")
    assert check(files) == []


def test_active_with_an_end_is_an_error(check) -> None:
    files = alpha("  status: active\n", "  status: active\n  until: unknown\n")
    assert check(files) == [
        f"{A}:{PRESENCE_LINE + 2}:3: error [presence] an active presence has no 'until'; set "
        "'status: former' if it has ended"
    ]


def test_missing_presence_is_a_schema_error(check) -> None:
    text = ALPHA[: ALPHA.index("presence:\n")]
    assert check({"bases/alpha.yaml": text}) == [
        f"{A}:1:1: error [schema] missing required key 'presence' at the top level"
    ]


def test_unknown_presence_value_is_refused_with_the_vocabulary(check) -> None:
    [line] = check(alpha("present: [us]", "present: [usa]"))
    assert line.startswith(f"{A}:{PRESENCE_LINE + 2}:")
    assert "not one of: us, nato, other-ally" in line


def test_coordinates_outside_turkey_are_an_error(check) -> None:
    [line] = check(alpha("{lat: 37.0, lon: 35.4}", "{lat: 48.8, lon: 2.3}"))
    assert "[geo] coordinates (48.8, 2.3) are outside Turkey" in line


def test_two_installations_within_a_few_hundred_metres_are_an_error(check) -> None:
    # 0.001 degrees of latitude is about 111 m.
    [line] = check(beta(37.001, 35.4))
    assert line == (
        f"{A}:{line_of(ALPHA, 'coordinates:')}:3: error [presence] 'alpha' is 111 m from 'beta' "
        f"(closer than {MIN_DISTANCE_M:.0f} m): if they are one site entered twice, merge them; "
        "if they share a site, add 'shares_site_with: [beta]' under location"
    )


def test_installations_sharing_a_site_may_be_close(check) -> None:
    shares = "  shares_site_with: [alpha]\n  citations: [{source: src-one}]\n"
    assert check(beta(37.001, 35.4, extra=shares)) == []


def test_installations_a_kilometre_apart_pass(check) -> None:
    assert check(beta(37.01, 35.4)) == []


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("gamma", "no installation 'gamma' in data/bases/; check the id"),
        ("alpha", "an installation cannot share its own site"),
    ],
)
def test_shares_site_with_must_name_another_installation(check, target: str, message: str) -> None:
    files = alpha(
        "  citations: [{source: src-one}]\nsummary:",
        f"  shares_site_with: [{target}]\n  citations: [{{source: src-one}}]\nsummary:",
    )
    assert check(files) == [
        f"{A}:{line_of(files['bases/alpha.yaml'], 'shares_site_with')}:"
        f"22: error [presence] {message}"
    ]


def test_a_count_must_point_at_a_recorded_claim_or_fact(check) -> None:
    assert check(overview(statement="alpha-nothing")) == [
        "data/overview.yaml:8:5: error [presence] no claim or fact with id 'alpha-nothing'; "
        "name the claim or fact that records this count"
    ]


def test_distance() -> None:
    # One degree of latitude is about 111.2 km everywhere.
    assert distance_m((37.0, 35.0), (38.0, 35.0)) == pytest.approx(111_195, rel=1e-3)
    assert distance_m((37.0, 35.0), (37.0, 35.0)) == 0


# --- counting ---------------------------------------------------------------------------------


def presence(**kw: object) -> Presence:
    base: dict[str, object] = {
        "status": "active",
        "present": ("us",),
        "roles": ("radar",),
        "operated_by": ("turkey",),
        "since": "1960",
        "certainty": "official",
        "citations": (),
    }
    return Presence(**{**base, **kw})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("p", "year", "expected"),
    [
        (presence(), 1987, True),
        (presence(since="1990"), 1987, False),
        (presence(since="unknown"), 1987, None),
        (presence(status="former", until="1980"), 1987, False),
        (presence(status="former", until="1987-06"), 1987, True),
        (presence(status="former", until="unknown"), 1987, None),
        (presence(status="former", since="1995", until="unknown"), 1987, False),
    ],
)
def test_covers(p: Presence, year: int, expected: bool | None) -> None:
    assert counts.covers(p, year) is expected


@pytest.mark.parametrize(
    ("includes", "p", "expected"),
    [
        ({}, presence(), True),
        ({"present": ["nato"]}, presence(), False),
        ({"present": ["nato", "us"]}, presence(), True),
        ({"roles": ["fuel"]}, presence(), False),
        ({"status": ["former"]}, presence(), False),
        ({"operated_only_by": ["us"]}, presence(operated_by=("us",)), True),
        ({"operated_only_by": ["us"]}, presence(operated_by=("us", "nato")), False),
        ({"active_in": "1950"}, presence(), False),
        ({"active_in": "2000", "present": ["us"]}, presence(since="unknown"), None),
    ],
)
def test_matches(includes: dict[str, object], p: Presence, expected: bool | None) -> None:
    assert counts.matches(includes, p) is expected


def _counts_page(root: Path) -> str:
    result = check_root(root, base=root.parent, today=TODAY)
    assert result.ok, [i.format() for i in result.issues]
    return Renderer(build(result.records)).render("counts.md.j2", "counts.md")


def _matching(page: str, count_id: str) -> int:
    found = re.search(rf"\(#{count_id}\) \|.*\| (\d+)(?: \(\+\d+ undecided\))? \|\n", page)
    assert found, page
    return int(found.group(1))


def test_the_number_on_the_counts_page_follows_the_data(tmp_path: Path) -> None:
    root = write_root(tmp_path / "a" / "data", overview())
    assert _matching(_counts_page(root), "count-us-now") == 1
    # Add a second active US installation: the number goes up.
    root = write_root(tmp_path / "b" / "data", {**overview(), **beta(38.0, 35.0)})
    assert _matching(_counts_page(root), "count-us-now") == 2
    # Mark alpha as former: it drops out of an 'active' reading.
    files = {
        **overview(),
        **beta(38.0, 35.0),
        **alpha("  status: active\n", "  status: former\n  until: unknown\n"),
    }
    root = write_root(tmp_path / "c" / "data", files)
    page = _counts_page(root)
    assert _matching(page, "count-us-now") == 1
    listed = page.split("Listed installations matching this reading")[1]
    assert "(bases/beta.md)" in listed and "(bases/alpha.md)" not in listed


def test_undecided_installations_are_listed_apart(tmp_path: Path) -> None:
    files = {**overview(includes='{active_in: "2000"}'), **alpha('since: "1955"', "since: unknown")}
    page = _counts_page(write_root(tmp_path / "data", files))
    assert "| 0 (+1 undecided) |" in page
    assert "Undecided, because a date the reading needs is unknown: [Alpha Air Base]" in page


# --- the real data ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real() -> tuple[Renderer, dict[str, str]]:
    result = check_root(paths.DATA, base=paths.ROOT)
    if not result.ok:
        pytest.fail("\n".join(i.format() for i in result.issues if i.level.name == "ERROR"))
    renderer = Renderer(build(result.records))
    return renderer, {g.uri: g.content for g in renderer.pages()}


def test_every_installation_page_builds_with_its_presence(real) -> None:
    renderer, pages = real
    for base in renderer.corpus.bases.values():
        page = pages[f"bases/{base.id}.md"]
        assert '<a id="presence"></a>Presence' in page, base.id
        assert f"]({base.id}.md)" in pages["bases/index.md"], base.id


def test_every_count_on_the_counts_page_is_computed_from_the_data(real) -> None:
    """Each number equals a count made here, independently, from the presence fields."""
    renderer, pages = real
    corpus = renderer.corpus
    assert corpus.overview and corpus.overview.counts
    for count in corpus.overview.counts:
        inc = count.includes
        expected = 0
        for base in corpus.bases.values():
            p = base.presence
            assert p is not None
            if inc.get("present") and not set(inc["present"]) & set(p.present):
                continue
            if inc.get("roles") and not set(inc["roles"]) & set(p.roles):
                continue
            if inc.get("status") and p.status not in inc["status"]:
                continue
            if inc.get("operated_only_by") and not set(p.operated_by) <= set(
                inc["operated_only_by"]
            ):
                continue
            if "active_in" in inc:
                year = int(inc["active_in"])
                start = int(p.since[:4]) if p.since[:4].isdigit() else None
                end = None if p.status == "active" else p.until
                end_year = int(end[:4]) if end and end[:4].isdigit() else None
                unsure = start is None or (p.status != "active" and end_year is None)
                if unsure and (start is None or start <= year):
                    continue  # undecided, listed apart
                if start > year or (end_year is not None and end_year < year):
                    continue
            expected += 1
        assert _matching(pages["counts.md"], count.id) == expected, count.id


def test_a_count_claim_links_to_its_comparison(tmp_path: Path) -> None:
    files = {**overview(statement="alpha-claim")}
    result = check_root(write_root(tmp_path / "data", files), base=tmp_path, today=TODAY)
    assert result.ok, [i.format() for i in result.issues]
    renderer = Renderer(build(result.records))
    page = next(g.content for g in renderer.pages() if g.uri == "claims/alpha-claim.md")
    assert "**Counts compared.**" in page
    assert "[Three US bases](../counts.md#count-us-now)" in page


def test_an_unlocated_installation_exports_with_a_null_geometry(tmp_path: Path) -> None:
    from kb.export import csv_files, geojson

    text = ALPHA.replace("  coordinates: {lat: 37.0, lon: 35.4}\n", "")
    root = write_root(tmp_path / "data", {"bases/alpha.yaml": text})
    result = check_root(root, base=tmp_path, today=TODAY)
    assert result.ok, [i.format() for i in result.issues]
    [feature] = geojson(result.records)["features"]
    assert feature["geometry"] is None
    assert feature["properties"]["status"] == "active"
    rows = next(v for k, v in csv_files(result.records).items() if k.endswith("installations.csv"))
    assert ",,,active,us,air-operations,1955,,official," in rows.decode("utf-8-sig")
