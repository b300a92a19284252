"""A claim's status needs the evidence the methodology requires.

Every claim has an assessment (the schema requires it; for `unassessed` it says why). Any status
but `unassessed` needs a review date. `supported` and `partly-supported` need `supports` evidence
from an independent source: one issued neither by the claim's actors nor by their affiliates
(a party's newspaper, a state's media). `disputed` and `contradicted` need `contradicts`
evidence, and an official denial counts.
"""

from __future__ import annotations

from typing import Any

from kb.issues import Issue
from kb.rules.context import Context, circle, claims, issuer
from kb.schema import definition

NAME = "status"


def check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    spec = definition("claim")["properties"]["status"]
    needs: dict[str, dict[str, Any]] = spec["x-evidence-required"]
    for record in ctx.each():
        for path, claim in claims(record):
            status = claim.get("status")
            if status == spec["default"]:
                continue
            where = (*path, "status")
            if "reviewed" not in claim:
                found.append(
                    record.issue(
                        where, NAME, f"status '{status}' needs a 'reviewed' date (YYYY-MM-DD)"
                    )
                )
            need = needs.get(str(status))
            if need is None:
                continue
            own = circle(ctx, {a.get("actor", "") for a in claim.get("claimed_by", [])})
            matching = [
                e
                for e in claim.get("evidence", [])
                if e.get("stance") == need["stance"]
                and not (need["independent"] and issuer(ctx, e.get("source", "")) in own)
            ]
            if not matching:
                independent = (
                    " from a source issued neither by the claim's actors nor by their affiliates"
                )
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
