"""A bug in one rule or in rendering is reported, named, and never shown as a traceback."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from conftest import TODAY, VALID, write_root

from kb import rules
from kb.check import check_root
from kb.rules import geo
from kb.rules.context import Context


def _crash_on_second_record(ctx: Context) -> list[object]:
    for i, _record in enumerate(ctx.each(sorted(ctx.records, key=lambda r: r.path))):
        if i == 1:
            raise RuntimeError("boom")
    return []


def test_a_crashing_rule_is_named_with_its_file_and_the_others_still_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(geo, "check", _crash_on_second_record)
    bad_ref = VALID["bases/alpha.yaml"].replace("actor: party", "actor: nobody")
    root = write_root(tmp_path / "data", {"bases/alpha.yaml": bad_ref})
    lines = [i.format() for i in check_root(root, base=tmp_path, today=TODAY).issues]
    assert any("[refs]" in line and "nobody" in line for line in lines), lines
    crash = [line for line in lines if "[geo]" in line]
    assert crash == [
        "data/bases/alpha.yaml:1:1: error [geo] internal error in rule 'geo' while checking "
        "this file: RuntimeError: boom. This is a bug in the kb tool; please report it "
        "(KB_DEBUG=1 shows the traceback)."
    ]


def test_a_rule_that_crashes_outside_any_file_names_the_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(ctx: Context) -> list[object]:
        raise KeyError("x")

    monkeypatch.setattr(geo, "check", crash)
    root = write_root(tmp_path / "data", {})
    issues = rules.run(check_root(root, base=tmp_path, today=TODAY).records, TODAY)
    assert [i.format() for i in issues] == [
        "data:1:1: error [geo] internal error in rule 'geo' while checking the data as a "
        "whole: KeyError: 'x'. This is a bug in the kb tool; please report it (KB_DEBUG=1 "
        "shows the traceback)."
    ]


PATCHES = {
    "rule": """
        import kb.rules.geo

        def boom(ctx):
            for record in ctx.each():
                raise RuntimeError("boom in a rule")

        kb.rules.geo.check = boom
    """,
    "render": """
        import kb.render

        def boom(self):
            raise RuntimeError("boom in rendering")

        kb.render.Renderer.pages = boom
    """,
}


@pytest.mark.parametrize("where", sorted(PATCHES))
def test_the_site_build_shows_no_traceback(tmp_path: Path, where: str) -> None:
    from sitebuild import build_site

    root = write_root(tmp_path / "data", {})
    patch = tmp_path / "patch"
    patch.mkdir()
    (patch / "sitecustomize.py").write_text(textwrap.dedent(PATCHES[where]), encoding="utf-8")
    run = build_site(tmp_path / "site", env={"KB_DATA": str(root), "PYTHONPATH": str(patch)})
    assert run.returncode != 0
    assert "Traceback" not in run.stderr, run.stderr
    if where == "rule":
        assert "error [geo] internal error in rule 'geo' while checking this file" in run.stderr
        # named at the first file the rule was checking (the loader's order decides which)
        assert re.search(r"data/\w+/[\w-]+\.yaml:1:1: error \[geo\]", run.stderr), run.stderr
    else:
        assert "internal error in the kb package: RuntimeError: boom in rendering" in run.stderr
