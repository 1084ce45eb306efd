"""Loading question files: each file read, hashed, and checked through the cache."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from quiz.errors import BankError, Diagnostic
from quiz.format.report import Report
from quiz.format.rules import MAX_FILE_BYTES, too_big
from quiz.library.cache import Cache, cache_dir, content_digest
from quiz.model import Bank, BankSummary

FilePath = str | os.PathLike[str]


def as_path(path: FilePath) -> Path:
    """The path as a ``Path``; one already is not parsed again (thousands of banks)."""
    return path if isinstance(path, Path) else Path(path)


def bank_name(path: FilePath) -> str:
    """The name of the bank a file holds: its file name without the suffix."""
    return as_path(path).stem


def check_file(path: FilePath, cache: Cache | None = None, *, bank: bool = True) -> Report:
    """Read and check one question file, through ``cache`` when given.

    With ``bank=False`` the report carries the summary but no bank, as listings need:
    a hit reads only the head of the cache entry, and no question is built.
    """
    shown, name = os.fspath(path), bank_name(path)
    data = _read(path, shown)
    if isinstance(data, Report):
        return data
    if cache is None:
        return _check(data, shown, name)
    digest = content_digest(data)
    hit = cache.load(digest, shown, name, bank=bank)
    if hit is not None:
        return hit
    report = _check(data, shown, name)
    cache.store(digest, report)
    return report if bank else report._replace(bank=None)


def cached_report(path: FilePath, cache: Cache, *, bank: bool = True) -> Report | None:
    """The report of a file as :func:`check_file` gives it, when no checking is needed
    (the cache holds its bytes, or it cannot be read); ``None`` when it must be checked."""
    shown = os.fspath(path)
    data = _read(path, shown)
    if isinstance(data, Report):
        return data
    return cache.load(content_digest(data), shown, bank_name(path), bank=bank)


def _read(path: FilePath, shown: str) -> bytes | Report:
    """The file's bytes, or the report of why they cannot be checked."""
    try:
        # A FIFO is waited on, as cat waits (Ctrl-C ends the wait): a writer may come.
        with as_path(path).open("rb") as file:
            # A file over the limit is refused unread (and a file that grows while it
            # is read is cut just past the limit, so it is refused too).
            size = os.fstat(file.fileno()).st_size
            if size > MAX_FILE_BYTES:
                return Report(shown, None, (too_big(shown, size),))
            # A byte more than the file holds shows whether it grew (or is not a
            # regular file); asking for the limit at once would make every read set
            # aside the limit's worth of memory, felt over thousands of files.
            data = file.read(size + 1)
            if len(data) > size:
                data += file.read(MAX_FILE_BYTES + 1 - len(data))
    except OSError as error:
        reason = error.strerror or str(error)
        return Report(shown, None, (Diagnostic(shown, 1, 1, f"cannot read the file: {reason}"),))
    if len(data) > MAX_FILE_BYTES:
        return Report(shown, None, (too_big(shown, len(data)),))
    return data


def _check(data: bytes, shown: str, name: str) -> Report:
    # The checker, and the YAML parser under it (a tenth of a game's start), is
    # imported only when a file must be checked: a cache hit never needs it.
    from quiz.format.checker import check_bytes

    return check_bytes(data, shown, name)


def load_bank(path: FilePath) -> Bank:
    """Load and validate one question file; raise :class:`BankError` when it has errors."""
    report = check_file(path)
    if report.bank is None:
        raise BankError(report.errors)
    return report.bank


class Catalogue(NamedTuple):
    """The reports of the files checked: the banks that loaded, and the failures."""

    reports: tuple[Report, ...]

    @property
    def banks(self) -> list[Bank]:
        """The usable banks, in the order their files were found."""
        return [r.bank for r in self.reports if r.bank is not None]

    @property
    def summaries(self) -> list[BankSummary]:
        """The summaries of the usable banks, in the order their files were found."""
        return [r.summary for r in self.reports if r.summary is not None]

    @property
    def broken(self) -> list[Report]:
        """The reports of files that failed validation."""
        return [r for r in self.reports if r.errors]


def catalogue(
    paths: Iterable[FilePath], environ: Mapping[str, str] = os.environ, *, banks: bool = True
) -> Catalogue:
    """Check every file through the cache of checked files. With ``banks=False`` (for
    listings) the reports carry summaries and diagnostics only."""
    cache = Cache(cache_dir(environ))
    paths = list(paths)
    found = [cached_report(path, cache, bank=banks) for path in paths]
    unchecked = [path for path, report in zip(paths, found, strict=True) if report is None]
    checked = iter(_check_files(unchecked, cache, banks))
    return Catalogue(tuple(next(checked) if report is None else report for report in found))


def _check_files(paths: list[FilePath], cache: Cache, banks: bool) -> list[Report]:
    if not paths:
        return []
    # As the checker (see _check), the workers are imported only when files must be checked.
    from quiz.library.workers import check_files

    return check_files(functools.partial(check_file, cache=cache, bank=banks), paths)
