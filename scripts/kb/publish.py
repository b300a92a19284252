"""The files the site publishes besides its pages: the data downloads, the suggested citations
and the Atom feed of claim reviews. Plain Python over the build's output, so the hook only
hands them to MkDocs; `downloads` describes them for the downloads page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kb import addresses, cite, i18n, linked, structured
from kb.site import Site

if TYPE_CHECKING:
    from kb.build import Build

LANG = addresses.DEFAULT_LANGUAGE
"""The feed is published in the site's default language."""


def site_files(loaded: Build, site_url: str, site_name: str, lang: str = LANG) -> dict[str, bytes]:
    """Every non-page file one language's build publishes: site path -> bytes (made once per
    build). `site_url` is that language's root ('…/tr/' for Turkish)."""
    folder = addresses.prefix(lang)
    root = site_url.removesuffix(folder) if folder else site_url
    return dict(loaded.published(Site(site_name, root), lang))


def make_files(loaded: Build, site: Site, lang: str = LANG) -> dict[str, bytes]:
    """What `site_files` returns, computed (Build.published caches it). The downloads carry
    both languages, so only the default language's build publishes them; each language has
    its own feed and citations (at its own addresses)."""
    files = dict(loaded.exports(site.url)) if lang == LANG else {}
    files.update(cite.files(loaded.corpus, site, loaded.changed, lang))
    feed = addresses.feed(lang)
    files[feed] = structured.atom(
        linked.reviews(loaded.corpus, site, lang),
        site.name,
        site.url + addresses.prefix(lang),
        site.url + feed,
        i18n.language(lang),
    )
    return dict(sorted(files.items()))


@dataclass(frozen=True)
class Download:
    """One row of the downloads page: a file, or a folder of files of one kind."""

    key: str
    """Names the row's description ('download-' + key in the language table)."""
    fmt: str
    paths: tuple[str, ...]
    """Site paths of the files in this row, sorted."""
    size: int
    """Bytes, all files together."""
    pattern: str | None = None
    """For a folder of files: how one file is named ('api/v1/bases/<id>.json')."""


# (row key, format, the files it holds). A file matches the first row whose test it passes.
_SINGLE = (
    ("dataset", "JSON", addresses.export("dataset")),
    ("claims-json", "JSON", addresses.export("claims")),
    ("overview", "JSON", addresses.record_json("overview", "overview")),
    ("installations-geojson", "GeoJSON", addresses.export("installations", "geojson")),
    ("installations-csv", "CSV", addresses.export("installations", "csv")),
    ("claims-csv", "CSV", addresses.export("claims", "csv")),
    ("sources-csv", "CSV", addresses.export("sources", "csv")),
    ("feed", "Atom", addresses.feed(LANG)),
)
_FOLDERS = (
    *(
        (folder, "JSON", addresses.record_json(kind, "<id>"))
        for kind, folder in addresses.RECORD_FOLDERS.items()
    ),
    ("schema", "JSON Schema", addresses.export("schema/<name>")),
    ("cite", "BibTeX, CSL-JSON", addresses.export("cite/<kind>/<id>", "bib|json")),
)


def downloads(files: Mapping[str, bytes]) -> list[Download]:
    """The rows of the downloads page, in a fixed order; every published file is in one row
    (a file no row describes is an error, so a new export cannot go unlisted)."""
    rows: list[Download] = []
    left = dict(files)
    for key, fmt, path in _SINGLE:
        if path in left:
            rows.append(Download(key, fmt, (path,), len(left.pop(path))))
    for key, fmt, pattern in _FOLDERS:
        folder = pattern.split("<", 1)[0]
        paths = tuple(p for p in sorted(left) if p.startswith(folder))
        if paths:
            size = sum(len(left.pop(p)) for p in paths)
            rows.append(Download(key, fmt, paths, size, pattern))
    if left:
        raise ValueError(f"published files with no row on the downloads page: {sorted(left)}")
    return rows
