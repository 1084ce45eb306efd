"""The nouns of the game: questions and banks. Frozen data, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple


class QuestionType(StrEnum):
    """How a question is asked and answered."""

    SINGLE = "single"
    MULTI = "multi"
    BOOLEAN = "boolean"
    TEXT = "text"
    NUMBER = "number"
    ORDER = "order"
    MATCH = "match"


class Difficulty(StrEnum):
    """How hard a question is; it sets the question's base points."""

    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


@dataclass(frozen=True, slots=True)
class Question:
    """One question of a bank, already validated.

    Which answer fields are used depends on ``type``:
    single and multi use ``choices`` and ``answers`` (the right choices),
    boolean uses ``truth``, text uses ``answers`` (every accepted answer),
    number uses ``number`` and ``tolerance``, order uses ``items`` (in the right order).
    A number question may accept further values, ``numbers``, each within the same
    tolerance. Match uses ``pairs`` (left, right) and ``extra`` (rights that match no
    left). ``passage`` is a reading text shown above the question, if any.
    """

    id: str
    type: QuestionType
    prompt: str
    explanation: str = ""
    choices: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    truth: bool | None = None
    number: float | None = None
    tolerance: float = 0.0
    items: tuple[str, ...] = ()
    hint: str | None = None
    difficulty: Difficulty = Difficulty.MEDIUM
    tags: tuple[str, ...] = ()
    source: str | None = None
    numbers: tuple[float, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    extra: tuple[str, ...] = ()
    passage: str | None = None


@dataclass(frozen=True, slots=True)
class Bank:
    """A validated question file: its name (the file stem), title and questions, and
    the ``briefing`` a player may read before playing ("" when it has none)."""

    name: str
    title: str
    questions: tuple[Question, ...]
    description: str = ""
    tags: tuple[str, ...] = ()
    path: str = ""
    briefing: str = ""


class BankSummary(NamedTuple):
    """What a listing shows of a bank: its name, title, size, question types and tags."""

    name: str
    title: str
    questions: int
    types: tuple[str, ...]
    tags: tuple[str, ...]
    path: str = ""


# An answer as a player gave it: a choice or typed text, a truth value, a number,
# or the picks of a multi or order question (of a match question: the right picked
# for each left, in the order of ``pairs``).
Given = str | bool | float | tuple[str, ...]


def summarize(bank: Bank) -> BankSummary:
    """The summary of a bank, for listings."""
    types = sorted({question.type.value for question in bank.questions})
    tags = sorted({tag for question in bank.questions for tag in question.tags})
    return BankSummary(
        bank.name, bank.title, len(bank.questions), tuple(types), tuple(tags), bank.path
    )


def plain_number(value: float) -> int | float:
    """A number as a person writes it: whole numbers as ints (``1975``, not ``1975.0``)."""
    return int(value) if value.is_integer() and abs(value) < 1e16 else value


def format_number(value: float) -> str:
    """A number as text, as a person writes it (see :func:`plain_number`)."""
    return repr(plain_number(value))


def accepted_numbers(question: Question) -> tuple[float, ...]:
    """Every number a number question accepts (each within its tolerance)."""
    return () if question.number is None else (question.number, *question.numbers)


def match_rights(question: Question) -> tuple[str, ...]:
    """The rights a match question offers: those of its pairs (once each), then extras."""
    return tuple(dict.fromkeys((*(right for _, right in question.pairs), *question.extra)))


def rights_reusable(question: Question) -> bool:
    """Whether a player may pick one right for several lefts: when some right serves
    several lefts of the question (else each right is picked once at most)."""
    return len({right for _, right in question.pairs}) < len(question.pairs)


def right_answer_text(question: Question) -> str:
    """The right answer of a question, as one line of text for a player."""
    match question.type:
        case QuestionType.SINGLE | QuestionType.TEXT:
            return question.answers[0]
        case QuestionType.MULTI:
            return "; ".join(question.answers)  # a choice may hold a comma
        case QuestionType.BOOLEAN:
            return "True" if question.truth else "False"
        case QuestionType.NUMBER:
            assert question.number is not None
            shown = " or ".join(map(format_number, accepted_numbers(question)))
            if question.tolerance:
                shown += f" (± {format_number(question.tolerance)})"
            return shown
        case QuestionType.ORDER:
            return " → ".join(question.items)
        case QuestionType.MATCH:
            return "; ".join(f"{left} → {right}" for left, right in question.pairs)
