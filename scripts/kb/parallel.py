"""Checking thousands of files on every core, and without the garbage collector's rescans.

Parsing is pure CPU work per file, so a large data root is split between forked worker
processes and the current one; each worker has its jobs through the fork and sends back
only its results (marshalled when they are plain values), in the original order, the same
as a serial run's (a test compares them). Forking is used only where it is safe and
pays: on a system with `fork`, from a process with no other threads (`mkdocs serve` runs a
watcher thread; its rebuilds check only edited files anyway), and with at least
`FILES_PER_WORKER` files for each process. `KB_WORKERS=1` turns it off.
"""

from __future__ import annotations

import gc
import marshal
import os
import pickle
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

J = TypeVar("J")
R = TypeVar("R")

FILES_PER_WORKER = 500
"""Fewer files than this per process are checked serially: a fork costs more than it saves."""


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def workers_for(jobs: int) -> int:
    """How many processes (this one included) should share `jobs` files."""
    wanted = os.environ.get("KB_WORKERS", "")
    limit = int(wanted) if wanted.isdigit() and int(wanted) > 0 else _cores()
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return 1
    return max(1, min(limit, jobs // FILES_PER_WORKER))


def _share(fn: Callable[[J], R], jobs: Sequence[J]) -> list[R]:
    return [fn(job) for job in jobs]


def _pack(results: Any) -> bytes:
    """A worker's results for the pipe: marshal when they are plain values (data, tuples,
    text: several times faster than pickle for a large corpus), else pickle."""
    try:
        return b"m" + marshal.dumps(results)
    except ValueError:
        return b"p" + pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(payload: bytes) -> Any:
    return marshal.loads(payload[1:]) if payload[:1] == b"m" else pickle.loads(payload[1:])


def _fork(fn: Callable[[J], R], jobs: Sequence[J]) -> tuple[int, int]:
    """Start a process that works through `jobs` (it has them already: memory is shared on
    fork, so nothing is sent to it) and writes its results to a pipe. (pid, read end)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    os.close(read)  # pragma: no cover - runs in the worker
    code = 0  # pragma: no cover
    try:  # pragma: no cover
        payload = _pack(_share(fn, jobs))
    except BaseException as error:  # pragma: no cover - raised again in the parent
        try:
            payload = b"e" + pickle.dumps(error)
        except Exception:
            payload = b"e" + pickle.dumps(RuntimeError(repr(error)))
        code = 1
    try:  # pragma: no cover
        with os.fdopen(write, "wb") as pipe:
            pipe.write(payload)
    finally:
        os._exit(code)  # no clean-up: the parent owns every resource


def _collect(pid: int, read: int) -> Any:
    """A worker's results, once it has written them all and ended."""
    with os.fdopen(read, "rb") as pipe:
        payload = pipe.read()
    os.waitpid(pid, 0)
    if payload[:1] == b"e":
        raise pickle.loads(payload[1:])
    if not payload:
        raise RuntimeError("a worker process ended without results")
    return _unpack(payload)


def map_jobs(fn: Callable[[J], R], jobs: Sequence[J], workers: int | None = None) -> list[R]:
    """`[fn(job) for job in jobs]`, shared between `workers` processes (default: `workers_for`).

    Jobs are dealt out in turn, so each process gets a similar mix; this process takes the
    first share while forked workers take the others. Workers get their jobs by the fork
    itself and send back only `fn`'s results. An exception in `fn` is raised here."""
    count = workers_for(len(jobs)) if workers is None else workers
    if count <= 1 or len(jobs) < 2:
        return _share(fn, jobs)
    owners = _deal(len(jobs), count)
    shares = [[jobs[n] for n in owned] for owned in owners]
    started = [_fork(fn, share) for share in shares[1:]]
    try:
        results = [_share(fn, shares[0])]
    finally:
        results += [_collect(pid, read) for pid, read in started]
    out: list[R] = [None] * len(jobs)  # type: ignore[list-item]
    for owned, result in zip(owners, results, strict=True):
        for n, value in zip(owned, result, strict=True):
            out[n] = value
    return out


HANDED_ON = 12
"""This process hands one in HANDED_ON of its jobs on to the workers: it also receives and
unpacks their results, so an even split would leave them waiting for it."""


def _deal(jobs: int, count: int) -> list[list[int]]:
    """Which job numbers each process takes: in turn, so each gets a similar mix, except that
    every HANDED_ON-th job of this process goes to a worker."""
    owners: list[list[int]] = [[] for _ in range(count)]
    for n in range(jobs):
        turn, owner = divmod(n, count)
        if owner == 0 and turn % HANDED_ON == HANDED_ON - 1:
            owner = 1 + (turn // HANDED_ON) % (count - 1)
        owners[owner].append(n)
    return owners


@contextmanager
def gc_paused(freeze: bool = False) -> Iterator[None]:
    """Loading builds millions of small objects that all stay alive and hold no cycles: the
    collector's generation scans find nothing and cost a third of the time. Paused inside,
    restored after. With `freeze`, what is alive at the end is moved out of the collector's
    reach for good (`gc.freeze`), so the first collection afterwards does not scan it all at
    once; `mkdocs serve` unfreezes at each rebuild (the hook), so old builds can go."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()
