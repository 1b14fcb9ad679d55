"""Which FieldApp each laptop runs: read from its User-Agent, kept on its device row.

The laptop's HTTP client sends ``User-Agent: FieldApp/<version>`` (sync/client.py); the
server notes the version of every signed-in laptop when it changes, so `fieldapp-server
device list` shows IT which laptops still run an old version (docs/it.md: never mix versions
for long). A missing or foreign User-Agent changes nothing.
"""

from __future__ import annotations

import re

import sqlalchemy as sa

from sync.server.db import devices

_AGENT = re.compile(r"^FieldApp/([0-9A-Za-z][0-9A-Za-z.+-]{0,39})(?:\s|$)")


def reported_version(user_agent: str | None) -> str | None:
    """The app version a User-Agent header names, or None when it is not FieldApp's."""
    found = _AGENT.match(user_agent or "")
    return found[1] if found else None


def note_version(engine: sa.Engine, device_number: int, known: str | None, user_agent: str | None) -> None:
    """Keep the version `user_agent` reports for the device, when it differs from `known`."""
    version = reported_version(user_agent)
    if version is None or version == known:
        return
    with engine.begin() as conn:
        conn.execute(sa.update(devices).where(devices.c.number == device_number).values(app_version=version))
