"""The files the site publishes besides its pages: the data downloads and the Atom feed of
claim reviews. Plain Python over the build's output, so the hook only hands them to MkDocs."""

from __future__ import annotations

from kb import export, structured
from kb.build import Loaded
from kb.model import Claim, Corpus

FEED = "feed.xml"


def status_label(status: str) -> str:
    return status.replace("-", " ").capitalize()


def claim_url(site_url: str, claim: Claim) -> str:
    page = "overview/" if claim.page == "overview" else f"bases/{claim.page}/"
    return f"{site_url}{page}#{claim.id}"


def review(corpus: Corpus, claim: Claim, site_url: str) -> structured.Review:
    """What the ClaimReview and the feed say about one assessed claim."""
    first = claim.first
    actor = corpus.actors[first.actor]
    return structured.Review(
        claim_id=claim.id,
        text=claim.text.en,
        url=claim_url(site_url, claim),
        status=claim.status,
        status_label=status_label(claim.status),
        reviewed=claim.reviewed or first.date,
        summary=claim.assessment.first_sentence if claim.assessment else "",
        author=actor.name.en,
        author_url=actor.url,
        first_date=first.date,
        first_source_url=corpus.sources[first.source].url,
    )


def reviews(corpus: Corpus, site_url: str) -> list[structured.Review]:
    """The reviews of every assessed claim (an unassessed claim has no review yet)."""
    return [review(corpus, c, site_url) for c in corpus.claims if c.status != "unassessed"]


def site_files(loaded: Loaded, site_url: str, site_name: str) -> dict[str, bytes]:
    """Every non-page file the site publishes: site path -> bytes."""
    files = export.files(loaded.records, site_url=site_url)
    files[FEED] = structured.atom(
        reviews(loaded.corpus, site_url), site_name, site_url, site_url + FEED
    )
    return files
