"""Small rules for putting data text into sentences, so templates never double punctuation,
break the order of a line around right-to-left text, or repeat a name in another spelling."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from markupsafe import Markup, escape

from kb import memo
from kb.fold import fold

_ENDS = ".!?…"
_HIGH = re.compile("[\u0590-\U0010ffff]")
_CLOSERS = "\"'”’»)]"


def ends_sentence(text: str) -> bool:
    """Whether text already ends a sentence ('soil.', 'yok...', 'said.”')."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _ENDS


def full_stop(text: str) -> str:
    """The full stop a template adds after `text`: none when the text already has one."""
    return "" if ends_sentence(text) else "."


@memo.forgettable
@lru_cache(maxsize=65536)
def right_to_left(text: str) -> bool:
    """Whether text holds a right-to-left letter (Arabic, Hebrew, Persian...). Remembered:
    names and titles recur on many pages, and in both languages' pages."""
    if text.isascii():
        return False
    # No letter below U+0590 (the Hebrew block) is right-to-left: only the few characters
    # above it (in Turkish text, mostly curly quotes and dashes) are looked up one by one.
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in _HIGH.findall(text))


def isolate(inner: str | Markup, text: str) -> Markup:
    """`inner` (the text already made safe) in `<bdi>` when the text is right-to-left, so
    the punctuation and dates around it keep their order; other text is left as it is."""
    safe = inner if isinstance(inner, Markup) else escape(inner)
    return Markup("<bdi>") + safe + Markup("</bdi>") if right_to_left(text) else Markup(safe)


def _key(name: str) -> str:
    return " ".join(fold(name).split())


def distinct(names: list[str] | tuple[str, ...]) -> list[str]:
    """Names without those that are the same after Turkish-aware folding ('Incirlik' after
    'İncirlik'), first spelling kept, in order."""
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        key = _key(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def also_written(names: list[str] | tuple[str, ...], shown: list[str | None]) -> list[str]:
    """The spellings to list under a title that already shows `shown`: those that differ
    from it and from each other by more than Turkish letters and case (search folds those)."""
    keys = {_key(n) for n in shown if n}
    return [n for n in distinct(names) if _key(n) not in keys]


def with_short(name: str, short: str | None) -> str | None:
    """The short name to show in brackets after a name, or None when it adds nothing: no short
    name, the same name in another spelling, or the name's first words ("Dışişleri Bakanlığı
    (Dışişleri)", "İran hükümeti (İran)" would only repeat the title)."""
    if not short:
        return None
    words, full = fold(short).split(), fold(name).split()
    if words == full[: len(words)]:
        return None
    return short
