"""Checking many files in worker processes gives what checking them one by one gives."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from quiz.format.report import Report
from quiz.format.starter import STARTER_BANK
from quiz.library import workers
from quiz.library.loading import FilePath, catalogue

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="workers fork on Linux only")


def where_checked(path: FilePath) -> Report:
    """A stand-in check that tells which process ran it."""
    return Report(f"{os.fspath(path)} in {os.getpid()}", None, ())


def banks(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for number in range(count):
        path = folder / f"bank{number}.yaml"
        text = STARTER_BANK.format(filename=path.name)
        text = text if number % 3 else text.replace("explanation:", "explantion:")
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "MIN_BYTES", 0)
    monkeypatch.setattr(workers.os, "sched_getaffinity", lambda _: {0, 1})


@pytest.mark.usefixtures("two_cores")
def test_files_go_to_worker_processes_and_come_back_in_order(tmp_path: Path) -> None:
    paths = banks(tmp_path / "banks", 6)
    reports = workers.check_files(where_checked, list(paths))
    shown = [report.path.split(" in ") for report in reports]
    assert [name for name, _ in shown] == [str(path) for path in paths]
    assert str(os.getpid()) not in {pid for _, pid in shown}


@pytest.mark.usefixtures("two_cores")
def test_a_catalogue_checked_in_workers_is_the_one_checked_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = banks(tmp_path / "banks", 5)
    environ = {"QUIZ_CACHE_DIR": str(tmp_path / "cache")}
    in_workers = catalogue(paths, environ)
    monkeypatch.setattr(workers, "MIN_BYTES", 10**12)
    here = catalogue(paths, {"QUIZ_CACHE_DIR": str(tmp_path / "other")})
    assert in_workers == here
    assert len(in_workers.broken) == 2 and len(in_workers.banks) == 3
    # The workers kept what they checked: a second run is all hits, in this process.
    monkeypatch.setattr(workers, "check_files", None)
    assert catalogue(paths, environ) == here


def test_small_work_and_one_core_are_checked_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = banks(tmp_path / "banks", 3)
    pid = str(os.getpid())
    reports = workers.check_files(where_checked, list(paths))  # a few KB: not worth it
    assert {report.path.rsplit(" ", 1)[1] for report in reports} == {pid}
    monkeypatch.setattr(workers, "MIN_BYTES", 0)
    monkeypatch.setattr(workers.os, "sched_getaffinity", lambda _: {0})
    reports = workers.check_files(where_checked, list(paths))
    assert {report.path.rsplit(" ", 1)[1] for report in reports} == {pid}


@pytest.mark.usefixtures("two_cores")
def test_workers_that_cannot_start_leave_the_work_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_processes(*_: object, **__: object) -> None:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", no_processes)
    paths = banks(tmp_path / "banks", 3)
    reports = workers.check_files(where_checked, list(paths))
    assert {report.path.rsplit(" ", 1)[1] for report in reports} == {str(os.getpid())}
