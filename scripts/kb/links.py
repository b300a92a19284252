"""Check that every source's `url` and `archive_url` still answers.

Run on a schedule, not in pull requests: other sites' outages must not block contributors.
Requests are concurrent with a bound, time out, retry a little, follow redirects themselves
(so every hop is checked), and refuse anything but http(s) to public addresses: a data file
must not make the checker probe the machine it runs on or its private network.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from kb.loader import Record

REDIRECTS = (301, 302, 303, 307, 308)
USER_AGENT = "kb-link-check/1"


@dataclass(frozen=True)
class Link:
    path: str
    line: int
    field: str
    url: str


@dataclass(frozen=True)
class Result:
    link: Link
    status: int | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and self.status < 400

    def format(self) -> str:
        why = self.error or f"HTTP {self.status}"
        return f"{self.link.path}:{self.link.line}: {self.link.field} {self.link.url} -> {why}"


class Refused(Exception):
    """The address may not be fetched."""


def links(
    records: Iterable[Record], fields: tuple[str, ...] = ("url", "archive_url")
) -> list[Link]:
    """Every source URL with the file and line it is written on."""
    out = []
    for r in records:
        if r.kind != "source":
            continue
        for field in fields:
            value = r.data.get(field)
            if isinstance(value, str):
                out.append(Link(r.path, r.locate((field,))[0], field, value))
    return sorted(out, key=lambda link: (link.path, link.line))


def _check_address(host: str, port: int, allow_private: bool) -> None:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise Refused(f"host not found ({e.strerror})") from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if not allow_private and (
            ip.is_private
            or ip.is_loopback
            or ip.is_link_local
            or ip.is_reserved
            or ip.is_multicast
            or ip.is_unspecified
        ):
            raise Refused(f"refused: {host} resolves to a non-public address ({ip})")


def _request(url: str, timeout: float, allow_private: bool) -> tuple[int, str | None]:
    """One GET without following redirects: the status and the Location header."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refused(f"refused: only http and https addresses are checked ({parts.scheme}:)")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    _check_address(parts.hostname, port, allow_private)
    conn: http.client.HTTPConnection
    if parts.scheme == "https":
        conn = http.client.HTTPSConnection(
            parts.hostname, port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        conn = http.client.HTTPConnection(parts.hostname, port, timeout=timeout)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        conn.request("GET", target, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        response = conn.getresponse()
        return response.status, response.getheader("Location")
    finally:
        conn.close()


def check_one(
    link: Link,
    *,
    timeout: float = 15.0,
    retries: int = 2,
    max_redirects: int = 5,
    allow_private: bool = False,
) -> Result:
    """Fetch a link, following at most `max_redirects` redirects, retrying transient failures."""
    url = link.url
    seen = 0
    attempt = 0
    while True:
        try:
            status, location = _request(url, timeout, allow_private)
        except Refused as e:
            return Result(link, None, str(e))
        except (OSError, http.client.HTTPException) as e:
            if attempt < retries:
                attempt += 1
                time.sleep(0.2 * attempt)
                continue
            reason = "timed out" if isinstance(e, TimeoutError | socket.timeout) else str(e)
            return Result(link, None, reason or type(e).__name__)
        if status in REDIRECTS and location:
            seen += 1
            if seen > max_redirects:
                return Result(link, status, f"more than {max_redirects} redirects")
            url = urljoin(url, location)
            continue
        if status >= 500 and attempt < retries:
            attempt += 1
            time.sleep(0.2 * attempt)
            continue
        return Result(link, status, None)


def check_all(items: list[Link], *, concurrency: int = 8, **options: object) -> list[Result]:
    """Check every link, at most `concurrency` at a time; results in input order."""
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        return list(pool.map(lambda link: check_one(link, **options), items))  # type: ignore[arg-type]
