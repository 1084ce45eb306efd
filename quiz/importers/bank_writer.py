"""Writing a bank in the native format: questions in, commented YAML text out."""

from __future__ import annotations

from typing import Any

import yaml

from quiz.importers.common import Imported, clean
from quiz.model import Difficulty, Question, QuestionType, accepted_numbers, plain_number


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
            assert question.number is not None
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
    if question.difficulty is not Difficulty.MEDIUM:
        entry["difficulty"] = question.difficulty.value
    if question.tags:
        entry["tags"] = list(question.tags)
    if question.source:
        entry["source"] = question.source
    return entry


def to_yaml(imported: Imported, title: str, description: str, header: str = "") -> str:
    """The native bank as YAML text; ``header`` becomes comment lines at the top."""

    class _Dumper(yaml.SafeDumper):
        """Indents lists under their key and writes multi-line text as ``|`` blocks."""

        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False)

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    _Dumper.add_representer(str, text)
    document = {
        "title": title,
        "description": description,
        "questions": [question_document(q) for q in imported.questions],
    }
    body = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000)
    # A blank line between questions, as a person would write them.
    head, first, rest = body.partition("\n  - id: ")
    body = head + first + rest.replace("\n  - id: ", "\n\n  - id: ")
    comments = "".join(f"# {line}".rstrip() + "\n" for line in clean(header).splitlines())
    return comments + body
