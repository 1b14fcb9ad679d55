"""Batch and page sizes that follow the link (sync/protocol.py, "Pacing").

A `Pacer` holds the size of the next push batch or pull page. After each round trip it
doubles the size when the trip was quick (under `quick_s`) and halves it when it was slow
(over `slow_s`); after a dropped link it quarters it and the engine tries once again (the
transport has retried it already); a batch the server found too large (413) is halved and sent
again as long as it can shrink, down to one change. Always within [low, high]: the protocol's
limit on top (lowered to what fits after a 413), a floor that still makes progress below.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sync import protocol

QUICK_S = 0.5  # a round trip under this: the link has room, the next one is twice as large
SLOW_S = 4.0  # over this: half as large (a page on 1 Mbit/s stays under ~10 s)
# Failures worth a smaller retry: the line dropped or timed out (once in a row: the transport
# has retried already), or the batch was too large (as often as the size can shrink).
SHRINK_ON = ("offline", "payload_too_large")


@dataclass
class Pacer:
    """The size of the next request, adapted to how the last ones went."""

    size: int
    low: int
    high: int
    quick_s: float = QUICK_S
    slow_s: float = SLOW_S
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    failures: int = field(default=0, repr=False)  # in a row

    def __post_init__(self) -> None:
        self.size = max(self.low, min(self.high, self.size))

    def took(self, seconds: float) -> None:
        """A request of `size` succeeded in `seconds`."""
        self.failures = 0
        if seconds < self.quick_s:
            self.size = min(self.high, self.size * 2)
        elif seconds > self.slow_s:
            self.size = max(self.low, self.size // 2)

    def retry_smaller(self, code: str, sent: int | None = None) -> bool:
        """A request of `size` (or of `sent` items, when fewer were left) failed with `code`:
        whether to try again, smaller (then it is).

        A dropped line quarters the size (once in a row). A batch the server found too large is
        halved, down to a single change if need be, and the size it failed at stays out of reach
        for this pacer (no growing back into the same refusal on the next quick trip)."""
        self.failures += 1
        if code not in SHRINK_ON or (code == "offline" and self.failures > 1):
            return False
        before = self.size
        if code == "payload_too_large":
            failed = min(before, sent) if sent else before
            self.high = max(1, min(self.high, failed - 1))
            self.size = max(1, failed // 2)
            self.low = min(self.low, self.size)
        else:
            self.size = max(self.low, self.size // 4)
        return self.size < before


def push_pacer(clock: Callable[[], float] = time.monotonic) -> Pacer:
    """Pushes start at 100 changes and move between 10 and the protocol's 500."""
    return Pacer(100, 10, protocol.MAX_PUSH_CHANGES, clock=clock)


def pull_pacer(clock: Callable[[], float] = time.monotonic) -> Pacer:
    """Pages start at the protocol's default (500) and move between 50 and its limit (1,000)."""
    return Pacer(protocol.DEFAULT_PULL_LIMIT, 50, protocol.MAX_PULL_LIMIT, clock=clock)


def fixed(size: int) -> Pacer:
    """Always `size` (a caller, or a test, that wants one size)."""
    return Pacer(size, size, size)
