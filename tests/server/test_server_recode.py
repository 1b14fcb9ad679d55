"""Revision 0004 recodes the central copy as the laptop's schema 4 does: a server database made
at revision 0003 with old records, upgraded, holds the classifier's codes and stable action ids."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from casework import records as domain
from casework.recode import action_id
from sync.server import db


def _upgrade(engine: sa.Engine, target: str) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(db.__file__).parent / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def _row(rid: str, collection: str, data: dict) -> dict:
    return {"id": rid, "collection": collection, "household_id": "h1", "version": 3, "deleted": False,
            "seq": 7, "updated_at": "2026-10-01T10:00:00+00:00", "data": json.dumps(data, ensure_ascii=False)}


def test_old_codes_are_mapped_once_and_nothing_else_moves(tmp_path: Path) -> None:
    engine = sa.create_engine(f"sqlite+pysqlite:///{tmp_path / 'server.sqlite3'}", poolclass=sa.pool.NullPool)
    _upgrade(engine, "0003")
    plan = "019f129b-5e80-79be-84af-52b3faecbd38"
    with engine.begin() as conn:
        conn.execute(db.records.insert(), [
            _row("v1", "visits", {"household_id": "h1", "services": [{"code": "006.0", "quantity": 2},
                                                                      {"code": "019.0", "quantity": 1}]}),
            _row("a1", "assessments", {"household_id": "h1", "services_needed": ["016.0", "010.0", "001.0"]}),
            _row(plan, "plans", {"household_id": "h1", "actions": [{"text": "Довідка", "service": "018.0"},
                                                                   {"text": "Садок"}]}),
            _row("p1", "persons", {"household_id": "h1", "disability": True, "disability_group": "subgroup_a"}),
            _row("r1", "referrals", {"household_id": "h1", "service": "009.0"}),
            _row("h1", "households", {"family_name": "Коваль", "notes": "006.0 у тексті не чіпаємо"}),
        ])
    _upgrade(engine, "head")
    with engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(sa.select(db.records))}
    data = {rid: json.loads(r.data) for rid, r in rows.items()}
    assert [line["code"] for line in data["v1"]["services"]] == ["019.0", "014.0"]  # never chained
    assert data["a1"]["services_needed"] == ["015.3", "012.0", "001.0"]
    assert [a["id"] for a in data[plan]["actions"]] == [action_id(plan, 0), action_id(plan, 1)]
    assert data[plan]["actions"][0]["service"] == "013.0"
    assert data["p1"]["disability_group"] == "group_1" and data["p1"]["disability_subgroup_a"] is True
    assert data["r1"]["service"] == "005.0"
    assert data["h1"]["notes"] == "006.0 у тексті не чіпаємо"
    assert {(r.version, r.seq) for r in rows.values()} == {(3, 7)}
    assert domain.validate("persons", {**data["p1"], "role": "child", "surname": "Коваль", "given_name": "Олег",
                                       "birth_date": "2015-01-01", "household_id": plan}) == []
    engine.dispose()
