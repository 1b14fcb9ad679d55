"""The benchmark runner: named scenarios that print their figures.

A scenario is a function taking a `Bench`; it times work with
`bench.measure(metric)` (one sample per `with` block) or records a figure with
`bench.record(metric, value, unit)`. Register it with `@scenario("name")` in a
module `benchmarks/bench_*.py`. Run with ``python -m benchmarks [NAME...]``.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

SCENARIOS: dict[str, tuple[str, Callable[[Bench], None]]] = {}


def scenario(name: str, title: str = "") -> Callable[[Callable[[Bench], None]], Callable[[Bench], None]]:
    def register(func: Callable[[Bench], None]) -> Callable[[Bench], None]:
        if name in SCENARIOS:
            raise ValueError(f"benchmark {name} defined twice")
        SCENARIOS[name] = (title or (func.__doc__ or name).strip().splitlines()[0], func)
        return func

    return register


@dataclass
class Figure:
    metric: str
    unit: str
    samples: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float | None:
        if len(self.samples) < 5:
            return None
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@dataclass
class Bench:
    tmp: Path
    figures: dict[str, Figure] = field(default_factory=dict)

    @contextmanager
    def measure(self, metric: str) -> Iterator[None]:
        """Time the block once, as one sample of `metric` in milliseconds."""
        start = time.perf_counter()
        yield
        self.add(metric, (time.perf_counter() - start) * 1000.0, "ms")

    def add(self, metric: str, value: float, unit: str) -> None:
        self.figures.setdefault(metric, Figure(metric, unit)).samples.append(value)

    def record(self, metric: str, value: float, unit: str) -> None:
        """A single figure (a size, a rate, a count)."""
        self.add(metric, value, unit)


def run(name: str) -> list[Figure]:
    _title, func = SCENARIOS[name]
    with tempfile.TemporaryDirectory(prefix=f"fieldapp-bench-{name}-") as tmp:
        bench = Bench(Path(tmp))
        func(bench)
    return list(bench.figures.values())


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Served:
    base: str
    pid: int


def wait_for_health(base: str, proc: subprocess.Popen[Any], *, request_timeout: float = 30,
                    deadline_s: float = 300) -> None:
    """Return once `base`/health answers 200. On a loaded machine a starting server can accept a
    connection and answer late: a read timeout is waited out like a refusal (it escaped before,
    as in the slow-clients test at load 21). Fails at once if the server exits; the deadline is
    for a hung server, not a measure of speed."""
    import requests

    deadline = time.monotonic() + deadline_s
    while True:
        try:
            if requests.get(f"{base}/health", timeout=request_timeout).status_code == 200:
                return
        except requests.RequestException:
            pass
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode} before answering")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the server did not answer within {deadline_s:.0f} s")
        time.sleep(0.1)


@contextmanager
def serve(url: str, workers: int = 1, extra: Sequence[str] = ()) -> Iterator[Served]:
    """Run `fieldapp-server serve` on an already migrated database in a subprocess, as IT runs
    it; yield its base URL and pid once /health answers; stop it afterwards. Every benchmark
    that needs a server starts it here."""

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "sync.server.cli", "serve", "--port", str(port),
                             "--workers", str(workers), "--database-url", url, *extra],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(base, proc)
        yield Served(base, proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) process `pid` has used so far; on a loaded machine it counts the
    work, not the waiting (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
