"""A full disk, a quota reached or an I/O error wherever the game writes (issue 19):
a clear message and a clean exit code, never a traceback, never lost data.

The operating system's refusals are injected into the one writer
(:func:`quiz.files.write_atomically`) by a file whose write or close raises; SQLite's
"database or disk is full" is the real one, made with ``PRAGMA max_page_count``.
``tests/e2e/test_full_disk.py`` runs the installed ``quiz`` on a really full disk.
"""

from __future__ import annotations

import errno
import io
import json
import os
import sqlite3
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest

from quiz.cli import main
from quiz.errors import QuizError, WriteError
from quiz.files import write_atomically
from quiz.game.engine import GameResult
from quiz.history import reset as reset_module
from quiz.history import store
from quiz.history.cards import Choice
from quiz.history.faults import FULL, IO_ERROR, QUOTA, disk_fault
from quiz.history.results import results_document
from quiz.history.store import FILE_NAME, open_history
from tests.commands.test_add import SINGLE
from tests.helpers import DATA
from tests.history.test_store import T0, game, record

BANK = DATA / "history" / "orbits.yaml"


class Refusing:
    """A file that refuses its data as a full disk does: at write, or only at close
    (as NFS and some quotas do)."""

    def __init__(self, file: Any, code: int, at: str) -> None:
        self.file, self.code, self.at = file, code, at

    def __enter__(self) -> Refusing:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.file.close()
        if self.at == "close" and error is None:
            raise OSError(self.code, os.strerror(self.code))

    def write(self, data: bytes) -> int:
        if self.at == "write":
            self.file.write(data[: len(data) // 2])  # part of it fits, then no more
            raise OSError(self.code, os.strerror(self.code))
        return int(self.file.write(data))


def refuse_writes(
    monkeypatch: pytest.MonkeyPatch, code: int = errno.ENOSPC, at: str = "write"
) -> None:
    """Every file the atomic writer writes from now on is refused with ``code``."""
    real = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Refusing:
        return Refusing(real(fd, *args, **kwargs), code, at)

    monkeypatch.setattr("quiz.files.os.fdopen", fdopen)


# -- the one writer -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "at"),
    [
        (errno.ENOSPC, "write"),
        (errno.EDQUOT, "write"),
        (errno.EIO, "write"),
        (errno.EDQUOT, "close"),
    ],
)
def test_a_refused_write_leaves_the_file_as_it_was_and_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, at: str
) -> None:
    target = tmp_path / "bank.yaml"
    target.write_bytes(b"title: Mine\n")
    refuse_writes(monkeypatch, code, at)
    with pytest.raises(WriteError) as raised:
        write_atomically(target, b"title: Theirs\n" * 1000)
    assert raised.value.errno == code and isinstance(raised.value, QuizError | OSError)
    assert str(raised.value) == f"cannot write '{target}': {os.strerror(code)}"
    assert target.read_bytes() == b"title: Mine\n"
    assert [p.name for p in tmp_path.iterdir()] == ["bank.yaml"]  # no temporary left


def test_a_failing_clean_up_does_not_hide_why_the_write_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_writes(monkeypatch)

    def unlink(self: Path, missing_ok: bool = False) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(Path, "unlink", unlink)
    with pytest.raises(WriteError) as raised:
        write_atomically(tmp_path / "new.yaml", b"x")
    assert raised.value.errno == errno.ENOSPC


def test_an_existing_file_is_still_told_apart_from_a_full_disk(tmp_path: Path) -> None:
    (tmp_path / "there.yaml").write_bytes(b"x")
    with pytest.raises(FileExistsError):
        write_atomically(tmp_path / "there.yaml", b"y", replace=False)


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), FULL),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), QUOTA),
        (OSError(errno.EIO, "Input/output error"), IO_ERROR),
        (OSError(errno.EACCES, "Permission denied"), None),
        (sqlite3.OperationalError("database is locked"), None),
    ],
)
def test_disk_faults_are_told_by_their_codes(error: BaseException, words: str | None) -> None:
    assert disk_fault(error, Path()) == words


def sqlite_error(text: str, code: int) -> sqlite3.OperationalError:
    """An error as SQLite raises it, with its result code."""
    error = sqlite3.OperationalError(text)
    error.sqlite_errorcode = code
    return error


def test_an_io_error_on_a_disk_with_no_space_is_called_a_full_disk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shm_size = sqlite_error("disk I/O error", 4874)  # SQLITE_IOERR_SHMSIZE
    assert disk_fault(shm_size, Path()) == IO_ERROR
    monkeypatch.setattr("quiz.history.faults.disk_is_full", lambda folder: True)
    assert disk_fault(shm_size, Path()) == FULL
    assert disk_fault(sqlite_error("database or disk is full", 13), Path()) == FULL


# -- the history ----------------------------------------------------------------------


def fill_up(history: store.History) -> None:
    """Let the file grow no more: SQLite's own "database or disk is full" from now on,
    once the free room left in its pages is used."""
    assert history.connection is not None
    pages = history.connection.execute("PRAGMA page_count").fetchone()[0]
    history.connection.execute(f"PRAGMA max_page_count = {pages}")


def play_until_full(history: store.History) -> tuple[int, GameResult]:
    """Record games until one does not fit; return how many did and the one that did not."""
    for saved in range(500):
        result = game({"moon": saved % 2 == 0})
        record(history, result)
        if history.warnings:
            return saved, result
    raise AssertionError("the file never filled up")


def test_a_game_finishing_on_a_full_disk_is_kept_and_the_others_stay(tmp_path: Path) -> None:
    with open_history(tmp_path, lambda: T0) as history:
        fill_up(history)
        saved, result = play_until_full(history)
        assert saved > 0 and history.stats().sessions == saved  # whole games, none half
        assert len(history.rows()[1]) == 3 * saved
    [warning] = history.warnings
    assert warning.startswith(
        f"this game was not saved in the history (the disk is full: {tmp_path / FILE_NAME}); "
        "its results are kept in "
    )
    kept = Path(warning.rsplit(" ", 1)[1])
    assert kept.parent == Path(tempfile.gettempdir())
    assert json.loads(kept.read_text(encoding="utf-8")) == results_document(result, seed=1)
    assert kept.stat().st_mode & 0o077 == 0  # the temporary folder is shared


def test_when_no_file_can_hold_the_game_the_warning_carries_its_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    with open_history(tmp_path, lambda: T0) as history:
        fill_up(history)
        _, result = play_until_full(history)
    [warning] = history.warnings
    assert ", nor could it be kept in a file (No such file or directory); its results: " in warning
    assert json.loads(warning.split("its results: ", 1)[1]) == results_document(result, seed=1)


def test_a_history_that_cannot_open_on_a_full_disk_is_read_and_the_game_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_history(tmp_path, lambda: T0) as history:
        record(history, game({}))

    def full(path: Path) -> sqlite3.Connection:
        raise sqlite_error("disk I/O error", 4874)  # no room for the shared memory

    monkeypatch.setattr(store, "connect", full)
    monkeypatch.setattr("quiz.history.faults.disk_is_full", lambda folder: True)
    with open_history(tmp_path, lambda: T0) as history:
        assert not history.saving
        assert history.stats().sessions == 1  # "No games yet" would be a lie
        record(history, game({}))
    assert history.warnings[0] == (
        f"history not saved: cannot write to the data folder {tmp_path} (the disk is full)"
    )
    assert history.warnings[1].startswith(
        "this game was not saved in the history (the disk is full"
    )


def test_a_choice_that_does_not_fit_says_the_disk_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(connection: sqlite3.Connection, choice: Choice) -> None:
        raise sqlite_error("database or disk is full", 13)

    monkeypatch.setattr(store, "write_choice", full)
    with open_history(tmp_path, lambda: T0) as history:
        history.remember(Choice("leitner", 0.9))
    assert history.warnings == ["history not saved: the disk is full"]


def test_a_reset_whose_backup_does_not_fit_clears_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def half_a_copy(path: Path, target: Path) -> None:
        target.write_bytes(b"SQLite format 3\0")
        raise sqlite_error("database or disk is full", 13)

    with open_history(tmp_path, lambda: T0) as history:
        record(history, game({}))
        monkeypatch.setattr(reset_module, "copy", half_a_copy)
        with pytest.raises(store.HistoryUnavailableError) as raised:
            history.reset()
        assert history.game_count() == 1
    assert str(raised.value) == (
        f"the disk is full; nothing was cleared, and {tmp_path / FILE_NAME} is as it was"
    )
    assert not list(tmp_path.glob("*.backup-*"))


def test_stats_reset_on_a_full_disk_is_an_error_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path))
    with open_history(tmp_path, lambda: T0) as history:
        record(history, game({}))
    monkeypatch.setattr(
        reset_module,
        "copy",
        lambda path, target: (_ for _ in ()).throw(sqlite_error("database or disk is full", 13)),
    )
    assert main(["stats", "--reset", "--yes"]) == 1
    assert "quiz: error: the history cannot be reset: the disk is full; nothing was cleared" in (
        capsys.readouterr().err
    )
    monkeypatch.undo()
    with open_history(tmp_path, lambda: T0) as history:
        assert history.game_count() == 1


# -- the commands that write files ----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["new", "{dir}/new.yaml"], "new.yaml"),
        (["export", str(BANK), "--format", "gift", "-o", "{dir}/orbits.gift"], "orbits.gift"),
        (
            ["import", str(DATA / "import" / "sample.gift"), "-o", "{dir}/sample.yaml"],
            "sample.yaml",
        ),
    ],
)
def test_commands_that_write_a_file_say_the_disk_is_full(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    name: str,
) -> None:
    refuse_writes(monkeypatch)
    code = main([arg.format(dir=tmp_path) for arg in args])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert f"quiz: error: cannot write '{tmp_path / name}': No space left on device" in err
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_quiz_add_on_a_full_disk_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "flow.yaml"
    before = "title: F\nquestions:\n  - id: a\n    prompt: P\n    choices: [x, y]\n    answer: x\n"
    path.write_text(before, encoding="utf-8")
    refuse_writes(monkeypatch, errno.EDQUOT)
    monkeypatch.setattr("sys.stdin", io.StringIO(SINGLE))
    assert main(["add", str(path), "--plain"]) == 1
    assert f"quiz: error: cannot write '{path}': Disk quota exceeded" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == ["flow.yaml"]


def test_results_on_a_full_disk_are_an_error_and_the_game_is_in_the_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    refuse_writes(monkeypatch)
    monkeypatch.setattr("sys.stdin", io.StringIO("1\ny\n365\n"))
    results = tmp_path / "results.json"
    assert main(["play", str(BANK), "--no-shuffle", "--plain", "--results", str(results)]) == 1
    err = capsys.readouterr().err
    assert f"quiz: error: cannot write results to '{results}': No space left on device" in err
    assert not results.exists()
    with open_history(os.environ["QUIZ_DATA_DIR"], lambda: T0) as history:
        assert history.game_count() == 1  # SQLite does not write through the writer


def test_the_cache_of_checked_files_fails_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    refuse_writes(monkeypatch)
    assert main(["list"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "Soyuz" in captured.out
    assert not list(Path(os.environ["QUIZ_CACHE_DIR"]).rglob("*.tmp"))


def test_the_host_key_on_a_full_disk_is_a_message_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("asyncssh")
    from quiz.commands.quiz_night.server import KEY_FILE, host_key

    refuse_writes(monkeypatch)
    with pytest.raises(QuizError) as raised:
        host_key(tmp_path)
    assert str(raised.value) == f"cannot write '{tmp_path / KEY_FILE}': No space left on device"
    assert list(tmp_path.iterdir()) == []


def test_games_kept_in_the_same_second_each_get_a_file(tmp_path: Path) -> None:
    """As a quiz night's players' games do, all ending at once."""
    from quiz.history.unsaved import keep_unsaved

    kept = {
        keep_unsaved(game({}), {}, FULL, tmp_path / FILE_NAME, T0).rsplit(" ", 1)[1]
        for _ in range(3)
    }
    assert len(kept) == 3 and all(Path(name).is_file() for name in kept)
