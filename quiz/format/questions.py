"""Checking one entry of 'questions': its keys, its id, its type and, through
:mod:`quiz.format.answers`, the answer its type needs. The question is built only when
the entry added no error.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.format.advice import id_message, suggested_id
from quiz.format.answers import NO_ANSWER, Answer, AnswerChecker
from quiz.format.nodes import Mapping, Node, kind_name
from quiz.format.rules import (
    ID_PATTERN,
    QUESTION_KEY_ADVICE,
    QUESTION_KEYS,
    TYPE_KEYS,
)
from quiz.format.shapes import Checker
from quiz.model import Difficulty, Question, QuestionType

TYPES = {t.value: t for t in QuestionType}
DIFFICULTIES = {d.value: d for d in Difficulty}
TYPE_NAMES = tuple(TYPES)
DIFFICULTY_NAMES = tuple(DIFFICULTIES)


@dataclass(slots=True)
class Seen:
    """What the questions read so far hold that a later one must not repeat, keyed as
    it is compared (so each question looks up, never scans, the earlier ones)."""

    # Each id in lower case -> its line; and for the ids not written in lower case,
    # the id as written (most ids are in lower case: they cost one entry, not two).
    ids: dict[str, int] = field(default_factory=dict)
    cased: dict[str, str] = field(default_factory=dict)
    # The hash of what a player sees of each question -> the line it starts on: a
    # million questions cost two ints each, not their text.
    questions: dict[int, int] = field(default_factory=dict)


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _shown(prompt: str, passage: str | None, qtype: str, answer: Answer) -> tuple[object, ...]:
    """What a player sees of a question, in no order where the game shuffles: its type,
    passage and prompt (case and spacing folded), and its choices, items or pairs as
    written (a copy not yet changed has them as they were)."""
    pairs = (p for pair in answer.pairs for p in pair)
    material = frozenset((*answer.choices, *answer.items, *pairs, *answer.extra))
    return (qtype, _folded(passage) if passage else "", _folded(prompt), material)


# What the same prompt comes with, for a question to be the same, by type.
_SHOWN_WITH = {"single": " and choices", "multi": " and choices", "order": " and items"}
_SHOWN_WITH["match"] = " and pairs"


class QuestionChecker:
    """Checks one entry of 'questions'."""

    def __init__(
        self,
        checker: Checker,
        node: Node,
        number: int,
        bank_tags: tuple[str, ...],
        seen: Seen,
    ) -> None:
        self.c = checker
        self.seen = seen
        self.number = number
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
        values = c.fields(node, QUESTION_KEYS, "", restart="id", advice=QUESTION_KEY_ADVICE)
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
        self.same_question(_shown(prompt, passage, type_name, answer), type_name)
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
            AnswerChecker(self.c, self.node, self.label).tolerance(values)
            return NO_ANSWER
        qtype = TYPES[type_name]
        for key in TYPE_KEYS:
            if key in values and qtype not in TYPE_KEYS[key]:
                self.misplaced(key, qtype, values[key])
        return AnswerChecker(self.c, self.node, self.label).answer(qtype, values)

    def identifier(self, node: Node | None) -> str | None:
        if node is None:
            if "id" not in self.c.suggested:
                self.c.error(self.node, f"{self.label} is missing 'id'")
            return None
        value = self.c.text(node, "id", required=True)
        if value is None:
            return None
        seen = self.seen
        if not ID_PATTERN.fullmatch(value):
            suggestion = suggested_id(value, self.number, seen.ids)
            self.c.error(node, id_message(value, suggestion))
            return None
        # An id is ASCII; one in lower case is its own key (no second copy of its text).
        lowered = value.lower()
        folded = value if lowered == value else lowered
        if folded in seen.ids:
            first, other = seen.ids[folded], seen.cased.get(folded, folded)
            if other == value:
                self.c.error(node, f"duplicate id '{value}' (first used at line {first})")
                return None
            self.c.warn(
                node,
                f"id '{value}' differs from id '{other}' (line {first}) only in case: "
                "stats and review keep the two apart, though they look the same; rename one",
            )
            return value
        seen.ids[folded] = node.line
        if folded != value:
            seen.cased[folded] = value
        return value

    def same_question(self, shown: tuple[object, ...], type_name: str) -> None:
        """A warning when an earlier question shows a player the same (a copy not
        changed): the same prompt, passage, and choices, items or pairs in any order."""
        node, known = self.node, self.seen.questions
        count = len(known)
        first = known.setdefault(hash(shown), node.line)
        if len(known) == count:  # seen before (an entry read again has a duplicate id)
            what = f"the same prompt{_SHOWN_WITH.get(type_name, '')}"
            self.c.warn(
                node,
                f"{self.label} has {what} as the question on line {first}; "
                "change one of them, or players are asked the same thing twice",
            )

    def misplaced(self, key: str, qtype: QuestionType, node: Node) -> None:
        if key == "answer" and qtype is QuestionType.MATCH:
            advice = "; list the 'pairs' instead"
        elif key == "answer":
            advice = "; list 'items' in the right order instead"
        else:
            kinds = " and ".join(sorted(t.value for t in TYPE_KEYS[key]))
            advice = f"; it is for {kinds} questions"
        self.c.error(node, f"'{key}' does not apply to {_article(qtype)} {qtype} question{advice}")


def _article(qtype: QuestionType) -> str:
    return "an" if qtype.value[0] in "aeiou" else "a"
