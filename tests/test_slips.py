"""The slips that made pages look unfinished, each pinned where it is fixed: empty table
headers, full stops doubled by templates, right-to-left text breaking a line's order,
vocabulary labels title-cased from ids, names repeated in another spelling, and display
names that drop the Turkish letters the text uses."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import VALID, write_root
from markupsafe import Markup

from kb import build, paths, prose, schema
from kb.fold import fold
from kb.mdext import KbTables


@pytest.fixture(scope="module")
def real_pages() -> dict[str, str]:
    renderer = build.load(paths.DATA, base=paths.ROOT).renderer("en")
    return {g.uri: g.body for g in renderer.pages()}


# --- empty header rows --------------------------------------------------------------------


def _html(md: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(md, extensions=["tables", KbTables()]), "html.parser")


def test_a_fact_box_has_no_empty_header_row() -> None:
    html = _html("| | |\n| --- | --- |\n| Kind | Air base |\n| Province | Adana |\n")
    assert html.find("thead") is None
    heads = html.find_all("th")
    assert [(h.text, h.get("scope")) for h in heads] == [("Kind", "row"), ("Province", "row")]


def test_a_table_with_a_header_keeps_it() -> None:
    html = _html("| Date | Event |\n| --- | --- |\n| 1955 | Opened |\n")
    assert [th.text for th in html.select("thead th")] == ["Date", "Event"]
    assert html.select("tbody th") == []


def test_the_hook_adds_the_extension() -> None:
    import kb_hook
    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig(config_file_path=str(paths.ROOT / "mkdocs.yml"))
    config.load_file((paths.ROOT / "mkdocs.yml").open(encoding="utf-8"))
    config.validate()
    kb_hook.on_config(config)
    kb_hook.on_config(config)
    assert sum(isinstance(e, KbTables) for e in config.markdown_extensions) == 1


# --- doubled full stops -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stop"),
    [
        ("on Turkish soil.", ""),
        ("Öyle bir üs yok...", ""),
        ("Is it?", ""),
        ("he said “no.”", ""),
        ("(see above.)", ""),
        ("Incirlik", "."),
        ("1.10", "."),
        ("", "."),
    ],
)
def test_full_stop_only_when_the_text_has_none(text: str, stop: str) -> None:
    assert prose.full_stop(text) == stop


def test_no_page_adds_a_full_stop_after_one(real_pages: dict[str, str]) -> None:
    """A link or a quote whose text ends a sentence is not followed by another full stop."""
    doubled = re.compile(r"[.!?…]\]\([^)\s]*\)\.|[.!?…](</q>|</bdi>|\*)\.")
    found = {uri: m.group(0) for uri, body in real_pages.items() if (m := doubled.search(body))}
    assert found == {}


def test_related_overview_claims_end_with_one_full_stop(tmp_path: Path) -> None:
    overview = """\
        id: overview
        title: Overview
        summary: A summary.
        claims:
          - id: wide-claim
            text: Something is said about every base.
            bases: [alpha]
            claimed_by:
              - {actor: party, date: 2025-07-02, source: src-party}
            status: unassessed
            summary: Not yet checked.
            assessment: Not yet checked.
        """
    root = write_root(tmp_path / "data", {"overview.yaml": overview})
    pages = {g.uri: g.body for g in build.load(root, base=tmp_path).renderer("en").pages()}
    page = pages["bases/alpha.md"]
    assert "Something is said about every base." in page
    assert re.search(r"[.!?…]\]\([^)\s]*\)\.", page) is None


# --- right-to-left text -------------------------------------------------------------------

ARABIC = "قونية.. قاعدة عسكرية"


def test_right_to_left_text_is_isolated_and_other_text_is_not() -> None:
    assert prose.isolate(ARABIC, ARABIC) == Markup(f"<bdi>{ARABIC}</bdi>")
    assert prose.isolate("İncirlik <b>", "İncirlik <b>") == Markup("İncirlik &lt;b&gt;")


def test_right_to_left_is_told_for_every_character_as_unicode_classes_it() -> None:
    """Every character of the Basic Multilingual Plane, and the supplementary planes'
    right-to-left blocks, between Turkish letters: right-to-left exactly when Unicode's
    bidirectional class is R or AL (the check skips characters below the Hebrew block)."""
    for code in [*range(0x10000), *range(0x10800, 0x11000), *range(0x1E800, 0x1F000)]:
        char = chr(code)
        expected = unicodedata.bidirectional(char) in ("R", "AL")
        assert prose.right_to_left.__wrapped__(f"ş{char}ü") is expected, hex(code)


def test_an_arabic_title_is_isolated_in_every_list(tmp_path: Path) -> None:
    source = (
        VALID["sources/src-one.yaml"]
        .replace("title: An independent report", f"title: {ARABIC}")
        .replace("language: en", "language: ar")
    )
    root = write_root(tmp_path / "data", {"sources/src-one.yaml": source})
    pages = {g.uri: g.body for g in build.load(root, base=tmp_path).renderer("en").pages()}
    for uri in ("bases/alpha.md", "sources/index.md", "sources/src-one.md"):
        assert f"<bdi>{ARABIC}</bdi>" in pages[uri], uri
        assert re.search(rf"(?<!<bdi>){ARABIC}", pages[uri].replace(f"<bdi>{ARABIC}", "")) is None


# --- vocabulary labels --------------------------------------------------------------------


def _vocabularies() -> list[tuple[str, dict[str, str]]]:
    out = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            labels = node.get("x-enumLabels", {}).get("en")
            if labels:
                out.append((where, labels))
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for value in node:
                walk(value, where)

    for path in sorted((paths.DATA / "schema").glob("*.schema.json")):
        walk(schema.schema(path.name), path.name)
    return out


def test_labels_are_written_as_people_write_them() -> None:
    """A label is never an id mechanically cased: 'ngo' is 'NGO', not 'Ngo'; a language is
    'Arabic', not 'AR'."""
    cased = []
    for where, labels in _vocabularies():
        for value, label in labels.items():
            short = len(value) <= 3 and value.isalpha()
            if short and label in (value.capitalize(), value.upper()) and label != value.upper():
                cased.append((where, value, label))
            if where.endswith("language") and label == value.upper():
                cased.append((where, value, label))
    assert cased == []
    assert schema.labels("actor-kind", "en")["ngo"] == "NGO"


def test_reference_headings_never_title_case_an_id(real_pages: dict[str, str]) -> None:
    renderer = build.load(paths.DATA, base=paths.ROOT).renderer("en")
    reference = renderer.snippet("reference", "reference.md")
    headings = re.findall(r"^## (.+?) \{#", reference, re.MULTILINE)
    assert "<code>url</code>" in headings and "<code>id</code>" in headings
    assert "Url" not in headings and "Id" not in headings


# --- names repeated in another spelling ---------------------------------------------------


def test_names_are_distinct_after_turkish_folding() -> None:
    assert prose.distinct(["İncirlik", "Incirlik", "INCIRLIK", "Adana Air Base"]) == [
        "İncirlik",
        "Adana Air Base",
    ]
    assert prose.also_written(
        ["Incirlik Air Base", "Incirlik", "İncirlik", "LTAG"], ["İncirlik Air Base", None]
    ) == ["Incirlik", "LTAG"]
    assert prose.with_short("Iranian state media", "Iranian State Media") is None
    assert prose.with_short("Türkiye Komünist Partisi", "TKP") == "TKP"
    # a Turkish short name that is the name's first words only repeats the title
    assert prose.with_short("Dışişleri Bakanlığı", "Dışişleri") is None
    assert prose.with_short("İran hükümeti", "İRAN") is None
    assert prose.with_short("Türkiye Cumhurbaşkanı", "Cumhurbaşkanlığı") == "Cumhurbaşkanlığı"
    assert prose.with_short("Komünist", "Komünist Parti") == "Komünist Parti"


def test_no_page_repeats_a_name_in_brackets_or_in_also_written(
    real_pages: dict[str, str],
) -> None:
    repeated = []
    for uri, body in real_pages.items():
        for name, short in re.findall(r"\[([^\]]+)\]\([^)]*\) \(([^)]+)\)", body):
            if fold(name) == fold(short):
                repeated.append((uri, name))
        for line in body.splitlines():
            if line.startswith("Also written:"):
                names = [n.strip() for n in line.split(":", 1)[1].split(" · ")]
                title = re.search(r"^# (.+?) \{#title\}", body, re.MULTILINE)
                shown = [fold(n) for n in (title.group(1).split(" · ") if title else [])]
                folded = [fold(n) for n in names]
                if len(set(folded)) != len(folded) or set(folded) & set(shown):
                    repeated.append((uri, line))
    assert repeated == []


# --- display names ------------------------------------------------------------------------


def test_english_names_keep_the_turkish_letters_of_place_names() -> None:
    """A word the English and Turkish names share is spelled the Turkish way in both
    ('İncirlik Air Base' over text that says 'İncirlik'), so the title matches the text."""
    corpus = build.load(paths.DATA, base=paths.ROOT).corpus
    plain = []
    for base in corpus.bases.values():
        if not base.name.tr:
            continue
        turkish = {fold(w): w for w in base.name.tr.split()}
        for word in base.name.en.split():
            spelled = turkish.get(fold(word))
            if spelled and word.isascii() and spelled.lower() != word.lower():
                plain.append((base.id, word, spelled))
    assert plain == []
