"""The data-quality report: per-page counts, unassessed claims, sources with no date or no
archive link."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Quality:
    rows: tuple[Row, ...]
    unassessed: tuple[Claim, ...]
    undated: tuple[Source, ...]
    unarchived: tuple[Source, ...]


def quality(corpus: Corpus) -> Quality:
    rows = tuple(
        Row(
            p.id,
            corpus.page_title(p.id),
            len(p.facts),
            len(p.events),
            len(p.claims),
            Counter(c.status for c in p.claims),
            len(corpus.cited_on(p)),
        )
        for p in corpus.pages
    )
    return Quality(
        rows,
        tuple(c for c in corpus.claims if c.status == "unassessed"),
        tuple(s for s in corpus.sources.values() if s.published is None),
        tuple(s for s in corpus.sources.values() if not s.archive_url),
    )


def format_text(corpus: Corpus) -> str:
    """The report as plain text for the terminal."""
    q = quality(corpus)
    statuses = [s for s, _ in schema.claim_statuses()]
    head = ["page", "facts", "events", "claims", *statuses, "sources"]
    table = [head] + [
        [
            r.page,
            str(r.facts),
            str(r.events),
            str(r.claims),
            *(str(r.by_status[s]) for s in statuses),
            str(r.sources),
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
    lines += ["", f"Sources whose publication date is unknown ({len(q.undated)}):"]
    lines += [f"  {s.id}" for s in q.undated] or ["  none"]
    lines += [
        "",
        f"Sources without an archive link ({len(q.unarchived)} of {len(corpus.sources)}):",
    ]
    lines += [f"  {s.id}" for s in q.unarchived] or ["  none"]
    return "\n".join(lines)
