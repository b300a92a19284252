"""What each page says to machines: schema.org JSON-LD (`Place` for an installation,
`ClaimReview` for each assessed claim), built from the model at the addresses `kb.addresses`
gives. The feed reads the same reviews, so a page and the feed never disagree."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from kb import addresses, schema, structured
from kb.model import Base, Claim, Corpus, Page
from kb.site import Site


def claim_url(site: Site, claim: Claim, lang: str) -> str:
    return site.absolute(addresses.url(addresses.claim_page(claim.id, lang)))


def review(corpus: Corpus, claim: Claim, site: Site, lang: str) -> structured.Review:
    """What the ClaimReview and the feed say about one assessed claim."""
    first = claim.first
    actor = corpus.actors[first.actor]
    return structured.Review(
        claim_id=claim.id,
        text=claim.text.get(lang),
        url=claim_url(site, claim, lang),
        status=claim.status,
        status_label=schema.labels("claim-status", lang)[claim.status],
        reviewed=claim.reviewed or first.date,
        summary=claim.assessment.first_sentence(lang) if claim.assessment else "",
        author=actor.name.get(lang),
        author_url=actor.url,
        first_date=first.date,
        first_source_url=corpus.sources[first.source].url,
    )


def reviews(corpus: Corpus, site: Site, lang: str) -> list[structured.Review]:
    """The reviews of every assessed claim (an unassessed claim has no review yet)."""
    return [review(corpus, c, site, lang) for c in corpus.claims if c.status != "unassessed"]


def place(base: Base, site: Site, lang: str) -> dict[str, Any]:
    names = [base.name.other(lang) or "", *base.aliases]
    loc = base.location
    point = (loc.lat, loc.lon) if loc and loc.lat is not None and loc.lon is not None else None
    url = site.absolute(addresses.url(addresses.page("base", base.id, lang)))
    return structured.place(base.name.get(lang), names, point, url)


def objects(corpus: Corpus, record: Page | Claim, site: Site, lang: str) -> list[dict[str, Any]]:
    """The JSON-LD objects of a record page: an installation's Place, an assessed claim's
    ClaimReview (on the claim's own page); nothing for the overview."""
    if isinstance(record, Base):
        return [place(record, site, lang)]
    if isinstance(record, Claim) and record.status != "unassessed":
        return [structured.claim_review(review(corpus, record, site, lang), site.name, site.url)]
    return []


def head(corpus: Corpus, record: Page | Claim, site: Site, lang: str) -> Markup:
    """The `<script type="application/ld+json">` elements for a record page's head."""
    return Markup("\n").join(structured.jsonld(o) for o in objects(corpus, record, site, lang))
