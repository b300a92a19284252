"""The site's addresses: the one place that knows where every page, anchor, export and feed is.

Templates, the model, the renderer and the id rule ask this module instead of writing paths,
so a `/tr/` tree, exports and a feed get the same scheme, and the ids the site reserves for
itself are derived from it. A new page type is one entry in PAGE_TYPES plus one template.

Paths are docs-relative Markdown paths ('bases/incirlik.md'), as MkDocs and `kb pages` use
them; `url` turns one into the URL path of the built page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

DEFAULT_LANGUAGE: Final = "en"
API_VERSION: Final = "v1"


@dataclass(frozen=True)
class PageType:
    """One kind of generated page: where it lives and which template renders it."""

    name: str
    path: str
    """Docs path; '{id}' is replaced by the record id for per-record pages."""
    template: str
    record: str | None = None
    """The record kind a page is made for (one page each), or None for a single page."""


# Order matters: records first, then the index pages (the order `Renderer.pages` yields).
PAGE_TYPES: Final = (
    PageType("base", "bases/{id}.md", "base.md.j2", "base"),
    PageType("overview", "overview.md", "overview.md.j2", "overview"),
    PageType("actor", "actors/{id}.md", "actor.md.j2", "actor"),
    PageType("source", "sources/{id}.md", "source.md.j2", "source"),
    # A claim's page is addressed by its id alone (ids are unique across the corpus), so the
    # address stays when the claim moves between installation files or to the overview.
    PageType("claim", "claims/{id}.md", "claim.md.j2", "claim"),
    PageType("bases", "bases/index.md", "bases.md.j2"),
    PageType("claims", "claims.md", "claims.md.j2"),
    PageType("actors", "actors/index.md", "actors.md.j2"),
    PageType("sources", "sources/index.md", "sources.md.j2"),
    PageType("timeline", "timeline.md", "timeline.md.j2"),
    PageType("counts", "counts.md", "counts.md.j2"),
    PageType("quality", "quality.md", "quality.md.j2"),
    PageType("downloads", "downloads.md", "downloads.md.j2"),
)
_BY_NAME: Final = {p.name: p for p in PAGE_TYPES}

SEARCH_BOOST: Final = {
    "base": 10.0,
    "claim": 10.0,
    "overview": 10.0,
    "counts": 2.0,
    "claims": 2.0,
    "bases": 2.0,
    "actor": 4.0,
    "timeline": 1.5,
}
"""How much a page type's search entries weigh against the same match elsewhere (Material's
`search.boost` page meta, a factor on the score). Installations and claims (the overview holds
the country-wide ones; a `claim` page type, when there is one, ranks with them) come before
the actor and source records that mention the same words (an actor's page still comes first
when its name is the query); a page type not named here weighs 1."""

HAND_WRITTEN: Final = ("index", "methodology", "contributing", "reference", "about")
"""Hand-written pages in docs/ (and names kept for them)."""

SITE_FOLDERS: Final = ("assets", "javascripts", "stylesheets", "search", "data", "api")
"""Folders the theme, the search plugin and the exports use."""

SITE_FILES: Final = ("404", "sitemap")

SUMMARY: Final = "summary"
"""Anchor of a base's summary paragraph (its citations point here)."""
LOCATION: Final = "location"
"""Anchor of a base's fact box (location, operator, hosted units)."""
PRESENCE: Final = "presence"
"""Anchor of a base's presence box (who is or was present, what for, since and until when)."""
CITED_SOURCES: Final = "cited-sources"
"""Anchor of a record page's bibliography."""
CITE: Final = "cite"
"""Anchor of a record page's suggested citation ("Cite this page")."""
MAP_TITLE: Final = "kb-map-title"
LOCATOR_TITLE: Final = "kb-locator-title"
"""Ids of the maps' titles (the SVG names itself by them for screen readers)."""

SECTION_ANCHORS: Final = (
    SUMMARY,
    LOCATION,
    PRESENCE,
    CITED_SOURCES,
    CITE,
    MAP_TITLE,
    LOCATOR_TITLE,
    # headings and sections on record pages (Markdown gives headings these ids)
    "facts",
    "events",
    "evidence",
    "hosts",
    "appearances",
    "assessment",
)
"""Anchors on record pages that are not record ids."""

SOURCE_ANCHOR_PREFIX: Final = "src-"
"""A bibliography entry's anchor is this prefix plus the source id ('src-tkp-2025-07-02')."""

LANGUAGE_PREFIXES: Final = ("en", "tr")
"""Codes that are, or will be, top-level language folders."""


def prefix(lang: str) -> str:
    """The folder a language's pages live in: '' for the default language, 'tr/' for Turkish."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def page_type(name: str) -> PageType:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(f"no page type {name!r}; known: {', '.join(_BY_NAME)}") from None


def page(name: str, ident: str | None = None, lang: str = DEFAULT_LANGUAGE) -> str:
    """The docs path of a generated page: page('base', 'incirlik') -> 'bases/incirlik.md'."""
    kind = page_type(name)
    if (ident is None) != (kind.record is None or "{id}" not in kind.path):
        raise ValueError(f"page type {name!r} {'needs' if ident is None else 'takes no'} id")
    return prefix(lang) + kind.path.replace("{id}", ident or "")


def search_boost(name: str) -> float:
    """The search weight of a page type's pages (see SEARCH_BOOST)."""
    return SEARCH_BOOST.get(name, 1.0)


def hand_written(name: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The docs path of a hand-written page: hand_written('methodology') -> 'methodology.md'."""
    if name not in HAND_WRITTEN:
        raise ValueError(f"no hand-written page {name!r}; known: {', '.join(HAND_WRITTEN)}")
    return f"{prefix(lang)}{name}.md"


def record_page(page_id: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The page a base or the overview is shown on, by page id ('overview' or a base id):
    facts, events and claims link here."""
    return page("overview", lang=lang) if page_id == "overview" else page("base", page_id, lang)


def source_anchor(source_id: str) -> str:
    """The anchor of a source's entry in a page's bibliography."""
    return SOURCE_ANCHOR_PREFIX + source_id


def claim_page(claim_id: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The page of one claim: claim_page('kurecik-warned-israel-2025') ->
    'claims/kurecik-warned-israel-2025.md'."""
    return page("claim", claim_id, lang)


def status_definition(status: str) -> str:
    """The anchor of a status's definition on the methodology page ('status-disputed')."""
    return f"status-{status}"


def status_anchor(status: str) -> str:
    """The anchor of a status's section on the claims page ('status--disputed')."""
    return f"status--{status}"


def export(name: str, fmt: str = "json", lang: str = DEFAULT_LANGUAGE) -> str:
    """The path of a machine-readable export: export('claims') -> 'api/v1/claims.json'."""
    return f"{prefix(lang)}api/{API_VERSION}/{name}.{fmt}"


RECORD_FOLDERS: Final = {"base": "bases", "source": "sources", "actor": "actors"}
"""Record kind -> the folder of its JSON files under api/v1/ (the overview is one file)."""


def record_json(kind: str, ident: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The JSON file of one record: 'api/v1/bases/incirlik.json' for ('base', 'incirlik')."""
    if kind == "overview":
        return export("overview", lang=lang)
    if kind not in RECORD_FOLDERS:
        raise ValueError(
            f"no JSON file for record kind {kind!r}; known: overview, {', '.join(RECORD_FOLDERS)}"
        )
    return export(f"{RECORD_FOLDERS[kind]}/{ident}", lang=lang)


CITATION_FORMATS: Final = ("bib", "json")
"""BibTeX and CSL-JSON."""


def citation(kind: str, ident: str, fmt: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The suggested-citation file of a page or claim:
    citation('base', 'incirlik', 'bib') -> 'api/v1/cite/bases/incirlik.bib'."""
    if fmt not in CITATION_FORMATS:
        raise ValueError(f"no citation format {fmt!r}; known: {', '.join(CITATION_FORMATS)}")
    folders = {"base": "bases", "claim": "claims", "overview": "overview"}
    if kind not in folders:
        raise ValueError(f"no citation for {kind!r}; known: {', '.join(folders)}")
    return export(f"cite/{folders[kind]}/{ident}", fmt, lang)


def feed(lang: str = DEFAULT_LANGUAGE) -> str:
    """The path of the site's feed of changes."""
    return f"{prefix(lang)}feed.xml"


def url(path: str) -> str:
    """The site URL path of a docs path, as MkDocs builds it (directory URLs):
    'bases/incirlik.md' -> 'bases/incirlik/', 'bases/index.md' -> 'bases/'."""
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def reserved_ids() -> frozenset[str]:
    """Names a record id must not take, because the site uses them as a top-level path or as
    an anchor on record pages: derived from the scheme above."""
    tops = {p.path.split("/", 1)[0].removesuffix(".md") for p in PAGE_TYPES}
    return frozenset(
        {
            *tops,
            *HAND_WRITTEN,
            *SITE_FOLDERS,
            *SITE_FILES,
            *SECTION_ANCHORS,
            *LANGUAGE_PREFIXES,
        }
    )
