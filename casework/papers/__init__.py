"""Papers for signature: the official documents a record prints as (pure data and layout).

- `templates` — the official wording around a form (``resources/papers/*.json``), with sources;
- `model` — a paper as blocks (headings, answers, tables, signature lines);
- `layout` — a record, its form and its template laid out as a paper; a blank form; a family's file.

Rendering to PDF or a printer is the desktop's (`fieldapp.papers`).
"""

from casework.papers.layout import family_file, lay_out, printable
from casework.papers.model import (
    Answer,
    Answers,
    Heading,
    Paper,
    Signature,
    Signatures,
    Table,
    Text,
)
from casework.papers.templates import (
    PaperTemplate,
    PaperTemplateError,
    template_for,
    templates,
    word,
)

__all__ = [
    "Answer", "Answers", "Heading", "Paper", "PaperTemplate", "PaperTemplateError", "Signature", "Signatures",
    "Table", "Text", "family_file", "lay_out", "printable", "template_for", "templates", "word",
]
