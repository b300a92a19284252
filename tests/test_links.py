"""The link checker against a local HTTP server: good, dead, broken, looping and slow links."""

from __future__ import annotations

import http.server
import ipaddress
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import VALID, run_kb, write_root

from kb import links

SEEN: list[tuple[str, str | None]] = []
"""(request target, Host header) of every request the test server received."""


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        SEEN.append((self.path, self.headers.get("Host")))
        if self.path == "/ok" or self.path.startswith("/ok/"):
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
        elif self.path == "/trickle":  # each header byte well within any read timeout
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for _ in range(40):
                self.wfile.write(b"X")
                self.wfile.flush()
                time.sleep(0.1)
        elif self.path == "/escape":  # a status line that would clear a terminal
            self.wfile.write(b"HTTP/1.1 \x1b[2J\x1b]0;owned\x07 OK\r\n\r\n")
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

    def first_hop_only(host: str, port: int, allow_private: bool) -> links.Info:
        calls.append(host)
        if len(calls) > 1:
            raise links.Refused(f"refused: {host} resolves to a non-public address")
        return socket.getaddrinfo("127.0.0.1", port, type=socket.SOCK_STREAM)[0]

    monkeypatch.setattr(links, "_resolve", first_hop_only)
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


def _link(url: str) -> links.Link:
    return links.Link("x.yaml", 1, "url", url)


@pytest.mark.parametrize(
    "address",
    [
        "100.64.0.1",  # carrier-grade NAT
        "100.127.255.254",
        "192.0.0.8",  # IETF protocol assignments
        "198.18.0.1",  # benchmarking
        "240.0.0.1",  # reserved
        "0.0.0.0",
        "255.255.255.255",
        "224.0.0.251",  # multicast
        "::ffff:127.0.0.1",  # IPv4-mapped loopback
        "::ffff:10.0.0.1",
        "::ffff:100.64.0.1",
        "::127.0.0.1",  # IPv4-compatible
        "2002:7f00:1::",  # 6to4 of 127.0.0.1
        "2002:a00:1::1",  # 6to4 of 10.0.0.1
        "2002:6440:1::",  # 6to4 of 100.64.0.1
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
        "fc00::1",
        "fe80::1",
        "ff0e::1",  # global-scope multicast
        "2001:db8::1",
        "2001:2::1",  # benchmarking, inside 2001::/23
        "5f00::1",  # SRv6 segment identifiers
    ],
)
def test_every_non_global_address_is_refused(address: str) -> None:
    host = f"[{address}]" if ":" in address else address
    result = links.check_one(_link(f"http://{host}/"), timeout=1, retries=0)
    shown = ipaddress.ip_address(address)
    assert result.error == f"refused: {address} resolves to a non-public address ({shown})"


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "2606:4700:4700::1111", "2002:5db8:d822::1", "64:ff9b::5db8:d822"]
)
def test_global_addresses_count_as_public(address: str) -> None:
    assert links.public(ipaddress.ip_address(address))


def test_the_checked_address_is_the_one_connected_to(server: str, monkeypatch) -> None:
    """One lookup per request: a second answer (DNS rebinding) is never asked for."""
    port = int(server.rsplit(":", 1)[1])
    lookups: list[str] = []
    real = socket.getaddrinfo

    def rebinding(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        lookups.append(host)
        if len(lookups) > 1:  # a rebinding resolver answers differently the second time
            raise AssertionError("looked up twice")
        return real("127.0.0.1", *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    SEEN.clear()
    result = links.check_one(
        _link(f"http://rebind.example:{port}/ok"), timeout=2, retries=0, allow_private=True
    )
    assert result.ok, result.error
    assert lookups == ["rebind.example"]
    assert [("/ok", f"rebind.example:{port}")] == SEEN


def test_a_server_trickling_headers_hits_the_total_deadline(server: str) -> None:
    start = time.monotonic()
    result = links.check_one(_link(f"{server}/trickle"), timeout=1, retries=0, allow_private=True)
    elapsed = time.monotonic() - start
    assert result.error == "timed out"
    assert elapsed < 2.5, elapsed


def test_non_ascii_paths_are_percent_encoded(server: str) -> None:
    SEEN.clear()
    result = links.check_one(
        _link(f"{server}/ok/çiğli haber?q=İzmir&x=%41"), timeout=2, retries=0, allow_private=True
    )
    assert result.ok, result.error
    assert SEEN[0][0] == "/ok/%C3%A7i%C4%9Fli%20haber?q=%C4%B0zmir&x=%41"


def test_non_ascii_hosts_are_sent_in_idna_form(server: str, monkeypatch) -> None:
    port = int(server.rsplit(":", 1)[1])
    asked: list[str] = []
    real = socket.getaddrinfo

    def local(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(host)
        return real("127.0.0.1", *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", local)
    SEEN.clear()
    result = links.check_one(
        _link(f"http://çiğli.example:{port}/ok"), timeout=2, retries=0, allow_private=True
    )
    assert result.ok, result.error
    assert asked == ["xn--ili-1la5z.example"]
    assert [("/ok", f"xn--ili-1la5z.example:{port}")] == SEEN


def test_one_failing_link_does_not_stop_the_report(server: str, monkeypatch) -> None:
    real = links.check_one

    def fragile(link, **options):  # type: ignore[no-untyped-def]
        if link.url.endswith("/boom"):
            raise RuntimeError("unforeseen")
        return real(link, **options)

    monkeypatch.setattr(links, "check_one", fragile)
    items = [_link(f"{server}/ok"), _link(f"{server}/boom"), _link(f"{server}/missing")]
    results = links.check_all(items, timeout=2, retries=0, allow_private=True)
    assert [(r.link.url, r.status, r.error) for r in results] == [
        (f"{server}/ok", 200, None),
        (f"{server}/boom", None, "could not be checked (RuntimeError: unforeseen)"),
        (f"{server}/missing", 404, None),
    ]


def test_the_command_reports_every_link_with_a_non_ascii_url(tmp_path: Path, server: str) -> None:
    root = _root(tmp_path, server)
    path = root / "sources" / "link-ok.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(f"{server}/ok", f"{server}/ok/çiğli"),
        encoding="utf-8",
    )
    run = _run(
        "--data", str(root), "--allow-private", "--timeout", "1", "--retries", "0", cwd=tmp_path
    )
    assert run.returncode == 1, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "8 links checked, 4 dead"


def test_server_text_cannot_reach_the_terminal(server: str) -> None:
    result = links.check_one(_link(f"{server}/escape"), timeout=2, retries=0, allow_private=True)
    assert result.error and "\x1b" in result.error
    line = result.format()
    assert "\x1b" not in line and "\x07" not in line
    assert "\\x1b[2J" in line
