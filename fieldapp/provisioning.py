"""IT's configuration of a laptop: the organisation's server, language, auto-lock, and what is locked.

IT places ``fieldapp.toml`` (UTF-8 TOML) in one or both of these folders;
where both set a key, the file beside the executable wins:

1. the system config folder: ``/etc/xdg/FieldApp/`` on Linux,
   ``C:\\ProgramData\\FieldApp\\`` on Windows (platformdirs' ``site_config_path``);
2. beside the executable of the installed program (the frozen build only; in
   a checkout there is no such place: the repository is not one).

Example (every key optional)::

    server_url = "https://fieldapp.example.org"
    organisation = "Благодійний фонд «Приклад»"
    language = "uk"                     # uk, en, or "" for the system's
    auto_lock_minutes = 5               # 0 to 240; 0 = never
    caseload_warning = 200              # warn above this many families on the laptop
    ca_certificate = "fieldapp-ca.pem"  # a private server's CA, PEM; relative to this file
    checkin_days = 14                   # must reach the server every 14 days to unlock; 0 = off
    locked = ["server_url", "auto_lock_minutes", "ca_certificate"]
    portable = false                    # beside the executable only: see fieldapp/paths.py

A key in ``locked`` cannot be changed by a caseworker: the program shows the
value and disables its control; a value the user saved earlier is ignored.
Locking a key that no file sets locks the built-in default. A key locked in
any of the files stays locked.

A file that cannot be read (bad TOML, not UTF-8, no permission) gives a
problem naming the file, and nothing of it applies; a key with a wrong value
(or an unknown key, usually a typo) gives a problem naming the file and the
key, and the rest of the file still applies. Nothing here raises.

For the program (`Settings` reads it once and keeps it as `settings.provisioning`)::

    from fieldapp.provisioning import load_provisioning

    prov = load_provisioning()
    prov.get("server_url", "")            # the value, or the default given
    prov.is_locked("auto_lock_minutes")   # True: disable the control, ignore the user's value
    for problem in prov.problems:         # show IT what is wrong (log + one warning)
        str(problem)                      # "<file>: <key>: <what is wrong>"
    prov.sources                          # the files read, weakest first
    prov.ca_certificate                   # a Path, or None: pass to sync's HTTP client as `verify`

The keys, and what each accepts, are the options of fieldapp/options.py with
``it=True`` (the one declaration the caseworker's settings use too):
provisioned values are the defaults of those settings on this laptop, locked
ones override the user's (fieldapp/settings.py applies both).

An IT ``settings.json`` in either folder (how an earlier version was set up)
is no longer read: it gives a problem naming its keys, as the lines to move
into ``fieldapp.toml``. Problems are in English: they are for IT, not for the
caseworker.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from platformdirs import site_config_path

from fieldapp.options import OPTIONS, PROVISIONABLE
from fieldapp.paths import APP_NAME, PROVISIONING_FILE, executable_dir

LEGACY_FILE = "settings.json"  # IT's file of earlier versions, beside fieldapp.toml
_SPECIAL = ("locked", "portable")


@dataclass(frozen=True)
class ProvisioningProblem:
    """Something wrong in one of IT's files; `key` is None when the whole file could not be read."""

    file: Path
    key: str | None
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: {self.message}" if self.key else f"{self.file}: {self.message}"


@dataclass(frozen=True)
class Provisioning:
    """What IT set for this laptop. Empty (nothing set, nothing locked) when there is no file."""

    values: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    locked: frozenset[str] = frozenset()
    problems: tuple[ProvisioningProblem, ...] = ()
    sources: tuple[Path, ...] = ()  # the files found and read (even partly), weakest first
    portable: bool = False  # the file beside the executable asks for portable mode

    def get(self, key: str, default: Any = None) -> Any:
        """IT's value for `key`, or `default` when no file sets it; KeyError for a key IT cannot set."""
        _known(key)
        return self.values.get(key, default)

    def is_locked(self, key: str) -> bool:
        """True when IT locked `key`: the caseworker's choice is ignored and the control disabled."""
        _known(key)
        return key in self.locked

    @property
    def ca_certificate(self) -> Path | None:
        """The private server's CA certificate (an absolute path), or None for a public one."""
        value = self.values.get("ca_certificate")
        return value if isinstance(value, Path) else None


def _known(key: str) -> None:
    if key not in PROVISIONABLE:
        raise KeyError(f"no provisioning key {key!r}")


@dataclass(frozen=True)
class Locations:
    """Where IT's file is looked for. None: no such place (a checkout has no executable's folder)."""

    system: Path | None
    beside_executable: Path | None

    @classmethod
    def default(cls) -> Locations:
        return cls(site_config_path(APP_NAME, appauthor=False), executable_dir())


def load_provisioning(locations: Locations | None = None) -> Provisioning:
    """Read `fieldapp.toml` in the system folder, then beside the executable (which wins).

    `locations` defaults to `Locations.default()`; tests pass their own folders.
    Never raises: whatever is wrong is in `problems`, and whatever is right applies.
    """
    locations = Locations.default() if locations is None else locations
    values: dict[str, Any] = {}
    locked: set[str] = set()
    problems: list[ProvisioningProblem] = []
    sources: list[Path] = []
    portable = False
    for folder, is_beside in ((locations.system, False), (locations.beside_executable, True)):
        if folder is None:
            continue
        path = Path(folder) / PROVISIONING_FILE
        _legacy(Path(folder) / LEGACY_FILE, path, problems)
        data = _read(path, problems)
        if data is None:
            continue
        sources.append(path)
        for key, raw in data.items():
            if key == "locked":
                locked |= _locked(raw, path, problems)
            elif key == "portable":
                if not isinstance(raw, bool):
                    problems.append(ProvisioningProblem(path, key, "must be true or false"))
                elif not is_beside:
                    problems.append(ProvisioningProblem(
                        path, key, "applies only in the file beside the executable; ignored here"))
                else:
                    portable = raw
            elif key in PROVISIONABLE:
                try:
                    values[key] = OPTIONS[key].provisioned(raw, path.parent)
                except ValueError as exc:
                    problems.append(ProvisioningProblem(path, key, str(exc)))
            else:
                problems.append(ProvisioningProblem(path, key, _unknown(key)))
    return Provisioning(MappingProxyType(values), frozenset(locked), tuple(problems), tuple(sources),
                        portable)


def _read(path: Path, problems: list[ProvisioningProblem]) -> dict[str, Any] | None:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        problems.append(ProvisioningProblem(path, None, "is a folder, not a file; nothing of it applies"))
    except PermissionError:
        problems.append(ProvisioningProblem(path, None, "cannot be read (permission denied); "
                                                        "nothing of it applies"))
    except OSError as exc:
        problems.append(ProvisioningProblem(path, None, f"cannot be read ({exc.strerror or exc}); "
                                                        "nothing of it applies"))
    except UnicodeDecodeError:
        problems.append(ProvisioningProblem(path, None, "is not UTF-8 text (save it as UTF-8); "
                                                        "nothing of it applies"))
    except tomllib.TOMLDecodeError as exc:
        problems.append(ProvisioningProblem(path, None, f"is not valid TOML ({exc}); nothing of it applies"))
    return None


def _legacy(path: Path, toml: Path, problems: list[ProvisioningProblem]) -> None:
    """An earlier version's IT settings.json: not read as settings, but IT is told what to move where."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return
    except (OSError, ValueError):
        data = None
    intro = f"is no longer read: IT's settings now go in {toml} only"
    if not isinstance(data, dict):
        problems.append(ProvisioningProblem(path, None, f"{intro} (this file is not a readable JSON object "
                                                        "either: move its settings by hand, then remove it)"))
        return
    lines, others = [], []
    for key, value in data.items():
        written = _toml_value(value) if key in PROVISIONABLE else None
        if written is None:
            others.append(key)
        else:
            lines.append(f"{key} = {written}")
    message = intro
    if others:
        message += f"; ignored (not settings IT can provision): {', '.join(others)}"
    if not lines:
        message += "; remove this file"
    else:  # one line each, ready to paste
        message += "; move these lines into it, then remove this file:" + "".join(f"\n    {line}" for line in lines)
    problems.append(ProvisioningProblem(path, None, message))


def _toml_value(value: Any) -> str | None:
    """`value` written as TOML, or None for what has no plain TOML form here."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | str) or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        return json.dumps(value, ensure_ascii=False)  # JSON strings and lists of them are TOML too
    return None


def _locked(raw: Any, path: Path, problems: list[ProvisioningProblem]) -> set[str]:
    if not isinstance(raw, list) or not all(isinstance(k, str) for k in raw):
        problems.append(ProvisioningProblem(path, "locked", "must be a list of key names in quotes, "
                                                            "e.g. [\"server_url\"]"))
        return set()
    names = set()
    for name in raw:
        if name in PROVISIONABLE:
            names.add(name)
        else:
            problems.append(ProvisioningProblem(path, "locked", _unknown(name)))
    return names


def _unknown(key: str) -> str:
    return f"{key!r} is not a FieldApp setting IT can set (known: {', '.join([*PROVISIONABLE, *_SPECIAL])}); ignored"
