"""Checking many question files at once, one worker process per core.

A catalogue whose files are not in the cache of checked files (the first run, or the
first after an upgrade, which changes every entry) hands them here. Like black and
pytest-xdist, the files are then checked in worker processes when there is enough
work to repay starting them; each worker checks, and caches, whole files exactly as
one process would, so the reports are the same either way. Workers are forked, so
they start at once with everything imported; where forking is not the platform's
safe default (only Linux is assumed), files are checked one by one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from quiz.format.report import Report

FilePath = str | os.PathLike[str]

# Below this many bytes to check (about 2,000 questions), starting workers costs
# more than it saves.
MIN_BYTES = 256 * 1024


def check_files(check: Callable[[FilePath], Report], paths: list[FilePath]) -> list[Report]:
    """``check`` of each file, in order: in worker processes when the files are several
    and big enough. ``check`` must be picklable (a module's function, or a partial)."""
    workers = _workers_for(paths)
    if workers > 1:
        with contextlib.suppress(OSError, BrokenProcessPool):
            return _in_workers(check, paths, workers)
    return [check(path) for path in paths]


def _workers_for(paths: list[FilePath]) -> int:
    """How many workers the files are worth: 1 means check them here."""
    if sys.platform != "linux" or len(paths) < 2:
        return 1
    if threading.current_thread() is not threading.main_thread():
        return 1  # only the main thread may set aside Ctrl-C while workers start
    cores = len(os.sched_getaffinity(0))
    size = 0
    for path in paths:
        with contextlib.suppress(OSError):
            size += Path(path).stat().st_size
    return min(cores, len(paths)) if size >= MIN_BYTES else 1


def _in_workers(
    check: Callable[[FilePath], Report], paths: list[FilePath], workers: int
) -> list[Report]:
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    try:
        # Ctrl-C reaches every process of the terminal's group: the main process alone
        # handles it. Workers are forked while it is ignored, so they ignore it from
        # their first instant, and none prints a traceback of its own.
        interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            futures = [pool.submit(check, path) for path in paths]
        finally:
            signal.signal(signal.SIGINT, interrupt)
        return [future.result() for future in futures]
    finally:
        # On Ctrl-C nothing more is started; a file being checked is finished.
        pool.shutdown(wait=True, cancel_futures=True)
