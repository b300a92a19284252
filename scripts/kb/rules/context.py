"""What every rule receives: the valid records, with shared lookups and walkers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from kb.loader import JsonPath, Record


@dataclass
class Context:
    """The schema-valid records of one data root, with the lookups rules share."""

    records: list[Record]
    today: dt.date = field(default_factory=dt.date.today)
    failed: frozenset[str] = frozenset()
    """Ids (file stems) of files that did not load or validate."""
    current: Record | None = None
    """The record a rule is looking at, so a crashing rule can name the file."""

    def each(self, records: Iterable[Record] | None = None) -> Iterator[Record]:
        """The records (default: all) one by one, remembering which one is being checked."""
        for record in self.records if records is None else records:
            self.current = record
            yield record
        self.current = None

    @cached_property
    def by_kind(self) -> dict[str, dict[str, Record]]:
        out: dict[str, dict[str, Record]] = {"base": {}, "source": {}, "actor": {}, "overview": {}}
        for r in self.records:
            out[r.kind].setdefault(r.id, r)
        return out

    @cached_property
    def _walks(self) -> dict[int, list[tuple[JsonPath, Any]]]:
        return {id(r): walk(r.data) for r in self.records}

    def walk(self, record: Record) -> list[tuple[JsonPath, Any]]:
        """`walk(record.data)`, done once per run for all the rules that need it."""
        return self._walks[id(record)]


def walk(value: Any, path: JsonPath = ()) -> list[tuple[JsonPath, Any]]:
    """Every value in a record with its path, parents before children (pre-order).

    A loop with a stack instead of nested generators: several rules walk every record, and
    at 1,000 installations nested generators cost seconds."""
    out: list[tuple[JsonPath, Any]] = []
    stack: list[tuple[JsonPath, Any]] = [(path, value)]
    while stack:
        here, node = stack.pop()
        out.append((here, node))
        if isinstance(node, dict):
            stack.extend(((*here, k), v) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend(((*here, i), node[i]) for i in range(len(node) - 1, -1, -1))
    return out


def claims(record: Record) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    for i, claim in enumerate(record.data.get("claims", [])):
        yield ("claims", i), claim


def issuer(ctx: Context, source_id: str) -> str | None:
    """The actor that issued a source, or None (unknown source, or no actor issued it)."""
    record = ctx.by_kind["source"].get(source_id)
    return record.data.get("issued_by") if record else None


def circle(ctx: Context, actor_ids: set[str]) -> set[str]:
    """The actors whose documents are not independent of `actor_ids`: the actors themselves and
    their affiliates, in either direction (a party and its newspaper, a state and its media)."""
    actors = ctx.by_kind["actor"]
    out = set(actor_ids)
    for aid, record in actors.items():
        linked = set(record.data.get("affiliates", []))
        if aid in actor_ids:
            out |= linked
        if linked & actor_ids:
            out.add(aid)
    return out
