"""End to end: the briefing offered on the start screen, shown by ``--briefing``, printed
by ``quiz brief``, in a pseudo-terminal and through pipes (issue 16)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.test_e2e import CTRL_C, DOWN, ENTER, SPACE, Terminal, env, run_piped

pytestmark = pytest.mark.slow

SOYUZ = ROOT / "questions" / "soyuz-2024.yaml"


def only_soyuz(tmp_path: Path, columns: int = 80) -> dict[str, str]:
    """An environment whose data folder holds nothing: the built-in bank alone is found."""
    return env(
        QUIZ_DATA_DIR=str(tmp_path / "data"),
        QUIZ_CACHE_DIR=str(tmp_path / "cache"),
        COLUMNS=str(columns),
    )


def test_the_start_screen_offers_the_briefing_before_play(tmp_path: Path) -> None:
    term = Terminal([], only_soyuz(tmp_path), rows=80)
    term.wait_for("Which bank?")
    term.send(ENTER)
    term.wait_for("How many questions?")
    term.send(ENTER)
    screen = term.wait_for("Before you play")
    assert "Read the briefing first" in screen and "Play" in screen
    term.send(ENTER)
    screen = term.wait_for("Ready to play? Press Enter")
    assert "Briefing · Soyuz to the ISS, March 2024" in screen
    assert "Marina Vasilevskaya" in screen and "Outside the article" in screen
    assert "Question 1 of" not in screen  # it waits for the player
    term.send(ENTER)
    term.wait_for("Question 1 of 10")
    term.send(CTRL_C)
    assert term.finish() == 130


def test_play_can_skip_the_briefing(tmp_path: Path) -> None:
    term = Terminal([], only_soyuz(tmp_path))
    term.wait_for("Which bank?")
    term.send(ENTER)
    term.wait_for("How many questions?")
    term.send(ENTER)
    term.wait_for("Before you play")
    term.send(DOWN + ENTER)
    screen = term.wait_for("Question 1 of 10")
    assert "Briefing ·" not in screen
    term.send(CTRL_C)
    assert term.finish() == 130


def test_play_with_briefing_at_40_columns_then_a_typed_answer(tmp_path: Path) -> None:
    args = ["play", str(SOYUZ), "--briefing", "--no-shuffle", "-n", "5"]
    term = Terminal(args, only_soyuz(tmp_path, 40), cols=40, rows=120)
    screen = term.wait_for("Ready to play? Press Enter")
    assert all(len(line) <= 40 for line in screen.splitlines())
    assert "│ Three people made up the crew: Oleg" in screen
    term.send(ENTER)
    term.wait_for("Question 1 of 5")
    term.send("21\r")
    term.wait_for("Right!")
    term.send(CTRL_C)
    assert term.finish() == 130


def test_plain_mode_prints_the_briefing_as_lines_and_keeps_the_script(tmp_path: Path) -> None:
    # With --briefing, plain mode reads no line for it: the answers stay in step.
    lines = "21\n2\n4\n3\nThe International Space Station (ISS)\n"
    done = run_piped(
        ["play", str(SOYUZ), "--briefing", "--no-shuffle", "-n", "5"],
        lines,
        QUIZ_DATA_DIR=str(tmp_path / "data"),
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("Briefing: Soyuz to the ISS, March 2024\n\nThis bank is about")
    briefing = out[: out.index("Soyuz to the ISS, March 2024 · 5 questions")]
    assert "╭" not in briefing and "\x1b[" not in out
    assert briefing.endswith("ask what the article says.\n\n")
    assert out.count("✔ Right!") == 5


def test_plain_start_screen_reads_the_briefing_when_asked(tmp_path: Path) -> None:
    done = run_piped([], "1\n1\n1\n", QUIZ_DATA_DIR=str(tmp_path / "data"))
    out = done.stdout
    assert "Before you play\n1) Read the briefing first\n2) Play" in out
    assert "Briefing: Soyuz to the ISS, March 2024" in out
    assert out.index("Briefing:") < out.index("Question 1 of 10")
    assert done.returncode == 130  # the input ends during the game


def test_quiz_brief_in_a_terminal_and_through_a_pipe(tmp_path: Path) -> None:
    term = Terminal(["brief", "soyuz-2024"], only_soyuz(tmp_path, 40), cols=40, rows=120)
    screen = term.wait_for("the article says.")
    assert term.finish() == 0
    assert "╭─ Briefing · Soyuz to the ISS," in screen
    assert all(len(line) <= 40 for line in screen.splitlines())
    piped = run_piped(["brief", "soyuz-2024"], "")
    assert piped.returncode == 0
    assert piped.stdout.startswith("Briefing: Soyuz to the ISS, March 2024\n\n")


def test_briefing_for_a_bank_without_one_is_refused(tmp_path: Path) -> None:
    bank = tmp_path / "plain.yaml"
    shutil.copy(ROOT / "tests" / "data" / "good" / "minimal.yaml", bank)
    done = run_piped(["play", str(bank), "--briefing"], "1\n")
    assert done.returncode == 1
    assert done.stderr == "quiz: error: no briefing to show: the banks chosen have none\n"


def test_a_text_answer_with_one_typo_in_a_long_word_is_accepted(tmp_path: Path) -> None:
    # The fifth question in file order asks for the station: one typo, in a long word.
    lines = "21\n2\n4\n3\nthe Internatonal Space Station\n"
    done = run_piped(["play", str(SOYUZ), "--no-shuffle", "-n", "5"], lines)
    assert "accepted with one typo: International Space Station" in done.stdout
    wrong = run_piped(["play", str(SOYUZ), "--no-shuffle", "-n", "5"], "21\n2\n4\n3\nthe ESS\n")
    assert wrong.stdout.count("✔ Right!") == 4 and "✘ Wrong" in wrong.stdout
    assert SPACE == " "  # (the helpers are the e2e module's own)


def test_the_briefing_is_paged_a_screenful_at_a_time_at_80x24(tmp_path: Path) -> None:
    """Stranger 11: the briefing is read from its top; Space turns the page, q skips to
    the game."""
    args = ["play", str(SOYUZ), "--briefing", "--no-shuffle", "-n", "2"]
    term = Terminal(args, only_soyuz(tmp_path), rows=24)
    screen = term.wait_for("Enter or Space: more · q: skip to the game")
    assert screen.splitlines()[0].startswith("╭─ Briefing · Soyuz to the ISS, March 2024")
    assert "This bank is about a short news article" in screen
    assert "? Briefing, lines 1-22 of " in screen
    term.send(SPACE)
    screen = term.wait_for("? Briefing, lines 23-44 of ")
    assert "Looking ahead" in screen and "Question 1 of" not in screen
    term.send("q")
    screen = term.wait_for("Question 1 of 2")
    assert "Ready to play?" not in screen
    term.send(CTRL_C)
    assert term.finish() == 130


def test_the_paged_briefing_keeps_its_keys_and_title_whole_at_40x20(tmp_path: Path) -> None:
    """Stranger 2, 5: at 40 columns the keys go a line each, and a title too long for
    the frame ends in an ellipsis."""
    args = ["play", str(SOYUZ), "--briefing", "--no-shuffle", "-n", "2"]
    term = Terminal(args, only_soyuz(tmp_path, 40), cols=40, rows=20)
    screen = term.wait_for("q: skip to the game")
    lines = screen.rstrip("\n").splitlines()
    assert lines[-2:] == ["  Enter or Space: more", "  q: skip to the game"]
    assert lines[-3].startswith("? Briefing, lines 1-17 of ")
    assert lines[0].startswith("╭─ Briefing · Soyuz to the ISS, March…")
    assert all(len(line) <= 40 for line in lines)
    term.send("q")
    term.wait_for("Question 1 of 2")
    term.send(CTRL_C)
    assert term.finish() == 130
