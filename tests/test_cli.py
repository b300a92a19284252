"""The command line: exit codes, output formats, and no tracebacks."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import VALID, run_kb, write_root

from kb import paths


def kb(*args: str, cwd: Path = paths.ROOT) -> subprocess.CompletedProcess[str]:
    return run_kb(*args, cwd=cwd)


def test_help_lists_the_commands() -> None:
    out = kb("--help").stdout
    for command in ("validate", "pages", "stats"):
        assert command in out


def test_validate_clean_data_exits_0() -> None:
    run = kb("validate", "--strict")
    assert run.returncode == 0, run.stdout
    assert run.stdout.strip().endswith(
        f"0 errors, 0 warnings in {len(list(paths.DATA.rglob('*.yaml')))} files"
    )


def test_validate_errors_exit_1_sorted_with_summary(tmp_path: Path) -> None:
    root = write_root(
        tmp_path / "data",
        {
            "bases/alpha.yaml": VALID["bases/alpha.yaml"].replace(
                "kind: air-base", "kind: airbase"
            ),
            "actors/party.yaml": "id: party\nid: x\n",
        },
    )
    run = kb("validate", str(root), cwd=tmp_path)
    assert run.returncode == 1
    lines = run.stdout.strip().splitlines()
    assert lines[0].startswith("data/actors/party.yaml:2:1: error [duplicate-key]")
    assert lines[1].startswith("data/bases/alpha.yaml:3:1: error [schema] 'kind' is 'airbase'")
    assert lines[-1] == "2 errors, 0 warnings in 4 files"


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    extra = VALID["sources/src-one.yaml"].replace("id: src-one", "id: src-extra")
    root = write_root(tmp_path / "data", {"sources/src-extra.yaml": extra})
    assert kb("validate", str(root), cwd=tmp_path).returncode == 0
    strict = kb("validate", "--strict", str(root), cwd=tmp_path)
    assert strict.returncode == 1
    assert "data/sources/src-extra.yaml:1:1: error [orphans]" in strict.stdout


def test_github_format(tmp_path: Path) -> None:
    root = write_root(tmp_path / "data", {"actors/party.yaml": "id: party\nid: x\n"})
    run = kb("validate", "--format", "github", str(root), cwd=tmp_path)
    assert run.returncode == 1
    assert run.stdout.splitlines()[0] == (
        "::error file=data/actors/party.yaml,line=2,col=1,title=kb duplicate-key::"
        "duplicate key 'id' (first on line 1); keep one of them"
    )


def test_validate_one_file_reports_only_that_file(tmp_path: Path) -> None:
    root = write_root(tmp_path / "data", {"actors/party.yaml": "id: party\nid: x\n"})
    run = kb("validate", str(root / "bases" / "alpha.yaml"), cwd=tmp_path)
    assert run.returncode == 0
    assert run.stdout.strip() == "0 errors, 0 warnings in 1 file"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert kb("validate", str(tmp_path / "missing")).returncode == 2
    assert kb("validate", "--format", "xml").returncode == 2
    assert kb("no-such-command").returncode == 2


def test_stats_prints_counts_and_gaps() -> None:
    run = kb("stats")
    assert run.returncode == 0
    assert run.stdout.splitlines()[0].split()[:5] == [
        "page",
        "facts",
        "events",
        "claims",
        "supported",
    ]
    assert "Claims not yet assessed" in run.stdout
    assert "Sources without an archive link" in run.stdout


def test_commands_on_bad_data_print_the_report_not_a_traceback(tmp_path: Path) -> None:
    root = write_root(tmp_path / "data", {"bases/alpha.yaml": b"\xff\xfe"})
    for args in (
        ("stats", "--data", str(root)),
        ("pages", str(tmp_path / "out"), "--data", str(root)),
        ("check-links", "--data", str(root)),
    ):
        run = kb(*args, cwd=tmp_path)
        assert run.returncode == 1
        assert "Traceback" not in run.stderr
        assert "data/bases/alpha.yaml:1:1: error [encoding]" in run.stderr
    assert not (tmp_path / "out").exists()


def test_every_data_command_takes_data(tmp_path: Path) -> None:
    """The data folder is given the same way to every command; validate also keeps its
    folder and file arguments."""
    root = write_root(tmp_path / "data", {"actors/party.yaml": "id: party\nid: x\n"})
    for args in (("validate", "--data", str(root)), ("validate", str(root))):
        run = kb(*args, cwd=tmp_path)
        assert run.returncode == 1, args
        assert run.stdout.startswith("data/actors/party.yaml:2:1: error [duplicate-key]"), args
    for command in ("validate", "stats", "pages", "check-links"):
        assert "--data" in kb(command, "--help").stdout, command


def test_validate_data_defaults_to_kb_data(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = write_root(tmp_path / "data", {"actors/party.yaml": "id: party\nid: x\n"})
    env = {**os.environ, "KB_DATA": str(root), "PYTHONPATH": str(paths.ROOT / "scripts")}
    run = subprocess.run(
        [sys.executable, "-m", "kb", "validate"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert "[duplicate-key]" in run.stdout
