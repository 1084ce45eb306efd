"""Checking many files in worker processes, as a person at a terminal meets it."""

from __future__ import annotations

import time
from pathlib import Path

import pexpect
import pytest

from tests.test_e2e import env, quiz_command

pytestmark = pytest.mark.slow


def big_banks(folder: Path, files: int, questions: int) -> Path:
    folder.mkdir()
    for number in range(files):
        lines = [f"title: Bank {number}", "questions:"]
        for index in range(questions):
            lines += [
                f"  - id: q{index}",
                f"    prompt: Question {index} of bank {number}?",
                f"    choices: [Alpha {index}, Bravo {index}, Charlie {index}]",
                f"    answer: Bravo {index}",
                "    explanation: Because.",
            ]
        (folder / f"bank{number}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_ctrl_c_while_workers_check_ends_cleanly(tmp_path: Path) -> None:
    folder = big_banks(tmp_path / "banks", 8, 3000)
    command = quiz_command()
    child = pexpect.spawn(
        command[0],
        [*command[1:], "validate", str(folder)],
        env=env(QUIZ_CACHE_DIR=str(tmp_path / "cache")),
        dimensions=(40, 100),
        timeout=60,
    )
    time.sleep(1.0)  # started, and checking
    child.sendintr()
    output = child.read().decode("utf-8", "replace")
    child.close()
    assert "Traceback" not in output
    if "All 8 files are valid" not in output:  # the machine was quicker than the signal
        assert child.exitstatus == 130 or child.signalstatus is not None, output
