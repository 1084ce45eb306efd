"""A plain player's typing (``ssh ... plain``): what they typed, assembled into lines, and
the echo their terminal is sent when it has no echo of its own (a pseudo-terminal).

The echo shows what was typed the way every player-given text is shown: control
characters and bidirectional controls as escapes (``\\x1b``), never as themselves.
Backspace (DEL or BS) takes back the last character of the line, and its echo.
"""

from __future__ import annotations

from prompt_toolkit.utils import get_cwidth

from quiz.format.text import escape_controls

LINE_MAX = 1024  # characters kept of one input line; the rest is dropped


class PlainTyping:
    """The line being typed; :meth:`feed` gives the lines completed and the echo."""

    def __init__(self) -> None:
        self.typed: list[str] = []
        self._after_cr = False

    def feed(self, data: str) -> tuple[list[str], str]:
        """The lines ``data`` completes (without their line ends) and the echo of it."""
        lines: list[str] = []
        echo: list[str] = []
        for char in data:
            after_cr, self._after_cr = self._after_cr, char == "\r"
            if char == "\n" and after_cr:
                continue  # CR LF is one line end
            if char in "\r\n":
                lines.append("".join(self.typed))
                self.typed = []
                echo.append("\r\n")
            elif char in "\x7f\b":
                if self.typed:
                    width = get_cwidth(escape_controls(self.typed.pop()))
                    echo.append("\b \b" * width)
            elif len(self.typed) < LINE_MAX:
                self.typed.append(char)
                echo.append(escape_controls(char))
        return lines, "".join(echo)
