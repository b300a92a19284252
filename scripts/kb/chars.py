"""Which characters data text may hold, and how text is shown safely in a terminal.

The forbidden set is derived from Unicode properties, not listed by hand, so a new invisible
or control character is refused the day Python's Unicode tables know it. Data text must not
hold characters a reader cannot see or that change how neighbouring text is displayed:
controls (Cc, except tab and line feed), format characters (Cf: bidirectional controls,
zero-width characters, tag characters, ...), line and paragraph separators (Zl, Zp),
surrogates (Cs), private use (Co), non-characters and unassigned code points (Cn), and the
invisible fillers and variation selectors Unicode counts as default-ignorable letters or
marks (found by their character names).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

_KINDS = {
    "Cc": "control",
    "Cf": "invisible formatting",
    "Zl": "line separator",
    "Zp": "paragraph separator",
    "Cs": "surrogate",
    "Co": "private-use",
}
_BIDI_CONTROLS = frozenset({"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"})
_INVISIBLE_NAMES = ("FILLER", "VARIATION SELECTOR", "GRAPHEME JOINER", "BRAILLE PATTERN BLANK")
_ALLOWED_CONTROLS = frozenset("\t\n")


def _noncharacter(code: int) -> bool:
    """The 66 code points Unicode reserves as never being characters."""
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


@lru_cache(maxsize=4096)
def kind(ch: str) -> str | None:
    """Why a character is not allowed in data text, or None when it is allowed."""
    if ch < "\x7f":
        return None if ch >= " " or ch in _ALLOWED_CONTROLS else "control"
    category = unicodedata.category(ch)
    if category == "Cf":
        if unicodedata.bidirectional(ch) in _BIDI_CONTROLS or ch in "\u200e\u200f\u061c":
            return "bidirectional control"
        if 0xE0000 <= ord(ch) <= 0xE007F:
            return "tag"
        return _KINDS[category]
    if category in _KINDS:
        return _KINDS[category]
    if category == "Cn":
        return "non-character" if _noncharacter(ord(ch)) else "unassigned"
    name = unicodedata.name(ch, "")
    if any(part in name for part in _INVISIBLE_NAMES):
        return "invisible filler"
    return None


def name(ch: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE' (controls have no name: 'U+007F'), for messages."""
    label = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} {label}" if label else f"U+{ord(ch):04X}"


def describe(ch: str, why: str) -> str:
    """'control character U+001B', 'non-character U+FFFE': a refused character for messages."""
    return f"{why} {name(ch)}" if why == "non-character" else f"{why} character {name(ch)}"


def _common_allowed() -> re.Pattern[str]:
    """A pattern for the first character outside the allowed ones of the scripts and
    punctuation data text mostly uses (Latin with Turkish letters, Greek, Cyrillic, general
    punctuation, currency), judged by `kind` once at import."""
    allowed = [
        ch
        for band in ((0x0, 0x530), (0x2000, 0x20D0))
        for ch in map(chr, range(*band))
        if kind(ch) is None
    ]
    ranges: list[str] = []
    start = prev = ord(allowed[0])
    for code in (*map(ord, allowed[1:]), -1):
        if code != prev + 1:
            ranges.append(
                re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else "")
            )
            start = code
        prev = code
    return re.compile("[^" + "".join(ranges) + "]")


_OUTSIDE_COMMON = _common_allowed().search


def forbidden(text: str) -> Iterator[tuple[int, str, str]]:
    """(index, character, kind) for every character of `text` that is not allowed."""
    if _OUTSIDE_COMMON(text) is None:  # the usual case: one scan in C
        return
    # Judge each distinct character once (a file has a few hundred), and look for positions
    # only when one is refused: a per-character loop over every file costs seconds at scale.
    refused = {ch for ch in set(text) if kind(ch)}
    if not refused:
        return
    for i, ch in enumerate(text):
        if ch in refused:
            yield i, ch, kind(ch) or ""


def shown(text: str) -> str:
    """Text safe to print to a terminal: every disallowed character (and line breaks) written
    as a visible escape such as \\x1b or \\u202e, so data can never drive the terminal."""
    if text.isascii() and text.isprintable():
        return text
    out = []
    for ch in text:
        if ch in "\t\n" or kind(ch):
            code = ord(ch)
            if code <= 0xFF:
                out.append(f"\\x{code:02x}")
            elif code <= 0xFFFF:
                out.append(f"\\u{code:04x}")
            else:
                out.append(f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)
