"""Generated, reproducible, plausible demo data: for the demo mode, the tests and the benchmarks.

Everything here is made up: names come from Faker's Ukrainian lists, notes
from a bank of phrases, places from the real codifier (KATOTTH) of a few
frontline oblasts. The same seed and the same `today` give the same records,
ids included. The records are stored as if they had come from a server
(version 1, nothing waiting to sync), which is how a caseload reaches a
laptop in real use.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from faker import Faker

from casework import codifier
from casework.enums import enumeration
from casework.ids import case_number, uuid7_from
from casework.records import check
from fieldapp.store.database import Store, Transaction

# Frontline oblasts named in domain.md: Sumy, Kharkiv, Donetsk; and Chernihiv.
OBLAST_PREFIXES = ("UA59", "UA63", "UA14", "UA74")
DEMO_DEVICE_CODE = "TDEM"
BATCH = 100  # households per transaction

_OBSERVATIONS = (
    "Мати повідомила, що дитина регулярно відвідує школу.",
    "Будинок опалюється пічкою, запасу дров вистачить приблизно на два тижні.",
    "Після обстрілу пошкоджено вікна, частину закрито плівкою.",
    "Діти охайні, мають окремі місця для сну.",
    "У кімнаті прохолодно, обігрівач працює лише коли є світло.",
    "Бабуся потребує допомоги з ліками, аптека у сусідньому селі.",
    "Молодша дитина відвідує дитячий садок тричі на тиждень.",
    "Сім'я отримує допомогу як внутрішньо переміщені особи.",
    "Батько перебуває на службі, зв'язок з ним нерегулярний.",
    "Старша дитина навчається дистанційно, не вистачає ноутбука.",
    "Харчування достатнє, продуктові набори отримують від громади.",
    "Мати скаржиться на втому та порушення сну.",
    "Дитина боїться гучних звуків після переїзду.",
    "Родина планує повернутися додому, коли стане безпечніше.",
    "Водопостачання з криниці, воду кип'ятять.",
    "У будинку є підвал, який використовують як укриття.",
    "Документи на дітей відновлено, очікують на довідку ВПО.",
    "Сусіди допомагають з доглядом за дітьми.",
)
_ACTIONS = (
    "Оформити довідку внутрішньо переміщеної особи",
    "Записати дитину на консультацію психолога",
    "Подати заяву на соціальну допомогу",
    "Організувати доставку твердого палива",
    "Домовитися про місце в дитячому садку",
    "Допомогти з відновленням документів",
    "Скерувати на медичний огляд",
    "Забезпечити дитину ноутбуком для навчання",
)
_AGENCIES = (
    "Служба у справах дітей",
    "Центр первинної медичної допомоги",
    "Центр надання адміністративних послуг",
    "Управління соціального захисту населення",
    "Благодійний фонд",
    "Центр безоплатної правничої допомоги",
)


@dataclass
class DemoSummary:
    households: int = 0
    persons: int = 0
    visits: int = 0
    assessments: int = 0
    plans: int = 0
    referrals: int = 0
    consents: int = 0


def demo_places(rng: random.Random, count: int = 24) -> list[tuple[str, str]]:
    """(hromada, settlement) pairs of real codifier units in the frontline oblasts."""
    hromadas: list[codifier.Unit] = []
    for oblast in codifier.children(None):
        if not oblast.code.startswith(OBLAST_PREFIXES):
            continue
        for raion in codifier.children(oblast.code):
            hromadas.extend(h for h in codifier.children(raion.code) if h.level == 3)
    chosen = rng.sample(hromadas, min(count, len(hromadas)))
    places = []
    for hromada in chosen:
        settlements = [u for u in codifier.children(hromada.code) if u.level == 4]
        if settlements:
            places.append((hromada.code, rng.choice(settlements).code))
    return places


class _Generator:
    def __init__(self, seed: int, today: dt.date):
        self.rng = random.Random(seed)
        self.fake = Faker("uk_UA")
        self.fake.seed_instance(seed)
        self.today = today
        self.places = demo_places(self.rng)
        self.factors = enumeration("circumstance_factors").codes
        self.visit_types = [c for c in enumeration("visit_types").codes if c not in ("closure", "follow_up")]
        self.services = enumeration("services").codes
        self.case_seq: dict[int, int] = {}

    def id_at(self, when: dt.date | dt.datetime) -> str:
        if isinstance(when, dt.datetime):
            moment = when
        else:
            moment = dt.datetime(when.year, when.month, when.day, 9, tzinfo=dt.UTC)
        return uuid7_from(int(moment.timestamp() * 1000), self.rng)

    def day_between(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def birth(self, min_age: int, max_age: int) -> dt.date:
        start = self.today - dt.timedelta(days=int((max_age + 1) * 365.25) - 1)
        end = self.today - dt.timedelta(days=int(min_age * 365.25))
        return self.day_between(start, end)

    def notes(self, n: int) -> str:
        return " ".join(self.rng.sample(_OBSERVATIONS, n))

    def household(self) -> list[dict[str, Any]]:
        """One family and everything recorded about it, oldest first."""
        rng = self.rng
        identified = self.today - dt.timedelta(days=rng.randint(20, 730))
        hromada, settlement = rng.choice(self.places)
        hid = self.id_at(identified)
        seq = self.case_seq[identified.year] = self.case_seq.get(identified.year, 0) + 1
        idp = rng.random() < 0.35
        father = rng.random() < 0.6
        n_children = rng.choices((1, 2, 3, 4), weights=(40, 35, 17, 8))[0]
        closed = rng.random() < 0.08
        closed_on = self.day_between(identified + dt.timedelta(days=60), self.today) if closed else None
        if closed_on and closed_on > self.today:
            closed_on, closed = None, False
        surname = self.fake.last_name_male()
        records: list[dict[str, Any]] = []

        def add(collection: str, fields: dict[str, Any], when: dt.date | dt.datetime) -> dict[str, Any]:
            rid = hid if collection == "households" else self.id_at(when)
            if collection != "households":
                fields["household_id"] = hid
            check(collection, fields, self.today)
            record = {"id": rid, "collection": collection, "version": 1, "deleted": False,
                      "household_id": hid, **fields}
            records.append(record)
            return record

        members = []
        mother = {"role": "mother", "surname": surname, "given_name": self.fake.first_name_female(),
                  "patronymic": self.fake.middle_name_female(), "birth_date": self.birth(24, 48).isoformat(),
                  "sex": "female", "idp": idp, "phone": f"+380 {rng.choice((50, 66, 67, 68, 96, 97, 98))} "
                  f"{rng.randint(100, 999)} {rng.randint(1000, 9999)}"}
        members.append(mother)
        if father:
            members.append({"role": "father", "surname": surname, "given_name": self.fake.first_name_male(),
                            "patronymic": self.fake.middle_name_male(),
                            "birth_date": self.birth(26, 55).isoformat(), "sex": "male", "idp": idp})
        if rng.random() < 0.15:
            members.append({"role": "grandparent", "surname": surname,
                            "given_name": self.fake.first_name_female(),
                            "patronymic": self.fake.middle_name_female(),
                            "birth_date": self.birth(60, 85).isoformat(), "sex": "female", "idp": idp,
                            "disability": True, "disability_group": "group_2"})
        child_disability = False
        for _ in range(n_children):
            sex = rng.choice(("female", "male"))
            child: dict[str, Any] = {
                "role": "child", "surname": surname, "sex": sex, "idp": idp,
                "given_name": self.fake.first_name_female() if sex == "female" else self.fake.first_name_male(),
                "patronymic": (self.fake.middle_name_female() if sex == "female" else self.fake.middle_name_male()),
                "birth_date": self.birth(0, 17).isoformat(),
            }
            if rng.random() < 0.08:
                child.update(disability=True, disability_group="child")
                child_disability = True
            if rng.random() < 0.05:
                returned = self.day_between(max(identified, dt.date.fromisoformat(child["birth_date"])), self.today)
                child.update(returned_from_institution=True, returned_on=returned.isoformat())
            members.append(child)

        categories = ["with_children"]
        if idp:
            categories.append("idp")
        if rng.random() < 0.4:
            categories.append("low_income")
        if child_disability:
            categories.append("child_disability")
        if n_children >= 3:
            categories.append("large_family")
        if not father:
            categories.append("single_parent")
        factors = [{"code": c, "identified_on": identified.isoformat()}
                   for c in rng.sample(self.factors, rng.randint(1, 3))]
        hh: dict[str, Any] = {
            "case_number": case_number(identified.year, DEMO_DEVICE_CODE, seq),
            "family_name": surname, "hromada": hromada, "settlement": settlement,
            "address": self.fake.street_address(), "phone": mother["phone"],
            "categories": categories, "factors": factors,
            "identified_how": rng.choice(("application", "appeal", "notification")),
            "identified_on": identified.isoformat(), "status": "closed" if closed else "active",
            "notes": self.notes(1),
        }
        if idp:
            hh["idp_certificate"] = f"{rng.randint(1000, 9999)}-{rng.randint(100000, 999999)}"
        if closed:
            hh.update(closure_reason=rng.choice(("goals_achieved", "moved_away", "transferred")),
                      closed_on=closed_on.isoformat())  # type: ignore[union-attr]
        add("households", hh, identified)
        persons = [add("persons", m, identified) for m in members]
        children = [p["id"] for p in persons if p["role"] == "child"]
        adults = [p for p in persons if p["role"] != "child"]

        for adult in adults[:2]:
            add("consents", {"person_id": adult["id"], "given_by": f"{adult['surname']} {adult['given_name']}",
                             "purpose": "data_processing", "given_on": identified.isoformat()}, identified)
        started = identified + dt.timedelta(days=rng.randint(0, 6))
        if started <= self.today:
            done = min(self.today, started + dt.timedelta(days=rng.randint(1, 5)))
            add("assessments", {"started_on": started.isoformat(), "completed_on": done.isoformat(),
                                "classification": rng.choice(("simple", "medium", "complex")),
                                "circumstances": [f["code"] for f in factors],
                                "conclusion": self.notes(2), "review_status": "approved"}, started)
            plan_day = min(self.today, done + dt.timedelta(days=rng.randint(0, 7)))
            add("plans", {"drawn_up_on": plan_day.isoformat(), "goals": self.notes(1),
                          "actions": [{"text": a, "due": (plan_day + dt.timedelta(days=rng.randint(14, 90))).isoformat(),
                                       "responsible": "фахівець"} for a in rng.sample(_ACTIONS, rng.randint(2, 4))],
                          "next_review_on": (plan_day + dt.timedelta(days=90)).isoformat(),
                          "review_status": "approved"}, plan_day)
        end = closed_on or self.today
        day = identified + dt.timedelta(days=rng.randint(0, 10))
        visits: list[dict[str, Any]] = []
        while day <= end:
            at = dt.datetime(day.year, day.month, day.day, rng.randint(8, 17), rng.choice((0, 15, 30, 45)),
                             tzinfo=dt.UTC)
            concern = rng.random() < 0.03
            present = [p["id"] for p in persons if rng.random() < 0.8] or [persons[0]["id"]]
            visit: dict[str, Any] = {
                "started_at": at.isoformat(), "duration_min": rng.choice((30, 45, 60, 90)),
                "type": "initial" if not visits else rng.choice(self.visit_types),
                "place": rng.choices(("home", "office", "remote"), weights=(80, 12, 8))[0],
                "members_present": present,
                "children_seen": [c for c in children if c in present],
                "safety_concern": concern, "notes": self.notes(rng.randint(1, 3)),
                "services": [{"code": rng.choice(self.services), "quantity": 1,
                              "recipient_id": rng.choice(present)}],
                "review_status": "approved" if (self.today - day).days > 30 else rng.choice(("submitted", "draft")),
            }
            if concern:
                visit.update(safety_details="Помічено ознаки недогляду за молодшою дитиною.",
                             safety_escalated=True)
            visits.append(add("visits", visit, at))
            day += dt.timedelta(days=rng.randint(14, 60))
        if visits and not closed:
            last = dt.date.fromisoformat(visits[-1]["started_at"][:10])
            visits[-1]["next_visit_on"] = (last + dt.timedelta(days=rng.randint(7, 45))).isoformat()
        if rng.random() < 0.3:
            referred = self.day_between(identified, self.today)
            add("referrals", {"agency": rng.choice(_AGENCIES), "reason": self.notes(1),
                              "referred_on": referred.isoformat(),
                              "outcome": rng.choice(("pending", "accepted", "completed"))}, referred)
        return records


def fill(
    store: Store,
    households: int,
    *,
    seed: int = 1,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Add `households` generated families, with two years of their records, to `store`."""
    gen = _Generator(seed, today or dt.date.today())
    summary = DemoSummary()
    done = 0
    while done < households:
        batch = [gen.household() for _ in range(min(BATCH, households - done))]

        def write(tx: Transaction, batch: list[list[dict[str, Any]]] = batch) -> None:
            tx.set_meta("demo", "1")
            if not tx.get_meta("device_code"):
                tx.set_meta("device_code", DEMO_DEVICE_CODE)
            for records in batch:
                for record in records:
                    tx.apply_remote(record)

        store.write(write)
        for records in batch:
            for record in records:
                setattr(summary, record["collection"], getattr(summary, record["collection"]) + 1)
        done += len(batch)
        if progress:
            progress(done, households)
    return summary
