"""Writing files safely: whole or not at all, and never over something unexpected."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from quiz.errors import WriteError

# What the operating system says when a disk takes no more: full, over quota, failing.
DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def write_atomically(
    target: Path, data: bytes, *, replace: bool = True, private: bool = False
) -> None:
    """Write ``target`` whole or not at all: a temporary file in the same folder, then
    renamed over it. The rename replaces a link, never the file it points to.

    The file keeps the mode it had, or gets the one the umask gives a new file;
    ``private`` makes it readable by its owner alone (0600), as a key must be.
    With ``replace=False`` an existing ``target`` raises :class:`FileExistsError`;
    any other failure (the folder missing or not writable, a full disk, a quota, an
    I/O error) raises :class:`~quiz.errors.WriteError`, an ``OSError`` naming the file,
    and leaves ``target`` as it was and no temporary file behind.
    """
    try:
        _write(target, data, replace=replace, private=private)
    except FileExistsError:
        raise
    except OSError as error:
        raise WriteError(str(target), error) from None


def _write(target: Path, data: bytes, *, replace: bool, private: bool) -> None:
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temporary = Path(name)
    try:
        # mkstemp makes every file private (0600): only a private one stays so.
        os.fchmod(fd, 0o600 if private else _mode_for(target))
        # A full disk or a quota may refuse the data at write() or only at close():
        # both raise here, before the rename, so the target is never left short.
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        if replace:
            temporary.replace(target)
        else:
            os.link(temporary, target)  # fails, rather than replaces, when target exists
    finally:
        # A failing disk may refuse this too: the error that matters is the one above.
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def write_to_name(target: Path, data: bytes) -> None:
    """Write ``data`` to what ``target`` names, as a shell's ``>`` would, but never half.

    A regular file (or a new one) is replaced whole (:func:`write_atomically`); through a
    symbolic link, the file it points to is, and the link stays. A device, a FIFO or a
    socket (``/dev/stdout``, ``/dev/null``, a named pipe someone reads), and the very
    file standard output or error goes to, are written through, never renamed over: a
    FIFO nobody reads is an error, not a wait. A folder, or any other failure, raises
    :class:`~quiz.errors.WriteError`.
    """
    try:
        place = replaced_file(target)
        if place is None:
            _write_through(target, data)
        else:
            _write(place, data, replace=True, private=False)
    except OSError as error:
        if error.errno == errno.ENXIO:  # a FIFO's open with no reader
            error = OSError(errno.ENXIO, "no program is reading from it")
        raise WriteError(str(target), error) from None


def replaced_file(target: Path) -> Path | None:
    """The regular file that writing to ``target`` replaces (``target`` itself, the file
    its link points to, or a new file), or None when ``target`` is written through
    (see :func:`write_to_name`). Raises ``IsADirectoryError`` for a folder and the
    ``OSError`` of a name that cannot be looked at."""
    try:
        found = target.stat()  # through links
    except FileNotFoundError:
        return Path(os.path.realpath(target))  # nothing there yet, or a link to nothing
    if stat.S_ISDIR(found.st_mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder", str(target))
    if not stat.S_ISREG(found.st_mode) or _standard_output(found) is not None:
        return None
    return Path(os.path.realpath(target))


def _standard_output(found: os.stat_result) -> int | None:
    """The descriptor (1 or 2) whose file ``found`` is, if either."""
    for descriptor in (1, 2):
        try:
            other = os.fstat(descriptor)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (found.st_dev, found.st_ino):
            return descriptor
    return None


def _write_through(target: Path, data: bytes) -> None:
    for stream in (sys.stdout, sys.stderr):
        # What the game printed comes first, when the name is where it went.
        with contextlib.suppress(AttributeError, OSError, ValueError):
            stream.flush()
    # Standard output itself (/dev/stdout, or the file it was sent to) is written on its
    # own descriptor, at its own place; a file opened again would be written over.
    descriptor = _standard_output(target.stat())
    if descriptor is not None:
        with open(descriptor, "wb", closefd=False) as file:
            file.write(data)
        return
    flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(target, flags)
    os.set_blocking(descriptor, True)
    with open(descriptor, "wb") as file:  # noqa: PTH123 (a descriptor, not a path)
        file.write(data)


def disk_is_full(folder: Path) -> bool:
    """Whether the disk holding ``folder`` has no space left for an ordinary user
    (False when that cannot be told)."""
    try:
        found = os.statvfs(folder)
    except (OSError, AttributeError):  # AttributeError: no statvfs (not POSIX)
        return False
    return found.f_bavail == 0


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:  # no file there yet
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def free_name(path: Path, label: str, moment: datetime) -> Path:
    """A name beside ``path`` that no file has yet: ``<name>.<label>-YYYYmmddTHHMMSS``,
    with ``-2``, ``-3``... added when that is taken."""
    base = f"{path.name}.{label}-{moment.strftime('%Y%m%dT%H%M%S')}"
    target = path.with_name(base)
    count = 1
    while target.exists():
        count += 1
        target = path.with_name(f"{base}-{count}")
    return target


def open_to_read(path: Path) -> BinaryIO:
    """``path`` opened for reading bytes; a FIFO with no writer does not hang.

    The file is opened without blocking (a FIFO's open would wait for a writer), then
    read as usual: a FIFO whose writer never came reads as empty, and a pipe with a
    writer (``<(cat bank.yaml)``) is read to its end.
    """
    nonblocking = getattr(os, "O_NONBLOCK", 0)
    descriptor = os.open(path, os.O_RDONLY | nonblocking)
    if nonblocking:
        os.set_blocking(descriptor, True)
    return open(descriptor, "rb")  # noqa: PTH123 (a descriptor, not a path)
