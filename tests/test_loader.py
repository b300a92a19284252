"""Every loading hazard of the strict YAML policy is refused with file:line:col."""

from __future__ import annotations

import pytest

from kb import limits

BASE = "data/bases/alpha.yaml"


def base(text: str) -> dict[str, str]:
    return {"bases/alpha.yaml": text}


CASES = [
    (
        "duplicate key",
        "id: alpha\nid: beta\n",
        f"{BASE}:2:1: error [duplicate-key] duplicate key 'id' (first on line 1); keep one of them",
    ),
    (
        "nested duplicate key",
        "id: alpha\nlocation:\n  province: A\n  province: B\n",
        f"{BASE}:4:3: error [duplicate-key] duplicate key 'province' (first on line 3); "
        "keep one of them",
    ),
    (
        "anchor",
        "id: alpha\nname: &n Alpha\n",
        f"{BASE}:2:7: error [anchors] anchor '&n' is not allowed; write values out in full",
    ),
    (
        "alias",
        "id: alpha\nname: Alpha\nsummary: *n\n",
        f"{BASE}:3:10: error [anchors] alias '*n' is not allowed; write the value out in full",
    ),
    (
        "merge key",
        "id: alpha\nlocation:\n  <<: {province: A}\n",
        f"{BASE}:3:3: error [anchors] merge key '<<' is not allowed; write the keys out in full",
    ),
    (
        "python tag",
        "id: !!python/object/apply:os.system [ls]\n",
        f"{BASE}:1:5: error [tags] explicit tag 'tag:yaml.org,2002:python/object/apply:os.system'"
        " is not allowed; remove it (values are plain text, numbers, true or false)",
    ),
    (
        "binary tag",
        "id: !!binary aGVsbG8=\n",
        f"{BASE}:1:5: error [tags] explicit tag 'tag:yaml.org,2002:binary' is not allowed; "
        "remove it (values are plain text, numbers, true or false)",
    ),
    (
        "local tag",
        "id: !foo alpha\n",
        f"{BASE}:1:5: error [tags] explicit tag '!foo' is not allowed; remove it (values are "
        "plain text, numbers, true or false)",
    ),
    (
        "second document",
        "id: alpha\n---\nid: beta\n",
        f"{BASE}:2:1: error [documents] a second YAML document starts here; a data file holds "
        "exactly one (remove the '---' line and what follows, or move it to its own file)",
    ),
    (
        "empty file",
        "",
        f"{BASE}:1:1: error [yaml] file is empty; it must hold a mapping that starts with 'id:'",
    ),
    (
        "comments only",
        "# nothing\n",
        f"{BASE}:1:1: error [yaml] file is empty; it must hold a mapping that starts with 'id:'",
    ),
    (
        "top-level list",
        "- id: alpha\n",
        f"{BASE}:1:1: error [yaml] the top level must be a mapping of keys to values (key: value),"
        " not a list or a single value",
    ),
    (
        "top-level scalar",
        "alpha\n",
        f"{BASE}:1:1: error [yaml] the top level must be a mapping of keys to values (key: value),"
        " not a list or a single value",
    ),
    (
        "syntax error",
        "id: alpha\nname: [unclosed\n",
        f"{BASE}:3:1: error [yaml] YAML syntax: while parsing a flow sequence did not find expected "
        "',' or ']'",
    ),
    (
        "tab indentation",
        "id: alpha\nlocation:\n\tprovince: A\n",
        f"{BASE}:3:1: error [yaml] a tab character is used for indentation; indent with spaces",
    ),
    (
        "nfd text",
        "id: alpha\nsummary: C\u0327anakkale\n",
        f"{BASE}:2:11: error [unicode] text is not in Unicode NFC form (a letter followed by a "
        "separate combining accent); retype the letter or save the file normalised to NFC",
    ),
    (
        "control character",
        "id: alpha\nsummary: a\x07b\n",
        f"{BASE}:2:11: error [characters] control character U+0007 is not allowed; delete it",
    ),
    (
        "escape sequence",
        "id: alpha\nsummary: a\x1b[2Jb\n",
        f"{BASE}:2:11: error [characters] control character U+001B is not allowed; delete it",
    ),
    (
        "bidi override",
        "id: alpha\nsummary: a\u202eb\n",
        f"{BASE}:2:11: error [characters] bidirectional control character U+202E "
        "RIGHT-TO-LEFT OVERRIDE is not allowed; delete it",
    ),
    (
        "zero-width space",
        "id: alpha\nsummary: a\u200bb\n",
        f"{BASE}:2:11: error [characters] invisible formatting character U+200B "
        "ZERO WIDTH SPACE is not allowed; delete it",
    ),
    (
        "deep nesting",
        "id: alpha\nx: " + "[" * (limits.MAX_DEPTH + 1) + "]" * (limits.MAX_DEPTH + 1) + "\n",
        f"{BASE}:2:{3 + limits.MAX_DEPTH}: error [limits] nesting is deeper than "
        f"{limits.MAX_DEPTH} levels (MAX_DEPTH); flatten the structure",
    ),
    (
        "long string",
        "id: alpha\nsummary: " + "a" * (limits.MAX_STRING_CHARS + 1) + "\n",
        f"{BASE}:2:10: error [limits] text of {limits.MAX_STRING_CHARS + 1} characters is longer "
        f"than {limits.MAX_STRING_CHARS} (MAX_STRING_CHARS); shorten it",
    ),
    (
        "long list",
        "id: alpha\naliases: [" + ", ".join(["a"] * (limits.MAX_LIST_ITEMS + 1)) + "]\n",
        f"{BASE}:2:{11 + 3 * limits.MAX_LIST_ITEMS}: error [limits] list has more than "
        f"{limits.MAX_LIST_ITEMS} entries (MAX_LIST_ITEMS); split the data",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hazard_is_refused(check, text: str, expected: str) -> None:
    assert expected in check(base(text))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            b"id: alpha\nsummary: \xfe\n",
            f"{BASE}:2:10: error [encoding] invalid UTF-8 byte 0xfe; save the file as UTF-8",
        ),
        (
            "id: alpha\n".encode("utf-16"),
            f"{BASE}:1:1: error [encoding] file is UTF-16 or UTF-32; save it as UTF-8",
        ),
        (
            "id: alpha\n".encode("utf-16-le"),
            f"{BASE}:1:1: error [encoding] file is UTF-16 or UTF-32; save it as UTF-8",
        ),
        (
            "summary: Sar\u0131\u00e7am\n".encode("cp1254"),
            f"{BASE}:1:13: error [encoding] invalid UTF-8 byte 0xfd; save the file as UTF-8",
        ),
        (
            b"id: alpha\n" + b"#" * limits.MAX_FILE_BYTES,
            f"{BASE}:1:1: error [limits] file is larger than {limits.MAX_FILE_BYTES} bytes "
            "(MAX_FILE_BYTES); split it into smaller files",
        ),
    ],
    ids=["invalid utf-8", "utf-16 with bom", "utf-16 without bom", "cp1254", "oversized"],
)
def test_bad_bytes_are_refused(check, raw: bytes, expected: str) -> None:
    assert check({"bases/alpha.yaml": raw}) == [expected]


def test_utf8_bom_is_tolerated(check) -> None:
    import textwrap

    from conftest import VALID

    raw = b"\xef\xbb\xbf" + textwrap.dedent(VALID["bases/alpha.yaml"]).encode()
    assert check({"bases/alpha.yaml": raw}) == []


@pytest.mark.parametrize(
    "value",
    [
        "no",
        "yes",
        "on",
        "off",
        "1:20",
        "0755",
        "1.10",
        "2025-07-02",
        ".nan",
        "+905551234567",
        "1_000",
    ],
)
def test_yaml11_scalars_stay_text(tmp_path, value: str) -> None:
    """A plain scalar in a text field keeps exactly the characters written."""
    from kb.loader import parse

    record, issues = parse(f"id: alpha\nsummary: {value}\n".encode(), "x.yaml", "base")
    assert issues == []
    assert record is not None
    assert record.data["summary"] == value


@pytest.mark.parametrize("value", ["yes", "True", "on", '"true"'])
def test_yaml11_booleans_are_refused_where_a_boolean_is_wanted(check, value: str) -> None:
    from conftest import VALID

    text = VALID["bases/alpha.yaml"].replace(
        "coordinates: {lat: 37.0, lon: 35.4}",
        f"coordinates: {{lat: 37.0, lon: 35.4, approximate: {value}}}",
    )
    shown = value.strip('"')
    assert check({"bases/alpha.yaml": text}) == [
        f"data/bases/alpha.yaml:6:39: error [schema] 'approximate' should be true or false, not "
        f"'{shown}'; write true or false in lower case without quotes"
    ]


@pytest.mark.parametrize(
    ("value", "why"),
    [(".nan", "'.nan'"), ("1e3", "'1e3'"), ('"37.0"', "'37.0'"), ("0x25", "'0x25'")],
)
def test_numbers_must_be_plain_decimals(check, value: str, why: str) -> None:
    from conftest import VALID

    text = VALID["bases/alpha.yaml"].replace("lat: 37.0", f"lat: {value}")
    assert check({"bases/alpha.yaml": text}) == [
        f"data/bases/alpha.yaml:6:17: error [schema] 'lat' should be a number, not {why}; "
        "write a plain decimal number such as 37.0019"
    ]


def test_plain_numbers_and_booleans_are_typed_only_where_the_schema_wants_them(check) -> None:
    assert check({}) == []


def test_unquoted_year_in_a_date_field_stays_a_date(check) -> None:
    from conftest import VALID

    text = VALID["bases/alpha.yaml"].replace("date: 1955-02-21", "date: 1955")
    assert check({"bases/alpha.yaml": text}) == []


def test_all_problems_are_collected(check) -> None:
    got = check(
        {
            "bases/alpha.yaml": "id: alpha\nid: beta\nname: a\nname: b\n",
            "actors/party.yaml": "id: party\nname: &x A\n",
        }
    )
    assert len(got) == 3


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        (
            "id: alpha\n",
            "data/bases/alpha.yaml:1:1: error [editor] the first line must be "
            "'# yaml-language-server: $schema=../schema/base.schema.json' so editors check the "
            "file against its schema as you type",
        ),
        (
            "# yaml-language-server: $schema=../schema/source.schema.json\n",
            "data/bases/alpha.yaml:1:1: error [editor] the first line must be "
            "'# yaml-language-server: $schema=../schema/base.schema.json' so editors check the "
            "file against its schema as you type",
        ),
    ],
    ids=["missing", "wrong schema"],
)
def test_schema_line_is_required_where_the_schema_folder_is(
    check, tmp_path, first: str, expected: str
) -> None:
    from conftest import VALID

    from kb.loader import schema_line

    (tmp_path / "data" / "schema").mkdir(parents=True)
    files = {
        path: schema_line(
            {"bases": "base", "sources": "source", "actors": "actor"}[path.split("/")[0]]
        )
        + "\n"
        + text
        for path, text in VALID.items()
    }
    assert check(files) == []
    files["bases/alpha.yaml"] = first + VALID["bases/alpha.yaml"]
    assert check(files) == [expected]


def test_problems_per_file_are_capped_with_a_named_limit(check) -> None:
    text = "id: alpha\n" + "".join(
        f"k{i}: &a{i} x\n" for i in range(limits.MAX_ISSUES_PER_FILE + 9)
    )
    got = [g for g in check({"bases/alpha.yaml": text}) if g.startswith(BASE)]
    assert len(got) == limits.MAX_ISSUES_PER_FILE + 1
    assert (
        f"{BASE}:1:1: error [limits] 9 more problems in this file are not shown "
        "(MAX_ISSUES_PER_FILE); fix these first" in got
    )


@pytest.mark.parametrize(
    "line",
    [
        "kind: news  # one of: news, statement",
        "published: 2024-03          # YYYY, YYYY-MM or YYYY-MM-DD",
        'title: "Türkiye #1 ülke"  # quoted, so the # is text',
        "title: C#",
        "# a whole-line comment",
    ],
)
def test_ordinary_comments_are_not_warned_about(line: str) -> None:
    from kb.loader import parse

    record, issues = parse(f"id: x\n{line}\n".encode(), "x.yaml", "source")
    assert record is not None
    assert issues == []


@pytest.mark.parametrize(
    ("line", "col", "rest"),
    [
        ("note: Türkiye #1 ülke", 15, "#1 ülke"),
        ("text: A fact.  # not a comment", 16, "# not a comment"),
        ("note: see #", 11, "#"),
    ],
)
def test_a_comment_that_cuts_text_short_is_warned_about(line: str, col: int, rest: str) -> None:
    from kb.loader import parse

    record, issues = parse(f"id: x\n{line}\n".encode(), "x.yaml", "source")
    assert record is not None
    key = line.split(":")[0]
    assert [i.format() for i in issues] == [
        f"x.yaml:2:{col}: warning [comment] '{key}' stops before '{rest}': in YAML ' #' starts "
        "a comment, so the rest of the line is not part of the value; put the whole value in "
        "quotes if the '#' belongs to it"
    ]


@pytest.mark.parametrize("value", ["null", "Null", "NULL", "~"])
def test_plain_null_is_refused_where_text_is_written(value: str) -> None:
    from kb.loader import parse

    record, issues = parse(f"id: alpha\nsummary: {value}\n".encode(), "x.yaml", "base")
    assert record is None
    assert [i.format() for i in issues] == [
        f"x.yaml:2:10: error [null] 'summary' is {value}, which YAML reads as 'no value'; write "
        "the value, delete the line if the field is optional, or put it in quotes "
        f"('\"{value}\"') if you mean the word"
    ]


def test_quoted_null_is_the_word() -> None:
    from kb.loader import parse

    record, issues = parse(b'id: alpha\nsummary: "null"\n', "x.yaml", "base")
    assert issues == [] and record is not None and record.data["summary"] == "null"
