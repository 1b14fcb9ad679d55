"""Every status a record can have reads as a word in both languages (the review queue, the
Returned list and the family file show them through fieldapp.ui.text.record_value): no "active"
or "in_progress" on a Ukrainian screen."""

from __future__ import annotations

import re

import pytest
from test_ui_translations import ukrainian  # noqa: F401  (the fixture)

from casework.schemas import SCHEMAS
from casework.values import Kind
from fieldapp.ui import text

STATUS_FIELDS = [(c, s.name, s.choices) for c, specs in SCHEMAS.items() for s in specs
                 if s.kind is Kind.CHOICE and s.name in ("status", "review_status", "decision")]


def test_there_are_statuses_to_check():
    assert {("households", "status"), ("visits", "review_status"), ("referrals", "status"),
            ("action_updates", "status")} <= {(c, f) for c, f, _ in STATUS_FIELDS}


@pytest.mark.parametrize(("collection", "field", "choices"), STATUS_FIELDS)
def test_statuses_in_english_are_words(qapp, collection, field, choices):
    for code in choices:
        shown = text.record_value(collection, field, code)
        assert "_" not in shown and shown.strip(), (collection, field, code)


@pytest.mark.parametrize(("collection", "field", "choices"), STATUS_FIELDS)
def test_statuses_in_ukrainian_are_ukrainian(qapp, ukrainian, collection, field, choices):  # noqa: F811
    for code in choices:
        shown = text.record_value(collection, field, code)
        assert shown != code and not re.search("[A-Za-z]", shown), (collection, field, code, shown)
