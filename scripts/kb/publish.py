"""The files the site publishes besides its pages: the data downloads and the Atom feed of
claim reviews. Plain Python over the build's output, so the hook only hands them to MkDocs."""

from __future__ import annotations

from kb import addresses, export, i18n, schema, structured
from kb.build import Build
from kb.model import Claim, Corpus

LANG = addresses.DEFAULT_LANGUAGE
"""The feed is published in the site's default language."""


def status_label(status: str, lang: str = LANG) -> str:
    return schema.labels("claim-status", lang)[status]


def claim_url(site_url: str, claim: Claim, lang: str = LANG) -> str:
    """The claim's own page: its address depends on its id alone."""
    return site_url + addresses.url(addresses.claim_page(claim.id, lang))


def review(corpus: Corpus, claim: Claim, site_url: str, lang: str = LANG) -> structured.Review:
    """What the ClaimReview and the feed say about one assessed claim."""
    first = claim.first
    actor = corpus.actors[first.actor]
    return structured.Review(
        claim_id=claim.id,
        text=claim.text.get(lang),
        url=claim_url(site_url, claim, lang),
        status=claim.status,
        status_label=status_label(claim.status, lang),
        reviewed=claim.reviewed or first.date,
        summary=claim.assessment.first_sentence(lang) if claim.assessment else "",
        author=actor.name.get(lang),
        author_url=actor.url,
        first_date=first.date,
        first_source_url=corpus.sources[first.source].url,
    )


def reviews(corpus: Corpus, site_url: str, lang: str = LANG) -> list[structured.Review]:
    """The reviews of every assessed claim (an unassessed claim has no review yet)."""
    return [review(corpus, c, site_url, lang) for c in corpus.claims if c.status != "unassessed"]


def site_files(loaded: Build, site_url: str, site_name: str, lang: str = LANG) -> dict[str, bytes]:
    """Every non-page file the site publishes in one language's build: site path -> bytes.
    The downloads carry both languages, so only the default language's build publishes
    them; each language has its feed. `site_url` is that language's root."""
    files = export.files(list(loaded.records), site_url=site_url) if lang == LANG else {}
    feed = addresses.feed(lang)
    folder = addresses.prefix(lang)
    root = site_url.removesuffix(folder) if folder else site_url
    files[feed] = structured.atom(
        reviews(loaded.corpus, root, lang),
        site_name,
        site_url,
        root + feed,
        i18n.language(lang),
    )
    return files
