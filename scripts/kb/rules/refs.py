"""Every reference to an actor, a source or an installation names a record that exists."""

from __future__ import annotations

from kb.issues import Issue
from kb.rules.context import Context
from kb.suggest import closest

NAME = "refs"

TARGETS = {"source": "source", "actor": "actor", "issued_by": "actor"}
"""Key name -> the record kind it refers to. Claims' `bases` lists refer to installations."""

FOLDERS = {"source": "data/sources", "actor": "data/actors", "base": "data/bases"}


def _unknown(ctx: Context, kind: str, value: str) -> str:
    close = closest(value, ctx.by_kind[kind])
    hint = f"closest: '{close}'" if close else f"no file {FOLDERS[kind]}/{value}.yaml"
    return f"unknown {kind} '{value}' ({hint})"


def check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    for record in ctx.each():
        refs = [
            ((*path, key), TARGETS[key], value)
            for path, key, value, _ in ctx.under(record, TARGETS)
        ]
        for path, key, value, _ in ctx.under(record, ("bases",)):
            if isinstance(value, list):
                refs += [((*path, key, i), "base", item) for i, item in enumerate(value)]
        for where, kind, ref in refs:
            if isinstance(ref, str) and ref not in ctx.by_kind[kind] and ref not in ctx.failed:
                found.append(record.issue(where, NAME, _unknown(ctx, kind, ref)))
    return found
