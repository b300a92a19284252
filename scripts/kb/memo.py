"""Checked files kept between runs in one process (each rebuild under `mkdocs serve`).

A data file's outcome (its record after the schema step, and its problems) depends only on
its bytes, its display path, its kind, the header it must carry and the schema files; the
key holds all of them, with the bytes as a SHA-256 digest. An edit changes the digest, so an
edited file is always checked again. Entries not used by the latest run are dropped at the
next one, so the memo holds at most two runs' worth of files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

Key = tuple[str, ...]


class Memo:
    def __init__(self) -> None:
        self._current: dict[Key, Any] = {}
        self._previous: dict[Key, Any] = {}
        self.hits = 0
        self.misses = 0

    def start_run(self) -> None:
        """Begin a run: what the previous run did not use is forgotten."""
        self._previous, self._current = self._current, {}
        self.hits = self.misses = 0

    @property
    def empty(self) -> bool:
        """Nothing is remembered (a cold run): no file needs looking up first."""
        return not self._current and not self._previous

    def recall(self, key: Key) -> Any:
        """The remembered value (kept for this run), or None: the caller computes it and
        hands it to `keep`. Lets a run compute all its misses at once (in parallel)."""
        if key in self._current:
            self.hits += 1
            return self._current[key]
        if key in self._previous:
            self.hits += 1
            value = self._previous.pop(key)
            self._current[key] = value
            return value
        return None

    def keep(self, key: Key, value: Any) -> Any:
        """Remember a value computed after `recall` missed."""
        self.misses += 1
        self._current[key] = value
        return value

    def clear(self) -> None:
        self._current.clear()
        self._previous.clear()


_FORGETTABLE: list[Callable[[], None]] = []


class _Clearable(Protocol):
    def cache_clear(self) -> None: ...


Cached = TypeVar("Cached", bound=_Clearable)


def forgettable(cached: Cached) -> Cached:
    """Registers an `lru_cache` of values from data (texts, dates), so `forget_texts` can
    empty it: remembered across rebuilds under `mkdocs serve` on purpose, but a benchmark
    that times a cold build must start each run without them."""
    _FORGETTABLE.append(cached.cache_clear)
    return cached


def forget_texts() -> None:
    """Empty every cache registered with `forgettable`."""
    for clear in _FORGETTABLE:
        clear()


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def folder_digest(folder: Path, pattern: str) -> str:
    """One digest of the names and bytes of the files matching `pattern` in `folder`."""
    h = hashlib.sha256()
    for p in sorted(folder.glob(pattern)):
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()
