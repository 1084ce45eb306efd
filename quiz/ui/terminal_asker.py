"""The interactive asker: questionary prompts with arrow keys, space and enter.

questionary (and prompt_toolkit under it) is imported only here, and only when a
game starts, so the commands that ask nothing start fast.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import questionary
from prompt_toolkit.application import Application
from prompt_toolkit.filters import is_done, to_filter
from prompt_toolkit.input import Input
from prompt_toolkit.layout import ConditionalContainer, HSplit, Layout, VerticalAlign, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.output import Output
from prompt_toolkit.styles import Style
from questionary import Choice, Separator
from questionary.prompts.common import InquirerControl
from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from quiz.game.engine import Outcome, Reply, Status, Turn
from quiz.model import Given, QuestionType
from quiz.ui import game_view as views

_HINT = "\x00hint"
_UNDO = "\x00undo"
_TIMEOUT = "\x00timeout"
HINT_TITLE = "Show the hint (halves the points)"
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
    }
)


class TimeUp(Exception):
    """The time limit ran out before the player answered."""


class QuestionaryAsker:
    """Asks each question with a questionary prompt and shows feedback with rich."""

    def __init__(
        self,
        console: Console,
        *,
        input: Input | None = None,
        output: Output | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.console = console
        self.io: dict[str, Any] = {"input": input, "output": output}
        self.clock = clock
        self.deadline: float | None = None

    # -- the Asker protocol ---------------------------------------------------------

    def ask(self, turn: Turn, status: Status) -> Reply:
        """Show the question and run the prompt for its type until there is an answer."""
        self.console.print()
        self.console.print(self._panel(turn, status))
        self.deadline = self.clock() + turn.time_limit if turn.time_limit is not None else None
        used_hint = False
        while True:
            try:
                given = self._ask_type(turn, offer_hint=bool(turn.question.hint) and not used_hint)
            except TimeUp:
                self.console.print(Text("Time is up!", style="quiz.wrong"))
                return Reply("", used_hint, timed_out=True)
            if given == _HINT:
                used_hint = True
                assert turn.question.hint is not None
                self.console.print(views.hint_text(turn.question.hint))
                continue
            return Reply(given, used_hint)

    def tell(self, outcome: Outcome) -> None:
        """Show the verdict in a coloured frame."""
        if outcome.late:
            style = "quiz.wrong"
        elif outcome.correct:
            style = "quiz.correct"
        else:
            style = "quiz.partial" if outcome.fraction > 0 else "quiz.wrong"
        self.console.print(Panel(views.feedback(outcome), border_style=style, expand=False))

    # -- prompts --------------------------------------------------------------------

    def pick(self, message: str, labels: list[str]) -> int:
        """A select prompt of the labels; the index of the one picked."""
        choices = [Choice(label, value=i) for i, label in enumerate(labels)]
        question = questionary.select(
            message,
            choices=choices,
            style=STYLE,
            use_jk_keys=False,
            instruction="(arrows, then Enter)",
            **self.io,
        )
        return int(question.unsafe_ask())

    def _panel(self, turn: Turn, status: Status) -> Panel:
        return Panel(
            Group(
                views.progress(turn, status),
                Text(),
                *((passage, Text()) if (passage := views.passage_text(turn)) else ()),
                views.prompt_text(turn),
                *(
                    (Text(), views.match_overview(turn))
                    if turn.question.type is QuestionType.MATCH
                    else ()
                ),
            ),
            title=Text(turn.bank_title, style="quiz.title"),
            title_align="left",
            border_style="quiz.muted",
        )

    def _ask_type(self, turn: Turn, offer_hint: bool) -> Given:
        question = turn.question
        match question.type:
            case QuestionType.SINGLE:
                picked: Given = self._select("Answer", list(turn.choices), offer_hint)
                return picked
            case QuestionType.BOOLEAN:
                choices = [
                    Choice("True (yes)", value=True, shortcut_key="y"),
                    Choice("False (no)", value=False, shortcut_key="n"),
                ]
                truth: Given = self._select(
                    "True or false?",
                    choices,
                    offer_hint,
                    shortcuts=True,
                    instruction="(y/n, then Enter)",
                )
                return truth
            case QuestionType.MULTI:
                return self._checkbox(turn, offer_hint)
            case QuestionType.TEXT:
                return self._typed(turn, offer_hint, number=False)
            case QuestionType.NUMBER:
                return self._typed(turn, offer_hint, number=True)
            case QuestionType.ORDER:
                return self._order(turn, offer_hint)
            case QuestionType.MATCH:
                return self._match(turn, offer_hint)

    def _select(
        self,
        message: str,
        choices: list[Any],
        offer_hint: bool,
        *,
        shortcuts: bool = False,
        instruction: str | None = None,
    ) -> Any:
        entries = list(choices)
        if offer_hint:
            entries += [Separator(), Choice(HINT_TITLE, value=_HINT, shortcut_key="h")]
        use_shortcuts = shortcuts or len(entries) <= 36
        if use_shortcuts and not shortcuts:
            entries = [
                Choice(c, value=c, shortcut_key=str(i)) if isinstance(c, str) and i <= 9 else c
                for i, c in enumerate(entries, start=1)
            ]
        prompt = questionary.select(
            message,
            choices=entries,
            style=STYLE,
            use_shortcuts=use_shortcuts,
            use_jk_keys=False,
            instruction=instruction or "(arrows or number, Enter)",
            **self.io,
        )
        return self._run(prompt)

    def _checkbox(self, turn: Turn, offer_hint: bool) -> Given:
        entries: list[Any] = [Choice(c, value=c) for c in turn.choices]
        if offer_hint:
            entries += [Separator(), Choice(HINT_TITLE, value=_HINT)]

        def valid(picked: list[Any]) -> bool | str:
            if _HINT in picked and len(picked) > 1:
                return "Pick the hint on its own, or only answers"
            return bool(picked) or "Pick at least one answer (Space to pick)"

        prompt = questionary.checkbox(
            "All that apply",
            choices=entries,
            style=STYLE,
            validate=valid,
            use_jk_keys=False,
            instruction="(Space picks, Enter)",
            **self.io,
        )
        picked = self._run(prompt)
        if _HINT in picked:
            return _HINT
        return tuple(c for c in turn.choices if c in picked)

    def _typed(self, turn: Turn, offer_hint: bool, *, number: bool) -> Given:
        from quiz.ui.plain_asker import InvalidInput, parse_number

        def valid(text: str) -> bool | str:
            if offer_hint and text.strip() == "?":
                return True
            if not text.strip():
                return "Please type an answer"
            if number:
                try:
                    parse_number(text)
                except InvalidInput as error:
                    return str(error)
            return True

        what = "Type a number" if number else "Type your answer"
        hint = ", or ? for the hint" if offer_hint else ""
        prompt = questionary.text(f"{what}{hint}:", style=STYLE, validate=valid, **self.io)
        text = str(self._run(prompt)).strip()
        if offer_hint and text == "?":
            return _HINT
        return parse_number(text) if number else text

    def _order(self, turn: Turn, offer_hint: bool) -> Given:
        placed: list[str] = []
        remaining = list(turn.items)
        while len(remaining) > 1:
            so_far = " → ".join(placed) if placed else "nothing yet"
            entries: list[Any] = list(remaining)
            if placed:
                entries += [
                    Separator(),
                    Choice("Undo the last pick", value=_UNDO, shortcut_key="u"),
                ]
            message = f"Position {len(placed) + 1} of {len(turn.items)}"
            picked = self._select(
                message,
                entries,
                offer_hint and not placed,
                instruction=f"(so far: {so_far})",
            )
            if picked == _HINT:
                return _HINT
            if picked == _UNDO:
                remaining.append(placed.pop())
                remaining.sort(key=turn.items.index)
                continue
            placed.append(picked)
            remaining.remove(picked)
        return tuple(placed + remaining)

    def _match(self, turn: Turn, offer_hint: bool) -> Given:
        from quiz.ui.match_prompt import ask_match

        return ask_match(turn, self._select, offer_hint, hint=_HINT, undo=_UNDO)

    # -- running a prompt, with the clock -------------------------------------------

    def _countdown_text(self) -> list[tuple[str, str]]:
        left = max(0.0, (self.deadline or 0.0) - self.clock())
        return [("class:timer", f" {views.seconds_text(left)} left ")]

    def _run(self, prompt: questionary.Question) -> Any:
        """Run a prompt; Ctrl-C raises KeyboardInterrupt, a time-out raises TimeUp."""
        _wrap_long_lines(prompt.application)
        if self.deadline is not None:
            left = self.deadline - self.clock()
            if left <= 0:
                raise TimeUp
            _arm_timer(prompt.application, left, text=self._countdown_text)
        answer = prompt.unsafe_ask()
        if answer == _TIMEOUT:
            raise TimeUp
        return answer


def _wrap_long_lines(app: Application[Any]) -> None:
    """Let long choices wrap onto the next line instead of being cut at the edge."""
    for window in app.layout.find_all_windows():
        if isinstance(window.content, InquirerControl):
            window.wrap_lines = to_filter(True)


def _arm_timer(
    app: Application[Any],
    seconds: float,
    *,
    text: Callable[[], list[tuple[str, str]]],
) -> None:
    """End ``app`` with the time-out value after ``seconds``; show a live countdown
    under the prompt while it runs (it goes away with the prompt)."""
    countdown = Window(FormattedTextControl(text), height=1)  # type: ignore[arg-type]
    live = ConditionalContainer(countdown, filter=~is_done)
    app.layout = Layout(
        HSplit([app.layout.container, live], align=VerticalAlign.TOP),
        focused_element=app.layout.current_window,
    )
    app.refresh_interval = 0.5

    def start() -> None:
        import asyncio

        def expire() -> None:
            if app.is_running and not app.is_done:
                app.exit(result=_TIMEOUT)

        asyncio.get_running_loop().call_later(seconds, expire)

    app.pre_run_callables.append(start)
