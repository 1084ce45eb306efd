"""The interactive asker: list prompts with arrow keys, Space and Enter; typed answers.

It decides what to ask for each type of question (a list, a list per position or per
pair, a typed line), with the hint and undo keys; :mod:`quiz.ui.timed_prompts` runs
those prompts under the time limit.
"""

from __future__ import annotations

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
from quiz.ui import feedback_view
from quiz.ui import game_view as views
from quiz.ui.list_prompt import STYLE, Entry, numbered_entries
from quiz.ui.text_prompt import answer_check, typed_message
from quiz.ui.timed_prompts import TimedPrompts, TimeUp

__all__ = ["STYLE", "QuestionaryAsker", "TerminalAsker"]

HINT = "\x00hint"
UNDO = "\x00undo"
HINT_KEYS = ("?", "h")


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
        self.pause = pause
        self.turn: Turn | None = None
        self.used_hint = False
        self.prompts = TimedPrompts(
            console,
            input=input,
            output=output,
            clock=clock,
            discard=input is None if discard is None else discard,
            notice=self._no_hint,
        )

    # -- the Asker protocol ---------------------------------------------------------

    def ask(self, turn: Turn, status: Status) -> Reply:
        """Show the question and run the prompt for its type until there is an answer."""
        self.console.print()
        self.console.print(views.question_panel(turn, status, self.console.width))
        limit = turn.time_limit
        self.prompts.deadline = self.prompts.clock() + limit if limit is not None else None
        self.turn, self.used_hint = turn, False
        try:
            given = self._ask_type(turn)
        except TimeUp:
            self.console.print(Text("Time is up!", style="quiz.wrong"))
            return Reply("", self.used_hint, timed_out=True)
        return Reply(given, self.used_hint)

    def tell(self, outcome: Outcome) -> None:
        """Show the verdict in a coloured frame; with ``pause``, wait for Enter."""
        self.console.print(feedback_view.feedback_panel(outcome, self.console.width))
        if self.pause and outcome.turn.number < outcome.turn.total:
            self.prompts.deadline = None
            self.prompts.pick_from_list(
                "Press Enter for the next question", [], footer=("q stops the game",)
            )

    def pick(self, message: str, labels: list[str]) -> int:
        """A list of the labels; the index of the one picked (``q`` raises Quit)."""
        self.prompts.deadline = None
        entries = [Entry(label, i, str(i + 1) if i < 9 else None) for i, label in enumerate(labels)]
        index = int(
            self.prompts.pick_from_list(
                message, entries, instruction="Arrows or a number, then Enter."
            )
        )
        self.prompts.echo(message, labels[index])
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
                self.prompts.echo("Answer", str(picked))
                return str(picked)
            case QuestionType.BOOLEAN:
                entries = [Entry("True (yes)", True, "y"), Entry("False (no)", False, "n")]
                truth = bool(self._question_list("True or false?", entries, "y or n, then Enter."))
                self.prompts.echo("Answer", "True" if truth else "False")
                return truth
            case QuestionType.MULTI:
                picked = self._question_list(
                    "All that apply",
                    numbered_entries(turn.choices),
                    "Space (or a number) picks, Enter answers.",
                    multi=True,
                )
                chosen = tuple(c for c in turn.choices if c in picked)
                # One pick a line: a comma could be part of a choice, a line end cannot.
                self.prompts.echo("Answer", "\n".join(chosen))
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
            picked = self.prompts.pick_from_list(
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
                last = self.prompts.last
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
            picked = self.prompts.pick_from_list(
                f"Position {len(placed) + 1} of {len(turn.items)}",
                entries,
                keys=keys,
                instruction=f"So far: {so_far}",
                footer=self._keys_line(undo=bool(placed)),
                pointer=self.prompts.last.pointer if self.prompts.last is not None and keep else 0,
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
        self.prompts.echo("Your order", " → ".join(order))
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
            instruction = f"Arrows or a number, then Enter ({rule})."
            if picks:
                keys["u"] = UNDO
                # As an order question does: what was picked so far, not only after u.
                instruction = f"So far: {_pairs_text(lefts, picks)}\n{instruction}"
            picked = self.prompts.pick_from_list(
                f"{len(picks) + 1}/{len(lefts)} {lefts[len(picks)]} →",
                numbered_entries([c for c in turn.choices if reuse or c not in picks]),
                keys=keys,
                instruction=instruction,
                footer=self._keys_line(undo=bool(picks)),
                pointer=self.prompts.last.pointer if self.prompts.last is not None and keep else 0,
            )
            keep = picked == HINT
            if picked == HINT:
                self._reveal()
            elif picked == UNDO:
                picks.pop()
            else:
                picks.append(str(picked))
        self.prompts.echo("Your pairs", _pairs_text(lefts, picks))
        return tuple(picks)

    def _typed(self, *, number: bool) -> Given:
        from quiz.ui.plain_asker import parse_number

        assert self.turn is not None
        has_hint = bool(self.turn.question.hint)

        check = answer_check(number=number, hint=has_hint, shown=lambda: self.used_hint)
        countdown = self.prompts.countdown if self.prompts.deadline is not None else None
        message = typed_message(
            number=number,
            offered=lambda: has_hint and not self.used_hint,
            countdown=countdown,
            width=lambda: max(self.prompts.width() - 10, 20),
        )

        while True:
            answer = self.prompts.typed_line(message, check)
            # Control characters typed (Ctrl-V Esc) stay text: \x1b.
            text = escape_controls(str(answer).strip())
            if text == "?":
                self._reveal()
                continue
            value = parse_number(text) if number else text
            self.prompts.echo("Answer", views.format_given(value))
            return value


def _pairs_text(lefts: list[str], picks: list[str]) -> str:
    """``Titan → Saturn, Europa → Jupiter``: each left picked so far with its pick."""
    return ", ".join(f"{left} → {pick}" for left, pick in zip(lefts, picks, strict=False))


# The name this asker had when its prompts were questionary's.
QuestionaryAsker = TerminalAsker
