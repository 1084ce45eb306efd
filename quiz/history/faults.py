"""What a failed write of the history means, in words a player can act on.

SQLite says "database or disk is full" (``SQLITE_FULL``) when a write finds no space,
and "disk I/O error" (``SQLITE_IOERR_*``) for an I/O error, a quota reached, or a full
disk met while making its shared-memory file; the operating system says ``ENOSPC``,
``EDQUOT`` or ``EIO``. They are told apart by their codes, never by their texts.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from quiz.files import disk_is_full

FULL = "the disk is full"
QUOTA = "your disk quota is used up"
TOO_LARGE = "the file is larger than the disk or a limit allows"
IO_ERROR = (
    "the disk could not be written (an input/output error: it may be over a quota or failing)"
)
SQLITE_FULL = 13  # SQLite's primary result codes (the low byte of an extended one)
SQLITE_IOERR = 10
BY_ERRNO = {errno.ENOSPC: FULL, errno.EDQUOT: QUOTA, errno.EFBIG: TOO_LARGE, errno.EIO: IO_ERROR}


def disk_fault(error: BaseException, folder: Path) -> str | None:
    """Plain words for an error that means the disk holding ``folder`` takes no more
    writes (full, over a quota, or failing); None for any other error."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if not isinstance(code, int):
            return None
        if code & 0xFF == SQLITE_FULL:
            return FULL
        if code & 0xFF == SQLITE_IOERR:
            return FULL if disk_is_full(folder) else IO_ERROR
        return None
    if isinstance(error, OSError) and error.errno in BY_ERRNO:
        return BY_ERRNO[error.errno]
    return None


def reason(error: BaseException, folder: Path) -> str:
    """Why a write failed: the disk's fault in words, else the error's own text."""
    fault = disk_fault(error, folder)
    if fault is not None:
        return fault
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)
