"""Escaping: any data text, rendered through Markdown, comes out as the same text."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment
from markupsafe import escape

from kb.render import human_date, md_text

TEXTS = [
    "- not a list",
    "+ not a list",
    "1. not a list",
    "12) not a list",
    "# not a heading",
    "> not a quote",
    "=== not a rule",
    ": not a definition",
    "*a* _b_ `c` ~d~ ^e^",
    "[x](javascript:alert(1))",
    "![i](x.png)",
    "<b>bold</b> &amp; &lt;",
    "a \\ b \\* c",
    "{: .x #y onclick=z }",
    "{{ 7*7 }} {% if x %}",
    "| a | b |",
    "--8<-- 'file'",
    "Türkiye #1 ülke",
    "İncirlik, Çiğli; Kürecik: 1.10 1:20 0755",
    "trailing newline\n",
    "no-break\u00a0space, em\u2003space, line\u2028separator and\x1cfile separator",
]


def _render(text: str, where: str) -> str:
    """Render escaped text where templates put data: a paragraph, a list item, a table cell."""
    inline = str(escape(md_text(text)))
    source = {
        "paragraph": inline,
        "item": f"- {inline}",
        "cell": f"| a |\n| --- |\n| {inline} |",
        "heading": f"### {inline}",
    }[where]
    html = markdown.markdown(source, extensions=["attr_list", "tables", "toc"])
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("where", ["paragraph", "item", "cell", "heading"])
@pytest.mark.parametrize("text", TEXTS)
def test_text_survives_markdown_unchanged(text: str, where: str) -> None:
    soup = _render(text, where)
    holder = soup.find({"paragraph": "p", "item": "li", "cell": "td", "heading": "h3"}[where])
    assert holder.get_text().strip() == " ".join(text.split())
    tags = {t.name for t in soup.find_all(True)}
    assert tags <= {"p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "h3"}, tags
    assert not [t for t in soup.find_all(True) if set(t.attrs) - {"id"}]


def test_finalize_escapes_data_but_not_markup() -> None:
    from markupsafe import Markup

    env = Environment(autoescape=True, finalize=md_text)
    out = env.from_string("{{ a }} {{ b }}").render(a="*x* <y>", b=Markup("*ok*"))
    assert out == r"\*x\* &lt;y&gt; *ok*"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2025-07-02", "2 July 2025"),
        ("2025-07", "July 2025"),
        ("1955", "1955"),
        ("unknown", "date unknown"),
    ],
)
def test_human_dates(value: str, shown: str) -> None:
    assert human_date(value) == shown
