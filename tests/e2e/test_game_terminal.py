"""The game as a person plays it, in a pseudo-terminal read through pyte (issue 13)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pexpect
import pytest

from tests.test_e2e import CTRL_C, DOWN, ENTER, SPACE, Terminal, bank, env, quiz_command

pytestmark = pytest.mark.slow
__all__ = ["bank"]  # the fixture, used by name

HINTED = """\
title: Hinted
questions:
  - id: giants
    type: multi
    prompt: Which of these planets are gas giants?
    choices: [Jupiter, Earth, Saturn, Mars]
    answer: [Jupiter, Saturn]
    hint: Two of them have rings you can see with binoculars.
    explanation: Jupiter and Saturn are mostly hydrogen and helium.
  - id: order
    type: order
    prompt: Order these planets by distance from the Sun, nearest first.
    items: [Mercury, Venus, Earth, Mars]
    hint: Earth is third.
    explanation: Mercury, Venus, Earth, Mars.
"""

LONG = """\
title: Long choices
questions:
  - id: long
    prompt: Whose hopes does the mission carry, according to the closing part of the article?
    choices:
      - Chiefly those of the scientists who designed the experiments on board, and of the
        engineers who built the spacecraft that carried them to the station and back
      - Those of the countries involved and of the whole global community
    answer: Those of the countries involved and of the whole global community
    explanation: The closing part says so.
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def data_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return env(QUIZ_DATA_DIR=str(tmp_path / "data"), **extra)


def stats(tmp_path: Path) -> dict[str, object]:
    done = subprocess.run(
        [*quiz_command(), "stats", "--json"],
        capture_output=True,
        text=True,
        env=data_env(tmp_path),
        timeout=60,
        check=False,
    )
    return dict(json.loads(done.stdout))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["TERM", "HUP"])
def test_a_signal_ends_the_game_as_ctrl_c_does(
    bank: Path, tmp_path: Path, signum: signal.Signals
) -> None:
    """Defect 1: answers kept, results written, cursor shown, exit 128 + signal."""
    results = tmp_path / "r.json"
    term = Terminal(
        ["play", str(bank), "--no-shuffle", "--results", str(results)], data_env(tmp_path)
    )
    term.wait_for("Mercury")
    term.send(DOWN + ENTER)  # Mars
    term.wait_for("gas giants")
    term.send(SPACE + DOWN + DOWN + SPACE + ENTER)
    term.wait_for("The Moon gives off")
    time.sleep(0.3)
    term.child.kill(signum)
    assert term.finish() == 128 + signum
    transcript = term.transcript.decode("utf-8", "replace")
    assert "Traceback" not in transcript
    assert not term.screen.cursor.hidden
    document = json.loads(results.read_text(encoding="utf-8"))
    assert document["completed"] is False and len(document["answers"]) == 2
    assert stats(tmp_path)["answers"] == 2


def test_question_mark_without_a_hint_says_so(bank: Path, tmp_path: Path) -> None:
    """Defect 2: '?' on a text question with no hint is not the answer '?'."""
    term = Terminal(["play", str(bank), "--no-shuffle", "-n", "4"], data_env(tmp_path))
    for keys, needle in ((DOWN + ENTER, "gas giants"), ("1" + "3" + ENTER, "Moon gives")):
        term.wait_for("? ")
        term.send(keys)
        term.wait_for(needle)
    term.send("n" + ENTER)
    term.wait_for("first human in space")
    term.send("?" + ENTER)
    screen = term.wait_for("This question has no hint.")
    # The '?' is gone from the line: what is typed next is the whole answer (stranger 3).
    assert "\n? Type your answer:\nThis question has no hint." in screen
    term.send("Gagarin" + ENTER)
    term.wait_for("Right!")
    assert "You said: ?" not in term.text()
    assert "Answer: Gagarin" in term.text()
    term.wait_for("What next?")
    term.send("q")
    assert term.finish() == 0


@pytest.mark.parametrize("cols", [40, 100])
def test_long_lines_wrap_between_words_with_a_hanging_indent(tmp_path: Path, cols: int) -> None:
    """Defect 4: choices, the start screen's entries and the prompts break between words."""
    path = write(tmp_path, "long.yaml", LONG)
    term = Terminal(["play", str(path), "--no-shuffle"], data_env(tmp_path), cols=cols)
    screen = term.wait_for("community")
    lines = screen.splitlines()
    assert all(len(line) <= cols for line in lines)
    start = next(i for i, line in enumerate(lines) if line.startswith(" » 1) "))
    end = next(i for i, line in enumerate(lines) if line.startswith("   2) "))
    assert end - start > 1  # it wraps
    assert all(line.startswith("      ") for line in lines[start + 1 : end])  # hanging indent
    words = " ".join(line[6:].strip() for line in lines[start:end])
    assert words == (
        "Chiefly those of the scientists who designed the experiments on board, and of the "
        "engineers who built the spacecraft that carried them to the station and back"
    )
    term.send(CTRL_C)
    assert term.finish() == 130


def test_start_screen_entries_wrap_at_40_columns(tmp_path: Path) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    write(folder, "long.yaml", LONG.replace("Long choices", "A bank whose title is long enough"))
    term = Terminal([], data_env(tmp_path, QUIZ_PATH=str(folder)), cols=40)
    screen = term.wait_for("Which bank?")
    assert " » 1) Soyuz to the ISS, March 2024 (28\n      questions)" in screen
    assert "   2) A bank whose title is long enough\n      (1 question)" in screen
    term.send(ENTER)
    screen = term.wait_for("How many questions?")
    term.send("q")
    assert term.finish() == 0


def test_the_countdown_sits_beside_the_question(bank: Path, tmp_path: Path) -> None:
    """Defect 5: the time left is on the prompt's own line."""
    term = Terminal(["play", str(bank), "--no-shuffle", "--timed", "30"], data_env(tmp_path))
    screen = term.wait_for("s left")
    line = next(line for line in screen.splitlines() if "s left" in line)
    assert re.fullmatch(r"\? Answer  \d+ s left", line)
    term.send(CTRL_C)
    assert term.finish() == 130


TWO_SINGLES = """\
title: Two
questions:
  - id: one
    prompt: Which planet is known as the red planet?
    choices: [Venus, Mars]
    answer: Mars
    explanation: Iron oxide.
  - id: two
    prompt: Which planet has the most moons?
    choices: [Saturn, Mercury]
    answer: Saturn
    explanation: Saturn, at last count.
"""


def test_a_spare_enter_does_not_answer_the_next_question(tmp_path: Path) -> None:
    """Defect 6: keys typed before a question appears are dropped."""
    path = write(tmp_path, "two.yaml", TWO_SINGLES)
    results = tmp_path / "r.json"
    term = Terminal(
        ["play", str(path), "--no-shuffle", "--results", str(results)], data_env(tmp_path)
    )
    term.wait_for("Venus")
    term.send("2" + ENTER + ENTER)  # Mars, and a spare Enter
    term.wait_for("most moons")
    time.sleep(1.0)
    term.pump()
    assert "Saturn, at last count" not in term.text()  # not answered
    term.send(CTRL_C)
    assert term.finish() == 130
    assert len(json.loads(results.read_text(encoding="utf-8"))["answers"]) == 1


def test_pause_waits_for_enter(bank: Path, tmp_path: Path) -> None:
    term = Terminal(["play", str(bank), "--no-shuffle", "--pause"], data_env(tmp_path))
    term.wait_for("Mercury")
    term.send(DOWN + ENTER)
    term.wait_for("Press Enter for the next question")
    time.sleep(0.5)
    term.pump()
    assert "gas giants" not in term.text()
    term.send(ENTER)
    term.wait_for("gas giants")
    term.send(CTRL_C)
    assert term.finish() == 130


CREW = (
    "title: Crew\nquestions:\n  - {id: crew, type: multi, explanation: Both flew.,"
    " prompt: Which of these descriptions match the crew?,"
    ' choices: ["Oleg Novitsky, a Roscosmos cosmonaut", "Yuri Gagarin, the first man in space",'
    ' "Tracy Dyson, a NASA astronaut"],'
    ' answer: ["Oleg Novitsky, a Roscosmos cosmonaut", "Tracy Dyson, a NASA astronaut"]}\n'
)


def test_a_multi_answer_line_keeps_picks_with_commas_apart(tmp_path: Path) -> None:
    """Stranger 12: one pick a line, so "A, B" is one pick and not two."""
    path = write(tmp_path, "crew.yaml", CREW)
    term = Terminal(["play", str(path), "--no-shuffle"], data_env(tmp_path))
    term.wait_for("Which of these descriptions")
    term.send(SPACE + DOWN + DOWN + SPACE + ENTER)
    screen = term.wait_for("Right!")
    assert (
        "Answer: Oleg Novitsky, a Roscosmos cosmonaut\n        Tracy Dyson, a NASA astronaut"
        in screen
    )
    term.wait_for("What next?")
    term.send("q")
    assert term.finish() == 0


def test_multi_hint_is_a_key_and_echoes_are_the_answers(tmp_path: Path) -> None:
    """Defects 7 and 8, and the hint on every step of an order question."""
    path = write(tmp_path, "hinted.yaml", HINTED)
    term = Terminal(["play", str(path), "--no-shuffle"], data_env(tmp_path), cols=40)
    screen = term.wait_for("Which of these planets")
    assert "Show the hint" not in screen
    term.send(SPACE)
    term.send("?")
    term.wait_for("Hint: Two of them have rings")
    term.send(DOWN + DOWN + SPACE + ENTER)
    screen = term.wait_for("Answer: Jupiter\n        Saturn")
    assert "done (" not in screen and "Answer: Show the hint" not in screen
    term.wait_for("Position 1 of 4")
    term.send("1" + ENTER)  # Earth (alphabetical: Earth, Mars, Mercury, Venus)
    term.wait_for("Position 2 of 4")
    screen = term.wait_for("? shows the hint")
    term.send("?")
    term.wait_for("Hint: Earth is third.")
    term.wait_for("So far: Earth")
    term.send(CTRL_C)
    assert term.finish() == 130


def test_options_without_a_command_open_the_start_screen(tmp_path: Path) -> None:
    """Defect 9: 'quiz -n 3' and 'quiz --timed 10' are play's options."""
    term = Terminal(["--timed", "10", "-n", "3"], data_env(tmp_path))
    term.wait_for("Which bank?")
    term.send(ENTER)
    term.wait_for("Before you play")
    term.send(DOWN + ENTER)  # Play (the Soyuz bank offers its briefing first)
    screen = term.wait_for("s left")
    assert "Question 1 of 3" in screen and "invalid choice" not in screen
    term.send(CTRL_C)
    assert term.finish() == 130


@pytest.mark.parametrize("extra", [{"TERM": "dumb"}, {"QUIZ_PLAIN": "1"}], ids=str)
def test_plain_mode_turns_on_by_itself(bank: Path, tmp_path: Path, extra: dict[str, str]) -> None:
    """Defect 11: TERM=dumb and QUIZ_PLAIN=1 give plain mode at a terminal."""
    term = Terminal(["play", str(bank), "--no-shuffle"], data_env(tmp_path, **extra))
    screen = term.wait_for("Type the number of your answer")
    assert "Question 1 of 7. Score 0. Streak 0. Easy." in screen
    assert not set("╭│╰─┏") & set(screen)
    term.send(CTRL_C)
    assert term.finish() == 130


def test_feedback_keeps_one_width_and_ctrl_d_ends_from_a_list(bank: Path, tmp_path: Path) -> None:
    """Defect 13: one feedback width; Ctrl-D in a list ends the game as Ctrl-C does."""
    term = Terminal(["play", str(bank), "--no-shuffle"], data_env(tmp_path))
    term.wait_for("Mercury")
    term.send(DOWN + ENTER)
    term.wait_for("gas giants")
    term.send(SPACE + DOWN + DOWN + SPACE + ENTER)
    term.wait_for("The Moon gives off")
    screen = term.text()
    tops = [line for line in screen.splitlines() if line.startswith("╭──") and "─ " not in line]
    assert len(tops) == 2 and len(set(map(len, tops))) == 1
    term.send("\x04")
    term.wait_for("Game so far")
    assert term.finish() == 130


@pytest.mark.parametrize("key", ["q", "\x1b"], ids=["q", "Esc"])
def test_q_or_esc_ends_the_game_politely(bank: Path, tmp_path: Path, key: str) -> None:
    term = Terminal(["play", str(bank), "--no-shuffle"], data_env(tmp_path))
    term.wait_for("Mercury")
    term.send(DOWN + ENTER)
    term.wait_for("gas giants")
    term.send(key)
    screen = term.wait_for("Game so far")
    assert "Stopped      after 1 of 7 questions" in screen
    assert term.finish() == 130
    assert stats(tmp_path)["answers"] == 1


def test_empty_ctrl_d_at_a_text_prompt_ends_the_game(bank: Path, tmp_path: Path) -> None:
    term = Terminal(["play", str(bank), "--no-shuffle", "-n", "4"], data_env(tmp_path))
    term.wait_for("Mercury")
    term.send(DOWN + ENTER)
    term.wait_for("gas giants")
    term.send("13" + ENTER)
    term.wait_for("Moon gives")
    term.send("n" + ENTER)
    term.wait_for("first human")
    term.send("\x04")
    term.wait_for("Game so far")
    assert term.finish() == 130


def test_after_game_over_review_the_misses_now(bank: Path, tmp_path: Path) -> None:
    term = Terminal(["play", str(bank), "--no-shuffle", "-n", "2"], data_env(tmp_path))
    term.wait_for("Mercury")
    term.send("1" + ENTER)  # Venus: wrong
    term.wait_for("gas giants")
    term.send("13" + ENTER)
    screen = term.wait_for("What next?")
    assert "come back in 'quiz review'" in screen
    assert "Review the 1 missed now" in screen and "Play again" in screen
    term.send(DOWN + ENTER)
    screen = term.wait_for("Question 1 of 1")
    term.send("2" + ENTER)
    term.wait_for("Perfect game!")
    term.wait_for("What next?")
    term.send("q")
    assert term.finish() == 0


def test_ctrl_z_suspends_and_fg_redraws(bank: Path, tmp_path: Path) -> None:
    """Issue 19: Ctrl-Z suspends the game as a terminal program should (in a shell
    with job control, as a person runs it), and ``fg`` draws the question again."""
    shell = pexpect.spawn(
        "bash",
        ["--norc", "--noprofile", "-i"],
        env={**data_env(tmp_path), "PS1": "$ "},
        dimensions=(40, 80),
        timeout=20,
        encoding="utf-8",
    )
    shell.expect_exact("$ ")
    shell.sendline(" ".join([*quiz_command(), "play", str(bank), "--no-shuffle"]))
    shell.expect_exact("Mercury")
    time.sleep(0.5)
    shell.send("\x1a")
    shell.expect(r"Stopped")
    shell.expect_exact("$ ")
    shell.sendline("fg")
    shell.expect_exact("Mercury")  # drawn again
    time.sleep(0.5)
    shell.send(DOWN + ENTER)
    shell.expect_exact("gas giants")
    shell.send(CTRL_C)
    shell.expect_exact("Game so far")
    shell.expect_exact("$ ")
    shell.sendline("echo status=$?")
    shell.expect(r"status=(\d+)")
    assert shell.match.group(1) == "130"
    shell.sendline("exit")
    shell.expect(pexpect.EOF)


def test_a_bank_file_name_with_an_escape_is_shown_escaped(tmp_path: Path) -> None:
    """Issue 19: control characters in a file name never reach the terminal raw."""
    folder = tmp_path / "banks"
    folder.mkdir()
    write(folder, "\x1b]0;pwned\x07.yaml", LONG)
    term = Terminal([], data_env(tmp_path, QUIZ_PATH=str(folder)), cols=100)
    term.wait_for("Which bank?")
    assert b"\x1b]0;pwned" not in term.transcript
    assert "\\x1b]0;pwned\\x07" in term.text()
    term.send("q")
    assert term.finish() == 0
    child = pexpect.spawn(
        quiz_command()[0],
        [*quiz_command()[1:], "list"],
        env=data_env(tmp_path, QUIZ_PATH=str(folder)),
    )
    out = child.read()
    assert b"\x1b]0;pwned" not in out and b"\\x1b]0;pwned" in out


def test_closing_the_terminal_keeps_the_answers(bank: Path, tmp_path: Path) -> None:
    """Defect 1, as it happens: the terminal window closes (EIO, then SIGHUP)."""
    results = tmp_path / "r.json"
    term = Terminal(
        ["play", str(bank), "--no-shuffle", "--results", str(results)], data_env(tmp_path)
    )
    term.wait_for("Mercury")
    term.send(DOWN + ENTER)
    term.wait_for("gas giants")
    time.sleep(0.3)
    pid = term.child.pid
    os.close(term.child.child_fd)
    deadline = time.monotonic() + 20
    code = None
    while code is None and time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        code = os.waitstatus_to_exitcode(status) if done else None
        time.sleep(0.1)
    assert code == 128 + signal.SIGHUP
    document = json.loads(results.read_text(encoding="utf-8"))
    assert document["completed"] is False and len(document["answers"]) == 1
    assert stats(tmp_path)["answers"] == 1


def test_no_color_means_no_colour_in_the_prompts_either(bank: Path, tmp_path: Path) -> None:
    term = Terminal(["play", str(bank), "--no-shuffle"], data_env(tmp_path, NO_COLOR="1"))
    term.wait_for("Mercury")
    term.send(DOWN + ENTER)
    term.wait_for("gas giants")
    term.send(CTRL_C)
    assert term.finish() == 130
    transcript = term.transcript.decode("utf-8", "replace")
    assert not re.search(r"\x1b\[[0-9;]*(3[0-9]|9[0-7])m", transcript)
    assert "✔ Right!" in term.text()  # the meaning is in the words and marks
