"""Fuzzing the question-file reader with the edits authors and attackers make: every
mutation of a real file gives a report (never a traceback), every diagnostic points
inside the file, no parser jargon reaches the author, and checking stops at the cap.

Runs in CI in a few seconds (a few hundred mutated files)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.format.checker import check_text
from quiz.format.rules import MAX_ERRORS, MAX_WARNINGS
from tests.format.test_authoring import JARGON
from tests.helpers import DATA

SEEDS = sorted(
    p.read_text(encoding="utf-8")
    for folder in ("good", "authoring")
    for p in (DATA / folder).glob("*.y*ml")
    if p.name != "not-utf8.yaml"
)
# What an edit may insert: YAML's indicators, quotes, escapes, look-alikes, controls.
PIECES = [
    ":", ": ", " #", "#", "-", "- ", "-x", "[", "]", "{", "}", ",", "'", '"', "“", "”",
    "*", "&", "!", "!!", "%", "@", "`", "|", ">", "?", "\t", "\n", "\n  ", "   ",
    "\\", '"\\U00110000"', '"\\UFFFFFFFF"', '"\\x1b"', "\u200b", "e\u0301", "---\n",
    "...\n", "&a [*a, *a]", "*a", "answer: 2", "id: q1", "0x10", ".inf", "~", "null",
    "\x00", "\x1b[31m", "\r\n", "\ufeff", "\ud7ff", "\U0010ffff",
]  # fmt: skip
SETTINGS = settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def own_jargon(message: str, text: str) -> list[str]:
    """The parser's words in a message that are not the author's own text quoted back."""
    return [m.group() for m in JARGON.finditer(message) if m.group().lower() not in text.lower()]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "line", "indent"]))
        if edit == "insert":
            text = text[:at] + draw(st.sampled_from(PIECES)) + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 6)) :]
        elif edit == "line":
            lines = text.split("\n")
            index = draw(st.integers(0, len(lines) - 1))
            lines.insert(draw(st.integers(0, len(lines))), lines[index])
            text = "\n".join(lines)
        else:
            lines = text.split("\n")
            index = draw(st.integers(0, len(lines) - 1))
            shift = draw(st.integers(-2, 2))
            lines[index] = " " * max(0, shift) + lines[index][max(0, -shift) :]
            text = "\n".join(lines)
    return text


@SETTINGS
@given(mutated())
def test_a_mutated_file_gets_a_located_report_in_plain_words(text: str) -> None:
    report = check_text(text, "fuzz.yaml")
    lines = text.replace("\r\n", "\n").count("\n") + 1
    assert len(report.diagnostics) <= MAX_ERRORS + MAX_WARNINGS + 2
    for diagnostic in report.diagnostics:
        assert 1 <= diagnostic.line <= lines + 1, diagnostic
        assert diagnostic.column >= 1, diagnostic
        assert not own_jargon(diagnostic.message, text), diagnostic
    assert (report.bank is None) == bool(report.errors)


@SETTINGS
@given(st.lists(st.sampled_from([*PIECES, "a", "Mars", " ", "questions", "title"]), max_size=40))
def test_a_file_made_of_pieces_never_raises(pieces: list[str]) -> None:
    text = "".join(pieces)
    report = check_text(text, "fuzz.yaml")
    for diagnostic in report.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.column >= 1
        assert not own_jargon(diagnostic.message, text), diagnostic


def test_the_seeds_are_the_real_files() -> None:
    assert len(SEEDS) > 100
