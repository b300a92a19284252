"""A claim's status needs the evidence the methodology requires.

Any status but `unassessed` needs an assessment and a review date; `supported` and
`partly-supported` need `supports` evidence from a source not issued by any of the claim's
actors; `disputed` and `contradicted` need `contradicts` evidence.
"""

from __future__ import annotations

from typing import Any

from kb.issues import Issue
from kb.loader import Record
from kb.rules.context import Context, claims
from kb.schema import definition

NAME = "status"


def _issuer(sources: dict[str, Record], evidence: dict[str, Any]) -> str | None:
    record = sources.get(evidence.get("source", ""))
    return record.data.get("issued_by") if record else None


def check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    spec = definition("claim")["properties"]["status"]
    needs: dict[str, dict[str, Any]] = spec["x-evidence-required"]
    sources = ctx.by_kind["source"]
    for record in ctx.each():
        for path, claim in claims(record):
            status = claim.get("status")
            if status == spec["default"]:
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
            need = needs.get(str(status))
            if need is None:
                continue
            actors = {a.get("actor") for a in claim.get("claimed_by", [])}
            matching = [
                e
                for e in claim.get("evidence", [])
                if e.get("stance") == need["stance"]
                and not (need["independent"] and _issuer(sources, e) in actors)
            ]
            if not matching:
                independent = " from a source not issued by the claim's own actors"
                found.append(
                    record.issue(
                        where,
                        NAME,
                        (
                            f"status '{status}' needs at least one '{need['stance']}' evidence"
                            + (
                                independent
                                if need["independent"]
                                else " (an official denial counts)"
                            )
                        ),
                    )
                )
    return found
