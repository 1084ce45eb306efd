"""How the game and the reports look in a narrow terminal, read through pyte."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pexpect
import pyte
import pytest

from tests.test_e2e import Terminal, env, quiz_command

pytestmark = pytest.mark.slow

TAB_BROKEN = "title: Broken\nquestions:\n\t- id: x\n"


class BareTerminal(Terminal):
    """A terminal that, like tmux or a console window, says its size only through the
    pseudo-terminal: no COLUMNS or LINES in the environment."""

    def __init__(self, args: list[str], env: dict[str, str], cols: int, rows: int = 40) -> None:
        super().__init__(args, env, cols, rows, size_in_env=False)


def words_before(screen: str, end: str) -> list[str]:
    """The words on the screen up to the line that starts with ``end``."""
    lines = screen.splitlines()
    stop = next(i for i, line in enumerate(lines) if line.startswith(end))
    return " ".join(lines[:stop]).split()


def test_list_warnings_wrap_between_words_at_40_columns(tmp_path: Path) -> None:
    """Stranger #7: a skipped file's warning is wrapped between words, not at column 40
    mid-word, and names the file as the user would (relative to the working folder)."""
    (tmp_path / "b2.yaml").write_text(TAB_BROKEN, encoding="utf-8")
    piped = subprocess.run(
        [*quiz_command(), "list"],
        capture_output=True,
        text=True,
        env=env(),
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    (warning,) = [line for line in piped.stderr.splitlines() if line.startswith("warning:")]
    assert "skipped b2.yaml: 1 error (first: line 3: a tab character here" in warning
    command = quiz_command()
    child = pexpect.spawn(
        command[0],
        [*command[1:], "list"],
        env=env(COLUMNS="40"),
        cwd=str(tmp_path),
        dimensions=(40, 40),
        timeout=15,
    )
    screen = pyte.Screen(40, 40)
    pyte.ByteStream(screen).feed(child.read())
    child.close()
    shown = "\n".join(line.rstrip() for line in screen.display)
    assert words_before(shown, "Question banks") == warning.split()
    assert "warning: skipped b2.yaml: 1 error" in shown


def test_plain_lines_wrap_between_words_in_a_narrow_dumb_terminal(tmp_path: Path) -> None:
    """Stranger #7: plain mode in a 40-column terminal that does not set COLUMNS (rich
    takes TERM=dumb for 80 columns) wraps its lines between words, in 40 columns."""
    args = ["play", "soyuz-2024", "-n", "3", "--seed", "5"]
    screens = []
    for cols in (40, 200):
        term = BareTerminal(args, env(QUIZ_DATA_DIR=str(tmp_path / "data"), TERM="dumb"), cols)
        screens.append(term.wait_for("Type your answer"))
        term.send("\x03")
        assert term.finish() == 130
    narrow, wide = screens
    assert max(map(len, narrow.splitlines())) <= 40
    assert words_before(narrow, ">") == words_before(wide, ">")
    assert "Question 1 of 3. Score 0. Streak 0." in narrow
