"""A bank as Aiken, Moodle's simplest format: single questions only.

Each question is one line of text (new lines become spaces, as Aiken has no room for
them), its choices lettered ``A.`` to ``J.``, and ``ANSWER: X``; a blank line
follows. Other types are left out, each with the reason, and so is a question whose
text would read as an option or an answer line.
"""

from __future__ import annotations

import re

from quiz.importers.exported import Exported, Left
from quiz.model import Bank, Question, QuestionType

LETTERS = "ABCDEFGHIJ"
_LOOKS_LIKE_OPTION = re.compile(r"[A-Z][.)][ \t]|ANSWER:")


def one_line(text: str) -> str:
    """Text on one line: its lines joined with spaces."""
    return " ".join(text.split())


def export_aiken(bank: Bank) -> Exported:
    """The bank as Aiken text (UTF-8)."""
    lines: list[str] = []
    left: list[Left] = []
    for question in bank.questions:
        body = _question(question)
        if isinstance(body, Left):
            left.append(body)
        else:
            lines += [*body, ""]
    return Exported("\n".join(lines).encode(), len(bank.questions) - len(left), tuple(left))


def _question(q: Question) -> list[str] | Left:
    if q.type is not QuestionType.SINGLE:
        article = "an" if q.type.value[0] in "aeiou" else "a"
        return Left(q.id, f"{article} {q.type} question: Aiken holds single questions only")
    texts = [one_line(q.prompt), *(one_line(c) for c in q.choices)]
    if _LOOKS_LIKE_OPTION.match(texts[0]):
        return Left(q.id, "its text starts like an Aiken option or answer line")
    options = [f"{letter}. {choice}" for letter, choice in zip(LETTERS, texts[1:], strict=False)]
    answer = LETTERS[q.choices.index(q.answers[0])]
    return [texts[0], *options, f"ANSWER: {answer}"]
