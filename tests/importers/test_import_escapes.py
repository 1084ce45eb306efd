"""Every message of ``quiz import`` that quotes the file's text shows control and bidi
characters as escapes (``\\x1b``), never raw: text from files is data (A#9)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz import cli

ESC, CSI, RLO = "\x1b[2J", "\x9b2J", "\u202e"
HOSTILE = ESC + CSI + RLO
ESCAPED = "\\x1b[2J\\x9b2J\\u202e"

_OPENTDB = {
    "response_code": 0,
    "results": [
        {
            "type": "boolean",
            "question": "Q?",
            "correct_answer": f"Yes{HOSTILE}",
            "incorrect_answers": ["No"],
        }
    ],
}

CASES = {
    # name: (file name, text, what the message shows)
    "aiken-two-letters": (
        "t.aiken",
        f"Q2?\nA. x\nB. y\nANSWER: C{HOSTILE}\n",
        f"t.aiken:1: skipped: 'ANSWER: C{ESCAPED}' must name one letter",
    ),
    "aiken-c1-only": (
        "t.aiken",
        "Q3\nA. x\nB. y\nANSWER: \x9b2J\n",
        "t.aiken:1: skipped: 'ANSWER: \\x9b2J' must name one letter",
    ),
    "same-choices": (
        "t.gift",
        f"Q? {{=x{RLO} ~X{RLO}}}\n",
        "choices 'x' and 'X' are the same",
    ),
    "matched-twice": (
        "t.gift",
        f"Q? {{=a{RLO} -> 1 =a{RLO} -> 2 =b -> 3}}\n",
        "'a' is matched twice",
    ),
    "no-arrow": ("t.gift", f"Q? {{=a{RLO} =b -> 2 =c -> 3}}\n", "'a' has no '->'"),
    "wildcard": ("t.gift", f"Q? {{=a*b{RLO}}}\n", "answer 'a*b' uses Moodle's"),
    "no-letters": ("t.gift", f"Q? {{=-{RLO}}}\n", "answer '-' has no letters"),
    "not-a-number": ("t.gift", f"Q? {{#1{HOSTILE}}}\n", "'1[2J2J' is not a number"),
    # GIFT drops control characters and bidi controls, as the bank would.
    "not-a-range": ("t.gift", f"Q? {{#1..2{HOSTILE}}}\n", "'1..2[2J2J' is not a range"),
    "opentdb-boolean": (
        "t.json",
        json.dumps(_OPENTDB),
        "correct_answer is True or False, not 'Yes[2J2J'",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_quoted_source_text_is_escaped(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name, text, shown = CASES[case]
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    cli.main(["import", str(source), "-o", str(tmp_path / "t.yaml")])
    said = capsys.readouterr().err
    assert shown in said
    assert all(char == "\n" or char.isprintable() for char in said), ascii(said)
