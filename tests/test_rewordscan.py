"""The rewording scan (kb.rewordscan): it finds in git what the corrections log should show,
and the data's history records every rewording of a claim summary or assessment and every
Turkish-only correction since the claims had summaries, each with its parent's wording
exactly and the commit's date."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from kb import paths, rewordscan

BACKFILLED_UP_TO = "50cc1fc7d1148b16dd48c35ebf3260d7793aab32"
"""main when the back-fill was made: every rewording up to here is in the data's history."""

REPO = paths.DATA.parent


def _git(repo: Path, *args: str, date: str = "2026-01-01T12:00:00+00:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    run = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True
    )
    return run.stdout.strip()


def _page(summary: str, fact: str, event: str, history: str = "") -> str:
    return (
        "id: alpha\n"
        "name: {en: Alpha Air Base, tr: Alfa Hava Üssü}\n"
        "facts:\n"
        f"  - id: alpha-fact\n    text: {fact}\n{history}"
        "events:\n"
        f"  - id: alpha-event\n    text: {event}\n"
        "claims:\n"
        "  - id: alpha-claim\n    text: Something is said.\n"
        f"    summary: {summary}\n"
    )


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A repository whose history has each kind of change, and its commits by name."""
    root = tmp_path / "repo"
    (root / "data" / "bases").mkdir(parents=True)
    _git(root, "init", "-q", "-b", "main")
    commits = {}
    steps = [
        ("start", "2026-01-01", _page("Old words.", "{en: A fact., tr: Bir olgu.}", "An event.")),
        ("summary", "2026-01-02", _page("New words.", "{en: A fact., tr: Bir olgu.}", "An event.")),
        (
            "folding",
            "2026-01-03",
            _page("New   words.", "{en: A fact., tr: Bir olgu.}", "An event."),
        ),
        (
            "turkish",
            "2026-01-04",
            _page("New words.", "{en: A fact., tr: Bir olgudur.}", "An event."),
        ),
        ("both", "2026-01-05", _page("New words.", "{en: One fact., tr: Tek olgu.}", "An event.")),
        (
            "added",
            "2026-01-06",
            _page("New words.", "{en: One fact., tr: Tek olgu.}", "{en: An event., tr: Bir olay.}"),
        ),
    ]
    for name, day, text in steps:
        (root / "data" / "bases" / "alpha.yaml").write_text(text, encoding="utf-8")
        _git(root, "add", "-A")
        _git(root, "commit", "-q", "-m", f"{name} change", date=f"{day}T12:00:00+00:00")
        commits[name] = _git(root, "rev-parse", "HEAD")
    return root, commits


def test_the_scan_finds_rewordings_and_turkish_only_corrections(repo) -> None:
    root, commits = repo
    found = rewordscan.rewordings(root, commits["start"], "HEAD")
    assert [(f.commit, f.date, f.slot, f.lang, f.before) for f in found] == [
        (commits["summary"], "2026-01-02", ("claim", "alpha-claim", "summary"), "en", "Old words."),
        (commits["turkish"], "2026-01-04", ("fact", "alpha-fact", "text"), "tr", "Bir olgu."),
    ]
    assert found[0].subject == "summary change"


def _entries(root: Path, fact_history: str, summary_history: str) -> None:
    text = _page("New words.", "{en: One fact., tr: Tek olgu.}", "{en: An event., tr: Bir olay.}")
    text = text.replace(
        "    text: {en: One fact., tr: Tek olgu.}\n", "    text: x\n" + fact_history
    )
    text = text.replace("    text: x\n", "    text: {en: One fact., tr: Tek olgu.}\n")
    (root / "data" / "bases" / "alpha.yaml").write_text(text + summary_history, encoding="utf-8")


GOOD_FACT = "    history:\n      - {date: 2026-01-04, previous_text: {tr: Bir olgu.}, reason: X.}\n"
GOOD_SUMMARY = "    history:\n      - {date: 2026-01-02, field: summary, previous_text: Old words., reason: X.}\n"


def test_logged_rewordings_match_and_mismatches_are_named(repo) -> None:
    root, commits = repo
    found = rewordscan.rewordings(root, commits["start"], "HEAD")
    _entries(root, "", "")
    missing = rewordscan.problems(found, rewordscan.logged(root))
    assert len(missing) == 2 and all("is not in its history" in m for m in missing), missing
    assert "claim alpha-claim summary (en) reworded by" in missing[0]
    _entries(root, GOOD_FACT, GOOD_SUMMARY)
    assert rewordscan.problems(found, rewordscan.logged(root)) == []
    # the earlier wording not exactly as the parent had it, or dated another day
    _entries(
        root, GOOD_FACT.replace("Bir olgu.", "Bir  olgu"), GOOD_SUMMARY.replace("01-02", "01-03")
    )
    wrong = rewordscan.problems(found, rewordscan.logged(root))
    assert sum("is not in its history" in w for w in wrong) == 2, wrong
    assert sum("no commit that day had this earlier wording" in w for w in wrong) == 2, wrong


def test_the_command_exits_1_on_problems_and_0_when_all_are_logged(repo, capsys) -> None:
    root, commits = repo
    args = ["--repo", str(root), "--since", commits["start"]]
    _entries(root, "", "")
    assert rewordscan.main(args) == 1
    assert "2 rewordings found in git, 2 problems" in capsys.readouterr().out
    _entries(root, GOOD_FACT, GOOD_SUMMARY)
    assert rewordscan.main(args) == 0
    assert rewordscan.main(["--repo", str(root / "nowhere")]) == 2


def _full_history() -> bool:
    try:
        shallow = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--is-shallow-repository"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        subprocess.run(
            ["git", "-C", str(REPO), "cat-file", "-e", f"{BACKFILLED_UP_TO}^{{commit}}"],
            capture_output=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return False
    return shallow == "false"


@pytest.mark.skipif(not _full_history(), reason="needs the repository's full git history")
def test_every_rewording_in_git_is_in_the_data_with_its_parents_wording() -> None:
    """The back-fill: each rewording up to BACKFILLED_UP_TO has its entry; each entry of these
    kinds in the committed data matches a commit of its day whose parent had that wording."""
    found = rewordscan.rewordings(REPO, rewordscan.SUMMARIES_ADDED, "HEAD")
    then = _git(REPO, "rev-list", f"{rewordscan.SUMMARIES_ADDED}..{BACKFILLED_UP_TO}").split()
    until = [f for f in found if f.commit in set(then)]
    assert len(until) >= 142
    entries = rewordscan.logged(REPO, "HEAD")
    # Rewordings up to the back-fill must each be logged; entries of any date (later ones
    # too) must each be explained by a commit anywhere in the history.
    problems = [p for p in rewordscan.problems(until, entries) if "no commit that day" not in p]
    problems += [p for p in rewordscan.problems(found, entries) if "no commit that day" in p]
    assert problems == []
