"""Which listed installations each count's reading includes, computed from presence fields.

Nothing about a count's result is typed in the data: the counts page and the home page ask
this module, so adding, closing or re-dating an installation changes every number shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from kb.model import Base, Corpus, Count, Presence, Text


@dataclass(frozen=True)
class Tally:
    """A count next to what its reading includes among the listed installations."""

    count: Count
    included: tuple[Base, ...]
    undecided: tuple[Base, ...]
    """Installations the reading cannot place because a needed date is unknown."""

    @property
    def number(self) -> int:
        return len(self.included)


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def covers(presence: Presence, year: int) -> bool | None:
    """Whether the presence lasted into `year`; None when its dates do not settle it."""
    since = _year(presence.since)
    if since is not None and since > year:
        return False
    until = _year(presence.until)
    if presence.status == "former" and until is not None and until < year:
        return False
    if since is None or (presence.status != "active" and until is None):
        return None
    return True


def matches(includes: dict[str, object], presence: Presence) -> bool | None:
    """True, False, or None (undecided) for one installation under one reading."""

    def any_of(key: str, values: tuple[str, ...]) -> bool:
        wanted = includes.get(key)
        return wanted is None or bool(set(values) & set(cast("list[str]", wanted)))

    if not (any_of("present", presence.present) and any_of("roles", presence.roles)):
        return False
    if not any_of("status", (presence.status,)):
        return False
    only = includes.get("operated_only_by")
    if only is not None and not set(presence.operated_by) <= set(cast("list[str]", only)):
        return False
    year = includes.get("active_in")
    return covers(presence, int(str(year))) if year is not None else True


def tally(count: Count, bases: tuple[Base, ...]) -> Tally:
    included: list[Base] = []
    undecided: list[Base] = []
    for base in bases:
        if base.presence is None:
            continue
        verdict = matches(count.includes, base.presence)
        if verdict is True:
            included.append(base)
        elif verdict is None:
            undecided.append(base)
    return Tally(count, tuple(included), tuple(undecided))


def tallies(corpus: Corpus) -> tuple[Tally, ...]:
    """Every count on the overview with its computed result, in data order."""
    if corpus.overview is None:
        return ()
    bases = tuple(corpus.bases.values())
    return tuple(tally(c, bases) for c in corpus.overview.counts)


@dataclass(frozen=True)
class Statement:
    """Where a count is recorded: a claim or a fact, on a base page or the overview."""

    page: str
    kind: str
    text: Text


def statement(corpus: Corpus, ident: str) -> Statement | None:
    """The claim or fact `ident`, with the page (a base id or 'overview') that holds it."""
    for page in corpus.pages:
        for kind, items in (("claim", page.claims), ("fact", page.facts)):
            for item in items:
                if item.id == ident:
                    return Statement(page.id, kind, item.text)
    return None


def counting(corpus: Corpus, ident: str) -> tuple[Count, ...]:
    """The counts recorded by claim or fact `ident`, so its page can link to the comparison."""
    if corpus.overview is None:
        return ()
    return tuple(c for c in corpus.overview.counts if c.statement == ident)


def summary(corpus: Corpus) -> dict[str, int]:
    """Headline numbers for the home page, all computed from presence fields."""
    present = [b.presence for b in corpus.bases.values() if b.presence]
    return {
        "listed": len(corpus.bases),
        "active": sum(p.status == "active" for p in present),
        "former": sum(p.status == "former" for p in present),
        "unclear": sum(p.status == "unclear" for p in present),
        "us": sum("us" in p.present for p in present),
        "nato": sum("nato" in p.present for p in present),
        "other_ally": sum("other-ally" in p.present for p in present),
        "official": sum(p.certainty == "official" for p in present),
    }
