"""The benchmark's validation figure: `kb validate` in a fresh process, as a user runs it.

Cold means nothing remembered at all: no checked file, no compiled schema, no imported
module, no warm cache of any kind. Timing `check_root` inside the benchmark's own process
after clearing the memo still reuses compiled validators and imports, so the figure here is
the wall time of a new `python -m kb validate --data ROOT` (best of the runs) and the CPU
seconds it and its workers used.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from kb import paths


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def validate_once(data: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one `kb validate` of `data` in a new process; it must pass."""
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "kb", "validate", "--data", str(data)],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"kb validate failed on {data}:\n{done.stdout[-2000:]}{done.stderr}")
    return wall, _children_cpu() - cpu


def cold_validate(data: Path, runs: int) -> dict[str, Any]:
    """The best wall time of `runs` cold validations, and the CPU seconds of that run."""
    wall, cpu = min(validate_once(data) for _ in range(max(1, runs)))
    return {"validate_s": round(wall, 2), "validate_cpu_s": round(cpu, 2)}
