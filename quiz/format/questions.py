"""Checking one entry of 'questions': its keys, its type and the answer its type needs.

Each answer handler returns an :class:`Answer` with the fields of its type; the
question is built only when the entry added no error.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

from quiz.format.answer_lists import check_numbers, check_pairs
from quiz.format.nodes import Mapping, Node, Sequence, kind_name
from quiz.format.rules import (
    CHOICE_RANGE,
    ID_PATTERN,
    ITEM_RANGE,
    QUESTION_KEYS,
    TRUTH,
    TYPE_KEYS,
)
from quiz.format.shapes import Checker, suggest
from quiz.format.text import normalize_answer
from quiz.model import Difficulty, Question, QuestionType, format_number

TYPES = {t.value: t for t in QuestionType}
DIFFICULTIES = {d.value: d for d in Difficulty}
TYPE_NAMES = tuple(TYPES)
DIFFICULTY_NAMES = tuple(DIFFICULTIES)


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


class QuestionChecker:
    """Checks one entry of 'questions'."""

    def __init__(
        self,
        checker: Checker,
        node: Node,
        number: int,
        bank_tags: tuple[str, ...],
        ids: dict[str, int],
    ) -> None:
        self.c = checker
        self.ids = ids
        self.node = node
        self.bank_tags = bank_tags
        self.label = f"question {number}"

    def build(self) -> Question | None:
        """The question, or ``None`` when the entry has an error (each one reported)."""
        c, node = self.c, self.node
        if not isinstance(node, Mapping):
            c.error(
                node,
                f"{self.label} must be keys with values, like 'id: ...' and 'prompt: ...', "
                f"not {kind_name(node)}",
            )
            return None
        before = c.error_count
        values = c.fields(node, QUESTION_KEYS, "", restart="id")
        qid = self.identifier(values.get("id"))
        if qid is not None:
            self.label = f"question '{qid}'"
        prompt = c.text(values.get("prompt"), "prompt", required=True)
        if "prompt" not in values and "prompt" not in c.suggested:
            c.error(node, f"{self.label} is missing 'prompt'")
        # A type written but left empty is an error, not a silently skipped question.
        type_name = c.enum_value(values.get("type"), "type", TYPE_NAMES, True) or (
            None if "type" in values else QuestionType.SINGLE.value
        )
        difficulty = c.enum_value(values.get("difficulty"), "difficulty", DIFFICULTY_NAMES)
        explanation = self.explanation(values)
        hint = c.text(values.get("hint"), "hint")
        source = c.text(values.get("source"), "source")
        passage = c.text(values.get("passage"), "passage")
        tags = c.text_list(values.get("tags"), "tags") or []
        answer = self.typed_answer(type_name, values)
        if c.error_count > before or qid is None or prompt is None or type_name is None:
            return None
        return Question(
            id=qid,
            type=TYPES[type_name],
            prompt=prompt,
            explanation=explanation or "",
            hint=hint,
            difficulty=DIFFICULTIES[difficulty] if difficulty else Difficulty.MEDIUM,
            tags=tuple(dict.fromkeys((*self.bank_tags, *(t for t, _ in tags)))),
            source=source,
            choices=answer.choices,
            answers=answer.answers,
            truth=answer.truth,
            number=answer.number,
            tolerance=answer.tolerance,
            items=answer.items,
            numbers=answer.numbers,
            pairs=answer.pairs,
            extra=answer.extra,
            passage=passage,
        )

    def explanation(self, values: dict[str, Node]) -> str | None:
        """The explanation; its absence is a warning (unless a misspelled key is its
        cause, already reported)."""
        c = self.c
        explanation = c.text(values.get("explanation"), "explanation")
        misspelled = "explanation" in c.suggested
        if explanation is None and "explanation" not in values and not misspelled:
            c.warn(self.node, f"{self.label} has no 'explanation'; players will not learn why")
        return explanation

    def typed_answer(self, type_name: str | None, values: dict[str, Node]) -> Answer:
        """The answer fields the type needs; keys of other types are errors."""
        if type_name is None:
            # The type is unknown, but some rules hold whatever the type: check them.
            for key in ("choices", "items"):
                self.c.text_list(values.get(key), key)
            self.tolerance(values)
            return NO_ANSWER
        qtype = TYPES[type_name]
        for key in TYPE_KEYS:
            if key in values and qtype not in TYPE_KEYS[key]:
                self.misplaced(key, qtype, values[key])
        return self.answer(qtype, values)

    def identifier(self, node: Node | None) -> str | None:
        if node is None:
            if "id" not in self.c.suggested:
                self.c.error(self.node, f"{self.label} is missing 'id'")
            return None
        value = self.c.text(node, "id", required=True)
        if value is None:
            return None
        if not ID_PATTERN.fullmatch(value):
            self.c.error(node, f"id '{value}' may hold only letters, digits, '-' and '_'")
            return None
        if value in self.ids:
            first = self.ids[value]
            self.c.error(node, f"duplicate id '{value}' (first used at line {first})")
            return None
        self.ids[value] = node.line
        return value

    def misplaced(self, key: str, qtype: QuestionType, node: Node) -> None:
        if key == "answer" and qtype is QuestionType.MATCH:
            advice = "; list the 'pairs' instead"
        elif key == "answer":
            advice = "; list 'items' in the right order instead"
        else:
            kinds = " and ".join(sorted(t.value for t in TYPE_KEYS[key]))
            advice = f"; it is for {kinds} questions"
        self.c.error(node, f"'{key}' does not apply to {_article(qtype)} {qtype} question{advice}")

    def required(self, values: dict[str, Node], key: str) -> Node | None:
        node = values.get(key)
        # A misspelled key is reported as itself (the cause), not also as missing.
        if node is None and key not in self.c.suggested:
            self.c.error(self.node, f"{self.label} is missing '{key}'")
        return node

    def answer(self, qtype: QuestionType, values: dict[str, Node]) -> Answer:
        return _ANSWER_CHECKS[qtype](self, values)

    def choices(self, values: dict[str, Node]) -> list[tuple[str, Node]] | None:
        node = self.required(values, "choices")
        entries = self.c.text_list(node, "choices")
        if entries is None or node is None:
            return None
        if not self.c.counted(entries, node, "choices", CHOICE_RANGE):
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
        node = self.required(values, "items")
        entries = self.c.text_list(node, "items")
        if entries is None or node is None:
            return NO_ANSWER
        if not self.c.counted(entries, node, "items", ITEM_RANGE):
            return NO_ANSWER
        return Answer(items=tuple(value for value, _ in entries))

    def match(self, values: dict[str, Node]) -> Answer:
        """The pairs (and extra rights) of a match question."""
        node = self.required(values, "pairs")
        checked = check_pairs(self.c, node, values.get("extra")) if node is not None else None
        return NO_ANSWER if checked is None else Answer(pairs=checked[0], extra=checked[1])


_ANSWER_CHECKS: dict[QuestionType, Callable[[QuestionChecker, dict[str, Node]], Answer]] = {
    QuestionType.SINGLE: QuestionChecker.single,
    QuestionType.MULTI: QuestionChecker.multi,
    QuestionType.BOOLEAN: QuestionChecker.boolean,
    QuestionType.TEXT: QuestionChecker.text_answer,
    QuestionType.NUMBER: QuestionChecker.number,
    QuestionType.ORDER: QuestionChecker.order,
    QuestionType.MATCH: QuestionChecker.match,
}


def _article(qtype: QuestionType) -> str:
    return "an" if qtype.value[0] in "aeiou" else "a"
