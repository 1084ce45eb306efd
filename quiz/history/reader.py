"""Reading rows from the history for the store: a failed query is a warning, and a row
that cannot be understood is skipped and counted, in one warning for them all."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TypeVar

from quiz.history import rows as read

NOT_SAVED = "history not saved"
T = TypeVar("T")


class RowReader:
    """What :class:`quiz.history.store.History` reads with: its connection and warnings."""

    connection: sqlite3.Connection | None
    warnings: list[str]
    _skipped: dict[object, int]

    @property
    def saving(self) -> bool:
        """Whether games are being saved (the store says)."""
        return False

    def _fail(self, error: Exception) -> None:
        message = f"{NOT_SAVED}: {error}" if self.saving else f"history not read: {error}"
        if message not in self.warnings:
            self.warnings.append(message)

    @property
    def skipped(self) -> int:
        """How many stored rows could not be understood (each counted once)."""
        return sum(self._skipped.values())

    def _skip(self, table: object, count: int) -> None:
        """Count the rows of a table that could not be understood, in one warning."""
        old = self._skip_message()
        self._skipped[table] = count
        if old in self.warnings:
            self.warnings.remove(old)
        if self.skipped:
            self.warnings.append(self._skip_message())

    def _skip_message(self) -> str:
        rows = "row" if self.skipped == 1 else "rows"
        return f"{self.skipped} damaged {rows} of the history could not be read and were skipped"

    def _select(self, sql: str) -> list[tuple[object, ...]]:
        if self.connection is None:
            return []
        try:
            return [tuple(row) for row in self.connection.execute(sql).fetchall()]
        except (sqlite3.Error, UnicodeDecodeError) as error:
            self._fail(error)
            return []

    def _parse(self, found: list[tuple[object, ...]], parse: Callable[..., T]) -> list[T]:
        kept: list[T] = []
        for row in found:
            try:
                kept.append(parse(row))
            except read.BadRow:
                continue
        self._skip(parse, len(found) - len(kept))
        return kept
