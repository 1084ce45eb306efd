"""The briefing: a panel in a terminal, plain lines otherwise; offered before play."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from quiz.model import Bank
from quiz.ui.briefing_view import briefing_view, paragraphs
from quiz.ui.game_view import FRAME_WIDTH
from quiz.ui.session import Session
from quiz.ui.theme import THEME
from tests.helpers import every_type_bank

BRIEFING = """\
The crew [bold]flew[/bold]
from Baikonur.

   \t
It was a long way to go, and the words of this paragraph run on well past forty columns.
"""


def bank(briefing: str = BRIEFING) -> Bank:
    plain = every_type_bank()
    return Bank(plain.name, "Orbits", plain.questions, briefing=briefing)


def render(renderable: object, width: int) -> str:
    console = Console(
        file=io.StringIO(), width=width, color_system=None, theme=THEME, soft_wrap=False
    )
    console.print(renderable)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(output, str)
    return output


def test_paragraphs_are_split_at_blank_lines_and_joined_into_one_line() -> None:
    assert paragraphs(BRIEFING) == [
        "The crew [bold]flew[/bold] from Baikonur.",
        "It was a long way to go, and the words of this paragraph run on well past forty columns.",
    ]
    assert paragraphs("") == []


def test_plain_is_lines_with_the_title_and_markup_kept_as_text() -> None:
    shown = render(briefing_view(bank(), plain=True), 200)
    assert shown.splitlines() == [
        "Briefing: Orbits",
        "",
        "The crew [bold]flew[/bold] from Baikonur.",
        "",
        "It was a long way to go, and the words of this paragraph run on well past forty columns.",
    ]


@pytest.mark.parametrize("width", [40, 80])
def test_the_panel_fits_the_terminal(width: int) -> None:
    lines = render(briefing_view(bank(), plain=False, width=width), width).splitlines()
    assert lines[0].startswith("╭─ Briefing · Orbits ")
    assert lines[-1].startswith("╰")
    assert {len(line) for line in lines} == {min(width, FRAME_WIDTH)}
    text = " ".join(line.strip("│ ") for line in lines[1:-1])
    assert "The crew [bold]flew[/bold] from Baikonur." in " ".join(text.split())
    assert "forty columns." in text  # wrapped, never cut


def session(lines: str, console: Console) -> Session:
    return Session(
        console=console,
        errors=console,
        stdin=io.StringIO(lines),
        plain=True,
        seed=1,
        results=None,
    )


def plain_console() -> Console:
    return Console(file=io.StringIO(), width=80, color_system=None, theme=THEME)


def test_the_offer_reads_the_briefing_first_then_plays() -> None:
    console = plain_console()
    stdin = "1\nnext answer\n"
    playing = session(stdin, console)
    playing.offer_briefing([bank()])
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "Before you play\n1) Read the briefing first\n2) Play\n" in shown
    assert "Briefing: Orbits" in shown and "from Baikonur." in shown
    # Plain mode never waits after the briefing: the next line is the game's.
    assert playing.stdin.readline() == "next answer\n"


def test_the_offer_can_go_straight_to_play() -> None:
    console = plain_console()
    playing = session("2\n", console)
    playing.offer_briefing([bank()])
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "Read the briefing first" in shown and "Briefing: Orbits" not in shown


def test_no_offer_without_a_briefing_and_no_line_read() -> None:
    console = plain_console()
    playing = session("1\n", console)
    playing.offer_briefing([bank(briefing="")])
    assert console.file.getvalue() == ""  # type: ignore[attr-defined]
    assert playing.stdin.readline() == "1\n"
