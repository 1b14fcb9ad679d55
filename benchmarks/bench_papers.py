"""Papers: a six-page act of needs assessment from a real encrypted store to a PDF file."""

from __future__ import annotations

from benchmarks.runner import Bench, scenario

PASSPHRASE = "бенчмарк паперів"
ROUNDS = 7
ADULTS = (("mother", "Оксана", "Петрівна", "1988-04-02"), ("father", "Андрій", "Іванович", "1985-11-23"))
CHILDREN = (("Марія", "2011-02-14"),)
ANSWER = "Відвідує школу, щеплення за віком; потрібна консультація психолога. "


def _answers(definition, members):
    from casework import forms

    answers = {}
    for f in forms.fields(definition, members):
        item = f.item
        if item.type in ("single", "rating") and item.choices:
            answers[f.key] = item.choices[0].code
        elif item.type in ("multiple", "checklist") and item.choices:
            answers[f.key] = [c.code for c in item.choices[:3]]
        elif item.type == "yesno":
            answers[f.key] = True
        elif item.type == "date":
            answers[f.key] = "2026-10-05"
        elif item.type in ("text", "longtext") and not item.pattern:
            answers[f.key] = ANSWER[: item.max_len or 2000].strip()
    relevant = forms.relevant_keys(definition, members, answers)
    answers = {k: v for k, v in answers.items() if k in relevant}
    bad = {p.field.split("[")[0] for p in forms.validate_answers(definition, answers, members, submit=False)}
    return {k: v for k, v in answers.items() if k not in bad}


@scenario("papers.assessment_act", "Papers: an act of needs assessment of six pages or more to PDF (issue 15: a six-page act under 1 s)")
def assessment_act(bench: Bench) -> None:
    """The act of a family of two adults and a child, every question answered, from the store to
    an owner-only PDF file (layout, rendering, writing, the print log). The floor beside it is Qt's own
    QTextDocument.print_ of the same HTML to a PDF in memory, in the same run."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSizeF
    from PySide6.QtGui import QFont, QGuiApplication, QPdfWriter, QTextDocument

    from casework import forms
    from fieldapp.papers import documents, render
    from fieldapp.store.crypto import KdfCost
    from fieldapp.store.database import Store

    app = QGuiApplication.instance() or QGuiApplication(["bench", "-platform", "offscreen"])
    cheap = KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1)  # the unlock is not what is measured
    store = Store.create(bench.tmp / "profile", PASSPHRASE, kdf=cheap)
    try:
        hid = store.write(lambda tx: tx.create("households", {
            "family_name": "Шаповал", "hromada": "UA59080270000073662", "identified_on": "2026-09-28",
            "address": "вул. Садова, 7"}))["id"]
        people = [{"household_id": hid, "role": role, "surname": "Шаповал", "given_name": given,
                   "patronymic": patronymic, "birth_date": born} for role, given, patronymic, born in ADULTS]
        people += [{"household_id": hid, "role": "child", "surname": "Шаповал", "given_name": given,
                    "birth_date": born} for given, born in CHILDREN]
        persons = [store.write(lambda tx, p=p: tx.create("persons", p)) for p in people]
        definition = forms.load_form("needs_assessment")
        members = forms.members_of(persons)
        fields = forms.to_record_fields(definition, _answers(definition, members), members)
        act = store.write(lambda tx: tx.create("assessments", {**fields, "household_id": hid}))
        out = bench.tmp / "act.pdf"
        pages = 0
        for _ in range(ROUNDS):
            with bench.measure("assessment act: store to PDF file"):
                job = documents.record_job(store, "assessments", act["id"])
                pages = documents.save_pdf(store, job, out)
        bench.record("pages of the act", pages, "pages")
        html = render.paper_html(job.papers[0])
        for _ in range(ROUNDS):
            with bench.measure("floor: Qt's QTextDocument.print_ of the same HTML"):
                data = QByteArray()
                buffer = QBuffer(data)
                buffer.open(QIODevice.OpenModeFlag.WriteOnly)
                writer = QPdfWriter(buffer)
                writer.setResolution(render.RESOLUTION)
                doc = QTextDocument()
                doc.documentLayout().setPaintDevice(writer)
                doc.setDefaultFont(QFont(render.font_family(), 10))
                doc.setHtml(html)
                doc.setPageSize(QSizeF(writer.width(), writer.height()))
                doc.print_(writer)
                del writer
                buffer.close()
    finally:
        store.close()
        del app
