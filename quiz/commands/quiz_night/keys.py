"""The host's keys: Enter starts and moves on, ``k`` picks a player to remove; and what
the host's standard input must be for them (a terminal, or a pipe a script writes to)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import stat
import sys
from collections.abc import Callable
from typing import TextIO

from quiz.commands.quiz_night.night import Night


class Keys:
    """What the host typed, one character at a time; ``on_pick`` is told the numbered
    players when ``k`` is pressed (a screen that cannot redraw prints them)."""

    def __init__(self, night: Night) -> None:
        self.night = night
        self.picking: list[str] | None = None
        self.typed = ""
        self.on_pick: Callable[[list[str]], None] | None = None

    def press(self, text: str) -> None:
        """Handle what the host typed, one character at a time."""
        for char in text:
            self._one(char)

    def _one(self, char: str) -> None:
        if self.picking is not None:
            if char in "\r\n":
                picked = int(self.typed) if self.typed.isdecimal() else 0
                if 1 <= picked <= len(self.picking):
                    self.night.kick(self.picking[picked - 1])
                self.picking, self.typed = None, ""
            elif char == "\x1b":
                self.picking, self.typed = None, ""
            elif char in "\x7f\b":
                self.typed = self.typed[:-1]
            elif char.isdecimal() and len(self.typed) < 4:
                self.typed += char
            return
        if char in "\r\n":
            if self.night.phase != "lobby" or self.night.seats:
                self.night.go()
        elif char in "kK":
            self.picking = self.night.round.active()
            if self.on_pick is not None:
                self.on_pick(self.picking)


def can_press_keys(stream: TextIO | None) -> bool:
    """Whether keys can come from ``stream``: a terminal, a pipe or a socket (not a closed
    input, /dev/null or a file, which give nothing to wait for)."""
    if stream is None:
        return False
    try:
        fd = stream.fileno()
        if os.isatty(fd):
            return True
        mode = os.fstat(fd).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def read_keys(keys: Keys, stack: contextlib.ExitStack, at_end: Callable[[], None]) -> None:
    """Read the host's keys without waiting for Enter on a terminal; lines from a pipe.
    ``at_end`` is called when the input ends."""
    stream = sys.stdin
    if not can_press_keys(stream):
        return
    fd = stream.fileno()
    loop = asyncio.get_running_loop()
    if os.isatty(fd):
        import termios
        import tty

        saved = termios.tcgetattr(fd)
        tty.setcbreak(fd)
        stack.callback(termios.tcsetattr, fd, termios.TCSADRAIN, saved)

    def readable() -> None:
        try:
            data = os.read(fd, 1024)
        except OSError:
            data = b""
        if not data:
            loop.remove_reader(fd)
            at_end()
            return
        keys.press(data.decode("utf-8", "replace"))

    loop.add_reader(fd, readable)
    stack.callback(loop.remove_reader, fd)
