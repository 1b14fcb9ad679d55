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
    language = "uk"                     # uk or en
    auto_lock_minutes = 5               # 0 to 240; 0 = never
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

For the program (the UI reads it once at start)::

    from fieldapp.provisioning import load_provisioning

    prov = load_provisioning()
    prov.get("server_url", "")            # the value, or the default given
    prov.is_locked("auto_lock_minutes")   # True: disable the control, ignore the user's value
    for problem in prov.problems:         # show IT what is wrong (log + one warning)
        str(problem)                      # "<file>: <key>: <what is wrong>"
    prov.sources                          # the files read, weakest first
    prov.ca_certificate                   # a Path, or None: pass to sync's HTTP client as `verify`

Keys are named as in fieldapp/settings.py where a setting exists
(``server_url``, ``language``, ``auto_lock_minutes``): provisioned values are
the defaults of those settings on this laptop, locked ones override the user's.
Problems are in English: they are for IT, not for the caseworker.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from platformdirs import site_config_path

from casework.i18n import LANGUAGES
from fieldapp.paths import APP_NAME, PROVISIONING_FILE, executable_dir

MAX_AUTO_LOCK = 240
_LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


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
        if key not in KEYS:
            raise KeyError(f"no provisioning key {key!r}")
        return self.values.get(key, default)

    def is_locked(self, key: str) -> bool:
        if key not in KEYS:
            raise KeyError(f"no provisioning key {key!r}")
        return key in self.locked

    @property
    def server_url(self) -> str | None:
        return self.values.get("server_url")

    @property
    def organisation(self) -> str | None:
        return self.values.get("organisation")

    @property
    def language(self) -> str | None:
        return self.values.get("language")

    @property
    def auto_lock_minutes(self) -> int | None:
        return self.values.get("auto_lock_minutes")

    @property
    def ca_certificate(self) -> Path | None:
        return self.values.get("ca_certificate")


# -- the keys and what each accepts ---------------------------------------------------------
# A check takes the raw value and the file's folder, and returns the value to use, or raises
# ValueError with a sentence for IT.


def _server_url(value: Any, _folder: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be the server's address, e.g. \"https://fieldapp.example.org\"")
    url = value.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError(f"must start with https:// and name a host (found {value!r})")
    if parts.scheme == "http" and parts.hostname not in _LOCAL_HOSTS:
        raise ValueError("must use https:// (plain http is only for a server on this computer)")
    return url


def _organisation(value: Any, _folder: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be the organisation's name, in quotes")
    if len(value.strip()) > 200:
        raise ValueError("is longer than 200 characters")
    return value.strip()


def _language(value: Any, _folder: Path) -> str:
    if value not in LANGUAGES:
        raise ValueError(f"must be \"uk\" or \"en\" (found {value!r})")
    return str(value)


def _auto_lock_minutes(value: Any, _folder: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_AUTO_LOCK:
        raise ValueError(f"must be a whole number of minutes from 0 (never) to {MAX_AUTO_LOCK} "
                         f"(found {value!r})")
    return value


def _ca_certificate(value: Any, folder: Path) -> Path:
    if not isinstance(value, str) or not value.strip():
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


def _checkin_days(value: Any, _folder: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 365:
        raise ValueError(f"must be a whole number of days from 0 (never) to 365 (found {value!r})")
    return value


KEYS: dict[str, Callable[[Any, Path], Any]] = {
    "checkin_days": _checkin_days,
    "server_url": _server_url,
    "organisation": _organisation,
    "language": _language,
    "auto_lock_minutes": _auto_lock_minutes,
    "ca_certificate": _ca_certificate,
}
_SPECIAL = ("locked", "portable")


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
            elif key in KEYS:
                try:
                    values[key] = KEYS[key](raw, path.parent)
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


def _locked(raw: Any, path: Path, problems: list[ProvisioningProblem]) -> set[str]:
    if not isinstance(raw, list) or not all(isinstance(k, str) for k in raw):
        problems.append(ProvisioningProblem(path, "locked", "must be a list of key names in quotes, "
                                                            "e.g. [\"server_url\"]"))
        return set()
    names = set()
    for name in raw:
        if name in KEYS:
            names.add(name)
        else:
            problems.append(ProvisioningProblem(path, "locked", _unknown(name)))
    return names


def _unknown(key: str) -> str:
    return f"{key!r} is not a FieldApp setting (known: {', '.join([*KEYS, *_SPECIAL])}); ignored"
