"""The interactive asker: list prompts with arrow keys, Space and Enter; typed answers.

prompt_toolkit is imported only here (and in the list prompt), and only when a game
starts, so the commands that ask nothing start fast.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

from prompt_toolkit.input import Input
from prompt_toolkit.output import Output
from rich.console import Console
from rich.text import Text

from quiz.format.text import escape_controls
from quiz.game.engine import Outcome, Reply, Status, Turn
from quiz.model import Given, QuestionType, rights_reusable
from quiz.ui import game_view as views
from quiz.ui.list_prompt import STYLE, TIMEOUT, Entry, ListPrompt, numbered_entries
from quiz.ui.text_prompt import answer_check, ask_line, typed_message

__all__ = ["STYLE", "QuestionaryAsker", "TerminalAsker"]

HINT = "\x00hint"
UNDO = "\x00undo"
HINT_KEYS = ("?", "h")


class TimeUp(Exception):
    """The time limit ran out before the player answered."""


class TerminalAsker:
    """Asks each question with a prompt_toolkit prompt and shows feedback with rich.

    ``discard`` drops keys typed before a question appears (a spare Enter meant for
    the feedback must not answer the next question); it is on at a real terminal.
    ``pause`` waits for Enter after each answer's feedback.
    """

    def __init__(
        self,
        console: Console,
        *,
        input: Input | None = None,
        output: Output | None = None,
        clock: Callable[[], float] = time.monotonic,
        pause: bool = False,
        discard: bool | None = None,
    ) -> None:
        self.console = console
        self.input = input
        self.output = output
        self.clock = clock
        self.pause = pause
        self.discard = input is None if discard is None else discard
        self.deadline: float | None = None
        self.turn: Turn | None = None
        self.used_hint = False
        self.last: ListPrompt | None = None
        if output is None:
            # Cursor position requests are not needed (the prompts sit at the bottom of
            # what was printed) and some terminals never answer them.
            os.environ.setdefault("PROMPT_TOOLKIT_NO_CPR", "1")

    # -- the Asker protocol ---------------------------------------------------------

    def ask(self, turn: Turn, status: Status) -> Reply:
        """Show the question and run the prompt for its type until there is an answer."""
        self.console.print()
        self.console.print(views.question_panel(turn, status, self.console.width))
        self.deadline = self.clock() + turn.time_limit if turn.time_limit is not None else None
        self.turn, self.used_hint = turn, False
        try:
            given = self._ask_type(turn)
        except TimeUp:
            self.console.print(Text("Time is up!", style="quiz.wrong"))
            return Reply("", self.used_hint, timed_out=True)
        return Reply(given, self.used_hint)

    def tell(self, outcome: Outcome) -> None:
        """Show the verdict in a coloured frame; with ``pause``, wait for Enter."""
        self.console.print(views.feedback_panel(outcome, self.console.width))
        if self.pause and outcome.turn.number < outcome.turn.total:
            self.deadline = None
            self._list("Press Enter for the next question", [], footer=("q stops the game",))

    def pick(self, message: str, labels: list[str]) -> int:
        """A list of the labels; the index of the one picked (``q`` raises Quit)."""
        self.deadline = None
        entries = [Entry(label, i, str(i + 1) if i < 9 else None) for i, label in enumerate(labels)]
        index = int(self._list(message, entries, instruction="Arrows or a number, then Enter."))
        self._echo(message, labels[index])
        return index

    # -- the question ---------------------------------------------------------------

    def _reveal(self) -> None:
        """Show the hint (once); using it halves the question's points."""
        assert self.turn is not None and self.turn.question.hint is not None
        self.used_hint = True
        self.console.print(views.hint_text(self.turn.question.hint))

    def _no_hint(self, value: object) -> str | None:
        """Why the hint key does nothing, or None when it shows the hint."""
        if value != HINT or self.turn is None:
            return None
        if not self.turn.question.hint:
            return "This question has no hint."
        return "The hint is shown above." if self.used_hint else None

    def _keys_line(self, *, undo: bool = False) -> tuple[str, ...]:
        parts = []
        if self.turn is not None and self.turn.question.hint and not self.used_hint:
            parts.append("? shows the hint (halves the points)")
        if undo:
            parts.append("u undoes the last pick")
        parts.append("q stops the game")
        return tuple(parts)

    def _ask_type(self, turn: Turn) -> Given:
        question = turn.question
        match question.type:
            case QuestionType.SINGLE:
                entries = [
                    Entry(c, c, str(i) if i <= 9 else None)
                    for i, c in enumerate(turn.choices, start=1)
                ]
                picked = self._question_list("Answer", entries, "Arrows or a number, then Enter.")
                self._echo("Answer", str(picked))
                return str(picked)
            case QuestionType.BOOLEAN:
                entries = [Entry("True (yes)", True, "y"), Entry("False (no)", False, "n")]
                truth = bool(self._question_list("True or false?", entries, "y or n, then Enter."))
                self._echo("Answer", "True" if truth else "False")
                return truth
            case QuestionType.MULTI:
                picked = self._question_list(
                    "All that apply",
                    numbered_entries(turn.choices),
                    "Space (or a number) picks, Enter answers.",
                    multi=True,
                )
                chosen = tuple(c for c in turn.choices if c in picked)
                self._echo("Answer", ", ".join(chosen))
                return chosen
            case QuestionType.TEXT:
                return self._typed(number=False)
            case QuestionType.NUMBER:
                return self._typed(number=True)
            case QuestionType.ORDER:
                return self._order(turn)
            case QuestionType.MATCH:
                return self._match(turn)

    def _question_list(
        self, message: str, entries: list[Entry], instruction: str, *, multi: bool = False
    ) -> Any:
        state: dict[str, Any] = {}
        while True:
            keys: dict[str, object] = dict.fromkeys(HINT_KEYS, HINT)
            picked = self._list(
                message,
                entries,
                multi=multi,
                keys=keys,
                instruction=instruction,
                footer=self._keys_line(),
                **state,
            )
            if picked == HINT:
                # The same list again, as it was: the pointer and the ticks kept.
                last = self.last
                state = {"pointer": last.pointer, "picked": last.picked} if last else {}
                self._reveal()
                continue
            return picked

    def _order(self, turn: Turn) -> Given:
        placed: list[str] = []
        remaining = list(turn.items)
        keep = False
        while len(remaining) > 1:
            entries = numbered_entries(remaining)
            keys: dict[str, object] = dict.fromkeys(HINT_KEYS, HINT)
            if placed:
                keys["u"] = UNDO
            so_far = " → ".join(placed) if placed else "nothing yet"
            picked = self._list(
                f"Position {len(placed) + 1} of {len(turn.items)}",
                entries,
                keys=keys,
                instruction=f"So far: {so_far}",
                footer=self._keys_line(undo=bool(placed)),
                pointer=self.last.pointer if self.last is not None and keep else 0,
            )
            keep = picked == HINT
            if picked == HINT:
                self._reveal()
            elif picked == UNDO:
                remaining.append(placed.pop())
                remaining.sort(key=turn.items.index)
            else:
                placed.append(str(picked))
                remaining.remove(str(picked))
        order = tuple(placed + remaining)
        self._echo("Your order", " → ".join(order))
        return order

    def _match(self, turn: Turn) -> Given:
        """One list per left, its rights to pick from; a right already picked is offered
        again only when the question lets one right serve several lefts."""
        lefts = [left for left, _ in turn.question.pairs]
        reuse = rights_reusable(turn.question)
        rule = "answers may be reused" if reuse else "each answer once"
        picks: list[str] = []
        keep = False
        while len(picks) < len(lefts):
            keys: dict[str, object] = dict.fromkeys(HINT_KEYS, HINT)
            if picks:
                keys["u"] = UNDO
            picked = self._list(
                f"{len(picks) + 1}/{len(lefts)} {lefts[len(picks)]} →",
                numbered_entries([c for c in turn.choices if reuse or c not in picks]),
                keys=keys,
                instruction=f"Arrows or a number, then Enter ({rule}).",
                footer=self._keys_line(undo=bool(picks)),
                pointer=self.last.pointer if self.last is not None and keep else 0,
            )
            keep = picked == HINT
            if picked == HINT:
                self._reveal()
            elif picked == UNDO:
                picks.pop()
            else:
                picks.append(str(picked))
        self._echo("Your pairs", ", ".join(f"{a} → {b}" for a, b in zip(lefts, picks, strict=True)))
        return tuple(picks)

    # -- prompts --------------------------------------------------------------------

    def _left(self) -> float | None:
        return None if self.deadline is None else self.deadline - self.clock()

    def _countdown(self) -> str:
        return f"{views.seconds_text(max(0.0, self._left() or 0.0))} left"

    def _list(self, message: str, entries: list[Entry], **options: Any) -> Any:
        """Run a list prompt; a time-out raises TimeUp."""
        left = self._left()
        if left is not None and left <= 0:
            raise TimeUp
        prompt = ListPrompt(
            message,
            entries,
            status=self._countdown if left is not None else None,
            seconds=left,
            notice=self._no_hint,
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

    def _echo(self, label: str, value: str) -> None:
        """What was really answered, after the prompt is gone (wrapped under itself)."""
        from rich.table import Table

        grid = Table.grid()
        grid.add_column(style="quiz.muted", no_wrap=True)
        grid.add_column(style="quiz.heading")
        grid.add_row(f"{label}: ", Text(value))
        self.console.print(grid)

    def _typed(self, *, number: bool) -> Given:
        from quiz.ui.plain_asker import parse_number

        assert self.turn is not None
        has_hint = bool(self.turn.question.hint)

        check = answer_check(number=number, hint=has_hint, shown=lambda: self.used_hint)
        countdown = self._countdown if self.deadline is not None else None
        message = typed_message(
            number=number,
            offered=lambda: has_hint and not self.used_hint,
            countdown=countdown,
            width=lambda: max(self._width() - 10, 20),
        )

        while True:
            left = self._left()
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
            # Control characters typed (Ctrl-V Esc) stay text: \x1b.
            text = escape_controls(str(answer).strip())
            if text == "?":
                self._reveal()
                continue
            value = parse_number(text) if number else text
            self._echo("Answer", views.format_given(value))
            return value

    def _width(self) -> int:
        if self.output is not None:
            return self.output.get_size().columns
        return self.console.width


# The name this asker had when its prompts were questionary's.
QuestionaryAsker = TerminalAsker
