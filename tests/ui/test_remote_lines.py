"""A remote player's plain screen (``ssh ... plain``), fed lines through its queue."""

from __future__ import annotations

import asyncio
import io
import random
import time

from rich.console import Console

from quiz.game.engine import GameOptions, Status, plan
from quiz.ui.remote_lines import LineScreen
from quiz.ui.theme import THEME
from tests.helpers import every_type_bank


def test_a_refused_line_is_quoted_with_its_escapes_shown() -> None:
    """A#14: the message about a line that is no answer quotes it escaped, never raw."""
    turn = plan([every_type_bank()], GameOptions(shuffle=False), random.Random(0))[0]
    out = io.StringIO()
    console = Console(file=out, width=80, color_system=None, theme=THEME, soft_wrap=True)

    async def scenario() -> object:
        lines: asyncio.Queue[str | None] = asyncio.Queue()
        for line in ("\x1b]52;c;QUJD\x1b\\\x9b2J\u202e", "1"):
            lines.put_nowait(line)
        return await LineScreen(console, lines).ask(turn, Status(), time.monotonic() + 5)

    assert asyncio.run(scenario()) == turn.choices[0]
    shown = out.getvalue()
    assert "'\\x1b]52;c;QUJD\\x1b\\\\x9b2J\\u202e' is not an option" in shown
    assert not {"\x1b", "\x9b", "\u202e"} & set(shown)
