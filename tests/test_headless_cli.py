"""The headless commands as IT and scripts run them: real processes, a real profile, a real server.

`fieldapp init` makes the empty profile the README's enrolment needs; every failure is one
sentence and an exit code of fieldapp/headless.py, never a traceback.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from kit import FAST_KDF, PASSPHRASE, cli_env

from fieldapp import headless
from fieldapp.store.database import Store

ROOT = Path(__file__).resolve().parent.parent


def fieldapp(*args: str, stdin: str = "", env: dict[str, str] | None = None,
             timeout: float = 120) -> subprocess.CompletedProcess[str]:
    run_env = {**cli_env(), "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-m", "fieldapp", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=run_env, timeout=timeout)


def no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stderr, done.stderr
    assert "hmac check failed" not in done.stderr.lower(), done.stderr


def test_init_creates_an_empty_profile_that_opens_with_that_passphrase(tmp_path):
    folder = tmp_path / "anna"
    done = fieldapp("init", "--profile", str(folder), stdin=f"{PASSPHRASE}\n{PASSPHRASE}\n")
    assert done.returncode == headless.OK, done.stderr
    assert f"Created an empty encrypted profile in {folder}" in done.stdout
    with Store.open(folder, PASSPHRASE) as store:
        assert store.count("households") == 0
        assert store.meta("demo") is None and store.meta("server_url") is None


@pytest.mark.parametrize("stdin, code, sentence", [
    (f"{PASSPHRASE}\nsomething else\n", headless.USAGE, "The two passphrases differ: nothing was created."),
    (f"{PASSPHRASE}\n", headless.USAGE, "Expected the passphrase a second time on standard input"),
    ("", headless.USAGE, "Expected the passphrase on standard input"),
    ("\n\n", headless.USAGE, "The passphrase is empty."),
    ("short\nshort\n", headless.USAGE, "The passphrase needs at least 10 characters"),  # as the window asks
])
def test_init_refuses_bad_input_and_creates_nothing(tmp_path, stdin, code, sentence):
    folder = tmp_path / "anna"
    done = fieldapp("init", "--profile", str(folder), stdin=stdin)
    assert done.returncode == code
    assert sentence in done.stderr
    no_traceback(done)
    assert not (folder / "fieldapp.db").exists() and not (folder / "key.json").exists()


def test_init_never_writes_over_a_profile(tmp_path):
    folder = tmp_path / "anna"
    Store.create(folder, PASSPHRASE, kdf=FAST_KDF).close()
    before = (folder / "key.json").read_bytes()
    done = fieldapp("init", "--profile", str(folder), stdin="other\nother\n")
    assert done.returncode == headless.FAILED
    assert "A FieldApp profile already exists in" in done.stderr
    assert (folder / "key.json").read_bytes() == before
    Store.open(folder, PASSPHRASE).close()


def test_a_wrong_passphrase_is_one_sentence_without_sqlcipher_noise(tmp_path):
    folder = tmp_path / "anna"
    Store.create(folder, PASSPHRASE, kdf=FAST_KDF).close()
    done = fieldapp("sync", "--profile", str(folder), stdin="not it\n")
    assert done.returncode == headless.FAILED
    no_traceback(done)
    assert done.stderr.strip().splitlines() == [
        "fieldapp sync: The passphrase is not right. Check the keyboard layout and Caps Lock, then try again."]


def test_enrol_without_a_profile_says_how_to_make_one(tmp_path):
    folder = tmp_path / "none"
    done = fieldapp("enrol", "--profile", str(folder), "--server", "http://127.0.0.1:9", "--user", "anna",
                    stdin=f"{PASSPHRASE}\npw\n")
    assert done.returncode == headless.FAILED
    assert f"There is no profile in {folder}. Create it first with: fieldapp init --profile {folder}" in done.stderr
    no_traceback(done)
    assert not (folder / "fieldapp.db").exists()


def test_enrol_to_a_closed_port_says_nothing_was_enrolled(tmp_path):
    from server_kit import free_port

    url = f"http://127.0.0.1:{free_port()}"
    folder = tmp_path / "anna"
    done = fieldapp("enrol", "--profile", str(folder), "--server", url, "--user", "anna", "--create",
                    stdin=f"{PASSPHRASE}\n{PASSPHRASE}\npw\n")
    assert done.returncode == headless.OFFLINE
    assert f"The server at {url} cannot be reached" in done.stderr and "Nothing was enrolled." in done.stderr
    assert "will be sent when the connection returns" not in done.stderr
    no_traceback(done)
    # --create keeps the input the same on a retry: the profile is there now, the passphrase still twice.
    again = fieldapp("enrol", "--profile", str(folder), "--server", url, "--user", "anna", "--create",
                     stdin=f"{PASSPHRASE}\n{PASSPHRASE}\npw\n")
    assert again.returncode == headless.OFFLINE, again.stderr


def test_enrol_messages_tell_a_wrong_password_from_a_bad_code(tmp_path, live_server):
    folder = tmp_path / "anna"
    done = fieldapp("enrol", "--profile", str(folder), "--server", live_server.base, "--user", "anna",
                    "--create", stdin=f"{PASSPHRASE}\n{PASSPHRASE}\nnot the password\n")
    assert done.returncode == headless.REFUSED
    assert "did not accept the user name or the password" in done.stderr
    assert "enrol the laptop again" not in done.stderr
    code = fieldapp("enrol", "--profile", str(folder), "--server", live_server.base, "--code",
                    stdin=f"{PASSPHRASE}\nABCD-EFGH-JKMN\n")
    assert code.returncode in (headless.REFUSED, headless.USAGE), code.stderr
    assert "enrolment code" in code.stderr
    no_traceback(done)
    no_traceback(code)


def readme_headless_block() -> list[str]:
    """The README's headless enrolment: the shell block that runs `./run.sh init`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```sh\n(.*?)```", text, re.S) if "./run.sh init" in b)
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]


@pytest.mark.skipif(sys.platform == "win32", reason="the README's commands are for a Unix shell")
def test_the_readme_headless_commands_work_as_written(tmp_path, live_server):
    """init, enrol and sync exactly as the README prints them; only the server's port is this test's."""
    from server_kit import PASSWORD

    commands = readme_headless_block()
    assert [c.split(" | ")[-1].split()[1] for c in commands[1:]] == ["init", "enrol", "sync"], commands
    env = {**cli_env(), "HOME": str(tmp_path), "PASSPHRASE": PASSPHRASE, "PASSWORD": PASSWORD,
           "FIELDAPP_VENV": sys.prefix, "QT_QPA_PLATFORM": "offscreen"}
    script = "set -e\n" + "\n".join(c.replace("http://127.0.0.1:8400", live_server.base) for c in commands)
    done = subprocess.run(["bash", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    no_traceback(done)
    assert "Enrolled as anna (caseworker)" in done.stdout
    assert "Synced: pushed 0" in done.stdout
    with Store.open(tmp_path / "fieldapp-anna", PASSPHRASE) as store:
        assert store.meta("server_url") == live_server.base
        assert store.meta("last_sync_at")


def test_demo_refuses_an_enrolled_profile(tmp_path, live_server):
    from kit import enrolled_laptop

    store = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    store.close()
    done = fieldapp("demo", "--profile", str(tmp_path / "anna"), "--households", "2", "--add",
                    stdin=f"{PASSPHRASE}\n")
    assert done.returncode == headless.REFUSED
    assert "This profile is enrolled with a server: demo families would never sync" in done.stderr
    with Store.open(tmp_path / "anna", PASSPHRASE) as store:
        assert store.count("households") == 0


def test_demo_refuses_a_profile_with_families_unless_told_to_add(tmp_path):
    folder = tmp_path / "demo"
    first = fieldapp("demo", "--profile", str(folder), "--households", "3", stdin=f"{PASSPHRASE}\n")
    assert first.returncode == headless.OK, first.stderr
    twice = fieldapp("demo", "--profile", str(folder), "--households", "3", stdin=f"{PASSPHRASE}\n")
    assert twice.returncode == headless.REFUSED
    assert "This profile already holds families" in twice.stderr
    with Store.open(folder, PASSPHRASE) as store:
        assert store.count("households") == 3
    more = fieldapp("demo", "--profile", str(folder), "--households", "2", "--add", "--seed", "2",
                    stdin=f"{PASSPHRASE}\n")
    assert more.returncode == headless.OK, more.stderr
    with Store.open(folder, PASSPHRASE) as store:
        assert store.count("households") == 5


def test_demo_never_adds_to_a_caseworkers_own_families(tmp_path):
    from factories import household

    folder = tmp_path / "trial"
    with Store.create(folder, PASSPHRASE, kdf=FAST_KDF) as store:
        store.write(lambda tx: tx.create("households", household()))
    done = fieldapp("demo", "--profile", str(folder), "--households", "2", "--add", stdin=f"{PASSPHRASE}\n")
    assert done.returncode == headless.REFUSED
    with Store.open(folder, PASSPHRASE) as store:
        assert store.count("households") == 1


def test_demo_case_numbers_never_collide_with_real_ones(tmp_path):
    import datetime as dt

    from factories import household

    from fieldapp import demo

    today = dt.date(2026, 11, 30)
    with Store.create(tmp_path / "p", PASSPHRASE, kdf=FAST_KDF) as store:
        demo.fill(store, 40, seed=3, today=today)
        demo.fill(store, 10, seed=4, today=today)  # a demo profile grown: continues the same counter
        numbers = [r["case_number"] for r in store.records("households")]
        assert len(set(numbers)) == len(numbers) == 50
        real = store.write(lambda tx: tx.create("households", household()))
        assert real["case_number"] not in numbers


def test_demo_fill_refuses_an_enrolled_profile_itself(tmp_path):
    from fieldapp import demo

    with Store.create(tmp_path / "p", PASSPHRASE, kdf=FAST_KDF) as store:
        store.write(lambda tx: (tx.set_meta("server_url", "https://fieldapp.example.org"),
                                tx.set_meta("device_token", "t")))
        with pytest.raises(demo.DemoRefused) as refused:
            demo.fill(store, 1)
        assert refused.value.reason == "enrolled"
        assert store.count("households") == 0


def test_without_a_display_the_window_says_so_instead_of_naming_a_library(tmp_path):
    env = {k: v for k, v in cli_env().items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "fieldapp", "--profile", str(tmp_path / "p")], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60)
    if sys.platform in ("win32", "darwin"):
        pytest.skip("Windows and macOS always have a display")
    assert done.returncode == headless.NO_DISPLAY
    assert "FieldApp cannot open its window: this session has no display" in done.stderr
    assert "xcb" not in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("environ, platform, missing", [
    ({}, "linux", True),
    ({"DISPLAY": ":0"}, "linux", False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({}, "win32", False),
    ({}, "freebsd14", True),
])
def test_display_missing_reads_the_environment(environ, platform, missing):
    assert headless.display_missing(environ, platform) is missing
