"""Papers and protected records, on laptops enrolled with the real server: a protected record prints
only for a user with protected access (the program and `fieldapp print` alike), a family's file
leaves it out for anyone else; the headless command writes the PDF where it is told and logs it."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest
from kit import PASSPHRASE, cli_env, enrolled_laptop
from papers_kit import family, flat, pdf_pages_text, record_from_form

from fieldapp.papers import documents
from fieldapp.store.prints import print_log

ROOT = Path(__file__).resolve().parent.parent


def fieldapp(*args: str, stdin: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fieldapp", *args], input=stdin.encode(), capture_output=True,
                          cwd=ROOT, env=cli_env(), timeout=120)


def test_protected_record_prints_only_with_protected_access(qapp, live_server, tmp_path):
    pavlo = enrolled_laptop(tmp_path, "pavlo", live_server.base, "pavlo")  # protected caseworker
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")  # no protected access
    try:
        for store, name in ((pavlo, "pavlo"), (anna, "anna")):
            household, persons = family(store)
            _, protected = record_from_form(store, "protected", household, persons)
            record_from_form(store, "home_visit", household, persons)
            if name == "pavlo":
                job = documents.record_job(store, "protected", protected["id"])
                documents.save_pdf(store, job, tmp_path / "pavlo.pdf")
                assert "ВІДОМОСТІ про захищений статус" in flat(pdf_pages_text((tmp_path / "pavlo.pdf").read_bytes())[0])
                titles = [p.title for p in documents.family_job(store, household["id"]).papers]
                assert "ВІДОМОСТІ про захищений статус" in titles
            else:
                with pytest.raises(documents.PrintRefused) as refused:
                    documents.record_job(store, "protected", protected["id"])
                assert "protected access" in refused.value.message
                titles = [p.title for p in documents.family_job(store, household["id"]).papers]
                assert titles == ["АКТ обстеження умов проживання"]
                with pytest.raises(documents.PrintRefused):
                    documents.blank_job(store, "protected")
                assert print_log(store.read()) == []  # refusals print nothing, so log nothing
        assert [e.what for e in print_log(pavlo.read())] == ["protected"]
        assert print_log(pavlo.read())[0].user == "pavlo"
        anna_profile, record_id = anna.folder, protected["id"]
    finally:
        pavlo.close()
        anna.close()
    refused = fieldapp("print", "--profile", str(anna_profile), "--record", record_id,
                       "--out", str(tmp_path / "refused.pdf"), stdin=f"{PASSPHRASE}\n")
    assert refused.returncode == 5  # headless.REFUSED
    assert b"protected access" in refused.stderr
    assert not (tmp_path / "refused.pdf").exists()


def test_headless_print_of_a_record_a_family_and_a_blank_form(qapp, store, tmp_path):
    household, persons = family(store)
    _, visit = record_from_form(store, "home_visit", household, persons)
    record_from_form(store, "consent", household, persons)
    profile = store.folder
    store.close()

    out = tmp_path / "visit.pdf"
    done = fieldapp("print", "--profile", str(profile), "--record", visit["id"], "--out", str(out),
                    stdin=f"{PASSPHRASE}\n")
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "АКТ обстеження умов проживання" in flat(pdf_pages_text(out.read_bytes())[0])

    piped = fieldapp("print", "--profile", str(profile), "--family", household["case_number"].lower(),
                     stdin=f"{PASSPHRASE}\n")
    assert piped.returncode == 0, piped.stderr
    first_pages = [t for t in pdf_pages_text(piped.stdout) if "Сторінка 1 з" in flat(t)]
    assert len(first_pages) == 2  # the consent and the visit act, each from its page 1

    blank = fieldapp("print", "--profile", str(profile), "--blank", "home_visit", "--out", str(tmp_path / "b.pdf"),
                     stdin=f"{PASSPHRASE}\n")
    assert blank.returncode == 0, blank.stderr

    unknown = fieldapp("print", "--profile", str(profile), "--family", "2026/NONE-0001", "--out",
                       str(tmp_path / "n.pdf"), stdin=f"{PASSPHRASE}\n")
    assert unknown.returncode == 1 and b"no family" in unknown.stderr
    wrong = fieldapp("print", "--profile", str(profile), "--record", visit["id"], "--out", str(tmp_path / "w.pdf"),
                     stdin="not the passphrase\n")
    assert wrong.returncode == 1 and b"Traceback" not in wrong.stderr

    from fieldapp.store.database import Store

    with Store.open(profile, PASSPHRASE) as again:
        assert [e.what for e in print_log(again.read())] == ["blank:home_visit", "family_file", "home_visit"]
