"""A remote player's full-screen prompts, in the prompt_toolkit app session of their connection.

questionary's prompts run with ``run_async()`` inside the connection's app session (so
every player has their own prompts and output), with a live countdown under each one
while a question is open.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from rich.console import Console

from quiz.game.engine import Status, Turn
from quiz.model import Given, QuestionType, rights_reusable
from quiz.ui import game_view as views
from quiz.ui.plain_asker import InvalidInput, parse_number
from quiz.ui.remote_asker import ANSWER_MAX, Closed, question_panel

_CLOSED = "\x00closed"
_UNDO = "\x00undo"


class PromptScreen:
    """questionary prompts in the connection's prompt_toolkit app session."""

    def __init__(self, console: Console, player: str = "") -> None:
        self.console = console
        self.player = player
        self.app: Any = None
        self.deadline: float | None = None

    async def line(self, message: str, *, secret: bool = False) -> str:
        """A short text prompt."""
        import questionary

        def short(text: str) -> bool | str:
            return len(text) <= ANSWER_MAX or f"At most {ANSWER_MAX} characters"

        prompt = (questionary.password if secret else questionary.text)(message, validate=short)
        return str(await self._run(prompt))

    async def ask(self, turn: Turn, status: Status, deadline: float) -> Given:
        """The question's panel, then the prompt for its type."""
        self.console.print()
        self.console.print(question_panel(turn, status, self.player))
        self.deadline = deadline
        try:
            return await self._ask_type(turn)
        finally:
            self.deadline = None

    def close_question(self) -> None:
        """End the running prompt with the closed value."""
        app = self.app
        if app is not None and app.is_running and not app.is_done:
            app.exit(result=_CLOSED)

    async def _ask_type(self, turn: Turn) -> Given:
        import questionary
        from questionary import Choice

        match turn.question.type:
            case QuestionType.SINGLE:
                entries = [Choice(c, value=c, shortcut_key=str(i)) for i, c in _numbered(turn)]
                picked: Given = await self._select("Answer", entries, "(arrows or number, Enter)")
                return picked
            case QuestionType.BOOLEAN:
                choices = [
                    Choice("True (yes)", value=True, shortcut_key="y"),
                    Choice("False (no)", value=False, shortcut_key="n"),
                ]
                truth: Given = await self._select("True or false?", choices, "(y/n, then Enter)")
                return truth
            case QuestionType.MULTI:

                def some(picked: list[Any]) -> bool | str:
                    return bool(picked) or "Pick at least one answer (Space to pick)"

                prompt = questionary.checkbox(
                    "All that apply",
                    choices=list(turn.choices),
                    validate=some,
                    use_jk_keys=False,
                    instruction="(Space picks, Enter)",
                )
                picks = await self._run(prompt)
                return tuple(c for c in turn.choices if c in picks)
            case QuestionType.TEXT | QuestionType.NUMBER:
                return await self._typed(turn.question.type is QuestionType.NUMBER)
            case QuestionType.ORDER:
                return await self._order(turn)
            case QuestionType.MATCH:
                return await self._match(turn)

    async def _select(self, message: str, choices: list[Any], instruction: str) -> Any:
        import questionary

        prompt = questionary.select(
            message,
            choices=choices,
            use_shortcuts=len(choices) <= 9,
            use_jk_keys=False,
            instruction=instruction,
        )
        return await self._run(prompt)

    async def _typed(self, number: bool) -> Given:
        import questionary

        def valid(text: str) -> bool | str:
            if not text.strip():
                return "Please type an answer"
            if len(text) > ANSWER_MAX:
                return f"At most {ANSWER_MAX} characters"
            if number:
                try:
                    parse_number(text)
                except InvalidInput as error:
                    return str(error)
            return True

        what = "Type a number:" if number else "Type your answer:"
        text = str(await self._run(questionary.text(what, validate=valid))).strip()
        return parse_number(text) if number else text

    async def _order(self, turn: Turn) -> Given:
        from questionary import Choice, Separator

        placed: list[str] = []
        remaining = list(turn.items)
        while len(remaining) > 1:
            so_far = " → ".join(placed) if placed else "nothing yet"
            entries: list[Any] = list(remaining)
            if placed:
                entries += [Separator(), Choice("Undo the last pick", value=_UNDO)]
            message = f"Position {len(placed) + 1} of {len(turn.items)}"
            picked = await self._select(message, entries, f"(so far: {so_far})")
            if picked == _UNDO:
                remaining.append(placed.pop())
                remaining.sort(key=turn.items.index)
                continue
            placed.append(picked)
            remaining.remove(picked)
        return tuple(placed + remaining)

    async def _match(self, turn: Turn) -> Given:
        """One select per left, as the solo game asks (see TerminalAsker._match)."""
        from questionary import Choice, Separator

        lefts = [left for left, _ in turn.question.pairs]
        reuse = rights_reusable(turn.question)
        rule = "answers may be reused" if reuse else "each answer once"
        picks: list[str] = []
        while len(picks) < len(lefts):
            entries: list[Any] = [c for c in turn.choices if reuse or c not in picks]
            if picks:
                entries += [Separator(), Choice("Undo the last pick", value=_UNDO)]
            message = f"{len(picks) + 1}/{len(lefts)} {lefts[len(picks)]} →"
            picked = await self._select(message, entries, f"({rule}; Enter)")
            if picked == _UNDO:
                picks.pop()
            else:
                picks.append(picked)
        return tuple(picks)

    async def _run(self, prompt: Any) -> Any:
        """Run one prompt, with the countdown under it while a question is open."""
        app = prompt.application
        timers: list[asyncio.TimerHandle] = []
        if self.deadline is not None:
            if self.deadline - time.monotonic() <= 0:
                raise Closed
            _arm(app, self.deadline, timers)
        self.app = app
        try:
            # Not questionary's ask: the host's Ctrl-C is the host's, never a player's prompt's.
            answer = await app.run_async(handle_sigint=False, set_exception_handler=False)
        finally:
            self.app = None
            # A prompt answered early must not wait in the loop's timers (and keep its
            # whole Application alive) until its deadline passes.
            for timer in timers:
                timer.cancel()
        if answer == _CLOSED:
            raise Closed
        return answer


def _numbered(turn: Turn) -> list[tuple[int, str]]:
    return list(enumerate(turn.choices, start=1))


def _arm(app: Any, deadline: float, timers: list[asyncio.TimerHandle]) -> None:
    """A live countdown under the prompt, and the closed value at the deadline.

    The deadline's timer is added to ``timers`` once the prompt runs, to be cancelled
    when it ends.
    """
    from prompt_toolkit.filters import is_done
    from prompt_toolkit.layout import ConditionalContainer, HSplit, Layout, Window
    from prompt_toolkit.layout.controls import FormattedTextControl

    def left() -> list[tuple[str, str]]:
        seconds = max(0.0, deadline - time.monotonic())
        return [("fg:ansimagenta bold", f" {views.seconds_text(seconds)} left ")]

    control = FormattedTextControl(left)  # type: ignore[arg-type]
    timer = ConditionalContainer(Window(control, height=1), filter=~is_done)
    app.layout = Layout(
        HSplit([app.layout.container, timer]), focused_element=app.layout.current_window
    )
    app.refresh_interval = 1.0

    def start() -> None:
        def expire() -> None:
            if app.is_running and not app.is_done:
                app.exit(result=_CLOSED)

        loop = asyncio.get_running_loop()
        timers.append(loop.call_later(max(0.0, deadline - time.monotonic()), expire))

    app.pre_run_callables.append(start)
