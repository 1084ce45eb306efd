"""A remote player's screen: what the server needs of it, and what it draws.

Two screens share the :class:`Screen` interface: the full-screen prompts of
quiz.ui.remote_prompts and the plain lines of quiz.ui.remote_lines (``ssh ... plain``).
Both show the solo game's renderables (quiz.ui.game_view, quiz.ui.feedback_view) and the
ones here.

Every wait is bounded by the question's deadline, and :meth:`Screen.close_question`
ends a prompt at once when the host closes the question.
"""

from __future__ import annotations

from typing import Protocol, TextIO

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from quiz.format.text import escape_controls
from quiz.game.engine import Outcome, Status, Turn
from quiz.model import Given
from quiz.ui import feedback_view
from quiz.ui import game_view as views
from quiz.ui.host_view import shown_name
from quiz.ui.theme import THEME

ANSWER_MAX = 200  # characters of a typed answer, a join code or a nickname


class Closed(Exception):
    """The question closed (time up, or the host moved on) before an answer."""


class Screen(Protocol):
    """What the server needs from a player's screen."""

    console: Console
    plain: bool  # lines of words only: no box, no table, no gauge

    async def ask(self, turn: Turn, status: Status, deadline: float) -> Given:
        """Put the question; the answer, or raise Closed."""

    async def line(self, message: str, *, secret: bool = False) -> str:
        """One line of text (join code, nickname), at most ANSWER_MAX characters."""

    def close_question(self) -> None:
        """End the prompt that is running, if any (its ask raises Closed)."""


def console_width(columns: int) -> int:
    """The width a player's screen is drawn at: their terminal's, from 20 to 200 columns."""
    return max(20, min(columns or 80, 200))


def make_console(stream: TextIO, width: int, *, plain: bool, term: str | None) -> Console:
    """A console writing to a player's session, with the game's theme."""
    dumb = plain or (term or "").lower() in ("", "dumb")
    # Plain lines are not wrapped at an imagined width: the player's terminal or
    # screen reader wraps them as it likes (as --plain does into a pipe).
    return Console(
        soft_wrap=plain,
        file=stream,
        width=console_width(width),
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


def shown_outcome(outcome: Outcome) -> Outcome:
    """The outcome as a player may be shown it: a typed answer with its control
    characters and bidirectional controls as escapes (the game keeps what was typed)."""
    given = outcome.reply.given
    if not isinstance(given, str) or given == escape_controls(given):
        return outcome
    return outcome._replace(reply=outcome.reply._replace(given=escape_controls(given)))


def reveal_view(
    outcome: Outcome | None, rank: int | None, players: int, *, plain: bool = False
) -> RenderableType:
    """What a player sees at the reveal: right or wrong, the explanation, points, rank
    (in a frame, or as lines when ``plain``)."""
    place = Text(f"Rank {rank} of {players}" if rank else "Not ranked", style="quiz.heading")
    if outcome is None:
        return Group(Text("You were not in this question.", style="quiz.muted"), place)
    outcome = shown_outcome(outcome)
    if plain:
        said = Text(f"Score {outcome.status.score}. ", style="quiz.points")
        return Group(feedback_view.feedback(outcome, plain=True), said + place + Text("."))
    if outcome.reply.timed_out:
        style = "quiz.wrong"
    elif outcome.correct:
        style = "quiz.correct"
    else:
        style = "quiz.partial" if outcome.fraction > 0 else "quiz.wrong"
    score = Text(f"Score {outcome.status.score}", style="quiz.points")
    body = Group(feedback_view.feedback(outcome), Text(), Text.assemble(score, " · ", place))
    return Panel(body, border_style=style, expand=False)
