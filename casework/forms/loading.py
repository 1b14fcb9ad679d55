"""Where form definitions live and how one is read.

The current version of a form is ``<folder>/<form_id>.json``; older versions
stay readable in ``<folder>/<form_id>/<version>.json`` so that a record
renders with the version it was made with. The folder is the program's
``resources/forms`` unless the caller names another.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from casework.forms.definitions import FormDefinition, parse_definition
from casework.forms.errors import FormDefinitionError
from casework.resources import resource_dir


def forms_dir() -> Path:
    """The folder of the built-in form definitions."""
    return resource_dir() / "forms"


def available_forms(folder: Path | None = None) -> list[str]:
    """Ids of the forms in `folder` (the built-in ones by default), current versions."""
    return sorted(p.stem for p in (folder or forms_dir()).glob("*.json"))


@cache
def _read(path: Path) -> FormDefinition:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FormDefinitionError(f"cannot read {path.name}: {exc}") from exc
    return parse_definition(data)


def load_form(form_id: str, version: int | None = None, folder: Path | None = None) -> FormDefinition:
    """The definition of `form_id`: its current version, or exactly `version` (read once)."""
    if not re.match(r"^[a-z][a-z0-9_]*$", form_id):
        raise FormDefinitionError(f"bad form id {form_id!r}")
    folder = folder or forms_dir()
    current_path = folder / f"{form_id}.json"
    if not current_path.exists():
        raise FormDefinitionError(f"no form {form_id!r}")
    current = _read(current_path)
    if current.id != form_id:
        raise FormDefinitionError(f"{current_path.name} names itself {current.id!r}")
    if version is None or version == current.version:
        return current
    older = folder / form_id / f"{int(version)}.json"
    if not older.exists():
        raise FormDefinitionError(f"no version {version} of form {form_id!r}")
    form = _read(older)
    if form.id != form_id or form.version != version:
        raise FormDefinitionError(f"{older} is not version {version} of {form_id}")
    return form


def form_for_record(record: Mapping[str, Any], default_form: str, folder: Path | None = None) -> FormDefinition:
    """The form (and version) a record was made with; the current one when that is unknown."""
    form_id = record.get("form_id") or record.get("form.id") or default_form
    version = record.get("form_version") or record.get("form.version")
    try:
        return load_form(str(form_id), int(version) if version else None, folder)
    except (FormDefinitionError, ValueError):
        return load_form(default_form, folder=folder)
