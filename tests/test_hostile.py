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
from hostile import FIELDS, corpus, escaped
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


def source(old: str, new: str) -> dict[str, str | bytes]:
    assert old in SOURCE_TEXT, old
    return {"sources/src-one.yaml": SOURCE_TEXT.replace(old, new)}


def actor(old: str, new: str) -> dict[str, str | bytes]:
    text = VALID["actors/party.yaml"]
    assert old in text, old
    return {"actors/party.yaml": text.replace(old, new)}


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
        f"{A}:8:11: error [characters] control character U+0000 is not allowed; delete it",
    ),
    (
        "zero-width joiner",
        base("summary: A test installation.", "summary: A\u200dB"),
        f"{A}:8:11: error [characters] invisible formatting character U+200D ZERO WIDTH JOINER "
        "is not allowed; delete it",
    ),
    (
        "bidi isolate",
        base("summary: A test installation.", "summary: A\u2066B"),
        f"{A}:8:11: error [characters] bidirectional control character U+2066 LEFT-TO-RIGHT "
        "ISOLATE is not allowed; delete it",
    ),
    (
        "line separator",
        base("summary: A test installation.", "summary: A\u2028B"),
        f"{A}:8:11: error [characters] line separator character U+2028 LINE SEPARATOR is "
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
    # round two: escapes decoded by YAML meet the same character policy as the file text
    (
        "javascript link in a title with an escaped DEL",
        source(
            "title: An independent report", 'title: "[x](javascript:alert(document.domain)) \\x7f"'
        ),
        f"{S}:2:8: error [characters] control character U+007F in 'title' is not allowed "
        "(written as an escape in quotes); delete it",
    ),
    (
        "onmouseover in an actor name with an escaped C1 control",
        actor("name: A Party", 'name: "[x](javascript:alert(1)){: onmouseover=alert(1) } \\x80"'),
        "data/actors/party.yaml:2:7: error [characters] control character U+0080 in 'name' is "
        "not allowed (written as an escape in quotes); delete it",
    ),
    (
        "onclick in a base name with an escaped C1 control",
        base("en: Alpha Air Base", 'en: "Alpha {: onclick=alert(1) } \\x9f"'),
        f"{A}:2:12: error [characters] control character U+009F in 'en' is not allowed "
        "(written as an escape in quotes); delete it",
    ),
    (
        "style url() in a Turkish name with an escaped non-character",
        base(
            "tr: Alfa Hava Üssü",
            'tr: "Alfa {: style=\\"background:url(https://evil.example/x)\\" } \\uFFFE"',
        ),
        f"{A}:2:32: error [characters] non-character U+FFFE in 'tr' is not allowed (written as "
        "an escape in quotes); delete it",
    ),
    (
        "third-party image in a publisher with an escaped non-character",
        source("publisher: A Newspaper", 'publisher: "![i](https://evil.example/t.png) \\uFFFF"'),
        f"{S}:3:12: error [characters] non-character U+FFFF in 'publisher' is not allowed "
        "(written as an escape in quotes); delete it",
    ),
    (
        "escaped bidi override",
        base("summary: A test installation.", 'summary: "A \\u202E test"'),
        f"{A}:8:10: error [characters] bidirectional control character U+202E RIGHT-TO-LEFT "
        "OVERRIDE in 'summary' is not allowed (written as an escape in quotes); delete it",
    ),
    (
        "escaped zero-width space",
        base("text: A fact.", 'text: "A\\u200Bfact"'),
        f"{A}:12:11: error [characters] invisible formatting character U+200B ZERO WIDTH SPACE "
        "in 'text' is not allowed (written as an escape in quotes); delete it",
    ),
    (
        "escaped nul",
        base("text: An event.", 'text: "An\\0event"'),
        f"{A}:17:11: error [characters] control character U+0000 in 'text' is not allowed "
        "(written as an escape in quotes); delete it",
    ),
    (
        "escaped terminal escape sequence",
        base("text: Something is said about Alpha.", 'text: "\\e[2J cleared"'),
        f"{A}:21:11: error [characters] control character U+001B in 'text' is not allowed "
        "(written as an escape in quotes); delete it",
    ),
    (
        "escape sequence in a key",
        source("kind: news", '"kind\\x1b[2J": news'),
        f"{S}:7:1: error [characters] control character U+001B in a key is not allowed (written "
        "as an escape in quotes); delete it",
    ),
    (
        "nfd written as escapes",
        base("province: Adana", 'province: "C\\u0327ukurova"'),
        f"{A}:5:13: error [unicode] 'province' is not in Unicode NFC form (a letter followed by "
        "a separate combining accent, written as an escape); write the accented letter itself",
    ),
    # round two: patterns match the whole value
    (
        "record id with a trailing newline",
        base("id: alpha\n", 'id: "alpha\\n"\n'),
        f"{A}:1:1: error [schema] 'id' has an invalid value 'alpha\\x0a': use lower-case "
        "letters a-z, digits and single hyphens, starting with a letter (e.g. 'incirlik' or "
        "'tkp-2025-07-02')",
    ),
    (
        "fact id with a trailing newline",
        base("id: alpha-fact", 'id: "alpha-fact\\n"'),
        f"{A}:11:5: error [schema] 'id' has an invalid value 'alpha-fact\\x0a': use lower-case "
        "letters a-z, digits and single hyphens, starting with a letter (e.g. 'incirlik' or "
        "'tkp-2025-07-02')",
    ),
    (
        "claim id with a trailing newline",
        base("id: alpha-claim", 'id: "alpha-claim\\n"'),
        f"{A}:20:5: error [schema] 'id' has an invalid value 'alpha-claim\\x0a': use "
        "lower-case letters a-z, digits and single hyphens, starting with a letter (e.g. "
        "'incirlik' or 'tkp-2025-07-02')",
    ),
    (
        "enum value with a trailing newline",
        source("language: en", 'language: "en\\n"'),
        f"{S}:6:1: error [schema] 'language' is 'en\\x0a', not one of: en, tr, ar, de, es, fr, "
        "it, pl, ru (did you mean 'en'?)",
    ),
    # round two: ids keep out of generated anchors
    (
        "fact id taking a citation anchor",
        base("id: alpha-fact", "id: src-src-one"),
        f"{A}:11:5: error [ids] id 'src-src-one' starts with 'src-', which the site uses for "
        "the numbered bibliography on each page (#src-<source id>); choose an id that does not "
        "start with 'src-'",
    ),
    (
        "event id in the citation anchor namespace",
        base("id: alpha-event", "id: src-one-event"),
        f"{A}:15:5: error [ids] id 'src-one-event' starts with 'src-', which the site uses for "
        "the numbered bibliography on each page (#src-<source id>); choose an id that does not "
        "start with 'src-'",
    ),
    (
        "id taking the page title anchor",
        base("id: alpha-claim", "id: title"),
        f"{A}:20:5: error [ids] id 'title' is reserved for the site's own pages or anchors; "
        "choose another",
    ),
    # round two: no silent loss
    (
        "null author",
        {"sources/src-one.yaml": SOURCE_TEXT + "author: null\n"},
        f"{S}:8:9: error [null] 'author' is null, which YAML reads as 'no value'; write the "
        "value, delete the line if the field is optional, or put it in quotes ('\"null\"') if "
        "you mean the word",
    ),
    (
        "tilde publisher",
        source("publisher: A Newspaper", "publisher: ~"),
        f"{S}:3:12: error [null] 'publisher' is ~, which YAML reads as 'no value'; write the "
        "value, delete the line if the field is optional, or put it in quotes ('\"~\"') if you "
        "mean the word",
    ),
    (
        "record in a sub-folder",
        {"bases/old/beta.yaml": "id: beta\n"},
        "data/bases/old:1:1: error [files] sub-folder 'old' is not read: put each record "
        "directly in data/bases/",
    ),
    (
        "misspelt folder",
        {"base/beta.yaml": "id: beta\n"},
        "data/base:1:1: error [files] folder 'base' is not read (did you mean 'bases'?); "
        "rename or delete it",
    ),
    (
        "dotfile among records",
        {"bases/.beta.yaml": "id: beta\n"},
        "data/bases/.beta.yaml:1:1: error [files] hidden file '.beta.yaml' is not read; delete it",
    ),
    (
        "hidden folder at the top",
        {".drafts/beta.yaml": "id: beta\n"},
        "data/.drafts:1:1: error [files] hidden folder '.drafts' is not read; delete it",
    ),
    (
        "record at the data root",
        {"beta.yaml": "id: beta\n"},
        "data/beta.yaml:1:1: error [files] 'beta.yaml' is not read: only overview.yaml sits at "
        "the top of the data folder; move the record into data/bases/, data/sources/, "
        "data/actors/",
    ),
    (
        "stray file in the schema folder",
        {"schema/notes.txt": "x\n"},
        "data/schema/notes.txt:1:1: error [files] 'notes.txt' is not read: data/schema/ holds "
        "only *.schema.json files; move or delete it",
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
    located = [r for r in report[:-1] if re.match(r"^data/\S+:\d+:\d+: (error|warning) \[", r)]
    assert located == report[:-1]
    if expected:
        assert expected in report
    # the command line prints the same report, exits 1, and never a traceback
    run = run_kb("validate", str(root), cwd=tmp_path, timeout=60)
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    # the command line checks against the real date, the in-process load against TODAY
    assert _errors(run.stdout.splitlines()) == _errors(report)


def _errors(lines: list[str]) -> list[str]:
    today = re.compile(r"\(today is \d{4}-\d\d-\d\d\)")
    return [today.sub("(today is …)", line) for line in lines if ": error [" in line]


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


WARNED = [
    (
        "comment cutting a plain value",
        base("text: A fact.", "text: Türkiye #1 ülke"),
        f"{A}:12:19: warning [comment] 'text' stops before '#1 ülke': in YAML ' #' starts a "
        "comment, so the rest of the line is not part of the value; put the whole value in "
        "quotes if the '#' belongs to it",
    ),
    (
        "comment in a list entry",
        base("kind: air-base", "kind: air-base\naliases:\n  - Alpha #2\n  - Alfa"),
        f"{A}:5:11: warning [comment] an entry of 'aliases' stops before '#2': in YAML ' #' "
        "starts a comment, so the rest of the line is not part of the value; put the whole "
        "value in quotes if the '#' belongs to it",
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in WARNED], ids=[c[0] for c in WARNED])
def test_silently_lost_text_is_warned_about(tmp_path: Path, files, expected: str) -> None:
    root = write_root(tmp_path / "data", files)
    loaded = load(root, base=tmp_path, today=TODAY)
    assert [w.format() for w in loaded.warnings] == [expected]
    strict = run_kb("validate", "--strict", str(root), cwd=tmp_path)
    assert strict.returncode == 1
    assert expected.replace(": warning [", ": error [") in strict.stdout


def _outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "party.yaml").write_text(VALID["actors/party.yaml"], encoding="utf-8")
    return outside


SYMLINKS = [
    (
        "data/actors linked to a folder outside",
        lambda root, out: (root / "actors").symlink_to(out, target_is_directory=True),
        "data/actors:1:1: error [files] symbolic link 'actors' is not allowed in the data "
        "folder (it could publish files from elsewhere); replace it with the real file or folder",
    ),
    (
        "record linked to a file outside",
        lambda root, out: (root / "bases" / "beta.yaml").symlink_to(out / "party.yaml"),
        "data/bases/beta.yaml:1:1: error [files] symbolic link 'beta.yaml' is not allowed in the "
        "data folder (it could publish files from elsewhere); replace it with the real file or "
        "folder",
    ),
    (
        "overview linked to a file outside",
        lambda root, out: (root / "overview.yaml").symlink_to(out / "party.yaml"),
        "data/overview.yaml:1:1: error [files] symbolic link 'overview.yaml' is not allowed in "
        "the data folder (it could publish files from elsewhere); replace it with the real file "
        "or folder",
    ),
]


@pytest.mark.parametrize(
    ("make", "expected"), [c[1:] for c in SYMLINKS], ids=[c[0] for c in SYMLINKS]
)
def test_symlinks_are_refused_not_followed(tmp_path: Path, make, expected: str) -> None:
    root = write_root(tmp_path / "data", {"actors/party.yaml": None})
    if "actors" not in expected:
        (root / "actors").mkdir(exist_ok=True)
        (root / "actors" / "party.yaml").write_text(VALID["actors/party.yaml"], encoding="utf-8")
    make(root, _outside(tmp_path))
    root_lines = _lines_of(root, tmp_path)
    assert expected in root_lines
    run = run_kb("validate", str(root), cwd=tmp_path)
    assert run.returncode == 1
    assert expected in run.stdout.splitlines()


def _lines_of(root: Path, base: Path) -> list[str]:
    try:
        load(root, base=base, today=TODAY)
    except DataError as e:
        return str(e).splitlines()
    return []


TERMINAL = [
    ("escape in a value", base("summary: A test installation.", 'summary: "\\e]0;owned\\a"'), None),
    ("escape in a key", source("kind: news", '"\\e[2J\\e[31m": news'), None),
    ("escape in an id", base("id: alpha-fact", 'id: "x\\e[2J"'), None),
    ("bidi override in an enum value", source("language: en", 'language: "\\u202Een"'), None),
    (
        "newline forging a report line",
        source("language: en", 'language: "en\\ndata/x.yaml:1:1: error [x] forged"'),
        "'en\\x0adata/x.yaml:1:1: error [x] forged'",
    ),
    ("escape in a file name", {"bases/\x1b[2J.yaml": "id: x\n"}, "data/bases/\\x1b[2J.yaml"),
    ("bidi override in a folder name", {"ba\u202eses/x.yaml": "id: x\n"}, "data/ba\\u202eses"),
]


@pytest.mark.parametrize(
    ("files", "visible"), [c[1:] for c in TERMINAL], ids=[c[0] for c in TERMINAL]
)
@pytest.mark.parametrize("fmt", ["text", "github"])
def test_no_escape_sequence_from_data_reaches_the_terminal(
    tmp_path: Path, files, visible: str | None, fmt: str
) -> None:
    from kb import chars

    root = write_root(tmp_path / "data", files)
    run = run_kb("validate", "--format", fmt, str(root), cwd=tmp_path)
    assert run.returncode == 1
    output = run.stdout + run.stderr
    assert [ch for ch in output if chars.kind(ch)] == []
    assert not [line for line in output.splitlines() if line.startswith("data/x.yaml")]
    if visible:
        assert visible in output


# Round two: text that would break YAML front matter. The loader refuses these characters, so
# the render test turns the character policy off and checks the second lock on its own: page
# metadata reaches MkDocs without a YAML round trip, so the payload stays text.
ESCAPE_PAYLOADS = {
    "DEL and javascript link": "[x](javascript:alert(document.domain)) \x7f",
    "C1 control and onmouseover": "[x](javascript:alert(1)){: onmouseover=alert(1) } \x80",
    "C1 control and onclick": "x {: onclick=alert(1) } \x9f",
    "U+FFFE and style url()": 'x {: style="background:url(https://evil.example/x)" } \ufffe',
    "U+FFFF and third-party image": "![i](https://evil.example/t.png) \uffff",
}
TITLE_FIELDS = (
    "base.name.en",
    "base.name.tr",
    "base.summary",
    "actor.name",
    "actor.short",
    "source.title",
    "overview.title",
    "overview.summary",
    "claim.text",
    "claim.summary",
)
"""Every record field that reaches a page title, a description or a heading."""
assert set(TITLE_FIELDS) <= set(FIELDS)


def _build_in_process(root: Path, out: Path, policy_off: bool) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from kb import chars
    from kb.check import MEMO

    MEMO.clear()  # checked files are memoized by content: a policy switch must not reuse them
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(paths, "DATA", root)
        mp.setenv("SOURCE_DATE_EPOCH", "1764201600")
        if policy_off:
            mp.setattr(chars, "forbidden", lambda text: iter(()))
        config = load_config(str(paths.ROOT / "mkdocs.yml"), site_dir=str(out), strict=True)
        build(config)


def _corpus_root(work: Path, texts: dict[str, str]) -> Path:
    root = write_root(work / "data", dict.fromkeys(VALID) | corpus(texts, quote=escaped))
    for rel in VALID:
        if rel not in corpus(texts):
            (root / rel).unlink(missing_ok=True)
    return root


@pytest.fixture(scope="module")
def clean_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("clean-in-process")
    _build_in_process(_corpus_root(work, {}), work / "site", policy_off=True)
    return work / "site"


def _schemes(site: Path) -> set[str]:
    found = set()
    for page in site.rglob("*.html"):
        for tag in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all(True):
            for name in ("href", "src", "action", "formaction", "srcset", "poster", "data"):
                value = tag.get(name)
                if isinstance(value, str) and re.match(r"^[a-zA-Z][\w+.-]*:", value):
                    found.add(value.split(":", 1)[0].lower())
    return found


@pytest.mark.parametrize("payload", list(ESCAPE_PAYLOADS.values()), ids=list(ESCAPE_PAYLOADS))
def test_escape_payloads_in_titles_and_headings_stay_text(
    tmp_path: Path, clean_site: Path, payload: str
) -> None:
    # the first lock: the loader refuses the payload where it is written
    texts = dict.fromkeys(TITLE_FIELDS, payload)
    texts["actor.short"] = "[s](javascript:x) {: .y } " + payload[-1]  # at most 40 characters
    root = _corpus_root(tmp_path, texts)
    with pytest.raises(DataError, match=r"\[characters\]"):
        load(root, base=tmp_path, today=TODAY)
    # the second lock, with the first one off: the site builds, strict, and the payload is text
    _build_in_process(root, tmp_path / "site", policy_off=True)
    site = tmp_path / "site"
    pages = sorted(p.relative_to(clean_site) for p in clean_site.rglob("*.html"))
    assert pages == sorted(p.relative_to(site) for p in site.rglob("*.html"))
    for page in pages:
        clean = _signature((clean_site / page).read_text(encoding="utf-8"))
        hostile = _signature((site / page).read_text(encoding="utf-8"))
        assert clean == hostile, page
    assert _schemes(site) == _schemes(clean_site)
    visible = payload[:-2]
    for page in ("sources/src-one", "actors/party", "bases/alpha", "overview"):
        html = BeautifulSoup(
            (site / page / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        assert visible in html.title.get_text(), page
        assert visible in html.find("h1").get_text(), page
