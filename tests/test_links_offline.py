"""`kb check-links` on a machine without a network says so in one line (exit 2) instead of
reporting every link dead. The network is faked: no test here touches a real resolver."""

from __future__ import annotations

import errno
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import VALID, write_root

from kb import links
from kb.cli import main


def _root(tmp_path: Path) -> Path:
    files = {}
    for i, host in enumerate(("one.example", "two.example", "three.example", "four.example")):
        files[f"sources/net-{i}.yaml"] = (
            VALID["sources/src-one.yaml"]
            .replace("id: src-one", f"id: net-{i}")
            .replace("https://news.example/report", f"https://{host}/page")
        )
    return write_root(tmp_path / "data", files)


def _run(root: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(
        main, ["check-links", "--data", str(root), "--timeout", "1", "--retries", "0"]
    )
    return result.exit_code, result.output.strip().splitlines()


def _no_dns(*args: object, **kwargs: object) -> object:
    raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")


def test_no_name_service_is_one_line_and_exit_2(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(socket, "getaddrinfo", _no_dns)
    code, lines = _run(_root(tmp_path))
    assert code == 2, lines
    assert len(lines) == 1 and lines[0].startswith("no network:"), lines
    assert "dead" not in lines[0]


def _public(host: str, port: int, *args: object, **kwargs: object) -> list[object]:
    return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port))]


def _no_route(address: object, timeout: float) -> socket.socket:
    raise OSError(errno.ENETUNREACH, "Network is unreachable")


def test_names_resolve_but_nothing_connects_is_offline_too(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(socket, "getaddrinfo", _public)
    monkeypatch.setattr(links, "_connect", _no_route)
    code, lines = _run(_root(tmp_path))
    assert code == 2, lines
    assert len(lines) == 1 and "none of the 6 links reached a server" in lines[0], lines


def test_one_dead_domain_among_live_ones_is_a_dead_link_not_offline() -> None:
    link = links.Link("x.yaml", 1, "url", "https://gone.example/")
    dead = links.Result(link, None, "host not found", unreachable=True)
    alive = links.Result(link, 200, None)
    assert links.offline([dead, dead])
    assert not links.offline([dead, alive])
    assert not links.offline([])


@pytest.mark.parametrize("resolvable", ["two.example", "three.example"])
def test_one_host_that_resolves_means_the_network_is_up(resolvable: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def partial(host: str, port: int, *args: object, **kwargs: object) -> list[object]:
        if host != resolvable:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return _public(host, port)

    monkeypatch.setattr(socket, "getaddrinfo", partial)
    assert not links.lookups_fail(["one.example", "two.example", "three.example"])
    assert links.lookups_fail(["one.example", "four.example"])
