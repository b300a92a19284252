"""The benchmark keeps working: its corpus validates, its budgets judge, and it runs end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kb import addresses, bench, benchbuild, build, corpus, languages, paths, sitelangs
from kb.check import MEMO, check_root
from kb.site import Site


def test_synthetic_corpus_is_valid_and_sized(tmp_path: Path) -> None:
    data = corpus.write(tmp_path / "data", 3, claims=10)
    MEMO.clear()
    result = check_root(data, base=tmp_path)
    assert result.ok, [i.format() for i in result.issues]
    assert result.files == 3 * (1 + corpus.SOURCES_PER_BASE + corpus.ACTORS_PER_BASE)
    base = next(r for r in result.records if r.kind == "base")
    assert len(base.data["claims"]) == 10
    assert 100 <= len(base.data["facts"][0]["text"]) <= 160  # real text lengths


def test_static_twin_holds_every_language_as_the_hook_gives_it(tmp_path: Path) -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    data = corpus.write(tmp_path / "data", 1, claims=2)
    config_file = benchbuild.static_twin(data, tmp_path / "twin")
    docs = tmp_path / "twin" / "docs"
    loaded = build.load(data)
    config = load_config(config_file=str(config_file))
    assert config.hooks == {} and config.docs_dir == str(docs)
    for lang in languages.LANGUAGES:
        folder = addresses.prefix(lang)
        lang_config = sitelangs.language_config(config, lang) if folder else config
        assert lang_config.docs_dir == str(docs / folder).rstrip("/")
        assert (docs / folder / "assets/stylesheets/kb.css").is_file()
        site = Site(lang_config.site_name, benchbuild._hook_settings()["site_url"])
        for page in loaded.renderer(lang, site).pages():  # the hook's Markdown, front matter on
            assert (docs / page.uri).read_text(encoding="utf-8") == page.content
        assert (docs / addresses.feed(lang)).is_file()
    # The default language's build leaves the other languages' folders to their own builds.
    files = get_files(config)
    excluded = {f.src_uri.split("/", 1)[0] for f in files if f.inclusion.is_excluded()}
    assert excluded == set(languages.LANGUAGES[1:])


ROW = {
    "validate_s": 1.0,
    "full_over_static": 1.1,
    "cpu_over_static": 1.1,
    "page_kb": 40.0,
    "build_s": 10.0,
}
REAL = {"generate_s": 0.2, "pages": 131}
LOOPS = {"real": {"edits_s": [2.5, 4.0]}}


def _rows(**big: float) -> list[dict[str, float]]:
    return [
        {**ROW, "installations": 10, "build_s": 1.0},
        {**ROW, "installations": 100},
        {**ROW, "installations": 1000, "build_s": 100.0, **big},
    ]


def test_budgets_pass_within_and_fail_outside() -> None:
    assert all(line.startswith("PASS") for line in bench.budgets(_rows(), REAL, LOOPS))
    failing = {
        "validate 1000": _rows(validate_s=2.5),
        "full build / static twin at 1000:": _rows(full_over_static=1.2),
        "static twin at 1000 in CPU": _rows(cpu_over_static=1.2),
        "installation page": _rows(page_kb=42.5),
        "build time 100 -> 1000": _rows(build_s=121.0),
    }
    for name, rows in failing.items():
        lines = bench.budgets(rows, REAL, LOOPS)
        assert [line for line in lines if line.startswith("FAIL")] == [
            line for line in lines if name in line
        ], lines
    slow_loop = bench.budgets(_rows(), REAL, {"real": {"edits_s": [3.5]}})
    assert [line[:4] for line in slow_loop if "edit loop" in line] == ["FAIL"]


@pytest.mark.slow
def test_benchmark_runs_end_to_end_at_a_tiny_size() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "kb.bench", "1", "2", "--runs", "1", "--edits", "1"],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    lines = run.stdout.splitlines()
    rows = [json.loads(line) for line in lines if line.startswith('{"installations"')]
    assert [r["installations"] for r in rows] == [1, 2]
    for row in rows:
        assert row["files"] == row["installations"] * 9
        assert row["build_s"] > 0 and row["static_s"] > 0 and row["page_kb"] > 10
        assert row["full_over_static"] == pytest.approx(row["ratios"][0])
        assert row["cpu_over_static"] == pytest.approx(row["cpu_ratios"][0])
        assert row["validate_cpu_s"] >= 0 and row["workers"] == 1
    assert any(line.startswith("| real data/ |") for line in lines)
    verdicts = [line for line in lines if line.startswith(("PASS", "FAIL"))]
    assert len(verdicts) == 7, run.stdout
    assert "edit loop (save -> page served)" in run.stdout
