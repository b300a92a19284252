"""Sitemaps that list each page's versions: every `<url>` gets an `xhtml:link` per language
and `x-default` (the form search engines read hreflang from). Each language's sitemap keeps
only its own pages as `<loc>`, because Material's instant navigation treats every `<loc>` of
the current site's sitemap as a page of the same build."""

from __future__ import annotations

import re
from xml.sax.saxutils import quoteattr

from kb import addresses, languages

XHTML = "http://www.w3.org/1999/xhtml"
_URL = re.compile(r"(<url>\s*<loc>([^<]*)</loc>)")


def with_alternates(text: str, own_url: str, lang: str, site_url: str) -> str:
    """A MkDocs sitemap with every page's alternates added after its `<loc>`; idempotent.
    `own_url` is the URL of this language's root, `site_url` the site's root."""
    if XHTML in text:
        return text
    text = text.replace(
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"',
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="{XHTML}"',
        1,
    )

    def add(match: re.Match[str]) -> str:
        loc = match.group(2)
        if not loc.startswith(own_url):
            return match.group(1)
        url = loc[len(own_url) :]
        links = [
            (code, site_url + addresses.prefix(code) + url) for code in languages.LANGUAGES
        ] + [("x-default", site_url + url)]
        return match.group(1) + "".join(
            f'\n         <xhtml:link rel="alternate" hreflang={quoteattr(code)} '
            f"href={quoteattr(href)}/>"
            for code, href in links
        )

    return _URL.sub(add, text)
