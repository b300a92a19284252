"""Who speaks: an appearance credits an actor with its own words only in a document the actor
issued. Words taken from someone else's document are marked as quoted or reported speech, so a
reader is never told an actor said what a publication wrote in its own voice."""

from __future__ import annotations

from kb.issues import Issue
from kb.rules.context import Context, claims, issuer

NAME = "attribution"


def check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    for record in ctx.each():
        for path, claim in claims(record):
            for i, appearance in enumerate(claim.get("claimed_by", [])):
                where = (*path, "claimed_by", i)
                actor = appearance.get("actor")
                source = appearance.get("source", "")
                speech = appearance.get("speech", "own")
                by = issuer(ctx, source)
                if source not in ctx.by_kind["source"]:
                    continue  # the refs rule reports it
                if speech == "own" and by != actor:
                    issued = f"was issued by '{by}'" if by else "names no issuing actor"
                    found.append(
                        record.issue(
                            (*where, "actor"),
                            NAME,
                            f"credits '{actor}' with its own words, but source '{source}' "
                            f"{issued}; if the source quotes '{actor}' verbatim set "
                            "'speech: quoted', if it paraphrases them set 'speech: reported', "
                            "and if the words are the publication's own, credit its publisher "
                            "as the actor",
                        )
                    )
                elif speech != "own" and by == actor:
                    found.append(
                        record.issue(
                            (*where, "speech"),
                            NAME,
                            f"source '{source}' was issued by '{actor}' itself, so these are "
                            f"its own words; remove 'speech: {speech}'",
                        )
                    )
                elif speech == "quoted" and "quote" not in appearance:
                    found.append(
                        record.issue(
                            (*where, "speech"),
                            NAME,
                            f"'speech: quoted' needs the 'quote' of '{actor}' that the source "
                            "gives verbatim; if the source only paraphrases, use "
                            "'speech: reported'",
                        )
                    )
    return found
