"""FieldApp's settings: each declared once, with its type and default.

Preferences live in ``settings.json`` in the user's config folder
(``FIELDAPP_CONFIG`` overrides the folder, for tests and portable installs).
IT can put a ``settings.json`` next to the executable or in the system config
folder: its values are the defaults on that laptop, and the user's file
overrides them. Window state (geometry, column widths) is kept apart, in
``state.json``, so that resetting one never touches the other.

A settings file that cannot be read is never thrown away: it is renamed
``settings.json.unreadable-<time>`` (kept for IT), the defaults are used, and
`problem` says so for the program to show.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import site_config_path, user_config_path

from fieldapp.paths import APP_NAME

SETTINGS_FILE = "settings.json"
STATE_FILE = "state.json"


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    doc: str
    choices: tuple[Any, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def accepts(self, value: Any) -> bool:
        if self.type is int and (isinstance(value, bool) or not isinstance(value, int)):
            return False
        if not isinstance(value, self.type):
            return False
        if self.choices and value not in self.choices:
            return False
        if self.minimum is not None and value < self.minimum:
            return False
        return not (self.maximum is not None and value > self.maximum)


OPTIONS: dict[str, Option] = {
    o.name: o
    for o in (
        Option("language", str, "", "The language of the program: uk, en, or empty for the system's.",
               choices=("", "uk", "en")),
        Option("auto_lock_minutes", int, 10,
               "Lock the program after this many idle minutes (0: never).", minimum=0, maximum=240),
        Option("server_url", str, "", "The organisation's sync server (set when enrolling)."),
        Option("caseload_status", str, "active", "Which cases the caseload shows at start.",
               choices=("active", "closed", "")),
        Option("caseload_warning", int, 300,
               "Warn when this laptop holds more families than this: a lost laptop should carry little.",
               minimum=10, maximum=100_000),
    )
}


@dataclass(frozen=True)
class SettingsProblem:
    """The settings file could not be read; the defaults are in use."""

    path: Path
    kept_as: Path | None  # where the unreadable file was moved
    reason: str  # technical: for the log


def config_dir() -> Path:
    env = os.environ.get("FIELDAPP_CONFIG")
    if env:
        return Path(env)
    return user_config_path(APP_NAME, appauthor=False)


def admin_files() -> list[Path]:
    """Files IT may provide, weakest first: the system config folder, then beside the executable."""
    return [site_config_path(APP_NAME, appauthor=False) / SETTINGS_FILE,
            Path(sys.executable).resolve().parent / SETTINGS_FILE]


def _read_json(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    return data


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


class Settings:
    """The settings of this user on this laptop. `get` a value; `set` it, which saves it."""

    def __init__(self, folder: Path | None = None, admin: Iterable[Path] | None = None):
        self.folder = folder or config_dir()
        self.path = self.folder / SETTINGS_FILE
        self.state_path = self.folder / STATE_FILE
        self.problem: SettingsProblem | None = None
        self._defaults = {name: o.default for name, o in OPTIONS.items()}
        for path in admin_files() if admin is None else admin:
            try:
                self._merge(self._defaults, _read_json(path))
            except FileNotFoundError:
                continue
            except (OSError, ValueError):
                continue  # IT's file is IT's to fix; the built-in defaults stand
        self._values: dict[str, Any] = {}
        self._extra: dict[str, Any] = {}  # keys of a newer or older version: kept as they are
        try:
            data = _read_json(self.path)
        except FileNotFoundError:
            data = {}
        except (OSError, ValueError) as exc:
            data = {}
            self.problem = SettingsProblem(self.path, self._keep_unreadable(), f"{type(exc).__name__}: {exc}")
        self._merge(self._values, data, extra=self._extra)
        try:
            self._state: dict[str, Any] = _read_json(self.state_path)
        except (OSError, ValueError):
            self._state = {}  # window state is disposable

    @staticmethod
    def _merge(target: dict[str, Any], data: dict[str, Any], extra: dict[str, Any] | None = None) -> None:
        for key, value in data.items():
            option = OPTIONS.get(key)
            if option is None:
                if extra is not None:
                    extra[key] = value
            elif option.accepts(value):
                target[key] = value

    def _keep_unreadable(self) -> Path | None:
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{SETTINGS_FILE}.unreadable-{stamp}")
        try:
            os.replace(self.path, target)
        except OSError:
            return None
        return target

    def get(self, name: str) -> Any:
        if name not in OPTIONS:
            raise KeyError(f"no setting {name!r}")
        return self._values.get(name, self._defaults[name])

    def set(self, name: str, value: Any) -> None:
        """Change a setting and save the file; ValueError for a value the setting does not take."""
        option = OPTIONS.get(name)
        if option is None:
            raise KeyError(f"no setting {name!r}")
        if not option.accepts(value):
            raise ValueError(f"{name}: {value!r} is not a valid value")
        self._values[name] = value
        self.save()

    def save(self) -> None:
        _write_json(self.path, {**self._extra, **self._values})

    # -- window state, kept apart from preferences ------------------------------------------

    def state(self, key: str, default: Any = None) -> Any:
        return self._state.get(key, default)

    def set_state(self, key: str, value: Any) -> None:
        self._state[key] = value
        try:
            _write_json(self.state_path, self._state)
        except OSError:
            pass  # losing a window size is no reason to interrupt anyone
