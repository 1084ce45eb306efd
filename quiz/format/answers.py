"""Checking the answer of one question: the fields its type needs (the choices and the
right ones, the truth, accepted texts, a number and its tolerance, items in order, pairs).

Each check returns an :class:`Answer` with the fields of its type, reporting every
problem where it stands.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

from quiz.format.advice import (
    comma_split,
    letter_index,
    lettered_message,
    not_a_number,
    split_message,
    unlettered,
    written,
)
from quiz.format.answer_lists import check_numbers, check_pairs
from quiz.format.nodes import Node, Scalar, Sequence, kind_name
from quiz.format.rules import CHOICE_RANGE, ITEM_RANGE, TRUTH
from quiz.format.shapes import Checker, suggest
from quiz.format.text import normalize_answer
from quiz.model import QuestionType, format_number


class Answer(NamedTuple):
    """The answer fields of a question; which are used depends on its type."""

    choices: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    truth: bool | None = None
    number: float | None = None
    tolerance: float = 0.0
    items: tuple[str, ...] = ()
    numbers: tuple[float, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    extra: tuple[str, ...] = ()


NO_ANSWER = Answer()


class AnswerChecker:
    """Checks the answer fields of one entry of 'questions' (``label`` names it)."""

    def __init__(self, checker: Checker, node: Node, label: str) -> None:
        self.c = checker
        self.node = node
        self.label = label

    def required(self, values: dict[str, Node], key: str) -> Node | None:
        node = values.get(key)
        # A misspelled key is reported as itself (the cause), not also as missing.
        if node is None and key not in self.c.suggested:
            self.c.error(self.node, f"{self.label} is missing '{key}'")
        return node

    def answer(self, qtype: QuestionType, values: dict[str, Node]) -> Answer:
        """The answer fields of a question of type ``qtype``."""
        return _ANSWER_CHECKS[qtype](self, values)

    def choices(self, values: dict[str, Node]) -> list[tuple[str, Node]] | None:
        """The choices; lettered by hand (``A) Venus``) is a warning."""
        entries = self.counted_list(values, "choices", CHOICE_RANGE)
        node = values.get("choices")
        if entries is not None and node is not None:
            choices = [value for value, _ in entries]
            bare = unlettered(choices)
            if bare is not None:
                self.c.warn(node, lettered_message(choices, bare, _one_line(node)))
        return entries

    def counted_list(
        self, values: dict[str, Node], key: str, limits: tuple[int, int]
    ) -> list[tuple[str, Node]] | None:
        """The required list of texts ``key``, with as many entries as ``limits`` allow."""
        node = self.required(values, key)
        entries = self.c.text_list(node, key)
        if entries is None or node is None:
            return None
        if not self.c.counted(entries, node, key, limits):
            return None
        return entries

    def pick(self, node: Node, entries: list[tuple[str, Node]], choices_node: Node) -> str | None:
        """The answer ``node`` when it is one of the choices, else ``None`` after saying
        why not: a choice's number or letter, a choice split at its comma, a slip."""
        value = self.c.text(node, "answer", required=True)
        if value is None or value in (choices := [choice for choice, _ in entries]):
            return value
        shown = unlettered(choices) or choices
        # A letter that is a choice in another case is a slip of case, not a letter.
        index = None if suggest(value, choices) else letter_index(value, len(choices))
        if value.isdigit() and 1 <= int(value) <= len(choices):
            how, index = "number", int(value) - 1
        else:
            how = "letter"
        if index is not None:
            fix = f"write answer: {written(shown[index])}"
            if shown is not choices:
                fix = f"leave the letters out of the choices and {fix}"
            self.c.error(
                node,
                f"an answer is the text of a choice, not its {how}: choice {value} is "
                f"'{choices[index]}'; {fix}",
            )
        elif (run := comma_split(value, entries)) is not None:
            message = split_message(value, choices, run, _one_line(choices_node))
            self.c.error(entries[run[0]][1], message)
        elif shown is not choices and value in shown:
            lettered = choices[shown.index(value)]
            self.c.error(
                node,
                f"answer '{value}' is written '{lettered}' in the choices: leave the letters "
                f"out of the choices (line {choices_node.line})",
            )
        else:
            advice = suggest(value, choices)
            self.c.error(node, f"answer '{value}' is not one of the choices{advice}")
        return None

    def single(self, values: dict[str, Node]) -> Answer:
        entries = self.choices(values)
        node = self.required(values, "answer")
        if entries is None or node is None:
            return NO_ANSWER
        choices = [value for value, _ in entries]
        if isinstance(node, Sequence):
            self.one_answer(node)
            return NO_ANSWER
        picked = self.pick(node, entries, values["choices"])
        return Answer(choices=tuple(choices), answers=(picked,)) if picked else NO_ANSWER

    def one_answer(self, node: Sequence) -> None:
        """A list as the answer of a single question: brackets around one answer, or
        several answers."""
        only = node.items[0] if len(node.items) == 1 else None
        value = self.c.text(only, "answer") if isinstance(only, Scalar) else None
        if value is not None:
            fix = f"write answer: {written(value)} (without brackets)"
            self.c.error(node, f"a single question has one answer: {fix}")
        else:
            self.c.error(node, "a single question has one answer; use type: multi for several")

    def multi(self, values: dict[str, Node]) -> Answer:
        entries = self.choices(values)
        node = self.required(values, "answer")
        if entries is None or node is None:
            return NO_ANSWER
        choices = [value for value, _ in entries]
        if not isinstance(node, Sequence):
            self.c.error(
                node,
                f"'answer' of a multi question must be a list of choices, not {kind_name(node)}",
            )
            return NO_ANSWER
        if not node.items:
            self.c.error(node, "'answer' of a multi question needs at least one choice")
            return NO_ANSWER
        picked: list[str] = []
        for item in node.items:
            value = self.pick(item, entries, values["choices"])
            if value is None:
                continue
            if value in picked:
                self.c.error(item, f"answer '{value}' is listed twice")
                continue
            picked.append(value)
        right = tuple(choice for choice in choices if choice in picked)
        return Answer(choices=tuple(choices), answers=right)

    def boolean(self, values: dict[str, Node]) -> Answer:
        node = self.required(values, "answer")
        if node is None:
            return NO_ANSWER
        value = self.c.text(node, "answer", required=True)
        if value is None:
            return NO_ANSWER
        truth = TRUTH.get(value.casefold())
        if truth is not None:
            return Answer(truth=truth)
        self.c.error(
            node, f"the answer of a boolean question is true or false (or yes/no), not '{value}'"
        )
        return NO_ANSWER

    def text_answer(self, values: dict[str, Node]) -> Answer:
        node = self.required(values, "answer")
        if node is None:
            return NO_ANSWER
        if isinstance(node, Sequence):
            entries = self.c.text_list(node, "answer", case_warns=True) or []
            if not node.items:
                self.c.error(node, "'answer' needs at least one accepted answer")
        else:
            value = self.c.text(node, "answer", required=True)
            entries = [(value, node)] if value is not None else []
        for value, item in entries:
            if not normalize_answer(value):
                self.c.error(item, f"accepted answer '{value}' has no letters or digits to compare")
        accepted = tuple(value for value, _ in entries)
        return Answer(answers=accepted) if accepted else NO_ANSWER

    def number(self, values: dict[str, Node]) -> Answer:
        node = self.required(values, "answer")
        if isinstance(node, Sequence):  # several accepted numbers
            numbers = check_numbers(self.c, node, self.numeric)
            tolerance = self.tolerance(values, numbers[0] if numbers else None) or 0.0
            if not numbers:
                return Answer(tolerance=tolerance)
            return Answer(number=numbers[0], numbers=numbers[1:], tolerance=tolerance)
        value = self.numeric(node, "answer") if node is not None else None
        return Answer(number=value, tolerance=self.tolerance(values, value) or 0.0)

    def tolerance(self, values: dict[str, Node], answer: float | None = None) -> float | None:
        """The tolerance when it is given and is a number of zero or more (``answer``,
        when known, words the advice for a tolerance in percent)."""
        node = values.get("tolerance")
        if node is None:
            return None
        tolerance = self.numeric(node, "tolerance", answer)
        if tolerance is not None and tolerance < 0:
            self.c.error(node, f"'tolerance' must be zero or more, not {format_number(tolerance)}")
            return None
        return tolerance

    def numeric(self, node: Node, what: str, answer: float | None = None) -> float | None:
        """The number ``node`` holds, or ``None`` after saying why it is not one."""
        text = self.c.text(node, what, required=True)
        if text is None:
            return None
        try:
            value = float(text.replace("_", ""))
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            self.c.error(node, not_a_number(text, what, answer))
            return None
        return value

    def order(self, values: dict[str, Node]) -> Answer:
        entries = self.counted_list(values, "items", ITEM_RANGE)
        if entries is None:
            return NO_ANSWER
        return Answer(items=tuple(value for value, _ in entries))

    def match(self, values: dict[str, Node]) -> Answer:
        """The pairs (and extra rights) of a match question."""
        node = self.required(values, "pairs")
        checked = check_pairs(self.c, node, values.get("extra")) if node is not None else None
        return NO_ANSWER if checked is None else Answer(pairs=checked[0], extra=checked[1])


def _one_line(node: Node) -> bool:
    """Whether a list is written in brackets on one line, where a fix can show it whole."""
    return isinstance(node, Sequence) and all(item.line == node.line for item in node.items)


_ANSWER_CHECKS: dict[QuestionType, Callable[[AnswerChecker, dict[str, Node]], Answer]] = {
    QuestionType.SINGLE: AnswerChecker.single,
    QuestionType.MULTI: AnswerChecker.multi,
    QuestionType.BOOLEAN: AnswerChecker.boolean,
    QuestionType.TEXT: AnswerChecker.text_answer,
    QuestionType.NUMBER: AnswerChecker.number,
    QuestionType.ORDER: AnswerChecker.order,
    QuestionType.MATCH: AnswerChecker.match,
}
