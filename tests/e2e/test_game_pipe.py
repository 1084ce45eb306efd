"""The game through pipes and files: plain lines, nothing cut, nothing lost (issues 13, 19)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.test_e2e import bank, env, quiz_command, run_piped

pytestmark = pytest.mark.slow
__all__ = ["bank"]  # the fixture, used by name

ANSWERS = "2\n1 3\nn\nGagarin\n1969\n3 4 1 2\n1=c 2=a 3=b\n"
BOXES = set("╭╮╰╯│─┏┓┗┛┃━┡┩┼┬┴")

LONG_EXPLANATION = """\
title: Long
questions:
  - id: crew
    type: text
    prompt: Who flew with Oleg Novitsky and Marina Vasilevskaya?
    answer: Tracy Dyson
    tags: [crew]
    explanation: >-
      The article names the crew of the flight in its opening paragraph, and the NASA
      astronaut who flew with the two others was Tracy Dyson of NASA, who had flown before.
"""


def data(tmp_path: Path) -> dict[str, str]:
    return {"QUIZ_DATA_DIR": str(tmp_path / "data")}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_nothing_is_cut_or_padded_in_a_pipe(tmp_path: Path) -> None:
    """Defect 3: the review at the end is whole, not cut at 80 columns."""
    path = write(tmp_path, "long.yaml", LONG_EXPLANATION)
    done = run_piped(["play", str(path)], "Someone\n", **data(tmp_path))
    assert done.returncode == 0, done.stderr
    whole = (
        "The article names the crew of the flight in its opening paragraph, and the NASA "
        "astronaut who flew with the two others was Tracy Dyson of NASA, who had flown before."
    )
    assert done.stdout.count(whole) == 2  # in the feedback and in the review
    assert "  " + whole in done.stdout  # indented under its question in the review
    assert all(line == line.rstrip() for line in done.stdout.splitlines())


def test_plain_output_is_lines_a_screen_reader_reads(bank: Path, tmp_path: Path) -> None:
    """Defect 11: no boxes, no ruled tables, the state in words."""
    done = run_piped(["play", str(bank), "--no-shuffle"], ANSWERS, **data(tmp_path))
    assert done.returncode == 0, done.stderr
    assert not BOXES & set(done.stdout)
    assert "Question 1 of 7. Score 0. Streak 0. Easy." in done.stdout
    assert "Question 3 of 7. Score 320. Streak 2. Medium." in done.stdout
    assert "Game over.\nScore: 1850 out of 1850." in done.stdout
    assert "Perfect game!" in done.stdout


def test_timed_plain_state_says_the_time_left(bank: Path, tmp_path: Path) -> None:
    done = run_piped(["play", str(bank), "--no-shuffle", "--timed", "20"], "2\n", **data(tmp_path))
    assert "Question 1 of 7. Score 0. Streak 0. Easy. 20 seconds left." in done.stdout


def test_every_tag_has_its_row(bank: Path, tmp_path: Path) -> None:
    """Defect 10: with --tag planets, there is a planets row (and one for sample)."""
    done = run_piped(
        ["play", str(bank), "--no-shuffle", "--tag", "planets"], "2\n", **data(tmp_path)
    )
    assert done.returncode == 0, done.stderr
    assert "By tag, planets: 1 of 1 right, 100 points." in done.stdout
    assert "By tag, sample: 1 of 1 right, 100 points." in done.stdout


def test_options_without_a_command_play_named_banks_at_once(bank: Path, tmp_path: Path) -> None:
    """Defect 9: 'quiz -n 3 BANK' plays; 'quiz -n 3' opens the start screen."""
    played = run_piped(["-n", "1", "--no-shuffle", str(bank)], "2\n", **data(tmp_path))
    assert played.returncode == 0, played.stderr
    assert "Question 1 of 1." in played.stdout and "Which bank?" not in played.stdout
    menu = run_piped(["-n", "3"], "1\n2\n", **data(tmp_path))  # the bank, then Play
    assert "invalid choice" not in menu.stderr
    assert "Which bank?" in menu.stdout and "Question 1 of 3." in menu.stdout


def test_typo_seed_and_accuracy(bank: Path, tmp_path: Path) -> None:
    """Defect 13: the forgiven typo is named; no seed without a shuffle; no accuracy yet."""
    fresh = subprocess.run(
        [*quiz_command(), "stats", "--json"],
        capture_output=True,
        text=True,
        env=env(**data(tmp_path)),
        timeout=60,
        check=False,
    )
    assert json.loads(fresh.stdout)["accuracy"] is None
    results = tmp_path / "r.json"
    lines = ANSWERS.replace("Gagarin", "Gagrin")
    done = run_piped(
        ["play", str(bank), "--no-shuffle", "--results", str(results)], lines, **data(tmp_path)
    )
    assert "accepted with one typo: Gagarin" in done.stdout
    assert json.loads(results.read_text(encoding="utf-8"))["seed"] is None


def test_a_better_score_is_a_new_best(bank: Path, tmp_path: Path) -> None:
    first = run_piped(["play", str(bank), "--no-shuffle", "-n", "1"], "1\n", **data(tmp_path))
    assert "New best!" not in first.stdout
    second = run_piped(["play", str(bank), "--no-shuffle", "-n", "1"], "2\n", **data(tmp_path))
    assert "Your best at 1 question: 100." in second.stdout
    assert "New best! (it was 0)" in second.stdout


def test_your_best_compares_games_of_the_same_length(bank: Path, tmp_path: Path) -> None:
    """Stranger2 #11: a 1-question game's 100 is not set beside a full game's best."""
    full = run_piped(["play", str(bank), "--no-shuffle"], ANSWERS, **data(tmp_path))
    assert "Perfect game!" in full.stdout and "Your best" not in full.stdout
    short = run_piped(["play", str(bank), "--no-shuffle", "-n", "1"], "2\n", **data(tmp_path))
    assert "Score: 100 out of 100." in short.stdout
    assert "Your best" not in short.stdout and "New best" not in short.stdout
    again = run_piped(["play", str(bank), "--no-shuffle"], ANSWERS, **data(tmp_path))
    best = re.search(r"^Your best at 7 questions: (\d+)\.$", again.stdout, re.MULTILINE)
    assert best is not None and f"Score: {best[1]} out of" in full.stdout


def test_banks_in_the_working_folder_are_found(tmp_path: Path) -> None:
    """Expectation: 'quiz new mine.yaml && quiz' shows it; other YAML is left alone."""
    here = tmp_path / "here"
    here.mkdir()
    made = subprocess.run(
        [*quiz_command(), "new", "mine.yaml"], cwd=here, env=env(**data(tmp_path)), check=False
    )
    assert made.returncode == 0
    (here / "compose.yaml").write_text("services:\n  web:\n    image: x\n", encoding="utf-8")

    def piped(args: list[str], lines: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            quiz_command() + args,
            input=lines,
            capture_output=True,
            text=True,
            cwd=here,
            env=env(**data(tmp_path)),
            timeout=60,
            check=False,
        )

    menu = piped([], "3\n")
    assert "2) My first quiz (7 questions)" in menu.stdout
    assert "compose" not in menu.stdout + menu.stderr
    named = piped(["play", "mine", "-n", "1", "--no-shuffle"], "2\n")
    assert named.returncode == 0, named.stderr
    assert "Which planet is known as the red planet?" in named.stdout


def test_undecodable_input_is_refused_and_nothing_is_lost(bank: Path, tmp_path: Path) -> None:
    """Issue 19: an invalid UTF-8 line is asked again; history and results are safe."""
    results = tmp_path / "r.json"
    lines = b"2\n1 3\nn\nGag\xffarin\nGagarin\n1969\n3 4 1 2\n1=c 2=a 3=b\n"
    for extra in ({}, {"PYTHONIOENCODING": "utf-8"}):
        done = subprocess.run(
            [*quiz_command(), "play", str(bank), "--no-shuffle", "--results", str(results)],
            input=lines,
            capture_output=True,
            env=env(**data(tmp_path), **extra),
            timeout=60,
            check=False,
        )
        out = done.stdout.decode("utf-8")
        assert done.returncode == 0, done.stderr
        assert "That line is not valid text (UTF-8); please type it again." in out
        assert "Traceback" not in done.stderr.decode("utf-8", "replace")
        assert json.loads(results.read_text(encoding="utf-8"))["correct"] == 7
        assert b"warning" not in done.stderr


def test_plain_echo_escapes_control_characters(bank: Path, tmp_path: Path) -> None:
    lines = "2\n1 3\nn\n\x1b]0;pwned\x07\n"
    done = run_piped(["play", str(bank), "--no-shuffle"], lines, **data(tmp_path))
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout
    assert "\\x1b]0;pwned\\x07" in done.stdout


def test_a_closed_stdout_exits_quietly_with_1(tmp_path: Path) -> None:
    for command in ("stats --json", "list", "validate questions"):
        done = subprocess.run(
            f"{' '.join(quiz_command())} {command} >&-",
            shell=True,
            capture_output=True,
            text=True,
            env=env(**data(tmp_path)),
            timeout=60,
            check=False,
        )
        assert done.returncode == 1, command
        assert done.stderr == "", command


@pytest.mark.parametrize("columns", ["0", "5"])
def test_no_room_is_twenty_columns(bank: Path, tmp_path: Path, columns: str) -> None:
    done = run_piped(
        ["play", str(bank), "--no-shuffle"], ANSWERS, COLUMNS=columns, **data(tmp_path)
    )
    assert done.returncode == 0, done.stderr
    assert "Which planet is known as the red planet?" in done.stdout
    assert "Score: 1850 out of 1850." in done.stdout


def test_file_names_are_escaped_in_validate_and_list(tmp_path: Path) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    write(folder, "\x1b]0;pwned\x07.yaml", "title: x\nquestions: []\n")
    for args in (["validate", str(folder)], ["list", str(folder)]):
        done = run_piped(args, "", **data(tmp_path))
        shown = done.stdout + done.stderr
        assert "\x1b" not in shown and "\x07" not in shown, args
        assert "\\x1b]0;pwned\\x07.yaml" in shown, args


def test_pause_never_takes_piped_lines(bank: Path, tmp_path: Path) -> None:
    """Piped input is a script: --pause does not read a line for its Enter."""
    done = run_piped(["play", str(bank), "--no-shuffle", "--pause"], ANSWERS, **data(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "Press Enter" not in done.stdout
    assert done.stdout.count("✔ Right!") == 7
