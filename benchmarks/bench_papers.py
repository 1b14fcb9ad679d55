"""Papers: a six-page act of needs assessment from a real encrypted store to a PDF file; the GUI
thread's longest stall while a family's long paper file renders (on the GUI thread, the old way, and
in the worker the Paper button uses), beside the stall of an idle event loop."""

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
        elif item.type == "datetime":
            answers[f.key] = "2026-10-05T10:30:00+03:00"
        elif item.type in ("text", "longtext") and not item.pattern:
            answers[f.key] = ANSWER[: item.max_len or 2000].strip()
    relevant = forms.relevant_keys(definition, members, answers)
    answers = {k: v for k, v in answers.items() if k in relevant}
    bad = {p.field.split("[")[0] for p in forms.validate_answers(definition, answers, members, submit=False)}
    return {k: v for k, v in answers.items() if k not in bad}


def _store(folder):
    """A new profile with a cheap key derivation: the unlock is not what these benchmarks measure."""
    from fieldapp.store.crypto import KdfCost
    from fieldapp.store.database import Store

    return Store.create(folder, PASSPHRASE, kdf=KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1))


def _family(store) -> tuple[str, list]:
    """The generated family both papers benchmarks print: two adults and the children; its id and members."""
    from casework import forms

    hid = store.write(lambda tx: tx.create("households", {
        "family_name": "Шаповал", "hromada": "UA59080270000073662", "identified_on": "2026-09-28",
        "address": "вул. Садова, 7"}))["id"]
    people = [{"household_id": hid, "role": role, "surname": "Шаповал", "given_name": given,
               "patronymic": patronymic, "birth_date": born} for role, given, patronymic, born in ADULTS]
    people += [{"household_id": hid, "role": "child", "surname": "Шаповал", "given_name": given,
                "birth_date": born} for given, born in CHILDREN]
    return hid, forms.members_of([store.write(lambda tx, p=p: tx.create("persons", p)) for p in people])


@scenario("papers.assessment_act", "Papers: an act of needs assessment of six pages or more to PDF (issue 15: a six-page act under 1 s)")
def assessment_act(bench: Bench) -> None:
    """The act of a family of two adults and a child, every question answered, from the store to
    an owner-only PDF file (layout, rendering, writing, the print log). The floor beside it is Qt's own
    QTextDocument.print_ of the same HTML to a PDF in memory, in the same run."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSizeF
    from PySide6.QtGui import QFont, QPdfWriter, QTextDocument
    from PySide6.QtWidgets import QApplication

    from casework import forms
    from fieldapp.papers import documents, render

    app = QApplication.instance() or QApplication(["bench", "-platform", "offscreen"])
    store = _store(bench.tmp / "profile")
    try:
        hid, members = _family(store)
        definition = forms.load_form("needs_assessment")
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


STALL_ROUNDS = 3
TICK_MS = 5


def _longest_gap(run_and_quit) -> tuple[float, float]:
    """Run the event loop while `run_and_quit(quit)` works; the longest gap between two ticks of a
    5 ms timer on the GUI thread and the whole time, both in ms."""
    import time

    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    start = time.perf_counter()
    ticks.append(start)
    timer.start()
    QTimer.singleShot(0, lambda: run_and_quit(loop.quit))
    loop.exec()
    timer.stop()
    end = time.perf_counter()
    ticks.append(end)
    return max(b - a for a, b in zip(ticks, ticks[1:], strict=False)) * 1000, (end - start) * 1000


@scenario("papers.family_file_stall", "Papers: the GUI thread's longest stall while a long family file renders (issue 15)")
def family_file_stall(bench: Bench) -> None:
    """A family with 8 visits (long notes) and 8 needs assessments: its whole paper file saved as a PDF
    through the Paper button (layout and painting in a worker, a progress dialog meanwhile); beside it
    the same file rendered on the GUI thread (as before this change) and, as the floor, an idle event
    loop kept running for as long as the worker's render took."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from casework import forms
    from fieldapp.papers import documents
    from fieldapp.ui.papers_menu import PaperButton

    app = QApplication.instance() or QApplication(["bench", "-platform", "offscreen"])
    store = _store(bench.tmp / "stall")
    try:
        hid, members = _family(store)
        for form_id in ("home_visit", "needs_assessment"):
            definition = forms.load_form(form_id)
            fields = forms.to_record_fields(definition, _answers(definition, members), members)
            for _ in range(8):
                store.write(lambda tx, f=fields, c=definition.record_collection: tx.create(c, {**f, "household_id": hid}))
        out = bench.tmp / "file.pdf"
        pages = 0

        def on_gui_thread(quit_) -> None:
            nonlocal pages
            pages = documents.save_pdf(store, documents.family_job(store, hid), out)
            quit_()

        button = PaperButton(store, {"family": lambda: documents.family_job(store, hid)})
        button.choose_file = lambda parent, suggested: out

        quit_holder: list = []

        def in_worker(quit_) -> None:
            quit_holder[:] = [quit_]
            button.finished.connect(quit_)
            with bench.measure("in the worker: the GUI thread's part before it"):
                button.save_job("family")

        renders = []
        for _ in range(STALL_ROUNDS):
            gap, took = _longest_gap(on_gui_thread)
            bench.add("rendered on the GUI thread: longest stall", gap, "ms")
            gap, took = _longest_gap(in_worker)
            button.finished.disconnect(quit_holder[0]) if quit_holder else None
            renders.append(took)
            bench.add("rendered in the worker: longest stall", gap, "ms")
            bench.add("rendered in the worker: whole render", took, "ms")
            wait = max(renders)
            gap, _ = _longest_gap(lambda quit_, w=wait: QTimer.singleShot(int(w), quit_))
            bench.add("floor: idle event loop, longest gap", gap, "ms")
        bench.record("pages of the family file", pages, "pages")
    finally:
        store.close()
        del app
