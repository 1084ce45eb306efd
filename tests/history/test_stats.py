"""Statistics: the pure summaries, the rich view, and ``quiz stats`` (--json, --reset)."""

from __future__ import annotations

import io
import json
import random
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from rich.console import Console

from quiz.cli import main
from quiz.game.engine import GameOptions, GameResult, Reply, Status, Turn, plan, play
from quiz.history.stats import AnswerRow, GameRow, compute, sparkline
from quiz.history.stats_document import document
from quiz.history.store import FILE_NAME, open_history
from quiz.library.loading import load_bank
from quiz.model import QuestionType
from quiz.ui.stats_view import stats_view
from tests.helpers import DATA

BANK_PATH = DATA / "history" / "orbits.yaml"
T0 = datetime(2024, 3, 20, 10, 0, 0, tzinfo=UTC)


def answer(
    game: int, position: int, qid: str, correct: bool, points: int = 10, **kw: object
) -> AnswerRow:
    return AnswerRow(game, position, "Orbits", qid, correct, points if correct else 0, **kw)  # type: ignore[arg-type]


def row(game: int, ended: str, score: int, banks: tuple[str, ...] = ("Orbits",)) -> GameRow:
    return GameRow(game, "play", banks, ended, ended, score, 30, 3, True)


def test_compute_per_bank_tag_difficulty_missed_and_streak() -> None:
    games = [
        row(1, "2024-03-01T10:00:00+00:00", 20),
        row(2, "2024-03-02T10:00:00+00:00", 10, ("Orbits", "Moons")),
        row(3, "2024-03-03T10:00:00+00:00", 0, ("Moons",)),
    ]
    answers = [
        answer(1, 1, "moon", True, difficulty="easy", tags=("moons",)),
        answer(1, 2, "sun", True, difficulty="medium", tags=("planets",)),
        answer(1, 3, "days", False, difficulty="hard", tags=("planets",), prompt="Days?"),
        answer(2, 1, "moon", True, difficulty="easy", tags=("moons",)),
        answer(2, 2, "days", False, difficulty="hard", prompt="How many days?"),
        answer(2, 3, "sun", False, difficulty="medium"),
        AnswerRow(3, 1, "Moons", "io", False, 0),
    ]
    stats = compute(games, answers)
    assert (stats.sessions, stats.answered, stats.correct, stats.best_streak) == (3, 7, 3, 2)
    orbits, moons = sorted(stats.banks, key=lambda b: b.title, reverse=True)
    assert (orbits.title, orbits.plays, orbits.best_score, orbits.average_score) == (
        "Orbits",
        2,
        20,
        15.0,
    )
    assert orbits.accuracy == pytest.approx(3 / 6)
    assert (moons.plays, moons.best_score, moons.average_score, moons.accuracy) == (2, 0, 0, 0)
    assert [(t.label, t.correct, t.answered) for t in stats.tags] == [
        ("moons", 2, 2),
        ("planets", 1, 2),
    ]
    assert [d.label for d in stats.difficulties] == ["easy", "medium", "hard"]
    assert [(m.question_id, m.missed, m.asked, m.prompt) for m in stats.missed] == [
        ("days", 2, 2, "How many days?"),
        ("io", 1, 1, ""),
        ("sun", 1, 2, ""),
    ]
    assert [g.fraction for g in stats.games] == pytest.approx([2 / 3, 1 / 3, 0])


def test_document_has_the_documented_shape() -> None:
    stats = compute([row(1, "2024-03-01T10:00:00+00:00", 20)], [answer(1, 1, "moon", True)])
    doc = document(stats)
    assert doc["sessions"] == 1
    assert doc["banks"] == [
        {
            "title": "Orbits",
            "plays": 1,
            "best_score": 10,
            "average_score": 10.0,
            "accuracy": 1.0,
            "answers": 1,
            "correct": 1,
        }
    ]
    json.dumps(doc)


def test_sparkline_runs_from_low_to_full() -> None:
    assert sparkline([0.0, 0.5, 1.0, 2.0, -1.0]) == "▁▅██▁"
    assert sparkline([]) == ""


def test_empty_stats_say_so() -> None:
    console = Console(file=io.StringIO(), width=40)
    console.print(stats_view(compute([], [])))
    assert "No games yet" in console.file.getvalue()  # type: ignore[attr-defined]


class Answers:
    """Right for every question except those named."""

    def __init__(self, wrong: set[str]) -> None:
        self.wrong = wrong

    def ask(self, turn: Turn, status: Status) -> Reply:
        q = turn.question
        good = q.id not in self.wrong
        if q.type is QuestionType.BOOLEAN:
            return Reply(q.truth if good else not q.truth)  # type: ignore[arg-type]
        if q.type is QuestionType.NUMBER:
            assert q.number is not None
            return Reply(q.number if good else q.number + 50)
        return Reply(q.answers[0] if good else q.choices[-1])

    def tell(self, outcome: object) -> None:
        pass


def played(wrong: set[str]) -> GameResult:
    turns = plan([load_bank(BANK_PATH)], GameOptions(shuffle=False), random.Random(0))
    return play(turns, Answers(wrong), iter(range(100)).__next__)


def fill(folder: Path, games: int = 3) -> None:
    with open_history(folder, lambda: T0) as history:
        for n in range(games):
            at = T0 + timedelta(days=n)
            history.record_game(
                played({"days"} if n % 2 else set()),
                mode="play",
                banks=["Orbits"],
                options={},
                started=at,
                ended=at,
            )


def test_stats_json_through_the_cli(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(isolated_data_dir)
    assert main(["stats", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["sessions"] == 3
    (bank,) = doc["banks"]
    assert set(bank) >= {"title", "plays", "best_score", "average_score", "accuracy"}
    assert bank["title"] == "Orbits" and bank["plays"] == 3
    assert bank["accuracy"] == pytest.approx(round(8 / 9, 4))
    assert doc["most_missed"][0]["id"] == "days"
    assert doc["best_streak"] == 3


def test_stats_json_with_no_history(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["sessions"] == 0 and doc["banks"] == []


def test_stats_tables_read_at_40_columns(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # rich draws as for a terminal
    monkeypatch.delenv("QUIZ_PLAIN", raising=False)
    fill(isolated_data_dir, 4)
    assert main(["stats"]) == 0
    out = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out)
    for word in ("Games played", "Banks", "By tag", "By difficulty", "Most missed", "Scores"):
        assert word in out
    assert "█" in out and "┃" in out
    assert max(len(line) for line in out.splitlines()) <= 40


BOXES = set("┏━┳┃┡╇│└┘┌┐─╭╮╰╯█░▒▓")


@pytest.mark.parametrize("how", [["--plain"], ["TERM=dumb"], ["QUIZ_PLAIN=1"], []])
def test_plain_stats_are_lines_of_words_without_a_box(
    how: list[str],
    isolated_data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Stranger S#7: no box drawing, no ruled table, no bar; the same figures in words.
    ``[]``: output that is not a terminal (a pipe, here captured) is plain too."""
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("QUIZ_PLAIN", raising=False)
    if how and "=" in how[0]:
        name, value = how[0].split("=")
        monkeypatch.setenv(name, value)
        monkeypatch.setenv("TTY_COMPATIBLE", "1")  # a terminal, but a plain one
    fill(isolated_data_dir, 4)
    assert main(["stats", *[h for h in how if h.startswith("--")]]) == 0
    out = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out)
    assert not set(out) & BOXES, out
    lines = out.splitlines()
    for line in (
        "Games played: 4.",
        "Banks:",
        "By tag:",
        "By difficulty:",
        "Most missed:",
        "Progress:",
    ):
        assert line in lines, out
    assert re.search(r"^Orbits: 4 plays, best score \d+, average \d+, accuracy \d+%\.$", out, re.M)
    assert re.search(r"^Orbits, question days: missed 2 of 4 times\. ", out, re.M), out
    assert re.search(r"^Scores of the last 4 games, oldest first: (\d+%, ){3}\d+%\.$", out, re.M)
    assert "Week of " in out


FORGED = "\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x1b[31mEVIL[bold]B[/]\x9b31m\u202e"
FORGED_SHOWN = "\\x1b]52;c;cm0gLXJmIH4=\\x07\\x1b[2J\\x1b[31mEVIL[bold]B[/]\\x9b31m\\u202e"


def forge(folder: Path) -> None:
    """Attacker A#4: a history whose rows carry escapes, C1 bytes and a bidi override."""
    fill(folder, 2)
    with sqlite3.connect(folder / "history.sqlite3") as db:
        db.execute(
            "UPDATE answers SET bank=?, prompt=?, difficulty=?, question_id=?, tags=?",
            ("Bank" + FORGED, "Prompt" + FORGED, "hard" + FORGED, "qid" + FORGED,
             json.dumps(["tag" + FORGED])),
        )  # fmt: skip
        db.execute("DELETE FROM cards WHERE rowid NOT IN (SELECT MIN(rowid) FROM cards)")
        db.execute("UPDATE cards SET bank=?, question_id=?", ("Bank" + FORGED, "qid" + FORGED))
    db.close()


@pytest.mark.parametrize("plain", [True, False])
def test_text_from_the_history_is_escaped_never_raw(
    plain: bool,
    isolated_data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("QUIZ_PLAIN", raising=False)
    monkeypatch.setenv("COLUMNS", "400")
    monkeypatch.setenv("NO_COLOR", "1")  # so that the only ESC there could be is forged
    if not plain:
        monkeypatch.setenv("TTY_COMPATIBLE", "1")
    forge(isolated_data_dir)
    assert main(["stats", "--plain"] if plain else ["stats"]) == 0
    out = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out)  # rich's own bold
    for forged in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert forged not in out
    for field in ("Bank", "Prompt", "hard", "qid", "tag"):
        assert field + FORGED_SHOWN in out, (field, out)


def test_stats_with_an_unwritable_data_dir_warns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "afile").write_text("")
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "afile" / "sub"))
    assert main(["stats", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["sessions"] == 0
    assert "history not saved" in captured.err


def test_reset_with_yes_keeps_a_backup(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(isolated_data_dir)
    assert main(["stats", "--reset", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "History cleared" in out
    backups = list(isolated_data_dir.glob(f"{FILE_NAME}.backup-*"))
    assert len(backups) == 1
    assert main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sessions"] == 0


@pytest.mark.parametrize(("reply", "cleared"), [("y\n", True), ("n\n", False), ("", False)])
def test_reset_asks_first(
    isolated_data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    reply: str,
    cleared: bool,
) -> None:
    fill(isolated_data_dir)
    monkeypatch.setattr("sys.stdin", io.StringIO(reply))
    assert main(["stats", "--reset"]) == 0
    out = capsys.readouterr().out
    assert "Clear the history of 3 games? [y/N]" in out
    assert ("History cleared" in out) is cleared
    assert ("History kept" in out) is not cleared
    main(["stats", "--json"])
    assert json.loads(capsys.readouterr().out)["sessions"] == (0 if cleared else 3)


def test_reset_of_an_unwritable_store_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "afile").write_text("")
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "afile" / "sub"))
    assert main(["stats", "--reset", "--yes"]) == 1
    assert "quiz: error: the history cannot be reset" in capsys.readouterr().err


def test_reset_of_an_empty_history_asks_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--reset"]) == 0
    assert "nothing to clear" in capsys.readouterr().out
