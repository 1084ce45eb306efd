"""The history store: recording, migrations, concurrency, faults, Leitner boxes, reset."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
import threading
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.errors import GameInterrupted
from quiz.game.engine import GameOptions, GameResult, Reply, Status, Turn, plan, play
from quiz.history.database import SCHEMA_VERSION
from quiz.history.leitner import next_box
from quiz.history.store import (
    FILE_NAME,
    History,
    HistoryUnavailableError,
    game_options,
    open_history,
    save_game,
)
from quiz.library.loading import load_bank
from quiz.model import Bank, Question, QuestionType
from tests.helpers import DATA

BANK_PATH = DATA / "history" / "orbits.yaml"
T0 = datetime(2024, 3, 20, 10, 0, 0, tzinfo=UTC)


def right_answer(question: Question) -> object:
    """A fully right answer to a question of the test bank."""
    if question.type is QuestionType.BOOLEAN:
        return question.truth
    if question.type is QuestionType.NUMBER:
        return question.number
    return question.answers[0]


def wrong_answer(question: Question) -> object:
    """A wrong answer to a question of the test bank."""
    if question.type is QuestionType.BOOLEAN:
        return not question.truth
    if question.type is QuestionType.NUMBER:
        assert question.number is not None
        return question.number + 100
    return next(c for c in question.choices if c not in question.answers)


class Scripted:
    """An asker that answers right or wrong as told, and stops after ``stop_after``."""

    def __init__(self, right: Mapping[str, bool], stop_after: int | None = None) -> None:
        self.right = right
        self.stop_after = stop_after
        self.asked = 0

    def ask(self, turn: Turn, status: Status) -> Reply:
        if self.stop_after is not None and self.asked >= self.stop_after:
            raise GameInterrupted("stopped")
        self.asked += 1
        question = turn.question
        good = self.right.get(question.id, True)
        return Reply(right_answer(question) if good else wrong_answer(question))  # type: ignore[arg-type]

    def tell(self, outcome: object) -> None:
        pass


def bank() -> Bank:
    return load_bank(BANK_PATH)


def game(right: Mapping[str, bool], stop_after: int | None = None) -> GameResult:
    """A played game of the test bank in file order."""
    import random

    turns = plan([bank()], GameOptions(shuffle=False), random.Random(1))
    return play(turns, Scripted(right, stop_after), iter(range(1000)).__next__)


def record(history: History, result: GameResult, ended: datetime = T0) -> None:
    history.record_game(
        result,
        mode="play",
        banks=["Orbits"],
        options={"seed": 1, "no_shuffle": True},
        started=ended - timedelta(minutes=5),
        ended=ended,
    )


def test_records_a_game_with_its_answers(tmp_path: Path) -> None:
    with open_history(tmp_path, lambda: T0) as history:
        assert history.saving and history.warnings == []
        record(history, game({"sun": False}))
    connection = sqlite3.connect(tmp_path / FILE_NAME)
    games = connection.execute(
        "SELECT mode, banks, options, started, ended, score, max_score, planned, completed"
        " FROM games"
    ).fetchall()
    assert len(games) == 1
    mode, banks, options, started, ended, score, max_score, planned, completed = games[0]
    assert (mode, json.loads(banks), planned, completed) == ("play", ["Orbits"], 3, 1)
    assert json.loads(options) == {"seed": 1, "no_shuffle": True}
    assert started < ended and ended.startswith("2024-03-20T10:00:00")
    assert 0 < score < max_score
    answers = connection.execute(
        "SELECT position, bank, question_id, correct, given, difficulty, tags FROM answers"
        " ORDER BY position"
    ).fetchall()
    assert [(a[0], a[1], a[2], a[3]) for a in answers] == [
        (1, "Orbits", "moon", 1),
        (2, "Orbits", "sun", 0),
        (3, "Orbits", "days", 1),
    ]
    assert [json.loads(a[4]) for a in answers] == ["The Moon", False, 365]
    assert answers[2][5:] == ("hard", '["test", "planets", "dates"]')
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_an_interrupted_game_is_kept_with_what_was_answered(tmp_path: Path) -> None:
    result = game({}, stop_after=2)
    assert not result.completed
    with open_history(tmp_path, lambda: T0) as history:
        record(history, result)
        games, answers = history.rows()
        cards = history.cards()
    assert len(games) == 1 and not games[0].completed and games[0].planned == 3
    assert [a.question_id for a in answers] == ["moon", "sun"]
    assert [c.question_id for c in cards] == ["moon", "sun"]


V1_SCHEMA = """
CREATE TABLE games (id INTEGER PRIMARY KEY, mode TEXT NOT NULL, banks TEXT NOT NULL,
    options TEXT NOT NULL, started TEXT NOT NULL, ended TEXT NOT NULL,
    score INTEGER NOT NULL, max_score INTEGER NOT NULL, planned INTEGER NOT NULL,
    completed INTEGER NOT NULL);
CREATE TABLE answers (id INTEGER PRIMARY KEY,
    game_id INTEGER NOT NULL REFERENCES games(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, bank TEXT NOT NULL, question_id TEXT NOT NULL,
    correct INTEGER NOT NULL, points INTEGER NOT NULL, seconds REAL NOT NULL,
    given TEXT NOT NULL);
CREATE TABLE boxes (bank TEXT NOT NULL, question_id TEXT NOT NULL, box INTEGER NOT NULL,
    due TEXT NOT NULL, updated TEXT NOT NULL, PRIMARY KEY (bank, question_id));
INSERT INTO games VALUES (1, 'play', '["Orbits"]', '{}', '2024-03-01T09:00:00+00:00',
    '2024-03-01T09:05:00+00:00', 10, 20, 2, 1);
INSERT INTO answers VALUES (1, 1, 1, 'Orbits', 'moon', 1, 10, 2.5, '"The Moon"');
INSERT INTO answers VALUES (2, 1, 2, 'Orbits', 'sun', 0, 0, 3.0, 'false');
INSERT INTO boxes VALUES ('Orbits', 'moon', 2, '2024-03-02T09:05:00+00:00',
    '2024-03-01T09:05:00+00:00');
INSERT INTO boxes VALUES ('Orbits', 'sun', 1, '2024-03-01T09:05:00+00:00',
    '2024-03-01T09:05:00+00:00');
PRAGMA user_version = 1;
"""


def test_opens_a_version_1_file_made_by_hand_and_migrates_it(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / FILE_NAME)
    connection.executescript(V1_SCHEMA)
    connection.close()
    with open_history(tmp_path, lambda: T0) as history:
        assert history.saving and history.warnings == []
        games, answers = history.rows()
        assert [g.id for g in games] == [1]
        assert [(a.question_id, a.difficulty, a.tags) for a in answers] == [
            ("moon", "", ()),
            ("sun", "", ()),
        ]
        assert {c.question_id: c.box for c in history.cards()} == {"moon": 2, "sun": 1}
        record(history, game({"moon": False}))
        stats = history.stats()
        cards = {c.question_id: c.box for c in history.cards()}
    assert stats.sessions == 2
    assert [d.label for d in stats.difficulties] == ["easy", "medium", "hard"]
    assert cards == {"moon": 1, "sun": 2, "days": 2}
    check = sqlite3.connect(tmp_path / FILE_NAME)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    indexes = {row[0] for row in check.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"answers_by_game", "answers_by_question"} <= indexes


def test_a_file_from_a_newer_release_is_left_alone(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / FILE_NAME)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with open_history(tmp_path, lambda: T0) as history:
        assert not history.saving
        assert len(history.warnings) == 1 and "newer" in history.warnings[0]
        record(history, game({}))
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]


def test_a_corrupt_file_is_moved_aside_and_a_fresh_one_started(tmp_path: Path) -> None:
    garbage = b"this is not a database at all\x00\xff" * 100
    (tmp_path / FILE_NAME).write_bytes(garbage)
    with open_history(tmp_path, lambda: T0) as history:
        assert history.saving
        assert len(history.warnings) == 1
        assert "moved to" in history.warnings[0]
        record(history, game({}))
        assert history.stats().sessions == 1
    moved = tmp_path / f"{FILE_NAME}.corrupt-20240320T100000"
    assert moved.read_bytes() == garbage
    with open_history(tmp_path, lambda: T0) as again:
        assert again.warnings == [] and again.stats().sessions == 1


def test_a_damaged_page_is_found_on_open(tmp_path: Path) -> None:
    with open_history(tmp_path, lambda: T0) as history:
        for _ in range(60):
            record(history, game({}))
        assert history.connection is not None
        history.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = tmp_path / FILE_NAME
    data = bytearray(path.read_bytes())
    data[8192:12288] = b"Z" * 4096
    path.write_bytes(bytes(data))
    with open_history(tmp_path, lambda: T0) as history:
        assert history.saving and len(history.warnings) == 1
        assert "malformed" in history.warnings[0]
        assert history.stats().sessions == 0
    assert (tmp_path / f"{FILE_NAME}.corrupt-20240320T100000").read_bytes() == bytes(data)


def test_game_options_keeps_what_json_can_hold() -> None:
    options = game_options(
        {"run": print, "banks": ["x"], "seed": 3, "tag": ["a"], "timed": None, "path": Path("f")},
        drop=("banks",),
    )
    assert options == {"seed": 3, "tag": ["a"], "timed": None, "path": "f"}


def test_a_second_corruption_at_the_same_second_keeps_both_files(tmp_path: Path) -> None:
    for content in (b"first garbage" * 50, b"second garbage" * 50):
        (tmp_path / FILE_NAME).write_bytes(content)
        open_history(tmp_path, lambda: T0).close()
    names = sorted(p.name for p in tmp_path.iterdir() if "corrupt" in p.name)
    assert names == [
        f"{FILE_NAME}.corrupt-20240320T100000",
        f"{FILE_NAME}.corrupt-20240320T100000-2",
    ]


def test_an_unwritable_data_dir_plays_without_saving(tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("a file where a folder should be")
    with open_history(blocker / "sub", lambda: T0) as history:
        assert not history.saving
        assert len(history.warnings) == 1
        assert history.warnings[0].startswith("history not saved: ")
        record(history, game({}))  # does not raise
        assert history.stats().sessions == 0
        assert history.cards() == [] and history.due(T0) == [] and history.next_due(T0) is None
        with pytest.raises(HistoryUnavailableError):
            history.reset()


def test_save_game_returns_the_warnings(tmp_path: Path) -> None:
    ok = save_game(
        tmp_path, game({}), mode="play", banks=["Orbits"], options={}, started=T0, ended=T0
    )
    assert ok == []
    blocked = tmp_path / "afile"
    blocked.write_text("")
    warnings = save_game(
        blocked / "sub", game({}), mode="play", banks=["Orbits"], options={}, started=T0, ended=T0
    )
    assert len(warnings) == 2 and warnings[0].startswith("history not saved")
    assert warnings[1].startswith("this game was not saved in the history")


GAMES_EACH = 20


def _writer(folder: str, number: int) -> None:
    with open_history(Path(folder), lambda: T0) as history:
        assert history.saving, history.warnings
        for index in range(GAMES_EACH):
            record(history, game({"sun": index % 2 == 0}), T0 + timedelta(seconds=number))
        assert history.warnings == []


def test_concurrent_writers_in_threads_lose_nothing(tmp_path: Path) -> None:
    threads = [threading.Thread(target=_writer, args=(str(tmp_path), n)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with open_history(tmp_path, lambda: T0) as history:
        games, answers = history.rows()
    assert len(games) == 4 * GAMES_EACH
    assert len(answers) == 3 * 4 * GAMES_EACH


def test_concurrent_writers_in_processes_lose_nothing(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=_writer, args=(str(tmp_path), n)) for n in range(3)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    assert [p.exitcode for p in processes] == [0, 0, 0]
    with open_history(tmp_path, lambda: T0) as history:
        games, answers = history.rows()
        stats = history.stats()
    assert len(games) == 3 * GAMES_EACH
    assert len(answers) == 3 * 3 * GAMES_EACH
    assert stats.banks[0].plays == 3 * GAMES_EACH


def test_next_box_moves_up_and_falls_back() -> None:
    assert next_box(None, True) == 2
    assert next_box(None, False) == 1
    assert [next_box(b, True) for b in (1, 2, 3, 4, 5)] == [2, 3, 4, 5, 5]
    assert all(next_box(b, False) == 1 for b in (1, 2, 3, 4, 5))


def test_a_leitner_cycle_with_an_injected_clock(tmp_path: Path) -> None:
    clock = [T0]
    history = open_history(tmp_path, lambda: clock[0])

    def answer_moon(right: bool, at: datetime) -> tuple[int, datetime]:
        clock[0] = at
        record(history, game({"moon": right}, stop_after=1), at)
        card = next(c for c in history.cards("leitner") if c.question_id == "moon")
        return card.box, card.due

    # Wrong: box 1, due at once.
    assert answer_moon(False, T0) == (1, T0)
    assert [c.question_id for c in history.due(T0, "leitner")] == ["moon"]
    # Right answers climb the boxes: due after 1, 3, 7 and 14 days.
    at = T0
    for box, days in ((2, 1), (3, 3), (4, 7), (5, 14)):
        assert answer_moon(True, at) == (box, at + timedelta(days=days))
        assert history.due(at, "leitner") == []
        assert history.due(at + timedelta(days=days) - timedelta(seconds=1), "leitner") == []
        assert history.next_due(at, "leitner") == at + timedelta(days=days)
        at += timedelta(days=days)
        assert [c.question_id for c in history.due(at, "leitner")] == ["moon"]
    # Box 5 is the top: right again stays there.
    assert answer_moon(True, at) == (5, at + timedelta(days=14))
    # Wrong again: back to box 1, due at once.
    at += timedelta(days=14)
    assert answer_moon(False, at) == (1, at)
    assert [c.box for c in history.due(at, "leitner")] == [1]
    history.close()


def test_reset_keeps_a_backup_and_empties_the_store(tmp_path: Path) -> None:
    with open_history(tmp_path, lambda: T0) as history:
        record(history, game({}))
        record(history, game({"moon": False}))
        backup = history.reset()
        assert history.stats().sessions == 0 and history.cards() == []
        record(history, game({}))
        assert history.stats().sessions == 1
    assert backup.name == f"{FILE_NAME}.backup-20240320T100000"
    old = sqlite3.connect(backup)
    assert old.execute("SELECT count(*) FROM games").fetchone()[0] == 2
    assert old.execute("SELECT count(*) FROM boxes").fetchone()[0] == 3
