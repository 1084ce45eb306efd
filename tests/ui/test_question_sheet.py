"""``quiz validate --show``: a match question's pairs, a passage and a source
(attacker finding 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main

MATCH = """\
title: M
questions:
  - id: q3
    type: match
    prompt: Match
    passage: |
      A reading text.
      Its second line.
    source: Somewhere
    pairs:
      - {left: L1, right: R1}
      - {left: L2, right: R2}
    extra: [R3]
    explanation: e
"""


def test_show_gives_the_pairs_the_extras_the_passage_and_the_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    path = tmp_path / "m.yaml"
    path.write_text(MATCH, encoding="utf-8")
    assert main(["validate", "--show", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "M",
        "",
        "1. [q3, match, medium]",
        "   A reading text.",
        "   Its second line.",
        "   Match",
        "    1) L1 → R1",
        "    2) L2 → R2",
        "       R3  (matches no item)",
        "   why: e",
        "   source: Somewhere",
        "(The game shows choices and items in a random order.)",
        "The file is valid.",
    ]
