"""Words split by a folded line: YAML joins the lines of a plain, quoted or `>` folded value
with a space, so `air-` at the end of one line and `refuelling` on the next read
"air- refuelling" on the page. It slipped into the data twice; this finds it with its place.

A literal `|` block is left alone: the writer asked for its line breaks, and the downloads
keep them (pages show any line break as a space, though). So is a dash after a space
(`word -`, `word –`): punctuation, not a split word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from kb.issues import Issue, Level

_LINE_ENDS = {"-": re.compile(r"-[ \t\r]*\n"), "\u2010": re.compile("\u2010[ \t\r]*\n")}
"""A hyphen (or U+2010 HYPHEN) that ends a line. One pattern per character: a literal first
character lets the regex engine skip ahead, so the scan costs little in files without any."""
_QUOTES = "'\""


def split_words(text: str, display: str, events: Callable[[], Iterable[Any]]) -> list[Issue]:
    """A warning for each word split across a folded line of a value in `text`.

    `events` gives the file's parser events (the loader's parser; this module reads no YAML
    itself). It is called only when some line ends in a hyphen right after a letter or digit,
    which is rare, so the usual file costs one scan of its text."""
    hyphens = [
        m.start()
        for char, pattern in _LINE_ENDS.items()
        if char in text
        for m in pattern.finditer(text)
        if text[m.start() - 1 : m.start()].isalnum()
    ]
    if not hyphens:
        return []
    found = []
    for ev in events():
        style = getattr(ev, "style", None)
        if not isinstance(getattr(ev, "value", None), str) or style == "|":
            continue
        start, end = ev.start_mark.index, ev.end_mark.index
        if style == ">":  # the header line ('>', '>-', '>2', a comment) is not text
            start = text.find("\n", start, end)
            if start < 0:
                continue
        if style in ("'", '"'):
            end -= 1  # the closing quote
        for at in hyphens:
            if start < at < end and text[at + 1 : end].strip():
                found.append(_issue(text, display, ev.start_mark.index, at, end))
    return found


def _issue(text: str, display: str, start: int, at: int, end: int) -> Issue:
    """The warning for the hyphen at `at` in the value from `start` to `end`."""
    line_start = text.rfind("\n", 0, at) + 1
    word = text[max(start, line_start) : at + 1].split()[-1].lstrip(_QUOTES)[-40:]
    following = text[at + 1 : end].split()[0][:40]
    return Issue(
        display,
        text.count("\n", 0, at) + 1,
        at - line_start + 1,
        Level.WARNING,
        "split-word",
        f"'{word}' ends a line inside a folded value, so the text reads '{word} {following}' "
        "(YAML joins the lines with a space); keep the hyphenated word on one line, breaking "
        "the line before or after it",
    )
