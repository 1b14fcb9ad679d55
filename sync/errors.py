"""The sync protocol's failures as the device sees them: one exception per stable code.

Both the HTTP client and the device's sync engine raise these, so code that
only talks to a server (the client) never loads the encrypted store.
"""

from __future__ import annotations


class SyncFailure(Exception):
    """A round stopped; `code` is stable, the message is for logs (no personal data)."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


class BadAnswer(SyncFailure):
    """The server answered something that is not this protocol."""

    def __init__(self, detail: str):
        super().__init__("bad_answer", detail)


class CursorExpired(SyncFailure):
    def __init__(self) -> None:
        super().__init__("cursor_expired")


class DeviceRevoked(SyncFailure):
    """The server revoked this device (401 device_revoked, or a `wipe` in a pull)."""

    def __init__(self) -> None:
        super().__init__("device_revoked")
