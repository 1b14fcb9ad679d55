"""How many pushes one worker runs at once.

Every push waits for the one before it at the feed's lock (`sync.server.feed.Feed`), so more
than a few pushes in flight only hold threads and database connections: with 200 laptops at
once, the 40 threads of a worker all sat waiting for that lock (pg_stat_activity: 37-77
sessions waiting on it) and the pulls, which need no lock, queued behind them for seconds.
Pushes run here on a thread limit of their own (`PUSHES_AT_ONCE` per worker); a push beyond it
waits in the event loop, holding neither a thread nor a connection, and the pulls keep the
shared thread pool (docs/server.md, "Workers and PostgreSQL").
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import anyio.to_thread
from anyio import CapacityLimiter
from starlette.requests import Request

# Enough to do one push's reading and checking while another holds the feed's lock; the
# database pool (`db.POOL_SIZE` + `db.POOL_OVERFLOW`) keeps room for these beside the 40 threads.
# Measured against 8 (200 laptops, 2 workers, PostgreSQL): 8 pushed no faster and doubled the
# pulls' p95 (0.67 -> 1.32 s; docs/server.md, "Pushes at once").
PUSHES_AT_ONCE = 4

T = TypeVar("T")


async def run_push(request: Request, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`func(*args, **kwargs)` in a worker thread, at most `PUSHES_AT_ONCE` of them at once."""
    state = request.app.state
    limiter: CapacityLimiter | None = getattr(state, "push_limiter", None)
    if limiter is None:  # made in the app's event loop, on its first push
        limiter = CapacityLimiter(PUSHES_AT_ONCE)
        state.push_limiter = limiter
    return await anyio.to_thread.run_sync(functools.partial(func, *args, **kwargs), limiter=limiter)
