"""A source that nothing cites is a warning: cite it or delete it."""

from __future__ import annotations

from kb.issues import Issue, Level
from kb.rules.context import Context

NAME = "orphans"


def check(ctx: Context) -> list[Issue]:
    if ctx.failed:
        return []
    cited = {
        value
        for record in ctx.each()
        if record.kind != "source"
        for _, _, value, _ in ctx.under(record, ("source",))
        if isinstance(value, str)
    }
    return [
        record.issue(
            ("id",),
            NAME,
            f"source '{record.id}' is not cited by any fact, event or "
            "claim; cite it or delete the file",
            Level.WARNING,
        )
        for record in ctx.each(ctx.by_kind["source"].values())
        if record.id not in cited
    ]
