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

from quiz.ui.plain_input import NOT_TEXT, STOP, NotText, is_piped, read_line, shown_line

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
    """Asks one line at a time: options are numbered and chosen by number or by name
    (``text`` for ``text: type the answer``). Piped lines are echoed, escaped, as
    plain play echoes them; a person at a terminal is told once how to stop."""

    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.echo = is_piped(self.stdin)
        self.told_how_to_stop = False

    def _line(self, message: str) -> str:
        if not self.echo and not self.told_how_to_stop:
            self.told_how_to_stop = True
            self.say(f"({STOP}; nothing is written.)")
        while True:
            self.stdout.write(f"{message} ")
            self.stdout.flush()
            try:
                line = read_line(self.stdin)
            except NotText as refused:
                self.say(refused.shown if self.echo else "")
                self.say(NOT_TEXT)
                continue
            if not line:
                if self.echo:
                    self.say("")
                raise KeyboardInterrupt  # the end of input: stop, writing nothing
            if self.echo:
                self.say(shown_line(line))
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
        folded = word.casefold()
        for candidates in ([o.casefold() for o in options], names(options)):
            if candidates.count(folded) == 1:
                return candidates.index(folded)
        return None

    def select(self, message: str, options: Sequence[str], default: int = 0) -> int:
        self.say(message)
        self._options(options)
        named = [name for name in names(options) if name]
        asked = "Number or name" if named else "Number"
        also = f", or a name ({', '.join(named)})" if named else ""
        while True:
            word = self._line(f"{asked} [{default + 1}]:").strip() or str(default + 1)
            index = self._index(word, options)
            if index is not None:
                return index
            self.say(f"Please type a number from 1 to {len(options)}{also}.")

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


def names(options: Sequence[str]) -> list[str]:
    """The name of each option written ``name: what it is`` (casefolded; ``""`` for
    one written otherwise): ``text`` picks ``text: type the answer``."""
    return [o.split(": ", 1)[0].casefold() if ": " in o else "" for o in options]
