"""Who may change a record someone else wrote: the push's half of `casework.records.may_change`
(the laptop's store refuses the same change before it is ever sent)."""

from __future__ import annotations

from typing import Any

from casework import records as schemas
from sync.server.review import Rejected
from sync.server.scope import Actor

NOT_AUTHOR_DETAIL = ("This record was written by another specialist: only its author or a "
                     "supervisor can change it. Write a record of your own instead.")


def check_author(actor: Actor, row: Any, touched: set[str], delete: bool) -> None:
    """Refuse a change to another specialist's visit, assessment or plan (`not_author`)."""
    if not touched and not delete:
        return  # nothing would change
    if not schemas.may_change(row.collection, row.created_by, actor.user_id, actor.role):
        raise Rejected(schemas.NOT_AUTHOR, NOT_AUTHOR_DETAIL)
