"""Structured data for machines: schema.org JSON-LD, the Atom feed of claim reviews, and
suggested citations (plain text, BibTeX, CSL-JSON).

Plain functions of plain values, so they can be tested without a site. Data text can never
break out: JSON-LD escapes `<`, `>` and `&` inside its `<script>` element, the feed is written
by an XML serializer, and BibTeX braces and backslashes in data are escaped.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from kb.dates import PartialDate
from kb.i18n.en import EN
from kb.i18n.language import Language

ATOM = "http://www.w3.org/2005/Atom"
_SCRIPT_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def jsonld(obj: dict[str, Any]) -> Markup:
    """A `<script type="application/ld+json">` element that no data text can close or escape."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_UNSAFE[m.group()], text)
    return Markup(f'<script type="application/ld+json">{text}</script>')


def place(
    name: str, alternate: Sequence[str], point: tuple[float, float] | None, url: str
) -> dict[str, Any]:
    """schema.org Place for an installation page; `geo` only where a source gives a point."""
    obj: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Place",
        "name": name,
        "alternateName": list(dict.fromkeys(a for a in alternate if a and a != name)),
        "url": url,
    }
    if point is not None:
        obj["geo"] = {"@type": "GeoCoordinates", "latitude": point[0], "longitude": point[1]}
    return obj


@dataclass(frozen=True)
class Review:
    """What the ClaimReview of one assessed claim says."""

    claim_id: str
    text: str
    url: str
    status: str
    status_label: str
    reviewed: PartialDate
    summary: str
    author: str
    """The first actor to make the claim, by name."""
    author_url: str | None
    first_date: PartialDate
    first_source_url: str


def claim_review(r: Review, site_name: str, site_url: str) -> dict[str, Any]:
    """schema.org ClaimReview with its Claim (author: the actor, first appearance, date)."""
    author: dict[str, Any] = {"@type": "Organization", "name": r.author}
    if r.author_url:
        author["url"] = r.author_url
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": r.url,
        "claimReviewed": r.text,
        "datePublished": r.reviewed.iso(),
        "author": {"@type": "Organization", "name": site_name, "url": site_url},
        "reviewBody": r.summary,
        "itemReviewed": {
            "@type": "Claim",
            "author": author,
            "datePublished": r.first_date.iso(),
            "appearance": {"@type": "CreativeWork", "url": r.first_source_url},
        },
        "reviewRating": {"@type": "Rating", "alternateName": r.status_label},
    }


def feed_id(site_url: str, claim_id: str) -> str:
    """A permanent entry id (RFC 4151 tag URI) that survives moving the claim's page."""
    host = urlsplit(site_url).hostname or "localhost"
    return f"tag:{host},2025:claim/{claim_id}"


def atom(
    reviews: Iterable[Review],
    site_name: str,
    site_url: str,
    feed_url: str,
    language: Language = EN,
) -> bytes:
    """An Atom feed of claim reviews, newest review first (ties by claim id), with its
    words from one language's table."""
    ET.register_namespace("", ATOM)
    items = sorted(reviews, key=lambda r: (r.reviewed, r.claim_id), reverse=True)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = feed_id(site_url, "feed").replace("claim/", "")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = language.string("feed-title").format(
        site=site_name
    )
    updated = max((r.reviewed for r in items), default=PartialDate(1970, 1, 1))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = updated.rfc3339()
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=feed_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=site_url)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = site_name
    for r in items:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = feed_id(site_url, r.claim_id)
        ET.SubElement(entry, f"{{{ATOM}}}title").text = f"{r.status_label}: {r.text}"
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = r.reviewed.rfc3339()
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=r.url)
        summary = language.string("feed-summary").format(
            author=r.author, date=language.date(r.first_date), summary=r.summary
        )
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = summary
    body: bytes = ET.tostring(feed, encoding="utf-8")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body + b"\n"


@dataclass(frozen=True)
class Citable:
    """What a suggested citation of one page needs."""

    key: str
    title: str
    url: str
    changed: str | None
    """The date the page's data last changed (YYYY-MM-DD), if known."""
    site_name: str


def citation_text(c: Citable, language: Language = EN) -> str:
    """A plain-text citation; the reader adds the date they read it."""
    changed = " " + language.string("cite-changed").format(date=c.changed) if c.changed else ""
    title = c.title if c.title.endswith((".", "?", "!", "…")) else c.title + "."
    return f"“{title}” {c.site_name}.{changed} {c.url}"


_BIB_WORDS = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _bib(value: str) -> str:
    r"""A value as literal BibTeX text: TeX's special characters escaped; a backslash becomes
    \textbackslash{}, since two backslashes would be a line break."""
    return re.sub(r"[\\{}%&$#_^~]", lambda m: _BIB_WORDS.get(m.group(), "\\" + m.group()), value)


def _bib_url(url: str) -> str:
    """A URL as BibTeX reads it: verbatim (biblatex and the url package take `_`, `#` and `%`
    as they are); the site's addresses never hold braces, backslashes or spaces."""
    if re.search(r"[{}\\\s]", url):
        raise ValueError(f"not a citable address: {url!r}")
    return url


def bibtex(c: Citable, language: Language = EN) -> str:
    year = f"  year = {{{c.changed[:4]}}},\n" if c.changed else ""
    return (
        f"@misc{{{c.key},\n"
        f"  title = {{{_bib(c.title)}}},\n"
        f"  howpublished = {{{_bib(c.site_name)}}},\n"
        f"{year}"
        f"  url = {{{_bib_url(c.url)}}},\n"
        f"  note = {{{_bib(language.string('cite-changed').format(date=c.changed or '?'))}}}\n"
        "}\n"
    )


def csl_json(c: Citable) -> str:
    def parts(text: str) -> dict[str, list[list[int]]]:
        date = PartialDate.parse(text)
        if date is None:
            raise ValueError(f"not a date: {text!r}")
        return {"date-parts": [[p for p in (date.year, date.month, date.day) if p is not None]]}

    item: dict[str, Any] = {
        "id": c.key,
        "type": "webpage",
        "title": c.title,
        "container-title": c.site_name,
        "URL": c.url,
    }
    if c.changed:
        item["issued"] = parts(c.changed)
    return json.dumps([item], ensure_ascii=False, indent=2, sort_keys=True) + "\n"
