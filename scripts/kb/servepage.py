"""The page `mkdocs serve` shows while the data has errors (no MkDocs import here).

A contributor who saves a broken file should see why in the browser tab they are looking at,
not a tab that never finishes loading: under `mkdocs serve` the hook replaces every page with
this one, and the next good save brings the site back. `mkdocs build` still fails.
Every line of the validator's report is shown as text, never as markup.
"""

from __future__ import annotations

import html

from kb import i18n

ISSUE_CLASS = "kb-data-error"


def error_page(report: str, lang: str) -> str:
    """Markdown for the error page: a heading, what to do, then every problem of `report`
    (the validator's `path:line:col: level [rule] message` lines and its summary line)."""
    strings = i18n.language(lang)
    lines = [line for line in report.splitlines() if line.strip()]
    problems, summary = (lines[:-1], lines[-1]) if len(lines) > 1 else (lines, "")
    items = "\n".join(
        f'<li><code class="{ISSUE_CLASS}">{html.escape(p)}</code></li>' for p in problems
    )
    return (
        f"# {strings.string('serve-error-title')}\n\n"
        f"{strings.string('serve-error-intro')}\n\n"
        f'<ul class="kb-data-errors">\n{items}\n</ul>\n\n'
        f"<p>{html.escape(summary)}</p>\n"
    )
