"""A Python-Markdown extension for the site's pages (plain Markdown, no MkDocs import).

- Markdown tables must have a header row; the two-column fact boxes (label, value) have none
  to give, so their templates write an empty one. This drops a header row whose cells are all
  empty, so the page shows no blank bar above the box, and makes each row's first cell a row
  header (`<th scope="row">`), which is what it is.
- Every cell of a table with a header gets its column's name as `data-label`, so that on a
  phone the stylesheet can show each row as a card ("Status: Supported") instead of a table
  wider than the screen; no script is needed for that.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

# Python-Markdown ships no type information (its stubs are a separate package).
from markdown import Markdown  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]


def _empty(cell: etree.Element) -> bool:
    return not (cell.text or "").strip() and len(cell) == 0


class _KeyValueTables(Treeprocessor):  # type: ignore[misc]
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead")
            if head is None:
                continue
            if not all(_empty(c) for c in head.iter("th")):
                _label_cells(table, ["".join(th.itertext()).strip() for th in head.iter("th")])
                continue
            table.remove(head)
            body = table.find("tbody")
            for row in body if body is not None else []:
                first = row.find("td")
                if first is not None:
                    first.tag = "th"
                    first.set("scope", "row")


def _label_cells(table: etree.Element, names: list[str]) -> None:
    body = table.find("tbody")
    for row in body if body is not None else []:
        for name, cell in zip(names, row.findall("td"), strict=False):
            if name:
                cell.set("data-label", name)


class KbTables(Extension):  # type: ignore[misc]
    """Header-less key/value tables (see the module docstring)."""

    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline patterns (priority 20): cell contents are final by then.
        md.treeprocessors.register(_KeyValueTables(md), "kb_tables", 5)


def makeExtension(**kwargs: object) -> KbTables:
    return KbTables(**kwargs)
