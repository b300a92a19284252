"""Search for Material, adjusted after the build:

- Turkish-aware: wrap its search worker so that index terms and queries are folded by the one
  table in kb.fold. Highlighting and previews keep the original text, because Material maps
  tokens back to their positions in it.
- A claim's result says its status: Material's preview shows a result's title and the
  paragraphs that match, so the status badge below a claim's heading is often cut off; the
  status label is put before the title of each claim's index entries instead.
- An installation's aliases are names: they get a field of their own, weighed half as much as
  the title.

Ranking by page type is not here: it is each page's `search.boost` (kb.addresses.SEARCH_BOOST).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from kb import addresses, schema
from kb.fold import FOLD
from kb.model import Corpus

MARK = "/* kb: turkish folding */"

PREFIX = """%s
(function () {
  var FOLD = %s;
  var RE = new RegExp("[" + Object.keys(FOLD).join("") + "]", "g");
  self.kbFold = function (text) {
    return text.replace(RE, function (c) { return FOLD[c]; }).toLowerCase();
  };
  /* Registered before Material's own listener, so queries (message type 2) arrive folded. */
  addEventListener("message", function (ev) {
    if (ev.data && ev.data.type === 2 && typeof ev.data.data === "string")
      ev.data.data = self.kbFold(ev.data.data);
  });
})();
"""

SUFFIX = """
(function () {
  /* Fold every index term: one pipeline step, added once to each index Material builds. */
  function kbFoldToken(token) { return token.update(self.kbFold); }
  lunr.Pipeline.registerFunction(kbFoldToken, "kbFold");
  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (!this.kbFolded) { this.pipeline.add(kbFoldToken); this.kbFolded = true; }
    return add.call(this, doc, attributes);
  };
})();
"""


def worker_code(original: str) -> str:
    """Material's worker wrapped with the fold; idempotent."""
    if original.startswith(MARK):
        return original
    table = json.dumps(FOLD, ensure_ascii=True, sort_keys=True)
    return PREFIX % (MARK, table) + original + SUFFIX


def patch_worker(site_dir: Path) -> list[Path]:
    """Rewrite the search worker(s) in a built site. Returns the files changed."""
    changed = []
    for path in sorted(site_dir.glob("assets/javascripts/workers/search.*.min.js")):
        text = path.read_text(encoding="utf-8")
        new = worker_code(text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


def claim_titles(corpus: Corpus, lang: str = addresses.DEFAULT_LANGUAGE) -> dict[str, str]:
    """Search index location -> the status label of the claim found there: its section on
    the page that holds it and, when the site has a `claim` page type, its own page."""
    labels = schema.labels("claim-status", lang) or schema.labels(
        "claim-status", addresses.DEFAULT_LANGUAGE
    )
    own_page = any(p.name == "claim" for p in addresses.PAGE_TYPES)
    out: dict[str, str] = {}
    for claim in corpus.claims:
        label = labels.get(claim.status, claim.status)
        out[addresses.url(addresses.record_page(claim.page, lang)) + "#" + claim.id] = label
        if own_page:
            out[addresses.url(addresses.page("claim", claim.id, lang))] = label
    return out


def alias_names(corpus: Corpus, lang: str = addresses.DEFAULT_LANGUAGE) -> dict[str, str]:
    """Search index location -> the other names of the installation on that page (its name
    in the other language and its aliases), which people search for as they would its title."""
    out: dict[str, str] = {}
    for base in corpus.bases.values():
        names = [n for n in (base.name.other(lang), *base.aliases) if n]
        if names:
            out[addresses.url(addresses.page("base", base.id, lang))] = " · ".join(names)
    return out


ALIASES = "aliases"
"""The search field added for alias names, weighed half as much as the title: a name people
search for, but not the name the page is about (a word in both is not counted twice over)."""
ALIAS_WEIGHT = 0.5


def annotate(
    site_dir: Path,
    titles: Mapping[str, str],
    aliases: Mapping[str, str] | None = None,
    sep: str = " · ",
) -> int:
    """Adjust the search index Material wrote: put each claim's status label before the title
    of its entries, and give each installation's page entry its alias names in a field that
    weighs half as much as the title ("Adana Air Base" finds İncirlik before a page that only has
    "Adana" in its title). Idempotent; returns the number of entries changed."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    fields = index.setdefault("config", {}).setdefault("fields", {})
    weight = {"boost": fields.get("title", {}).get("boost", 1.0) * ALIAS_WEIGHT}
    changed = 0
    if aliases and fields.get(ALIASES) != weight:
        fields[ALIASES] = weight
        changed += 1
    for doc in index.get("docs", []):
        where = doc.get("location", "")
        label = titles.get(where)
        if label and not doc.get("title", "").startswith(label + sep):
            doc["title"] = label + sep + doc.get("title", "")
            changed += 1
        names = (aliases or {}).get(where)
        if names and doc.get(ALIASES) != names:
            doc[ALIASES] = names
            changed += 1
    if changed:
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return changed
