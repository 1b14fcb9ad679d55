"""Paper templates: the official wording around a form's answers, one JSON file per document.

A template (``resources/papers/<id>.json``) names the form whose answers it prints
(``form``), the record collection (``collection``), where it stands in a family's paper
file (``order``), the date that orders it (``date_field``), the fixed text of the official
document (``header`` lines, ``title``, ``subtitle``, ``intro``, ``closing``, in uk and en), the
signature lines (``signatures``: roles, see `SIGNATURE_ROLES`) and its sources (``source``,
``confirmed``, ``unconfirmed``). ``common.json`` holds the words every paper shares.

A changed official form is a changed template: no code knows the wording. A new record type
(the safety assessment, say) prints once its form and a template naming it are here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from casework.i18n import LANGUAGES
from casework.resources import resource_dir

# Who signs: the specialist who drew the paper up, the specialists present (a visit's
# `workers_present`), every adult of the family, every child aged 14 or over, the person who
# gave a consent, the head of the centre, and a commission (its head, the specialist who drew the
# paper up, and two members by hand: the safety assessment is made by a commission, ACT_DOC_1000_R1).
SIGNATURE_ROLES = ("specialist", "workers", "adults", "children_14", "giver", "head", "commission")


class PaperTemplateError(ValueError):
    """A template file that cannot be used (a bug of the shipped files, found by the tests)."""


@dataclass(frozen=True)
class PaperTemplate:
    id: str
    form: str
    collection: str
    order: int
    date_field: str
    title: dict[str, str]
    header: dict[str, tuple[str, ...]] = field(default_factory=dict)
    subtitle: dict[str, str] = field(default_factory=dict)
    intro: dict[str, str] = field(default_factory=dict)
    closing: dict[str, str] = field(default_factory=dict)
    signatures: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    confirmed: bool = False
    unconfirmed: str = ""
    # An act's part on the parents and other legal representatives, printed from the family's members
    # after the form's section `after` (the safety assessment's section II, ACT_DOC_1000_R1).
    parents: dict[str, Any] = field(default_factory=dict)

    def text(self, what: str, lang: str) -> str:
        labels: dict[str, str] = getattr(self, what)
        return labels.get(lang) or labels.get("uk") or ""

    def header_lines(self, lang: str) -> tuple[str, ...]:
        return self.header.get(lang) or self.header.get("uk") or ()


def papers_dir() -> Path:
    return resource_dir() / "papers"


def _texts(raw: Any, where: str) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(raw.get(lang), str) for lang in LANGUAGES):
        raise PaperTemplateError(f"{where}: needs text in {LANGUAGES}")
    return {lang: raw[lang] for lang in LANGUAGES}


def parse_template(raw: Any) -> PaperTemplate:
    """A template from its decoded JSON; `PaperTemplateError` says what is wrong."""
    if not isinstance(raw, dict):
        raise PaperTemplateError("a template is an object")
    where = str(raw.get("id"))
    for key in ("id", "form", "collection", "date_field"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise PaperTemplateError(f"{where}: needs {key}")
    roles = tuple(raw.get("signatures", ()))
    unknown = [r for r in roles if r not in SIGNATURE_ROLES]
    if unknown:
        raise PaperTemplateError(f"{where}: unknown signature roles {unknown}")
    header_raw = raw.get("header") or {}
    header = {lang: tuple(str(s) for s in header_raw.get(lang, ())) for lang in LANGUAGES}
    title = _texts(raw.get("title"), f"{where} title")
    if not title or not all(title.values()):
        raise PaperTemplateError(f"{where}: needs a title")
    return PaperTemplate(
        id=raw["id"], form=raw["form"], collection=raw["collection"], order=int(raw.get("order", 100)),
        date_field=raw["date_field"], title=title, header=header,
        subtitle=_texts(raw.get("subtitle"), f"{where} subtitle"), intro=_texts(raw.get("intro"), f"{where} intro"),
        closing=_texts(raw.get("closing"), f"{where} closing"), signatures=roles,
        source=tuple(str(s) for s in raw.get("source", ())), confirmed=bool(raw.get("confirmed", False)),
        unconfirmed=str(raw.get("unconfirmed", "")), parents=_parents(raw.get("parents"), where),
    )


def _parents(raw: Any, where: str) -> dict[str, Any]:
    """The parents' part of a template: heading, roles, rows of person fields, the blank columns,
    the 'no data' line and the carers' line, each text in every language."""
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not isinstance(raw.get("after"), str) or not raw.get("roles"):
        raise PaperTemplateError(f"{where} parents: needs after and roles")
    rows = raw.get("rows")
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) and isinstance(r.get("field"), str)
                                                        for r in rows):
        raise PaperTemplateError(f"{where} parents: needs rows of person fields")
    columns = raw.get("blank_columns") or {}
    if not all(isinstance(columns.get(lang), list) and columns[lang] for lang in LANGUAGES):
        raise PaperTemplateError(f"{where} parents: needs blank_columns in {LANGUAGES}")
    return {
        "after": raw["after"], "roles": tuple(str(r) for r in raw["roles"]),
        "heading": _texts(raw.get("heading"), f"{where} parents heading"),
        "rows": tuple((r["field"], _texts(r.get("label"), f"{where} parents row {r['field']}")) for r in rows),
        "blank_columns": {lang: tuple(str(c) for c in columns[lang]) for lang in LANGUAGES},
        "absent": _texts(raw.get("absent"), f"{where} parents absent"),
        "carers": _texts(raw.get("carers"), f"{where} parents carers"),
    }


@cache
def templates() -> tuple[PaperTemplate, ...]:
    """Every shipped template, in the order of a family's paper file."""
    out = []
    for path in sorted(papers_dir().glob("*.json")):
        if path.name == "common.json":
            continue
        out.append(parse_template(json.loads(path.read_text(encoding="utf-8"))))
    return tuple(sorted(out, key=lambda t: (t.order, t.id)))


def template_for(collection: str, form_id: str | None = None) -> PaperTemplate | None:
    """The template that prints a record of `collection` (made with form `form_id`), or None."""
    for t in templates():
        if t.collection == collection and (form_id is None or t.form == form_id):
            return t
    return None


@cache
def common_words() -> dict[str, dict[str, str]]:
    """The words every paper shares (yes, no, page n of m, signature hints), per language."""
    raw = json.loads((papers_dir() / "common.json").read_text(encoding="utf-8"))
    return {key: _texts(value, f"common {key}") for key, value in raw.items()}


def word(key: str, lang: str) -> str:
    labels = common_words()[key]
    return labels.get(lang) or labels["uk"]
