"""Checking the answer of one question: the fields its type needs (the choices and the
right ones, the truth, accepted texts, a number and its tolerance, items in order, pairs).

Each check returns an :class:`Answer` with the fields of its type, reporting every
problem where it stands.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

from quiz.format.answer_lists import check_numbers, check_pairs
from quiz.format.nodes import Node, Sequence, kind_name
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
        return self.counted_list(values, "choices", CHOICE_RANGE)

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

    def pick(self, node: Node, choices: list[str]) -> str | None:
        value = self.c.text(node, "answer", required=True)
        if value is None:
            return None
        if value not in choices:
            if value.isdigit() and 1 <= int(value) <= len(choices):
                chosen = choices[int(value) - 1]
                self.c.error(
                    node,
                    f"an answer is the text of a choice, not its number: choice {value} is "
                    f"'{chosen}'; write answer: {chosen}",
                )
                return None
            self.c.error(
                node, f"answer '{value}' is not one of the choices{suggest(value, choices)}"
            )
            return None
        return value

    def single(self, values: dict[str, Node]) -> Answer:
        entries = self.choices(values)
        node = self.required(values, "answer")
        if entries is None or node is None:
            return NO_ANSWER
        choices = [value for value, _ in entries]
        if isinstance(node, Sequence):
            self.c.error(node, "a single question has one answer; use type: multi for several")
            return NO_ANSWER
        picked = self.pick(node, choices)
        return Answer(choices=tuple(choices), answers=(picked,)) if picked else NO_ANSWER

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
            value = self.pick(item, choices)
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
            entries = self.c.text_list(node, "answer") or []
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
        tolerance = self.tolerance(values)
        if isinstance(node, Sequence):  # several accepted numbers
            numbers = check_numbers(self.c, node, self.numeric)
            if not numbers:
                return Answer(tolerance=tolerance or 0.0)
            return Answer(number=numbers[0], numbers=numbers[1:], tolerance=tolerance or 0.0)
        value = self.numeric(node, "answer") if node is not None else None
        return Answer(number=value, tolerance=tolerance or 0.0)

    def tolerance(self, values: dict[str, Node]) -> float | None:
        """The tolerance when it is given and is a number of zero or more."""
        node = values.get("tolerance")
        if node is None:
            return None
        tolerance = self.numeric(node, "tolerance")
        if tolerance is not None and tolerance < 0:
            self.c.error(node, f"'tolerance' must be zero or more, not {format_number(tolerance)}")
            return None
        return tolerance

    def numeric(self, node: Node, what: str) -> float | None:
        text = self.c.text(node, what, required=True)
        if text is None:
            return None
        try:
            value = float(text.replace("_", ""))
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            self.c.error(node, f"'{what}' must be a number, not '{text}'")
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


_ANSWER_CHECKS: dict[QuestionType, Callable[[AnswerChecker, dict[str, Node]], Answer]] = {
    QuestionType.SINGLE: AnswerChecker.single,
    QuestionType.MULTI: AnswerChecker.multi,
    QuestionType.BOOLEAN: AnswerChecker.boolean,
    QuestionType.TEXT: AnswerChecker.text_answer,
    QuestionType.NUMBER: AnswerChecker.number,
    QuestionType.ORDER: AnswerChecker.order,
    QuestionType.MATCH: AnswerChecker.match,
}
