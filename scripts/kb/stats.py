"""The data-quality report: per-page counts, unassessed claims, sources with no date or no
archive link."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from kb import schema
from kb.model import Claim, Corpus, Source, Text


@dataclass(frozen=True)
class Row:
    page: str
    title: Text
    facts: int
    events: int
    claims: int
    by_status: Counter[str]
    sources: int
    untranslated: int
    """Localized texts on the page's record that have no Turkish yet."""


@dataclass(frozen=True)
class Quality:
    rows: tuple[Row, ...]
    unassessed: tuple[Claim, ...]
    undated: tuple[Source, ...]
    unarchived: tuple[Source, ...]
    actors_untranslated: dict[str, int]
    """Actor id -> its localized texts with no Turkish yet (only actors missing some)."""


def untranslated(value: Any) -> int:
    """How many localized texts in a model object (and everything in it) lack Turkish."""
    kind = type(value)
    if kind is str or value is None:  # the commonest leaves, first
        return 0
    if kind is Text:
        return 0 if value.tr else 1
    if kind is tuple or kind is list:
        return sum(map(untranslated, value))
    if kind is dict:
        return sum(map(untranslated, value.values()))
    names = _FIELDS.get(kind)
    if names is None:  # a type not seen yet: its dataclass fields, or none
        names = _FIELDS[kind] = tuple(f.name for f in fields(kind)) if is_dataclass(kind) else ()
    return sum(untranslated(getattr(value, name)) for name in names) if names else 0


_FIELDS: dict[type, tuple[str, ...]] = {}
"""Type -> the names of its dataclass fields (empty for other types), looked up once."""


_last: list[tuple[Corpus, Quality]] = []


def quality(corpus: Corpus) -> Quality:
    """The data-quality report of a corpus; remembered for the latest corpus, since every
    language's build shows the same figures."""
    if _last and _last[0][0] is corpus:
        return _last[0][1]
    _last[:] = [(corpus, _quality(corpus))]
    return _last[0][1]


def _quality(corpus: Corpus) -> Quality:
    rows = tuple(
        Row(
            p.id,
            corpus.page_title(p.id),
            len(p.facts),
            len(p.events),
            len(p.claims),
            Counter(c.status for c in p.claims),
            len(corpus.cited_on(p)),
            untranslated(p),
        )
        for p in corpus.pages
    )
    return Quality(
        rows,
        tuple(c for c in corpus.claims if c.status == "unassessed"),
        tuple(s for s in corpus.sources.values() if s.published is None),
        tuple(s for s in corpus.sources.values() if not s.archive_url),
        {a.id: n for a in corpus.actors.values() if (n := untranslated(a))},
    )


def format_text(corpus: Corpus) -> str:
    """The report as plain text for the terminal."""
    q = quality(corpus)
    statuses = [s for s, _ in schema.claim_statuses()]
    head = ["page", "facts", "events", "claims", *statuses, "sources", "no-tr"]
    table = [head] + [
        [
            r.page,
            str(r.facts),
            str(r.events),
            str(r.claims),
            *(str(r.by_status[s]) for s in statuses),
            str(r.sources),
            str(r.untranslated),
        ]
        for r in q.rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in table
    ]
    lines += ["", f"Claims not yet assessed ({len(q.unassessed)}):"]
    lines += [
        f"  {c.page}#{c.id}: {c.text.en} (why: {c.assessment.en if c.assessment else '?'})"
        for c in q.unassessed
    ] or ["  none"]
    lines += ["", f"Actors with texts not yet in Turkish ({len(q.actors_untranslated)}):"]
    lines += [f"  {a}: {n}" for a, n in sorted(q.actors_untranslated.items())] or ["  none"]
    lines += ["", f"Sources whose publication date is unknown ({len(q.undated)}):"]
    lines += [f"  {s.id}" for s in q.undated] or ["  none"]
    lines += [
        "",
        f"Sources without an archive link ({len(q.unarchived)} of {len(corpus.sources)}):",
    ]
    lines += [f"  {s.id}" for s in q.unarchived] or ["  none"]
    return "\n".join(lines)
