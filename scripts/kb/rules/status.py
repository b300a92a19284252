"""A claim's status needs the evidence the methodology requires.

Any status but `unassessed` needs an assessment and a review date; `supported` and
`partly-supported` need `supports` evidence from a source not issued by any of the claim's
actors; `disputed` and `contradicted` need `contradicts` evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kb.issues import Issue

if TYPE_CHECKING:
    from kb.rules import Context

NAME = "status"
NEEDS_SUPPORT = ("supported", "partly-supported")
NEEDS_CONTRADICTION = ("disputed", "contradicted")


def check(ctx: Context) -> list[Issue]:
    from kb.rules import claims

    found: list[Issue] = []
    sources = ctx.by_kind["source"]
    for record in ctx.records:
        for path, claim in claims(record):
            status = claim.get("status")
            if status == "unassessed":
                continue
            where = (*path, "status")
            if "assessment" not in claim:
                found.append(
                    record.issue(
                        where, NAME, f"status '{status}' needs an 'assessment' explaining it"
                    )
                )
            if "reviewed" not in claim:
                found.append(
                    record.issue(
                        where, NAME, f"status '{status}' needs a 'reviewed' date (YYYY-MM-DD)"
                    )
                )
            actors = {a.get("actor") for a in claim.get("claimed_by", [])}
            evidence = claim.get("evidence", [])
            if status in NEEDS_SUPPORT:
                independent = [
                    e
                    for e in evidence
                    if e.get("stance") == "supports"
                    and (
                        sources.get(e.get("source", "")) is None
                        or sources[e["source"]].data.get("issued_by") not in actors
                    )
                ]
                if not independent:
                    found.append(
                        record.issue(
                            where,
                            NAME,
                            f"status '{status}' needs at least "
                            "one 'supports' evidence from a source not "
                            "issued by the claim's own actors",
                        )
                    )
            if status in NEEDS_CONTRADICTION and not any(
                e.get("stance") == "contradicts" for e in evidence
            ):
                found.append(
                    record.issue(
                        where,
                        NAME,
                        f"status '{status}' needs at least one "
                        "'contradicts' evidence (an official denial counts)",
                    )
                )
    return found
