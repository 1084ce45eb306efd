"""README's opening example is what the game draws at 80 columns (stranger finding 23):
the same keys, the same screen, line for line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.test_e2e import ENTER, Terminal, env

pytestmark = pytest.mark.slow


def opening_example() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("```\n") + 4
    return text[start : text.index("\n```", start)].splitlines()


def test_the_opening_example_is_a_real_game_at_80_columns(tmp_path: Path) -> None:
    term = Terminal(
        ["play", "soyuz-2024", "-n", "3", "--no-shuffle"],
        env(QUIZ_DATA_DIR=str(tmp_path / "data"), QUIZ_CACHE_DIR=str(tmp_path / "cache")),
        rows=60,
    )
    term.wait_for("Type the day of the month.")
    term.send("21" + ENTER)
    screen = term.wait_for("q stops the game").splitlines()
    expected = opening_example()
    first = screen.index(expected[0])
    assert screen[first : first + len(expected)] == expected
    term.child.kill(15)
    term.finish()
