"""The FSRS cards and the settings in the history file, and rebuilding cards from answers.

Each answer is rated (:func:`quiz.history.scheduling.rate`) and reviews its question's
card; :func:`replay` rebuilds every card from the recorded answers in time order, which
is how a history from before FSRS migrates without losing anyone's progress.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import NamedTuple

from fsrs import Scheduler

from quiz.history import rows
from quiz.history.scheduling import (
    DEFAULT_RETENTION,
    MAX_RETENTION,
    MIN_RETENTION,
    Grade,
    Memory,
    rate_stored,
    review,
    scheduler,
)
from quiz.history.times import stamp

SCHEDULERS = ("fsrs", "leitner")


class Choice(NamedTuple):
    """The scheduler a player chose, and FSRS's desired retention."""

    scheduler: str = "fsrs"
    retention: float = DEFAULT_RETENTION


def read_choice(connection: sqlite3.Connection) -> Choice:
    """The remembered choice; the default when none (or none readable) is stored."""
    found = dict(connection.execute("SELECT key, value FROM settings").fetchall())
    name = found.get("scheduler")
    try:
        retention = float(found.get("retention", DEFAULT_RETENTION))
    except (TypeError, ValueError):
        retention = DEFAULT_RETENTION
    if not MIN_RETENTION <= retention <= MAX_RETENTION:  # also false for NaN
        retention = DEFAULT_RETENTION
    return Choice(name if name in SCHEDULERS else "fsrs", retention)


def write_choice(connection: sqlite3.Connection, choice: Choice) -> None:
    """Remember the choice (inside the caller's transaction)."""
    for key, value in (("scheduler", choice.scheduler), ("retention", repr(choice.retention))):
        connection.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def load_memory(connection: sqlite3.Connection, bank: str, question_id: str) -> Memory | None:
    """The card of one question, or None (never answered, or its row is unreadable)."""
    row = connection.execute(
        f"SELECT {rows.MEMORY_COLUMNS} FROM cards WHERE bank = ? AND question_id = ?",
        (bank, question_id),
    ).fetchone()
    if row is None:
        return None
    try:
        return rows.memory(tuple(row))
    except rows.BadRow:
        return None  # a damaged card starts again from this answer


def save_memory(connection: sqlite3.Connection, memory: Memory) -> None:
    """Store a card, replacing the question's old one."""
    connection.execute(
        f"INSERT OR REPLACE INTO cards ({rows.MEMORY_COLUMNS})"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            memory.bank,
            memory.question_id,
            memory.state,
            memory.step,
            memory.stability,
            memory.difficulty,
            stamp(memory.due),
            stamp(memory.last_review),
            memory.reviews,
            memory.lapses,
            memory.right,
        ),
    )


def time_limit(options: object) -> float | None:
    """The time limit of a game from its stored options (``timed``), if any."""
    try:
        value = json.loads(rows.text(options)).get("timed")
        return rows.real(value, 0.001, 86_400.0)
    except (ValueError, AttributeError, RecursionError):
        return None


def replay(connection: sqlite3.Connection) -> None:
    """Rebuild every card from the recorded answers, oldest game first.

    Answers without a stored rating (before schema 3) are rated from what they kept
    (:func:`quiz.history.scheduling.rate_stored`) and the rating is written to them.
    Rows that cannot be understood are left out.
    """
    fsrs = scheduler(read_choice(connection).retention)
    found = connection.execute(
        "SELECT a.id, a.bank, a.question_id, a.correct, a.points, a.seconds, a.rating,"
        " g.ended, g.options FROM answers a JOIN games g ON g.id = a.game_id"
        " ORDER BY g.ended, g.id, a.position"
    ).fetchall()
    memories: dict[tuple[str, str], Memory] = {}
    for row in found:
        try:
            answer_id, key = rows.whole(row[0]), (rows.text(row[1]), rows.text(row[2]))
            correct, at = rows.flag(row[3]), rows.moment(row[7])
            earlier = memories.get(key)
            if row[6] is None:
                grade = rate_stored(
                    correct=correct,
                    points=rows.whole(row[4]),
                    seconds=rows.real(row[5]),
                    time_limit=time_limit(row[8]),
                    right_before=earlier is not None and earlier.right > 0,
                )
                connection.execute(
                    "UPDATE answers SET rating = ? WHERE id = ?", (int(grade), answer_id)
                )
            else:
                grade = Grade(rows.whole(row[6], 1, 4))
        except rows.BadRow:
            continue
        memories[key] = advance(earlier, grade, at, fsrs, correct=correct, key=key)
    connection.execute("DELETE FROM cards")
    for memory in memories.values():
        save_memory(connection, memory)


def advance(
    memory: Memory | None,
    grade: Grade,
    at: datetime,
    fsrs: Scheduler,
    *,
    correct: bool,
    key: tuple[str, str],
) -> Memory:
    """Review the card at ``at``, or at its last review when the clock went back."""
    if memory is not None and at < memory.last_review:
        at = memory.last_review
    return review(memory, grade, at, fsrs, correct=correct, key=key)
