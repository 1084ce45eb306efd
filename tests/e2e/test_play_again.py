"""The after-game menu's "Play again (same banks, new shuffle)" shuffles, also after a
``--no-shuffle`` game (stranger finding 16)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_e2e import ENTER, Terminal, env

pytestmark = pytest.mark.slow

LETTERS = "ABCDEFGH"
BANK = f"""\
title: Letters
questions:
  - id: letters
    prompt: Which is the first letter?
    choices: [{", ".join(LETTERS)}]
    answer: A
    explanation: It comes first.
"""


def shown_order(screen: str) -> str:
    return "".join(re.findall(r"\d\) ([A-H])\b", screen))


def test_play_again_after_a_no_shuffle_game_is_a_new_shuffle(tmp_path: Path) -> None:
    path = tmp_path / "letters.yaml"
    path.write_text(BANK, encoding="utf-8")
    term = Terminal(
        ["play", str(path), "--no-shuffle"], env(QUIZ_DATA_DIR=str(tmp_path / "data")), rows=60
    )
    screen = term.wait_for("8) H")
    assert shown_order(screen) == LETTERS
    assert " · seed " not in screen
    term.send("1" + ENTER)
    term.wait_for("What next?")
    term.send("1" + ENTER)  # Play again (same banks, new shuffle)
    term.wait_for("It comes first.")  # the first feedback, still on the screen
    screen = term.wait_for(" · seed ")
    screen = term.wait_for("8) ")
    order = shown_order(screen[screen.index(" · seed ") :])
    assert sorted(order) == list(LETTERS) and order != LETTERS
    term.send("q")
    term.finish()
