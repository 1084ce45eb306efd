"""Consoles for normal output and for errors, built in one place."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console

from quiz.ui.theme import THEME


def make_console(file: TextIO | None = None, *, stderr: bool = False) -> Console:
    """A console with the game's theme; rich itself honours NO_COLOR and TERM=dumb."""
    return Console(file=file, stderr=stderr, theme=THEME, highlight=False, emoji=False)
