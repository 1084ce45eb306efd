"""The quiz night's shared renderables: the standings at 40 columns, and in words."""

from __future__ import annotations

import io

from rich.console import Console, RenderableType

from quiz.game.round import Standing
from quiz.ui import host_view
from quiz.ui.theme import THEME

BOX = set("╭╮╰╯│─┌┐└┘├┤")


def rows() -> list[Standing]:
    return [
        Standing(1, "Ana", 1450, 3, 4, 12.34, 2, 1, True),
        Standing(2, "Benedetta", 980, 2, 4, 20.5, 0, -1, False),
    ]


def drawn(renderable: RenderableType, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, record=True, color_system=None, theme=THEME)
    console.print(renderable)
    return console.export_text()


def test_the_standings_read_well_at_40_columns() -> None:
    text = drawn(host_view.podium(rows(), completed=True), 40)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 40
    assert "…" not in text
    header = next(line for line in lines if "Player" in line)
    assert "Score" in header and "Right" in header
    assert any("1st" in line and "Ana" in line and "1450" in line for line in lines)
    assert any("2nd" in line and "Benedetta" in line and "2/4" in line for line in lines)


def test_the_standings_show_accuracy_and_time_where_there_is_room() -> None:
    text = drawn(host_view.podium(rows(), completed=False), 80)
    assert "Standings so far (game stopped)" in text
    assert any("Ana" in line and "75%" in line and "12.3 s" in line for line in text.splitlines())


def test_plain_standings_and_leaderboard_are_lines_of_words() -> None:
    final = drawn(host_view.spoken_standings(rows(), completed=True), 40)
    board = drawn(host_view.spoken_leaderboard(rows()), 40)
    assert not (set(final) | set(board)) & BOX
    wide = drawn(host_view.spoken_standings(rows(), completed=True), 80)
    assert wide.splitlines() == [
        "Final standings:",
        "1st Ana: 1450 points, 3 of 4 right, 12.3 seconds.",
        "2nd Benedetta (away): 980 points, 2 of 4 right, 20.5 seconds.",
    ]
    assert drawn(host_view.spoken_leaderboard(rows()), 80).splitlines() == [
        "Leaderboard:",
        "1. Ana: 1450 points, 3 right, up 1 place.",
        "2. Benedetta (away): 980 points, 2 right, down 1 place.",
    ]


def test_the_lobby_keeps_the_indent_of_a_wrapped_line_at_40_columns() -> None:
    lines = drawn(host_view.lobby("127.0.0.1", 8022, "ORBIT7", ["ana"]), 40).splitlines()
    at = next(i for i, line in enumerate(lines) if "(add plain at the end" in line)
    assert lines[at].startswith("│   (add plain")
    assert lines[at + 1].startswith("│    line-based play)")  # under "add", not at the margin
    assert any(line.startswith("│   ssh -p 8022 YOURNAME@127.0.0.1") for line in lines)
