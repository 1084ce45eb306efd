"""Consoles for normal output and for errors, built in one place."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from rich.console import Console

from quiz.ui.theme import THEME

MIN_WIDTH = 20  # the fewest columns anything is laid out in


def make_console(file: TextIO | None = None, *, stderr: bool = False) -> Console:
    """A console with the game's theme; rich itself honours NO_COLOR and TERM=dumb.

    Output that goes to a pipe or a file is not wrapped at an imagined 80 columns:
    whoever reads it (a script, a screen reader, a pager) wraps it as it likes.
    """
    console = Console(file=file, stderr=stderr, theme=THEME, highlight=False, emoji=False)
    if not console.is_terminal and file is None:
        console.soft_wrap = True
    if console.width < MIN_WIDTH:
        # COLUMNS=0 or COLUMNS=5 is no room at all: the terminal's own width, or 20.
        console.width = max(_terminal_columns(sys.stderr if stderr else sys.stdout), MIN_WIDTH)
    return console


def _terminal_columns(stream: TextIO | None) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns if stream is not None else 0
    except (AttributeError, OSError, ValueError):
        return 0
