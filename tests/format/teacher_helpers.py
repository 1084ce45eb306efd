"""What the tests of the teacher's findings share: a question's head, its diagnostics
located, and a fix applied to one line."""

from __future__ import annotations

from quiz.format.checker import check_text

HEAD = "title: T\nquestions:\n  - id: q1\n    prompt: Which planet is red?\n"


def located(text: str) -> list[str]:
    return [
        f"{d.line}:{d.column}: {d.severity}: {d.message}" for d in check_text(text, "t").diagnostics
    ]


def apply(text: str, line: int, old: str, new: str) -> str:
    """``text`` with ``old`` replaced by ``new`` on (1-based) ``line``."""
    lines = text.split("\n")
    assert old in lines[line - 1], (old, lines[line - 1])
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return "\n".join(lines)


def assert_fix_checks_clean(text: str, message: str, line: int, old: str, fix: str) -> None:
    """The message offers ``fix`` for ``old`` on ``line``; with it the file is clean."""
    assert fix in message
    fixed = apply(text, line, old, fix)
    assert located(fixed) == [], fixed
