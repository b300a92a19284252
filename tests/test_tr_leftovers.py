"""English leftovers on Turkish pages: actors' short names, dates in sortable tables, the claims
CSV's Turkish assessment, the issue forms on About, and one word for "all"."""

from __future__ import annotations

import re

import pytest
from conftest import TODAY, write_root

from kb import build, paths, schema, site, stats
from kb.i18n import language

# --- actors' short names ------------------------------------------------------------------

OFFICIALS = """\
id: party
name: {en: United States government officials, tr: ABD hükümeti yetkilileri}
short: {en: US officials, tr: ABD'li yetkililer}
kind: government
country: US
"""
PAPER = """\
id: paper
name: {en: A Newspaper, tr: Bir Gazete}
short: Paper
kind: media
country: TR
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> build.Build:
    """The conftest corpus with a Turkish short name for its party and an English-only one."""
    tmp = tmp_path_factory.mktemp("short")
    root = write_root(tmp / "data", {"actors/party.yaml": OFFICIALS, "actors/paper.yaml": PAPER})
    return build.load(root, base=tmp, today=TODAY)


def _page(loaded: build.Build, lang: str, uri: str) -> str:
    return next(p.body for p in loaded.renderer(lang).pages() if p.uri == uri)


def test_a_turkish_claim_page_names_the_actor_by_its_turkish_short_name(small) -> None:
    tr = _page(small, "tr", "tr/claims/alpha-claim.md")
    assert re.search(r"\[ABD(&#39;|')li yetkililer\]\(\.\./actors/party\.md\)", tr), tr
    assert "US officials" not in tr
    en = _page(small, "en", "claims/alpha-claim.md")
    assert "[US officials](../actors/party.md)" in en
    assert "yetkililer" not in en


def test_the_actor_pages_and_index_show_the_short_name_in_the_pages_language(small) -> None:
    page = _page(small, "tr", "tr/actors/party.md")
    assert re.search(r"^# ABD hükümeti yetkilileri \(ABD(&#39;|')li yetkililer\)", page, re.M)
    index = _page(small, "tr", "tr/actors/index.md")
    assert re.search(r"\(ABD(&#39;|')li yetkililer\) \|", index)
    assert "(US officials)" not in page + index
    assert "# United States government officials (US officials)" in _page(
        small, "en", "actors/party.md"
    )


def test_an_english_only_short_name_falls_back_and_counts_as_untranslated(small) -> None:
    assert small.corpus.actors["paper"].short is not None
    assert "# Bir Gazete (Paper)" in _page(small, "tr", "tr/actors/paper.md")
    report = stats.quality(small.corpus)
    assert report.actors_untranslated == {"paper": 1}


def test_the_schema_holds_short_names_as_localized_text() -> None:
    short = schema.schema("actor.schema.json")["properties"]["short"]
    assert short["$ref"].endswith("#/$defs/text")
    assert "short" in schema.keys_of_type("text")


@pytest.mark.parametrize(
    ("short", "message"),
    [
        ("{en: AP, tr: " + "Ç" * 41 + "}", "3:17: error [schema] 'tr' is longer than 40"),
        ("A" * 41, "3:1: error [schema] 'short' is longer than 40"),
        ("{tr: BP}", "3:1: error [schema] missing required key 'en' in 'short'"),
    ],
)
def test_a_short_name_too_long_or_without_english_is_refused(check, short, message) -> None:
    text = f"id: party\nname: A Party\nshort: {short}\nkind: party\ncountry: TR\n"
    issues = check({"actors/party.yaml": text})
    assert len(issues) == 1 and message in issues[0], issues


@pytest.fixture(scope="module")
def real_tr() -> tuple[build.Build, dict[str, str]]:
    loaded = build.load(paths.DATA, base=paths.ROOT)
    return loaded, {p.uri: p.body for p in loaded.renderer("tr").pages()}


def test_no_turkish_page_links_an_actor_by_its_english_short_name(real_tr) -> None:
    loaded, pages = real_tr
    english = {
        a.id: a.short.en
        for a in loaded.corpus.actors.values()
        if a.short and a.short.tr and a.short.tr != a.short.en
    }
    assert english, "the data has actors with Turkish short names"
    found = [
        (uri, ident)
        for uri, body in pages.items()
        for ident, short in english.items()
        if re.search(rf"\[{re.escape(short)}\]\([^)]*actors/{ident}\.md", body)
    ]
    assert found == []
    assert any(f"actors/{i}.md" in b for b in pages.values() for i in english)


def test_every_turkish_short_name_takes_case_suffixes(real_tr) -> None:
    """A Turkish short name must end in something the suffix rules can read."""
    tr = language("tr")
    for actor in real_tr[0].corpus.actors.values():
        if actor.short and actor.short.tr:
            assert tr.inflected(actor.short.tr, "gen").startswith(actor.short.tr)


# --- one interface string per meaning ------------------------------------------------------

# Families whose keys are built from a value ("record-" ~ kind, "statement-" ~ kind,
# "own-document-" ~ source kind) or that name a nav entry: they may repeat another string.
_FAMILIES = ("nav-", "record-", "statement-", "own-document-")


def test_no_two_interface_strings_say_the_same_thing_in_both_languages() -> None:
    en, tr = language("en").strings, language("tr").strings
    seen: dict[tuple[str, str], str] = {}
    doubled = []
    for key in sorted(en):
        if key.startswith(_FAMILIES):
            continue
        pair = (en[key], tr[key])
        if pair in seen:
            doubled.append((seen[pair], key))
        seen.setdefault(pair, key)
    assert doubled == []


# --- the issue forms on About ----------------------------------------------------------------


def test_every_issue_form_is_named_in_each_language_and_in_english_as_on_github() -> None:
    forms = site.issue_forms()
    assert forms, "the repository has issue forms"
    for form in forms:
        assert language("en").strings[form.key] == form.name, form.file
        assert language("tr").strings[form.key] != form.name, form.file


def test_the_turkish_about_page_names_the_forms_in_turkish(small) -> None:
    here = site.from_config()
    tr = small.renderer("tr", site=here).snippet("maintainers", "tr/about.md")
    for form in site.issue_forms():
        label = language("tr").strings[form.key]
        link = f"[{label}](https://github.com/{here.repository}/issues/new?template={form.file})"
        assert link in tr
        assert f"[{form.name}]" not in tr
        assert f'<span lang="en">{form.name}</span>' in tr  # what the form is called there
    en = small.renderer("en", site=here).snippet("maintainers", "about.md")
    assert all(f"[{f.name}](" in en for f in site.issue_forms())
    assert 'lang="en"' not in en


# --- dates in sortable tables ----------------------------------------------------------------

_ISO_CELL = re.compile(r"\| (?:<a id=\"[^\"]*\"></a>)?\d{4}-\d{2}(?:-\d{2})? \|")


def test_sortable_tables_show_dates_in_words_keyed_by_their_iso_form(small) -> None:
    sources = _page(small, "tr", "tr/sources/index.md")
    assert '| <time datetime="2020-01-01">1 Ocak 2020</time> |' in sources
    events = _page(small, "tr", "tr/bases/alpha.md")
    assert '<time datetime="1955-02-21">21 Şubat 1955</time> |' in events
    actor = _page(small, "en", "actors/party.md")
    assert '| <time datetime="2025-07-02">2 July 2025</time> |' in actor


def test_no_sortable_table_shows_a_bare_iso_date(real_tr) -> None:
    loaded, pages = real_tr
    english = {p.uri: p.body for p in loaded.renderer("en").pages()}
    bare = [uri for uri, body in {**pages, **english}.items() if _ISO_CELL.search(body)]
    assert bare == []
