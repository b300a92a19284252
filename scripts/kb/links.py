"""Check that every source's `url` and `archive_url` still answers.

Run on a schedule, not in pull requests: other sites' outages must not block contributors.
Requests are concurrent with a bound, time out, retry a little, follow redirects themselves
(so every hop is checked), and refuse anything but http(s) to public addresses: a data file
must not make the checker probe the machine it runs on or its private network.

- A host name is looked up once; the connection goes to the address that was checked, so a
  second lookup cannot answer differently (DNS rebinding).
- "Public" means `is_global`, including the IPv4 address inside IPv4-mapped, IPv4-compatible,
  6to4, Teredo and NAT64 IPv6 addresses.
- Each request has a total deadline, not only a per-read timeout: a server that trickles its
  headers one byte at a time is cut off when the deadline passes.
- Non-ASCII host names are sent in IDNA form and non-ASCII paths percent-encoded.
- A failure while checking one link is reported for that link; the others are still checked.
"""

from __future__ import annotations

import contextlib
import errno
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from kb.chars import shown
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
    unreachable: bool = False
    """The failure was a name lookup or a connection that did not get through: what every
    link gives when the machine has no network."""

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and self.status < 400

    def format(self) -> str:
        why = self.error or f"HTTP {self.status}"
        line = f"{self.link.path}:{self.link.line}: {self.link.field} {self.link.url} -> {why}"
        return shown(line)


class Refused(Exception):
    """The address may not be fetched."""


class HostNotFound(Refused):
    """The host name could not be looked up (a dead domain, or no network at all)."""


_NO_ROUTE = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.ECONNREFUSED}


def _unreachable(e: BaseException) -> bool:
    """Whether a failure means the request never reached a server."""
    if isinstance(e, ConnectionError | TimeoutError | socket.timeout | DeadlineExceeded):
        return True
    return isinstance(e, OSError) and e.errno in _NO_ROUTE


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


IP = ipaddress.IPv4Address | ipaddress.IPv6Address
Info = tuple[int, int, int, str, tuple[object, ...]]
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_V4_COMPATIBLE = ipaddress.ip_network("::/96")
_NOT_GLOBAL = tuple(
    ipaddress.ip_network(n)
    for n in ("192.0.0.0/24", "64:ff9b:1::/48", "2001::/23", "5f00::/16", "3fff::/20")
)
"""IANA special-purpose ranges that are not globally reachable but that `is_global` misses
before Python 3.12.4 (CVE-2024-4032); the few global exceptions inside them do not matter to
a link checker."""


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries and may be routed to."""
    found = [v4 for v4 in (ip.ipv4_mapped, ip.sixtofour) if v4 is not None]
    if ip.teredo:
        found.extend(ip.teredo)
    if ip in _V4_COMPATIBLE or any(ip in net for net in _NAT64):
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


def public(ip: IP) -> bool:
    """Whether an address is globally routable, and so is any IPv4 address inside it."""
    if not ip.is_global or ip.is_multicast or any(ip in net for net in _NOT_GLOBAL):
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        return all(public(v4) for v4 in _embedded_ipv4(ip))
    return True


def _resolve(host: str, port: int, allow_private: bool) -> Info:
    """The one address to connect to (as getaddrinfo gives it); refused unless every address
    of the host is public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise HostNotFound(f"host not found ({e.strerror})") from None
    except UnicodeError:
        raise Refused("host name cannot be encoded") from None
    if not infos:
        raise HostNotFound("host not found")
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not allow_private and not public(ip):
            raise Refused(f"refused: {host} resolves to a non-public address ({ip})")
    return infos[0]


def _connect(address: Info, timeout: float) -> socket.socket:
    """A socket connected to exactly this address: no name lookup happens here."""
    family, kind, proto, _, sockaddr = address
    sock = socket.socket(family, kind, proto)
    try:
        sock.settimeout(timeout)
        sock.connect(sockaddr)
    except BaseException:
        sock.close()
        raise
    return sock


class _Pinned(http.client.HTTPConnection):
    """HTTP to an address checked beforehand; the host name is used only in the Host header."""

    def __init__(self, host: str, port: int, address: Info, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = _connect(self.address, self.timeout if self.timeout is not None else 15.0)


class _PinnedTLS(http.client.HTTPSConnection):
    """HTTPS to an address checked beforehand; the certificate is checked for the host name."""

    def __init__(self, host: str, port: int, address: Info, timeout: float) -> None:
        self.tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.address = address

    def connect(self) -> None:
        self.sock = self.tls.wrap_socket(
            _connect(self.address, self.timeout if self.timeout is not None else 15.0),
            server_hostname=self.host,
        )


def _ascii_host(host: str) -> str:
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        raise Refused(f"refused: host name '{host}' cannot be written in IDNA form") from None


def _target(path: str, query: str) -> str:
    """The request target with non-ASCII and unsafe characters percent-encoded (existing
    %-escapes are kept)."""
    target = quote(path or "/", safe="/%:@!$&'()*+,;=~")
    return target + ("?" + quote(query, safe="/%:@!$&'()*+,;=~?") if query else "")


class DeadlineExceeded(Exception):
    """The whole request took longer than its deadline."""


def _request(url: str, timeout: float, allow_private: bool) -> tuple[int, str | None]:
    """One GET without following redirects, finished within `timeout` seconds in total:
    the status and the Location header."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refused(f"refused: only http and https addresses are checked ({parts.scheme}:)")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    host = _ascii_host(parts.hostname)
    address = _resolve(host, port, allow_private)
    kind = _PinnedTLS if parts.scheme == "https" else _Pinned
    conn = kind(host, port, address, timeout)
    expired = threading.Event()

    def expire() -> None:
        expired.set()
        sock = conn.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes a read that is still waiting

    timer = threading.Timer(timeout, expire)
    timer.daemon = True
    timer.start()
    try:
        conn.request(
            "GET",
            _target(parts.path, parts.query),
            headers={"User-Agent": USER_AGENT, "Accept": "*/*"},
        )
        response = conn.getresponse()
        location = response.getheader("Location")
        if expired.is_set():
            raise DeadlineExceeded
        return response.status, _redecoded(location)
    except (OSError, http.client.HTTPException):
        if expired.is_set():
            raise DeadlineExceeded from None
        raise
    finally:
        timer.cancel()
        conn.close()


def _redecoded(header: str | None) -> str | None:
    """http.client reads headers as Latin-1; a Location sent as UTF-8 is decoded as such."""
    if header is None:
        return None
    try:
        return header.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return header


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
        except HostNotFound as e:
            return Result(link, None, str(e), unreachable=True)
        except Refused as e:
            return Result(link, None, str(e))
        except (OSError, http.client.HTTPException, DeadlineExceeded) as e:
            if attempt < retries:
                attempt += 1
                time.sleep(0.2 * attempt)
                continue
            reason = (
                "timed out"
                if isinstance(e, TimeoutError | socket.timeout | DeadlineExceeded)
                else str(e)
            )
            return Result(link, None, reason or type(e).__name__, unreachable=_unreachable(e))
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


def _check_safely(link: Link, options: dict[str, object]) -> Result:
    """`check_one`, with any unforeseen failure reported as this link's result."""
    try:
        return check_one(link, **options)  # type: ignore[arg-type]
    except Exception as e:  # one bad link must not cost the report on all the others
        return Result(link, None, f"could not be checked ({type(e).__name__}: {e})")


def check_all(items: list[Link], *, concurrency: int = 8, **options: object) -> list[Result]:
    """Check every link, at most `concurrency` at a time; one result per link, in input order."""
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        return list(pool.map(lambda link: _check_safely(link, options), items))


def hosts(items: Iterable[Link]) -> list[str]:
    """The distinct host names of the links, in order."""
    seen: dict[str, None] = {}
    for link in items:
        host = urlsplit(link.url).hostname
        if host and urlsplit(link.url).scheme in ("http", "https"):
            seen.setdefault(host)
    return list(seen)


def lookups_fail(names: list[str], probes: int = 3) -> bool:
    """Whether the first few host names all fail to resolve: with several unrelated hosts,
    that means no name service, not dead links. False when there is nothing to probe."""
    tried = names[:probes]
    for host in tried:
        try:
            socket.getaddrinfo(_ascii_host(host), 443, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError, Refused):
            continue
        return False
    return bool(tried)


def offline(results: list[Result]) -> bool:
    """Whether every link failed before reaching any server: the checker has no network,
    and reporting each link as dead would be wrong."""
    return bool(results) and all(r.unreachable for r in results)
