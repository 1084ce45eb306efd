"""Where a converted file goes (``-o``), checked before anything is written.

An output is written whole to a temporary file in its own folder, then renamed over
the name (:func:`quiz.files.write_atomically`), so a link is replaced, never followed.
Refused: an output that exists and is not a regular file (a folder, a FIFO, a
device, a symbolic link), an output that is the input itself (by name or by a hard
link), and an existing output without ``--force``. Nothing is opened before these
checks, so a FIFO never blocks.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from quiz.errors import QuizError
from quiz.files import write_atomically
from quiz.format.text import escape_controls


def check_output(output: Path, source: Path | None, force: bool) -> None:
    """Raise :class:`QuizError` unless ``output`` may be written (see the module)."""
    shown = escape_controls(str(output))
    try:
        found = output.lstat()
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise QuizError(f"cannot use '{shown}': {error.strerror or error}") from None
    if found is not None:
        if stat.S_ISLNK(found.st_mode):
            raise QuizError(f"'{shown}' is a symbolic link; name the file itself with -o")
        if not stat.S_ISREG(found.st_mode):
            raise QuizError(f"'{shown}' is not a regular file; name a file with -o")
        if source is not None and _same_file(found, source):
            raise QuizError(f"'{shown}' is the file being converted; name another with -o")
        if not force:
            raise QuizError(f"'{shown}' already exists; use --force to replace it")
    if not output.parent.is_dir():
        raise QuizError(
            f"cannot write '{shown}': no folder '{escape_controls(str(output.parent))}'"
        )


def _same_file(found: os.stat_result, source: Path) -> bool:
    try:
        other = source.stat()
    except OSError:
        return False
    return (found.st_dev, found.st_ino) == (other.st_dev, other.st_ino)


def write_output(output: Path, data: bytes, source: Path | None, force: bool) -> None:
    """Check ``output`` again (it may have changed) and write ``data`` to it whole."""
    check_output(output, source, force)
    shown = escape_controls(str(output))
    try:
        write_atomically(output, data, replace=force)
    except FileExistsError:
        raise QuizError(f"'{shown}' already exists; use --force to replace it") from None
    except OSError as error:
        raise QuizError(f"cannot write '{shown}': {error.strerror or error}") from None
