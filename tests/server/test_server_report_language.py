"""GET /reports in Ukrainian as well as English: ?lang=, then Accept-Language, then the
organisation's language; the whole answer in one language. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from typing import Any

import pytest
from server_kit import create, household_fields, visit_fields

from casework.reports.language import preferred_language

PERIOD = "from=2026-01-01&to=2026-03-31"
CODES = re.compile(r"\bUA\d+\b")  # KATOTTH codes are the same in every language
LATIN = re.compile(r"[A-Za-z]{2,}")


def labels(body: dict[str, Any]) -> list[str]:
    """Every word of the answer a reader reads: title, facts, summary, headings, row labels."""
    out = [body["title"], body["summary"], *body["facts"].keys(), *body["facts"].values()]
    for section in body["sections"]:
        out += [section["title"], *section["header"]]
        out += [str(cell) for row in section["rows"] for cell in row if isinstance(cell, str)]
    return out


def english_words(body: dict[str, Any], allowed: set[str]) -> list[str]:
    return [w for text in labels(body) for w in LATIN.findall(CODES.sub("", text)) if w not in allowed]


@pytest.fixture
def sofia(world):
    anna = world.client("anna")
    for n in range(7):
        change = create("households", household_fields(case_number=f"2026/1-{n:04d}", identified_on="2026-01-05",
                                                       categories=["idp"]))
        [res] = anna.push(change)
        assert res["status"] == "applied", res
        [res] = anna.push(create("visits", visit_fields(change["id"], started_at="2026-02-03T10:00:00+02:00")))
        assert res["status"] == "applied", res
    return world.client("sofia")


def test_the_report_in_ukrainian_has_no_english_word(sofia):
    r = sofia.get(f"/api/v1/reports?{PERIOD}&lang=uk&organisation=Org")
    assert r.status_code == 200, r.text
    uk = r.json()
    # Names are data, not words of the report: the caller's organisation and the team ("North").
    assert english_words(uk, {"Org", "North"}) == []
    assert uk["about"]["language"] == "uk"
    en = sofia.get(f"/api/v1/reports?{PERIOD}&lang=en&organisation=Org").json()
    assert en["about"]["language"] == "en" and english_words(en, set())
    # The same numbers and the same machine keys whatever the words.
    assert uk["headline"] == en["headline"] and uk["tables"] == en["tables"]
    assert uk["headline"]["families_monitored"] == 7
    assert [s["title"] for s in uk["sections"]] != [s["title"] for s in en["sections"]]


def test_the_language_comes_from_accept_language_then_the_organisation(sofia):
    def lang_of(**headers: str) -> str:
        r = sofia.session.get(f"{sofia.base}/api/v1/reports?{PERIOD}", headers=sofia.headers(**headers), timeout=60)
        assert r.status_code == 200, r.text
        return str(r.json()["about"]["language"])

    assert lang_of() == "en"  # the organisation's default (Settings.report_language)
    assert lang_of(**{"Accept-Language": "uk-UA,uk;q=0.9,en;q=0.5"}) == "uk"
    assert lang_of(**{"Accept-Language": "de-DE, en;q=0.3, uk;q=0.8"}) == "uk"
    assert lang_of(**{"Accept-Language": "fr"}) == "en"
    r = sofia.get(f"/api/v1/reports?{PERIOD}&lang=fr")
    assert r.status_code == 400 and r.json()["code"] == "invalid_payload"


@pytest.mark.parametrize(("header", "expected"), [
    (None, "en"), ("", "en"), ("uk", "uk"), ("en-GB,uk;q=0.9", "en"), ("uk;q=0.2, en;q=0.9", "en"),
    ("ru, uk;q=0.5", "uk"), ("uk;q=0", "en"), ("uk;q=abc, en", "en"), (";;,,", "en"), ("UK-ua", "uk"),
])
def test_accept_language_parsing(header, expected):
    assert preferred_language(header, "en") == expected
