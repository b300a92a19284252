"""URLs are http(s) with a host and nothing that could break out of a link; `archive_url` is a
web-archive snapshot; hosts the schema refuses (encyclopedias, their mirrors, staging servers)
are not cited. Which keys hold URLs, and the refused hosts, are read from the schema."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from kb import schema
from kb.issues import Issue
from kb.rules.context import Context

NAME = "urls"
_BAD = re.compile(r"[\s\"'<>`\\\x00-\x1f\x7f]")
_WAYBACK = re.compile(r"^/web/[0-9]{14}/https?://\S+$")
_ARCHIVE_TODAY = re.compile(r"^/([0-9]{14}/https?://\S+|[A-Za-z0-9]{4,10})$")
ARCHIVE_TODAY_HOSTS = frozenset(
    {"archive.today", "archive.ph", "archive.is", "archive.li", "archive.vn", "archive.md"}
)


def problem(url: str) -> str | None:
    """Why a URL is unacceptable, or None."""
    if _BAD.search(url):
        return "contains a space, quote, angle bracket, backslash or control character"
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError as e:
        return f"cannot be parsed ({e})"
    if parts.scheme not in ("http", "https"):
        return "must start with http:// or https://"
    if not host:
        return "has no host name"
    if parts.username is not None or parts.password is not None:
        return "must not contain a user name or password"
    return None


def archive_problem(url: str) -> str | None:
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".")
    if host == "web.archive.org" and _WAYBACK.match(
        parts.path + ("?" + parts.query if parts.query else "")
    ):
        return None
    if host in ARCHIVE_TODAY_HOSTS and _ARCHIVE_TODAY.match(parts.path):
        return None
    return (
        "is not a web-archive snapshot; use https://web.archive.org/web/<14-digit "
        "timestamp>/<original url> or an archive.today snapshot, exactly as seen"
    )


def refused(url: str) -> str | None:
    """Why the URL's host may not be cited (from `x-refused-hosts`), or None."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    hosts: dict[str, str] = schema.definition("url").get("x-refused-hosts", {})
    for name, why in hosts.items():
        if host == name or host.endswith("." + name):
            return f"points to {name}, which is not cited as a source: {why}"
    return None


def check(ctx: Context) -> list[Issue]:
    keys = schema.keys_of_type("url")
    found: list[Issue] = []
    for record in ctx.each():
        for parent, key, value, _ in ctx.under(record, keys):
            if not isinstance(value, str):
                continue
            path = (*parent, key)
            why = problem(value)
            if why is None and key == "archive_url":
                why = archive_problem(value)
            if why is None and record.kind == "source" and path != ("read_at", "url"):
                why = refused(value)
            if why:
                found.append(record.issue(path, NAME, f"'{key}' {why}"))
    return found
