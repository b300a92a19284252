"""A word split by a folded line ('air-' / 'refuelling' read as 'air- refuelling') is a
warning at the hyphen's `file:line:col`; hyphens and dashes that are meant are not."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import VALID, run_kb, write_root

from kb.loader import parse


def _warnings(text: str) -> list[str]:
    record, issues = parse(text.encode(), "x.yaml", "source")
    assert record is not None, [i.format() for i in issues]
    return [i.format() for i in issues if i.rule == "split-word"]


def _says(line: int, col: int, word: str, following: str) -> str:
    return (
        f"x.yaml:{line}:{col}: warning [split-word] '{word}' ends a line inside a folded value, "
        f"so the text reads '{word} {following}' (YAML joins the lines with a space); keep the "
        "hyphenated word on one line, breaking the line before or after it"
    )


SPLIT = [
    (
        "plain, English",
        "id: x\ntext: Tankers for air-\n  refuelling were based here.\n",
        [(2, 22, "air-", "refuelling")],
    ),
    (
        "folded '>', English",
        "id: x\ntext: >\n  The missile-\n  defence radar.\n",
        [(3, 14, "missile-", "defence")],
    ),
    (
        "folded '>-' in a Turkish text, nested",
        "id: x\nsummary:\n  en: A radar.\n  tr: >-\n    Kürecik'teki erken uyarı radarı füze-\n"
        "    savunma sistemine bağlı.\n",
        [(5, 41, "füze-", "savunma")],
    ),
    (
        "plain, Turkish, trailing spaces and a Windows line end",
        "id: x\nnote: Hava-  \r\n  savunma sistemi; Çiğli-\r\n  İzmir hattı.\r\n",
        [(2, 11, "Hava-", "savunma"), (3, 25, "Çiğli-", "İzmir")],
    ),
    (
        "single quotes",
        "id: x\ntext: 'The missile-\n  defence radar.'\n",
        [(2, 19, "missile-", "defence")],
    ),
    (
        "double quotes, a year range",
        'id: x\ntext: "Active 1990-\n  2005."\n',
        [(2, 19, "1990-", "2005.")],
    ),
    (
        "a list entry, split on its first line",
        "id: x\naliases:\n  - Incirlik Air-\n    Base\n",
        [(3, 17, "Air-", "Base")],
    ),
    (
        "a flow list",
        "id: x\naliases: [Incirlik Air-\n  Base, Adana]\n",
        [(2, 23, "Air-", "Base")],
    ),
    (
        "folded with a blank line after the split word",
        "id: x\ntext: >\n  first-\n\n  second\n",
        [(3, 8, "first-", "second")],
    ),
    (
        "the U+2010 HYPHEN character",
        "id: x\ntext: >\n  the air\u2010\n  refuelling\n",
        [(3, 10, "air\u2010", "refuelling")],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), SPLIT, ids=[c[0] for c in SPLIT])
def test_a_word_split_by_a_folded_line_is_a_located_warning(
    case: str, text: str, expected: list[tuple[int, int, str, str]]
) -> None:
    assert _warnings(text) == [_says(*e) for e in expected]


KEPT = [
    ("a hyphen inside a line", "id: x\ntext: >\n  The air-refuelling\n  tankers left.\n"),
    ("a hyphenated word at the start of a line", "id: x\ntext: Tankers\n  air-refuelling.\n"),
    ("list markers", "id: x\naliases:\n  - Incirlik\n  -\n    Adana Air Base\n  - ICAO-\n"),
    ("an en dash at a line end", "id: x\ntext: >\n  Incirlik –\n  and Kürecik.\n"),
    ("a spaced hyphen used as a dash", "id: x\ntext: Incirlik -\n  and Kürecik.\n"),
    ("a literal block keeps its line breaks", "id: x\ntext: |\n  missile-\n  defence\n"),
    ("a literal block with chomping", "id: x\ntext: |-\n  missile-\n  defence\n"),
    ("a hyphen at the end of the value", "id: x\ntext: >\n  long text\n  ending in x-\nkind: y\n"),
    ("a hyphen closing a quoted value", "id: x\ntext: 'the word x-'\nkind: y-\n"),
    ("an escaped line end in double quotes", 'id: x\ntext: "missile-\\\n  defence"\n'),
    ("a block header '>2-'", "id: x\ntext: >2-\n   indented\n   text\n"),
    ("a comment", "id: x\ntext: >  # see-\n  one\n  two\n# a comment-\nkind: y\n"),
    ("a single-line value", "id: x\nurl: https://example.org/a-\n"),
]


@pytest.mark.parametrize(("case", "text"), KEPT, ids=[c[0] for c in KEPT])
def test_hyphens_and_dashes_that_are_meant_are_not_warned_about(case: str, text: str) -> None:
    assert _warnings(text) == []


def test_the_validator_names_the_place_and_strict_fails(tmp_path: Path) -> None:
    alpha = VALID["bases/alpha.yaml"].replace(
        "summary: A test installation.\n",
        "summary: >\n  A test installation with an air-\n  refuelling wing.\n",
    )
    assert alpha != VALID["bases/alpha.yaml"]
    root = write_root(tmp_path / "data", {"bases/alpha.yaml": alpha})
    run = run_kb("validate", "--data", str(root), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    line = alpha.splitlines().index("  A test installation with an air-") + 1
    assert (
        f"data/bases/alpha.yaml:{line}:34: warning [split-word] 'air-'" in run.stdout + run.stderr
    )
    strict = run_kb("validate", "--strict", "--data", str(root), cwd=tmp_path)
    assert strict.returncode == 1
