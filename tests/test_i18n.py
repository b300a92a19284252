"""Language is a parameter of rendering: strings, months and labels come from one table per
language (labels from the schema), and the model and templates hold no English."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from kb import build, i18n, paths, schema
from kb.i18n.en import EN

GOLDEN = Path(__file__).parent / "golden"


def _template_keys() -> set[str]:
    keys: set[str] = set()
    for template in paths.TEMPLATES.glob("*.j2"):
        keys |= set(re.findall(r"\bt\(\"([a-z -]+)\"", template.read_text(encoding="utf-8")))
    return keys


def test_every_string_a_template_asks_for_is_in_every_language() -> None:
    used = _template_keys()
    prefixes = {k for k in used if k.endswith("-")}
    for lang in i18n.LANGUAGES.values():
        assert used - prefixes <= set(lang.strings), lang.code
        for prefix in prefixes:
            assert any(k.startswith(prefix) for k in lang.strings), (lang.code, prefix)


def test_one_heading_per_evidence_stance() -> None:
    for lang in i18n.LANGUAGES.values():
        for stance, _ in schema.evidence_stances():
            assert f"evidence-{stance}" in lang.strings


def test_every_vocabulary_has_a_label_for_every_value_in_every_language() -> None:
    for name in schema.VOCABULARIES:
        values = set(schema.enum_node(name)["enum"])
        for code in i18n.LANGUAGES:
            assert set(schema.labels(name, code)) == values, (name, code)


def test_model_and_templates_read_no_english_field() -> None:
    files = [paths.TEMPLATES.parent / "model.py", *paths.TEMPLATES.glob("*.j2")]
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\.en\b", text.replace("self.en", "")), path.name
    for path in paths.TEMPLATES.glob("*.j2"):
        assert not re.search(r"\.tr\b", path.read_text(encoding="utf-8")), path.name


def test_the_other_language_name() -> None:
    from kb.model import Text

    both, english = Text("Incirlik Air Base", "İncirlik Hava Üssü"), Text("NATO")
    assert (both.get("en"), both.other("en")) == ("Incirlik Air Base", "İncirlik Hava Üssü")
    assert (both.get("tr"), both.other("tr")) == ("İncirlik Hava Üssü", "Incirlik Air Base")
    assert (english.get("tr"), english.other("tr"), english.other("en")) == ("NATO", None, None)


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no language table for 'xx'"):
        i18n.language("xx")


def test_rendering_takes_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """A second language table changes every interface string, month and label, and puts
    the pages under the language's folder; English stays as it was."""
    xx = replace(
        EN,
        code="xx",
        months=tuple(f"M{i}" for i in range(1, 13)),
        day_month_year="{year}/{month}/{day}",
        strings={k: "XX " + v for k, v in EN.strings.items()},
    )
    monkeypatch.setattr(i18n, "LANGUAGES", {**i18n.LANGUAGES, "xx": xx})
    english_labels = schema.labels
    monkeypatch.setattr(
        schema,
        "labels",
        lambda name, lang: (
            {k: "L-" + v for k, v in english_labels(name, "en").items()}
            if lang == "xx"
            else english_labels(name, lang)
        ),
    )
    loaded = build.load(GOLDEN / "data", base=GOLDEN, changed={})
    pages = {g.uri: g.content for g in loaded.renderer("xx").pages()}
    assert "xx/bases/alpha.md" in pages and "xx/claims.md" in pages
    base = pages["xx/bases/alpha.md"]
    assert "## XX Claimed by" in pages["xx/claims/alpha-claim.md"]
    assert "2025/M7/2" in base and "2 July 2025" not in base
    assert "L-Disputed" in base and "L-Air base" in base
    assert "[AP](../actors/party.md)" in base
    english = {g.uri: g.content for g in loaded.renderer("en").pages()}
    assert "## Claimed by" in english["claims/alpha-claim.md"]
