"""A list prompt on prompt_toolkit: one pick (or several) from wrapped, numbered entries.

The game's own, rather than questionary's select and checkbox, so that it can wrap
long entries at word boundaries with a hanging indent at any width, keep the hint
and Undo outside the answers (as keys), show the countdown beside the question,
and offer the ways out a terminal program should: ``q``, Esc and Ctrl-D end
politely (:class:`Quit`), Ctrl-C interrupts, Ctrl-Z suspends.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from prompt_toolkit.application import Application
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.input import Input
from prompt_toolkit.input.typeahead import clear_typeahead
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.layout import Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.output import Output
from prompt_toolkit.styles import Style
from rich.cells import cell_len

from quiz.ui.signals import Quit
from quiz.ui.wrapping import wrap

TIMEOUT = object()
STYLE = Style.from_dict(
    {
        "qmark": "fg:ansicyan bold",
        "question": "bold",
        "answer": "fg:ansicyan bold",
        "pointer": "fg:ansicyan bold",
        "highlighted": "fg:ansicyan bold",
        "selected": "fg:ansigreen",
        "instruction": "fg:ansibrightblack",
        "timer": "fg:ansimagenta bold",
        "notice": "fg:ansiyellow",
    }
)


class Entry(NamedTuple):
    """One entry of a list: its text, the value it stands for and its shortcut key."""

    label: str
    value: object
    key: str | None = None


def numbered_entries(options: Sequence[str]) -> list[Entry]:
    """An entry for each option, standing for itself, with the keys 1 to 9."""
    return [
        Entry(option, option, str(i) if i <= 9 else None)
        for i, option in enumerate(options, start=1)
    ]


def press_enter(message: str, footer: Sequence[str] = ()) -> None:
    """Wait for Enter (``q``, Esc and Ctrl-D raise :class:`Quit`). Keys typed before
    it shows are dropped: an Enter meant for what came before must not skip it."""
    ListPrompt(message, [], footer=footer, discard=True).run()


def discard_typeahead(inp: Input) -> None:
    """Forget keys typed before now: those the terminal holds and those read ahead."""
    clear_typeahead(inp)
    try:
        import termios

        fd = inp.fileno()
        if os.isatty(fd):
            termios.tcflush(fd, termios.TCIFLUSH)
    except (ImportError, OSError, NotImplementedError, ValueError):
        pass


class ListPrompt:
    """Pick one entry (Enter) or several (Space, then Enter), or press one of ``keys``.

    ``instruction`` is shown under the message, a line for each of its lines.
    ``keys`` maps extra keys to the value :meth:`run` returns for them (the hint,
    Undo); ``footer`` lists what the keys do, on one line where it fits. ``status``
    gives text shown beside the message (the countdown), redrawn twice a second;
    ``seconds`` after the start the prompt returns :data:`TIMEOUT`.
    """

    def __init__(
        self,
        message: str,
        entries: Sequence[Entry],
        *,
        multi: bool = False,
        keys: dict[str, object] | None = None,
        footer: Sequence[str] = (),
        instruction: str = "",
        status: Callable[[], str] | None = None,
        seconds: float | None = None,
        notice: Callable[[object], str | None] | None = None,
        input: Input | None = None,
        output: Output | None = None,
        discard: bool = False,
        pointer: int = 0,
        picked: set[int] | None = None,
    ) -> None:
        self.message = message
        self.entries = list(entries)
        self.multi = multi
        self.keys = keys or {}
        self.footer = list(footer)
        self.instruction = instruction
        self.status = status
        self.seconds = seconds
        self.notice_for = notice
        self.pointer = pointer
        self.picked: set[int] = set(picked or ())
        self.notice = ""
        self.discard = discard
        self.app: Application[Any] = Application(
            layout=Layout(Window(FormattedTextControl(self._tokens, show_cursor=False))),
            key_bindings=self._bindings(),
            style=STYLE,
            erase_when_done=True,
            refresh_interval=0.5 if status is not None else None,
            input=input,
            output=output,
        )

    # -- drawing ---------------------------------------------------------------------

    def _width(self) -> int:
        return max(self.app.output.get_size().columns - 1, 20)

    def _tokens(self) -> StyleAndTextTuples:
        width = self._width()
        tokens: StyleAndTextTuples = []

        def lines(style: str, text: str, first: str = "", rest: str | None = None) -> None:
            for line in wrap(text, width, first, rest):
                tokens.append((style, line + "\n"))

        head = wrap(self.message, width, "? ")
        tokens.append(("class:qmark", "? "))
        tokens.append(("class:question", "\n".join(head)[2:]))
        shown = self.status() if self.status is not None else ""
        if shown:
            fits = cell_len(head[-1]) + 2 + cell_len(shown) <= width
            tokens.append(("class:timer", ("  " if fits else "\n  ") + shown))
        tokens.append(("", "\n"))
        for part in self.instruction.splitlines():
            lines("class:instruction", part, "  ")
        for index, entry in enumerate(self.entries):
            here = index == self.pointer
            mark = "»" if here else " "
            box = ("● " if index in self.picked else "○ ") if self.multi else ""
            key = f"{entry.key}) " if entry.key else ""
            first = f" {mark} {box}{key}"
            style = "class:highlighted" if here else ""
            if index in self.picked and not here:
                style = "class:selected"
            wrapped = wrap(entry.label, width, first)
            tokens.append(("class:pointer" if here else "", wrapped[0][: len(first)]))
            tokens.append((style, wrapped[0][len(first) :] + "\n"))
            for line in wrapped[1:]:
                tokens.append((style, line + "\n"))
        if self.footer:
            joined = " · ".join(self.footer)
            for part in [joined] if cell_len(joined) + 2 <= width else self.footer:
                lines("class:instruction", part, "  ")
        if self.notice:
            lines("class:notice", self.notice, "  ")
        if tokens and tokens[-1][1].endswith("\n"):
            tokens[-1] = (tokens[-1][0], tokens[-1][1][:-1])
        return tokens

    # -- keys ------------------------------------------------------------------------

    def _bindings(self) -> KeyBindings:
        bindings = KeyBindings()

        @bindings.add("up")
        @bindings.add("c-p")
        def _up(event: KeyPressEvent) -> None:
            self.pointer = (self.pointer - 1) % max(len(self.entries), 1)
            self.notice = ""

        @bindings.add("down")
        @bindings.add("c-n")
        @bindings.add("tab")
        def _down(event: KeyPressEvent) -> None:
            self.pointer = (self.pointer + 1) % max(len(self.entries), 1)
            self.notice = ""

        @bindings.add("enter")
        def _enter(event: KeyPressEvent) -> None:
            if self.multi:
                if not self.picked:
                    self.notice = "Pick at least one answer (Space picks), then Enter."
                    return
                chosen = [self.entries[i].value for i in sorted(self.picked)]
                self._finish(event, chosen)
            elif self.entries:
                self._finish(event, self.entries[self.pointer].value)
            else:
                self._finish(event, None)

        if self.multi:

            @bindings.add(" ")
            def _toggle(event: KeyPressEvent) -> None:
                self.picked ^= {self.pointer}
                self.notice = ""

        for index, entry in enumerate(self.entries):
            if entry.key:
                self._shortcut(bindings, entry.key, index)
        for key, value in self.keys.items():
            self._extra(bindings, key, value)

        @bindings.add("c-c")
        def _interrupt(event: KeyPressEvent) -> None:
            event.app.exit(exception=KeyboardInterrupt())

        @bindings.add("q")
        @bindings.add("escape", eager=True)
        @bindings.add("c-d")
        def _quit(event: KeyPressEvent) -> None:
            event.app.exit(exception=Quit("quit"))

        @bindings.add("c-z")
        def _suspend(event: KeyPressEvent) -> None:
            event.app.suspend_to_background()

        @bindings.add("<any>")
        def _other(event: KeyPressEvent) -> None:
            """Any other key does nothing (and is not an answer)."""

        return bindings

    def _shortcut(self, bindings: KeyBindings, key: str, index: int) -> None:
        @bindings.add(key)
        def _point(event: KeyPressEvent) -> None:
            self.pointer = index
            self.notice = ""
            if self.multi:
                self.picked ^= {index}

    def _extra(self, bindings: KeyBindings, key: str, value: object) -> None:
        @bindings.add(key)
        def _press(event: KeyPressEvent) -> None:
            said = self.notice_for(value) if self.notice_for else None
            if said:
                self.notice = said
                return
            self._finish(event, value)

    def _finish(self, event: KeyPressEvent, value: object) -> None:
        if not event.app.is_done:
            event.app.exit(result=value)

    # -- running ---------------------------------------------------------------------

    def run(self) -> Any:
        """Show the list until there is an answer; keys typed before it are dropped
        when ``discard`` is set (they were meant for what came before)."""
        if self.discard:
            discard_typeahead(self.app.input)
        return self.app.run(pre_run=self._arm)

    def _arm(self) -> None:
        if self.seconds is None:
            return
        app = self.app

        def expire() -> None:
            if app.is_running and not app.is_done:
                app.exit(result=TIMEOUT)

        asyncio.get_running_loop().call_later(max(self.seconds, 0.0), expire)
