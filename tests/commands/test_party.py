"""``quiz party``: turns at one keyboard, the scoreboard, the results file and the history."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from quiz.commands.party import parse_players
from quiz.errors import UsageError
from tests.helpers import DATA, until_output_closes
from tests.test_e2e import quiz_command

EVERY_TYPE = DATA / "good" / "every-type.yml"


def singles(folder: Path) -> Path:
    """Six text questions, whose answer is always 'Right'."""
    lines = ["title: Singles", "questions:"]
    for n in range(1, 7):
        lines += [f"  - id: s{n}", "    type: text", f"    prompt: Text {n}?", "    answer: Right"]
    path = folder / "singles.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def party(bank: Path, *args: str, lines: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*quiz_command(), "party", str(bank), *args],
        input=lines,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_names_are_checked() -> None:
    assert parse_players(" Ana , Ben,Caro") == ["Ana", "Ben", "Caro"]
    for bad in ("Ana", "Ana,", "Ana,ana", ",".join(f"p{n}" for n in range(9)), "Ana,B\x1bn"):
        with pytest.raises(UsageError):
            parse_players(bad)


@pytest.mark.slow
def test_a_piped_party_takes_turns_and_keeps_the_results(
    tmp_path: Path, isolated_data_dir: Path
) -> None:
    results = tmp_path / "party.json"
    # Six questions, three players: two turns each. A line that is no answer is asked again.
    lines = "Right\nWrong\n\nRight\nRight\nWrong\nRight\n"
    args = ("--players", "Ana,[b]Ben,Caro", "--seed", "3", "--results", str(results))
    done = party(singles(tmp_path), *args, lines=lines)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Question 1 of 6: Ana's turn" in out and "Question 2 of 6: [b]Ben's turn" in out
    assert "Question 6 of 6: Caro's turn" in out
    assert out.count("Leaderboard:") == 5 and "Final standings:" in out
    # Plain mode is lines of words: no box, no ruled table, no gauge.
    assert not set(out) & set("╭╮╰╯│─■□")
    assert re.search(r"^(1st|2nd) Ana: \d+ points, 2 of 2 right", out, re.MULTILINE), out
    document = json.loads(results.read_text(encoding="utf-8"))
    assert document["completed"] is True and len(document["questions"]) == 6
    players = {p["name"]: p for p in document["players"]}
    assert set(players) == {"Ana", "[b]Ben", "Caro"}
    assert all(len(p["answers"]) == 2 for p in players.values())
    assert [players[n]["correct"] for n in ("Ana", "[b]Ben", "Caro")] == [2, 0, 2]
    assert "Please type an answer" in out  # the empty line was asked again
    for player in players.values():
        assert player["score"] == sum(a["points"] for a in player["answers"])
    with sqlite3.connect(isolated_data_dir / "history.sqlite3") as db:
        modes = db.execute("SELECT mode, COUNT(*) FROM games GROUP BY mode").fetchall()
    assert modes == [("party", 3)]


def test_the_end_of_input_stops_the_party_with_the_standings(tmp_path: Path) -> None:
    """Stranger S#21: Ben's turn was open when the input ended. Unanswered, it counts its
    whole limit, as the tie rule says: his time is shown and he ranks after Ana."""
    results = tmp_path / "stopped.json"
    done = party(
        singles(tmp_path),
        *("--players", "Ana,Ben", "--seed", "1", "--results", str(results)),
        lines="Wrong\n",
    )
    assert done.returncode == 130
    standings = done.stdout[done.stdout.index("Standings so far (game stopped):") :]
    assert re.fullmatch(
        r"Standings so far \(game stopped\):\n"
        r"1st Ana: 0 points, 0 of 1 right, 0\.\d seconds\.\n"
        r"2nd Ben: 0 points, 0 of 1 right, 30\.0 seconds\.\n.*",
        standings,
        re.DOTALL,
    ), standings
    document = json.loads(results.read_text(encoding="utf-8"))
    assert document["completed"] is False
    players = {p["name"]: p for p in document["players"]}
    assert [p["name"] for p in document["players"]] == ["Ana", "Ben"]
    (ben,) = players["Ben"]["answers"]
    assert ben["given"] is None and ben["seconds"] == 30.0


def test_one_question_is_one_question(tmp_path: Path) -> None:
    done = party(singles(tmp_path), "--players", "Ana,Ben", "-n", "1", lines="Right\n")
    assert done.returncode == 0, done.stderr
    assert "Party: Ana, Ben · 1 question · seed" in done.stdout


def test_bad_player_lists_are_usage_errors() -> None:
    done = party(EVERY_TYPE, "--players", "Solo")
    assert done.returncode == 2
    assert "2 to 8 players" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.slow
def test_in_a_terminal_each_player_takes_the_keyboard_before_the_clock_starts(
    tmp_path: Path, isolated_data_dir: Path
) -> None:
    from tests.test_e2e import Terminal, env

    term = Terminal(
        ["party", str(singles(tmp_path)), "--players", "Ana,Ben", "-n", "2", "--time", "30"],
        env(QUIZ_DATA_DIR=str(isolated_data_dir)),
    )
    term.wait_for("Ana's turn: press Enter when ready")
    assert "Text " not in term.text()  # her question waits for her
    term.send("\r")
    term.wait_for("Type your answer")
    term.send("Right\r")
    shown = term.wait_for("Ben's turn: press Enter when ready")
    # Ana's feedback stays on screen, and Ben's question waits for him.
    assert "Answer: Right" in shown and len(re.findall(r"Text \d\?", shown)) == 1
    time.sleep(2.5)
    term.pump()
    assert len(re.findall(r"Text \d\?", term.text())) == 1
    term.send("\r")
    shown = term.wait_for("s left")
    assert re.search(r"(29|30) s left", shown), shown  # his clock started at Enter
    term.send("Right\r")
    term.wait_for("Final standings")
    assert term.finish() == 0


@pytest.mark.slow
def test_under_term_dumb_a_party_is_plain(tmp_path: Path, isolated_data_dir: Path) -> None:
    """Stranger S#6: TERM=dumb at a terminal plays line by line, as play does: no
    hand-over screen, no box, no redrawn countdown; the player is told how to stop."""
    from tests.test_e2e import Terminal, env

    term = Terminal(
        ["party", str(singles(tmp_path)), "--players", "Ana,Ben", "-n", "1"],
        env(QUIZ_DATA_DIR=str(isolated_data_dir), TERM="dumb"),
    )
    shown = term.wait_for("Ctrl-D on an empty line stops the game")
    assert "Question 1 of 1. Score 0. Streak 0. Medium. 30 seconds left." in shown
    term.send("Right\r")
    term.wait_for("Final standings:")
    assert term.finish() == 0
    assert not set(term.text()) & set("╭╮╰╯│─")
    assert b"press Enter when ready" not in term.transcript
    assert b"\x1b[" not in term.transcript


def test_the_first_leaderboard_puts_a_player_yet_to_play_last(tmp_path: Path) -> None:
    """Stranger2 #10: after Ana's wrong first answer, Ben (no turn yet) is not above her."""
    done = party(singles(tmp_path), "--players", "Ana,Ben", "-n", "2", lines="Wrong\nRight\n")
    assert done.returncode == 0, done.stderr
    first = done.stdout[done.stdout.index("Leaderboard:") :].splitlines()[:3]
    assert first == ["Leaderboard:", "1. Ana: 0 points, 0 right.", "2. Ben: 0 points, 0 right."]


@pytest.mark.slow
def test_a_party_whose_output_closes_stops_as_at_the_end_of_input(
    tmp_path: Path, isolated_data_dir: Path
) -> None:
    """Stranger2 #10: quiz party | head exits 130, as quiz play | head does, and the
    turns played are kept in the history."""
    from tests.test_e2e import env

    command = [*quiz_command(), "party", str(singles(tmp_path)), "--players", "Ana,Ben"]
    environ = env(QUIZ_DATA_DIR=str(isolated_data_dir))
    answers = (b"Right\n", b"Right\nRight\nRight\n")
    assert until_output_closes(command, environ, answers, b"Leaderboard:") == (130, "")
    with sqlite3.connect(isolated_data_dir / "history.sqlite3") as db:
        games = db.execute("SELECT COUNT(*), MAX(completed) FROM games").fetchone()
        answers = db.execute("SELECT COUNT(*) FROM answers").fetchone()
    assert games == (1, 0) and answers == (1,)  # Ana's one turn, in a game not completed
