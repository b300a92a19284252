"""A Turkish text that merely copies the English is reported; names may be the same."""

from __future__ import annotations

from conftest import VALID

A = "data/bases/alpha.yaml"


def test_copied_translation_is_a_warning(check) -> None:
    text = VALID["bases/alpha.yaml"].replace(
        "summary: A test installation.",
        "summary: {en: A test installation near the city., tr: A test installation near the city.}",
    )
    assert check({"bases/alpha.yaml": text}) == [
        f"{A}:8:51: warning [translations] the Turkish text of 'summary' is the same as the "
        "English; translate it, or delete 'tr' until it is translated"
    ]


def test_names_and_real_translations_pass(check) -> None:
    text = (
        VALID["bases/alpha.yaml"]
        .replace(
            "summary: A test installation.",
            "summary: {en: A test installation near the city., tr: Kente yakın bir deneme tesisi.}",
        )
        .replace("province: Adana", "province: {en: Adana, tr: Adana}")
    )
    assert check({"bases/alpha.yaml": text}) == []


def test_quality_counts_texts_not_yet_in_turkish(tmp_path) -> None:
    from conftest import write_root

    from kb.build import load
    from kb.stats import quality

    def count(files: dict[str, str]) -> tuple[int, dict[str, int]]:
        root = write_root(tmp_path / "data", files)
        q = quality(load(root, base=tmp_path).corpus)
        (alpha,) = [r for r in q.rows if r.page == "alpha"]
        return alpha.untranslated, q.actors_untranslated

    base = VALID["bases/alpha.yaml"]
    # the fixture's installation: province, summary, fact, event, claim text, assessment and
    # the claim's one-sentence summary
    before, actors = count({})
    assert before == 7 and actors == {"party": 1}
    translated = base.replace("text: A fact.", "text: {en: A fact., tr: Bir olgu.}")
    after, _ = count({"bases/alpha.yaml": translated})
    assert after == before - 1
