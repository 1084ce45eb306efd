"""Consoles for normal output and for errors, built in one place."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console

from quiz.ui.theme import THEME


def make_console(file: TextIO | None = None, *, stderr: bool = False) -> Console:
    """A console with the game's theme; rich itself honours NO_COLOR and TERM=dumb.

    Output that goes to a pipe or a file is not wrapped at an imagined 80 columns:
    whoever reads it (a script, a screen reader, a pager) wraps it as it likes.
    """
    console = Console(file=file, stderr=stderr, theme=THEME, highlight=False, emoji=False)
    if not console.is_terminal and file is None:
        console.soft_wrap = True
    return console
