"""The history store: every game and answer, and the Leitner boxes, in one SQLite file.

The file is ``history.sqlite3`` in the data folder (opened, migrated and set aside by
:mod:`quiz.history.database`). Each game is written in one ``BEGIN IMMEDIATE``
transaction, so games finishing in two terminals at once lose nothing.

Faults never stop a game: :func:`open_history` does not raise. A file that is not a
database is moved aside (``history.sqlite3.corrupt-YYYYmmddTHHMMSS``) and a fresh one
started; a folder that cannot be written gives a store that does not save. Either way
the reason is in :attr:`History.warnings`.

Leitner boxes are keyed by (bank title, question id): the title is what every turn
carries, and it survives the file being moved or renamed.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from quiz.errors import QuizError
from quiz.files import free_name
from quiz.game.engine import GameResult
from quiz.history.database import (
    NewerSchemaError,
    connect,
    is_corrupt,
    move_aside,
    parse_stamp,
    stamp,
)
from quiz.history.leitner import Card, due_at, is_due, next_box
from quiz.history.results import given_value
from quiz.history.stats import AnswerRow, GameRow, Stats, compute

FILE_NAME = "history.sqlite3"
NOT_SAVED = "history not saved"
Clock = Callable[[], datetime]


class HistoryUnavailableError(QuizError):
    """The store cannot do what was asked (it is not saving, or the file failed)."""


def open_history(folder: str | os.PathLike[str], now: Clock) -> History:
    """The store in the data folder; never raises: faults become warnings and no saving."""
    data_dir = Path(folder)
    path = data_dir / FILE_NAME
    warnings: list[str] = []
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        return History(path, connect(path), warnings, now)
    except NewerSchemaError as error:
        warnings.append(f"{NOT_SAVED}: {error}")
        return History(path, None, warnings, now)
    except sqlite3.Error as error:
        if not is_corrupt(error):
            warnings.append(f"{NOT_SAVED}: {error}")
            return History(path, None, warnings, now)
        reason = error
    except OSError as error:
        why = error.strerror or str(error)
        warnings.append(f"{NOT_SAVED}: cannot use the data folder {data_dir} ({why})")
        return History(path, None, warnings, now)
    try:
        moved = move_aside(path, "corrupt", now())
        warnings.append(
            f"the history file was damaged ({reason}); it was moved to {moved} "
            "and a new one started"
        )
        return History(path, connect(path), warnings, now)
    except (sqlite3.Error, OSError, NewerSchemaError) as error:
        warnings.append(f"{NOT_SAVED}: {error}")
        return History(path, None, warnings, now)


class History:
    """An open store: record games, read boxes and statistics, reset.

    With no connection it saves nothing and reads as empty; ``warnings`` says why.
    Errors after opening are caught too and added to ``warnings``.
    """

    def __init__(
        self, path: Path, connection: sqlite3.Connection | None, warnings: list[str], now: Clock
    ) -> None:
        self.path = path
        self.connection = connection
        self.warnings = warnings
        self.now = now

    @property
    def saving(self) -> bool:
        """Whether games are being saved."""
        return self.connection is not None

    def __enter__(self) -> History:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the file; the store saves nothing after this."""
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def _fail(self, error: Exception) -> None:
        message = f"{NOT_SAVED}: {error}"
        if message not in self.warnings:
            self.warnings.append(message)

    # -- writing --------------------------------------------------------------------

    def record_game(
        self,
        result: GameResult,
        *,
        mode: str,
        banks: list[str],
        options: dict[str, object],
        started: datetime,
        ended: datetime,
    ) -> None:
        """Save a game, its answers and the new Leitner boxes, all in one transaction.

        Every answered question moves box (wrong: back to 1; right: up one) and is
        due again after its box's interval, counted from ``ended``. Never raises.
        """
        connection = self.connection
        if connection is None:
            return
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                self._write(connection, result, mode, banks, options, started, ended)
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        except (sqlite3.Error, TypeError, ValueError) as error:
            self._fail(error)

    @staticmethod
    def _write(
        connection: sqlite3.Connection,
        result: GameResult,
        mode: str,
        banks: list[str],
        options: dict[str, object],
        started: datetime,
        ended: datetime,
    ) -> None:
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
            connection.execute(
                "INSERT INTO answers (game_id, position, bank, question_id, correct, points,"
                " seconds, given, prompt, difficulty, tags)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                ),
            )
            row = connection.execute(
                "SELECT box FROM boxes WHERE bank = ? AND question_id = ?", (bank, question.id)
            ).fetchone()
            box = next_box(int(row[0]) if row else None, outcome.correct)
            connection.execute(
                "INSERT INTO boxes (bank, question_id, box, due, updated) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (bank, question_id) DO UPDATE"
                " SET box = excluded.box, due = excluded.due, updated = excluded.updated",
                (bank, question.id, box, stamp(due_at(box, ended)), stamp(ended)),
            )

    # -- reading --------------------------------------------------------------------

    def cards(self) -> list[Card]:
        """Every answered question in its box, soonest due first."""
        if self.connection is None:
            return []
        try:
            rows = self.connection.execute(
                "SELECT bank, question_id, box, due FROM boxes ORDER BY due, bank, question_id"
            ).fetchall()
        except sqlite3.Error as error:
            self._fail(error)
            return []
        return [Card(str(b), str(q), int(box), parse_stamp(str(due))) for b, q, box, due in rows]

    def due(self, now: datetime) -> list[Card]:
        """The cards due at ``now``, most overdue first."""
        return [card for card in self.cards() if is_due(card, now)]

    def next_due(self, now: datetime) -> datetime | None:
        """When the next card not yet due at ``now`` becomes due (None if none)."""
        later = [card.due for card in self.cards() if not is_due(card, now)]
        return min(later, default=None)

    def rows(self) -> tuple[list[GameRow], list[AnswerRow]]:
        """Every stored game and answer, oldest first."""
        if self.connection is None:
            return [], []
        try:
            games = self.connection.execute(
                "SELECT id, mode, banks, started, ended, score, max_score, planned, completed"
                " FROM games ORDER BY ended, id"
            ).fetchall()
            answers = self.connection.execute(
                "SELECT game_id, position, bank, question_id, correct, points, prompt,"
                " difficulty, tags FROM answers ORDER BY game_id, position"
            ).fetchall()
        except sqlite3.Error as error:
            self._fail(error)
            return [], []
        return (
            [
                GameRow(
                    int(g[0]),
                    str(g[1]),
                    tuple(_json_list(g[2])),
                    str(g[3]),
                    str(g[4]),
                    int(g[5]),
                    int(g[6]),
                    int(g[7]),
                    bool(g[8]),
                )
                for g in games
            ],
            [
                AnswerRow(
                    int(a[0]),
                    int(a[1]),
                    str(a[2]),
                    str(a[3]),
                    bool(a[4]),
                    int(a[5]),
                    str(a[6]),
                    str(a[7]),
                    tuple(_json_list(a[8])),
                )
                for a in answers
            ],
        )

    def stats(self) -> Stats:
        """The statistics of everything stored."""
        games, answers = self.rows()
        return compute(games, answers)

    def game_count(self) -> int:
        """How many games are stored."""
        return len(self.rows()[0])

    # -- reset ----------------------------------------------------------------------

    def reset(self) -> Path:
        """Copy the file to ``history.sqlite3.backup-YYYYmmddTHHMMSS``, then empty it.

        Returns the backup's path. Raises :class:`HistoryUnavailableError` when not saving.
        """
        connection = self.connection
        if connection is None:
            raise HistoryUnavailableError("; ".join(self.warnings) or "history is closed")
        target = free_name(self.path, "backup", self.now())
        try:
            backup = sqlite3.connect(target)
            try:
                connection.backup(backup)
            finally:
                backup.close()
            connection.execute("BEGIN IMMEDIATE")
            try:
                for table in ("answers", "games", "boxes"):
                    connection.execute(f"DELETE FROM {table}")
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise HistoryUnavailableError(str(error)) from None
        return target


def _json_list(text: object) -> list[str]:
    try:
        value = json.loads(str(text))
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def game_options(values: dict[str, object], drop: Sequence[str] = ()) -> dict[str, object]:
    """The options worth keeping with a game: JSON-friendly, without ``drop`` keys."""
    kept: dict[str, object] = {}
    for key, value in values.items():
        if key in drop or callable(value):
            continue
        kept[key] = (
            value if isinstance(value, str | int | float | bool | list | None) else str(value)
        )
    return kept


def save_game(
    data_dir: str | os.PathLike[str],
    result: GameResult,
    *,
    mode: str,
    banks: list[str],
    options: dict[str, object],
    started: datetime,
    ended: datetime,
    now: Clock | None = None,
) -> list[str]:
    """Open the store, record one game, close it; return the warnings. Never raises."""
    history = open_history(data_dir, now or (lambda: datetime.now(UTC)))
    with history:
        history.record_game(
            result, mode=mode, banks=banks, options=options, started=started, ended=ended
        )
    return history.warnings
