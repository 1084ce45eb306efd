"""The history file as a database: its schema, migrations, and opening it safely.

The schema is versioned with ``PRAGMA user_version`` and upgraded by
:data:`MIGRATIONS` when the file is opened, so a newer release reads an older file.
The file runs in WAL mode with a busy timeout, so two terminals wait, not fail.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from quiz.errors import QuizError
from quiz.files import free_name
from quiz.history.cards import replay
from quiz.history.rows import decode_text
from quiz.history.times import parse_stamp, stamp

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: setting aside is not locked
    fcntl = None  # type: ignore[assignment]

BUSY_TIMEOUT_MS = 10_000

# Migration n (1-based) brings a file from version n-1 to n: SQL statements, or a
# function of the connection. Never edit one that has shipped: add the next.
Step = str | Callable[[sqlite3.Connection], None]
MIGRATIONS: tuple[tuple[Step, ...], ...] = (
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
    (
        # FSRS: each answer's rating, each question's card, the scheduler chosen.
        "ALTER TABLE answers ADD COLUMN rating INTEGER",
        """CREATE TABLE cards (
            bank TEXT NOT NULL,
            question_id TEXT NOT NULL,
            state INTEGER NOT NULL,
            step INTEGER,
            stability REAL NOT NULL,
            difficulty REAL NOT NULL,
            due TEXT NOT NULL,
            last_review TEXT NOT NULL,
            reviews INTEGER NOT NULL,
            lapses INTEGER NOT NULL,
            right_answers INTEGER NOT NULL,
            PRIMARY KEY (bank, question_id)
        )""",
        "CREATE INDEX cards_by_due ON cards (due)",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        replay,
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
# The tables and columns this release reads and writes; a file without them is damaged.
TABLES: dict[str, tuple[str, ...]] = {
    "games": (
        "id",
        "mode",
        "banks",
        "options",
        "started",
        "ended",
        "score",
        "max_score",
        "planned",
        "completed",
    ),
    "answers": (
        "id",
        "game_id",
        "position",
        "bank",
        "question_id",
        "correct",
        "points",
        "seconds",
        "given",
        "prompt",
        "difficulty",
        "tags",
        "rating",
    ),
    "boxes": ("bank", "question_id", "box", "due", "updated"),
    "cards": (
        "bank",
        "question_id",
        "state",
        "step",
        "stability",
        "difficulty",
        "due",
        "last_review",
        "reviews",
        "lapses",
        "right_answers",
    ),
    "settings": ("key", "value"),
}
__all__ = ["parse_stamp", "stamp"]


class NewerSchemaError(QuizError):
    """The file was written by a newer release of the game."""

    def __init__(self, version: int) -> None:
        super().__init__(
            f"the history file has schema version {version}, newer than this release's "
            f"{SCHEMA_VERSION}; update Orbit Quiz"
        )


class DamagedSchemaError(sqlite3.DatabaseError):
    """The file is a database, but tables or columns the game keeps are missing."""


def is_corrupt(error: sqlite3.Error) -> bool:
    """Whether an error says the file is not a (sound) database, rather than unreachable."""
    name = getattr(error, "sqlite_errorname", "")
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return True
    return type(error) in (sqlite3.DatabaseError, DamagedSchemaError)


def schema_version(connection: sqlite3.Connection) -> int:
    """The file's ``PRAGMA user_version``."""
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection) -> None:
    """Bring the schema up to :data:`SCHEMA_VERSION`, in one transaction."""
    version = schema_version(connection)
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(version)
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while this one waited for the lock.
        version = schema_version(connection)
        for steps in MIGRATIONS[version:]:
            for step in steps:
                if isinstance(step, str):
                    connection.execute(step)
                else:
                    step(connection)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def check_tables(connection: sqlite3.Connection) -> None:
    """Raise :class:`DamagedSchemaError` when a table or column the game uses is missing."""
    for table, columns in TABLES.items():
        found = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        missing = [column for column in columns if column not in found]
        if missing:
            what = f"table '{table}'" if not found else f"column '{missing[0]}' of '{table}'"
            raise DamagedSchemaError(f"the history file has lost its {what}")


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
    """Open the file only to read, changing nothing in it or beside it.

    In a folder that cannot be written, a WAL file cannot be opened the usual way;
    then it is read as immutable (what the last writer checkpointed).
    """
    from urllib.parse import quote

    base = "file:" + quote(str(path.absolute()))
    for mode in ("mode=ro", "immutable=1"):
        connection = _open(f"{base}?{mode}", uri=True)
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA query_only = ON")
            _sound(connection)
        except sqlite3.Error:
            connection.close()
            if mode == "immutable=1":
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
