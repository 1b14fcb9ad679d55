"""A pulled page is applied in bulk with the result record-by-record application had.

A real encrypted store; pages as the server sends them.
"""

from __future__ import annotations

from typing import Any

from factories import household, person, seeded

from casework.ids import new_id
from fieldapp.sync.engine import RoundReport, apply_pull_page

NOW = "2026-03-01T10:00:00.000+00:00"


def _remote(collection: str, fields: dict[str, Any], *, rid: str | None = None, version: int = 1,
            deleted: bool = False) -> dict[str, Any]:
    rec = dict(fields, id=rid or new_id(), collection=collection, version=version, deleted=deleted,
               updated_at=NOW, updated_by=None, device_id=None)
    return {"op": "upsert", "collection": collection, "id": rec["id"], "version": version, "record": rec}


def _apply(store, changes: list[dict[str, Any]], cursor: int) -> RoundReport:
    report = RoundReport()
    store.write(lambda tx: apply_pull_page(tx, {"changes": changes, "cursor": cursor, "more": False},
                                           report))
    return report


def _found(store, text: str) -> set[str]:
    return {hit.record_id for hit in store.search(text)}


def test_a_page_applied_in_bulk_is_stored_and_searchable_as_one_by_one(store):
    seeded(5)
    hh = _remote("households", household(family_name="Шевченко"))
    hh_id = hh["id"]
    people = [_remote("persons", person(hh_id, surname=f"Мар'яненко{i}")) for i in range(3)]
    report = _apply(store, [hh, *people], 10)
    assert report.pulled == 4 and store.meta("cursor") == "10"
    assert store.get("households", hh_id)["family_name"] == "Шевченко"
    assert _found(store, "Шевч") == {hh_id}
    assert _found(store, "Марʼяненко1") == {people[1]["id"]}  # apostrophes as the index keeps them

    # Changed text is found by its new words only; unchanged records keep their place in the index;
    # a tombstone leaves it.
    renamed = _remote("persons", person(hh_id, surname="Бойко"), rid=people[0]["id"], version=2)
    gone = _remote("persons", person(hh_id, surname="Мар'яненко1"), rid=people[1]["id"], version=2,
                   deleted=True)
    _apply(store, [hh, renamed, gone, people[2]], 11)
    assert _found(store, "Бойко") == {people[0]["id"]}
    assert _found(store, "Марʼяненко") == {people[2]["id"]}
    assert _found(store, "Шевч") == {hh_id}
    assert store.get("persons", people[1]["id"])["deleted"] is True
    # Nothing left behind in the index's own table: one row per indexed record.
    db = store.read()
    assert db.execute("SELECT count(*) FROM search_docs").fetchone()[0] == 3
    assert db.execute("SELECT count(*) FROM search").fetchone()[0] == 3


def test_what_this_laptop_typed_stays_on_top_of_a_bulk_page(store):
    seeded(6)
    hh = _remote("households", household(family_name="Коваль", case_number="2026/1-0001", status="active"))
    other = _remote("households", household(family_name="Мельник", case_number="2026/1-0002",
                                            status="active"))
    _apply(store, [hh, other], 5)
    store.write(lambda tx: tx.update("households", hh["id"], {"phone": "+380 50 123 4567"}))
    newer = _remote("households", household(family_name="Коваленко", phone="+380 67 000 0000",
                                            case_number="2026/1-0001", status="active"),
                    rid=hh["id"], version=2)
    evicted = {"op": "evict", "collection": "households", "id": other["id"]}
    _apply(store, [newer, evicted], 6)
    kept = store.get("households", hh["id"])
    assert kept["family_name"] == "Коваленко" and kept["phone"] == "+380 50 123 4567"
    assert _found(store, "Коваленко") == {hh["id"]}
    assert store.get("households", other["id"]) is None and _found(store, "Мельник") == set()


def test_a_pulled_family_is_found_from_inside_a_word_and_in_latin(store):
    """Most families reach a laptop by a pull: the bulk apply fills the trigram index too."""
    from fieldapp.store import queries

    seeded(6)
    hh = _remote("households", household(family_name="Шаповал", notes="", address="вул. Садова, 3"))
    mother = _remote("persons", person(hh["id"], role="mother", surname="Шаповал", given_name="Ірина"))
    _apply(store, [hh, mother], 5)

    def found(typed: str) -> set[str]:
        return set(queries.caseload_ids(store, queries.CaseloadFilter(text=typed, status=None)))

    assert found("повал") == {hh["id"]}
    assert found("Shapoval") == {hh["id"]}
    assert found("iryn") == {hh["id"]}
    # A renamed person leaves the trigram index with her old name.
    renamed = _remote("persons", person(hh["id"], role="mother", surname="Шаповал", given_name="Олена"),
                      rid=mother["id"], version=2)
    _apply(store, [renamed], 6)
    assert found("iryn") == set()
    assert found("olen") == {hh["id"]}
