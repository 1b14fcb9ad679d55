"""A record, its form and its template laid out as a `Paper`: the document for signature.

The questions come from the form the record was made with (`forms.form_for_record`), in the
form's order and wording; the answers as the form words them (choice labels, dates as the
language writes them, names of the family's members, never codes or ids); the fixed text and
the signature lines from the paper template (`casework.papers.templates`). A blank paper
(`record=None`) keeps every question, with room to write and the choices to tick.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from casework import forms
from casework.dates import day_of, format_date, parse_datetime
from casework.display import display_value
from casework.enums import enumeration
from casework.forms import Item, Member, Page
from casework.papers.model import (
    Answer,
    Answers,
    Block,
    Heading,
    Paper,
    Signature,
    Signatures,
    Table,
    Text,
)
from casework.papers.templates import PaperTemplate, template_for, templates, word
from casework.values import is_empty

BOX, TICKED = "☐", "☒"
CHILD_SIGNS_AT = 14  # a child of 14 or over signs the plan beside the parents (ACT_IP_DOC_857)


def _age(member: Member, today: dt.date) -> int | None:
    born = day_of(member.birth_date)
    if born is None:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class _Writer:
    """Answers of one record in one language."""

    def __init__(self, lang: str, people: Mapping[str, str], blank: bool):
        self.lang, self.people, self.blank = lang, people, blank

    def choice(self, item: Item, code: Any) -> str:
        c = item.choice(code)
        return c.label(self.lang) if c else str(code)

    def boxes(self, item: Item, chosen: Iterable[Any] = ()) -> str:
        picked = {str(c) for c in chosen}
        # a box keeps to its label (no-break space); options part by an em space, so a line breaks between them
        return "\u2003".join(f"{TICKED if c.code in picked else BOX}\u00a0{c.label(self.lang)}" for c in item.choices)

    def value(self, item: Item, value: Any) -> str:
        """An answer as the form words it."""
        if self.blank:
            if item.type in ("single", "multiple", "checklist", "rating"):
                return self.boxes(item)
            if item.type == "yesno":
                return f"{BOX}\u00a0{word('yes', self.lang)}\u2003{BOX}\u00a0{word('no', self.lang)}"
            return ""
        if is_empty(value):
            return word("empty", self.lang)
        if item.type == "yesno":
            return word("yes" if value else "no", self.lang)
        if item.type in ("single", "rating"):
            return self.choice(item, value)
        if item.type == "checklist":
            return self.boxes(item, value if isinstance(value, list) else [value])
        if item.type == "multiple":
            return "; ".join(self.choice(item, v) for v in (value if isinstance(value, list) else [value]))
        if item.type == "person":
            return self.people.get(str(value), word("empty", self.lang))
        if item.type == "persons":
            return ", ".join(self.people.get(str(v), "") for v in value if str(v) in self.people)
        if item.type == "date":
            return format_date(str(value), self.lang)
        if item.type == "datetime":
            moment = parse_datetime(value)
            return f"{format_date(moment.date(), self.lang)} {moment:%H:%M}" if moment else str(value)
        return str(value)

    def table(self, item: Item, value: Any) -> Table:
        header = tuple(sub.text("label", self.lang) for sub in item.items)
        if self.blank:
            rows: tuple[tuple[str, ...], ...] = tuple(("",) * len(header) for _ in range(3))
        else:
            rows = tuple(
                tuple(self.value(sub, row.get(sub.key)) if sub.key else "" for sub in item.items)
                for row in (value if isinstance(value, list) else []) if isinstance(row, dict)
            ) or ((word("empty", self.lang),) + ("",) * (len(header) - 1),)
        return Table(item.text("label", self.lang), header, rows)


def _page_blocks(page: Page, record: Mapping[str, Any], w: _Writer) -> list[Block]:
    out: list[Block] = [Heading(page.title(w.lang))]
    rows: list[Answer] = []

    def flush() -> None:
        if rows:
            out.append(Answers(tuple(rows)))
            rows.clear()

    def add(item: Item, group: Item | None) -> None:
        if not item.has_value or not item.key:
            return
        if not w.blank and not forms.is_relevant(page, item, record, group):
            return
        value = record.get(page.key(item))
        if item.type == "repeat":
            flush()
            out.append(w.table(item, value))
            return
        lines = 4 if item.type == "longtext" else 1
        rows.append(Answer(item.text("label", w.lang), w.value(item, value), lines))

    if not w.blank and not forms.is_relevant(page, None, record):
        return []
    for item in page.section.items:
        if item.type == "group":
            if not w.blank and item.relevant is not None and not forms.is_relevant(page, None, record, item):
                continue
            flush()
            out.append(Heading(item.text("label", w.lang), 3))
            for sub in item.items:
                add(sub, item)
        elif item.type != "note":
            add(item, None)
    flush()
    return out if len(out) > 1 else []


def _blank_repeat_blocks(page: Page, w: _Writer) -> list[Block]:
    """A section asked once per child (adult), on a blank form for no known child (adult): printed
    once, with a line to write whom it is about and a note to copy it for each of them."""
    blocks = _page_blocks(page, {}, w)
    kind = "children" if page.section.repeat_for == "children" else "adults"
    about = Answers((Answer(word(f"blank_repeat_{kind}", w.lang), ""),))
    return [blocks[0], Text(word(f"blank_repeat_{kind}_note", w.lang), small=True), about, *blocks[1:]] if blocks else []


def _family_blocks(household: Mapping[str, Any] | None, members: Sequence[Member],
                   roles: Mapping[str, str], lang: str) -> list[Block]:
    h = household or {}

    def shown(name: str) -> str:
        return "" if is_empty(h.get(name)) else display_value("households", name, h.get(name), lang=lang)

    where = shown("settlement") or shown("hromada")  # a settlement's name already names its hromada
    out: list[Block] = [Answers((
        Answer(word("family", lang), str(h.get("family_name", ""))),
        Answer(word("case_number", lang), str(h.get("case_number", ""))),
        Answer(word("settlement", lang), where),
        Answer(word("address", lang), str(h.get("address", ""))),
        Answer(word("phone", lang), str(h.get("phone", ""))),
    ))]
    header = (word("member_name", lang), word("member_birth", lang), word("member_role", lang))
    rows = tuple((m.name, format_date(m.birth_date, lang), roles.get(m.id, "")) for m in members)
    out.append(Table(word("members", lang), header, rows or tuple(("", "", "") for _ in range(4))))
    return out


def _parents_blocks(template: PaperTemplate, persons: Sequence[Mapping[str, Any]], members: Sequence[Member],
                    roles: Mapping[str, str], lang: str, blank: bool) -> list[Block]:
    """The parents' part of an act (the template's `parents`): a column for each parent or legal
    representative in the family, a row for each of the act's data; blank columns to fill by hand."""
    spec = template.parents
    names = {m.id: m.name for m in members}
    wanted = spec["roles"]
    people = sorted((p for p in persons if str(p.get("role")) in wanted and str(p.get("id")) in names),
                    key=lambda p: wanted.index(str(p.get("role"))))
    if people:
        header = ("",) + tuple(roles.get(str(p["id"]), "") for p in people)
    else:
        header = ("",) + spec["blank_columns"][lang]

    def cell(person: Mapping[str, Any], name: str) -> str:
        if name == "name":
            return names[str(person["id"])]
        value = person.get(name)
        if is_empty(value):
            return ""
        return format_date(str(value), lang) if name == "birth_date" else display_value("persons", name, value, lang=lang)

    rows = tuple((label[lang],) + (tuple(cell(p, name) for p in people) or ("",) * (len(header) - 1))
                 for name, label in spec["rows"])
    absent = TICKED if not blank and not people else BOX
    return [Heading(spec["heading"][lang]), Table("", header, rows), Text(f"{absent}\u00a0{spec['absent'][lang]}"),
            Answers((Answer(spec["carers"][lang], "", 2),))]


def _signatures(template: PaperTemplate, record: Mapping[str, Any], members: Sequence[Member],
                people: Mapping[str, str], author: str, lang: str, today: dt.date, blank: bool) -> Signatures:
    rows: list[Signature] = []
    for role in template.signatures:
        if role == "specialist":
            rows.append(Signature(word("specialist", lang), "" if blank else author))
        elif role == "workers":
            workers = [r for r in record.get("workers_present") or [] if isinstance(r, dict)]
            for r in workers if not blank else [{}, {}]:
                name = ", ".join(str(r[k]) for k in ("name", "position") if not is_empty(r.get(k)))
                rows.append(Signature(word("worker", lang), name))
        elif role == "adults":
            adults = [m for m in members if not m.is_child]
            rows += [Signature(word("adult", lang), m.name) for m in adults] or [Signature(word("adult", lang), "")] * 2
        elif role == "children_14":
            rows += [Signature(word("child", lang), m.name) for m in members
                     if m.is_child and (_age(m, today) or 0) >= CHILD_SIGNS_AT]
        elif role == "giver":
            giver = people.get(str(record.get("given_by_id"))) or str(record.get("given_by") or "")
            rows.append(Signature(word("adult", lang), "" if blank else giver))
        elif role == "head":
            rows.append(Signature(word("head", lang), ""))
        elif role == "commission":
            rows.append(Signature(word("commission_head", lang), "" if blank else author))
            rows += [Signature(word("commission_member", lang), "")] * 2
    return Signatures(tuple(rows))


def _extent(attachment: Mapping[str, Any], lang: str) -> str:
    pages, size = attachment.get("pages"), attachment.get("size")
    if isinstance(pages, int) and pages > 0:
        return word("attachment_pages", lang).format(pages=pages)
    if not isinstance(size, int) or size <= 0:
        return ""
    if size < 1024 * 1024:
        shown = word("size_kb", lang).format(n=max(1, round(size / 1024)))
    else:
        shown = word("size_mb", lang).format(n=f"{size / (1024 * 1024):.1f}".replace(".", "," if lang == "uk" else "."))
    return word("attachment_image", lang).format(size=shown) if str(attachment.get("media_type", "")).startswith("image/") else shown


def attachments_table(attachments: Sequence[Mapping[str, Any]], lang: str) -> Table | None:
    """The list of a record's attachments on its paper: caption, document type, date, pages or size
    (never the content, never a file name or id); None when it has none."""
    live = [a for a in attachments if not a.get("deleted")]
    if not live:
        return None
    kinds = enumeration("attachment_types")
    header = (word("attachment_caption", lang), word("attachment_type", lang), word("attachment_date", lang),
              word("attachment_extent", lang))
    rows = tuple((str(a.get("caption") or ""), kinds.label(str(a.get("doc_type") or "other"), lang),
                  format_date(str(a.get("updated_at") or ""), lang), _extent(a, lang)) for a in live)
    return Table(word("attachments", lang), header, rows)


def lay_out(template: PaperTemplate, record: Mapping[str, Any] | None, household: Mapping[str, Any] | None,
            persons: Iterable[Mapping[str, Any]], *, lang: str = "uk", author: str = "",
            today: dt.date | None = None, attachments: Sequence[Mapping[str, Any]] = ()) -> Paper:
    """The paper of `record` (None: the blank form) for a family (`household` None: no family yet);
    `attachments` are the record's, listed after its answers."""
    today = today or dt.date.today()
    persons = [p for p in persons if not p.get("deleted")]
    members = forms.members_of(persons, today)
    people = {m.id: m.name for m in members}
    role_enum = enumeration("person_roles")
    roles = {str(p["id"]): role_enum.label(str(p.get("role")), lang) for p in persons if p.get("role")}
    blank = record is None
    data: Mapping[str, Any] = record or {}
    definition = forms.form_for_record(data, template.form) if data else forms.load_form(template.form)
    w = _Writer(lang, people, blank)
    blocks: list[Block] = []
    if template.text("intro", lang):
        blocks.append(Text(template.text("intro", lang)))
    blocks += _family_blocks(household, members, roles, lang)
    for page in forms.pages(definition, members):
        if forms.page_has_questions(page):
            blocks += _page_blocks(page, data, w)
        elif blank:  # no child (adult) known yet: the section once, for whoever it is filled in for
            blocks += _blank_repeat_blocks(page, w)
        if template.parents and page.section.id == template.parents["after"]:
            blocks += _parents_blocks(template, persons, members, roles, lang, blank)
    listed = None if blank else attachments_table(attachments, lang)
    if listed is not None:
        blocks.append(listed)
    if template.text("closing", lang):
        blocks.append(Text(template.text("closing", lang)))
    blocks.append(Heading(word("signatures", lang)))
    blocks.append(_signatures(template, data, members, people, author, lang, today, blank))
    if blank:
        blocks.append(Text(word("blank", lang), small=True))
    title = template.text("title", lang)
    number = str((household or {}).get("case_number", ""))
    footer = " · ".join(s for s in (word("case", lang).format(number=number) if number else "", title) if s)
    when = day_of(data.get(template.date_field))
    return Paper(template.id, lang, title, template.text("subtitle", lang), template.header_lines(lang),
                 tuple(blocks), footer, blank, when.isoformat() if when else "")


def printable(collection: str, record: Mapping[str, Any]) -> PaperTemplate | None:
    """The template a record prints with, or None (a deleted record, a household without a closure report)."""
    if record.get("deleted"):
        return None
    if collection == "households":
        if record.get("form.id") != "case_closure":
            return None
        return template_for("households", "case_closure")
    return template_for(collection, str(record.get("form_id") or "") or None) or template_for(collection)


def family_file(records: Mapping[str, Iterable[Mapping[str, Any]]], household: Mapping[str, Any],
                persons: Sequence[Mapping[str, Any]], *, lang: str = "uk", author: str = "",
                today: dt.date | None = None,
                attachments: Mapping[tuple[str, str], Sequence[Mapping[str, Any]]] | None = None) -> list[Paper]:
    """Every paper of a family, in the order of its acts (by date, then by the template's place).

    `records` maps a collection to its records; the household's own closure report is read
    from `household`. A collection left out is not printed (the caller leaves out what the
    user may not see). `attachments` maps (collection, record id) to that record's attachments."""
    found: list[tuple[str, int, Paper]] = []
    order = {t.id: t.order for t in templates()}
    candidates = [(c, r) for c, rs in records.items() for r in rs] + [("households", household)]
    for collection, record in candidates:
        template = printable(collection, record)
        if template is None:
            continue
        own = (attachments or {}).get((collection, str(record.get("id"))), ())
        paper = lay_out(template, record, household, persons, lang=lang, author=author, today=today,
                        attachments=own)
        found.append((paper.date or "9999", order[template.id], paper))
    found.sort(key=lambda t: (t[0], t[1]))
    return [p for _, _, p in found]
