"""A forked worker sends its results in messages as it goes, and this process takes them in
between its own jobs: the results come back whole and in order, whatever their kind, however
many messages they take, and a worker's exception is raised here."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kb import check, parallel
from kb.loader import root_files


def _square(n: int) -> tuple[int, int]:
    return n, n * n


class _Odd:
    """Not a plain value: marshal refuses it, so its messages are pickled."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Odd) and other.n == self.n

    __hash__ = None  # type: ignore[assignment]


def _fails_at_41(n: int) -> int:
    if n == 41:
        raise ValueError(f"job {n} in process {os.getpid()}")
    return n


@pytest.mark.parametrize("workers", [2, 3])
def test_results_over_many_messages_come_back_in_order(
    monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 7)
    jobs = list(range(500))
    assert parallel.map_jobs(_square, jobs, workers=workers) == [_square(n) for n in jobs]
    assert parallel.map_jobs(_Odd, jobs, workers=workers) == [_Odd(n) for n in jobs]


def test_results_larger_than_the_pipe_come_back_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 3)
    jobs = [str(n) * 200_000 for n in range(12)]  # messages of several pipe-fulls
    assert parallel.map_jobs(len, jobs, workers=2) == [len(j) for j in jobs]


def test_an_exception_in_a_worker_after_some_messages_is_raised_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 4)
    owners = parallel._deal(100, 2)
    assert 41 in owners[1]  # the worker meets job 41, after sending messages before it
    with pytest.raises(ValueError, match="job 41 in process") as raised:
        parallel.map_jobs(_fails_at_41, list(range(100)), workers=2)
    assert str(os.getpid()) not in str(raised.value)


def test_a_corpus_streamed_in_small_messages_gives_the_serial_outcomes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kb import corpus

    root = corpus.write(tmp_path / "c", 6, claims=2)
    (root / "bases" / "b00003.yaml").write_text("id: [a\n", encoding="utf-8")
    files, _ = root_files(root, tmp_path)
    serial = parallel.map_jobs(check._read_and_check, files, workers=1)
    monkeypatch.setattr(parallel, "CHUNK", 5)
    streamed = parallel.map_jobs(check._read_and_check, files, workers=2)
    assert streamed == serial
    assert len(files) > 4 * parallel.CHUNK


def _ends_at_31(n: int) -> int:
    if n == 31:
        os._exit(0)  # a worker that dies without a word (killed, out of memory)
    return n


def test_a_worker_that_ends_early_is_an_error_not_a_short_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 4)
    share = parallel._deal(100, 2)[1]
    sent = share.index(31) // 4 * 4  # the whole messages before job 31
    said = f"a worker process ended after {sent} of its {len(share)} results"
    with pytest.raises(RuntimeError, match=said):
        parallel.map_jobs(_ends_at_31, list(range(100)), workers=2)
