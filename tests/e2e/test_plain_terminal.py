"""Plain mode for a person at a terminal (TERM=dumb): lines of words, never a box or a
ruled table, and how to stop said once; and its echo of piped lines."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.test_e2e import ENTER, Terminal, bank, env, quiz_command, run_piped

__all__ = ["bank"]  # a fixture
BOXES = set("┏━┳┃┡╇│└┘┌┐─╭╮╰╯")
STOP = "Ctrl-D on an empty line stops the game; the answers so far are kept."


def data(tmp_path: Path) -> dict[str, str]:
    return {"QUIZ_DATA_DIR": str(tmp_path / "data"), "QUIZ_CACHE_DIR": str(tmp_path / "cache")}


def test_a_piped_line_that_is_not_utf8_is_echoed_as_its_bytes(bank: Path, tmp_path: Path) -> None:
    """Stranger S#20."""
    done = subprocess.run(
        [*quiz_command(), "play", str(bank), "--no-shuffle", "-n", "1"],
        input=b"\xff\xfe\necho rc=$?\n2\n",
        capture_output=True,
        env=env(**data(tmp_path)),
        timeout=60,
        check=False,
    )
    out = done.stdout.decode("utf-8")
    assert done.returncode == 0, done.stderr
    assert "> \\xff\\xfe\nThat line is not valid text (UTF-8); please type it again.\n" in out
    # Stranger S#14: the refused line is quoted whole.
    assert "> echo rc=$?\n'echo rc=$?' is not an option: type a number from 1 to 4.\n" in out
    assert "Ctrl-D" not in out  # a script is not told how to stop: its end does


def test_the_piped_picker_asks_for_a_number(bank: Path, tmp_path: Path) -> None:
    done = run_piped([], "\x1b[A\n9\n", QUIZ_PATH=str(bank), **data(tmp_path))
    assert "'\\x1b[A' is not an option: type a number from 1 to" in done.stdout
    assert "type numbers" not in done.stdout


@pytest.mark.slow
def test_plain_play_at_a_terminal_says_how_to_stop(bank: Path, tmp_path: Path) -> None:
    """Stranger S#10: said once before the first answer; a 'q' is refused with it (q
    may be a text answer, so no line stops); Ctrl-D stops with the summary."""
    term = Terminal(
        ["play", str(bank), "--no-shuffle", "--pause"], env(TERM="dumb", **data(tmp_path))
    )
    shown = term.wait_for(STOP)
    assert shown.index("Type the number of your answer") < shown.index(STOP)
    for line, needle in (
        ("q", "'q' is not an option: type a number from 1 to 4. Ctrl-D on an empty line"),
        ("2", "Press Enter for the next question."),
        ("q", "Enter goes on. Ctrl-D on an empty line stops the game"),  # not taken as Enter
        ("", "Which of these planets are gas giants?"),
    ):
        term.send(line + ENTER)
        term.wait_for(needle)
    term.send("\x04")
    shown = term.wait_for("Game so far.")
    assert "Right: 1 of 1." in shown
    assert term.finish() == 130
    assert term.transcript.count(b"Ctrl-D on an empty line stops") == 3


@pytest.mark.slow
def test_brief_and_list_under_term_dumb_are_lines(tmp_path: Path) -> None:
    """Stranger S#6 and S#7: no panel, no ruled table where TERM=dumb."""
    dumb = env(TERM="dumb", **data(tmp_path))
    term = Terminal(["brief", "soyuz-2024"], dumb)
    while term.child.isalive():
        term.pump()
    term.pump()
    assert term.finish() == 0
    shown = term.transcript.decode("utf-8")
    assert "Briefing: Soyuz to the ISS, March 2024" in shown
    assert not set(shown) & BOXES, shown
    term = Terminal(["list", "soyuz-2024"], dumb)
    shown = term.wait_for("soyuz-2024: Soyuz to the ISS, March 2024. 28 questions:")
    assert term.finish() == 0
    assert not set(term.transcript.decode("utf-8")) & BOXES, shown


@pytest.mark.slow
def test_plain_stats_at_a_terminal_are_lines(bank: Path, tmp_path: Path) -> None:
    """Stranger S#7: ``quiz stats --plain`` in a terminal draws no table and no bar."""
    played = run_piped(["play", str(bank), "-n", "1", "--no-shuffle"], "1\n", **data(tmp_path))
    assert played.returncode == 0, played.stderr
    term = Terminal(["stats", "--plain"], env(**data(tmp_path)))
    term.wait_for("Scores of the last 1 game")
    assert term.finish() == 0
    text = term.transcript.decode("utf-8")
    assert not set(text) & (BOXES | set("█░")), text
    assert "Games played: 1." in text and "Banks:" in text


@pytest.mark.slow
def test_the_plain_start_screen_says_how_to_quit_and_ctrl_d_leaves_with_0(
    bank: Path, tmp_path: Path
) -> None:
    """Stranger2 #8: before a game there is none to stop and no answer to keep: the
    player is told the Quit entry's number, and Ctrl-D leaves quietly, with 0, as it
    does at the terminal start screen; the game's own rule comes with the game."""
    term = Terminal([], env(TERM="dumb", QUIZ_PATH=str(bank), **data(tmp_path)))
    shown = term.wait_for("to quit (or Ctrl-D on an empty line).")
    quit_entry = next(line for line in shown.splitlines() if line.endswith(") Quit"))
    number = quit_entry.split(")")[0]
    assert f"Type {number} to quit (or Ctrl-D on an empty line)." in shown
    term.send("q" + ENTER)
    term.wait_for(f"type a number from 1 to {number}. Type {number} to quit")
    term.send("\x04")
    assert term.finish() == 0
    assert b"Interrupted" not in term.transcript and b"stops the game" not in term.transcript


@pytest.mark.slow
def test_ctrl_d_at_the_plain_menu_after_a_game_quits_with_0(bank: Path, tmp_path: Path) -> None:
    """Stranger2 #8: the menu after a finished game is left as the start screen is."""
    term = Terminal(
        ["play", str(bank), "--no-shuffle", "-n", "1"], env(TERM="dumb", **data(tmp_path))
    )
    term.wait_for(STOP)
    term.send("2" + ENTER)
    term.wait_for("to quit (or Ctrl-D on an empty line).")
    term.send("\x04")
    assert term.finish() == 0
    assert b"Interrupted" not in term.transcript
