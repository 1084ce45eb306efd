"""A remote player's full-screen prompts, in the prompt_toolkit app session of their connection.

The prompts run with ``run_async()`` inside the connection's app session (so every
player has their own prompts and output), with a live countdown while a question is
open. Lists are the solo game's (quiz.ui.list_prompt): long entries wrap between words
at the player's width. The keys that end a solo game (``q``, Esc, Ctrl-C, Ctrl-D,
Ctrl-Z) do nothing here: they are the host's to use, and a player leaves by closing ssh.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from rich.console import Console

from quiz.format.text import BIDI_CONTROLS
from quiz.game.engine import Status, Turn
from quiz.model import Given, QuestionType, rights_reusable
from quiz.ui import game_view as views
from quiz.ui.list_prompt import Entry, ListPrompt, numbered_entries
from quiz.ui.plain_asker import InvalidInput, parse_number
from quiz.ui.remote_asker import ANSWER_MAX, Closed, question_panel

_CLOSED = "\x00closed"
_UNDO = "\x00undo"


def show_bidi_controls() -> None:
    """Make prompt_toolkit show a bidirectional control typed or pasted at a prompt as
    ``<202e>``, as it shows ESC as ``^[`` and C1 controls as ``<9b>``, never as itself."""
    from prompt_toolkit.layout.screen import Char

    for char in BIDI_CONTROLS:
        Char.display_mappings.setdefault(char, f"<{ord(char):x}>")


class PromptScreen:
    """questionary prompts in the connection's prompt_toolkit app session."""

    def __init__(self, console: Console, player: str = "") -> None:
        show_bidi_controls()
        self.console = console
        self.player = player
        self.plain = False
        self.app: Any = None
        self.deadline: float | None = None

    async def line(self, message: str, *, secret: bool = False) -> str:
        """A short text prompt."""
        import questionary

        def short(text: str) -> bool | str:
            return len(text) <= ANSWER_MAX or f"At most {ANSWER_MAX} characters"

        prompt = (questionary.password if secret else questionary.text)(message, validate=short)
        return str(await self._run(prompt.application))

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
        match turn.question.type:
            case QuestionType.SINGLE:
                picked: Given = await self._list(
                    "Answer", numbered_entries(turn.choices), "Arrows or a number, then Enter."
                )
                return picked
            case QuestionType.BOOLEAN:
                entries = [Entry("True (yes)", True, "y"), Entry("False (no)", False, "n")]
                truth: Given = await self._list("True or false?", entries, "y or n, then Enter.")
                return truth
            case QuestionType.MULTI:
                picks = await self._list(
                    "All that apply",
                    numbered_entries(turn.choices),
                    "Space (or a number) picks, Enter answers.",
                    multi=True,
                )
                return tuple(c for c in turn.choices if c in picks)
            case QuestionType.TEXT | QuestionType.NUMBER:
                return await self._typed(turn.question.type is QuestionType.NUMBER)
            case QuestionType.ORDER:
                return await self._order(turn)
            case QuestionType.MATCH:
                return await self._match(turn)

    async def _list(
        self,
        message: str,
        entries: list[Entry],
        instruction: str,
        *,
        multi: bool = False,
        undo: bool = False,
    ) -> Any:
        """The solo game's list prompt (wrapped entries), with ``u`` for Undo when asked."""
        prompt = ListPrompt(
            message,
            entries,
            multi=multi,
            keys={"u": _UNDO} if undo else None,
            footer=("u undoes the last pick",) if undo else (),
            instruction=instruction,
            status=self._countdown if self.deadline is not None else None,
        )
        return await self._run(prompt.app, listing=True)

    def _countdown(self) -> str:
        seconds = max(0.0, (self.deadline or 0.0) - time.monotonic())
        return f"{views.seconds_text(seconds)} left"

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
        prompt = questionary.text(what, validate=valid)
        text = str(await self._run(prompt.application)).strip()
        return parse_number(text) if number else text

    async def _order(self, turn: Turn) -> Given:
        placed: list[str] = []
        remaining = list(turn.items)
        while len(remaining) > 1:
            so_far = " → ".join(placed) if placed else "nothing yet"
            message = f"Position {len(placed) + 1} of {len(turn.items)}"
            entries = numbered_entries(remaining)
            picked = await self._list(message, entries, f"So far: {so_far}", undo=bool(placed))
            if picked == _UNDO:
                remaining.append(placed.pop())
                remaining.sort(key=turn.items.index)
                continue
            placed.append(picked)
            remaining.remove(picked)
        return tuple(placed + remaining)

    async def _match(self, turn: Turn) -> Given:
        """One list per left, as the solo game asks (see TerminalAsker._match)."""
        lefts = [left for left, _ in turn.question.pairs]
        reuse = rights_reusable(turn.question)
        rule = "answers may be reused" if reuse else "each answer once"
        picks: list[str] = []
        while len(picks) < len(lefts):
            entries = numbered_entries([c for c in turn.choices if reuse or c not in picks])
            message = f"{len(picks) + 1}/{len(lefts)} {lefts[len(picks)]} →"
            instruction = f"Arrows or a number, then Enter ({rule})."
            picked = await self._list(message, entries, instruction, undo=bool(picks))
            if picked == _UNDO:
                picks.pop()
            else:
                picks.append(picked)
        return tuple(picks)

    async def _run(self, app: Any, *, listing: bool = False) -> Any:
        """Run one prompt until the deadline, with the countdown under it (a list
        prompt, ``listing``, shows its own beside the question)."""
        timers: list[asyncio.TimerHandle] = []
        if self.deadline is not None:
            if self.deadline - time.monotonic() <= 0:
                raise Closed
            _arm(app, self.deadline, timers, countdown=not listing)
        app.key_bindings = merge_key_bindings([app.key_bindings, _inert_keys(listing)])
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


def _inert_keys(listing: bool) -> KeyBindings:
    """The keys that end a solo game, doing nothing (a KeyboardInterrupt raised in a
    player's task would end the host's whole night); ``q`` and Esc too in a list."""
    bindings = KeyBindings()
    for key in ("c-c", "c-d", "c-z", *(("q", "escape") if listing else ())):
        bindings.add(key, eager=True)(_nothing)
    return bindings


def _nothing(event: KeyPressEvent) -> None:
    """A key that does nothing."""


def _arm(app: Any, deadline: float, timers: list[asyncio.TimerHandle], *, countdown: bool) -> None:
    """The closed value at the deadline, and (with ``countdown``) a live countdown under
    the prompt.

    The deadline's timer is added to ``timers`` once the prompt runs, to be cancelled
    when it ends.
    """
    if countdown:
        _countdown_under(app, deadline)

    def start() -> None:
        def expire() -> None:
            if app.is_running and not app.is_done:
                app.exit(result=_CLOSED)

        loop = asyncio.get_running_loop()
        timers.append(loop.call_later(max(0.0, deadline - time.monotonic()), expire))

    app.pre_run_callables.append(start)


def _countdown_under(app: Any, deadline: float) -> None:
    """A line under the prompt with the seconds left, redrawn every second."""
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
