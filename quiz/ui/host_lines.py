"""The quiz night's host screen as plain lines: for a host whose terminal cannot redraw
(``TERM=dumb``) or whose output is not a terminal (a pipe, a file, a screen reader).

One line (or a few) for each thing that happens: the lobby, each player who comes or
goes, each question, its reveal and the leaderboard, then the standings in words.
No box, no table, no cursor movement. Every player-given text goes through
:func:`quiz.ui.host_view.shown_name` or :func:`quiz.ui.host_view.shown_text`.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from quiz.game.engine import Turn
from quiz.game.reveal import Reveal
from quiz.model import right_answer_text
from quiz.ui import game_view as views
from quiz.ui.host_view import TOP, shown_name, shown_text, ssh_line
from quiz.ui.listing import plural

KEYS = "Enter starts the game and moves on; k removes a player; Ctrl-C ends the night."


def lobby(address: str, port: int, code: str, *, start_when: int | None = None) -> Text:
    """How to join: the exact ssh line and the join code, then the host's keys."""
    lines = Text("Quiz night.", style="quiz.title")
    lines.append("\nTo join, type in any terminal: ")
    lines.append(ssh_line("YOURNAME", address, port), style="quiz.heading")
    lines.append(" (add plain at the end for line-based play).")
    lines.append("\nJoin code: ")
    lines.append(code, style="quiz.points")
    lines.append(".")
    if start_when is not None:
        lines.append(f"\nStarts when {start_when} have joined.")
    lines.append(f"\n{KEYS}", style="quiz.muted")
    return lines


def players(names: Sequence[str]) -> Text:
    """``players (2): ana, ben``: who is connected now."""
    line = Text(f"players ({len(names)}): ")
    return line + Text(", ").join(shown_name(name) for name in names)


def question(turn: Turn, seconds: float) -> Text:
    """The question just opened, with its time."""
    line = Text(f"Question {turn.number} of {turn.total}: ", "quiz.heading")
    line.append(turn.question.prompt)
    line.append(f" ({views.seconds_text(seconds)} to answer)", style="quiz.muted")
    return line


def reveal(shown: Reveal) -> Text:
    """The right answer, how many gave what, and the points each player gained."""
    turn = shown.turn
    lines = Text(f"Question {turn.number} of {turn.total} closed. ", "quiz.heading")
    lines.append(f"Answer: {right_answer_text(turn.question)}.")
    for count in shown.counts:
        lines.append(f"\n{plural(count.players, 'player')}: ")
        lines.append_text(shown_text(count.label))
        lines.append(" (right)." if count.right else ".")
    total = len(shown.outcomes)
    lines.append(f"\n{shown.right()} of {total} right, {shown.answered} answered.")
    ranked = sorted(shown.outcomes.items(), key=lambda item: -item[1].points.total)
    if ranked:
        lines.append("\nPoints: ")
        for index, (name, outcome) in enumerate(ranked[:TOP]):
            lines.append(", " if index else "")
            lines.append_text(shown_name(name))
            lines.append(f" +{outcome.points.total}")
        lines.append(".")
    return lines


def warning(text: str) -> Text:
    """``warning: ...`` for the host's standard error."""
    return Text.assemble(("warning:", "quiz.warning"), f" {text}")


def locked(names: Sequence[str]) -> Text:
    """The host is told which seats wrong rejoin words have locked."""
    line = Text("Locked after too many wrong rejoin words: ", style="quiz.warning")
    return line + Text(", ").join(shown_name(name) for name in names) + Text(".")


def kick_menu(names: Sequence[str]) -> Text:
    """The numbered players, to pick the one to remove."""
    lines = Text("Remove a player:", style="quiz.warning")
    for index, name in enumerate(names, start=1):
        lines.append(f"\n{index}) ")
        lines.append_text(shown_name(name))
    if not names:
        lines.append("\nNobody to remove.")
    lines.append("\nType a number and Enter to remove that player, Esc to cancel.")
    return lines
