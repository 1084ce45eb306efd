"""``quiz party``: turns at one keyboard, the scoreboard, the results file and the history."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from quiz.commands.party import parse_players
from quiz.errors import UsageError
from tests.helpers import DATA
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
    assert "1st Ana: " in out
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


@pytest.mark.slow
def test_the_end_of_input_stops_the_party_with_the_standings(tmp_path: Path) -> None:
    results = tmp_path / "stopped.json"
    done = party(
        singles(tmp_path), "--players", "Ana,Ben", "--results", str(results), lines="Right\n"
    )
    assert done.returncode == 130
    assert "Standings so far" in done.stdout
    document = json.loads(results.read_text(encoding="utf-8"))
    assert document["completed"] is False
    assert sum(len(p["answers"]) for p in document["players"]) == 1


def test_bad_player_lists_are_usage_errors() -> None:
    done = party(EVERY_TYPE, "--players", "Solo")
    assert done.returncode == 2
    assert "2 to 8 players" in done.stderr and "Traceback" not in done.stderr
