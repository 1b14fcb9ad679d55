"""Where FieldApp keeps its files on this computer.

The profile folder, first found wins:

1. ``FIELDAPP_PROFILE`` (the environment; ``--profile DIR`` on the command line
   overrides even that, in cli.py);
2. portable mode (a USB stick): when ``portable.txt`` sits beside the
   executable, or the ``fieldapp.toml`` beside it says ``portable = true``,
   the profile is ``FieldApp-data/profile`` beside the executable, encrypted
   like any profile;
3. the user's data folder: ``~/.local/share/FieldApp/profile`` on Linux,
   ``%LOCALAPPDATA%\\FieldApp\\profile`` on Windows.

"Beside the executable" exists only in the frozen program: in a checkout,
``sys.executable`` is the venv's Python, and the repository is not a place
for a laptop's data or IT's configuration.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "FieldApp"
PROVISIONING_FILE = "fieldapp.toml"  # IT's file: see fieldapp/provisioning.py
PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA = "FieldApp-data"


def executable_dir() -> Path | None:
    """The folder of the frozen program's executable (symbolic links followed); None in a checkout."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def portable_data_dir(exe_dir: Path | None = None) -> Path | None:
    """`FieldApp-data` beside the executable when portable mode is on, else None.

    `exe_dir` defaults to `executable_dir()` (None in a checkout: never portable).
    """
    folder = executable_dir() if exe_dir is None else exe_dir
    if folder is None:
        return None
    if (folder / PORTABLE_MARKER).is_file():
        return folder / PORTABLE_DATA
    from fieldapp.provisioning import Locations, load_provisioning  # it imports this module's names

    if load_provisioning(Locations(system=None, beside_executable=folder)).portable:
        return folder / PORTABLE_DATA
    return None


def default_profile_dir(exe_dir: Path | None = None) -> Path:
    """The profile folder used when none is given: FIELDAPP_PROFILE, else portable, else the user's.

    Linux: ~/.local/share/FieldApp/profile; Windows: %LOCALAPPDATA%\\FieldApp\\profile;
    portable: <executable's folder>/FieldApp-data/profile.
    """
    env = os.environ.get("FIELDAPP_PROFILE")
    if env:
        return Path(env)
    portable = portable_data_dir(exe_dir)
    if portable is not None:
        return portable / "profile"
    return user_data_path(APP_NAME, appauthor=False) / "profile"
