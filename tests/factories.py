"""Generated test data: names and places made up by Faker (uk_UA), never real people."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from faker import Faker

HROMADA = "UA59080270000073662"  # a real hromada code of the codifier (Sumy oblast)
SETTLEMENT = "UA59080270010036634"

_fake = Faker("uk_UA")


def seeded(seed: int) -> None:
    Faker.seed(seed)
    random.seed(seed)


def household(**over: Any) -> dict[str, Any]:
    data = {
        "family_name": _fake.last_name(),
        "hromada": HROMADA,
        "settlement": SETTLEMENT,
        "address": _fake.street_address(),
        "phone": "+380 67 123 4567",
        "categories": ["with_children", "idp"],
        "identified_on": "2026-03-02",
        "identified_how": "notification",
        "notes": _fake.sentence(nb_words=12),
    }
    data.update(over)
    return data


def person(household_id: str, **over: Any) -> dict[str, Any]:
    data = {
        "household_id": household_id,
        "role": "child",
        "surname": _fake.last_name(),
        "given_name": _fake.first_name(),
        "birth_date": "2016-05-14",
        "sex": "female",
    }
    data.update(over)
    return data


def visit(household_id: str, **over: Any) -> dict[str, Any]:
    data = {
        "household_id": household_id,
        "started_at": dt.datetime(2026, 10, 5, 10, 30, tzinfo=dt.UTC).isoformat(),
        "duration_min": 60,
        "type": "monitoring",
        "place": "home",
        "notes": _fake.sentence(nb_words=20),
    }
    data.update(over)
    return data
