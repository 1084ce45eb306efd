"""The history file's schema: its tables, its version, and the migrations between.

The schema is versioned with ``PRAGMA user_version`` and upgraded by
:data:`MIGRATIONS` when the file is opened, so a newer release reads an older file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from quiz.errors import QuizError
from quiz.history.cards import replay
from quiz.history.transactions import transaction

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


class NewerSchemaError(QuizError):
    """The file was written by a newer release of the game."""

    def __init__(self, version: int) -> None:
        super().__init__(
            f"the history file has schema version {version}, newer than this release's "
            f"{SCHEMA_VERSION}; update Orbit Quiz"
        )


class DamagedSchemaError(sqlite3.DatabaseError):
    """The file is a database, but tables or columns the game keeps are missing."""


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
    with transaction(connection):
        # Another process may have migrated while this one waited for the lock.
        version = schema_version(connection)
        for steps in MIGRATIONS[version:]:
            for step in steps:
                if isinstance(step, str):
                    connection.execute(step)
                else:
                    step(connection)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def check_tables(connection: sqlite3.Connection) -> None:
    """Raise :class:`DamagedSchemaError` when a table or column the game uses is missing."""
    for table, columns in TABLES.items():
        found = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        missing = [column for column in columns if column not in found]
        if missing:
            what = f"table '{table}'" if not found else f"column '{missing[0]}' of '{table}'"
            raise DamagedSchemaError(f"the history file has lost its {what}")
