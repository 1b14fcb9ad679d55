"""A computed report as labelled rows, in one language, with small counts hidden."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import partial

from casework import codifier, dates
from casework.enums import enumeration
from casework.i18n import QT_TRANSLATE_NOOP, Message, Translate
from casework.reports.disclosure import cell_key, headline_key, hidden_figures, total_key
from casework.reports.indicators import (
    HEADLINE_LABELS,
    NOT_COUNTS,
    UNKNOWN,
    Report,
    Table,
    band_order,
)

_WORDS = {
    "yes": QT_TRANSLATE_NOOP("Report", "yes"),
    "no": QT_TRANSLATE_NOOP("Report", "no"),
    UNKNOWN: QT_TRANSLATE_NOOP("Report", "not recorded"),
    "applied": QT_TRANSLATE_NOOP("Report", "applications for the status"),
    "granted": QT_TRANSLATE_NOOP("Report", "status granted"),
}
_DIMENSIONS = {
    "sex": QT_TRANSLATE_NOOP("Report", "Sex"),
    "age_band": QT_TRANSLATE_NOOP("Report", "Age"),
    "disability": QT_TRANSLATE_NOOP("Report", "Disability"),
    "idp": QT_TRANSLATE_NOOP("Report", "Internally displaced"),
    "hromada": QT_TRANSLATE_NOOP("Report", "Hromada"),
    "closure_reason": QT_TRANSLATE_NOOP("Report", "Reason"),
    "visit_type": QT_TRANSLATE_NOOP("Report", "Type of visit"),
    "service": QT_TRANSLATE_NOOP("Report", "Service"),
    "exploitation_form": QT_TRANSLATE_NOOP("Report", "Form of exploitation"),
    "step": QT_TRANSLATE_NOOP("Report", "Step"),
    "category": QT_TRANSLATE_NOOP("Report", "Category"),
    "referral_outcome": QT_TRANSLATE_NOOP("Report", "Outcome"),
    "violence_form": QT_TRANSLATE_NOOP("Report", "Form of violence"),
    "risk_level": QT_TRANSLATE_NOOP("Report", "Level of risk"),
}
_ENUMS = {"sex": "sexes", "closure_reason": "closure_reasons", "visit_type": "visit_types",
          "service": "services", "exploitation_form": "exploitation_forms", "category": "household_categories",
          "referral_outcome": "referral_outcomes", "violence_form": "violence_forms", "risk_level": "dv_risk_levels"}
_STATUS_WORDS = {  # a referral without an outcome yet: its status
    "planned": QT_TRANSLATE_NOOP("Report", "no outcome yet (planned)"),
    "sent": QT_TRANSLATE_NOOP("Report", "no outcome yet (sent)"),
}
COUNT = QT_TRANSLATE_NOOP("Report", "Number")
HIDDEN = QT_TRANSLATE_NOOP("Report", "x")  # one mark for every hidden count, primary or secondary
TOTAL = QT_TRANSLATE_NOOP("Report", "Total")
NONE_IN_PERIOD = QT_TRANSLATE_NOOP("Report", "none in the period")


@dataclass
class Section:
    title: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    key: str = "headline"
    # The same rows for machines: codes per dimension and the count (None when hidden).
    data: list[dict[str, object]] = field(default_factory=list)


@dataclass
class LabelledReport:
    title: str
    facts: list[tuple[str, str]]  # (label, value): organisation, period, made at, ...
    sections: list[Section]
    summary: str  # "28 children from 19 families"
    about: dict[str, object] = field(default_factory=dict)  # period, scope, threshold, language: machine keys


def _t(translate: Translate, marked: tuple[str, str], **args: object) -> str:
    return Message.of(marked, **args).render(translate)


def code_label(dimension: str, code: str, lang: str, translate: Translate) -> str:
    """A code of a breakdown as people read it, in `lang`."""
    if code in _WORDS:
        return _t(translate, _WORDS[code])
    if dimension == "referral_outcome" and code in _STATUS_WORDS:
        return _t(translate, _STATUS_WORDS[code])
    if dimension in _ENUMS:
        label = enumeration(_ENUMS[dimension]).label(code, lang)
        return f"{code} {label}" if dimension == "service" else label
    if dimension == "hromada":  # with its KATOTTH code, as donors' templates ask
        return f"{codifier.display_name(code)} ({code})" if codifier.unit(code) else code
    return code  # age bands are their own label


def _order(table: Table, codes: tuple[str, ...]) -> tuple[object, ...]:
    """Rows in the order people read them: age bands by age, "not recorded" last."""
    return tuple((band_order(c) if d == "age_band" else (c == UNKNOWN, c))
                 for d, c in zip(table.dimensions, codes, strict=True))


def label(report: Report, *, lang: str, translate: Translate, threshold: int, organisation: str,
          made_at: dt.datetime, restricted: bool = False,
          date_format: Callable[[dt.date], str] | None = None, scope: str = "",
          hidden: frozenset[Hashable] | None = None) -> LabelledReport:
    """The report as rows of text in `lang` (every word through `translate`), with the counts the
    disclosure rule hides (casework.reports.disclosure) shown as one mark. Dates are written
    as `lang` writes them (casework.dates) unless `date_format` is given. `scope` says whose
    families the report covers (a team, the organisation). `hidden`: the figures to hide when
    they were chosen together with the reports this one can be subtracted from
    (casework.reports.joint); by default the report's own rule."""
    shown: Callable[[dt.date], str] = date_format or (lambda d: dates.format_date(d, lang))
    linked = hidden is not None
    if hidden is None:
        hidden = hidden_figures(report, threshold, restricted=restricted)
    mark = _t(translate, HIDDEN)

    def figure(key: object, value: int) -> str:
        return mark if key in hidden else str(value)

    period = f"{shown(report.period.start)} – {shown(report.period.end)}"
    rule = (_t(translate, QT_TRANSLATE_NOOP(
        "Report", "counts from 1 to {n} are hidden, and so are other counts wherever a hidden one could be worked "
                  "out from the totals shown; every hidden count is shown as {mark}"), n=threshold - 1, mark=mark)
        if threshold > 1 else _t(translate, QT_TRANSLATE_NOOP("Report", "all shown")))
    if threshold > 1:
        rule += "; " + (_t(translate, QT_TRANSLATE_NOOP(
            "Report", "chosen together with the organisation's and every team's report of the same period and "
                      "hromada, so that none can be subtracted from another; reports of overlapping periods are "
                      "not protected against each other")) if linked else _t(translate, QT_TRANSLATE_NOOP(
            "Report", "chosen within this report only: do not publish it beside other reports of the same families "
                      "(the server's reports are chosen together)")))
    facts = [
        (_t(translate, QT_TRANSLATE_NOOP("Report", "Organisation")), organisation),
        (_t(translate, QT_TRANSLATE_NOOP("Report", "Covers")),
         scope or _t(translate, QT_TRANSLATE_NOOP("Report", "the families on this laptop"))),
        (_t(translate, QT_TRANSLATE_NOOP("Report", "Period")), period),
        (_t(translate, QT_TRANSLATE_NOOP("Report", "Hromada")),
         code_label("hromada", report.hromada, lang, translate) if report.hromada
         else _t(translate, QT_TRANSLATE_NOOP("Report", "all"))),
        (_t(translate, QT_TRANSLATE_NOOP("Report", "Made")), f"{shown(made_at.date())} {made_at:%H:%M}"),
        (_t(translate, QT_TRANSLATE_NOOP("Report", "Small numbers")), rule),
    ]
    if report.project:
        facts.insert(1, (_t(translate, QT_TRANSLATE_NOOP("Report", "Project")), report.project))
    headline = Section(_t(translate, QT_TRANSLATE_NOOP("Report", "Summary")),
                       [_t(translate, QT_TRANSLATE_NOOP("Report", "Indicator")), _t(translate, COUNT)])
    for key, value in report.headline.items():
        if key in NOT_COUNTS or not isinstance(value, int):
            text = "—" if value is None else str(value)
            headline.data.append({"indicator": key, "value": value})
        else:
            text = figure(headline_key(key), value)
            headline.data.append({"indicator": key, "value": None if headline_key(key) in hidden else value})
        headline.rows.append([_t(translate, HEADLINE_LABELS[key]), text])
    sections = [headline]
    tables: list[Table] = report.tables + (report.restricted if restricted else [])
    for table in tables:
        section = Section(table.title.render(translate),
                          [_t(translate, _DIMENSIONS[d]) for d in table.dimensions] + [_t(translate, COUNT)],
                          key=table.key)
        for codes in sorted(table.counts, key=partial(_order, table)):
            n = table.counts[codes]
            cell = cell_key(table.key, codes)
            section.rows.append([code_label(d, c, lang, translate) for d, c in zip(table.dimensions, codes, strict=True)]
                                + [figure(cell, n)])
            section.data.append({**dict(zip(table.dimensions, codes, strict=True)),
                                 "count": None if cell in hidden else n})
        if not table.counts:
            section.rows.append([_t(translate, NONE_IN_PERIOD)] + [""] * (len(table.dimensions) - 1) + ["0"])
        elif table.additive:
            section.rows.append([_t(translate, TOTAL)] + [""] * (len(table.dimensions) - 1)
                                + [figure(total_key(table), table.total())])
            section.data.append({**{d: "*" for d in table.dimensions},
                                 "count": None if total_key(table) in hidden else table.total()})
        sections.append(section)
    children_key, families_key = headline_key("children_involved"), headline_key("children_families")
    children = report.headline["children_involved"]
    families = report.headline["children_families"]
    summary = _t(translate, QT_TRANSLATE_NOOP("Report", "{children} children from {families} families"),
                 children=mark if children_key in hidden else str(children),
                 families=mark if families_key in hidden else str(families))
    title = _t(translate, QT_TRANSLATE_NOOP("Report", "Activity report"))
    about: dict[str, object] = {
        "period": {"from": report.period.start.isoformat(), "to": report.period.end.isoformat()},
        "scope": scope, "hromada": report.hromada, "project": report.project, "language": lang,
        "threshold": threshold, "hidden_mark": mark,
        "suppression": "primary (1 to threshold-1) and secondary (complementary) cell suppression",
        # What the suppression was chosen together with (docs/server.md, "Disclosure control").
        "suppressed_with": ("the organisation's and every team's report of the same period and hromada"
                            if linked else "this report only"),
    }
    return LabelledReport(title, facts, sections, summary, about)


def scope_words(team: str | None, translate: Translate) -> str:
    """Whose families a report covers, for its "Covers" line: one team's, or the organisation's."""
    if team is None:
        return _t(translate, QT_TRANSLATE_NOOP("Report", "the whole organisation"))
    return _t(translate, QT_TRANSLATE_NOOP("Report", "the families of the team {team}"), team=team)
