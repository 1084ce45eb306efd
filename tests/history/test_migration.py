"""Schema 3: a history written by the release before FSRS migrates in place, each
question's card rebuilt by replaying its answers in time order."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.history.cards import replay
from quiz.history.database import MIGRATIONS, SCHEMA_VERSION
from quiz.history.scheduling import Grade, review, scheduler
from quiz.history.store import FILE_NAME, open_history

T0 = datetime(2024, 3, 1, 9, 0, 0, tzinfo=UTC)


def stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def write_version_2(path: Path, games: list[tuple[datetime, list[tuple[str, bool, int]]]]) -> None:
    """A history as release 0.1.0 (schema 2) wrote it: its own migrations, then its
    INSERT statements, with WAL mode on."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    for steps in MIGRATIONS[:2]:
        for step in steps:
            assert isinstance(step, str)
            connection.execute(step)
    connection.execute("PRAGMA user_version = 2")
    for number, (ended, answers) in enumerate(games, start=1):
        options = {"seed": number, "timed": None}
        connection.execute(
            "INSERT INTO games (mode, banks, options, started, ended, score, max_score,"
            " planned, completed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                "play",
                '["Orbits"]',
                json.dumps(options),
                stamp(ended - timedelta(minutes=3)),
                stamp(ended),
                100,
                600,
                len(answers),
                1,
            ),
        )
        for position, (qid, correct, points) in enumerate(answers, start=1):
            connection.execute(
                "INSERT INTO answers (game_id, position, bank, question_id, correct, points,"
                " seconds, given, prompt, difficulty, tags)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    number,
                    position,
                    "Orbits",
                    qid,
                    int(correct),
                    points,
                    9.0,
                    '"x"',
                    f"Prompt of {qid}?",
                    "medium",
                    '["space"]',
                ),
            )
    connection.close()


def test_a_version_2_history_migrates_and_keeps_each_questions_progress(tmp_path: Path) -> None:
    day = timedelta(days=1)
    # Given out of time order on purpose: the replay follows the games' end times.
    games = [
        (T0 + 3 * day, [("moon", True, 200), ("sun", False, 0), ("days", False, 120)]),
        (T0, [("moon", True, 200), ("sun", True, 200), ("days", True, 200)]),
        (T0 + 10 * day, [("moon", True, 200)]),
    ]
    write_version_2(tmp_path / FILE_NAME, games)
    with open_history(tmp_path, lambda: T0 + 11 * day) as history:
        assert history.saving and history.warnings == []
        cards = {m.question_id: m for m in history.memories()}
        assert history.stats().sessions == 3
    connection = sqlite3.connect(tmp_path / FILE_NAME)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    ratings = connection.execute(
        "SELECT question_id, rating FROM answers ORDER BY game_id, position"
    ).fetchall()
    assert ratings == [
        ("moon", 3),
        ("sun", 1),
        ("days", 2),
        ("moon", 3),
        ("sun", 3),
        ("days", 3),
        ("moon", 3),
    ]
    # Each card is what replaying its answers, oldest first, gives.
    fsrs = scheduler()
    moon = review(None, Grade.GOOD, T0, fsrs, correct=True, key=("Orbits", "moon"))
    moon = review(moon, Grade.GOOD, T0 + 3 * day, fsrs, correct=True)
    moon = review(moon, Grade.GOOD, T0 + 10 * day, fsrs, correct=True)
    assert cards["moon"] == moon and cards["moon"].reviews == 3 and cards["moon"].right == 3
    assert cards["sun"].lapses == 1 and cards["sun"].due == T0 + 3 * day + timedelta(minutes=10)
    assert cards["days"].due < cards["moon"].due
    # The Leitner boxes of release 0.1.0 are untouched by the step.
    assert connection.execute("SELECT count(*) FROM boxes").fetchone()[0] == 0


def test_replay_skips_rows_it_cannot_understand(tmp_path: Path) -> None:
    write_version_2(tmp_path / FILE_NAME, [(T0, [("moon", True, 200), ("sun", False, 0)])])
    connection = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    connection.execute("UPDATE answers SET correct = 'maybe' WHERE question_id = 'sun'")
    connection.close()
    with open_history(tmp_path, lambda: T0) as history:
        assert [m.question_id for m in history.memories()] == ["moon"]
        assert history.connection is not None
        replay(history.connection)  # idempotent: the same cards again
        assert [m.question_id for m in history.memories()] == ["moon"]
