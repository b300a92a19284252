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
        for path, value in ctx.walk(record):
            if not path or not isinstance(value, str):
                continue
            key = path[-1]
            if isinstance(key, str) and key in TARGETS:
                kind = TARGETS[key]
            elif isinstance(key, int) and len(path) > 1 and path[-2] == "bases":
                kind = "base"
            else:
                continue
            if value not in ctx.by_kind[kind] and value not in ctx.failed:
                found.append(record.issue(path, NAME, _unknown(ctx, kind, value)))
    return found
