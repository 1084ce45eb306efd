"""Renderables of a quiz night's shared screens: lobby, question, reveal, leaderboard, podium.

Each function returns a renderable and prints nothing. Nicknames and typed answers
come from the network: they always go in as ``Text`` with control characters and
bidirectional controls escaped (:func:`shown_name`, :func:`shown_text`).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quiz.format.text import escape_controls
from quiz.game.reveal import Reveal
from quiz.game.round import Standing
from quiz.model import right_answer_text
from quiz.ui import game_view as views
from quiz.ui.feedback_view import RIGHT
from quiz.ui.listing import plural

TOP = 10
MEDALS = ("1st", "2nd", "3rd")
PODIUM_WIDE = 60  # columns from which the standings show accuracy and time


def shown_text(text: str, style: str = "") -> Text:
    """Text a player gave (a typed answer): never markup, every control character and
    bidirectional control as an escape (``\\x1b``, ``\\u202e``)."""
    return Text(escape_controls(text), style)


def shown_name(name: str) -> Text:
    """A nickname as text: never markup, every control character as an escape."""
    return shown_text(name) if name else Text("(no name)")


def ssh_line(user: str, address: str, port: int) -> str:
    """The command a player types to join."""
    host = f"[{address}]" if ":" in address else address
    return f"ssh -p {port} {user}@{host}"


def lobby(
    address: str,
    port: int,
    code: str,
    players: Sequence[str],
    *,
    start_when: int | None = None,
    started: bool = False,
) -> Panel:
    """The join screen: the exact ssh line, the join code and who has arrived."""
    # Indented as blocks, so that a line wrapped in a narrow terminal keeps its indent.
    command = Padding(Text(ssh_line("YOURNAME", address, port), style="quiz.heading"), (0, 0, 0, 2))
    how = Table.grid()
    how.add_column(no_wrap=True)
    how.add_column()
    how.add_row(
        Text("  (", style="quiz.muted"),
        Text.assemble(
            ("add ", "quiz.muted"),
            ("plain", "quiz.heading"),
            (" at the end for line-based play)", "quiz.muted"),
        ),
    )
    joining = Text.assemble(("Join code: ", "quiz.muted"), (code, "quiz.points"))
    lines = Text()
    lines.append(f"{plural(len(players), 'player')} joined", style="quiz.heading")
    if players:
        lines.append(": ")
        for index, name in enumerate(players):
            if index:
                lines.append(", ")
            lines.append_text(shown_name(name))
    lines.append("\n")
    if start_when is not None and not started:
        lines.append(f"Starts when {start_when} have joined. ", style="quiz.muted")
    lines.append("Enter starts · k kicks · Ctrl-C ends", style="quiz.muted")
    body = Group(
        Text("To join, type in any terminal:", style="quiz.muted"),
        command,
        how,
        joining,
        Text(),
        lines,
    )
    return Panel(body, title=Text("Quiz night", style="quiz.title"), title_align="left")


def never_started() -> Text:
    """What everyone sees when the host ends the night in the lobby."""
    return Text("The host ended the night before it started.", style="quiz.warning")


def question_view(
    number: int, total: int, prompt: str, seconds_left: float, answered: int, players: int
) -> Panel:
    """The open question: its number, prompt, countdown and ``answers 7/9``."""
    head = Text.assemble(
        (f"Question {number} of {total}", "quiz.heading"),
        " · ",
        (f"{views.seconds_text(max(0.0, seconds_left))} left", "quiz.timer"),
        " · ",
        (f"answers {answered}/{players}", "quiz.points"),
    )
    body = Group(head, Text(), Text(prompt, style="quiz.heading"))
    footer = Text("Enter reveals now · k kicks · Ctrl-C ends", style="quiz.muted")
    return Panel(Group(body, Text(), footer), title=Text("Quiz night", style="quiz.title"))


def reveal_view(reveal: Reveal) -> Panel:
    """The right answer, how many chose what, and the points each player gained."""
    question = reveal.turn.question
    counts = Table.grid(padding=(0, 1))
    counts.add_column()
    counts.add_column(justify="right")
    counts.add_column()
    for count in reveal.counts:
        mark = RIGHT if count.right else " "
        style = "quiz.correct" if count.right else ""
        counts.add_row(
            Text(mark, style="quiz.correct"), str(count.players), shown_text(count.label, style)
        )
    gained = Text()
    ranked = sorted(reveal.outcomes.items(), key=lambda item: -item[1].points.total)
    for index, (name, outcome) in enumerate(ranked[:TOP]):
        if index:
            gained.append("  ")
        gained.append_text(shown_name(name))
        gained.append(f" +{outcome.points.total}", style="quiz.points")
    total = len(reveal.outcomes)
    summary = Text(
        f"{reveal.right()} of {total} right · {reveal.answered} answered", style="quiz.muted"
    )
    body = Group(
        Text.assemble(("Answer: ", "quiz.heading"), (right_answer_text(question), "quiz.correct")),
        counts,
        summary,
        gained,
    )
    title = Text(f"Question {reveal.turn.number} of {reveal.turn.total}", style="quiz.title")
    return Panel(body, title=title, title_align="left")


def leaderboard(standings: Sequence[Standing], *, footer: str = "") -> Panel:
    """The top ten, with how many places each moved since the last reveal."""
    table = Table(expand=False, box=None, padding=(0, 1))
    table.add_column("#", justify="right", style="quiz.muted")
    table.add_column("Player", overflow="fold")
    table.add_column("Score", justify="right", style="quiz.points")
    table.add_column("Right", justify="right")
    table.add_column("", justify="left")
    for row in standings[:TOP]:
        table.add_row(str(row.rank), _player(row), str(row.score), str(row.correct), _moved(row))
    parts: list[RenderableType] = [table]
    if len(standings) > TOP:
        parts.append(Text(f"and {plural(len(standings) - TOP, 'more player')}", "quiz.muted"))
    if footer:
        parts.append(Text(footer, style="quiz.muted"))
    return Panel(Group(*parts), title=Text("Leaderboard", style="quiz.title"), title_align="left")


def _player(row: Standing) -> Text:
    name = shown_name(row.name)
    if not row.connected:
        name.append(" (away)", style="quiz.muted")
    return name


def _moved(row: Standing) -> Text:
    if row.moved > 0:
        return Text(f"▲{row.moved}", style="quiz.correct")
    if row.moved < 0:
        return Text(f"▼{-row.moved}", style="quiz.wrong")
    return Text("")


def podium(standings: Sequence[Standing], *, completed: bool) -> RenderableType:
    """The final standings: every player's rank, score, right answers and, where there is
    room, accuracy and time (in a narrow terminal those two columns are left out)."""
    return _Podium(tuple(standings), completed)


class _Podium:
    """The standings table, laid out for the width it is drawn at."""

    def __init__(self, standings: tuple[Standing, ...], completed: bool) -> None:
        self.standings = standings
        self.completed = completed

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        wide = options.max_width >= PODIUM_WIDE
        table = Table(expand=False, box=None, padding=(0, 1))
        table.add_column("", style="quiz.points", no_wrap=True)
        table.add_column("Player", overflow="fold")
        table.add_column("Score", justify="right", style="quiz.points", no_wrap=True)
        table.add_column("Right", justify="right", no_wrap=True)
        if wide:
            table.add_column("Accuracy", justify="right", no_wrap=True)
            table.add_column("Time", justify="right", style="quiz.muted", no_wrap=True)
        for row in self.standings:
            cells: list[RenderableType] = [
                place(row.rank),
                _player(row),
                str(row.score),
                f"{row.correct}/{row.answered}",
            ]
            if wide:
                cells.append(f"{100 * row.accuracy:.0f}%" if row.answered else "–")
                cells.append(f"{row.seconds:.1f} s")
            table.add_row(*cells)
        if not self.standings:
            table.add_row("", Text("nobody played", style="quiz.muted"))
        title = "Final standings" if self.completed else "Standings so far (game stopped)"
        yield Panel(table, title=Text(title, style="quiz.title"), title_align="left", expand=False)


def place(rank: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th``…"""
    return MEDALS[rank - 1] if rank <= len(MEDALS) else f"{rank}th"


def spoken_standings(standings: Sequence[Standing], *, completed: bool) -> Text:
    """The final standings in words, a line a player (plain mode: no table, no box)."""
    title = "Final standings:" if completed else "Standings so far (game stopped):"
    lines = Text(title, style="quiz.title")
    for row in standings:
        lines.append(f"\n{place(row.rank)} ")
        lines.append_text(_player(row))
        lines.append(f": {plural(row.score, 'point')}, {row.correct} of {row.answered} right")
        lines.append(f", {row.seconds:.1f} seconds." if row.answered else ".")
    if not standings:
        lines.append("\nNobody played.")
    return lines


def spoken_leaderboard(standings: Sequence[Standing]) -> Text:
    """The top ten in words, a line a player, with the places each one moved."""
    lines = Text("Leaderboard:", style="quiz.title")
    for row in standings[:TOP]:
        lines.append(f"\n{row.rank}. ")
        lines.append_text(_player(row))
        lines.append(f": {plural(row.score, 'point')}, {row.correct} right")
        if row.moved:
            way = "up" if row.moved > 0 else "down"
            lines.append(f", {way} {plural(abs(row.moved), 'place')}")
        lines.append(".")
    if len(standings) > TOP:
        lines.append(f"\nAnd {plural(len(standings) - TOP, 'more player')}.")
    return lines


def kick_menu(names: Sequence[str], typed: str) -> Panel:
    """The numbered players, to pick the one to remove."""
    lines = Text()
    for index, name in enumerate(names, start=1):
        lines.append(f"{index}) ", style="quiz.muted")
        lines.append_text(shown_name(name))
        lines.append("\n")
    if not names:
        lines.append("Nobody to remove.\n", style="quiz.muted")
    lines.append("Type a number and Enter to remove that player, Esc to cancel: ", "quiz.muted")
    lines.append(typed)
    return Panel(lines, title=Text("Remove a player", style="quiz.warning"), title_align="left")


def turn_banner(name: str, number: int, total: int) -> Text:
    """Party mode: whose turn it is."""
    return Text.assemble(
        (f"Question {number} of {total}: ", "quiz.muted"),
        shown_name(name),
        ("'s turn", "quiz.heading"),
    )
