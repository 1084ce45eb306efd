"""``quiz validate --show``: every question of a bank as the game will ask it, its
choices numbered and its answers marked, so that a slip no rule can see (a comma that
split ``Washington, D.C.`` into two choices) is seen by the author."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from quiz.model import Bank, Question, QuestionType, format_number, rights_reusable

_MARK = "✓"


def question_sheet(bank: Bank) -> Group:
    """The bank's title, then each question: its number, id, type, passage and prompt,
    then its choices (right ones marked), items in order, pairs, or accepted answers,
    and its hint, explanation and source."""
    parts: list[Text] = [Text(bank.title, style="quiz.title")]
    for number, question in enumerate(bank.questions, start=1):
        parts.append(_question(number, question))
    parts.append(Text("(The game shows choices and items in a random order.)", style="quiz.muted"))
    return Group(*parts)


def _question(number: int, question: Question) -> Text:
    head = Text.assemble(
        "\n",
        (f"{number}. ", "bold"),
        (f"[{question.id}, {question.type}, {question.difficulty}]", "quiz.muted"),
    )
    lines: list[Text] = [head]
    if question.passage:  # above the prompt, as the game shows it
        lines.extend(
            Text(f"   {line}", style="quiz.muted") for line in question.passage.split("\n")
        )
    lines.append(Text.assemble("   ", question.prompt))
    if question.type in (QuestionType.SINGLE, QuestionType.MULTI):
        for index, choice in enumerate(question.choices, start=1):
            right = choice in question.answers
            lines.append(
                Text.assemble(
                    f"   {index:>2}) ",
                    (choice, "quiz.correct" if right else ""),
                    (f"  {_MARK} answer" if right else "", "quiz.correct"),
                )
            )
    elif question.type is QuestionType.ORDER:
        for index, item in enumerate(question.items, start=1):
            lines.append(Text(f"   {index:>2}. {item}"))
    elif question.type is QuestionType.BOOLEAN:
        lines.append(Text(f"   {_MARK} answer: {'true' if question.truth else 'false'}"))
    elif question.type is QuestionType.NUMBER:
        assert question.number is not None
        shown = format_number(question.number)
        if question.tolerance:
            shown += f" (± {format_number(question.tolerance)})"
        lines.append(Text(f"   {_MARK} answer: {shown}"))
    elif question.type is QuestionType.MATCH:
        lines.extend(_pairs(question))
    else:
        accepted = " | ".join(question.answers)
        lines.append(Text.assemble(f"   {_MARK} accepted: ", accepted))
    if question.hint:
        lines.append(Text.assemble("   hint: ", question.hint, style="quiz.muted"))
    if question.explanation:
        lines.append(Text.assemble("   why: ", question.explanation, style="quiz.muted"))
    if question.source:
        lines.append(Text.assemble("   source: ", question.source, style="quiz.muted"))
    return Text("\n").join(lines)


def _pairs(question: Question) -> list[Text]:
    """Each item with its right (numbered as the game numbers the items), then the
    rights that match no item, which the game offers among the others."""
    lines = [
        Text.assemble(f"   {index:>2}) {left} → ", (right, "quiz.correct"))
        for index, (left, right) in enumerate(question.pairs, start=1)
    ]
    lines.extend(Text(f"       {extra}  (matches no item)") for extra in question.extra)
    if rights_reusable(question):
        lines.append(Text("   (an answer may be used for more than one item)", style="quiz.muted"))
    return lines
