"""Hostile and malformed input: refused with a located message, or shown as inert text.

Refused inputs must produce the expected `path:line:col` line from the validator, the same
report from the build, and no traceback from any command. Allowed text payloads must build,
appear literally, and leave every page with exactly the elements and attributes of the same
page built from clean text.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import TODAY, VALID, run_kb, write_root
from hostile import FIELDS, corpus
from sitebuild import build_site

from kb import limits, paths
from kb.build import DataError, load

A = "data/bases/alpha.yaml"
S = "data/sources/src-one.yaml"
BASE_TEXT = VALID["bases/alpha.yaml"]
SOURCE_TEXT = VALID["sources/src-one.yaml"]


def base(old: str, new: str) -> dict[str, str | bytes]:
    assert old in BASE_TEXT, old
    return {"bases/alpha.yaml": BASE_TEXT.replace(old, new)}


def url(value: str) -> dict[str, str | bytes]:
    return {
        "sources/src-one.yaml": SOURCE_TEXT.replace(
            "url: https://news.example/report", f"url: {value}"
        )
    }


URL_SCHEMA = (
    "'url' has an invalid value '{}': write an absolute http:// or https:// address "
    "with no spaces, quotes or angle brackets"
)
BILLION = "id: alpha\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)

REFUSED = [
    # YAML structure
    (
        "duplicate key deep in a claim",
        base(
            "      - {actor: party, date: 2025-07-02, source: src-party}",
            "      - {actor: party, actor: party, date: 2025-07-02, source: src-party}",
        ),
        f"{A}:23:24: error [duplicate-key] duplicate key 'actor' (first on line 23); keep one of them",
    ),
    (
        "anchor",
        base("summary: A test installation.", "summary: &s A test installation."),
        f"{A}:8:10: error [anchors] anchor '&s' is not allowed; write values out in full",
    ),
    (
        "alias",
        base("summary: A test installation.", "summary: *s"),
        f"{A}:8:10: error [anchors] alias '*s' is not allowed; write the value out in full",
    ),
    (
        "billion laughs",
        {"bases/alpha.yaml": BILLION},
        f"{A}:2:4: error [anchors] anchor '&a' is not allowed; write values out in full",
    ),
    (
        "merge key",
        base("location:\n", "location:\n  <<: {x: 1}\n"),
        f"{A}:5:3: error [anchors] merge key '<<' is not allowed; write the keys out in full",
    ),
    (
        "python object tag",
        {"bases/alpha.yaml": "id: !!python/object/apply:os.system ['id']\n"},
        f"{A}:1:5: error [tags] explicit tag 'tag:yaml.org,2002:python/object/apply:os.system' is "
        "not allowed; remove it (values are plain text, numbers, true or false)",
    ),
    (
        "set tag",
        {"bases/alpha.yaml": "id: !!set {a, b}\n"},
        f"{A}:1:5: error [tags] explicit tag 'tag:yaml.org,2002:set' is not allowed; remove it "
        "(values are plain text, numbers, true or false)",
    ),
    (
        "two documents",
        {"bases/alpha.yaml": BASE_TEXT + "---\nid: beta\n"},
        f"{A}:{BASE_TEXT.count(chr(10)) + 1}:1: error [documents] a second YAML document starts here; a data file holds exactly "
        "one (remove the '---' line and what follows, or move it to its own file)",
    ),
    (
        "deep nesting",
        {
            "bases/alpha.yaml": "id: alpha\nx:"
            + "\n".join("  " * i + "- " for i in range(limits.MAX_DEPTH + 2))
            + "a\n"
        },
        None,
    ),
    (
        "huge file",
        {"bases/alpha.yaml": b"id: alpha\n" + b"# padding\n" * (limits.MAX_FILE_BYTES // 10)},
        f"{A}:1:1: error [limits] file is larger than {limits.MAX_FILE_BYTES} bytes (MAX_FILE_BYTES); "
        "split it into smaller files",
    ),
    (
        "huge string",
        base("summary: A test installation.", "summary: " + "x" * (limits.MAX_STRING_CHARS + 1)),
        f"{A}:8:10: error [limits] text of {limits.MAX_STRING_CHARS + 1} characters is longer than "
        f"{limits.MAX_STRING_CHARS} (MAX_STRING_CHARS); shorten it",
    ),
    (
        "huge list",
        base(
            "kind: air-base",
            "kind: air-base\naliases: [" + ",".join(["a"] * (limits.MAX_LIST_ITEMS + 1)) + "]",
        ),
        None,
    ),
    # YAML 1.1 typing
    (
        "yes as boolean",
        base(
            "coordinates: {lat: 37.0, lon: 35.4}",
            "coordinates: {lat: 37.0, lon: 35.4, approximate: yes}",
        ),
        f"{A}:6:39: error [schema] 'approximate' should be true or false, not 'yes'; write true or "
        "false in lower case without quotes",
    ),
    (
        "sexagesimal number",
        base("lat: 37.0", "lat: 37:00"),
        f"{A}:6:17: error [schema] 'lat' should be a number, not '37:00'; write a plain decimal "
        "number such as 37.0019",
    ),
    (
        "off in an enum stays text and is refused",
        {"actors/party.yaml": VALID["actors/party.yaml"].replace("kind: party", "kind: off")},
        "data/actors/party.yaml:3:1: error [schema] 'kind' is 'off', not one of: party, "
        "government, ministry, military, media, international-organization, research, ngo, "
        "person",
    ),
    # encodings and Unicode
    (
        "latin-5 bytes",
        {"bases/alpha.yaml": "summary: Çiğli\n".encode("cp1254")},
        f"{A}:1:10: error [encoding] invalid UTF-8 byte 0xc7; save the file as UTF-8",
    ),
    (
        "utf-16",
        {"bases/alpha.yaml": BASE_TEXT.encode("utf-16")},
        f"{A}:1:1: error [encoding] file is UTF-16 or UTF-32; save it as UTF-8",
    ),
    (
        "nfd",
        base("summary: A test installation.", "summary: C\u0327ig\u0306li"),
        f"{A}:8:11: error [unicode] text is not in Unicode NFC form (a letter followed by a separate "
        "combining accent); retype the letter or save the file normalised to NFC",
    ),
    (
        "nul byte",
        base("summary: A test installation.", "summary: A\x00B"),
        f"{A}:8:11: error [characters] control character U+0000 control character is not allowed; "
        "delete it",
    ),
    (
        "zero-width joiner",
        base("summary: A test installation.", "summary: A\u200dB"),
        f"{A}:8:11: error [characters] invisible or bidirectional character U+200D ZERO WIDTH JOINER "
        "is not allowed; delete it",
    ),
    (
        "bidi isolate",
        base("summary: A test installation.", "summary: A\u2066B"),
        f"{A}:8:11: error [characters] invisible or bidirectional character U+2066 LEFT-TO-RIGHT "
        "ISOLATE is not allowed; delete it",
    ),
    (
        "line separator",
        base("summary: A test installation.", "summary: A\u2028B"),
        f"{A}:8:11: error [characters] invisible or bidirectional character U+2028 LINE SEPARATOR is "
        "not allowed; delete it",
    ),
    # ids and paths
    (
        "path traversal id",
        base("id: alpha\n", "id: ../../etc/passwd\n"),
        f"{A}:1:1: error [schema] 'id' has an invalid value '../../etc/passwd': use lower-case "
        "letters a-z, digits and single hyphens, starting with a letter (e.g. 'incirlik' or "
        "'tkp-2025-07-02')",
    ),
    (
        "absolute path id",
        base("id: alpha-fact", "id: /etc/passwd"),
        f"{A}:11:5: error [schema] 'id' has an invalid value '/etc/passwd': use lower-case letters "
        "a-z, digits and single hyphens, starting with a letter (e.g. 'incirlik' or "
        "'tkp-2025-07-02')",
    ),
    (
        "case collision in file name",
        {"bases/alpha.yaml": None, "bases/Alpha.yaml": BASE_TEXT},
        "data/bases/Alpha.yaml:1:1: error [ids] id 'alpha' does not match the file name "
        "'Alpha.yaml'; rename the file or change the id",
    ),
    (
        "transliterated id",
        base("id: alpha-fact", "id: çiğli"),
        f"{A}:11:5: error [schema] 'id' has an invalid value 'çiğli': use lower-case letters a-z, "
        "digits and single hyphens, starting with a letter (e.g. 'incirlik' or 'tkp-2025-07-02')",
    ),
    (
        "reserved site path",
        base("id: alpha-fact", "id: assets"),
        f"{A}:11:5: error [ids] id 'assets' is reserved for the site's own pages or anchors; choose "
        "another",
    ),
    (
        "reserved device name",
        base("id: alpha-fact", "id: con"),
        f"{A}:11:5: error [ids] id 'con' is reserved for the site's own pages or anchors; choose "
        "another",
    ),
    (
        "wrong extension",
        {"bases/beta.yml": "id: beta\n"},
        "data/bases/beta.yml:1:1: error [files] data files must end in '.yaml'; rename the file",
    ),
    # URLs
    (
        "javascript url",
        url("javascript:alert(1)"),
        f"{S}:5:1: error [schema] " + URL_SCHEMA.format("javascript:alert(1)"),
    ),
    (
        "javascript url in mixed case",
        url("JaVaScRiPt:alert(1)"),
        f"{S}:5:1: error [schema] " + URL_SCHEMA.format("JaVaScRiPt:alert(1)"),
    ),
    (
        "encoded javascript url",
        url("java%0Ascript:alert(1)"),
        f"{S}:5:1: error [schema] " + URL_SCHEMA.format("java%0Ascript:alert(1)"),
    ),
    (
        "data url",
        url("data:text/html,<script>alert(1)</script>"),
        f"{S}:5:1: error [schema] " + URL_SCHEMA.format("data:text/html,<script>alert(1)</script>"),
    ),
    (
        "file url",
        url("file:///etc/passwd"),
        f"{S}:5:1: error [schema] " + URL_SCHEMA.format("file:///etc/passwd"),
    ),
    (
        "quote break-out",
        url("'https://a.example/\" onclick=\"alert(1)'"),
        f"{S}:5:1: error [schema] " + URL_SCHEMA.format('https://a.example/" onclick="alert(1)'),
    ),
    (
        "uppercase scheme",
        url("HTTPS://a.example/"),
        f"{S}:5:1: error [schema] " + URL_SCHEMA.format("HTTPS://a.example/"),
    ),
    # coordinates and dates
    (
        "nan latitude",
        base("lat: 37.0", "lat: .nan"),
        f"{A}:6:17: error [schema] 'lat' should be a number, not '.nan'; write a plain decimal number "
        "such as 37.0019",
    ),
    (
        "infinite longitude",
        base("lon: 35.4", "lon: .inf"),
        f"{A}:6:28: error [schema] 'lon' should be a number, not '.inf'; write a plain decimal number "
        "such as 37.0019",
    ),
    (
        "swapped coordinates",
        base("lat: 37.0, lon: 35.4", "lat: 35.4, lon: 37.0"),
        f"{A}:6:3: error [geo] coordinates (35.4, 37.0) are outside Turkey; latitude and longitude "
        "look swapped",
    ),
    (
        "impossible date",
        base("date: 1955-02-21", "date: 2023-02-29"),
        f"{A}:16:5: error [dates] '2023-02-29' is not a real calendar date",
    ),
    (
        "future date",
        base("date: 1955-02-21", "date: 2099-01-01"),
        f"{A}:16:5: error [dates] '2099-01-01' is in the future (today is 2026-11-27)",
    ),
    # references
    (
        "unknown actor",
        base("{actor: party,", "{actor: nobody,"),
        f"{A}:23:10: error [refs] unknown actor 'nobody' (no file data/actors/nobody.yaml)",
    ),
    (
        "unknown source",
        base("source: src-party}", "source: src-parti}"),
        f"{A}:23:42: error [refs] unknown source 'src-parti' (closest: 'src-party')",
    ),
]


def _lines(tmp_path: Path, files: dict[str, str | bytes | None]) -> tuple[Path, list[str]]:
    root = write_root(tmp_path / "data", files)
    if files.get("bases/alpha.yaml", "") is None:
        (root / "bases" / "alpha.yaml").unlink(missing_ok=True)
    try:
        load(root, base=tmp_path, today=TODAY)
    except DataError as e:
        return root, str(e).splitlines()
    return root, []


@pytest.mark.parametrize(
    ("files", "expected"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED]
)
def test_refused_with_a_located_message(tmp_path: Path, files, expected: str | None) -> None:
    root, report = _lines(tmp_path, files)
    assert report, "accepted"
    assert re.fullmatch(r"\d+ errors?, \d+ warnings? in \d+ files?", report[-1]), report[-1]
    located = [
        r for r in report[:-1] if re.match(r"^data/[\w/.-]+\.ya?ml:\d+:\d+: (error|warning) \[", r)
    ]
    assert located == report[:-1]
    if expected:
        assert expected in report
    # the command line prints the same report, exits 1, and never a traceback
    run = run_kb("validate", str(root), cwd=tmp_path, timeout=60)
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert [line for line in run.stdout.splitlines() if ": error [" in line] == [
        line for line in report if ": error [" in line
    ]


def test_refused_data_stops_the_build_with_the_same_report(tmp_path: Path) -> None:
    _, files, expected = REFUSED[1]
    root = write_root(tmp_path / "data", files)
    run = build_site(tmp_path / "site", env={"KB_DATA": str(root)})
    assert run.returncode != 0
    assert expected in run.stderr
    assert "Traceback" not in run.stderr


ALLOWED = {
    "raw script": ("<script>alert('x')</script>", "claim.text"),
    "closing title": ("</title><script>alert(1)</script>", "base.name.tr"),
    "image with handler": ("<img src=x onerror=alert(1)>", "base.summary"),
    "svg onload": ("<svg onload=alert(1)>", "base.place"),
    "iframe": ('<iframe src="https://evil.example/"></iframe>', "base.operator"),
    "style block": ("<style>body{display:none}</style>", "base.host"),
    "html link": ('<a href="javascript:alert(1)">click</a>', "base.established"),
    "markdown link": ("[click](javascript:alert(1))", "fact.text"),
    "markdown image": ("![x](https://evil.example/x.png)", "fact.quote"),
    "autolink": ("<https://evil.example/>", "fact.locator"),
    "attribute list": ("Text {: onclick=alert(1) .x #y }", "event.text"),
    "attribute list alone": ("{: #hijack onclick=alert(1) }", "base.name.en"),
    "reference definition": ("[ref]: javascript:alert(1)", "appearance.quote"),
    "reference use": ("[report][ref] and [x][]", "appearance.locator"),
    "snippet marker": ('--8<-- ".git/config"', "claim.assessment"),
    "jinja expression": ("{{ config.extra }} {{ 7*7 }}", "evidence.note"),
    "jinja statement": ("{% for x in range(3) %}X{% endfor %} {# c #}", "evidence.quote"),
    "heading by newline": ("first line\n\n# Injected heading\n\n---\n", "source.title"),
    "table by newline": ("a\n\n| x | y |\n|---|---|\n| 1 | 2 |\n", "source.publisher"),
    "list by newline": ("a\n- item\n1. item\n> quote", "source.author"),
    "emphasis and code": ("*em* __strong__ `code` ~~del~~", "source.note"),
    "entities": ("&lt;script&gt; &amp; &#60;b&#62;", "actor.name"),
    "attribute break-out": ('" onmouseover="alert(1)', "actor.short"),
    "html comment": ("<!-- hidden --> visible", "actor.description"),
    "json-ld break-out": ('</script><script>alert("ld")</script>', "overview.title"),
    "meta break-out": (
        'x" /><meta http-equiv="refresh" content="0;url=https://evil.example/">',
        "overview.summary",
    ),
    "admonition and details": ('!!! danger "x"\n??? note', "overview.fact"),
    "pipes and backslashes": (r"a | b \| c \\ d \* e", "base.province"),
    "leading list marker": ("- not a list", "base.alias"),
}
assert len({f for _, f in ALLOWED.values()}) == len(ALLOWED), "one field per payload"
assert {f for _, f in ALLOWED.values()} <= set(FIELDS)


@pytest.mark.parametrize(
    "link",
    [
        "https://a.example/x)[y](javascript:alert(1)",
        "https://a.example/x)![i](https://evil.example/i.png",
        "https://a.example/<b>",
    ],
)
def test_a_valid_url_cannot_break_out_of_its_link(tmp_path: Path, link: str) -> None:
    """A URL that passes validation still renders as exactly one link to itself."""
    import markdown

    from kb.render import Renderer, href

    root = write_root(tmp_path / "data", url(link.replace("<b>", "%3Cb%3E")))
    renderer = Renderer(load(root, base=tmp_path, today=TODAY).corpus)
    page = next(g for g in renderer.pages() if g.uri == "sources/src-one.md")
    html = markdown.markdown(page.content.split("---", 2)[-1], extensions=["attr_list", "tables"])
    links = [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a", href=True)]
    external = [h for h in links if h.startswith("http")]
    assert external and set(external) == {href(link.replace("<b>", "%3Cb%3E"))}, links
    assert not [h for h in links if "javascript:" in h.lower() and not h.startswith("https://")]
    assert not BeautifulSoup(html, "html.parser").find("img")


def _collapse(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = []
    for label, texts in (("clean", {}), ("hostile", {f: p for p, f in ALLOWED.values()})):
        work = tmp_path_factory.mktemp(label)
        root = write_root(work / "data", dict.fromkeys(VALID) | corpus(texts))
        for rel in VALID:
            if rel not in corpus(texts):
                (root / rel).unlink(missing_ok=True)
        run = build_site(work / "site", env={"KB_DATA": str(root)})
        assert run.returncode == 0, run.stderr
        out.append(work / "site")
    return out[0], out[1]


def _signature(html: str) -> list[tuple[object, ...]]:
    """Elements and attributes of a page, with text-derived values normalised away."""
    soup = BeautifulSoup(html, "html.parser")
    h1 = soup.find("h1")
    h1_id = h1.get("id") if h1 else None
    sig = []
    for tag in soup.find_all(True):
        attrs = []
        for name, value in sorted(tag.attrs.items()):
            if name in ("content", "title", "aria-label", "alt") or (
                name == "id" and value == h1_id
            ):
                value = "*"
            if name == "href" and h1_id and value == f"#{h1_id}":
                value = "#H1"
            attrs.append((name, tuple(value) if isinstance(value, list) else value))
        sig.append((tag.name, tuple(attrs)))
    return sig


def test_hostile_text_adds_no_element_attribute_link_script_or_style(sites) -> None:
    clean, hostile = sites
    pages = sorted(p.relative_to(clean) for p in clean.rglob("*.html"))
    assert pages == sorted(p.relative_to(hostile) for p in hostile.rglob("*.html"))
    for page in pages:
        a = _signature((clean / page).read_text(encoding="utf-8"))
        b = _signature((hostile / page).read_text(encoding="utf-8"))
        assert a == b, page


@pytest.mark.parametrize("name", list(ALLOWED))
def test_payload_appears_as_literal_text(sites, name: str) -> None:
    _, hostile = sites
    payload, field = ALLOWED[name]
    wanted = _collapse(payload)
    texts = [
        _collapse(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").get_text())
        for p in hostile.rglob("*.html")
    ]
    assert any(wanted in t for t in texts), (name, field)


def test_title_and_description_hold_the_text_literally(sites) -> None:
    _, hostile = sites
    page = BeautifulSoup(
        (hostile / "bases/alpha/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert ALLOWED["closing title"][0] in page.title.get_text()
    assert ALLOWED["attribute list alone"][0] in page.title.get_text()
    assert ALLOWED["raw script"][0] in page.select_one("nav.md-nav--secondary").get_text()
    overview = BeautifulSoup(
        (hostile / "overview/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    meta = overview.find("meta", attrs={"name": "description"})
    assert meta["content"].startswith(_collapse(ALLOWED["meta break-out"][0])[:20])


def test_search_index_holds_text_not_markup(sites) -> None:
    clean, hostile = sites

    def tags(site: Path) -> set[str]:
        index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
        found: set[str] = set()
        for doc in index["docs"]:
            for field in ("title", "text"):
                found |= {t.name for t in BeautifulSoup(doc[field], "html.parser").find_all(True)}
        return found

    assert tags(hostile) <= tags(clean)


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode() + p.read_bytes())
    return h.hexdigest()


def test_commands_write_only_in_their_output_folder(tmp_path: Path) -> None:
    root = write_root(
        tmp_path / "data", dict.fromkeys(VALID) | corpus({f: p for p, f in ALLOWED.values()})
    )
    before = _digest(root)
    listing = sorted(p for p in tmp_path.rglob("*"))
    for args in (
        ["validate", str(root)],
        ["stats", "--data", str(root)],
        ["pages", str(tmp_path / "out"), "--data", str(root)],
    ):
        run = run_kb(*args, cwd=tmp_path)
        assert run.returncode == 0, run.stdout + run.stderr
        assert "Traceback" not in run.stderr
    assert _digest(root) == before
    new = [p for p in tmp_path.rglob("*") if p not in listing]
    assert new and all(p.is_relative_to(tmp_path / "out") for p in new)


def test_page_writer_refuses_paths_outside_its_folder(tmp_path: Path, monkeypatch) -> None:
    from kb import render

    monkeypatch.setattr(
        render.Renderer, "pages", lambda self: [render.Generated("../escaped.md", "x", None)]
    )
    renderer = render.Renderer(load(paths.DATA, base=paths.ROOT).corpus)
    with pytest.raises(ValueError, match="refusing to write outside"):
        render.write_pages(renderer, tmp_path / "out")
    assert not (tmp_path / "escaped.md").exists()


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path: Path, built_site: Path) -> None:
    second = tmp_path / "again"
    run = build_site(second)
    assert run.returncode == 0, run.stderr
    assert _digest(built_site) == _digest(second)


def test_corpus_is_large_enough() -> None:
    assert len(REFUSED) + len(ALLOWED) >= 40
