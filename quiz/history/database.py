"""The history file as a database: its schema, migrations, and opening it safely.

The schema is versioned with ``PRAGMA user_version`` and upgraded by
:data:`MIGRATIONS` when the file is opened, so a newer release reads an older file.
The file runs in WAL mode with a busy timeout, so two terminals wait, not fail.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from quiz.errors import QuizError
from quiz.files import free_name

BUSY_TIMEOUT_MS = 10_000

# Migration n (1-based) brings a file from version n-1 to n. Never edit one that has
# shipped: add the next.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE games (
            id INTEGER PRIMARY KEY,
            mode TEXT NOT NULL,
            banks TEXT NOT NULL,
            options TEXT NOT NULL,
            started TEXT NOT NULL,
            ended TEXT NOT NULL,
            score INTEGER NOT NULL,
            max_score INTEGER NOT NULL,
            planned INTEGER NOT NULL,
            completed INTEGER NOT NULL
        )""",
        """CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            game_id INTEGER NOT NULL REFERENCES games(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            bank TEXT NOT NULL,
            question_id TEXT NOT NULL,
            correct INTEGER NOT NULL,
            points INTEGER NOT NULL,
            seconds REAL NOT NULL,
            given TEXT NOT NULL
        )""",
        """CREATE TABLE boxes (
            bank TEXT NOT NULL,
            question_id TEXT NOT NULL,
            box INTEGER NOT NULL,
            due TEXT NOT NULL,
            updated TEXT NOT NULL,
            PRIMARY KEY (bank, question_id)
        )""",
    ),
    (
        "ALTER TABLE answers ADD COLUMN prompt TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE answers ADD COLUMN difficulty TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE answers ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'",
        "CREATE INDEX answers_by_game ON answers (game_id, position)",
        "CREATE INDEX answers_by_question ON answers (bank, question_id)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


class NewerSchemaError(QuizError):
    """The file was written by a newer release of the game."""

    def __init__(self, version: int) -> None:
        super().__init__(
            f"the history file has schema version {version}, newer than this release's "
            f"{SCHEMA_VERSION}; update Orbit Quiz"
        )


def stamp(moment: datetime) -> str:
    """A time as stored: ISO 8601 in UTC, to the microsecond (sorts as text)."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_stamp(text: str) -> datetime:
    """A stored time back as an aware datetime."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def is_corrupt(error: sqlite3.Error) -> bool:
    """Whether an error says the file is not a (sound) database, rather than unreachable."""
    name = getattr(error, "sqlite_errorname", "")
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return True
    return type(error) is sqlite3.DatabaseError


def migrate(connection: sqlite3.Connection) -> None:
    """Bring the schema up to :data:`SCHEMA_VERSION`, in one transaction."""
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(version)
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while this one waited for the lock.
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        for statements in MIGRATIONS[version:]:
            for statement in statements:
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def connect(path: Path) -> sqlite3.Connection:
    """Open the file, switch it to WAL mode and migrate it; sqlite3 errors pass through."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _switch_to_wal(connection)
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        # Damaged pages do not show until read; a quick check finds them now.
        verdict = connection.execute("PRAGMA quick_check(1)").fetchone()
        if verdict is None or verdict[0] != "ok":
            raise sqlite3.DatabaseError("database disk image is malformed")
        migrate(connection)
    except BaseException:
        connection.close()
        raise
    return connection


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
