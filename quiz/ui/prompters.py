"""The front ends of the question wizard (:mod:`quiz.ui.wizard`): what it needs of
one (:class:`Prompter`) and the two that ask, :class:`TerminalPrompter` (questionary:
select lists, a checkbox) and :class:`PlainPrompter` (one line at a time, for
``--plain``, pipes and screen readers). Ctrl-C, or the end of input, raises
``KeyboardInterrupt``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TextIO

Check = Callable[[str], str | None]  # an error message, or None when the text is fine


class Prompter(Protocol):
    """What the wizard needs from a front end."""

    def text(self, message: str, check: Check, default: str = "") -> str:
        """One line of text that ``check`` accepts."""

    def select(self, message: str, options: Sequence[str], default: int = 0) -> int:
        """The index of one of ``options``."""

    def checkbox(self, message: str, options: Sequence[str]) -> list[int]:
        """The indexes of one or more of ``options``."""

    def say(self, message: str) -> None:
        """Show a line of guidance."""


class TerminalPrompter:
    """Asks with questionary prompts (imported here: only ``quiz add`` needs them)."""

    def __init__(self) -> None:
        import questionary

        self.q: Any = questionary

    def text(self, message: str, check: Check, default: str = "") -> str:
        def valid(value: str) -> bool | str:
            problem = check(value)
            return True if problem is None else problem

        return str(self.q.text(message, default=default, validate=valid).unsafe_ask())

    def select(self, message: str, options: Sequence[str], default: int = 0) -> int:
        choices = [self.q.Choice(label, value=i) for i, label in enumerate(options)]
        picked = self.q.select(
            message, choices=choices, default=choices[default], use_jk_keys=False
        ).unsafe_ask()
        return int(picked)

    def checkbox(self, message: str, options: Sequence[str]) -> list[int]:
        choices = [self.q.Choice(label, value=i) for i, label in enumerate(options)]

        def valid(picked: list[int]) -> bool | str:
            return True if picked else "Pick at least one (Space marks a choice)."

        picked = self.q.checkbox(message, choices=choices, validate=valid).unsafe_ask()
        return [int(i) for i in picked]

    def say(self, message: str) -> None:
        print(message)


class PlainPrompter:
    """Asks one line at a time: options are numbered and chosen by number or text."""

    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout

    def _line(self, message: str) -> str:
        self.stdout.write(f"{message} ")
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            raise KeyboardInterrupt  # the end of input: stop, writing nothing
        return line.rstrip("\r\n")

    def text(self, message: str, check: Check, default: str = "") -> str:
        shown = f"{message} [{default}]" if default else message
        while True:
            value = self._line(shown) or default
            problem = check(value)
            if problem is None:
                return value
            self.say(problem)

    def _options(self, options: Sequence[str]) -> None:
        for number, option in enumerate(options, start=1):
            self.say(f"  {number}) {option}")

    def _index(self, word: str, options: Sequence[str]) -> int | None:
        if word.isdecimal() and 1 <= int(word) <= len(options):
            return int(word) - 1
        lowered = [o.casefold() for o in options]
        return lowered.index(word.casefold()) if word.casefold() in lowered else None

    def select(self, message: str, options: Sequence[str], default: int = 0) -> int:
        self.say(message)
        self._options(options)
        while True:
            word = self._line(f"Number [{default + 1}]:").strip() or str(default + 1)
            index = self._index(word, options)
            if index is not None:
                return index
            self.say(f"Please type a number from 1 to {len(options)}.")

    def checkbox(self, message: str, options: Sequence[str]) -> list[int]:
        self.say(message)
        self._options(options)
        while True:
            words = [w for w in re.split(r"[\s,]+", self._line("Numbers:").strip()) if w]
            picked = [self._index(w, options) for w in words]
            if picked and all(i is not None for i in picked):
                return sorted({i for i in picked if i is not None})
            self.say(f"Please type numbers from 1 to {len(options)}, like 1 3.")

    def say(self, message: str) -> None:
        self.stdout.write(message + "\n")
        self.stdout.flush()
