"""Each cross-reference rule: the valid corpus passes, and each breakage gives an exact line."""

from __future__ import annotations

import re

import pytest
from conftest import VALID

A = "data/bases/alpha.yaml"


def edit(path: str, old: str, new: str) -> dict[str, str]:
    text = VALID[path]
    assert old in text, old
    return {path: text.replace(old, new)}


ASSESSED = """\
    status: {status}
    assessment: Checked against the report.
    reviewed: 2026-11-01
    evidence:
      - source: {source}
        stance: {stance}
        note: What the source shows."""


def claim_status(status: str, stance: str, source: str = "src-one") -> dict[str, str]:
    block = ASSESSED.format(status=status, stance=stance, source=source)
    return edit(
        "bases/alpha.yaml", "    status: unassessed\n    assessment: Not yet checked.", block
    )


def test_valid_corpus_passes(check) -> None:
    assert check({}) == []


CASES = [
    # ids
    (
        "id not matching file name",
        edit("bases/alpha.yaml", "id: alpha\n", "id: beta\n"),
        f"{A}:1:1: error [ids] id 'beta' does not match the file name 'alpha.yaml'; rename the "
        "file or change the id",
    ),
    (
        "duplicate id across records",
        edit("bases/alpha.yaml", "id: alpha-fact", "id: party"),
        f"{A}:11:5: error [ids] id 'party' is already used at data/actors/party.yaml:1; ids must "
        "be unique across all records",
    ),
    (
        "duplicate id inside a file",
        edit("bases/alpha.yaml", "id: alpha-event", "id: alpha-fact"),
        f"{A}:15:5: error [ids] id 'alpha-fact' is already used at data/bases/alpha.yaml:11; ids "
        "must be unique across all records",
    ),
    (
        "reserved id",
        edit("bases/alpha.yaml", "id: alpha-fact", "id: search"),
        f"{A}:11:5: error [ids] id 'search' is reserved for the site's own pages or anchors; "
        "choose another",
    ),
    (
        "badly formed id",
        edit("bases/alpha.yaml", "id: alpha-fact", "id: Alpha_Fact"),
        f"{A}:11:5: error [schema] 'id' has an invalid value 'Alpha_Fact': use lower-case letters "
        "a-z, digits and single hyphens, starting with a letter (e.g. 'incirlik' or "
        "'tkp-2025-07-02')",
    ),
    # refs
    (
        "unknown source",
        edit(
            "bases/alpha.yaml",
            "text: A fact.\n    citations: [{source: src-one}]",
            "text: A fact.\n    citations: [{source: src-onw}]",
        ),
        f"{A}:13:18: error [refs] unknown source 'src-onw' (closest: 'src-one')",
    ),
    (
        "unknown actor",
        edit("bases/alpha.yaml", "{actor: party,", "{actor: partei,"),
        f"{A}:23:10: error [refs] unknown actor 'partei' (closest: 'party')",
    ),
    (
        "unknown issuer",
        edit("sources/src-party.yaml", "issued_by: party", "issued_by: nobody"),
        "data/sources/src-party.yaml:4:1: error [refs] unknown actor 'nobody' (no file "
        "data/actors/nobody.yaml)",
    ),
    (
        "unknown base",
        edit("bases/alpha.yaml", "    claimed_by:", "    bases: [omega]\n    claimed_by:"),
        f"{A}:22:13: error [refs] unknown base 'omega' (no file data/bases/omega.yaml)",
    ),
    # status
    (
        "assessed without a review date",
        edit("bases/alpha.yaml", "status: unassessed", "status: unsupported"),
        f"{A}:24:5: error [status] status 'unsupported' needs a 'reviewed' date (YYYY-MM-DD)",
    ),
    (
        "supported by the claimant only",
        claim_status("supported", "supports", "src-party"),
        f"{A}:24:5: error [status] status 'supported' needs at least one 'supports' evidence from a "
        "source issued neither by the claim's actors nor by their affiliates",
    ),
    (
        "disputed without contradiction",
        claim_status("disputed", "context"),
        f"{A}:24:5: error [status] status 'disputed' needs at least one 'contradicts' evidence (an "
        "official denial counts)",
    ),
    (
        "contradicted without contradiction",
        claim_status("contradicted", "supports"),
        f"{A}:24:5: error [status] status 'contradicted' needs at least one 'contradicts' evidence "
        "from a source issued neither by the claim's actors nor by their affiliates",
    ),
    (
        "contradicted on the claim's actor's own denial alone",
        claim_status("contradicted", "contradicts", "src-party"),
        f"{A}:24:5: error [status] status 'contradicted' needs at least one 'contradicts' evidence "
        "from a source issued neither by the claim's actors nor by their affiliates",
    ),
    # dates
    (
        "impossible date",
        edit("bases/alpha.yaml", "date: 1955-02-21", "date: 1955-02-30"),
        f"{A}:16:5: error [dates] '1955-02-30' is not a real calendar date",
    ),
    (
        "impossible month",
        edit("bases/alpha.yaml", "date: 1955-02-21", "date: 1955-13"),
        f"{A}:16:5: error [dates] '1955-13' is not a real calendar date",
    ),
    (
        "future date",
        edit("bases/alpha.yaml", "date: 1955-02-21", "date: 2027-01-01"),
        f"{A}:16:5: error [dates] '2027-01-01' is in the future (today is 2026-11-27)",
    ),
    (
        "end before start",
        edit("bases/alpha.yaml", "date: 1955-02-21", "date: 1955-02-21\n    end: 1954"),
        f"{A}:17:5: error [dates] 'end' (1954) is before 'date' (1955-02-21)",
    ),
    (
        "accessed before published",
        edit(
            "sources/src-one.yaml",
            "published: 2020-01-01",
            "published: 2020-01-01\naccessed: 2019-12-31",
        ),
        "data/sources/src-one.yaml:5:1: error [dates] 'accessed' (2019-12-31) is before "
        "'published' (2020-01-01)",
    ),
    (
        "appearances out of order",
        edit(
            "bases/alpha.yaml",
            "      - {actor: party, date: 2025-07-02, source: src-party}",
            "      - {actor: party, date: 2025-07-02, source: src-party}\n"
            "      - {actor: party, date: 2024-01-01, source: src-one}",
        ),
        f"{A}:24:24: error [dates] appearance dated 2024-01-01 comes after one dated 2025-07-02; "
        "list appearances earliest first",
    ),
    (
        "malformed date",
        edit("bases/alpha.yaml", "date: 1955-02-21", "date: 21.02.1955"),
        f"{A}:16:5: error [schema] 'date' has an invalid value '21.02.1955': write a date as YYYY, "
        "YYYY-MM or YYYY-MM-DD",
    ),
    # geo
    (
        "outside turkey",
        edit("bases/alpha.yaml", "lat: 37.0, lon: 35.4", "lat: 48.8, lon: 2.3"),
        f"{A}:6:3: error [geo] coordinates (48.8, 2.3) are outside Turkey; Turkey lies within lat "
        "35.8–42.2, lon 25.6–44.9",
    ),
    (
        "swapped coordinates",
        edit("bases/alpha.yaml", "lat: 37.0, lon: 35.4", "lat: 35.4, lon: 37.0"),
        f"{A}:6:3: error [geo] coordinates (35.4, 37.0) are outside Turkey; latitude and longitude "
        "look swapped",
    ),
    # urls
    (
        "javascript url",
        edit(
            "sources/src-one.yaml", "url: https://news.example/report", "url: javascript:alert(1)"
        ),
        "data/sources/src-one.yaml:5:1: error [schema] 'url' has an invalid value "
        "'javascript:alert(1)': write an absolute http:// or https:// address with no spaces, "
        "quotes or angle brackets",
    ),
    (
        "url without host",
        edit("sources/src-one.yaml", "url: https://news.example/report", "url: https:///report"),
        "data/sources/src-one.yaml:5:1: error [urls] 'url' has no host name",
    ),
    (
        "url with credentials",
        edit(
            "sources/src-one.yaml",
            "url: https://news.example/report",
            "url: https://user:pw@news.example/report",
        ),
        "data/sources/src-one.yaml:5:1: error [urls] 'url' must not contain a user name or password",
    ),
    (
        "archive url not a snapshot",
        edit(
            "sources/src-one.yaml",
            "kind: news",
            "kind: news\narchive_url: https://news.example/copy",
        ),
        "data/sources/src-one.yaml:8:1: error [urls] 'archive_url' is not a web-archive snapshot; "
        "use https://web.archive.org/web/<14-digit timestamp>/<original url> or an archive.today "
        "snapshot, exactly as seen",
    ),
    (
        "wayback save url",
        edit(
            "sources/src-one.yaml",
            "kind: news",
            "kind: news\narchive_url: https://web.archive.org/save/https://a.example/",
        ),
        "data/sources/src-one.yaml:8:1: error [urls] 'archive_url' is not a web-archive snapshot; "
        "use https://web.archive.org/web/<14-digit timestamp>/<original url> or an archive.today "
        "snapshot, exactly as seen",
    ),
    # orphans
    (
        "orphan source",
        {
            "sources/src-extra.yaml": VALID["sources/src-one.yaml"].replace(
                "id: src-one", "id: src-extra"
            )
        },
        "data/sources/src-extra.yaml:1:1: warning [orphans] source 'src-extra' is not cited by any "
        "fact, event or claim; cite it or delete the file",
    ),
    # schema messages
    (
        "unknown key",
        edit("bases/alpha.yaml", "summary:", "sumary:"),
        f"{A}:8:1: error [schema] unknown key 'sumary' (did you mean 'summary'?)",
    ),
    (
        "unknown nested key",
        edit(
            "bases/alpha.yaml",
            "citations: [{source: src-one}]\nsummary",
            "citations: [{sources: src-one}]\nsummary",
        ),
        f"{A}:7:16: error [schema] unknown key 'sources' (did you mean 'source'?)",
    ),
    (
        "unknown enum value",
        edit("bases/alpha.yaml", "kind: air-base", "kind: airbase"),
        f"{A}:3:1: error [schema] 'kind' is 'airbase', not one of: air-base, radar-station, "
        "naval-base, army-base, headquarters, storage-site, communications-site, missile-site, "
        "air-defence-site, pipeline, monitoring-station (did you mean 'air-base'?)",
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule_reports_exact_line(check, files: dict[str, str], expected: str) -> None:
    assert expected in check(files)


@pytest.mark.parametrize(
    ("status", "stance", "source"),
    [
        ("supported", "supports", "src-one"),
        ("partly-supported", "supports", "src-one"),
        ("disputed", "contradicts", "src-party"),
        ("contradicted", "contradicts", "src-one"),
        ("unsupported", "context", "src-one"),
    ],
)
def test_status_with_required_evidence_passes(check, status: str, stance: str, source: str) -> None:
    assert check(claim_status(status, stance, source)) == []


@pytest.mark.parametrize(
    "url",
    [
        "https://web.archive.org/web/20161017191408/https://en.wikipedia.org/wiki/X",
        "http://web.archive.org./web/20161017191408/https://en.wikipedia.org/wiki/X",
        "https://archive.ph/AbCd1",
    ],
)
def test_archive_snapshots_pass(check, url: str) -> None:
    assert (
        check(edit("sources/src-one.yaml", "kind: news", f"kind: news\narchive_url: {url}")) == []
    )


def test_partial_dates_in_order_pass(check) -> None:
    files = edit("bases/alpha.yaml", "date: 1955-02-21", 'date: "1955"\n    end: 1955-06')
    assert check(files) == []


def test_a_broken_file_does_not_cascade(check) -> None:
    """An actor file that fails to load is reported once, not again as unknown references."""
    assert check({"actors/party.yaml": "id: party\nid: again\n"}) == [
        "data/actors/party.yaml:2:1: error [duplicate-key] duplicate key 'id' (first on line 1); "
        "keep one of them"
    ]


def test_unknown_id_suggests_the_closest_by_parts(check) -> None:
    """The hint names the likely source even for abbreviations such as 'pd' for a publisher."""
    extra = VALID["sources/src-one.yaml"].replace("id: src-one", "id: peoples-dispatch-2025-07-03")
    files = edit(
        "bases/alpha.yaml",
        "citations: [{source: src-one}]\nsummary",
        "citations: [{source: src-one}, {source: pd-2025}, {source: peoples-dispatch-2025-07-03}]\nsummary",
    )
    files["sources/peoples-dispatch-2025-07-03.yaml"] = extra
    assert check(files) == [
        f"{A}:7:35: error [refs] unknown source 'pd-2025' (closest: 'peoples-dispatch-2025-07-03')"
    ]


@pytest.mark.parametrize(
    ("value", "candidates", "expected"),
    [
        (
            "pd-2025",
            ["peoples-dispatch-2025-07-03", "tkp-2025-07-02"],
            "peoples-dispatch-2025-07-03",
        ),
        ("incirlk", ["incirlik", "kurecik"], "incirlik"),
        (
            "wikipedia-kurecik",
            ["wikipedia-kurecik-radar", "wikipedia-incirlik"],
            "wikipedia-kurecik-radar",
        ),
        ("zzz-9999", ["tkp-2025-07-02"], None),
    ],
)
def test_closest(value: str, candidates: list[str], expected: str | None) -> None:
    from kb.suggest import closest

    assert closest(value, candidates) == expected


def test_data_ids_cannot_collide_with_generated_anchors(built_site) -> None:
    """Every anchor the site generates on a page that holds data ids is one the ids rule
    refuses as a data id, so a fact, event or claim can never take over a generated link."""
    from bs4 import BeautifulSoup

    from kb import paths, schema
    from kb.build import load
    from kb.rules import ids

    corpus = load(paths.DATA, base=paths.ROOT).corpus
    data_ids = (
        set(corpus.bases)
        | set(corpus.actors)
        | set(corpus.sources)
        | {c.id for c in corpus.claims}
        | {item.id for page in corpus.pages for item in (*page.facts, *page.events)}
    )
    id_pattern = re.compile(schema.definition("id")["pattern"])
    generated: set[str] = set()
    hosts = 0
    for page in built_site.rglob("index.html"):
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("article")
        anchors = {t["id"] for t in article.find_all(id=True)} if article else set()
        if not anchors & data_ids:
            continue  # no data id is an anchor here, so nothing can collide
        hosts += 1
        # anchors an id cannot spell (e.g. 'status--opinion', '__drawer') are safe
        generated |= {a for a in anchors - data_ids if id_pattern.fullmatch(a)}
    assert hosts > len(corpus.bases)  # every base page, the overview, the sources index
    assert generated, "no generated anchors found"
    assert {a for a in generated if ids.reserved(a) is None} == set()
