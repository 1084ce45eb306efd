"""A bank as GIFT, Moodle's text format, written so that Moodle and ``quiz import``
read it back as the same questions.

Every text is marked ``[plain]`` (Moodle would otherwise read it as HTML) and has
GIFT's special characters escaped (``\\~ \\= \\# \\{ \\} \\: \\\\``, ``\\n`` for a new
line), as Moodle's own exporter does. A question's first tag is its ``$CATEGORY``
(GIFT holds one category per question); its explanation is the general feedback
(``####``); a passage is a description before the questions that share it. Order
questions (GIFT has no such type) are left out, each with the reason.
"""

from __future__ import annotations

from quiz.format.text import find_control_character
from quiz.importers.exported import Exported, Left
from quiz.model import Bank, Question, QuestionType, accepted_numbers, format_number

_ESCAPES = str.maketrans(
    {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:"}
    | {"\n": "\\n", "\r": ""}
)


def escape(text: str) -> str:
    """Text with GIFT's special characters escaped, on one line."""
    return text.translate(_ESCAPES)


def marked(text: str) -> str:
    """Text as ``[plain]`` GIFT: Moodle shows it as written, markup and all."""
    return "[plain]" + escape(text)


def weight(fraction: float) -> str:
    """A Moodle weight in percent, ``%50%`` or ``%-33.33333%``."""
    shown = f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
    return f"%{shown}%"


def export_gift(bank: Bank) -> Exported:
    """The bank as GIFT text (UTF-8)."""
    lines = [f"// {escape(bank.title)}: exported by 'quiz export'", ""]
    left: list[Left] = []
    category: str | None = None
    passage: str | None = None
    count = 0
    for question in bank.questions:
        body = _question(question)
        if isinstance(body, Left):
            left.append(body)
            continue
        tag = question.tags[0] if question.tags else ""
        if tag != category or (passage is not None and question.passage != passage):
            path = "/".join(("$course$", "top", *([escape(tag).replace("/", "-")] if tag else [])))
            lines += [f"$CATEGORY: {path}", ""]
            category, passage = tag, None
        if question.passage and question.passage != passage:
            lines += [f"::{question.id}-passage::{marked(question.passage)}", ""]
            passage = question.passage
        lines += [*body, ""]
        count += 1
    return Exported("\n".join(lines).encode(), count, tuple(left))


def _question(q: Question) -> list[str] | Left:
    """The lines of one question, or why it is left out."""
    head = f"::{q.id}::{marked(q.prompt)}{{"
    general = [f"\t####{marked(q.explanation)}"] if q.explanation else []
    match q.type:
        case QuestionType.SINGLE:
            answers = [f"\t{'=' if c in q.answers else '~'}{_choice(c)}" for c in q.choices]
        case QuestionType.MULTI:
            right, wrong = 1 / len(q.answers), -1 / len(q.answers)
            answers = [
                f"\t~{weight(right if c in q.answers else wrong)}{_choice(c)}" for c in q.choices
            ]
        case QuestionType.BOOLEAN:
            return [f"{head}{'TRUE' if q.truth else 'FALSE'}", *general, "}"]
        case QuestionType.TEXT:
            if any("->" in a for a in q.answers):
                return Left(q.id, "an accepted answer holds '->', which GIFT reads as matching")
            # A '*' is Moodle's wildcard in a short answer; '\\*' is the character itself.
            answers = ["\t=" + _choice(a).replace("*", "\\*") for a in q.answers]
        case QuestionType.NUMBER:
            margin = f":{format_number(q.tolerance)}"
            numbers = [f"={format_number(n)}{margin}" for n in accepted_numbers(q)]
            return [f"{head}#", *(f"\t{n}" for n in numbers), *general, "}"]
        case QuestionType.MATCH:
            if any("->" in left for left, _ in q.pairs):
                return Left(q.id, "a left holds '->', which GIFT reads as the arrow of a pair")
            answers = [f"\t={_choice(a)} -> {escape(b)}" for a, b in q.pairs]
            answers += [f"\t= -> {escape(extra)}" for extra in q.extra]
        case QuestionType.ORDER:
            return Left(q.id, "an order question: GIFT has no question type for ordering")
    return [head, *answers, *general, "}"]


def _choice(text: str) -> str:
    """A choice or answer: a leading ``[`` or ``%`` would read as a format or a weight,
    so such text is marked plain."""
    assert find_control_character(text) < 0  # banks hold none (see quiz.format.text)
    return marked(text) if text[:1] in "[%" else escape(text)
