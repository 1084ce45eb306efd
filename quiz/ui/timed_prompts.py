"""The terminal asker's prompts, under the question's time limit: a list prompt and a
typed line that give up when the time is up, the countdown they show, and the echo of
what was answered once a prompt is gone.

prompt_toolkit is imported only by the askers and the prompts, and only when a game
starts, so the commands that ask nothing start fast.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.input import Input
from prompt_toolkit.output import Output
from rich.console import Console
from rich.text import Text

from quiz.ui import game_view as views
from quiz.ui.list_prompt import TIMEOUT, Entry, ListPrompt
from quiz.ui.text_prompt import ask_line


class TimeUp(Exception):
    """The time limit ran out before the player answered."""


class TimedPrompts:
    """Runs the prompts of one player's game until ``deadline`` (a time of ``clock``;
    None for no limit), raising :class:`TimeUp` when it passes.

    ``notice`` tells a list prompt why a key does nothing (or None when it does);
    ``discard`` drops keys typed before a prompt appears. ``last`` is the list prompt
    run last, so that the same list can be shown again with its pointer kept.
    """

    def __init__(
        self,
        console: Console,
        *,
        input: Input | None,
        output: Output | None,
        clock: Callable[[], float],
        discard: bool,
        notice: Callable[[object], str | None],
    ) -> None:
        self.console = console
        self.input = input
        self.output = output
        self.clock = clock
        self.discard = discard
        self.notice = notice
        self.deadline: float | None = None
        self.last: ListPrompt | None = None
        if output is None:
            # Cursor position requests are not needed (the prompts sit at the bottom of
            # what was printed) and some terminals never answer them.
            os.environ.setdefault("PROMPT_TOOLKIT_NO_CPR", "1")

    def left(self) -> float | None:
        """The seconds left before the deadline, or None when there is none."""
        return None if self.deadline is None else self.deadline - self.clock()

    def countdown(self) -> str:
        """The time left, as a prompt's status line shows it."""
        return f"{views.seconds_text(max(0.0, self.left() or 0.0))} left"

    def pick_from_list(self, message: str, entries: list[Entry], **options: Any) -> Any:
        """Run a list prompt; a time-out raises TimeUp."""
        left = self.left()
        if left is not None and left <= 0:
            raise TimeUp
        prompt = ListPrompt(
            message,
            entries,
            status=self.countdown if left is not None else None,
            seconds=left,
            notice=self.notice,
            input=self.input,
            output=self.output,
            discard=self.discard,
            **options,
        )
        self.last = prompt
        answer = prompt.run()
        if answer is TIMEOUT:
            raise TimeUp
        return answer

    def typed_line(
        self, message: Callable[[], StyleAndTextTuples], check: Callable[[str], str | None]
    ) -> object:
        """Ask for a typed line; a time-out raises TimeUp."""
        left = self.left()
        if left is not None and left <= 0:
            raise TimeUp
        answer = ask_line(
            message,
            check,
            seconds=left,
            input=self.input,
            output=self.output,
            discard=self.discard,
        )
        if answer is TIMEOUT:
            raise TimeUp
        return answer

    def echo(self, label: str, value: str) -> None:
        """What was really answered, after the prompt is gone (wrapped under itself)."""
        from rich.table import Table

        grid = Table.grid()
        grid.add_column(style="quiz.muted", no_wrap=True)
        grid.add_column(style="quiz.heading")
        grid.add_row(f"{label}: ", Text(value))
        self.console.print(grid)

    def width(self) -> int:
        """The width of the screen the prompts are drawn on."""
        if self.output is not None:
            return self.output.get_size().columns
        return self.console.width
