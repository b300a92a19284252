"""Turkish-aware search for Material: wrap its search worker so that index terms and queries
are folded by the one table in kb.fold. Highlighting and previews keep the original text,
because Material maps tokens back to their positions in it."""

from __future__ import annotations

import json
from pathlib import Path

from kb.fold import FOLD

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
