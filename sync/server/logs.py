"""Structured logs: one JSON object a line, on standard error.

What is logged is chosen field by field (method, route template, status,
time, device number, error type); never a body, a query string, a name or a
record's content, so no family's personal data can reach a log file.

Warnings and errors are bounded (`Bounded`): a client that makes the server fail over and
over (no file descriptors left, sockets cut off) costs a few lines a second, not a
traceback per failure. uvicorn's and asyncio's own loggers go through the same handler
(`uvicorn_log_config`), so their tracebacks too become one line each.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {"ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
                 "level": record.levelname.lower(), "event": record.getMessage()}
        entry.update(getattr(record, "fields", {}) or {})
        if record.exc_info and record.exc_info[0] is not None:
            # The type and where it happened: a traceback's locals and messages may carry data.
            tb = record.exc_info[2]
            while tb is not None and tb.tb_next is not None:
                tb = tb.tb_next
            entry["error"] = record.exc_info[0].__name__
            if tb is not None:
                entry["where"] = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}"
        return json.dumps(entry, ensure_ascii=False)


class Bounded(logging.Filter):
    """At most `burst` warnings or errors of one kind (logger and message template) in each
    `per_s` seconds; the rest are counted, and the count rides on the next line of that
    kind (field `suppressed`). Lines below WARNING (one per request) pass untouched."""

    MAX_KINDS = 256  # a flood of distinct templates cannot grow the table without bound

    def __init__(self, burst: int = 5, per_s: float = 10.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.burst, self.per_s, self.clock = burst, per_s, clock
        self._kinds: dict[tuple[str, str], list[float]] = {}  # [window start, passed, dropped]
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        kind = (record.name, str(record.msg)[:200])
        now = self.clock()
        with self._lock:
            state = self._kinds.get(kind)
            if state is None:
                if len(self._kinds) >= self.MAX_KINDS:
                    self._kinds.clear()
                state = self._kinds[kind] = [now, 0, 0]
            if now - state[0] >= self.per_s:
                state[0], state[1] = now, 0
            if state[1] >= self.burst:
                state[2] += 1
                return False
            state[1] += 1
            dropped, state[2] = int(state[2]), 0
        if dropped:
            record.fields = {**(getattr(record, "fields", None) or {}), "suppressed": dropped}
        return True


def uvicorn_log_config(level: str = "WARNING") -> dict[str, Any]:
    """`log_config` for uvicorn: its loggers and asyncio's, one bounded JSON line each."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "filters": {"bounded": {"()": Bounded}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json",
                                "filters": ["bounded"], "stream": "ext://sys.stderr"}},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
            "asyncio": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        },
    }


def setup_logging(level: int = logging.INFO) -> None:
    logger = logging.getLogger("fieldapp.server")
    if any(isinstance(h.formatter, JsonFormatter) for h in logger.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(Bounded())
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
