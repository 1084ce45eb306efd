"""End to end: the installed ``quiz`` command in a pseudo-terminal and through a pipe."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest

from quiz.format.starter import STARTER_BANK

# These tests drive the installed quiz in a pseudo-terminal and through pipes: the inner
# loop (-m "not slow") leaves them out.
pytestmark = pytest.mark.slow

DOWN, ENTER, SPACE, CTRL_C = "\x1b[B", "\r", " ", "\x03"


def quiz_command() -> list[str]:
    """The installed console script, beside this Python (or ``python -m quiz``)."""
    script = Path(sys.executable).parent / "quiz"
    if script.exists():
        return [str(script)]
    found = shutil.which("quiz")
    return [found] if found else [sys.executable, "-m", "quiz"]


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "starter.yaml"
    path.write_text(STARTER_BANK.format(filename=path.name), encoding="utf-8")
    return path


class Terminal:
    """A program in a pseudo-terminal, its output read through a pyte screen."""

    def __init__(
        self,
        args: list[str],
        env: dict[str, str],
        cols: int = 80,
        rows: int = 40,
        *,
        size_in_env: bool = True,
    ) -> None:
        # The program sees the size of its terminal, as in a real one; without
        # ``size_in_env`` only through the pseudo-terminal, as in tmux.
        env = {k: v for k, v in env.items() if k not in ("COLUMNS", "LINES")}
        if size_in_env:
            env.update(COLUMNS=str(cols), LINES=str(rows))
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.transcript = b""
        command = quiz_command()
        self.child = pexpect.spawn(
            command[0], command[1:] + args, env=env, dimensions=(rows, cols), timeout=15
        )

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def pump(self, wait: float = 0.05) -> None:
        try:
            while True:
                chunk = self.child.read_nonblocking(65536, timeout=wait)
                self.transcript += chunk
                self.stream.feed(chunk)
        except (pexpect.TIMEOUT, pexpect.EOF):
            pass

    def wait_for(self, needle: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.pump()
            if needle in self.text():
                return self.text()
            if not self.child.isalive():
                self.pump()
                if needle in self.text():
                    return self.text()
                break
        raise AssertionError(f"{needle!r} never appeared; screen:\n{self.text()}")

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def finish(self) -> int:
        self.child.expect(pexpect.EOF, timeout=15)
        self.stream.feed(self.child.before or b"")
        self.child.close()
        return int(self.child.exitstatus if self.child.exitstatus is not None else -1)


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "QUIZ_PATH")}
    base.update({"TERM": "xterm-256color", "COLUMNS": "80", "LINES": "40"}, **extra)
    return base


def test_whole_game_with_the_keyboard_in_a_terminal(bank: Path, tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    term = Terminal(
        ["play", str(bank), "--no-shuffle", "--seed", "3", "--results", str(results)], env()
    )
    term.wait_for("Which planet is known as the red planet?")
    term.wait_for("Mercury")
    term.send(DOWN + ENTER)  # Mars
    term.wait_for("Which of these planets are gas giants?")
    term.send(SPACE + DOWN + DOWN + SPACE + ENTER)  # Jupiter, Saturn
    term.wait_for("The Moon gives off its own light.")
    term.send(DOWN)
    time.sleep(0.2)
    term.send(ENTER)  # False
    term.wait_for("Who was the first human in space?")
    term.send("yuri gagarin" + ENTER)
    term.wait_for("In which year did people first walk on the Moon?")
    term.send("1968" + ENTER)  # wrong
    term.wait_for("Order these planets by distance from the Sun")
    term.send("h")
    term.wait_for("Hint: Earth is third.")
    # Shown alphabetically: Earth, Mars, Mercury, Venus.
    term.send("3" + ENTER)
    term.wait_for("Position 2 of 4")
    term.send("3" + ENTER)  # Earth, Mars, Venus -> Venus
    term.wait_for("Position 3 of 4")
    term.send("1" + ENTER)  # Earth; Mars is last
    # Rights shown alphabetically: Jupiter, Mars, Saturn, Venus; each used once.
    term.wait_for("1/3 Titan")
    assert "each answer once" in term.text()
    term.send("3" + ENTER)  # Saturn
    term.wait_for("2/3 Europa")
    term.send("1" + ENTER)  # Jupiter (Saturn is no longer offered)
    term.wait_for("3/3 Phobos")
    term.send("2" + ENTER)  # Venus: wrong, Mars was right
    screen = term.wait_for("What next?")
    term.send("q")  # a person is asked what next; q quits
    assert term.finish() == 0
    assert "To review (2)" in term.text()
    document = json.loads(results.read_text(encoding="utf-8"))
    assert document["completed"] is True
    assert document["seed"] is None  # --no-shuffle: no seed made this game
    assert [a["correct"] for a in document["answers"]] == [True] * 4 + [False, True, False]
    # The match question scores 2 of its 3 pairs: 133 of 200.
    assert [a["points"] for a in document["answers"]] == [100, 220, 240, 260, 0, 150, 133]
    assert document["score"] == 970 + 133
    assert document["max_score"] == 100 + 220 + 240 + 260 + 280 + 450 + 300
    assert document["answers"][4]["given"] == 1968
    assert "Game over" in screen


def test_ctrl_c_in_the_middle_of_a_question(bank: Path, tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    term = Terminal(["play", str(bank), "--no-shuffle", "--results", str(results)], env())
    term.wait_for("Mercury")
    term.send(DOWN + ENTER)
    term.wait_for("gas giants")
    term.send(DOWN)
    time.sleep(0.2)
    term.send(CTRL_C)
    term.wait_for("Game so far")
    assert term.finish() == 130
    assert "Traceback" not in term.transcript.decode("utf-8", "replace")
    assert "Stopped      after 1 of 7 questions" in term.text()
    document = json.loads(results.read_text(encoding="utf-8"))
    assert document["completed"] is False
    assert len(document["answers"]) == 1


def test_start_screen_picks_a_bank(bank: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "questions").mkdir(parents=True)
    shutil.copy(bank, data / "questions" / "mine.yaml")
    term = Terminal([], env(QUIZ_DATA_DIR=str(data)))
    screen = term.wait_for("Which bank?")
    assert "Orbit Quiz" in screen and "My first quiz" in screen
    term.send(DOWN + ENTER)  # the second bank listed is ours (the built-in one comes first)
    term.wait_for("Question 1 of 7")
    term.send(CTRL_C)
    assert term.finish() == 130


def run_piped(args: list[str], lines: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        quiz_command() + args,
        input=lines,
        capture_output=True,
        text=True,
        env=env(**extra),
        timeout=60,
        check=False,
    )


def test_plain_mode_over_a_pipe(bank: Path, tmp_path: Path) -> None:
    results = tmp_path / "r.json"
    lines = "2\n1 3\nmaybe\nn\nGagarin\n1969\n3 4 1 2\n1=c 1=a\n1=c 2=a 3=b\n"
    done = run_piped(["play", str(bank), "--no-shuffle", "--results", str(results)], lines)
    assert done.returncode == 0, done.stderr
    assert "\x1b[" not in done.stdout  # not a terminal: no escape sequences
    assert "1) Venus\n2) Mars\n3) Jupiter\n4) Mercury" in done.stdout
    assert "Please type y (yes, true) or n (no, false)." in done.stdout
    assert (
        "1) Titan\n2) Europa\n3) Phobos\n\na) Jupiter\nb) Mars\nc) Saturn\nd) Venus" in done.stdout
    )
    assert "Item 1 is paired twice; pair each item once." in done.stdout
    assert done.stdout.count("✔ Right!") == 7
    document = json.loads(results.read_text(encoding="utf-8"))
    assert document["correct"] == 7 and document["score"] == document["max_score"] == 1850


def test_plain_end_of_input_is_an_interruption(bank: Path, tmp_path: Path) -> None:
    results = tmp_path / "r.json"
    done = run_piped(["play", str(bank), "--no-shuffle", "--results", str(results)], "2\n")
    assert done.returncode == 130
    assert "Traceback" not in done.stderr + done.stdout
    assert "Game so far" in done.stdout
    assert json.loads(results.read_text(encoding="utf-8"))["completed"] is False


def test_no_color_and_dumb_terminal(bank: Path) -> None:
    term = Terminal(
        ["play", str(bank), "--plain", "--no-shuffle"], env(NO_COLOR="1", TERM="dumb"), cols=40
    )
    term.wait_for("red planet?")
    term.send("2\r")
    term.wait_for("gas giants?")
    term.send(CTRL_C)
    assert term.finish() == 130
    transcript = term.transcript.decode("utf-8", "replace")
    assert "\x1b[3" not in transcript and "\x1b[1m" not in transcript  # no colour, no bold
    assert "Traceback" not in transcript


LONG_BANK = """\
title: Long choices
questions:
  - id: long
    prompt: Whose hopes does the mission carry?
    choices:
      - Chiefly those of the scientists who designed the experiments on board
      - Those of the countries involved and of the whole global community
    answer: Those of the countries involved and of the whole global community
    explanation: The closing part says so.
"""


def test_long_choices_wrap_at_40_columns(tmp_path: Path) -> None:
    bank = tmp_path / "long.yaml"
    bank.write_text(LONG_BANK, encoding="utf-8")
    term = Terminal(["play", str(bank), "--no-shuffle"], env(), cols=40)
    screen = term.wait_for("community")
    assert "on\n      board" in screen or "on board" in screen  # wrapped, not cut
    term.send(DOWN + ENTER)
    term.wait_for("Right!")
    term.wait_for("What next?")
    term.send("q")
    assert term.finish() == 0


def test_timed_question_runs_out_in_a_terminal(bank: Path, tmp_path: Path) -> None:
    results = tmp_path / "r.json"
    term = Terminal(
        ["play", str(bank), "--no-shuffle", "--timed", "1", "-n", "1", "--results", str(results)],
        env(),
    )
    term.wait_for("s left")
    term.wait_for("Time is up!", timeout=10)
    term.wait_for("What next?")
    term.send("q")
    assert term.finish() == 0
    answer = json.loads(results.read_text(encoding="utf-8"))["answers"][0]
    assert (answer["correct"], answer["points"]) == (False, 0)


def test_plain_start_screen_picks_a_bank_and_a_count_or_quits(tmp_path: Path) -> None:
    quit_now = run_piped([], "2\n", QUIZ_DATA_DIR=str(tmp_path / "data"))
    assert quit_now.returncode == 0, quit_now.stderr
    assert "1) Soyuz to the ISS, March 2024 (28 questions)\n2) Quit" in quit_now.stdout
    three = run_piped(["play", "-n", "3"], "1\n" + "1\n" * 3, QUIZ_DATA_DIR=str(tmp_path / "data"))
    assert three.returncode in (0, 130), three.stderr  # answers may need more lines
    assert "How many questions?" not in three.stdout  # -n was given
    assert "Question 1 of 3" in three.stdout
    counted = run_piped([], "1\n1\n2\n", QUIZ_DATA_DIR=str(tmp_path / "data"))
    assert (
        "How many questions?\n1) 10 questions\n2) 20 questions\n3) All 28 questions"
        in counted.stdout
    )
    assert "Before you play\n1) Read the briefing first\n2) Play" in counted.stdout
    assert "Briefing:" not in counted.stdout  # 2) Play
    assert "Question 1 of 10" in counted.stdout
    assert counted.returncode == 130  # the input ends during the game


def test_a_closed_stdin_is_an_ended_input(bank: Path) -> None:
    done = subprocess.run(
        [*quiz_command(), "play", str(bank)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env(),
        timeout=60,
        check=False,
    )
    assert done.returncode == 130
    closed = subprocess.run(
        f"{' '.join(quiz_command())} play {bank} <&-",
        shell=True,
        capture_output=True,
        text=True,
        env=env(),
        timeout=60,
        check=False,
    )
    assert closed.returncode == 130, closed.stderr
    assert "Traceback" not in closed.stderr


def test_an_output_that_cannot_show_a_character_gets_a_replacement(tmp_path: Path) -> None:
    bank = tmp_path / "zurich.yaml"
    bank.write_text(
        "title: Zürich ✓\nquestions:\n  - id: a\n    prompt: Où?\n    type: boolean\n"
        "    answer: yes\n    explanation: Oui.\n",
        encoding="utf-8",
    )
    done = run_piped(["list", str(bank)], "", PYTHONIOENCODING="ascii")
    assert done.returncode == 0, done.stderr
    assert "Z?rich ?" in done.stdout


# -- what a game's start loads ------------------------------------------------------------

# Run in a pseudo-terminal as the process's own command line (``quiz`` and the words
# after ``--``): when the first prompt starts, print which of the modules named before
# ``--`` are loaded and whether the cycle collector runs (with start-up's objects set
# aside), and end.
FIRST_PROMPT_PROBE = """
import gc
import os
import sys

from prompt_toolkit.application import Application

from quiz.cli import main


def stop(*args, **kwargs):
    loaded = sorted(set(unwanted) & set(sys.modules))
    print("loaded: [" + " ".join(loaded) + "]", flush=True)
    print("collector:", gc.isenabled(), gc.get_freeze_count() > 10_000, flush=True)
    os._exit(0)


Application.run = stop
split = sys.argv.index("--")
unwanted = sys.argv[1:split]
sys.argv = ["quiz", *sys.argv[split + 1 :]]
main()
"""


@pytest.mark.parametrize("menu", [False, True], ids=["first question", "start screen"])
def test_a_game_starts_without_loading_what_it_does_not_use(
    bank: Path, tmp_path: Path, menu: bool
) -> None:
    """Neither the history's sqlite3 nor, for a file checked before, a YAML parser (a
    tenth of the start): see the README's Performance. And the cycle collector, off
    during start-up, runs again once the player is asked."""
    unwanted = ["sqlite3", "yaml", "ruamel"]
    settings = env(
        QUIZ_DATA_DIR=str(tmp_path / "data"),
        QUIZ_CACHE_DIR=str(tmp_path / "cache"),
        QUIZ_PATH=str(bank.parent),
    )
    listed = [*quiz_command(), "list"]  # checks (and caches) every bank the game will find
    checked = subprocess.run(listed, env=settings, capture_output=True, timeout=60)
    assert checked.returncode == 0
    words = ["play", "--menu"] if menu else ["play", "--no-shuffle", str(bank)]
    child = pexpect.spawn(
        sys.executable,
        ["-c", FIRST_PROMPT_PROBE, *unwanted, "--", *words],
        env=settings,
        dimensions=(40, 80),
        timeout=30,
    )
    child.expect(r"loaded: \[(.*)\]")
    assert child.match.group(1).decode() == ""
    child.expect(r"collector: (\w+) (\w+)")
    assert child.match.group(1, 2) == (b"True", b"True")
    child.expect(pexpect.EOF)
