"""Reading the history for the store: cards, rows and statistics. A failed query is a
warning, and a row that cannot be understood is skipped and counted, in one warning
for them all."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from quiz.history import rows as read
from quiz.history.cards import Choice, read_choice
from quiz.history.leitner import Card
from quiz.history.scheduling import Memory
from quiz.history.stats import AnswerRow, GameRow, Stats, compute

NOT_SAVED = "history not saved"
T = TypeVar("T")


class RowReader:
    """The reading half of :class:`quiz.history.store.History`: its connection (None:
    it reads as empty), its clock and its warnings."""

    connection: sqlite3.Connection | None
    warnings: list[str]
    now: Callable[[], datetime]
    _skipped: dict[object, int]

    @property
    def saving(self) -> bool:
        """Whether games are being saved (the store says)."""
        return False

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
