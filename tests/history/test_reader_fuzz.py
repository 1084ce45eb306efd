"""A property test of the history reader: any values in any row, and any flipped bytes
in the file, are read without a traceback (issue 19). Runs in seconds."""

from __future__ import annotations

import contextlib
import random
import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.history.database import TABLES
from quiz.history.store import FILE_NAME, open_history
from quiz.ui.stats_view import stats_view
from tests.history.test_progress_views import render
from tests.history.test_store import T0, game, record

VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.binary(max_size=30),
    st.sampled_from(["2024-03-20T10:00:00+00:00", "[]", '["a"]', "{}", "0001-01-01", "9" * 40]),
)


def _template() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        with open_history(Path(folder), lambda: T0) as history:
            for index in range(4):
                record(history, game({"sun": index % 2 == 0}), T0 + timedelta(days=index))
            assert history.connection is not None
            history.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return (Path(folder) / FILE_NAME).read_bytes()


TEMPLATE = _template()


def read_everything(folder: Path) -> None:
    """Everything the commands read; must never raise."""
    now = datetime(2024, 3, 25, tzinfo=UTC)
    with open_history(folder, lambda: now) as history:
        stats = history.stats({"Orbits": frozenset({"moon", "sun", "days"})})
        for scheduler in ("fsrs", "leitner"):
            history.cards(scheduler)
            history.due(now, scheduler)
            history.next_due(now, scheduler)
        history.choice()
        history.game_count()
        history.record_game(
            game({}), mode="play", banks=["Orbits"], options={}, started=now, ended=now
        )
    render(stats_view(stats), 40)
    render(stats_view(stats, plain=True), 40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    table=st.sampled_from(sorted(TABLES)),
    column_index=st.integers(min_value=0, max_value=12),
    value=VALUES,
)
def test_any_value_in_any_column_is_read_without_a_traceback(
    table: str, column_index: int, value: object
) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / FILE_NAME).write_bytes(TEMPLATE)
        columns = TABLES[table]
        column = columns[column_index % len(columns)]
        connection = sqlite3.connect(folder / FILE_NAME, isolation_level=None)
        # NOT NULL and the keys hold: some values cannot be stored at all.
        with contextlib.suppress(sqlite3.IntegrityError):
            connection.execute(f"UPDATE {table} SET {column} = ?", (value,))
        connection.close()
        read_everything(folder)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**32), flips=st.integers(1, 40))
def test_flipped_bits_anywhere_in_the_file_never_raise(seed: int, flips: int) -> None:
    rng = random.Random(seed)
    data = bytearray(TEMPLATE)
    for _ in range(flips):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / FILE_NAME).write_bytes(bytes(data))
        read_everything(folder)
