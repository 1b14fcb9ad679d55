"""`fieldapp print`: a record's paper, a family's whole paper file or a blank form as a PDF, headless.

    fieldapp print --profile DIR --record ID [--out FILE.pdf]
    fieldapp print --profile DIR --family CASE-NUMBER --out FILE.pdf
    fieldapp print --profile DIR --blank home_visit [--family CASE-NUMBER] --out FILE.pdf

The passphrase comes on standard input. Without --out the PDF goes to standard output (for a
pipe; never to a terminal). The file is owner-only, nothing is written anywhere else, and the
print is logged in the profile like one from the program.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from casework.i18n import LANGUAGES, Message
from fieldapp import headless
from fieldapp.headless import CommandError


def add_parser(sub: argparse._SubParsersAction, read_secret: Callable[[str], str]) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("print", help="write a record's paper, a family's paper file or a blank form "
                                          "as a PDF (passphrase on stdin)")
    parser.add_argument("--profile", type=Path, required=True, dest="profile")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--record", help="the record's id (uuid)")
    what.add_argument("--blank", metavar="FORM", help="a blank form to fill by hand, e.g. home_visit")
    parser.add_argument("--family", metavar="CASE-NUMBER", help="the family's case number: its whole paper file, "
                                                                "or the family a blank form is for")
    parser.add_argument("--out", type=Path, help="the PDF file to write (default: standard output)")
    parser.add_argument("--lang", choices=LANGUAGES, default="uk", dest="papers_lang",
                        help="the language of the papers (default uk)")
    parser.set_defaults(run=lambda args: run(args, read_secret))


def _fail(marked: tuple[str, str], code: int) -> int:
    return headless.fail("print", CommandError(Message.of(marked), code))


def run(args: argparse.Namespace, read_secret: Callable[[str], str]) -> int:
    """Run `fieldapp print`; exit codes are headless's (docs/it.md): 2 usage, 1 profile or not found, 5 refused."""
    if not (args.record or args.blank or args.family):
        return _fail(headless.PRINT_WHAT, headless.USAGE)
    if args.out is None and sys.stdout.isatty():
        return _fail(headless.PRINT_TERMINAL, headless.USAGE)
    if args.out is not None and args.out.is_dir():
        return _fail(headless.PRINT_FOLDER, headless.USAGE)
    try:
        passphrase = read_secret("Passphrase: ")
    except CommandError as exc:
        return headless.fail("print", exc)
    from PySide6.QtGui import QGuiApplication

    from fieldapp.papers import documents, render
    from fieldapp.store.database import Store
    from fieldapp.store.errors import StoreError

    app = QGuiApplication.instance() or QGuiApplication(["fieldapp", "-platform", "offscreen"])
    try:
        store = Store.open(args.profile, passphrase)
    except StoreError as exc:
        return headless.fail("print", CommandError(exc.message, headless.FAILED))
    try:
        with store:
            household_id = None
            if args.family:
                household = documents.household_by_case_number(store, args.family)
                if household is None:
                    return _fail(headless.PRINT_NO_FAMILY, headless.FAILED)
                household_id = household["id"]
            if args.blank:
                job = documents.blank_job(store, args.blank, household_id, lang=args.papers_lang)
            elif args.record:
                found = documents.find_record(store, args.record)
                if found is None:
                    return _fail(headless.PRINT_NO_RECORD, headless.FAILED)
                job = documents.record_job(store, found[0], args.record, lang=args.papers_lang)
            else:
                assert household_id is not None
                job = documents.family_job(store, household_id, lang=args.papers_lang)
            if args.out is not None:
                pages = documents.save_pdf(store, job, args.out)
            else:
                content, pages = render.render_pdf(job.papers, job.title)
                sys.stdout.buffer.write(content)
                sys.stdout.buffer.flush()
                documents.log_job(store, job, "pdf", pages)
    except documents.PrintRefused as exc:  # a protected record, without protected access
        return headless.fail("print", CommandError(_as_message(exc.message), headless.REFUSED))
    except StoreError as exc:
        return headless.fail("print", CommandError(exc.message, headless.FAILED))
    finally:
        del app
    where = args.out if args.out is not None else Message.of(headless.STANDARD_OUTPUT)
    print(Message.of(headless.PRINTED, papers=len(job.papers), pages=pages, where=where), file=sys.stderr)
    return headless.OK


def _as_message(message: object) -> Message:
    """PrintRefused carries a Message, or an already translated sentence."""
    return message if isinstance(message, Message) else Message("Headless", str(message))
