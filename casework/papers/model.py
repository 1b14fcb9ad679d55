"""A paper as blocks a renderer lays out: headings, text, answers, tables, signature lines.

Pure data: `casework.papers.layout` builds it from a record, its form and its template; the
desktop's `fieldapp.papers.render` turns it into pages. Nothing here is an internal code or id.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Text:
    text: str
    small: bool = False


@dataclass(frozen=True)
class Answer:
    """One question and its answer as the form words them; "" on a blank form."""

    label: str
    value: str
    lines: int = 1  # how many lines to leave for a hand-written answer on a blank form


@dataclass(frozen=True)
class Answers:
    rows: tuple[Answer, ...]


@dataclass(frozen=True)
class Table:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Signature:
    role: str  # the role as the paper words it ("Член сімʼї")
    name: str  # "" when the name is written by hand


@dataclass(frozen=True)
class Signatures:
    rows: tuple[Signature, ...]


Block = Heading | Text | Answers | Table | Signatures


@dataclass(frozen=True)
class Paper:
    """One document for signature."""

    template_id: str
    lang: str
    title: str
    subtitle: str
    header: tuple[str, ...]
    blocks: tuple[Block, ...]
    footer: str  # printed beside the page number: the case number and the document's title
    blank: bool
    date: str  # ISO date that orders it in a family's file; "" when unknown

    def text(self) -> str:
        """Every word of the paper, in order (for search and tests of the data itself)."""
        out = [*self.header, self.title, self.subtitle]
        for b in self.blocks:
            if isinstance(b, Heading | Text):
                out.append(b.text)
            elif isinstance(b, Answers):
                out += [s for r in b.rows for s in (r.label, r.value)]
            elif isinstance(b, Table):
                out += [b.title, *b.header, *(c for row in b.rows for c in row)]
            else:
                out += [s for r in b.rows for s in (r.role, r.name)]
        return "\n".join(s for s in out if s)
