"""A remote player's plain screen (``ssh ... plain``): lines out, one answer a line in."""

from __future__ import annotations

import asyncio
import time

from rich.console import Console
from rich.text import Text

from quiz.game.engine import Status, Turn
from quiz.model import Given, QuestionType
from quiz.ui import game_view as views
from quiz.ui.host_view import shown_text
from quiz.ui.plain_asker import InvalidInput, instructions, parse_reply
from quiz.ui.remote_asker import ANSWER_MAX, Closed


class LineScreen:
    """Line-based play: every question as lines, one answer a line (``ssh ... plain``)."""

    def __init__(
        self, console: Console, lines: asyncio.Queue[str | None], player: str = ""
    ) -> None:
        self.console = console
        self.lines = lines
        self.player = player
        self.plain = True
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
        console.print(Text(turn.bank_title, style="quiz.title"))
        console.print(views.spoken_state(turn, status))
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
                # The message may quote the line: shown as every player-given text is.
                console.print(shown_text(str(error), "quiz.warning"))

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
