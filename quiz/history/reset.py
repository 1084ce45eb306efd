"""Clearing the history, after copying it to a backup beside it."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from pathlib import Path

from quiz.files import free_name
from quiz.history.faults import reason
from quiz.history.transactions import transaction

TABLES = ("answers", "games", "boxes", "cards")


class ResetFailedError(Exception):
    """The history could not be backed up or cleared; it was left as it was."""


def backup_and_clear(connection: sqlite3.Connection, path: Path, moment: datetime) -> Path:
    """Copy the file to ``history.sqlite3.backup-YYYYmmddTHHMMSS``, then empty it, under
    the write lock a game takes to save; return the backup's path.

    A game finishing meanwhile is either in the backup or saved after the reset. When
    the backup or the clearing fails (a full disk, say), nothing is cleared, the partial
    backup is removed, and :class:`ResetFailedError` says why.
    """
    target = free_name(path, "backup", moment)
    try:
        with transaction(connection):
            copy(path, target)
            for table in TABLES:
                connection.execute(f"DELETE FROM {table}")
    except sqlite3.Error as error:
        with contextlib.suppress(OSError):
            target.unlink(missing_ok=True)
        raise ResetFailedError(
            f"{reason(error, path.parent)}; nothing was cleared, and {path} is as it was"
        ) from None
    return target


def copy(path: Path, target: Path) -> None:
    """Copy the database at ``path`` to ``target`` with SQLite's backup.

    A second connection reads the snapshot the caller's write lock holds still.
    """
    source = sqlite3.connect(path)
    backup = sqlite3.connect(target)
    try:
        source.backup(backup)
    finally:
        backup.close()
        source.close()
