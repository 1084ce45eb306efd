"""A hostile or damaged history: no traceback, nothing changed that should not be, no
game lost (issue 19)."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from quiz.history.database import SCHEMA_VERSION
from quiz.history.store import FILE_NAME, open_history, save_game
from tests.history.test_store import T0, game, record


def _save_one(folder: str, number: int, barrier: Any = None) -> None:
    if barrier is not None:
        barrier.wait(30)  # all at once, to find the damaged file together
    warnings = save_game(
        Path(folder),
        game({"sun": number % 2 == 0}),
        mode="play",
        banks=["Orbits"],
        options={"n": number},
        started=T0,
        ended=T0 + timedelta(seconds=number),
        now=lambda: T0,
    )
    assert all("moved to" in w for w in warnings), warnings


def test_a_corrupt_file_found_by_8_processes_at_once_loses_no_game(tmp_path: Path) -> None:
    garbage = b"not a database, but long enough to look like one\x00\xff" * 200
    (tmp_path / FILE_NAME).write_bytes(garbage)
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(8)
    processes = [
        context.Process(target=_save_one, args=(str(tmp_path), n, barrier)) for n in range(8)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    assert [p.exitcode for p in processes] == [0] * 8
    aside = sorted(p for p in tmp_path.iterdir() if ".corrupt-" in p.name)
    assert [p.read_bytes() for p in aside] == [garbage]  # set aside once, by one process
    with open_history(tmp_path, lambda: T0) as history:
        games, _ = history.rows()
        assert history.warnings == []
    assert len(games) == 8


def _filled(folder: Path, games: int = 5) -> Path:
    with open_history(folder, lambda: T0) as history:
        for index in range(games):
            record(history, game({"sun": index % 2 == 0}), T0 + timedelta(days=index))
    return folder / FILE_NAME


def test_rows_with_bad_values_are_skipped_and_counted_in_one_warning(tmp_path: Path) -> None:
    path = _filled(tmp_path)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("UPDATE games SET score = 'abc' WHERE id = 1")
    connection.execute("UPDATE games SET ended = 'notadate' WHERE id = 2")
    connection.execute("UPDATE answers SET points = 9e999 WHERE id = 1")
    connection.execute("UPDATE boxes SET due = 'garbage' WHERE question_id = 'moon'")
    connection.execute("UPDATE cards SET due = 'garbage' WHERE question_id = 'sun'")
    connection.execute("UPDATE answers SET prompt = CAST(x'ff00fe' AS TEXT) WHERE id = 2")
    connection.close()
    with open_history(tmp_path, lambda: T0) as history:
        stats = history.stats()
        cards = history.cards("leitner") + history.cards("fsrs")
        assert history.next_due(T0) is not None and history.due(T0 + timedelta(days=99))
        skipped = [w for w in history.warnings if "skipped" in w]
    assert stats.sessions == 3 and stats.answered == 13
    assert {c.question_id for c in cards} == {"moon", "sun", "days"}
    assert len(skipped) == 1 and skipped[0].startswith("6 damaged rows")


def test_a_history_from_a_newer_release_is_read_but_never_changed(tmp_path: Path) -> None:
    path = _filled(tmp_path)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    before = path.read_bytes()
    with open_history(tmp_path, lambda: T0) as history:
        assert not history.saving
        assert "newer" in history.warnings[0] and "never changed" in history.warnings[0]
        assert history.stats().sessions == 5  # read what can be read
        record(history, game({}))
        history.remember(history.choice()._replace(scheduler="leitner"))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]


@pytest.mark.parametrize("table", ["answers", "games"])
def test_a_dropped_table_is_reported_and_set_aside(tmp_path: Path, table: str) -> None:
    path = _filled(tmp_path)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute(f"DROP TABLE {table}")
    connection.close()
    with open_history(tmp_path, lambda: T0) as history:
        assert history.saving and len(history.warnings) == 1
        assert f"lost its table '{table}'" in history.warnings[0]
        assert "moved to" in history.warnings[0]
        record(history, game({}))
        assert history.stats().sessions == 1
    assert any(".corrupt-" in p.name for p in tmp_path.iterdir())


def _read_as_nobody(folder: str, out: str) -> None:
    os.setgid(65534)
    os.setuid(65534)
    with open_history(Path(folder), lambda: T0) as history:
        sessions = history.stats().sessions
        Path(out).write_text(f"{sessions}|{history.saving}|{'; '.join(history.warnings)}")


def test_stats_reads_a_read_only_folder_and_says_why_nothing_is_saved() -> None:
    # In the system's temporary folder, which the other user (nobody) can reach.
    with tempfile.TemporaryDirectory(dir="/tmp") as top:
        folder = Path(top) / "data"
        folder.mkdir()
        _filled(folder)
        report = Path(top) / "report.txt"
        Path(top).chmod(0o777)
        folder.chmod(0o555)
        for item in folder.iterdir():
            item.chmod(0o444)
        try:
            if os.geteuid() == 0:
                child = multiprocessing.get_context("fork").Process(
                    target=_read_as_nobody, args=(str(folder), str(report))
                )
                child.start()
                child.join(30)
                assert child.exitcode == 0
            else:
                with open_history(folder, lambda: T0) as history:
                    report.write_text(
                        f"{history.stats().sessions}|{history.saving}|{history.warnings[0]}"
                    )
        finally:
            folder.chmod(0o755)
        sessions, saving, warning = report.read_text().split("|", 2)
    assert (sessions, saving) == ("5", "False")
    assert "history not saved: cannot write to the data folder" in warning


def _game_then_reset(folder: str, number: int) -> None:
    if number == 0:
        with open_history(Path(folder), lambda: datetime.now(UTC)) as history:
            for _ in range(3):
                history.reset()
        return
    for index in range(6):
        _save_one(folder, number * 10 + index)


def test_reset_racing_with_games_loses_none(tmp_path: Path) -> None:
    _filled(tmp_path, games=3)
    context = multiprocessing.get_context("fork")
    processes = [
        context.Process(target=_game_then_reset, args=(str(tmp_path), n)) for n in range(4)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    assert [p.exitcode for p in processes] == [0] * 4
    kept: set[str] = set()
    files = [tmp_path / FILE_NAME, *sorted(tmp_path.glob(f"{FILE_NAME}.backup-*"))]
    for path in files:
        connection = sqlite3.connect(path)
        kept |= {row[0] for row in connection.execute("SELECT options FROM games")}
        connection.close()
    expected = {f'{{"n": {n * 10 + i}}}' for n in (1, 2, 3) for i in range(6)}
    assert expected <= kept


def test_a_file_set_aside_by_another_process_meanwhile_is_not_set_aside_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race, made certain: this process found the old damaged file, but by the time
    it holds the lock another process has already put a fresh file (with a game) there."""
    import quiz.history.store as store

    _filled(tmp_path, games=1)
    real_connect = store.connect
    calls: list[int] = []

    def stale_then_real(path: Path) -> sqlite3.Connection:
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.DatabaseError("file is not a database")
        return real_connect(path)

    monkeypatch.setattr(store, "connect", stale_then_real)
    with open_history(tmp_path, lambda: T0) as history:
        assert history.saving and history.warnings == []
        assert history.stats().sessions == 1
    assert not any(".corrupt-" in p.name for p in tmp_path.iterdir())


def test_a_new_history_another_process_just_made_is_never_set_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The damaged file was replaced while this process waited for the lock, and the new
    one reads as damaged for a moment: it is tried again, never set aside."""
    import contextlib

    import quiz.history.store as store

    path = tmp_path / FILE_NAME
    path.write_bytes(b"not a database, but long enough to look like one\x00\xff" * 200)
    real_connect, real_aside = store.connect, store.setting_aside
    calls = [0]

    def connect(target: Path) -> sqlite3.Connection:
        calls[0] += 1
        if calls[0] <= 2:  # the damaged file, then the new one, not yet whole
            raise sqlite3.DatabaseError("database disk image is malformed")
        return real_connect(target)

    @contextlib.contextmanager
    def aside(target: Path) -> Any:
        with real_aside(target):
            # What another process did while this one waited: set the file aside (its
            # name taken, not the sort of file this test looks for) and begin a new one.
            path.rename(tmp_path / "set-aside-by-the-other")
            real_connect(path).close()
            yield

    monkeypatch.setattr(store, "connect", connect)
    monkeypatch.setattr(store, "setting_aside", aside)
    monkeypatch.setattr(store, "RETRY_PAUSE", 0.0)
    with open_history(tmp_path, lambda: T0) as history:
        record(history, game({"sun": True}), T0)
        assert history.warnings == []
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    with open_history(tmp_path, lambda: T0) as history:
        assert len(history.rows()[0]) == 1
