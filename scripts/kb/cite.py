"""Suggested citations of installation pages, the overview and claims: what a reader copies
(plain text) and what a reference manager imports (BibTeX, CSL-JSON files published under
`api/v1/cite/`). Each names the permanent address from `kb.addresses` and the date the data
behind it last changed in git, so two builds of one commit write the same bytes."""

from __future__ import annotations

from collections.abc import Mapping

from kb import addresses, i18n, structured
from kb.model import Base, Claim, Corpus, Overview
from kb.site import Site


def _address(site: Site, path: str, anchor: str | None = None) -> str:
    return site.absolute(addresses.url(path)) + (f"#{anchor}" if anchor else "")


def for_base(base: Base, site: Site, changed: Mapping[str, str], lang: str) -> structured.Citable:
    return structured.Citable(
        f"kb-base-{base.id}",
        base.name.get(lang),
        _address(site, addresses.page("base", base.id, lang)),
        changed.get(base.path),
        site.name,
    )


def for_overview(
    overview: Overview, site: Site, changed: Mapping[str, str], lang: str
) -> structured.Citable:
    return structured.Citable(
        "kb-overview",
        overview.title.get(lang),
        _address(site, addresses.page("overview", lang=lang)),
        changed.get(overview.path),
        site.name,
    )


def for_claim(
    claim: Claim, corpus: Corpus, site: Site, changed: Mapping[str, str], lang: str
) -> structured.Citable:
    """A claim is cited at its own page; its date is that of the file it is kept in."""
    path = addresses.claim_page(claim.id, lang)
    holder = corpus.overview if claim.page == "overview" else corpus.bases[claim.page]
    title = i18n.language(lang).string("claim-title").format(text=claim.text.get(lang))
    return structured.Citable(
        f"kb-claim-{claim.id}",
        title,
        _address(site, path),
        changed.get(holder.path) if holder else None,
        site.name,
    )


def citables(
    corpus: Corpus, site: Site, changed: Mapping[str, str], lang: str
) -> dict[tuple[str, str], structured.Citable]:
    """(kind, id) -> citation, for every installation, the overview and every claim."""
    out = {("base", b.id): for_base(b, site, changed, lang) for b in corpus.bases.values()}
    if corpus.overview:
        out["overview", "overview"] = for_overview(corpus.overview, site, changed, lang)
    for c in corpus.claims:
        out["claim", c.id] = for_claim(c, corpus, site, changed, lang)
    return out


def files(
    corpus: Corpus, site: Site, changed: Mapping[str, str], lang: str = addresses.DEFAULT_LANGUAGE
) -> dict[str, bytes]:
    """The BibTeX and CSL-JSON file of every citable page and claim: site path -> bytes."""
    out: dict[str, bytes] = {}
    for (kind, ident), c in citables(corpus, site, changed, lang).items():
        bib = structured.bibtex(c, i18n.language(lang))
        out[addresses.citation(kind, ident, "bib", lang)] = bib.encode()
        out[addresses.citation(kind, ident, "json", lang)] = structured.csl_json(c).encode()
    return dict(sorted(out.items()))
