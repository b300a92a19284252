"""Ids are unique across every record, fact, event and claim; file names equal ids; ids do not
take names the site itself uses (page paths and section anchors)."""

from __future__ import annotations

from pathlib import PurePosixPath

from kb.issues import Issue
from kb.rules.context import Context

NAME = "ids"

RESERVED = frozenset(
    {
        # site paths
        "404",
        "about",
        "actors",
        "api",
        "assets",
        "bases",
        "claims",
        "contributing",
        "counts",
        "data",
        "en",
        "index",
        "javascripts",
        "methodology",
        "overview",
        "quality",
        "search",
        "sitemap",
        "sources",
        "stylesheets",
        "timeline",
        "tr",
        "reference",
        # section anchors on record pages
        "facts",
        "events",
        "summary",
        "evidence",
        "hosts",
        "location",
        "presence",
        "cited-sources",
        "appearances",
        "assessment",
        # names Windows cannot check out
        "aux",
        "con",
        "nul",
        "prn",
        "com1",
        "com2",
        "com3",
        "lpt1",
        "lpt2",
        "lpt3",
    }
)


def check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    first: dict[str, tuple[str, int]] = {}

    def claim_id(record, path, value) -> None:  # type: ignore[no-untyped-def]
        if not isinstance(value, str) or not value:
            return
        if value in RESERVED and not (record.kind == "overview" and path == ("id",)):
            found.append(
                record.issue(
                    path,
                    NAME,
                    f"id '{value}' is reserved for the site's own pages or anchors; choose another",
                )
            )
        if value in first:
            where, line = first[value]
            found.append(
                record.issue(
                    path,
                    NAME,
                    f"id '{value}' is already used at "
                    f"{where}:{line}; ids must be unique across all records",
                )
            )
        else:
            first[value] = (record.path, record.locate(path)[0])

    for record in sorted(ctx.records, key=lambda r: r.path):
        claim_id(record, ("id",), record.data.get("id"))
        stem = PurePosixPath(record.path).stem
        if record.id and stem != record.id:
            found.append(
                record.issue(
                    ("id",),
                    NAME,
                    f"id '{record.id}' does not match the file "
                    f"name '{stem}.yaml'; rename the file or change the id",
                )
            )
        for section in ("facts", "events", "claims"):
            for i, item in enumerate(record.data.get(section, [])):
                claim_id(record, (section, i, "id"), item.get("id"))
    return found
