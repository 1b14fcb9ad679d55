"""`fieldapp parcel` and `fieldapp print` end as the other headless commands do: one sentence on
standard error and headless's exit code (4 server unreachable, 5 refused, as `fieldapp sync`), run
literally as processes against a real profile and a real server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from factories import household, visit
from kit import PASSPHRASE, cli_env, enrolled_laptop

from fieldapp import headless

ROOT = Path(__file__).resolve().parent.parent


def fieldapp(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fieldapp", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=cli_env(), timeout=120)


def a_family(store) -> None:
    h = store.write(lambda tx: tx.create("households", household()))
    store.write(lambda tx: tx.create("visits", visit(h["id"])))


def one_sentence(done: subprocess.CompletedProcess[str], command: str) -> str:
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"fieldapp {command}: "), done.stderr
    return lines[0]


def test_parcel_failures_have_headless_codes(live_server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    a_family(anna)
    anna.close()
    sofia = enrolled_laptop(tmp_path, "sofia", live_server.base, "sofia")
    sofia.close()
    stick = tmp_path / "stick"
    stick.mkdir()
    anna_dir, sofia_dir = str(tmp_path / "anna"), str(tmp_path / "sofia")
    done = fieldapp("parcel", "export", "--profile", anna_dir, "--out", str(stick), stdin=f"{PASSPHRASE}\n")
    assert done.returncode == headless.OK and done.stdout.startswith("Parcel 1 with "), done.stderr
    [parcel] = list(stick.iterdir())

    missing = fieldapp("parcel", "import", "--profile", anna_dir, str(stick / "nothing.fieldapp"),
                       stdin=f"{PASSPHRASE}\n")
    assert missing.returncode == headless.FAILED
    assert "Cannot read " in one_sentence(missing, "parcel import")
    garbage = stick / "garbage.bin"
    garbage.write_bytes(b"not a parcel at all")
    refused = fieldapp("parcel", "import", "--profile", anna_dir, str(garbage), stdin=f"{PASSPHRASE}\n")
    assert refused.returncode == headless.REFUSED
    assert "This file is not a FieldApp parcel." in one_sentence(refused, "parcel import")
    no_secret = fieldapp("parcel", "import", "--profile", anna_dir, str(parcel))
    assert no_secret.returncode == headless.USAGE
    one_sentence(no_secret, "parcel import")
    wrong = fieldapp("parcel", "import", "--profile", anna_dir, str(parcel), stdin="not it\n")
    assert wrong.returncode == headless.FAILED
    one_sentence(wrong, "parcel import")

    live_server.stop()  # the supervisor is "online", but the server is down
    offline = fieldapp("parcel", "hand-in", "--profile", sofia_dir, str(parcel), "--out", str(tmp_path),
                       stdin=f"{PASSPHRASE}\n")
    assert offline.returncode == headless.OFFLINE, offline.stderr
    assert "cannot be reached" in one_sentence(offline, "parcel hand-in")
    assert not list(tmp_path.glob("fieldapp-to-laptop-*"))


def test_print_failures_have_headless_codes(store, tmp_path):
    profile = store.folder
    store.close()
    out = str(tmp_path / "x.pdf")
    nothing = fieldapp("print", "--profile", str(profile), "--out", out, stdin=f"{PASSPHRASE}\n")
    assert nothing.returncode == headless.USAGE
    assert "Give --record ID" in one_sentence(nothing, "print")
    folder = fieldapp("print", "--profile", str(profile), "--family", "X", "--out", str(tmp_path),
                      stdin=f"{PASSPHRASE}\n")
    assert folder.returncode == headless.USAGE and "names a folder" in one_sentence(folder, "print")
    no_secret = fieldapp("print", "--profile", str(profile), "--family", "X", "--out", out)
    assert no_secret.returncode == headless.USAGE
    one_sentence(no_secret, "print")
    unknown = fieldapp("print", "--profile", str(profile), "--record", "0" * 32, "--out", out,
                       stdin=f"{PASSPHRASE}\n")
    assert unknown.returncode == headless.FAILED
    assert "no record with this id" in one_sentence(unknown, "print")
    assert not Path(out).exists()


def test_a_standalone_profile_is_told_parcels_need_a_server(tmp_path):
    """Not "it was enrolled before parcels existed": it was never enrolled (issue 13's standalone profile)."""
    folder = str(tmp_path / "alone")
    made = fieldapp("init", "--profile", folder, stdin=f"{PASSPHRASE}\n{PASSPHRASE}\n")
    assert made.returncode == headless.OK, made.stderr
    for lang, words in (("en", "this laptop is not connected to one"), ("uk", "до сервера не підключено")):
        done = fieldapp("--lang", lang, "parcel", "export", "--profile", folder, "--out", str(tmp_path),
                        stdin=f"{PASSPHRASE}\n")
        assert done.returncode == headless.REFUSED
        said = one_sentence(done, "parcel export")
        assert words in said and "enrolled before" not in said and "підʼєднано до появи" not in said
    assert list(tmp_path.glob("*.parcel")) == []


def test_a_parcel_for_a_missing_folder_says_why_in_the_persons_language(live_server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    a_family(anna)
    anna.close()
    target = tmp_path / "no such stick" / "x.parcel"
    for lang, reason in (("en", "there is no such file or folder"), ("uk", "такого файлу чи теки немає")):
        done = fieldapp("--lang", lang, "parcel", "export", "--profile", str(tmp_path / "anna"), "--out",
                        str(target), stdin=f"{PASSPHRASE}\n")
        assert done.returncode == headless.FAILED
        said = one_sentence(done, "parcel export")
        assert said.endswith(reason) and "No such file" not in said, said
