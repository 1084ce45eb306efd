"""The start screen with a folder of many banks, in a real terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import DATA
from tests.test_e2e import DOWN, ENTER, Terminal, env

pytestmark = pytest.mark.slow

GOOD = (DATA / "good" / "minimal.yaml").read_text(encoding="utf-8")


def folder_of(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    for number in range(count):
        text = GOOD.replace("Minimal bank", f"Bank number {number}")
        (folder / f"bank-{number:04d}.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("cols", [40, 100])
def test_many_banks_are_picked_in_steps_that_fit_the_screen(tmp_path: Path, cols: int) -> None:
    folder = folder_of(tmp_path, 200)
    environment = env(QUIZ_DATA_DIR=str(tmp_path / "data"), QUIZ_PATH=str(folder))
    term = Terminal([], environment, cols=cols, rows=24)
    screen = term.wait_for("Which bank?", timeout=60)
    # The whole list is on the screen, down to its last entry.
    assert "banks)" in screen and "All banks (228 questions)" in screen and "Quit" in screen
    assert "» 1) bank-0000 to bank-00" in screen  # the ranges go by name
    # No table of 201 banks scrolls by above it: one line says what was found.
    assert "Orbit Quiz: 201 banks, 228 questions." in screen
    assert b"Question banks" not in term.transcript
    term.send(DOWN + ENTER)  # the second range
    screen = term.wait_for("Back")
    assert "Quit" in screen and "Which bank?" in screen
    while "(1 question)" not in screen:  # a range of ranges (in a narrow terminal)
        term.send(ENTER)
        screen = term.wait_for("Back")
    term.send(ENTER)  # the first bank of the range shown
    term.wait_for("Question 1 of 1")
    term.child.terminate(force=True)
