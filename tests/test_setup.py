"""The two README commands and CI: they set everything up and pass arguments through."""

from __future__ import annotations

import subprocess
import time

from kb import paths


def test_readme_opens_with_the_two_commands() -> None:
    lines = (paths.ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "```sh"
    assert lines[1].startswith("scripts/serve ")
    assert lines[2].startswith("scripts/test ")


def test_scripts_bootstrap_then_pass_arguments_through() -> None:
    for name, command in (
        ("serve", 'exec mkdocs serve "$@"'),
        ("test", 'exec python -m pytest "$@"'),
    ):
        text = (paths.ROOT / "scripts" / name).read_text(encoding="utf-8")
        assert 'source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"' in text
        assert text.rstrip().endswith(command)


def test_scripts_test_runs_ruff_and_strict_mypy_first() -> None:
    """CI runs scripts/test, so the linters run there, before pytest, and fail the run."""
    import tomllib

    lines = (paths.ROOT / "scripts" / "test").read_text(encoding="utf-8").splitlines()
    steps = [line for line in lines if line and not line.startswith(("#", "source"))]
    assert steps == ["ruff check scripts tests", "mypy", 'exec python -m pytest "$@"']
    config = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["mypy"]["strict"] is True
    assert "scripts/kb" in config["tool"]["mypy"]["files"]
    assert "scripts/kb_hook.py" in config["tool"]["mypy"]["files"]


def test_ci_runs_the_readme_test_command_with_chromium() -> None:
    text = (paths.ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "apt-get update" in text and "chromium" in text
    assert "export CI=true" in text
    assert "exec scripts/test" in text
    assert "playwright install" not in text


def test_bootstrap_installs_nothing_when_the_lock_is_unchanged() -> None:
    """With .venv matching requirements.lock, set-up is a no-op (it reinstalls on a new lock)."""
    start = time.monotonic()
    run = subprocess.run(
        ["bash", "-c", "source scripts/bootstrap.sh && command -v mkdocs"],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "installing" not in run.stderr
    assert run.stdout.strip() == str(paths.ROOT / ".venv" / "bin" / "mkdocs")
    assert time.monotonic() - start < 10


def test_lock_pins_every_dependency_with_hashes() -> None:
    lock = (paths.ROOT / "requirements.lock").read_text(encoding="utf-8")
    pins = [
        line
        for line in lock.splitlines()
        if line and not line[0].isspace() and not line.startswith("#")
    ]
    assert pins and all("==" in p for p in pins), pins[:3]
    assert lock.count("--hash=sha256:") >= len(pins)
    names = {p.split("==")[0] for p in pins}
    assert {
        "mkdocs",
        "mkdocs-material",
        "pyyaml",
        "jinja2",
        "jsonschema",
        "click",
        "pytest",
        "playwright",
        "mypy",
        "types-pyyaml",
        "types-jsonschema",
    } <= names
    version = {p.split("==")[0]: p.split("==")[1].split()[0] for p in pins}
    assert version["mkdocs"].startswith("1.6.")
    assert tuple(int(x) for x in version["mkdocs-material"].split(".")[:3]) >= (9, 7, 7)
    assert tuple(int(x) for x in version["click"].split(".")[:2]) >= (8, 4)
