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
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from faker import Faker

from casework.enums import enumeration
from casework.ids import case_number, uuid7_from
from casework.records import check
from fieldapp.demo_setup import (
    DEMO_SUPERVISOR,
    LATE_NOTICES,
    DemoRefused,
    DemoSummary,
    demo_places,
    demo_team,
    refusal,
)
from fieldapp.demo_text import _ACTIONS, _AGENCIES, _OBSERVATIONS
from fieldapp.store import bulk, team
from fieldapp.store.database import Store, Transaction

__all__ = ["DemoRefused", "DemoSummary", "demo_places", "demo_team", "fill", "refusal"]

DEMO_DEVICE_CODE = "TDEM"
BATCH = 100  # households per transaction
NEW_FAMILIES = 0.02  # identified in the last week: the first visit and the assessment are due
LATE_VISITS = 0.05  # families whose next visit is past (by up to two weeks)
RECENT_DAYS = 30  # plan actions due this recently may still be open; older ones were settled
PROTECTED_FAMILIES = 0.01  # a counter-trafficking status in the family


class _Generator:
    def __init__(self, seed: int, today: dt.date, device_code: str = DEMO_DEVICE_CODE,
                 start_seq: Callable[[int], int] = lambda _year: 0):
        self.rng = random.Random(seed)
        self.fake = Faker("uk_UA")
        self.fake.seed_instance(seed)
        self.today = today
        self.places = demo_places(self.rng)
        self.factors = enumeration("circumstance_factors").codes
        self.visit_types = [c for c in enumeration("visit_types").codes if c not in ("closure", "follow_up")]
        self.services = enumeration("services").codes
        self.goals = [c for c in enumeration("plan_goals").codes if c != "other"]
        self.device_code = device_code
        self.start_seq = start_seq  # the profile's own counter: demo numbers continue it, never repeat it
        self.case_seq: dict[int, int] = {}
        self.tick = 0
        self.team = sorted(demo_team().items())
        self.team_rng = random.Random(f"demo-team-{seed}")  # its own stream: the records' stay as they were
        self.worker = self.team[0]

    def id_at(self, when: dt.date | dt.datetime) -> str:
        return uuid7_from(int(self.moment(when).timestamp() * 1000), self.rng)

    @staticmethod
    def moment(when: dt.date | dt.datetime) -> dt.datetime:
        if isinstance(when, dt.datetime):
            return when
        return dt.datetime(when.year, when.month, when.day, 9, tzinfo=dt.UTC)

    def day_between(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def past(self, day: dt.date) -> dt.date:
        """`day`, or today when it lies ahead: a status is never recorded in the future."""
        return min(day, self.today)

    def birth(self, min_age: int, max_age: int) -> dt.date:
        start = self.today - dt.timedelta(days=int((max_age + 1) * 365.25) - 1)
        end = self.today - dt.timedelta(days=int(min_age * 365.25))
        return self.day_between(start, end)

    def notes(self, n: int) -> str:
        return " ".join(self.rng.sample(_OBSERVATIONS, n))

    def household(self) -> list[dict[str, Any]]:
        """One family and everything recorded about it, oldest first."""
        rng = self.rng
        # A few families arrived this week: no visit or assessment yet, or just the first.
        new_family = rng.random() < NEW_FAMILIES
        identified = self.today - dt.timedelta(days=rng.randint(0, 7) if new_family else rng.randint(20, 730))
        hromada, settlement = rng.choice(self.places)
        hid = self.id_at(identified)
        year = identified.year
        seq = self.case_seq[year] = self.case_seq.get(year, self.start_seq(year)) + 1
        idp = rng.random() < 0.35
        father = rng.random() < 0.6
        n_children = rng.choices((1, 2, 3, 4), weights=(40, 35, 17, 8))[0]
        closed_on = None
        if not new_family and rng.random() < 0.08:
            closed_on = self.day_between(identified + dt.timedelta(days=60), self.today)
            if closed_on > self.today:
                closed_on = None
        surname = self.fake.last_name_male()
        self.worker = self.team_rng.choice(self.team)
        records: list[dict[str, Any]] = []

        def add(collection: str, fields: dict[str, Any], when: dt.date | dt.datetime) -> dict[str, Any]:
            rid = hid if collection == "households" else self.id_at(when)
            if collection != "households":
                fields["household_id"] = hid
            check(collection, fields, self.today)
            stamp = self.moment(when).isoformat(timespec="milliseconds").replace("+00:00", "Z")
            record = {"id": rid, "collection": collection, "version": 1, "deleted": False,
                      "household_id": hid, "updated_at": stamp, **fields}
            records.append(record)
            return record

        members = self.members(surname, idp, father, n_children, identified)
        categories = ["with_children"]
        if idp:
            categories.append("idp")
        if rng.random() < 0.4:
            categories.append("low_income")
        if any(m.get("disability_group") == "child" for m in members):
            categories.append("child_disability")
        if n_children >= 3:
            categories.append("large_family")
        if not father:
            categories.append("single_parent")
        factors = [{"code": c, "identified_on": identified.isoformat()}
                   for c in rng.sample(self.factors, rng.randint(1, 3))]
        hh: dict[str, Any] = {
            "case_number": case_number(identified.year, self.device_code, seq),
            "family_name": surname, "hromada": hromada, "settlement": settlement,
            "address": self.fake.street_address(), "phone": members[0]["phone"],
            "categories": categories, "factors": factors,
            "identified_how": rng.choice(("application", "appeal", "notification")),
            "identified_on": identified.isoformat(), "received_on": identified.isoformat(),
            "caseworker_id": self.worker[0],
            "specialists": [{"name": self.worker[1], "from": identified.isoformat()}],
            "status": "active", "notes": self.notes(1),
        }
        if idp:
            hh["idp_certificate"] = f"{rng.randint(1000, 9999)}-{rng.randint(100000, 999999)}"
        if closed_on:
            hh.update(self.closure_fields(closed_on))
        add("households", hh, identified)
        persons = [add("persons", m, identified) for m in members]
        children = [p["id"] for p in persons if p["role"] == "child"]
        self.consents(add, identified, persons)
        end = closed_on or self.today
        visits = self.visits(add, identified, end, persons, children, new_family)
        started = identified + dt.timedelta(days=rng.randint(0, 4))
        if started <= self.today and (not new_family or rng.random() < 0.4):
            self.assessment_and_plan(add, started, factors, end)
        if not new_family and rng.random() < 0.3:
            self.referral(add, identified, end, visits)
        if closed_on:
            add("reviews", {"record_collection": "households", "record_id": hid, "status": "approved",
                            "reviewer_id": "demo-supervisor", "reviewed_at": self.moment(closed_on).isoformat()},
                closed_on)
        if rng.random() < PROTECTED_FAMILIES:
            self.protected(add, persons[0], identified)
        return records

    def members(self, surname: str, idp: bool, father: bool, n_children: int,
                identified: dt.date) -> list[dict[str, Any]]:
        rng = self.rng
        members = []
        mother = {"role": "mother", "surname": surname, "given_name": self.fake.first_name_female(),
                  "patronymic": self.fake.middle_name_female(), "birth_date": self.birth(24, 48).isoformat(),
                  "sex": "female", "idp": idp, "phone": f"+380 {rng.choice((50, 66, 67, 68, 96, 97, 98))} "
                  f"{rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                  "id_document_type": rng.choice(("passport_book", "id_card"))}
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
        for _ in range(n_children):
            sex = rng.choice(("female", "male"))
            child: dict[str, Any] = {
                "role": "child", "surname": surname, "sex": sex, "idp": idp,
                "given_name": self.fake.first_name_female() if sex == "female" else self.fake.first_name_male(),
                "patronymic": (self.fake.middle_name_female() if sex == "female" else self.fake.middle_name_male()),
                "birth_date": self.birth(0, 17).isoformat(), "legal_status": "difficult_circumstances",
                "id_document_type": "birth_certificate",
            }
            if rng.random() < 0.08:
                child.update(disability=True, disability_group="child")
            if rng.random() < 0.05:
                returned = self.day_between(max(identified, dt.date.fromisoformat(child["birth_date"])), self.today)
                child.update(returned_from_institution=True, returned_on=returned.isoformat())
            members.append(child)
        for m in members:
            if idp:  # CMU resolution No. 509: a certificate for each person, children included
                m.update(idp_certificate=f"{rng.randint(1000, 9999)}-{rng.randint(100000, 999999)}",
                         idp_certificate_on=identified.isoformat())
        return members

    def closure_fields(self, closed_on: dt.date) -> dict[str, Any]:
        """The approved report on the results, and for some a follow-up (done once it is past)."""
        rng = self.rng
        outcome = rng.choices(("OVR", "MIN", "N"), weights=(55, 35, 10))[0]
        fields: dict[str, Any] = {
            "status": "closed", "review_status": "approved", "closed_on": closed_on.isoformat(),
            "closure_reason": "goals_achieved" if outcome != "N" else rng.choice(("moved_away", "refused_services")),
            "closure_outcome": outcome,
        }
        if outcome == "N":
            fields["closure_outcome_reason"] = rng.choice(("REF", "MOV"))
        if rng.random() < 0.4:
            follow = closed_on + dt.timedelta(days=rng.randint(30, 90))
            if 30 <= (self.today - closed_on).days <= 90 and rng.random() < 0.5:
                follow = self.today + dt.timedelta(days=rng.randint(0, 6))  # a follow-up planned this week
            fields["follow_up_on"] = follow.isoformat()
            if follow < self.today - dt.timedelta(days=5):
                fields["follow_up_done_on"] = self.past(follow + dt.timedelta(days=rng.randint(0, 5))).isoformat()
        return fields

    def consents(self, add: Callable[..., dict[str, Any]], identified: dt.date,
                 persons: list[dict[str, Any]]) -> None:
        rng = self.rng
        head = persons[0]
        given_by = f"{head['surname']} {head['given_name']}"
        consent: dict[str, Any] = {"person_id": head["id"], "given_by": given_by, "given_by_id": head["id"],
                                   "purpose": "data_processing", "scope": "Соціальна картка сімʼї",
                                   "given_on": identified.isoformat()}
        if rng.random() < 0.02:
            consent.update(withdrawn_on=self.past(identified + dt.timedelta(days=rng.randint(10, 60))).isoformat(),
                           withdrawal_note="Мати відкликала згоду на обмін даними з іншими службами.")
        add("consents", consent, identified)
        older = [p for p in persons if p["role"] == "child"
                 and (identified - dt.date.fromisoformat(p["birth_date"])).days > 10 * 365]
        for child in older[:1]:
            add("consents", {"person_id": child["id"], "given_by": given_by, "given_by_id": head["id"],
                             "purpose": "social_services", "given_on": identified.isoformat(),
                             "expires_on": (identified + dt.timedelta(days=365)).isoformat(),
                             "child_assent": rng.choices(("given", "not_asked"), weights=(85, 15))[0]},
                identified)

    def visits(self, add: Callable[..., dict[str, Any]], identified: dt.date, end: dt.date,
               persons: list[dict[str, Any]], children: list[str], new_family: bool) -> list[dict[str, Any]]:
        rng = self.rng
        day = identified + dt.timedelta(days=rng.randint(0, 10))
        if new_family and rng.random() < 0.5:
            day = end + dt.timedelta(days=1)  # not visited yet: the first visit is due
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
                "review_status": "approved" if (self.today - day).days > 30 else rng.choice(("submitted", "draft")),
            }
            if concern:
                visit.update(safety_details="Помічено ознаки недогляду за молодшою дитиною.",
                             safety_escalated=True)
            visits.append(add("visits", visit, at))
            if concern:
                self.notices(add, visits[-1], at)
            if rng.random() < 0.5:
                add("service_events", {"service": rng.choice(self.services), "delivered_on": day.isoformat(),
                                       "place": visit["place"], "provider": "ЦНСП", "quantity": 1,
                                       "recipients": [rng.choice(present)], "visit_id": visits[-1]["id"]}, at)
            day += dt.timedelta(days=rng.randint(14, 60))
        if visits and end == self.today:
            last = dt.date.fromisoformat(visits[-1]["started_at"][:10])
            # Most next visits lie ahead (the date the loop would have visited); a few are late.
            nxt = day if rng.random() > LATE_VISITS else self.today - dt.timedelta(days=rng.randint(1, 14))
            visits[-1]["next_visit_on"] = max(nxt, last + dt.timedelta(days=1)).isoformat()
        return visits

    def notices(self, add: Callable[..., dict[str, Any]], visit: dict[str, Any], at: dt.datetime) -> None:
        """The statutory notices of a concern (casework.safety: within a day): most given within hours,
        a few late; none dated after the demo's morning, so the newest concerns may still wait for some."""
        rng = self.rng
        now = self.moment(self.today)
        late = rng.random() < LATE_NOTICES
        # In the last week, some concerns still wait for the centre's notice (it is often the last).
        waiting = now - at < dt.timedelta(days=7) and rng.random() < 0.4
        for recipient in ("children_service", "police", "centre"):
            told = at + dt.timedelta(minutes=rng.randint(25 * 60, 60 * 60) if late else rng.randint(20, 20 * 60))
            if told > now or (waiting and recipient == "centre"):
                continue  # not told yet: the clock is still running (or has run out) on Today
            channel = rng.choice(("phone", "email", "in_person", "letter"))
            notice: dict[str, Any] = {
                "concern_id": visit["id"], "recipient": recipient, "channel": channel,
                "notified_at": told.isoformat(), "notified_by": self.worker[1]}
            if channel in ("email", "letter"):
                notice["reference"] = f"вих. № {rng.randint(10, 999)}"
            add("safety_notices", notice, told)

    def assessment_and_plan(self, add: Callable[..., dict[str, Any]], started: dt.date,
                            factors: list[dict[str, Any]], end: dt.date) -> None:
        """The assessment, the plan drawn from it, revised every six months, and its actions' progress."""
        rng = self.rng
        done = self.past(started + dt.timedelta(days=rng.randint(1, 5)))
        assessment = add("assessments", {
            "started_on": started.isoformat(), "completed_on": done.isoformat(),
            "classification": rng.choice(("simple", "medium", "complex")),
            "circumstances": [f["code"] for f in factors], "conclusion": self.notes(2),
            "review_status": "approved" if (self.today - done).days > 7 else "submitted"}, started)
        if (self.today - done).days < 2:
            return  # the plan is drawn up in the days after the assessment
        drawn = self.past(done + dt.timedelta(days=rng.randint(1, 7)))
        previous: dict[str, Any] | None = None
        carried: list[tuple[dict[str, Any], dt.date]] = []  # open actions a revision keeps, and when due
        version = 1
        while True:
            until = drawn + dt.timedelta(days=183)
            kept = {a["text"] for a, _due in carried}
            fresh = [
                {"id": self.id_at(drawn), "text": text, "responsible": "фахівець із соціальної роботи",
                 "due": (drawn + dt.timedelta(days=rng.randint(14, 150))).isoformat(),
                 "service": rng.choice(self.services)}
                for text in rng.sample([t for t in _ACTIONS if t not in kept], rng.randint(2, 3))]
            actions = [a for a, _due in carried] + fresh
            plan_fields: dict[str, Any] = {
                "drawn_up_on": drawn.isoformat(), "plan_version": version, "assessment_id": assessment["id"],
                "goal_codes": rng.sample(self.goals, 2), "goals": self.notes(1), "actions": actions,
                "term_from": drawn.isoformat(), "term_until": until.isoformat(),
                "next_review_on": (drawn + dt.timedelta(days=90)).isoformat(),
                "review_status": "approved" if (self.today - drawn).days > 7 else "submitted"}
            if previous is not None:
                plan_fields["supersedes_id"] = previous["id"]
            plan = add("plans", plan_fields, drawn)
            revise = until + dt.timedelta(days=1)
            horizon = min(end, revise)
            dues = [d for _a, d in carried] + [dt.date.fromisoformat(a["due"]) for a in fresh]
            states = [(a, self.progress(add, plan, a, horizon, due, fresh=a in fresh))
                      for a, due in zip(actions, dues, strict=True)]
            carried = [(a, due) for a, due in states if due is not None]
            if revise > end:
                return
            previous, drawn, version = plan, revise, version + 1

    def progress(self, add: Callable[..., dict[str, Any]], plan: dict[str, Any], action: dict[str, Any],
                 horizon: dt.date, due: dt.date, fresh: bool = True) -> dt.date | None:
        """Status updates of one action up to `horizon`: None when it ended, else when it is due now."""
        rng = self.rng
        begun = dt.date.fromisoformat(plan["drawn_up_on"])
        last = [begun]
        last_when: list[dt.datetime] = []

        def update(status: str, on: dt.date, **more: Any) -> None:
            on = self.past(max(on, last[0]))  # each update on or after the one before
            last[0] = on
            # After the one before: ids (uuid7) follow the order the updates were made in, also when
            # two fall on one day (the spread of minutes wraps, so it alone does not keep the order).
            self.tick += 1
            when = self.moment(on) + dt.timedelta(minutes=self.tick % 600)
            if last_when and when <= last_when[0]:
                when = last_when[0] + dt.timedelta(minutes=1)
            last_when[:] = [when]
            add("action_updates", {"plan_id": plan["id"], "action_id": action["id"], "status": status,
                                   "on": on.isoformat(), **more}, when)

        if fresh and rng.random() < 0.4 and begun + dt.timedelta(days=3) <= min(due, horizon):
            update("in_progress", self.day_between(begun + dt.timedelta(days=3), min(due, horizon)))
        if due > horizon:
            return due  # not due yet
        recent = horizon == self.today and (self.today - due).days < RECENT_DAYS
        roll = rng.random()
        if roll < (0.78 if recent else 0.9):
            update("done", self.day_between(due - dt.timedelta(days=10), due + dt.timedelta(days=3)),
                   note="Виконано.")
            return None
        if roll < (0.84 if recent else 0.97):
            update("cancelled", due, note="Потреба відпала.")
            return None
        if roll < 0.94 or not recent:
            later = max(due, horizon) + dt.timedelta(days=rng.randint(3, 30))
            update("postponed", due, postponed_to=later.isoformat(), note="Очікуємо відповіді служби.")
            return later
        return due  # a few recent ones are overdue

    def referral(self, add: Callable[..., dict[str, Any]], identified: dt.date, end: dt.date,
                 visits: list[dict[str, Any]]) -> None:
        rng = self.rng
        referred = self.day_between(identified, end)
        fields: dict[str, Any] = {
            "direction": "outgoing", "agency": rng.choice(_AGENCIES), "reason": self.notes(1),
            "referred_on": referred.isoformat(), "service": rng.choice(self.services)}
        if visits:
            fields["visit_id"] = rng.choice(visits)["id"]
        age = (self.today - referred).days
        if age > 45 or end != self.today:
            status = rng.choices(("completed", "refused"), weights=(85, 15))[0]
        else:
            status = rng.choices(("sent", "accepted", "completed"), weights=(40, 30, 30))[0]
        fields.update(status=status, status_on=self.past(referred + dt.timedelta(days=rng.randint(0, 20))).isoformat())
        if status == "refused":
            fields["refusal_reason"] = "Немає вільних місць."
        if status in ("sent", "accepted"):  # followed up on time, so the next follow-up lies ahead (a few are late)
            follow = referred + dt.timedelta(days=rng.randint(14, 35))
            while follow < self.today - dt.timedelta(days=3) and (
                    rng.random() < 0.9 or follow < self.today - dt.timedelta(days=RECENT_DAYS)):
                follow += dt.timedelta(days=14)
            fields["follow_up_on"] = follow.isoformat()
        add("referrals", fields, referred)

    def protected(self, add: Callable[..., dict[str, Any]], person: dict[str, Any], identified: dt.date) -> None:
        applied = self.past(identified + dt.timedelta(days=self.rng.randint(5, 30)))
        decided = self.past(applied + dt.timedelta(days=10))
        add("protected", {"person_id": person["id"], "kind": "trafficking",
                          "reason": "Особа звернулася щодо встановлення статусу постраждалої від торгівлі людьми.",
                          "status_applied_on": applied.isoformat(), "decision": "granted",
                          "decision_on": decided.isoformat(), "certificate_on": decided.isoformat(),
                          "certificate_expires_on": (decided + dt.timedelta(days=365)).isoformat(),
                          "exploitation_forms": ["forced_labour"]}, applied)


def fill(
    store: Store,
    households: int,
    *,
    seed: int = 1,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Add `households` generated families, with two years of their records, to `store`.

    Raises DemoRefused for an enrolled profile. The case numbers take the profile's own
    counter (casework/ids.py), so a family recorded later never gets a demo family's number.
    """
    if store.meta("device_token") or store.meta("server_url"):
        raise DemoRefused("enrolled")
    code = store.meta("device_code") or DEMO_DEVICE_CODE

    def start_seq(year: int) -> int:
        return int(store.meta(f"case_seq:{year}") or 0)

    gen = _Generator(seed, today or dt.date.today(), code, start_seq)
    summary = DemoSummary()

    def write(tx: Transaction, batch: list[list[dict[str, Any]]], seqs: dict[int, int]) -> None:
        tx.set_meta("demo", "1")
        if not tx.get_meta("device_code"):
            tx.set_meta("device_code", code)
        if not tx.get_meta(team.NAMES_KEY):  # the team's names, as a sync would bring them
            people = [{"id": uid, "display_name": name, "role": "caseworker"} for uid, name in demo_team().items()]
            people.append({"id": DEMO_SUPERVISOR[0], "display_name": DEMO_SUPERVISOR[1], "role": "supervisor"})
            tx.set_meta(team.NAMES_KEY, team.names_json(people))
        for year, seq in seqs.items():  # the next real family numbers after these
            if seq > int(tx.get_meta(f"case_seq:{year}", "0") or 0):
                tx.set_meta(f"case_seq:{year}", str(seq))
        # In bulk: the due table's triggers and the search index once per batch (fieldapp/store/bulk.py).
        bulk.load(tx, [record for records in batch for record in records])

    def written(batch: list[list[dict[str, Any]]], done: int) -> None:
        for records in batch:
            for record in records:
                setattr(summary, record["collection"], getattr(summary, record["collection"]) + 1)
        if progress:
            progress(done, households)

    # The next batch is generated while the store writes the last one (SQLite lets go of the GIL):
    # each batch is still its own transaction, written in order, and the progress comes from here.
    done = 0
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo-fill") as writer:
        pending: tuple[Future[None], list[list[dict[str, Any]]], int] | None = None
        while done < households:
            batch = [gen.household() for _ in range(min(BATCH, households - done))]
            done += len(batch)
            if pending is not None:
                pending[0].result()
                written(pending[1], pending[2])
            job = writer.submit(store.write, lambda tx, b=batch, q=dict(gen.case_seq): write(tx, b, q))
            pending = (job, batch, done)
        if pending is not None:
            pending[0].result()
            written(pending[1], pending[2])
    return summary
