"""IT's fieldapp.toml: real files in temporary folders, the search places given as a parameter."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from casework.i18n import LANGUAGES
from fieldapp.options import OPTIONS
from fieldapp.paths import PROVISIONING_FILE
from fieldapp.provisioning import Locations, Provisioning, load_provisioning

PEM = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n"


@pytest.fixture
def places(tmp_path: Path) -> Locations:
    system, beside = tmp_path / "etc-xdg-FieldApp", tmp_path / "Program Files" / "FieldApp"
    system.mkdir(parents=True)
    beside.mkdir(parents=True)
    return Locations(system=system, beside_executable=beside)


def write(folder: Path | None, text: str | bytes) -> Path:
    assert folder is not None
    path = folder / PROVISIONING_FILE
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_no_file_anywhere_means_nothing_provisioned(places):
    prov = load_provisioning(places)
    assert prov == Provisioning()
    assert prov.get("server_url", "") == "" and not prov.is_locked("server_url")
    assert prov.sources == () and prov.problems == () and not prov.portable


def test_a_full_file_in_the_system_folder(places):
    (places.system / "org-ca.pem").write_text(PEM, encoding="utf-8")
    path = write(places.system, """
        server_url = "https://fieldapp.example.org/"
        organisation = "Благодійний фонд «Приклад»"
        language = "uk"
        auto_lock_minutes = 5
        ca_certificate = "org-ca.pem"
        locked = ["server_url", "auto_lock_minutes"]
    """)
    prov = load_provisioning(places)
    assert prov.problems == ()
    assert prov.sources == (path,)
    assert prov.get("server_url") == "https://fieldapp.example.org"  # the trailing slash dropped
    assert prov.get("organisation") == "Благодійний фонд «Приклад»"
    assert prov.get("language") == "uk" and prov.get("auto_lock_minutes") == 5
    assert prov.ca_certificate == (places.system / "org-ca.pem").resolve()
    assert prov.locked == {"server_url", "auto_lock_minutes"}
    assert prov.is_locked("server_url") and not prov.is_locked("language")


def test_beside_the_executable_wins_key_by_key_and_locks_add_up(places):
    system = write(places.system, """
        server_url = "https://central.example.org"
        organisation = "Головний офіс"
        auto_lock_minutes = 10
        locked = ["auto_lock_minutes"]
    """)
    beside = write(places.beside_executable, """
        server_url = "https://kharkiv.example.org"
        language = "en"
        locked = ["server_url"]
    """)
    prov = load_provisioning(places)
    assert prov.problems == ()
    assert prov.sources == (system, beside)  # weakest first
    assert prov.values == {"server_url": "https://kharkiv.example.org", "organisation": "Головний офіс",
                           "auto_lock_minutes": 10, "language": "en"}
    assert prov.locked == {"server_url", "auto_lock_minutes"}


def test_a_corrupt_file_is_named_and_the_other_file_still_applies(places):
    write(places.system, 'organisation = "Фонд"\nlanguage = "uk"\n')
    broken = write(places.beside_executable, 'server_url = "https://x.example.org\nlanguage = en\n')
    prov = load_provisioning(places)
    assert prov.values == {"organisation": "Фонд", "language": "uk"}
    [problem] = prov.problems
    assert problem.file == broken and problem.key is None
    assert str(broken) in str(problem) and "not valid TOML" in str(problem)
    assert "nothing of it applies" in problem.message
    assert prov.sources == (places.system / PROVISIONING_FILE,)


def test_a_partly_invalid_file_names_each_bad_key_and_the_rest_applies(places):
    path = write(places.beside_executable, """
        server_url = "https://fieldapp.example.org"
        language = "de"
        auto_lock_minutes = "ten"
        serverurl = "https://typo.example.org"
        organisation = "Фонд"
        locked = ["server_url", "colour"]
    """)
    prov = load_provisioning(places)
    assert prov.values == {"server_url": "https://fieldapp.example.org", "organisation": "Фонд"}
    assert prov.locked == {"server_url"}
    by_key = {p.key: p for p in prov.problems}
    assert set(by_key) == {"language", "auto_lock_minutes", "serverurl", "locked"}
    assert all(p.file == path for p in prov.problems)
    assert str(by_key["auto_lock_minutes"]).startswith(f"{path}: auto_lock_minutes: ")
    assert "'ten'" in by_key["auto_lock_minutes"].message
    assert "not a FieldApp setting" in by_key["serverurl"].message
    assert "'colour'" in by_key["locked"].message


@pytest.mark.parametrize("value, accepted", [
    ('"https://fieldapp.example.org"', True),
    ('"https://fieldapp.example.org:8443/base"', True),
    ('"http://127.0.0.1:8700"', True),
    ('"http://localhost:8700"', True),
    ('"http://fieldapp.example.org"', False),  # a password over plain http: no
    ('"fieldapp.example.org"', False),
    ('"ftp://fieldapp.example.org"', False),
    ('""', False),
    ("8700", False),
])
def test_server_addresses(places, value, accepted):
    write(places.system, f"server_url = {value}\n")
    prov = load_provisioning(places)
    assert ("server_url" in prov.values) is accepted
    assert bool(prov.problems) is not accepted


@pytest.mark.parametrize("value, accepted", [
    ("0", True), ("1", True), ("240", True), ("241", False), ("-1", False), ("true", False),
    ("5.5", False), ('"5"', False),
])
def test_auto_lock_minutes(places, value, accepted):
    write(places.system, f"auto_lock_minutes = {value}\n")
    assert ("auto_lock_minutes" in load_provisioning(places).values) is accepted


def test_the_ca_certificate_must_exist_and_be_pem(places, tmp_path):
    write(places.system, 'ca_certificate = "missing.pem"\n')
    [problem] = load_provisioning(places).problems
    assert problem.key == "ca_certificate" and "missing.pem" in problem.message

    (places.system / "not-a-cert.pem").write_text("hello", encoding="utf-8")
    write(places.system, 'ca_certificate = "not-a-cert.pem"\n')
    [problem] = load_provisioning(places).problems
    assert "not a PEM certificate" in problem.message

    absolute = tmp_path / "elsewhere" / "ca.pem"
    absolute.parent.mkdir()
    absolute.write_text(PEM, encoding="utf-8")
    write(places.system, f"ca_certificate = '{absolute}'\n")  # a literal string: Windows back slashes
    prov = load_provisioning(places)
    assert prov.problems == () and prov.ca_certificate == absolute.resolve()


def test_locked_must_be_a_list_of_names(places):
    write(places.system, 'language = "uk"\nlocked = "language"\n')
    prov = load_provisioning(places)
    assert prov.values == {"language": "uk"} and prov.locked == frozenset()
    [problem] = prov.problems
    assert problem.key == "locked" and "list" in problem.message


def test_locking_a_key_no_file_sets_locks_the_default(places):
    write(places.system, 'locked = ["language"]\n')
    prov = load_provisioning(places)
    assert prov.problems == () and prov.is_locked("language") and prov.get("language") is None


def test_portable_counts_only_beside_the_executable(places):
    write(places.system, "portable = true\n")
    prov = load_provisioning(places)
    assert not prov.portable
    [problem] = prov.problems
    assert problem.key == "portable" and "beside the executable" in problem.message

    write(places.beside_executable, "portable = true\n")
    assert load_provisioning(places).portable
    write(places.beside_executable, 'portable = "yes"\n')
    prov = load_provisioning(places)
    assert not prov.portable and {p.key for p in prov.problems} == {"portable"}


def test_a_file_that_is_not_utf8(places):
    path = write(places.system, 'organisation = "Фонд"\n'.encode("cp1251"))
    prov = load_provisioning(places)
    assert prov.values == {}
    [problem] = prov.problems
    assert problem.file == path and "UTF-8" in problem.message


def test_a_folder_where_the_file_should_be(places):
    (places.system / PROVISIONING_FILE).mkdir()
    [problem] = load_provisioning(places).problems
    assert "folder" in problem.message


def as_nobody(work: Callable[[], str]) -> str:
    """`work()` in a forked child that has become `nobody`: root reads any file, nobody does not."""
    import pwd  # POSIX only

    nobody = pwd.getpwnam("nobody")
    read, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # the child: no exec (the interpreter may sit in root's home), just lose root
        code = 1
        try:
            os.close(read)
            os.setgroups([])
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
            os.write(write_end, work().encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read, "rb") as pipe:
        out = pipe.read().decode()
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return out


@pytest.mark.skipif(sys.platform == "win32", reason="Windows ignores chmod's read bits")
def test_a_file_that_cannot_be_read():
    """A file its reader may not read: `nobody` reading root's when run as root (CI), else mode 000."""
    with tempfile.TemporaryDirectory() as folder:
        Path(folder).chmod(0o755)  # others may look in, as they may in /etc/xdg/FieldApp
        path = write(Path(folder), 'language = "uk"\n')
        path.chmod(0o600 if os.geteuid() == 0 else 0)

        def read() -> str:
            prov = load_provisioning(Locations(system=Path(folder), beside_executable=None))
            return "\n".join([*map(str, prov.problems), repr(dict(prov.values))])

        out = as_nobody(read) if os.geteuid() == 0 else read()
        assert out.splitlines() == [f"{path}: cannot be read (permission denied); nothing of it applies", "{}"]


def test_missing_places_are_skipped(tmp_path):
    write(tmp_path, 'language = "en"\n')
    assert load_provisioning(Locations(system=None, beside_executable=tmp_path)).get("language") == "en"
    assert load_provisioning(Locations(system=tmp_path / "absent", beside_executable=None)) == Provisioning()


def test_in_a_checkout_there_is_no_executables_folder_to_read():
    """The venv's bin/ (or the repository) is not a place for IT's file."""
    assert not getattr(sys, "frozen", False)
    assert Locations.default().beside_executable is None
    assert Locations.default().system is not None


def test_the_frozen_program_reads_beside_its_executable(monkeypatch, tmp_path):
    app = tmp_path / "opt" / "fieldapp"
    app.mkdir(parents=True)
    write(app, 'organisation = "Фонд"\n')
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app / "fieldapp"))
    assert Locations.default().beside_executable == app.resolve()
    assert load_provisioning(Locations(None, Locations.default().beside_executable)).get("organisation") == "Фонд"


def test_provisioning_cannot_be_changed_by_the_program(places):
    write(places.system, 'language = "uk"\nlocked = ["language"]\n')
    prov = load_provisioning(places)
    with pytest.raises(dataclasses.FrozenInstanceError):
        prov.locked = frozenset()  # type: ignore[misc]
    with pytest.raises(TypeError):
        prov.values["language"] = "en"  # type: ignore[index]
    with pytest.raises(KeyError):
        prov.get("colour")
    with pytest.raises(KeyError):
        prov.is_locked("colour")


def test_an_it_settings_json_of_an_earlier_version_is_not_read_and_says_what_to_move(places):
    """IT upgraded in place: its old settings.json beside the program is named, with the TOML lines."""
    legacy = places.beside_executable / "settings.json"
    legacy.write_text(json.dumps({"auto_lock_minutes": 2, "server_url": "https://fieldapp.example.org",
                                  "organisation": "Фонд «Приклад»", "caseload_status": "closed"}),
                      encoding="utf-8")
    prov = load_provisioning(places)
    assert prov.values == {} and prov.sources == ()  # not one value of it applies
    [problem] = prov.problems
    assert problem.file == legacy and problem.key is None
    toml = places.beside_executable / PROVISIONING_FILE
    first, *lines = str(problem).splitlines()
    assert first == (f"{legacy}: is no longer read: IT's settings now go in {toml} only; ignored (not settings "
                     "IT can provision): caseload_status; move these lines into it, then remove this file:")
    assert [line.strip() for line in lines] == ["auto_lock_minutes = 2",
                                                'server_url = "https://fieldapp.example.org"',
                                                'organisation = "Фонд «Приклад»"']
    write(places.beside_executable, "\n".join(lines))  # what IT pastes is a valid fieldapp.toml
    legacy.unlink()
    moved = load_provisioning(places)
    assert moved.problems == ()
    assert moved.values == {"auto_lock_minutes": 2, "server_url": "https://fieldapp.example.org",
                            "organisation": "Фонд «Приклад»"}


def test_an_unreadable_settings_json_in_the_system_folder_is_named_too(places):
    legacy = places.system / "settings.json"
    legacy.write_text('{"auto_lock_minutes": 2,', encoding="utf-8")
    write(places.system, 'language = "en"\n')
    prov = load_provisioning(places)
    assert prov.values == {"language": "en"}  # fieldapp.toml beside it still applies
    [problem] = prov.problems
    assert problem.file == legacy and "no longer read" in problem.message
    assert "not a readable JSON object" in problem.message


@pytest.mark.parametrize("name", [n for n, o in OPTIONS.items() if o.it and o.type is int])
def test_each_number_takes_the_range_it_is_declared_with(places, name):
    option = OPTIONS[name]
    for value, accepted in ((option.minimum, True), (option.maximum, True),
                            (option.minimum - 1, False), (option.maximum + 1, False)):
        write(places.system, f"{name} = {value}\n")
        prov = load_provisioning(places)
        assert (prov.get(name) == value) is accepted
        if not accepted:
            [problem] = prov.problems
            assert f"from {option.minimum} to {option.maximum}" in problem.message


def test_every_language_of_the_program_and_the_systems_can_be_provisioned(places):
    for lang in (*LANGUAGES, ""):
        write(places.system, f'language = "{lang}"\n')
        prov = load_provisioning(places)
        assert prov.problems == () and prov.get("language") == lang


def test_only_settings_declared_for_it_can_be_provisioned(places):
    user_only = [n for n, o in OPTIONS.items() if not o.it]
    assert user_only  # the caseworker's own choices exist, and IT's file refuses them
    write(places.system, "".join(f'{n} = {json.dumps(OPTIONS[n].default)}\n' for n in user_only))
    assert {p.key for p in load_provisioning(places).problems} == set(user_only)


def test_the_example_in_the_it_guide_is_a_file_the_program_takes_whole(places):
    """What IT copies from docs/it.md works as it stands: every key known, every value accepted."""
    guide = (Path(__file__).resolve().parents[1] / "docs" / "it.md").read_text(encoding="utf-8")
    example = guide.split("```toml\n", 1)[1].split("```", 1)[0]
    (places.system / "fieldapp-ca.pem").write_text(PEM, encoding="utf-8")
    write(places.system, example)
    prov = load_provisioning(places)
    assert prov.problems == ()
    assert set(prov.values) == {n for n, o in OPTIONS.items() if o.it}  # it shows every key IT can set


def test_the_system_folder_on_this_computer_is_searched_for_an_old_settings_json(monkeypatch, tmp_path):
    """The default places, not test ones: Linux's system config folder comes from XDG_CONFIG_DIRS."""
    if not sys.platform.startswith("linux"):
        pytest.skip("XDG_CONFIG_DIRS is Linux's")
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path))
    (tmp_path / "FieldApp").mkdir()
    legacy = tmp_path / "FieldApp" / "settings.json"
    legacy.write_text('{"language": "en"}', encoding="utf-8")
    prov = load_provisioning()
    assert prov.get("language") is None
    assert [(p.file, p.message.splitlines()[-1].strip()) for p in prov.problems] == [(legacy, 'language = "en"')]
