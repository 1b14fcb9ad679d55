"""How papers break across pages: a heading is never left alone at a page's foot (it goes over with
what follows it), whatever the length of what comes before; the signature lines stay whole."""

from __future__ import annotations

from papers_kit import flat, visible_pages_text

from casework.papers import Answer, Answers, Heading, Paper, Signature, Signatures, word
from fieldapp.papers import render

HEADING = "Розділ, що не лишається сам"
FIRST = "Перше питання розділу"


def paper(filler: int, *, level: int = 2, group: bool = False) -> Paper:
    rows = tuple(Answer(f"Питання {n:02d}", f"відповідь {n:02d}") for n in range(filler))
    section: tuple = (Heading(HEADING, level),)
    if group:
        section += (Heading("Група питань", 3),)
    blocks = (Heading("Вступ"), Answers(rows), *section,
              Answers((Answer(FIRST, "так"), Answer("Друге питання розділу", "ні"))),
              Heading(word("signatures", "uk")), Signatures((Signature(word("specialist", "uk"), "Іваненко І. І."),)))
    return Paper("test", "uk", "АКТ перевірки розриву сторінок", "", (), blocks, "Справа № 1", False, "")


def pages_of(p: Paper) -> list[str]:
    content = render.pdf_bytes([p])
    return [flat(t) for t in visible_pages_text(content, render.MARGINS_MM.top(), render.MARGINS_MM.bottom())]


def test_a_heading_is_never_alone_at_the_foot_of_a_page(qapp):
    moved = 0
    for filler in range(28, 42):  # the heading walks down to the foot of page 1 and over the break
        pages = pages_of(paper(filler))
        [where] = [i for i, t in enumerate(pages) if HEADING in t]
        after = pages[where].split(HEADING, 1)[1]
        assert FIRST in after, f"{filler} rows before: the heading ends page {where + 1} without its section"
        if where > 0 and pages[where].startswith(HEADING):
            moved += 1
    assert moved, "some lengths put the heading at a page's foot: it went over to the next page"


def test_a_section_heading_and_its_group_heading_go_over_together(qapp):
    moved = 0
    for filler in range(28, 42):
        pages = pages_of(paper(filler, group=True))
        [where] = [i for i, t in enumerate(pages) if HEADING in t]
        assert "Група питань" in pages[where].split(HEADING, 1)[1] and FIRST in pages[where], filler
        moved += where > 0 and pages[where].startswith(HEADING)
    assert moved
