"""A form for one household: its pages (a repeated section once per child or adult), the
full key of each question, and which questions the answers so far make relevant."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from casework.dates import parse_date
from casework.display import person_name
from casework.forms.definitions import FormDefinition, Item, Section, value_items
from casework.forms.expressions import evaluate

ADULT_AGE = 18


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    role: str | None
    birth_date: str | None
    is_child: bool


def members_of(persons: Iterable[Mapping[str, Any]], today: dt.date | None = None) -> list[Member]:
    """Members of a household from its person records: children (role or age < 18) and adults."""
    today = today or dt.date.today()
    out = []
    for p in persons:
        if p.get("deleted"):
            continue
        name = person_name(p)
        born = p.get("birth_date")
        b = parse_date(born)
        age = None if b is None else today.year - b.year - ((today.month, today.day) < (b.month, b.day))
        is_child = p.get("role") == "child" or (age is not None and age < ADULT_AGE)
        out.append(Member(p["id"], name or "—", p.get("role"), born, is_child))
    out.sort(key=lambda m: (m.is_child, m.birth_date or "", m.name))
    return out


# -- fields of a form for one household ------------------------------------------


@dataclass(frozen=True)
class Page:
    """A section as shown: once, or once per child/adult of a repeated section."""

    section: Section
    member: Member | None
    prefix: str  # "" or "child.<id>."

    @property
    def id(self) -> str:
        return self.section.id + (f":{self.member.id}" if self.member else "")

    def key(self, item: Item) -> str:
        assert item.key
        return self.prefix + item.key

    def title(self, lang: str) -> str:
        base = self.section.title.get(lang) or self.section.title["en"]
        return f"{base}: {self.member.name}" if self.member else base


def pages(form: FormDefinition, members: Sequence[Member]) -> list[Page]:
    out = []
    for section in form.sections:
        if section.repeat_for is None:
            out.append(Page(section, None, ""))
            continue
        chosen = [m for m in members if m.is_child == (section.repeat_for == "children")]
        if not chosen:
            out.append(Page(section, None, ""))  # an empty page that says why
        for m in chosen:
            out.append(Page(section, m, f"{section.key_prefix}.{m.id}."))
    return out


def page_has_questions(page: Page) -> bool:
    return page.section.repeat_for is None or page.member is not None


@dataclass(frozen=True)
class Field:
    key: str
    item: Item
    page: Page


def fields(form: FormDefinition, members: Sequence[Member]) -> list[Field]:
    """Every question of the form for this household, with its full key."""
    out = []
    for page in pages(form, members):
        if not page_has_questions(page):
            continue
        for item in value_items(page.section.items):
            out.append(Field(page.key(item), item, page))
    return out


def lookup_in(page: Page, answers: Mapping[str, Any]) -> Callable[[str], Any]:
    """How a page's expressions read answers: its own questions first, then the form's."""
    local = {i.key for i in value_items(page.section.items)}

    def lookup(name: str) -> Any:
        if page.prefix and name in local:
            return answers.get(page.prefix + name)
        return answers.get(name)

    return lookup


def is_relevant(page: Page, item: Item | None, answers: Mapping[str, Any], group: Item | None = None) -> bool:
    """Whether a page (item None) or a question on it is shown, given the answers so far."""
    lookup = lookup_in(page, answers)
    if page.section.relevant is not None and not evaluate(page.section.relevant, lookup):
        return False
    if group is not None and group.relevant is not None and not evaluate(group.relevant, lookup):
        return False
    return item is None or item.relevant is None or evaluate(item.relevant, lookup)


def relevant_keys(form: FormDefinition, members: Sequence[Member], answers: Mapping[str, Any]) -> set[str]:
    out = set()
    for page in pages(form, members):
        if not page_has_questions(page):
            continue
        for group, item in _items_with_group(page.section.items):
            if item.has_value and is_relevant(page, item, answers, group):
                out.add(page.key(item))
    return out


def _items_with_group(items: Iterable[Item]) -> Iterable[tuple[Item | None, Item]]:
    for item in items:
        if item.type == "group":
            for sub in item.items:
                yield item, sub
        else:
            yield None, item
