"""The history store: every game and answer, the FSRS cards and the Leitner boxes, in
one SQLite file.

The file is ``history.sqlite3`` in the data folder (opened, migrated and set aside by
:mod:`quiz.history.database`). Each game is written in one ``BEGIN IMMEDIATE``
transaction, so games finishing in two terminals at once lose nothing; a reset takes
the same write lock for its backup and its clearing (:mod:`quiz.history.reset`).

Faults never stop a game: :func:`open_history` does not raise. A file that is not a
database, or has lost a table, is moved aside (``history.sqlite3.corrupt-...``) by
one process at a time, and a fresh one started. A folder that cannot be written (a
full disk among others), or a file from a newer release, is read without being
changed and saves nothing. Rows that cannot be understood are skipped and counted. A
game that cannot be saved is kept in a file of its own (:mod:`quiz.history.unsaved`).
Every reason is in :attr:`History.warnings`.

Cards and boxes are keyed by (bank title, question id): the title is what every turn
carries, and it survives the file being moved or renamed.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from quiz.errors import QuizError
from quiz.game.engine import GameResult
from quiz.history.cards import Choice, write_choice
from quiz.history.database import (
    NewerSchemaError,
    connect,
    connect_read_only,
    is_corrupt,
    move_aside,
    setting_aside,
)
from quiz.history.faults import reason
from quiz.history.reader import NOT_SAVED, RowReader
from quiz.history.recording import write_game
from quiz.history.reset import ResetFailedError, backup_and_clear
from quiz.history.transactions import transaction, with_transaction
from quiz.history.unsaved import keep_unsaved

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


# How often, and how far apart, a history that another process has just begun is tried
# again before this process's game is kept unsaved.
RETRIES = 10
RETRY_PAUSE = 0.1


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
        return _read_only(path, warnings, now, why="the file is from a newer release")
    except sqlite3.Error as error:
        if not is_corrupt(error):
            return _unwritable(data_dir, error, warnings, now)
        damage: Exception = error
    except OSError as error:
        return _unwritable(data_dir, error, warnings, now)
    damaged = _identity(path)  # the file this process found damaged
    try:
        with setting_aside(path):
            # Another process may have set the file aside while this one waited.
            try:
                return History(path, connect(path), warnings, now)
            except sqlite3.Error as error:
                if not is_corrupt(error):
                    raise
                damage = error
            if _identity(path) != damaged:
                # Not the file found damaged: another process's new one, which only that
                # process may judge. Never set aside; tried again while it may still be
                # being made, else this game is kept unsaved.
                return History(path, _connect_again(path, damage), warnings, now)
            moved = move_aside(path, "corrupt", now())
            warnings.append(
                f"the history file was damaged ({damage}); it was moved to {moved} "
                "and a new one started"
            )
            return History(path, connect(path), warnings, now)
    except (sqlite3.Error, OSError, NewerSchemaError) as error:
        warnings.append(f"{NOT_SAVED}: {error}")
        return History(path, None, warnings, now, unsaved_because=reason(error, data_dir))


def _connect_again(path: Path, damage: sqlite3.Error) -> sqlite3.Connection:
    """A connection to a history another process has just begun, tried for a second."""
    for _ in range(RETRIES):
        time.sleep(RETRY_PAUSE)
        try:
            return connect(path)
        except sqlite3.Error as error:
            if not is_corrupt(error):
                raise
            damage = error
    raise damage


def _identity(path: Path) -> tuple[int, int] | None:
    """The device and inode of the file at ``path`` (None when there is none)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _unwritable(data_dir: Path, error: Exception, warnings: list[str], now: Clock) -> History:
    """The store read without writing, when the data folder cannot be written to."""
    why = reason(error, data_dir)
    warnings.append(f"{NOT_SAVED}: cannot write to the data folder {data_dir} ({why})")
    return _read_only(data_dir / FILE_NAME, warnings, now, why=why)


def _read_only(path: Path, warnings: list[str], now: Clock, *, why: str) -> History:
    """The store read without writing, when the file is there and can be read."""
    if not path.is_file():
        return History(path, None, warnings, now, unsaved_because=why)
    try:
        connection = connect_read_only(path)
    except sqlite3.Error as error:
        warnings.append(f"the history file cannot be read either ({error})")
        return History(path, None, warnings, now, unsaved_because=why)
    return History(path, connection, warnings, now, writable=False, unsaved_because=why)


class History(RowReader):
    """An open store: record games, read cards and statistics, reset.

    With no connection it saves nothing and reads as empty; read-only, it reads what
    it can and saves nothing; ``warnings`` says why. Errors after opening are caught
    too and added to ``warnings``; a game not saved is kept in a file of its own.
    """

    def __init__(
        self,
        path: Path,
        connection: sqlite3.Connection | None,
        warnings: list[str],
        now: Clock,
        *,
        writable: bool = True,
        unsaved_because: str | None = None,
    ) -> None:
        self.path = path
        self.connection = connection
        self.warnings = warnings
        self.now = now
        self.writable = writable and connection is not None
        # Why games are not saved, when the store was opened unable to save them.
        self.unsaved_because = unsaved_because
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
        and Leitner box, all in one transaction, counted from ``ended``. Never raises.

        A game with answers that cannot be saved (a full disk, say) is kept in a file
        of its own, and a warning says why and where."""
        connection = self.connection
        if connection is None or not self.writable:
            if self.unsaved_because is not None and result.outcomes:
                self._keep(result, options, self.unsaved_because)
            return
        try:
            with transaction(connection):
                write_game(connection, result, mode, banks, options, started, ended)
        except (sqlite3.Error, TypeError, ValueError, OverflowError) as error:
            if result.outcomes:
                self._keep(result, options, reason(error, self.path.parent))
            else:
                self._fail(error)

    def _keep(self, result: GameResult, options: dict[str, object], why: str) -> None:
        self.warnings.append(keep_unsaved(result, options, why, self.path, self.now()))

    def remember(self, choice: Choice) -> None:
        """Keep the scheduler chosen (and FSRS's retention) for the next reviews."""
        if self.connection is None or not self.writable:
            return
        try:
            with_transaction(self.connection, lambda c: write_choice(c, choice))
        except sqlite3.Error as error:
            message = f"{NOT_SAVED}: {reason(error, self.path.parent)}"
            if message not in self.warnings:
                self.warnings.append(message)

    def reset(self) -> Path:
        """Copy the file to ``history.sqlite3.backup-YYYYmmddTHHMMSS``, then empty it.

        Both happen under the write lock a game takes to save, so a game finishing
        meanwhile is either in the backup or saved after the reset, never lost; when
        either fails, nothing is cleared. Returns the backup's path. Raises
        :class:`HistoryUnavailableError` when not saving or when the reset failed.
        """
        connection = self.connection
        if connection is None or not self.writable:
            raise HistoryUnavailableError("; ".join(self.warnings) or "history is closed")
        try:
            return backup_and_clear(connection, self.path, self.now())
        except ResetFailedError as error:
            raise HistoryUnavailableError(str(error)) from None


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
