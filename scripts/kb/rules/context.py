"""What every rule receives: the valid records, with shared lookups and walkers."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from kb.loader import JsonPath, KeyIndex, Record


@dataclass
class Context:
    """The schema-valid records of one data root, with the lookups rules share."""

    records: list[Record]
    today: dt.date = field(default_factory=dt.date.today)
    failed: frozenset[str] = frozenset()
    """Ids (file stems) of files that did not load or validate."""
    current: Record | None = None
    """The record a rule is looking at, so a crashing rule can name the file."""
    walks: dict[tuple[str, int], Any] = field(default_factory=dict, repr=False)
    """Record walks by kind and record identity; `rules.run` shares one dict between all the
    rules of a run, so each record is walked once, not once per rule."""

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

    def walk(self, record: Record) -> list[tuple[JsonPath, Any]]:
        """`walk(record.data)`, done once per run for all the rules that need it."""
        found = self.walks.get(("all", id(record)))
        if found is None:
            found = self.walks["all", id(record)] = walk(record.data)
        return found

    def keyed(self, record: Record) -> KeyIndex:
        """`keyed(record.data)`, done once per run for all the rules that need it (or by
        the loader's quick walk, on its way)."""
        if record.keys is not None:
            return record.keys
        found = self.walks.get(("keyed", id(record)))
        if found is None:
            found = self.walks["keyed", id(record)] = keyed(record.data)
        return found

    def under(
        self, record: Record, keys: Iterable[str]
    ) -> Iterator[tuple[JsonPath, str, Any, dict[str, Any]]]:
        """(path of the mapping, key, value, mapping) for each value under one of `keys`."""
        index = self.keyed(record)
        for key in keys:
            for path, mapping in index.get(key, ()):
                yield path, key, mapping[key], mapping

    @cached_property
    def affiliations(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """Each actor's affiliates, and for each id the actors that list it as an affiliate."""
        listed: dict[str, set[str]] = {}
        listed_by: dict[str, set[str]] = {}
        for aid, record in self.by_kind["actor"].items():
            linked = set(record.data.get("affiliates", []))
            listed[aid] = linked
            for other in linked:
                listed_by.setdefault(other, set()).add(aid)
        return listed, listed_by


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


def keyed(value: Any) -> KeyIndex:
    """Each key used in a record -> the mappings that hold it, with their paths (parents
    before children).

    Rules look at the values under given keys: they read them from this index instead of
    walking every value of every record once per rule, which cost seconds at 1,000
    installations."""
    out: defaultdict[str, list[tuple[JsonPath, dict[str, Any]]]] = defaultdict(list)

    def visit(here: JsonPath, node: Any) -> None:
        # exact types: the loader builds plain dicts and lists (and this runs for every value)
        if type(node) is dict:
            entry = (here, node)
            for key, child in node.items():
                out[key].append(entry)
                kind = type(child)
                if kind is dict or kind is list:
                    visit((*here, key), child)
        else:
            for i, child in enumerate(node):
                kind = type(child)
                if kind is dict or kind is list:
                    visit((*here, i), child)

    if type(value) is dict or type(value) is list:
        visit((), value)
    return dict(out)


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
    listed, listed_by = ctx.affiliations
    out = set(actor_ids)
    for aid in actor_ids:
        out |= listed.get(aid, set())
        out |= listed_by.get(aid, set())
    return out
