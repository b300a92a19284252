"""The character policy: derived from Unicode properties, applied after YAML escapes."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from conftest import VALID

from kb import chars
from kb.loader import parse

ALL = [chr(c) for c in range(sys.maxunicode + 1)]


def test_every_control_format_private_surrogate_and_separator_is_refused() -> None:
    for ch in ALL:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Co", "Cs", "Zl", "Zp") and ch not in "\t\n":
            assert chars.kind(ch), f"U+{ord(ch):04X} ({category}) is allowed"


def test_every_noncharacter_and_tag_character_is_refused() -> None:
    nonchars = list(range(0xFDD0, 0xFDF0)) + [
        plane * 0x10000 + low for plane in range(17) for low in (0xFFFE, 0xFFFF)
    ]
    assert len(nonchars) == 66
    assert all(chars.kind(chr(c)) == "non-character" for c in nonchars)
    assert all(chars.kind(chr(c)) for c in range(0xE0000, 0xE0080))


def test_every_bidi_control_is_refused_as_such() -> None:
    controls = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}
    bidi = [ch for ch in ALL if unicodedata.bidirectional(ch) in controls]
    assert len(bidi) == 9
    assert all(chars.kind(ch) == "bidirectional control" for ch in [*bidi, "\u200e", "\u200f"])


@pytest.mark.parametrize("ch", ["\u3164", "\u115f", "\u1160", "\uffa0", "\u2800", "\ufe0f"])
def test_invisible_fillers_are_refused(ch: str) -> None:
    assert chars.kind(ch) in ("invisible filler",)


def test_visible_text_is_allowed() -> None:
    visible = [
        ch
        for ch in ALL
        if unicodedata.category(ch)[0] in "LNPS"
        and not any(n in unicodedata.name(ch, "") for n in ("FILLER", "BRAILLE PATTERN BLANK"))
    ]
    assert len(visible) > 100_000
    assert [ch for ch in visible if chars.kind(ch)] == []
    for text in ("Çiğli İncirlik Kürecik ışık", "a\tb\nc", "NBSP\u00a0ok", "«quote» — 1,5 km"):
        assert list(chars.forbidden(text)) == []


def test_shown_escapes_what_a_terminal_would_act_on() -> None:
    assert chars.shown("a\x1b[2Jb\u202ec\n\x07é") == "a\\x1b[2Jb\\u202ec\\x0a\\x07é"
    assert chars.shown("plain text") == "plain text"


ESCAPES = [
    ("\\x7f", "control character U+007F"),
    ("\\x80", "control character U+0080"),
    ("\\x9f", "control character U+009F"),
    ("\\uFFFE", "non-character U+FFFE"),
    ("\\uFFFF", "non-character U+FFFF"),
    ("\\u202E", "bidirectional control character U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\\u200B", "invisible formatting character U+200B ZERO WIDTH SPACE"),
    ("\\0", "control character U+0000"),
    ("\\e[2J", "control character U+001B"),
    ("\\r", "control character U+000D"),
    ("\\N", "control character U+0085"),
    ("\\L", "line separator character U+2028 LINE SEPARATOR"),
    ("\\P", "paragraph separator character U+2029 PARAGRAPH SEPARATOR"),
    ("\\U000E0041", "tag character U+E0041 TAG LATIN CAPITAL LETTER A"),
    ("\\uE000", "private-use character U+E000"),
    ("\\u3164", "invisible filler character U+3164 HANGUL FILLER"),
    ("\\u00AD", "invisible formatting character U+00AD SOFT HYPHEN"),
    ("\\uFE0F", "invisible filler character U+FE0F VARIATION SELECTOR-16"),
    ("\\U0010FFFD", "private-use character U+10FFFD"),
]


@pytest.mark.parametrize(("escape", "what"), ESCAPES, ids=[e for e, _ in ESCAPES])
def test_a_character_written_as_an_escape_is_refused_at_the_value(escape: str, what: str) -> None:
    text = VALID["sources/src-one.yaml"].replace(
        "title: An independent report", f'title: "A report{escape} here"'
    )
    record, issues = parse(text.encode(), "s.yaml", "source")
    assert record is None
    assert [i.format() for i in issues] == [
        f"s.yaml:2:8: error [characters] {what} in 'title' is not allowed (written as an "
        "escape in quotes); delete it"
    ]


def test_an_escape_in_a_key_or_list_entry_is_refused() -> None:
    text = 'id: x\n"ti\\x1btle": a\naliases: [a, "b\\u2066"]\n'
    _, issues = parse(text.encode(), "b.yaml", "base")
    assert [i.format() for i in issues] == [
        "b.yaml:2:1: error [characters] control character U+001B in a key is not allowed "
        "(written as an escape in quotes); delete it",
        "b.yaml:3:14: error [characters] bidirectional control character U+2066 LEFT-TO-RIGHT "
        "ISOLATE in an entry of 'aliases' is not allowed (written as an escape in quotes); "
        "delete it",
    ]


def test_nfd_written_as_escapes_is_refused() -> None:
    _, issues = parse(b'id: x\nsummary: "C\\u0327ig\\u0306li"\n', "b.yaml", "base")
    assert [i.format() for i in issues] == [
        "b.yaml:2:10: error [unicode] 'summary' is not in Unicode NFC form (a letter followed "
        "by a separate combining accent, written as an escape); write the accented letter itself"
    ]
