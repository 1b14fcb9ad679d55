"""Where FieldApp keeps its files on this computer."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "FieldApp"


def default_profile_dir() -> Path:
    """The profile folder used when none is given: FIELDAPP_PROFILE, else the user's data folder.

    Linux: ~/.local/share/FieldApp/profile; Windows: %LOCALAPPDATA%\\FieldApp\\profile.
    """
    env = os.environ.get("FIELDAPP_PROFILE")
    if env:
        return Path(env)
    return user_data_path(APP_NAME, appauthor=False) / "profile"
