"""'Did you mean' suggestions for mistyped keys and ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def _token_score(value: str, candidate: str) -> float:
    """How many of the value's hyphenated parts a candidate explains: the same part, a prefix
    of one (3+ letters), or the initials of consecutive parts ('pd' for 'peoples-dispatch')."""
    parts = candidate.split("-")
    initials = {
        "".join(p[0] for p in parts[i:j])
        for i in range(len(parts))
        for j in range(i + 2, len(parts) + 1)
    }
    tokens = value.split("-")
    hits = sum(
        1
        for t in tokens
        if t in parts or t in initials or (len(t) >= 3 and any(p.startswith(t) for p in parts))
    )
    return hits / len(tokens)


def closest(value: str, candidates: Iterable[str]) -> str | None:
    """The most likely intended name, or None when nothing is convincingly close."""
    options = sorted(set(candidates))
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    if close:
        return close[0]
    scored = [(_token_score(value, c), -len(c), c) for c in options]
    best = max(scored, default=(0.0, 0, ""))
    return best[2] if best[0] == 1.0 else None
