"""Checking thousands of files on every core, and without the garbage collector's rescans.

Parsing is pure CPU work per file, so a large data root is split between forked worker
processes and the current one; each worker has its jobs through the fork and sends back
only its results (marshalled when they are plain values) in messages as it goes, which the
current process unpacks between its own jobs; put back in the original order, they are the
same as a serial run's (tests compare them). Forking is used only where it is safe and
pays: on a system with `fork`, from a process with no other threads (`mkdocs serve` runs a
watcher thread; its rebuilds check only edited files anyway), and with at least
`FILES_PER_WORKER` files for each process. `KB_WORKERS=1` turns it off.
"""

from __future__ import annotations

import fcntl
import gc
import marshal
import os
import pickle
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
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


def _pack(results: Any) -> tuple[bytes, bytes]:
    """A worker's results for the pipe, with their kind: marshal (m) when they are plain
    values (data, tuples, text: several times faster than pickle for a large corpus), else
    pickle (p)."""
    try:
        return b"m", marshal.dumps(results)
    except ValueError:
        return b"p", pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)


CHUNK = 64
"""A worker sends its results in messages of this many jobs, as it goes: this process takes
them in between its own jobs, so unpacking them overlaps the worker's parsing instead of
following it."""

PIPE_BYTES = 1 << 20
"""Asked-for pipe capacity, so a worker rarely waits for this process to take a message."""

_HEAD = 9  # a message: one kind byte (m, p or e), eight bytes of length, the payload


def _send(pipe: Any, kind: bytes, payload: bytes) -> None:
    pipe.write(kind + len(payload).to_bytes(8, "little"))
    pipe.write(payload)
    pipe.flush()


def _fork(fn: Callable[[J], R], jobs: Sequence[J]) -> tuple[int, int]:
    """Start a process that works through `jobs` (it has them already: memory is shared on
    fork, so nothing is sent to it) and writes its results to a pipe, CHUNK jobs per message.
    (pid, read end)."""
    read, write = os.pipe()
    with suppress(AttributeError, OSError):  # not Linux, or over the system's limit
        fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    os.close(read)  # pragma: no cover - runs in the worker
    code = 0  # pragma: no cover
    try:  # pragma: no cover
        with os.fdopen(write, "wb") as pipe:
            try:
                for start in range(0, len(jobs), CHUNK):
                    _send(pipe, *_pack(_share(fn, jobs[start : start + CHUNK])))
            except BaseException as error:  # raised again in the parent
                try:
                    payload = pickle.dumps(error)
                except Exception:
                    payload = pickle.dumps(RuntimeError(repr(error)))
                _send(pipe, b"e", payload)
                code = 1
    finally:
        os._exit(code)  # no clean-up: the parent owns every resource


class _Receiver:
    """One worker's results as its messages arrive: `take` unpacks what is there without
    waiting; `finish` waits for the rest and for the worker to end."""

    def __init__(self, pid: int, read: int, expected: int) -> None:
        self.pid, self.read, self.expected = pid, read, expected
        self.buffer = bytearray()
        self.results: list[Any] = []
        self.error: BaseException | None = None
        os.set_blocking(read, False)

    def take(self) -> None:
        """Unpack every whole message the pipe holds now."""
        while True:
            try:
                data = os.read(self.read, PIPE_BYTES)
            except BlockingIOError:
                break
            if not data:
                break
            self.buffer += data
        self._unpack()

    def _unpack(self) -> None:
        buffer = self.buffer
        while len(buffer) >= _HEAD:
            size = int.from_bytes(buffer[1:_HEAD], "little")
            if len(buffer) < _HEAD + size:
                return
            kind = buffer[0]
            with memoryview(buffer)[_HEAD : _HEAD + size] as payload:
                value = marshal.loads(payload) if kind == ord("m") else pickle.loads(payload)
            del buffer[: _HEAD + size]
            if kind == ord("e"):
                self.error = value
            else:
                self.results.extend(value)

    def finish(self) -> list[Any]:
        """Every result, once the worker has written them all and ended."""
        os.set_blocking(self.read, True)
        with os.fdopen(self.read, "rb") as pipe:
            self.buffer += pipe.read()
        os.waitpid(self.pid, 0)
        self._unpack()
        if self.error is not None:
            raise self.error
        if self.buffer or len(self.results) != self.expected:
            raise RuntimeError(
                f"a worker process ended after {len(self.results)} of its {self.expected} results"
            )
        return self.results


def map_jobs(fn: Callable[[J], R], jobs: Sequence[J], workers: int | None = None) -> list[R]:
    """`[fn(job) for job in jobs]`, shared between `workers` processes (default: `workers_for`).

    Jobs are dealt out in turn, so each process gets a similar mix; this process takes the
    first share while forked workers take the others. Workers get their jobs by the fork
    itself and send back only `fn`'s results, in messages this process unpacks between its
    own jobs. An exception in `fn` is raised here."""
    count = workers_for(len(jobs)) if workers is None else workers
    if count <= 1 or len(jobs) < 2:
        return _share(fn, jobs)
    owners = _deal(len(jobs), count)
    shares = [[jobs[n] for n in owned] for owned in owners]
    receivers = [_Receiver(*_fork(fn, share), len(share)) for share in shares[1:]]
    try:
        own: list[R] = []
        for job in shares[0]:
            own.append(fn(job))
            for receiver in receivers:
                receiver.take()
    finally:
        results = [own, *(receiver.finish() for receiver in receivers)]
    out: list[R] = [None] * len(jobs)  # type: ignore[list-item]
    for owned, result in zip(owners, results, strict=True):
        for n, value in zip(owned, result, strict=True):
            out[n] = value
    return out


HANDED_ON = 20
"""This process hands one in HANDED_ON of its jobs on to the workers: it also unpacks their
results between its own jobs, which a worker's packing and its copied pages almost make up
for (at 1,000 installations, in CPU seconds on a busy machine: with one in 12 this process
waited 0.06-0.14 for the worker, with one in 32 the worker waited up to 0.14 for it)."""


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
