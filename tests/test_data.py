"""The data gate: every real data file is valid, one test per file so authors see which fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb import paths
from kb.check import check_root
from kb.loader import data_files

_RESULT = None


def result():  # type: ignore[no-untyped-def]
    global _RESULT
    if _RESULT is None:
        _RESULT = check_root(paths.DATA, base=paths.ROOT)
    return _RESULT


FILES = [p.relative_to(paths.ROOT).as_posix() for p, _ in data_files(paths.DATA)]


@pytest.mark.parametrize("path", FILES)
def test_data_file_is_valid(path: str) -> None:
    problems = [i.format() for i in result().issues if i.path == path]
    assert not problems, "\n".join(problems)


def test_whole_corpus_is_clean_with_warnings_as_errors() -> None:
    assert [i.format() for i in result().issues] == []


def test_every_data_file_was_checked() -> None:
    assert result().files == len(FILES) > 100


SEED = ("incirlik", "kurecik", "konya", "cigli")


def test_seed_installations_keep_their_turkish_names() -> None:
    from kb.model import build

    corpus = build(result().records)
    names = {b.id: b.name.tr for b in corpus.bases.values() if b.id in SEED}
    assert names == {
        "incirlik": "İncirlik Hava Üssü",
        "kurecik": "Kürecik Radar Üssü",
        "konya": "Konya 3. Ana Jet Üs Komutanlığı",
        "cigli": "Çiğli 2. Ana Jet Üs Komutanlığı",
    }


def test_every_installation_the_issue_names_is_listed() -> None:
    """Issue 14: at least 20 installations, among them those the issue names."""
    from kb.model import build

    corpus = build(result().records)
    assert len(corpus.bases) >= 20
    for ident in (
        "landcom-izmir",
        "nrdc-turkey",
        "sinop-diogenes-station",
        "pirinclik-radar",
        "karamursel",
        "belbasi-seismic-station",
        "nato-pipeline-system-turkey",
        "diyarbakir-air-base",
        "batman-air-base",
        "malatya-erhac-air-base",
    ):
        assert ident in corpus.bases, ident


def test_file_names_are_ids(tmp_path: Path) -> None:
    assert all(Path(f).stem == Path(f).stem.lower() for f in FILES)


def test_installations_meet_the_content_minimums() -> None:
    """Issue 4 for the seed installations; issue 14 (names, presence, a sourced fact) for all."""
    from kb.model import build

    corpus = build(result().records)
    for base in corpus.bases.values():
        assert base.name.tr and base.aliases, base.id
        assert base.location and base.location.citations, base.id
        assert base.presence and base.presence.citations, base.id
        assert base.facts, base.id
        if base.id in SEED:
            assert base.operator and base.established and base.hosts, base.id
            assert len(base.facts) >= 8 and len(base.events) >= 5, base.id
            assert base.claims, base.id
