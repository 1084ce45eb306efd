"""Writing a bank in the native format: questions in, commented YAML text out.

The YAML is written here rather than by a general dumper: a bank has one shape, and
writing it line by line keeps the work linear and small (PyYAML's pure-Python
emitter took most of an import's time). Each text is written plain when YAML reads
it back as the same text, as a ``|-`` block when it has several lines, and double
quoted otherwise; the round-trip tests hold every kind of text to that.
"""

from __future__ import annotations

import json
import re
from typing import Any

from quiz.importers.common import Imported, clean
from quiz.model import Difficulty, Question, QuestionType, accepted_numbers, plain_number

# Text YAML reads back as itself without quotes: no indicator first, no ': ' or ' #',
# no trailing ':' or space, nothing but printable characters of one line.
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n\t]*")
_NOT_PLAIN = re.compile(r": |\s#|[:\s]$")
_NULLS = frozenset({"~", "null", "Null", "NULL"})
# What YAML may hold unescaped (its printable set, minus the BOM and the characters
# it reads as line breaks); the rest is escaped.
_UNPRINTABLE = re.compile(
    "[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# A block keeps its lines exactly only when none starts with a space and none is
# lost at the end.
_NOT_BLOCK = re.compile(r"(?:^|\n)[ \t]|\n$")


def question_document(question: Question) -> dict[str, Any]:
    """One question as the mapping the native format writes (only the keys it needs)."""
    entry: dict[str, Any] = {"id": question.id, "type": question.type.value}
    if question.passage:
        entry["passage"] = question.passage
    entry["prompt"] = question.prompt
    match question.type:
        case QuestionType.SINGLE:
            entry["choices"] = list(question.choices)
            entry["answer"] = question.answers[0]
        case QuestionType.MULTI:
            entry["choices"] = list(question.choices)
            entry["answer"] = list(question.answers)
        case QuestionType.BOOLEAN:
            entry["answer"] = bool(question.truth)
        case QuestionType.TEXT:
            answers = list(question.answers)
            entry["answer"] = answers[0] if len(answers) == 1 else answers
        case QuestionType.NUMBER:
            numbers = [plain_number(n) for n in accepted_numbers(question)]
            entry["answer"] = numbers[0] if len(numbers) == 1 else numbers
            if question.tolerance:
                entry["tolerance"] = plain_number(question.tolerance)
        case QuestionType.ORDER:
            entry["items"] = list(question.items)
        case QuestionType.MATCH:
            entry["pairs"] = [{"left": left, "right": right} for left, right in question.pairs]
            if question.extra:
                entry["extra"] = list(question.extra)
    if question.explanation:
        entry["explanation"] = question.explanation
    if question.hint:
        entry["hint"] = question.hint
    if question.difficulty is not Difficulty.MEDIUM:
        entry["difficulty"] = question.difficulty.value
    if question.tags:
        entry["tags"] = list(question.tags)
    if question.source:
        entry["source"] = question.source
    return entry


def to_yaml(imported: Imported, title: str, description: str, header: str = "") -> str:
    """The native bank as YAML text; ``header`` becomes comment lines at the top."""
    lines = [f"# {line}".rstrip() for line in clean(header).splitlines()]
    _mapping(lines, {"title": title, "description": description}, "")
    lines.append("questions:")
    # One text per question, joined from its own few lines: a list of every line of
    # the bank would take several times the bank's size.
    parts = ["\n".join(lines)]
    for number, question in enumerate(imported.questions):
        lines = [""] if number else []  # a blank line between questions, as people write
        _mapping(lines, question_document(question), "    ", first="  - ")
        parts.append("\n".join(lines))
    parts.append("")  # the last line's end
    return "\n".join(parts)


def _mapping(lines: list[str], values: dict[str, Any], indent: str, first: str = "") -> None:
    """``key: value`` lines at ``indent``; the first line starts with ``first``."""
    for index, (key, value) in enumerate(values.items()):
        lead = first if index == 0 and first else indent
        if isinstance(value, list):
            lines.append(f"{lead}{key}:")
            for item in value:
                if isinstance(item, dict):
                    _mapping(lines, item, indent + "    ", first=indent + "  - ")
                else:
                    lines.append(f"{indent}  - {_scalar(item, indent + '    ')}")
        else:
            lines.append(f"{lead}{key}: {_scalar(value, indent + '  ')}")


def _scalar(value: object, indent: str) -> str:
    """One value as YAML: a number, a truth, or text (plain, a block or quoted)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if _UNPRINTABLE.search(text) is None:
        if "\n" in text and not _NOT_BLOCK.search(text):
            return "|-\n" + "\n".join(
                f"{indent}{line}" if line else "" for line in text.split("\n")
            )
        if (
            "\n" not in text
            and _PLAIN.fullmatch(text)
            and not _NOT_PLAIN.search(text)
            and text not in _NULLS
        ):
            return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda m: _escape(m[0]), quoted)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
