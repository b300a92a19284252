"""The link checker against a local HTTP server: good, dead, broken, looping and slow links."""

from __future__ import annotations

import http.server
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import VALID, run_kb, write_root

from kb import links


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/ok":
            self._send(200)
        elif self.path == "/missing":
            self._send(404)
        elif self.path == "/broken":
            self._send(500)
        elif self.path == "/loop":
            self._send(302, "/loop")
        elif self.path == "/moved":
            self._send(301, "/ok")
        elif self.path == "/slow":
            time.sleep(3)
            self._send(200)
        else:
            self._send(404)

    def _send(self, status: int, location: str | None = None) -> None:
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _root(tmp_path: Path, server: str) -> Path:
    files = {}
    for name in ("ok", "missing", "broken", "loop", "moved", "slow"):
        files[f"sources/link-{name}.yaml"] = (
            VALID["sources/src-one.yaml"]
            .replace("id: src-one", f"id: link-{name}")
            .replace("url: https://news.example/report", f"url: {server}/{name}")
        )
    for name in ("src-one", "src-party"):
        text = VALID[f"sources/{name}.yaml"]
        files[f"sources/{name}.yaml"] = "\n".join(
            f"url: {server}/ok" if line.startswith("url:") else line for line in text.split("\n")
        )
    return write_root(tmp_path / "data", files)


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_kb("check-links", *args, cwd=cwd)


def test_dead_links_are_reported_with_file_and_line(tmp_path: Path, server: str) -> None:
    root = _root(tmp_path, server)
    start = time.monotonic()
    run = _run(
        "--data", str(root), "--allow-private", "--timeout", "1", "--retries", "1", cwd=tmp_path
    )
    elapsed = time.monotonic() - start
    assert run.returncode == 1, run.stderr
    lines = run.stdout.strip().splitlines()
    assert lines == [
        f"data/sources/link-broken.yaml:5: url {server}/broken -> HTTP 500",
        f"data/sources/link-loop.yaml:5: url {server}/loop -> more than 5 redirects",
        f"data/sources/link-missing.yaml:5: url {server}/missing -> HTTP 404",
        f"data/sources/link-slow.yaml:5: url {server}/slow -> timed out",
        "8 links checked, 4 dead",
    ]
    assert elapsed < 20  # concurrent: the slow link's retries do not serialise the rest


def test_loopback_is_refused_without_the_test_flag(tmp_path: Path, server: str) -> None:
    run = _run("--data", str(_root(tmp_path, server)), "--timeout", "1", cwd=tmp_path)
    assert run.returncode == 1
    assert (
        f"data/sources/link-ok.yaml:5: url {server}/ok -> refused: 127.0.0.1 resolves to a "
        "non-public address (127.0.0.1)" in run.stdout
    )


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "refused: only http and https addresses are checked (file:)"),
        ("ftp://example.org/x", "refused: only http and https addresses are checked (ftp:)"),
        ("http://10.0.0.1/", "refused: 10.0.0.1 resolves to a non-public address (10.0.0.1)"),
        (
            "http://169.254.169.254/latest",
            "refused: 169.254.169.254 resolves to a non-public address (169.254.169.254)",
        ),
        ("http://[::1]:80/", "refused: ::1 resolves to a non-public address (::1)"),
        ("http://localhost/", "refused: localhost resolves to a non-public address"),
    ],
)
def test_unsafe_targets_are_refused_before_any_request(url: str, reason: str) -> None:
    result = links.check_one(links.Link("x.yaml", 1, "url", url), timeout=1, retries=0)
    assert result.error is not None and result.error.startswith(reason), result.error


def test_redirects_are_followed(server: str) -> None:
    link = links.Link("x.yaml", 1, "url", f"{server}/moved")
    ok = links.check_one(link, timeout=1, retries=0, allow_private=True)
    assert ok.ok and ok.status == 200


def test_every_redirect_hop_is_checked(server: str, monkeypatch) -> None:
    """A page may not redirect the checker somewhere it would refuse to go directly."""
    calls = []

    def first_hop_only(host: str, port: int, allow_private: bool) -> None:
        calls.append(host)
        if len(calls) > 1:
            raise links.Refused(f"refused: {host} resolves to a non-public address")

    monkeypatch.setattr(links, "_check_address", first_hop_only)
    result = links.check_one(
        links.Link("x.yaml", 1, "url", f"{server}/moved"), timeout=1, retries=0
    )
    assert len(calls) == 2
    assert result.error == "refused: 127.0.0.1 resolves to a non-public address"


def test_data_errors_stop_the_check(tmp_path: Path) -> None:
    root = write_root(tmp_path / "data", {"actors/party.yaml": "id: party\nid: x\n"})
    run = _run("--data", str(root), cwd=tmp_path)
    assert run.returncode == 1
    assert "data/actors/party.yaml:2:1: error [duplicate-key]" in run.stderr
