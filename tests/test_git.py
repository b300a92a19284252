"""Freshness from git: right when history is there, silent when it is not."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kb import git, paths

HAS_HISTORY = git.last_changed(paths.DATA, paths.ROOT) != {}


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(cwd), *args], check=True, capture_output=True, text=True
    ).stdout


def _repo(tmp_path: Path) -> Path:
    """A repository with two commits on known dates, each adding one data file."""
    repo = tmp_path / "repo"
    (repo / "data" / "bases").mkdir(parents=True)
    _git(repo, "init", "-q")
    for n, day in enumerate(("2024-01-02", "2025-03-04")):
        (repo / "data" / "bases" / f"b{n}.yaml").write_text(f"id: b{n}\n")
        _git(repo, "add", ".")
        when = f"{day}T12:00:00"
        env = {
            **os.environ,
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
        }
        subprocess.run(
            ["git", "-C", str(repo), "commit", "-q", "-m", f"c{n}"],
            env=env,
            check=True,
            capture_output=True,
        )
    return repo


def test_dates_come_from_the_last_commit_touching_each_file(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    assert git.last_changed(repo / "data", repo) == {
        "data/bases/b0.yaml": "2024-01-02",
        "data/bases/b1.yaml": "2025-03-04",
    }


def test_paths_are_relative_to_base_even_through_a_link(tmp_path: Path) -> None:
    """Dates are keyed by the path from `base`, reached through a symbolic link or not; files
    outside `base` are left out."""
    repo = _repo(tmp_path)
    (repo / "data" / "other.yaml").write_text("id: other\n")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "c2")
    (tmp_path / "link").symlink_to(repo)
    expected = {"bases/b0.yaml": "2024-01-02", "bases/b1.yaml": "2025-03-04"}
    expected["other.yaml"] = _git(repo, "log", "-1", "--format=%cs").strip()
    assert git.last_changed(repo / "data", repo / "data") == expected
    assert git.last_changed(tmp_path / "link" / "data", tmp_path / "link" / "data") == expected
    assert git.last_changed(repo / "data", repo / "data" / "bases") == {
        "b0.yaml": "2024-01-02",
        "b1.yaml": "2025-03-04",
    }


def test_uncommitted_changes_say_nothing(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "data" / "bases" / "b0.yaml").write_text("id: b0\nname: changed\n")
    assert git.last_changed(repo / "data", repo) == {"data/bases/b1.yaml": "2025-03-04"}


def test_outside_git_says_nothing(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    assert git.last_changed(tmp_path / "data", tmp_path) == {}


def test_shallow_clone_says_nothing(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)],
        check=True,
        capture_output=True,
    )
    assert _git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    assert git.last_changed(clone / "data", clone) == {}


def test_missing_git_says_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert shutil.which("git") is None
    assert git.last_changed(paths.DATA, paths.ROOT) == {}
    assert git.commit_epoch(paths.ROOT) is None


@pytest.mark.skipif(not HAS_HISTORY, reason="this checkout has no full git history")
def test_generated_pages_show_when_their_yaml_changed(built_site: Path) -> None:
    from sitebuild import soup

    date = git.last_changed(paths.DATA, paths.ROOT)["data/bases/incirlik.yaml"]
    from kb.render import human_date

    text = soup(built_site, "bases/incirlik").get_text()
    assert f"last changed on {human_date(date)}" in text
