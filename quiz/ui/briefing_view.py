"""A bank's briefing as a renderable: a panel in a terminal, plain lines otherwise.

The briefing is text from a file, so it goes in as :class:`rich.text.Text`, never as
markup: ``[bold]`` in a briefing stays text.
"""

from __future__ import annotations

import re

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from quiz.model import Bank
from quiz.ui.game_view import FRAME_WIDTH, frame_width

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"\s+")


def paragraphs(briefing: str) -> list[str]:
    """The paragraphs of a briefing: separated by blank lines, each joined into one line
    (so a pipe gets a paragraph per line and a terminal wraps it to its width)."""
    found = (_SPACES.sub(" ", part).strip() for part in _PARAGRAPH_BREAK.split(briefing))
    return [part for part in found if part]


def briefing_view(bank: Bank, *, plain: bool, width: int = FRAME_WIDTH) -> RenderableType:
    """The briefing of ``bank`` headed by its title, for a console ``width`` wide.

    ``plain`` gives lines only (a heading, then the paragraphs with a blank line between),
    for ``--plain``, pipes and screen readers; otherwise a panel as wide as the game's
    other frames (:func:`quiz.ui.game_view.frame_width`: lines of prose wider than
    that are hard to follow).
    """
    parts: list[RenderableType] = []
    for index, paragraph in enumerate(paragraphs(bank.briefing)):
        if index:
            parts.append(Text())
        parts.append(Text(paragraph))
    if plain:
        heading = Text.assemble(("Briefing: ", "quiz.heading"), (bank.title, "quiz.title"))
        return Group(heading, Text(), *parts)
    return Panel(
        Group(*parts),
        title=Text.assemble(
            ("Briefing · ", "quiz.muted"), (bank.title, "quiz.title"), overflow="ellipsis"
        ),
        title_align="left",
        border_style="quiz.muted",
        width=frame_width(width),
        padding=(1, 2) if width >= 60 else (0, 1),
    )
