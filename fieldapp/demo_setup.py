"""What fieldapp.demo needs around its generator: where demo data may go, where its families live,
who its team is, and what a fill reports."""

from __future__ import annotations

import random
from dataclasses import dataclass

from casework import codifier
from fieldapp.store.database import Store

# Frontline oblasts named in domain.md: Sumy, Kharkiv, Donetsk; and Chernihiv.
OBLAST_PREFIXES = ("UA59", "UA63", "UA14", "UA74")
LATE_NOTICES = 0.08  # concerns whose statutory notices were given after the day had passed
# The demo team (made-up names): each family has one of them as its caseworker, so a supervisor's
# demo queue and Team tab show whose family it is, as they would after a sync.
DEMO_CASEWORKERS = ("Олена Петренко", "Ірина Коваль", "Богдан Мельник")
DEMO_SUPERVISOR = ("demo-supervisor", "Софія Гнатюк")


def demo_team() -> dict[str, str]:
    """User id -> name of the demo caseworkers (ids fixed, as a server's accounts are)."""
    return {f"demo-caseworker-{n + 1}": name for n, name in enumerate(DEMO_CASEWORKERS)}


@dataclass
class DemoSummary:
    households: int = 0
    persons: int = 0
    visits: int = 0
    assessments: int = 0
    plans: int = 0
    referrals: int = 0
    consents: int = 0
    action_updates: int = 0
    service_events: int = 0
    reviews: int = 0
    protected: int = 0
    safety_notices: int = 0


def demo_places(rng: random.Random, count: int = 24) -> list[tuple[str, str]]:
    """(hromada, settlement) pairs of real codifier units in the frontline oblasts."""
    hromadas: list[codifier.Unit] = []
    for oblast in codifier.children(None):
        if not oblast.code.startswith(OBLAST_PREFIXES):
            continue
        for raion in codifier.children(oblast.code):
            hromadas.extend(h for h in codifier.children(raion.code) if h.level == 3)
    chosen = rng.sample(hromadas, min(count, len(hromadas)))
    places = []
    for hromada in chosen:
        settlements = [u for u in codifier.children(hromada.code) if u.level == 4]
        if settlements:
            places.append((hromada.code, rng.choice(settlements).code))
    return places


class DemoRefused(Exception):
    """Demo data would mix with real records: `reason` is "enrolled" or "not_empty"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def refusal(store: Store, *, add: bool = False) -> str | None:
    """Why demo data may not go into `store`: "enrolled" (fake families would never sync and a
    later edit of them is refused), "not_empty" (real or earlier demo families; `add` allows a
    demo profile to grow), or None."""
    if store.meta("device_token") or store.meta("server_url"):
        return "enrolled"
    if not add and store.count("households"):
        return "not_empty"
    if add and store.count("households") and store.meta("demo") != "1":
        return "not_empty"  # `add` grows a demo profile, never a caseworker's own trial records
    return None
