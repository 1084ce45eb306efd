"""``quiz validate --show``: every question of a bank as the game will ask it, its
choices numbered and its answers marked, so that a slip no rule can see (a comma that
split ``Washington, D.C.`` into two choices) is seen by the author."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from quiz.model import Bank, Question, QuestionType, format_number

_MARK = "✓"


def question_sheet(bank: Bank) -> Group:
    """The bank's title, then each question: its number, id, type and prompt, then its
    choices (right ones marked), items in order, or accepted answers."""
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
        "\n   ",
        question.prompt,
    )
    lines: list[Text] = [head]
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
    else:
        accepted = " | ".join(question.answers)
        lines.append(Text.assemble(f"   {_MARK} accepted: ", accepted))
    if question.hint:
        lines.append(Text.assemble("   hint: ", question.hint, style="quiz.muted"))
    if question.explanation:
        lines.append(Text.assemble("   why: ", question.explanation, style="quiz.muted"))
    return Text("\n").join(lines)
