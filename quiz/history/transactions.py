"""One write transaction at a time, rolled back whole when anything in it fails."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or a rollback when the body raises.

    On a full disk or an I/O error SQLite may already have rolled the transaction back
    itself; then there is nothing to roll back, and the error that matters (the full
    disk, not "no transaction is active") is the one that goes on.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
        raise


def with_transaction(
    connection: sqlite3.Connection, work: Callable[[sqlite3.Connection], None]
) -> None:
    """Run ``work`` in one ``BEGIN IMMEDIATE`` transaction."""
    with transaction(connection):
        work(connection)
