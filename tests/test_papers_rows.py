"""A table row is never cut by a page break: Qt splits a row line by line, so a two-line label
(section II's "Зареєстроване місце / проживання" on the blank safety act) or the lines left to
write an answer by hand went half onto the next page. The row goes over whole (under its table's
header repeated, when the table is cut for it); read back from the PDF's text, page by page."""

from __future__ import annotations

import re

import pytest
from papers_kit import visible_pages_text

from casework.papers import Answers, Paper, Table
from casework.papers.layout import lay_out
from casework.papers.templates import templates
from fieldapp.papers import render


def squeeze(text: str) -> str:
    """Text without its spaces: the PDF's text has no space where a cell's line wrapped."""
    return re.sub(r"\s+", "", text)


def pages_of(p: Paper) -> list[str]:
    content = render.pdf_bytes([p])
    return [squeeze(t) for t in visible_pages_text(content, render.MARGINS_MM.top(), render.MARGINS_MM.bottom())]



def _labels(paper: Paper) -> list[str]:
    out = []
    for block in paper.blocks:
        if isinstance(block, Answers):
            out += [row.label for row in block.rows]
        elif isinstance(block, Table):
            out += [cells[0] for cells in block.rows if cells and cells[0]]
    return [squeeze(label) for label in out if squeeze(label)]


@pytest.mark.parametrize("template", templates(), ids=lambda t: t.id)
def test_no_label_of_a_blank_act_is_cut_by_a_page_break(qapp, template):
    paper = lay_out(template, None, None, [], lang="uk")
    pages = pages_of(paper)
    cut = [label for label in _labels(paper) if not any(label in text for text in pages)]
    assert cut == [], f"cut by a page break: {cut}"
