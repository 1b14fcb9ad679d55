"""A worker runs at most `PUSHES_AT_ONCE` pushes at once; the rest wait in the event loop,
holding no thread, and each runs when one before it ends (sync/server/push_gate.py)."""

from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import Any, cast

import anyio
from starlette.requests import Request

from sync.server.push_gate import PUSHES_AT_ONCE, run_push


def test_pushes_beyond_the_limit_wait_without_a_thread_and_all_run():
    app = SimpleNamespace(state=SimpleNamespace())  # what run_push reads of a request: its app
    request = cast(Request, SimpleNamespace(app=app))
    total = PUSHES_AT_ONCE + 3
    inside: list[int] = []
    most = [0]
    counted = threading.Condition()
    release = threading.Event()

    def work(n: int) -> int:
        with counted:
            inside.append(n)
            most[0] = max(most[0], len(inside))
            counted.notify_all()
        release.wait(60)
        with counted:
            inside.remove(n)
        return n * 10

    async def main() -> list[Any]:
        done: list[Any] = []

        async def one(n: int) -> None:
            done.append(await run_push(request, work, n))

        async with anyio.create_task_group() as tg:
            for n in range(total):
                tg.start_soon(one, n)
            # Every push is either running in a thread or queued at the limiter.
            while True:
                limiter = getattr(app.state, "push_limiter", None)
                with counted:
                    running = len(inside)
                waiting = limiter.statistics().tasks_waiting if limiter is not None else 0
                if running + waiting == total:
                    break
                await anyio.sleep(0.01)
            assert (running, waiting) == (PUSHES_AT_ONCE, total - PUSHES_AT_ONCE)
            release.set()
        return done

    done = anyio.run(main)
    assert sorted(done) == [n * 10 for n in range(total)]
    assert most[0] == PUSHES_AT_ONCE
