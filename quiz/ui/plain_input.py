"""Reading one line of plain-mode input, shared by the plain asker and the plain wizard.

A line is read as bytes where the stream has them and decoded here, so that a line
that is not valid UTF-8 can be refused (and shown, escaped, as the bytes it was)
rather than taken as an answer or raised as a traceback. Whether the input is piped
(a script, whose lines are echoed) or typed by a person at a terminal (who is told
once how to stop) is decided here too.
"""

from __future__ import annotations

from typing import BinaryIO, TextIO

from quiz.format.text import escape_controls

# The stop rule of plain mode: no line is a command, since any line may be an answer
# (a text question's answer may well be "q"); the end of input stops.
STOP = "Ctrl-D on an empty line stops"
NOT_TEXT = "That line is not valid text (UTF-8); please type it again."
STOP_WORDS = frozenset({"q", "quit", "exit"})
QUIT_LABEL = "Quit"


class NotText(ValueError):
    """A line that is not valid UTF-8 text; ``shown`` is it with its bytes escaped."""

    def __init__(self, shown: str) -> None:
        super().__init__(shown)
        self.shown = shown


def is_piped(stream: TextIO) -> bool:
    """Whether ``stream`` is not a terminal: a script's lines, which a terminal did not echo."""
    try:
        return not stream.isatty()
    except (AttributeError, ValueError):
        return True


def read_line(stream: TextIO) -> str:
    """One line with its end (``""`` at the end of input), or :class:`NotText`."""
    raw: BinaryIO | None = getattr(stream, "buffer", None)
    if raw is not None:
        data = raw.readline()
        try:
            return data.decode(getattr(stream, "encoding", None) or "utf-8")
        except (UnicodeDecodeError, LookupError):
            raise NotText(shown_line(data.decode("utf-8", "surrogateescape"))) from None
    line = stream.readline()
    if any("\ud800" <= char <= "\udfff" for char in line):
        raise NotText(shown_line(line))  # a byte that was not UTF-8, read with surrogateescape
    return line


def shown_line(line: str) -> str:
    """A line as it is echoed: without its end, a tab as a space, and every control
    character (or byte that was not UTF-8) as an escape, ``\\x1b`` or ``\\xff``."""
    return escape_controls(line.rstrip("\r\n").replace("\t", " "))


def is_stop_word(line: str) -> bool:
    """Whether a refused line looks like an attempt to stop (``q``, ``quit``)."""
    return line.strip().casefold() in STOP_WORDS


def how_to_leave(labels: list[str]) -> str:
    """What a person at a list (the start screen, the menu after a game) is told: the
    number of its Quit entry, when it has one. No game is running there, so there is no
    game to stop and no answer to keep."""
    if QUIT_LABEL in labels:
        return f"Type {labels.index(QUIT_LABEL) + 1} to quit (or Ctrl-D on an empty line)."
    return "Ctrl-D on an empty line quits."
