"""One change to Material's JavaScript bundle in a built site, for the language versions.

Material's language selector script reads every `<link rel="alternate">` in the head as the
root of another language and fetches `sitemap.xml` next to it. Our hreflang links name each
page's twin instead (as hreflang requires), so that fetch would ask for a sitemap in every
page's folder: a 404 on every page load. Our links already lead to the twin, so the script
has nothing to add for them: it is told to skip links that carry `hreflang` (the feed link,
which has none, keeps Material's behaviour).
"""

from __future__ import annotations

from pathlib import Path

ORIGINAL = 'M("link[rel=alternate]")'
PATCHED = 'M("link[rel=alternate]:not([hreflang])")'


class BundleChanged(Exception):
    """Material's bundle no longer has the code this module changes (after an upgrade)."""


def patch_bundle(site_dir: Path) -> list[Path]:
    """Rewrite Material's bundle(s) in a built site; idempotent. Returns the files changed."""
    changed = []
    bundles = sorted(site_dir.glob("assets/javascripts/bundle.*.min.js"))
    for path in bundles:
        text = path.read_text(encoding="utf-8")
        if PATCHED in text:
            continue
        if text.count(ORIGINAL) != 1:
            raise BundleChanged(
                f"{path.name}: Material's language-selector code changed (expected "
                f"{ORIGINAL} once); update kb/material.py for this Material version"
            )
        path.write_text(text.replace(ORIGINAL, PATCHED), encoding="utf-8")
        changed.append(path)
    return changed
