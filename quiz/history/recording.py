"""Writing one game: its row, its answers with their ratings, and each question's
FSRS card and Leitner box. Runs inside the caller's transaction."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from quiz.game.engine import GameResult, Outcome
from quiz.history.cards import advance, load_memory, read_choice, save_memory
from quiz.history.leitner import due_at, next_box
from quiz.history.results import given_value
from quiz.history.scheduling import Grade, Memory, rate, scheduler
from quiz.history.times import stamp


def grade_of(outcome: Outcome, memory: Memory | None) -> Grade:
    """The FSRS rating of an answer (see :func:`quiz.history.scheduling.rate`)."""
    return rate(
        correct=outcome.correct,
        fraction=outcome.fraction,
        used_hint=outcome.reply.used_hint,
        seconds=outcome.seconds,
        time_limit=outcome.turn.time_limit,
        right_before=memory is not None and memory.right > 0,
    )


def write_game(
    connection: sqlite3.Connection,
    result: GameResult,
    mode: str,
    banks: list[str],
    options: dict[str, object],
    started: datetime,
    ended: datetime,
) -> None:
    """Insert the game and its answers; review every answered question at ``ended``."""
    fsrs = scheduler(read_choice(connection).retention)
    cursor = connection.execute(
        "INSERT INTO games (mode, banks, options, started, ended, score, max_score,"
        " planned, completed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            mode,
            json.dumps(banks, ensure_ascii=False),
            json.dumps(options, ensure_ascii=False, sort_keys=True, default=str),
            stamp(started),
            stamp(ended),
            result.score,
            result.max_score,
            result.planned,
            int(result.completed),
        ),
    )
    game_id = cursor.lastrowid
    for position, outcome in enumerate(result.outcomes, start=1):
        question = outcome.turn.question
        bank = outcome.turn.bank_title
        memory = load_memory(connection, bank, question.id)
        grade = grade_of(outcome, memory)
        connection.execute(
            "INSERT INTO answers (game_id, position, bank, question_id, correct, points,"
            " seconds, given, prompt, difficulty, tags, rating)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                game_id,
                position,
                bank,
                question.id,
                int(outcome.correct),
                outcome.points.total,
                round(outcome.seconds, 3),
                json.dumps(given_value(outcome.reply.given), ensure_ascii=False),
                question.prompt,
                question.difficulty.value,
                json.dumps(list(question.tags), ensure_ascii=False),
                int(grade),
            ),
        )
        key = (bank, question.id)
        save_memory(
            connection, advance(memory, grade, ended, fsrs, correct=outcome.correct, key=key)
        )
        row = connection.execute(
            "SELECT box FROM boxes WHERE bank = ? AND question_id = ?", key
        ).fetchone()
        previous = row[0] if row and isinstance(row[0], int) and 1 <= row[0] <= 5 else None
        box = next_box(previous, outcome.correct)
        connection.execute(
            "INSERT INTO boxes (bank, question_id, box, due, updated) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (bank, question_id) DO UPDATE"
            " SET box = excluded.box, due = excluded.due, updated = excluded.updated",
            (bank, question.id, box, stamp(due_at(box, ended)), stamp(ended)),
        )
