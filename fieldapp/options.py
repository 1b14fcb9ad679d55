"""Every setting of FieldApp, declared once: its name, type, default, what it accepts, and who sets it.

Two files read these declarations and nothing else:

- the caseworker's ``settings.json`` (fieldapp/settings.py) holds the options with ``user=True``;
- IT's ``fieldapp.toml`` (fieldapp/provisioning.py) may set and lock the options with ``it=True``:
  a provisioned value is the default on that laptop, a locked one overrides the caseworker's.

A value is checked here, once, for both files; the sentence saying why a value is refused is
for IT (English, naming the value), never for the caseworker.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casework.i18n import LANGUAGES
from sync import address


@dataclass(frozen=True)
class Option:
    """One setting. `check` turns IT's accepted value into the one to use (e.g. a path made absolute)."""

    name: str
    type: type
    default: Any
    doc: str
    choices: tuple[Any, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    unit: str = ""  # what a number counts, for IT's messages
    user: bool = True  # the caseworker's own choice, kept in settings.json
    it: bool = False  # IT may set and lock it in fieldapp.toml
    check: Callable[[Any, Path], Any] | None = None

    def refusal(self, value: Any) -> str | None:
        """Why this setting does not take `value` (a sentence for IT), or None when it does."""
        if self.type is int:
            if isinstance(value, bool) or not isinstance(value, int) or not self._in_range(value):
                return (f"must be a whole number of {self.unit or 'units'} from {self.minimum} to "
                        f"{self.maximum} (found {value!r})")
            if self.choices and value not in self.choices:
                return f"must be one of {', '.join(str(c) for c in self.choices)} (found {value!r})"
            return None
        if not isinstance(value, self.type):
            return f"must be text in quotes (found {value!r})"
        if self.choices and value not in self.choices:
            return f"must be one of {', '.join(json.dumps(c) for c in self.choices)} (found {value!r})"
        return None

    def accepts(self, value: Any) -> bool:
        return self.refusal(value) is None

    def provisioned(self, value: Any, folder: Path) -> Any:
        """IT's value as the program uses it; ValueError with a sentence for IT when it is refused.

        `folder` is that of the file the value came from (a relative path is relative to it).
        """
        refusal = self.refusal(value)
        if refusal is not None:
            raise ValueError(refusal)
        return self.check(value, folder) if self.check is not None else value

    def _in_range(self, value: int) -> bool:
        return ((self.minimum is None or value >= self.minimum)
                and (self.maximum is None or value <= self.maximum))


def _server_url(value: str, _folder: Path) -> str:
    url = value.strip().rstrip("/")
    if not url:
        raise ValueError("must be the server's address, e.g. \"https://fieldapp.example.org\"")
    why = address.refusal(url)  # the transport's own rule (sync/address.py)
    if why == "bad_address":
        raise ValueError(f"must start with https:// and name a host (found {value!r})")
    if why == "insecure_address":
        raise ValueError("must use https:// (plain http is only for a server on this computer: "
                         "127.0.0.1, ::1 or localhost)")
    return url


def _organisation(value: str, _folder: Path) -> str:
    if not value.strip():
        raise ValueError("must be the organisation's name, in quotes")
    if len(value.strip()) > 200:
        raise ValueError("is longer than 200 characters")
    return value.strip()


def _ca_certificate(value: str, folder: Path) -> Path:
    if not value.strip():
        raise ValueError("must be the path of a PEM certificate file, in quotes")
    path = Path(value.strip()).expanduser()
    if not path.is_absolute():
        path = folder / path
    try:
        head = path.read_bytes()[:4096]
    except OSError as exc:
        raise ValueError(f"cannot read {path} ({exc.strerror or type(exc).__name__})") from exc
    if b"-----BEGIN CERTIFICATE-----" not in head:
        raise ValueError(f"{path} is not a PEM certificate (-----BEGIN CERTIFICATE-----)")
    return path.resolve()


OPTIONS: dict[str, Option] = {
    o.name: o
    for o in (
        Option("language", str, "", "The language of the program: uk, en, or empty for the system's.",
               choices=("", *LANGUAGES), it=True),
        Option("auto_lock_minutes", int, 10, "Lock the program after this many idle minutes (0: never).",
               minimum=0, maximum=240, unit="minutes", it=True),
        Option("text_size", int, 100, "The size of the program's text, in percent of the system's: "
               "100, 115, 130 or 150.", choices=(100, 115, 130, 150), minimum=100, maximum=150,
               unit="percent", it=True),
        Option("caseload_status", str, "active", "Which cases the caseload shows at start.",
               choices=("active", "closed", "")),
        Option("caseload_warning", int, 300,
               "Warn when this laptop holds more families than this: a lost laptop should carry little.",
               minimum=10, maximum=100_000, unit="families", it=True),
        Option("server_url", str, "", "The organisation's sync server, filled in when enrolling.",
               user=False, it=True, check=_server_url),
        Option("organisation", str, "", "The organisation's name, on reports.",
               user=False, it=True, check=_organisation),
        Option("ca_certificate", str, None, "A private server's CA certificate (PEM), for sync's HTTPS.",
               user=False, it=True, check=_ca_certificate),
        Option("attachment_image_side", int, 2000,
               "Photos and scans are downscaled on import so that their longer side is at most this.",
               minimum=400, maximum=10_000, unit="pixels", user=False, it=True),
        Option("attachment_max_mb", int, 25, "The largest file a caseworker may attach.",
               minimum=1, maximum=64, unit="MB", user=False, it=True),
        Option("attachment_prefetch_mb", int, 500,
               "Attachments of the caseload fetched ahead of time at each sync, at most this much.",
               minimum=0, maximum=100_000, unit="MB", user=False, it=True),
        Option("checkin_days", int, 0, "Reach the server at least every this many days to unlock (0: off).",
               minimum=0, maximum=365, unit="days", user=False, it=True),
    )
}

PROVISIONABLE: tuple[str, ...] = tuple(name for name, o in OPTIONS.items() if o.it)
