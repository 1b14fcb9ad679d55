"""Where the data files under `resources/` are, in a checkout and in a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def translation_files(lang: str) -> list[Path]:
    """The compiled Qt catalogues of `lang`, one per area (fieldapp_<area>_<lang>.qm), in a stable order."""
    return sorted((resource_dir() / "translations").glob(f"fieldapp_*_{lang}.qm"))
