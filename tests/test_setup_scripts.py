"""The README's run command works in a fresh clone, creating its own virtual environment.

(The README's test command is what runs this suite: CI runs it in a fresh clone.)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", text, re.S)[1]
    return [line.split("#")[0].strip() for line in first_block.splitlines() if line.strip()]


def test_readme_opens_with_exactly_the_two_commands():
    assert readme_commands() == ["./run.sh", "./test.sh"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "\n./test.sh\n" in ci


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="the scripts are for Linux")
def test_run_command_in_a_fresh_clone(tmp_path):
    if subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True).returncode:
        pytest.skip("not a git checkout")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "FIELDAPP_VENV", "PYTHONPATH"))}
    env.update(QT_QPA_PLATFORM="offscreen", FIELDAPP_VENV=str(tmp_path / "venv"), PIP_DISABLE_PIP_VERSION_CHECK="1")
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if ".venv" not in p)
    done = subprocess.run(["./run.sh", "--selftest"], cwd=clone, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "fieldapp selftest passed" in done.stdout
    # The second start reuses the environment: no installing again.
    again = subprocess.run(["./run.sh", "--version"], cwd=clone, env=env, capture_output=True, text=True,
                           timeout=120)
    assert again.returncode == 0 and "FieldApp" in again.stdout
    assert "Installing" not in again.stdout
