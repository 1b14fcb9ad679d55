"""One-time recoding of stored records to the case cycle's contract (laptop schema 4, server
revision 0004): the same pure function on both ends, so that the two copies agree without a sync.

* Service codes: the list before 2026.2 guessed its codes; each old code is mapped once onto the
  Classifier of social services (resources/enums/sources/services-2026.1-to-2026.2.json) in
  visits' service lines, assessments' services needed, plans' action services and referrals.
* Disability: the old group code "subgroup_a" becomes group I with the subgroup A qualifier.
* Plan actions without an id get a stable one derived from the plan's id and the action's place,
  the same on every device and on the server (status updates point at it).

`recode(collection, data)` returns the new own fields, or None when nothing changes.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Mapping
from functools import cache
from typing import Any

from casework.resources import resource_dir

MAPPING_FILE = "services-2026.1-to-2026.2.json"
# The namespace of the ids given to old plan actions (uuid5 of "<plan id>/<index>").
ACTION_ID_NAMESPACE = uuid.UUID("6f1c3e0a-4b7d-5a2e-9c1f-0d8e7b6a5c40")


@cache
def service_map() -> dict[str, str]:
    """Old service code -> classifier code (codes that did not change map onto themselves)."""
    path = resource_dir() / "enums" / "sources" / MAPPING_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data["map"].items()}


def action_id(plan_id: str, index: int) -> str:
    """The stable id of an old plan's action at `index`."""
    return str(uuid.uuid5(ACTION_ID_NAMESPACE, f"{plan_id}/{index}"))


def _code(value: Any) -> Any:
    return service_map().get(value, value) if isinstance(value, str) else value


def recode(collection: str, data: Mapping[str, Any], record_id: str | None = None) -> dict[str, Any] | None:
    """The record's own fields recoded to the current contract, or None if it needs nothing.

    `record_id` is the record's id (a plan's, for its actions' ids).
    """
    new = copy.deepcopy(dict(data))
    if collection == "visits" and isinstance(new.get("services"), list):
        for line in new["services"]:
            if isinstance(line, dict) and "code" in line:
                line["code"] = _code(line["code"])
    elif collection == "assessments" and isinstance(new.get("services_needed"), list):
        new["services_needed"] = list(dict.fromkeys(_code(c) for c in new["services_needed"]))
    elif collection == "referrals" and "service" in new:
        new["service"] = _code(new["service"])
    elif collection == "plans" and isinstance(new.get("actions"), list):
        for index, action in enumerate(new["actions"]):
            if not isinstance(action, dict):
                continue
            if "service" in action:
                action["service"] = _code(action["service"])
            if not action.get("id") and record_id is not None:
                action["id"] = action_id(record_id, index)
    elif collection == "persons" and new.get("disability_group") == "subgroup_a":
        new["disability_group"] = "group_1"
        new["disability_subgroup_a"] = True
    return None if new == dict(data) else new

