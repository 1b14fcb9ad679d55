"""The scripts people and CI start: the README's commands in a fresh clone, the layout checks, the docs' links.

(The README's test command is what runs this suite, and CI runs scripts/lint.sh right after it
in the venv it made: a lint tool missing from a fresh venv fails CI there.)
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from kit import cli_env

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import layout_checks  # noqa: E402


def readme_commands() -> list[str]:
    """The commands of the README's first shell block: what a newcomer types first."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", text, re.S)[1]
    return [line.split("#")[0].strip() for line in first_block.splitlines() if line.strip()]


def run_as_group(command: list[str], *, cwd: Path, env: dict[str, str],
                 timeout: float) -> subprocess.CompletedProcess[str]:
    """Run `command` in a process group of its own; past `timeout`, kill the whole group (pip, a
    PostgreSQL it started, ...) and fail with what it printed, so nothing outlives the test."""
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        pytest.fail(f"{' '.join(command)} had not ended after {timeout:.0f} s (its process group "
                    f"killed)\n{out}{err}")
    finally:
        if proc.poll() is None:  # an error in the test itself: leave nothing running
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return subprocess.CompletedProcess(command, proc.returncode, out, err)


# A whole venv is installed by the first commands: on a machine at load 16 that took over ten
# minutes. The deadline is for a hung install, not a measure of speed.
INSTALL_DEADLINE_S = 3600


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="the scripts are for Linux")
def test_the_readme_commands_work_in_a_fresh_clone(tmp_path):
    if subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True).returncode:
        pytest.skip("not a git checkout")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    env = {k: v for k, v in cli_env().items()
           if not k.startswith(("VIRTUAL_ENV", "FIELDAPP_VENV", "FIELDAPP_TEST_PG", "PYTHONPATH"))}
    env.update(QT_QPA_PLATFORM="offscreen", FIELDAPP_VENV=str(tmp_path / "venv"), PIP_DISABLE_PIP_VERSION_CHECK="1")
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if ".venv" not in p)

    def run(*command: str, timeout: float = INSTALL_DEADLINE_S) -> subprocess.CompletedProcess[str]:
        return run_as_group(list(command), cwd=clone, env=env, timeout=timeout)

    commands = readme_commands()
    assert commands, "the README opens with no commands"
    # Each README command sets up what it needs and answers --help (./run.sh first: the app's venv).
    for command in commands:
        done = run(command, "--help")
        assert done.returncode == 0 and "usage" in done.stdout.lower(), f"{command} --help\n{done.stdout}{done.stderr}"

    done = run("./run.sh", "--selftest")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "fieldapp selftest passed" in done.stdout
    again = run("./run.sh", "--version", timeout=600)  # the environment is reused: no installing again
    assert again.returncode == 0 and "FieldApp" in again.stdout
    assert "Installing" not in again.stdout


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_layout_checks_name_long_modules_and_sql_in_widgets(tmp_path, capsys):
    write(tmp_path / "casework" / "small.py", "X = 1\n")
    write(tmp_path / "fieldapp" / "ui" / "view.py",
          '"""Never SELECT * FROM households here."""\n'
          "# a comment may say DELETE FROM\n"
          'LABEL = "Select a family from the list"\n')
    write(tmp_path / "sync" / "ok.py", "Y = 2\n" * 500)
    assert layout_checks.main(["--root", str(tmp_path)]) == 0
    assert "modules over 500 lines: none" in capsys.readouterr().out

    write(tmp_path / "sync" / "big.py", "Y = 2\n" * 501)
    write(tmp_path / "fieldapp" / "ui" / "team.py",
          'table = "visits"\n'
          "def load(db):\n"
          '    return db.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0")\n'
          "ORDER = \"json_extract(data, '$.case_number')\"\n")
    assert layout_checks.main(["--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "sync/big.py: 501 lines (over 500)" in out and "sync/ok.py" not in out
    assert "fieldapp/ui/team.py:3: SQL" in out and "fieldapp/ui/team.py:4: SQL" in out
    assert "view.py" not in out


def test_the_readme_and_docs_link_to_files_that_exist():
    broken = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)\s]+)\)", doc.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                continue  # a web address or an anchor in the same page
            if not (doc.parent / target.split("#")[0]).exists():
                broken.append(f"{doc.relative_to(ROOT)} -> {target}")
    assert not broken, "\n".join(broken)
