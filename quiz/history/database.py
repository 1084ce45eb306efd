"""The history file as a database: opening it safely, to write or only to read.

The schema and its migrations are in :mod:`quiz.history.schema`. The file runs in WAL
mode with a busy timeout, so two terminals wait, not fail.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from quiz.files import free_name
from quiz.history.rows import decode_text
from quiz.history.schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    TABLES,
    DamagedSchemaError,
    NewerSchemaError,
    check_tables,
    migrate,
    schema_version,
)

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: setting aside is not locked
    fcntl = None  # type: ignore[assignment]

BUSY_TIMEOUT_MS = 10_000
__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "TABLES", "NewerSchemaError"]


def is_corrupt(error: sqlite3.Error) -> bool:
    """Whether an error says the file is not a (sound) database, rather than unreachable."""
    name = getattr(error, "sqlite_errorname", "")
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return True
    return type(error) in (sqlite3.DatabaseError, DamagedSchemaError)


def _open(target: str, *, uri: bool = False) -> sqlite3.Connection:
    connection = sqlite3.connect(
        target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, uri=uri
    )
    connection.text_factory = decode_text
    return connection


def _sound(connection: sqlite3.Connection) -> None:
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except UnicodeDecodeError:
        # SQLite's own message quotes the damaged schema, which is not even UTF-8.
        raise sqlite3.DatabaseError("database disk image is malformed") from None
    # Damaged pages do not show until read; a quick check finds them now.
    verdict = connection.execute("PRAGMA quick_check(1)").fetchone()
    if verdict is None or verdict[0] != "ok":
        raise sqlite3.DatabaseError("database disk image is malformed")


def connect(path: Path) -> sqlite3.Connection:
    """Open the file to write: check it, switch it to WAL mode, migrate it.

    A file from a newer release raises :class:`NewerSchemaError` before anything in it
    is changed; sqlite3 errors pass through.
    """
    connection = _open(str(path))
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _sound(connection)
        if schema_version(connection) > SCHEMA_VERSION:
            raise NewerSchemaError(schema_version(connection))
        _switch_to_wal(connection)
        connection.execute("PRAGMA foreign_keys = ON")
        migrate(connection)
        check_tables(connection)
    except UnicodeDecodeError:
        connection.close()
        raise sqlite3.DatabaseError("database disk image is malformed") from None
    except BaseException:
        connection.close()
        raise
    return connection


def connect_read_only(path: Path) -> sqlite3.Connection:
    """Open the file only to read, changing nothing in it or beside it where it can.

    SQLite reads a WAL file through a shared-memory file beside it. When that file
    cannot be made (a folder that cannot be written, a full disk), the file is opened
    holding it alone, which keeps that index in memory and still reads the games in
    the WAL; as any last reader does, SQLite may fold the WAL in when it closes. Failing
    that too, it is read as immutable (what the last writer checkpointed).
    """
    from urllib.parse import quote

    base = "file:" + quote(str(path.absolute()))
    attempts = (
        (f"{base}?mode=ro", False),
        (f"{base}?mode=rw", True),
        (f"{base}?immutable=1", False),
    )
    for target, alone in attempts:
        connection = _open(target, uri=True)
        try:
            if alone:  # before the first read, or SQLite looks for the shared memory
                connection.execute("PRAGMA locking_mode = EXCLUSIVE")
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA query_only = ON")
            _sound(connection)
        except sqlite3.Error:
            connection.close()
            if target == attempts[-1][0]:
                raise
            continue
        return connection
    raise AssertionError("unreachable")  # pragma: no cover


@contextlib.contextmanager
def setting_aside(path: Path) -> Iterator[None]:
    """Hold the lock that lets only one process at a time set a damaged file aside.

    The lock is a file beside the history (``history.sqlite3.lock``), never removed.
    """
    lock = path.with_name(path.name + ".lock")
    with lock.open("a") as handle:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _switch_to_wal(connection: sqlite3.Connection) -> None:
    """Turn on WAL mode, waiting out other processes doing the same.

    Switching the journal mode of a new file takes a lock that SQLite does not wait
    for (the busy timeout does not apply), so two games starting at once on a fresh
    file would see "database is locked": retry for as long as the busy timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def move_aside(path: Path, label: str, moment: datetime) -> Path:
    """Rename the file (and its WAL and shared-memory files) to a free name
    ``<name>.<label>-YYYYmmddTHHMMSS`` beside it."""
    target = free_name(path, label, moment)
    path.rename(target)
    for extra in ("-wal", "-shm"):
        companion = path.with_name(path.name + extra)
        if companion.exists():
            companion.rename(target.with_name(target.name + extra))
    return target
