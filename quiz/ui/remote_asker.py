"""A remote player's screen: questions, answers and reveals over one SSH session.

Two screens share one interface. :class:`PromptScreen` runs questionary's prompts
with ``ask_async()`` inside the prompt_toolkit app session of the connection (so
every player has their own prompts) and draws with rich on the session's output.
:class:`LineScreen` (``ssh ... plain``) prints lines and reads one answer a line,
as ``--plain`` does. Both show the solo game's renderables (quiz.ui.game_view).

Every wait is bounded by the question's deadline, and :meth:`Screen.close_question`
ends a prompt at once when the host closes the question.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, Protocol, TextIO

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from quiz.game.engine import Outcome, Status, Turn
from quiz.model import Given, QuestionType, rights_reusable
from quiz.ui import game_view as views
from quiz.ui.host_view import shown_name
from quiz.ui.plain_asker import InvalidInput, instructions, parse_number, parse_reply
from quiz.ui.theme import THEME

ANSWER_MAX = 200  # characters of a typed answer, a join code or a nickname
_CLOSED = "\x00closed"
_UNDO = "\x00undo"


class Closed(Exception):
    """The question closed (time up, or the host moved on) before an answer."""


class Screen(Protocol):
    """What the server needs from a player's screen."""

    console: Console

    async def ask(self, turn: Turn, status: Status, deadline: float) -> Given:
        """Put the question; the answer, or raise Closed."""

    async def line(self, message: str, *, secret: bool = False) -> str:
        """One line of text (join code, nickname), at most ANSWER_MAX characters."""

    def close_question(self) -> None:
        """End the prompt that is running, if any (its ask raises Closed)."""


def make_console(stream: TextIO, width: int, *, plain: bool, term: str | None) -> Console:
    """A console writing to a player's session, with the game's theme."""
    dumb = plain or (term or "").lower() in ("", "dumb")
    # Plain lines are not wrapped at an imagined width: the player's terminal or
    # screen reader wraps them as it likes (as --plain does into a pipe).
    return Console(
        soft_wrap=plain,
        file=stream,
        width=max(20, min(width or 80, 200)),
        theme=THEME,
        force_terminal=not plain,
        color_system=None if dumb else "standard",
        highlight=False,
        emoji=False,
        no_color=dumb,
    )


def question_panel(turn: Turn, status: Status, player: str) -> Panel:
    """The question as the solo game frames it, with the player's name in the title."""
    title = Text.assemble((turn.bank_title, "quiz.title"), " · ", shown_name(player))
    return Panel(
        Group(views.progress(turn, status), Text(), views.prompt_text(turn)),
        title=title,
        title_align="left",
        border_style="quiz.muted",
    )


def reveal_view(outcome: Outcome | None, rank: int | None, players: int) -> RenderableType:
    """What a player sees at the reveal: right or wrong, the explanation, points, rank."""
    place = Text(f"Rank {rank} of {players}" if rank else "Not ranked", style="quiz.heading")
    if outcome is None:
        return Group(Text("You were not in this question.", style="quiz.muted"), place)
    if outcome.reply.timed_out:
        style = "quiz.wrong"
    elif outcome.correct:
        style = "quiz.correct"
    else:
        style = "quiz.partial" if outcome.fraction > 0 else "quiz.wrong"
    score = Text(f"Score {outcome.status.score}", style="quiz.points")
    body = Group(views.feedback(outcome), Text(), Text.assemble(score, " · ", place))
    return Panel(body, border_style=style, expand=False)


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
        _share_default_bindings(app)
        if self.deadline is not None:
            if self.deadline - time.monotonic() <= 0:
                raise Closed
            _arm(app, self.deadline)
        self.app = app
        try:
            # Not questionary's ask: the host's Ctrl-C is the host's, never a player's prompt's.
            answer = await app.run_async(handle_sigint=False, set_exception_handler=False)
        finally:
            self.app = None
        if answer == _CLOSED:
            raise Closed
        return answer


_DEFAULTS: dict[str, Any] = {}


def _share_default_bindings(app: Any) -> None:
    """Every prompt of every player uses one copy of prompt_toolkit's default key bindings.

    Each Application builds its own (some 700 bindings, with their filters and caches):
    with fifty players answering at once that is most of the host's memory. The
    defaults hold no state of their own, so one copy serves every prompt.
    """
    shared = _DEFAULTS.setdefault("keys", app._default_bindings)
    app._default_bindings = shared


def _numbered(turn: Turn) -> list[tuple[int, str]]:
    return list(enumerate(turn.choices, start=1))


def _arm(app: Any, deadline: float) -> None:
    """A live countdown under the prompt, and the closed value at the deadline."""
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

        asyncio.get_running_loop().call_at(
            asyncio.get_running_loop().time() + max(0.0, deadline - time.monotonic()), expire
        )

    app.pre_run_callables.append(start)


class LineScreen:
    """Line-based play: every question as lines, one answer a line (``ssh ... plain``)."""

    def __init__(
        self, console: Console, lines: asyncio.Queue[str | None], player: str = ""
    ) -> None:
        self.console = console
        self.lines = lines
        self.player = player
        self._closed = asyncio.Event()

    async def line(self, message: str, *, secret: bool = False) -> str:
        """Print the message and read one line."""
        self.console.print(Text(message, style="quiz.heading"))
        return (await self._read(None))[:ANSWER_MAX]

    async def ask(self, turn: Turn, status: Status, deadline: float) -> Given:
        """Print the question and read lines until one answers it (or it closes)."""
        console = self.console
        self._closed.clear()
        console.print()
        console.print(views.header(turn, status))
        console.print(views.prompt_text(turn))
        if turn.question.type in (QuestionType.SINGLE, QuestionType.MULTI):
            console.print(views.numbered(turn.choices))
        elif turn.question.type is QuestionType.ORDER:
            console.print(views.numbered(turn.items))
        left = views.seconds_text(max(0.0, deadline - time.monotonic()))
        console.print(Text(f"{instructions(turn)} ({left} left)", style="quiz.muted"))
        while True:
            text = await self._read(deadline)
            try:
                return parse_reply(turn, text[:ANSWER_MAX])
            except InvalidInput as error:
                console.print(Text(str(error), style="quiz.warning"))

    def close_question(self) -> None:
        """Wake the reader: the question is over."""
        self._closed.set()

    async def _read(self, deadline: float | None) -> str:
        self.console.print(Text("> ", style="quiz.muted"), end="")
        getter = asyncio.ensure_future(self.lines.get())
        closer = asyncio.ensure_future(self._closed.wait())
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        try:
            done, _ = await asyncio.wait(
                {getter, closer}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            closer.cancel()
            if not getter.done():
                getter.cancel()
        if getter not in done:
            self.console.print()
            raise Closed
        line = getter.result()
        if line is None:
            raise EOFError
        return line
