"""Shipped enumerations extended by the reference data IT publishes on the server.

A list such as `agencies` ships in resources/enums/; an organisation adds its own agencies by
publishing reference data with the same name (the server's `reference publish`), which reaches
every laptop in the read-only `reference` collection. `extended` puts the two together: the
shipped items first, then the published ones; a published item with a shipped code relabels it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from casework.enums import Enumeration, EnumerationError, parse


def extended(base: Enumeration, published: Iterable[Mapping[str, Any]]) -> Enumeration:
    """`base` with the items of the published reference data named like it (the newest edition).

    A malformed published edition is ignored: the shipped list keeps working.
    """
    editions = [p for p in published if p.get("name") == base.name and not p.get("deleted")]
    if not editions:
        return base
    newest = max(editions, key=lambda p: str(p.get("edition") or ""))
    try:
        extra = parse({"name": base.name, "version": str(newest.get("edition") or base.version),
                       "source": str(newest.get("source") or base.source), "items": newest.get("items")})
    except EnumerationError:
        return base
    by_code = {item.code: item for item in extra.items}
    items = [by_code.pop(item.code, item) for item in base.items]
    items.extend(item for item in extra.items if item.code in by_code)
    return Enumeration(base.name, f"{base.version}+{extra.version}", base.source, tuple(items))
