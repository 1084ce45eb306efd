"""The history store: every game and answer, the FSRS cards and the Leitner boxes, in
one SQLite file.

The file is ``history.sqlite3`` in the data folder (opened, migrated and set aside by
:mod:`quiz.history.database`). Each game is written in one ``BEGIN IMMEDIATE``
transaction, so games finishing in two terminals at once lose nothing; a reset takes
the same write lock for its backup and its clearing.

Faults never stop a game: :func:`open_history` does not raise. A file that is not a
database, or has lost a table, is moved aside (``history.sqlite3.corrupt-...``) by
one process at a time, and a fresh one started. A folder that cannot be written, or a
file from a newer release, is read without being changed and saves nothing. Rows that
cannot be understood are skipped and counted. Every reason is in
:attr:`History.warnings`.

Cards and boxes are keyed by (bank title, question id): the title is what every turn
carries, and it survives the file being moved or renamed.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from quiz.errors import QuizError
from quiz.files import free_name
from quiz.game.engine import GameResult
from quiz.history import rows as read
from quiz.history.cards import Choice, read_choice, write_choice
from quiz.history.database import (
    NewerSchemaError,
    connect,
    connect_read_only,
    is_corrupt,
    move_aside,
    setting_aside,
)
from quiz.history.leitner import Card
from quiz.history.reader import NOT_SAVED, RowReader
from quiz.history.recording import write_game
from quiz.history.scheduling import Memory
from quiz.history.stats import AnswerRow, GameRow, Stats, compute

FILE_NAME = "history.sqlite3"
__all__ = [
    "FILE_NAME",
    "NOT_SAVED",
    "History",
    "HistoryUnavailableError",
    "game_options",
    "open_history",
    "save_game",
]
Clock = Callable[[], datetime]


class HistoryUnavailableError(QuizError):
    """The store cannot do what was asked (it is not saving, or the file failed)."""


def open_history(folder: str | os.PathLike[str], now: Clock) -> History:
    """The store in the data folder; never raises: faults become warnings."""
    data_dir = Path(folder)
    path = data_dir / FILE_NAME
    warnings: list[str] = []
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        return History(path, connect(path), warnings, now)
    except NewerSchemaError as error:
        warnings.append(f"{NOT_SAVED}: {error} (the file is read, never changed)")
        return _read_only(path, warnings, now)
    except sqlite3.Error as error:
        if not is_corrupt(error):
            warnings.append(f"{NOT_SAVED}: {_why_unwritable(data_dir, error)}")
            return _read_only(path, warnings, now)
        reason: Exception = error
    except OSError as error:
        warnings.append(f"{NOT_SAVED}: {_why_unwritable(data_dir, error)}")
        return _read_only(path, warnings, now)
    try:
        with setting_aside(path):
            # Another process may have set the file aside while this one waited.
            try:
                return History(path, connect(path), warnings, now)
            except sqlite3.Error as error:
                if not is_corrupt(error):
                    raise
                reason = error
            moved = move_aside(path, "corrupt", now())
            warnings.append(
                f"the history file was damaged ({reason}); it was moved to {moved} "
                "and a new one started"
            )
            return History(path, connect(path), warnings, now)
    except (sqlite3.Error, OSError, NewerSchemaError) as error:
        warnings.append(f"{NOT_SAVED}: {error}")
        return History(path, None, warnings, now)


def _why_unwritable(data_dir: Path, error: Exception) -> str:
    why = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return f"cannot write to the data folder {data_dir} ({why})"


def _read_only(path: Path, warnings: list[str], now: Clock) -> History:
    """The store read without writing, when the file is there and can be read."""
    if not path.is_file():
        return History(path, None, warnings, now)
    try:
        return History(path, connect_read_only(path), warnings, now, writable=False)
    except sqlite3.Error as error:
        warnings.append(f"the history file cannot be read either ({error})")
        return History(path, None, warnings, now)


class History(RowReader):
    """An open store: record games, read cards and statistics, reset.

    With no connection it saves nothing and reads as empty; read-only, it reads what
    it can and saves nothing; ``warnings`` says why. Errors after opening are caught
    too and added to ``warnings``.
    """

    def __init__(
        self,
        path: Path,
        connection: sqlite3.Connection | None,
        warnings: list[str],
        now: Clock,
        *,
        writable: bool = True,
    ) -> None:
        self.path = path
        self.connection = connection
        self.warnings = warnings
        self.now = now
        self.writable = writable and connection is not None
        self._skipped: dict[object, int] = {}

    @property
    def saving(self) -> bool:
        """Whether games are being saved."""
        return self.connection is not None and self.writable

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
        self.writable = False

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
        """Save a game and its answers, and review each answered question's FSRS card
        and Leitner box, all in one transaction, counted from ``ended``. Never raises."""
        connection = self.connection
        if connection is None or not self.writable:
            return
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                write_game(connection, result, mode, banks, options, started, ended)
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        except (sqlite3.Error, TypeError, ValueError, OverflowError) as error:
            self._fail(error)

    def remember(self, choice: Choice) -> None:
        """Keep the scheduler chosen (and FSRS's retention) for the next reviews."""
        if self.connection is None or not self.writable:
            return
        try:
            with_transaction(self.connection, lambda c: write_choice(c, choice))
        except sqlite3.Error as error:
            self._fail(error)

    # -- reading --------------------------------------------------------------------

    def choice(self) -> Choice:
        """The scheduler chosen last (FSRS at 90% when none was)."""
        if self.connection is None:
            return Choice()
        try:
            return read_choice(self.connection)
        except (sqlite3.Error, UnicodeDecodeError):
            return Choice()

    def memories(self) -> list[Memory]:
        """Every question's FSRS card."""
        found = self._select(f"SELECT {read.MEMORY_COLUMNS} FROM cards")
        return self._parse(found, read.memory)

    def cards(self, scheduler: str | None = None) -> list[Card]:
        """Every answered question with its box and when it is due under ``scheduler``
        (the remembered one when None), soonest due first."""
        boxes = self._parse(
            self._select("SELECT bank, question_id, box, due FROM boxes"), read.box_card
        )
        if (scheduler or self.choice().scheduler) == "fsrs":
            box_of = {(c.bank, c.question_id): c.box for c in boxes}
            boxes = [
                Card(m.bank, m.question_id, box_of.get((m.bank, m.question_id), 1), m.due)
                for m in self.memories()
            ]
        return sorted(boxes, key=lambda c: (c.due, c.bank, c.question_id))

    def due(self, now: datetime, scheduler: str | None = None) -> list[Card]:
        """The cards due at ``now``, most overdue first."""
        return [card for card in self.cards(scheduler) if card.due <= now]

    def next_due(self, now: datetime, scheduler: str | None = None) -> datetime | None:
        """When the next card not yet due at ``now`` becomes due (None if none)."""
        return min((c.due for c in self.cards(scheduler) if c.due > now), default=None)

    def rows(self) -> tuple[list[GameRow], list[AnswerRow]]:
        """Every stored game and answer that can be read, oldest first."""
        games = self._parse(
            self._select(
                "SELECT id, mode, banks, started, ended, score, max_score, planned, completed"
                " FROM games ORDER BY ended, id"
            ),
            read.game_row,
        )
        answers = self._parse(
            self._select(
                "SELECT game_id, position, bank, question_id, correct, points, prompt,"
                " difficulty, tags FROM answers ORDER BY game_id, position"
            ),
            read.answer_row,
        )
        return games, answers

    def stats(self, banks: dict[str, frozenset[str]] | None = None) -> Stats:
        """The statistics of everything stored; ``banks``: the question ids of each
        bank found, by title (for the questions not yet answered)."""
        games, answers = self.rows()
        choice = self.choice()
        return compute(
            games,
            answers,
            memories=self.memories(),
            bank_sizes=banks or {},
            retention_target=choice.retention,
            scheduler=choice.scheduler,
            now=self.now(),
        )

    def game_count(self) -> int:
        """How many games are stored."""
        return len(self.rows()[0])

    # -- reset ----------------------------------------------------------------------

    def reset(self) -> Path:
        """Copy the file to ``history.sqlite3.backup-YYYYmmddTHHMMSS``, then empty it.

        Both happen under the write lock a game takes to save, so a game finishing
        meanwhile is either in the backup or saved after the reset, never lost.
        Returns the backup's path. Raises :class:`HistoryUnavailableError` when not saving.
        """
        connection = self.connection
        if connection is None or not self.writable:
            raise HistoryUnavailableError("; ".join(self.warnings) or "history is closed")
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                target = free_name(self.path, "backup", self.now())
                # A second connection reads the snapshot this one's write lock holds still.
                source = sqlite3.connect(self.path)
                backup = sqlite3.connect(target)
                try:
                    source.backup(backup)
                finally:
                    backup.close()
                    source.close()
                for table in ("answers", "games", "boxes", "cards"):
                    connection.execute(f"DELETE FROM {table}")
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise HistoryUnavailableError(str(error)) from None
        return target


def with_transaction(
    connection: sqlite3.Connection, work: Callable[[sqlite3.Connection], None]
) -> None:
    """Run ``work`` in one ``BEGIN IMMEDIATE`` transaction."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        work(connection)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


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
