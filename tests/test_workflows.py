"""GitHub workflows: linted offline, least privilege, actions pinned by full commit SHA."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kb import paths

WORKFLOWS = sorted((paths.ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def test_there_are_the_three_workflows() -> None:
    assert {p.name for p in WORKFLOWS} == {"pr.yml", "deploy.yml", "links.yml"}


def test_zizmor_offline_finds_nothing() -> None:
    run = subprocess.run(
        [str(BIN / "zizmor"), "--offline", str(paths.ROOT / ".github")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_workflows_match_github_schema() -> None:
    run = subprocess.run(
        [
            str(BIN / "check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, WORKFLOWS),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege_and_pinned_actions(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    triggers = doc.get(True, doc.get("on"))  # PyYAML reads the key `on` as True
    assert "pull_request_target" not in triggers and "workflow_run" not in triggers
    assert doc["permissions"] == {}
    for line in re.findall(r"uses:\s*(\S+.*)", text):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+(\.\d+)*", line), line
    for job in doc["jobs"].values():
        assert "permissions" in job
        for step in job.get("steps", []):
            assert "${{ github.event" not in step.get("run", "")
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_only_the_deploy_job_can_write_pages() -> None:
    for path in WORKFLOWS:
        for name, job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].items():
            writes = {k for k, v in job["permissions"].items() if v == "write"}
            if path.name == "deploy.yml" and name == "deploy":
                assert writes == {"pages", "id-token"}
                assert job["environment"]["name"] == "github-pages"
                assert job["needs"] == "build"
            else:
                assert writes == set(), (path.name, name)
