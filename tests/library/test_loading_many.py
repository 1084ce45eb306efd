"""A folder of many banks: finding and loading them costs the same for every bank."""

from __future__ import annotations

import io
import os
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quiz.format.rules import MAX_FILE_BYTES
from quiz.library.loading import catalogue, check_file
from quiz.library.sources import resolve
from tests.helpers import DATA

GOOD = (DATA / "good" / "minimal.yaml").read_text(encoding="utf-8")


def folder_of(root: Path, count: int) -> Path:
    """``count`` banks, deep enough below ``root`` that a walk up the path would show."""
    folder = root / "a" / "b" / "c" / "d" / f"banks-{count}"
    folder.mkdir(parents=True)
    for number in range(count):
        (folder / f"bank-{number:04d}.yaml").write_text(
            GOOD.replace("Minimal", f"Bank {number}"), encoding="utf-8"
        )
    return folder


def counting(monkeypatch: pytest.MonkeyPatch, owner: object, *names: str) -> list[int]:
    """Count the calls of ``owner``'s functions ``names``."""
    calls = [0]
    for name in names:
        real: Callable[..., Any] = getattr(owner, name)

        def counted(*args: Any, _real: Callable[..., Any] = real, **kwargs: Any) -> Any:
            calls[0] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)
    return calls


def test_finding_the_files_of_a_folder_looks_at_each_file_a_fixed_number_of_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each file is looked at (stat) at most twice, however deep its folder: a file
    named twice is still found once, by its identity, not by resolving its path."""
    small, large = folder_of(tmp_path, 20), folder_of(tmp_path, 40)
    (small / "zz-again.yaml").symlink_to(small / "bank-0000.yaml")
    calls = counting(monkeypatch, os, "stat", "lstat")
    found = resolve([str(small)])
    for_small = calls[0]
    calls[0] = 0
    assert len(resolve([str(large)])) == 40
    assert (calls[0] - for_small) / 19 <= 2  # 20 more files (21 against 40)
    assert len(found) == 20 and small / "zz-again.yaml" not in found


def test_a_warm_catalogue_opens_each_bank_and_its_cache_entry_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(tmp_path / "cache"))
    small, large = folder_of(tmp_path, 20), folder_of(tmp_path, 40)
    for folder in (small, large):
        catalogue(resolve([str(folder)]), banks=False)  # checked once: the cache is warm
    # Banks are opened as files (io.open), cache entries by descriptor (os.open).
    files, entries = counting(monkeypatch, io, "open"), counting(monkeypatch, os, "open")
    for folder, count in ((small, 20), (large, 40)):
        files[0] = entries[0] = 0
        found = catalogue(resolve([str(folder)]), banks=False)
        assert len(found.summaries) == count
        assert (files[0], entries[0]) == (count, count)


def test_reading_a_small_file_does_not_set_aside_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(GOOD, encoding="utf-8")
    tracemalloc.start()
    try:
        report = check_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.bank is not None
    assert peak < MAX_FILE_BYTES // 10


def test_a_file_read_through_a_pipe_is_read_whole(tmp_path: Path) -> None:
    """A file whose size the system does not know (a FIFO says 0) is read to its end."""
    fifo = tmp_path / "piped.yaml"
    os.mkfifo(fifo)
    writer = os.fork()
    if writer == 0:  # pragma: no cover - the child writes the bank and leaves
        with fifo.open("w", encoding="utf-8") as file:
            file.write(GOOD)
        os._exit(0)
    try:
        report = check_file(fifo)
    finally:
        os.waitpid(writer, 0)
    assert report.errors == ()
    assert report.bank is not None and report.bank.title == "Minimal bank"
