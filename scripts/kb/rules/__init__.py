"""Cross-reference rules: checks that span fields and files, run after the schema passes.

Each rule module exposes `NAME` (shown in every message) and `check(ctx) -> list[Issue]`.
A new rule is one module plus one line in `RULES`. Rules are isolated: one that raises is
reported as an internal error naming the rule and the file it was checking, and the other
rules still run, so a bug in one check never hides the others or ends in a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from posixpath import commonpath
from types import ModuleType
from typing import Any

from kb import parallel
from kb.issues import Issue, Level
from kb.loader import Record
from kb.rules import (
    attribution,
    dates,
    geo,
    history,
    ids,
    orphans,
    presence,
    refs,
    status,
    translations,
    urls,
)
from kb.rules.context import Context

RULES = (
    ids,
    refs,
    attribution,
    status,
    history,
    dates,
    geo,
    presence,
    urls,
    translations,
    orphans,
)


SHARES = (
    (ids, refs, dates, geo, presence),
    (attribution, status, history, urls, translations, orphans),
)
"""The rules split in two of about the same cost at 1,000 installations, for two processes."""


def run(
    records: list[Record], today: dt.date | None = None, failed: set[str] | None = None
) -> list[Issue]:
    """Every rule's issues, in the order of `RULES`. A large corpus is checked by two
    processes at once (a forked one sees the same records without copying them)."""
    day, gone = today or dt.date.today(), frozenset(failed or ())
    if parallel.workers_for(len(records)) < 2:
        return [issue for found in _run(RULES, records, day, gone) for issue in found]
    shares = parallel.map_jobs(lambda share: _run(share, records, day, gone), SHARES, workers=2)
    by_rule = {
        rule: found
        for share, results in zip(SHARES, shares, strict=True)
        for rule, found in zip(share, results, strict=True)
    }
    return [issue for rule in RULES for issue in by_rule[rule]]


def _run(
    rules: tuple[ModuleType, ...], records: list[Record], today: dt.date, failed: frozenset[str]
) -> list[list[Issue]]:
    """Each rule's issues, one list per rule."""
    found: list[list[Issue]] = []
    walks: dict[tuple[str, int], Any] = {}  # each record walked once for all rules (read only)
    for rule in rules:
        # A fresh context per rule: a rule that crashed part-way leaves nothing behind.
        ctx = Context(records, today, failed, walks=walks)
        try:
            found.append(rule.check(ctx))
        except Exception as error:  # a bug in one rule must not stop the others
            found.append([internal_error(rule, ctx, error)])
    return found


def internal_error(rule: ModuleType, ctx: Context, error: Exception) -> Issue:
    """An error issue for a rule that raised: which rule, which file, what went wrong."""
    name = getattr(rule, "NAME", rule.__name__.rsplit(".", 1)[-1])
    if os.environ.get("KB_DEBUG"):
        traceback.print_exception(error, file=sys.stderr)
    if ctx.current is not None:
        path, line, col, where = ctx.current.path, 1, 1, "while checking this file"
    else:
        paths = [r.path for r in ctx.records]
        path = commonpath(paths) if paths else "."
        line, col, where = 1, 1, "while checking the data as a whole"
    return Issue(
        path,
        line,
        col,
        Level.ERROR,
        name,
        f"internal error in rule '{name}' {where}: {type(error).__name__}: {error}. "
        "This is a bug in the kb tool; please report it (KB_DEBUG=1 shows the traceback).",
    )
