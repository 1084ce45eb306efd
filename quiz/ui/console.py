"""Consoles for normal output and for errors, built in one place; what the ends can do."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from rich.console import Console

from quiz.errors import QuizError
from quiz.ui.theme import THEME

MIN_WIDTH = 20  # the fewest columns anything is laid out in


class _Console(Console):
    """A console whose reader going away (``quiz play | head``) is an ``OSError`` like any
    other failed write, so a game stops and keeps its answers as at the end of input;
    rich's own way is to exit the program at once, losing them."""

    def on_broken_pipe(self) -> None:
        """Say nothing more, and raise :class:`BrokenPipeError` for the caller."""
        self.quiet = True
        try:
            descriptor = self.file.fileno()
        except (AttributeError, OSError, ValueError):
            descriptor = None
        if descriptor is not None:
            # What is still buffered for the closed pipe goes nowhere, not to a traceback.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, descriptor)
            os.close(devnull)
        raise BrokenPipeError(errno.EPIPE, "the reader of the output went away")


def make_console(file: TextIO | None = None, *, stderr: bool = False) -> Console:
    """A console with the game's theme; rich itself honours NO_COLOR and TERM=dumb.

    Output that goes to a pipe or a file is not wrapped at an imagined 80 columns:
    whoever reads it (a script, a screen reader, a pager) wraps it as it likes.
    """
    console = _Console(file=file, stderr=stderr, theme=THEME, highlight=False, emoji=False)
    stream = sys.stderr if stderr else sys.stdout
    if not console.is_terminal and file is None:
        console.soft_wrap = True
    if console.is_dumb_terminal and file is None:
        # rich takes any dumb terminal to be 80 columns wide; a narrower one would break
        # the lines wherever its edge falls, mid-word. Its real width (or COLUMNS) instead.
        columns = os.environ.get("COLUMNS", "")
        width = int(columns) if columns.isdigit() else _terminal_columns(stream)
        if width:
            console.size = (width, console.height)
    if console.width < MIN_WIDTH:
        # COLUMNS=0 or COLUMNS=5 is no room at all: the terminal's own width, or 20.
        console.width = max(_terminal_columns(stream), MIN_WIDTH)
    return console


def _terminal_columns(stream: TextIO | None) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns if stream is not None else 0
    except (AttributeError, OSError, ValueError):
        return 0


def check_writable(path: str) -> None:
    """Refuse, before the game, a results file that could not be written after it
    (the rule of :func:`quiz.files.write_to_name`: a file is replaced whole, a device
    or a FIFO written through, a folder refused)."""
    from quiz.files import replaced_file

    target = Path(path)
    try:
        place = replaced_file(target)
    except OSError as error:
        raise QuizError(f"cannot write results to '{path}': {error.strerror or error}") from None
    if place is None:
        if not os.access(target, os.W_OK):
            raise QuizError(f"cannot write results to '{path}': it is not writable")
        return
    folder = place.parent if target.is_symlink() else target.parent
    if not folder.is_dir():
        raise QuizError(f"cannot write results to '{path}': the folder '{folder}' does not exist")
    if not os.access(folder, os.W_OK):
        raise QuizError(f"cannot write results to '{path}': the folder is not writable")


def is_interactive(stdin: TextIO | None, stdout: TextIO | None) -> bool:
    """Whether both ends are a terminal, so full-screen prompts can work."""
    try:
        return stdin is not None and stdout is not None and stdin.isatty() and stdout.isatty()
    except (AttributeError, ValueError):
        return False


def wants_plain(asked: bool, environ: Mapping[str, str] = os.environ) -> bool:
    """Plain mode: asked for, or ``QUIZ_PLAIN=1``, or a terminal that cannot do more
    (``TERM=dumb``), or input or output that is not a terminal."""
    if asked or environ.get("QUIZ_PLAIN", "") not in ("", "0"):
        return True
    return environ.get("TERM") == "dumb" or not is_interactive(sys.stdin, sys.stdout)
