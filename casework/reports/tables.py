"""A computed report as labelled rows, in one language, with small counts hidden."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from casework import codifier, dates
from casework.enums import enumeration
from casework.i18n import QT_TRANSLATE_NOOP, Message, Translate
from casework.reports.indicators import (
    HEADLINE_LABELS,
    NOT_COUNTS,
    UNKNOWN,
    Report,
    Table,
    suppress,
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
    "violence_form": QT_TRANSLATE_NOOP("Report", "Form of violence"),
    "risk_level": QT_TRANSLATE_NOOP("Report", "Level of risk"),
}
_ENUMS = {"sex": "sexes", "closure_reason": "closure_reasons", "visit_type": "visit_types",
          "service": "services", "exploitation_form": "exploitation_forms",
          "violence_form": "violence_forms", "risk_level": "dv_risk_levels"}
COUNT = QT_TRANSLATE_NOOP("Report", "Number")


@dataclass
class Section:
    title: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class LabelledReport:
    title: str
    facts: list[tuple[str, str]]  # (label, value): organisation, period, made at, ...
    sections: list[Section]
    summary: str  # "28 children from 19 families"


def _t(translate: Translate, marked: tuple[str, str], **args: object) -> str:
    return Message.of(marked, **args).render(translate)


def code_label(dimension: str, code: str, lang: str, translate: Translate) -> str:
    """A code of a breakdown as people read it, in `lang`."""
    if code in _WORDS:
        return _t(translate, _WORDS[code])
    if dimension in _ENUMS:
        label = enumeration(_ENUMS[dimension]).label(code, lang)
        return f"{code} {label}" if dimension == "service" else label
    if dimension == "hromada":
        return codifier.display_name(code) if codifier.unit(code) else code
    return code  # age bands are their own label


def label(report: Report, *, lang: str, translate: Translate, threshold: int, organisation: str,
          made_at: dt.datetime, restricted: bool = False,
          date_format: Callable[[dt.date], str] | None = None) -> LabelledReport:
    """The report as rows of text; counts from 1 to threshold-1 become "<threshold". Dates are written
    as `lang` writes them (casework.dates) unless `date_format` is given."""
    shown: Callable[[dt.date], str] = date_format or (lambda d: dates.format_date(d, lang))
    period = f"{shown(report.period.start)} – {shown(report.period.end)}"
    facts = [
        (_t(translate, QT_TRANSLATE_NOOP("Report", "Organisation")), organisation),
        (_t(translate, QT_TRANSLATE_NOOP("Report", "Period")), period),
        (_t(translate, QT_TRANSLATE_NOOP("Report", "Hromada")),
         code_label("hromada", report.hromada, lang, translate) if report.hromada
         else _t(translate, QT_TRANSLATE_NOOP("Report", "all"))),
        (_t(translate, QT_TRANSLATE_NOOP("Report", "Made")), f"{shown(made_at.date())} {made_at:%H:%M}"),
        (_t(translate, QT_TRANSLATE_NOOP("Report", "Small numbers")),
         _t(translate, QT_TRANSLATE_NOOP("Report", "counts from 1 to {n} are shown as <{m}"),
            n=threshold - 1, m=threshold) if threshold > 1
         else _t(translate, QT_TRANSLATE_NOOP("Report", "all shown"))),
    ]
    if report.project:
        facts.insert(1, (_t(translate, QT_TRANSLATE_NOOP("Report", "Project")), report.project))
    headline = Section(_t(translate, QT_TRANSLATE_NOOP("Report", "Summary")),
                       [_t(translate, QT_TRANSLATE_NOOP("Report", "Indicator")), _t(translate, COUNT)])
    for key, value in report.headline.items():
        cell = suppress(value, threshold, is_count=key not in NOT_COUNTS)
        headline.rows.append([_t(translate, HEADLINE_LABELS[key]), cell.text(threshold)])
    sections = [headline]
    tables: list[Table] = report.tables + (report.restricted if restricted else [])
    for table in tables:
        section = Section(table.title.render(translate),
                          [_t(translate, _DIMENSIONS[d]) for d in table.dimensions] + [_t(translate, COUNT)])
        for codes, n in sorted(table.counts.items()):
            section.rows.append([code_label(d, c, lang, translate) for d, c in zip(table.dimensions, codes, strict=True)]
                                + [suppress(n, threshold).text(threshold)])
        sections.append(section)
    children = suppress(report.headline["children_involved"], threshold)
    families = suppress(report.headline["children_families"], threshold)
    summary = _t(translate, QT_TRANSLATE_NOOP("Report", "{children} children from {families} families"),
                 children=children.text(threshold), families=families.text(threshold))
    title = _t(translate, QT_TRANSLATE_NOOP("Report", "Activity report"))
    return LabelledReport(title, facts, sections, summary)
