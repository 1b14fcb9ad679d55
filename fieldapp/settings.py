"""The caseworker's settings on this laptop, over IT's provisioning: one `Settings` object to read.

Every setting is declared once, in fieldapp/options.py. A value comes from, strongest first:

1. IT's ``fieldapp.toml`` when IT locked that key (fieldapp/provisioning.py);
2. the caseworker's ``settings.json`` in the user's config folder
   (``FIELDAPP_CONFIG`` overrides the folder, for tests and portable installs);
3. IT's ``fieldapp.toml`` when it sets the key: the default on that laptop;
4. the declared default.

IT configures a laptop with ``fieldapp.toml`` only. Window state (geometry,
column widths) is kept apart, in ``state.json``, so that resetting one never
touches the other.

A settings file that cannot be read is never thrown away: it is renamed
``settings.json.unreadable-<time>`` (kept for IT), the defaults are used, and
`problem` says so for the program to show.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_config_path

from fieldapp.options import OPTIONS, Option
from fieldapp.paths import APP_NAME
from fieldapp.provisioning import Provisioning, load_provisioning

__all__ = ["OPTIONS", "Option", "Settings", "SettingLocked", "SettingsProblem", "config_dir"]

SETTINGS_FILE = "settings.json"
STATE_FILE = "state.json"


class SettingLocked(ValueError):
    """IT locked this setting in fieldapp.toml: the caseworker cannot change it."""


@dataclass(frozen=True)
class SettingsProblem:
    """The settings file could not be read; the defaults are in use."""

    path: Path
    kept_as: Path | None  # where the unreadable file was moved
    reason: str  # technical: for the log


def config_dir() -> Path:
    """The caseworker's config folder: FIELDAPP_CONFIG, else the platform's (~/.config/FieldApp)."""
    env = os.environ.get("FIELDAPP_CONFIG")
    if env:
        return Path(env)
    return user_config_path(APP_NAME, appauthor=False)


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
    """The settings of this user on this laptop. `get` a value; `set` it, which saves it.

    `provisioning` defaults to IT's files on this computer (`load_provisioning()`); tests
    pass their own, `Provisioning()` for none.
    """

    def __init__(self, folder: Path | None = None, provisioning: Provisioning | None = None):
        self.folder = folder or config_dir()
        self.path = self.folder / SETTINGS_FILE
        self.state_path = self.folder / STATE_FILE
        self.provisioning = load_provisioning() if provisioning is None else provisioning
        self.problem: SettingsProblem | None = None
        self._values: dict[str, Any] = {}
        self._extra: dict[str, Any] = {}  # keys of a newer or older version: kept as they are
        try:
            data = _read_json(self.path)
        except FileNotFoundError:
            data = {}
        except (OSError, ValueError) as exc:
            data = {}
            self.problem = SettingsProblem(self.path, self._keep_unreadable(), f"{type(exc).__name__}: {exc}")
        for key, value in data.items():
            option = OPTIONS.get(key)
            if option is None or not option.user:
                self._extra[key] = value
            elif option.accepts(value):
                self._values[key] = value  # a wrong value is dropped: that one setting takes its default
        try:
            self._state: dict[str, Any] = _read_json(self.state_path)
        except (OSError, ValueError):
            self._state = {}  # window state is disposable

    def _keep_unreadable(self) -> Path | None:
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{SETTINGS_FILE}.unreadable-{stamp}")
        try:
            os.replace(self.path, target)
        except OSError:
            return None
        return target

    def is_locked(self, name: str) -> bool:
        """True when IT locked `name`: show the value, disable its control."""
        return _option(name).it and self.provisioning.is_locked(name)

    def get(self, name: str) -> Any:
        """The value in force: IT's lock, else the caseworker's choice, else IT's default, else ours."""
        option = _option(name)
        provisioned = self.provisioning.get(name, option.default) if option.it else option.default
        if self.is_locked(name):
            return provisioned
        return self._values.get(name, provisioned)

    def set(self, name: str, value: Any) -> None:
        """Change a setting and save the file.

        KeyError for no such setting of the caseworker's, SettingLocked when IT locked it,
        ValueError for a value the setting does not take, OSError when the file cannot be written.
        """
        option = _option(name)
        if not option.user:
            raise KeyError(f"{name!r} is set by IT only")
        if self.is_locked(name):
            raise SettingLocked(f"{name} is locked by IT")
        if not option.accepts(value):
            raise ValueError(f"{name}: {value!r} is not a valid value")
        self._values[name] = value
        self.save()

    def save(self) -> None:
        """Write the caseworker's settings (and keys this version does not know, untouched)."""
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


def _option(name: str) -> Option:
    option = OPTIONS.get(name)
    if option is None:
        raise KeyError(f"no setting {name!r}")
    return option
