"""Hypothesis strategies: banks made only of what GIFT can hold, in the exact form
``quiz import`` gives back (clean text, slug ids, one lower-case tag)."""

from __future__ import annotations

import itertools
from dataclasses import replace

from hypothesis import strategies as st

from quiz.format.text import normalize_answer
from quiz.importers.common import clean
from quiz.model import Bank, Question, QuestionType

# Letters of several scripts, digits, spaces and every character GIFT escapes.
_ALPHABET = st.sampled_from(
    [*"abcXYZéßЖжπ中 0123456789~=#{}:\\[]%*-_>.,;!?'\"<&/\n", "\t", "->", "\u00a0"]
)


def _cleaned(text: str) -> str:
    return clean(text)


texts = st.lists(_ALPHABET, min_size=1, max_size=30).map("".join).map(_cleaned).filter(bool)
one_line = texts.map(lambda t: " ".join(t.split())).filter(bool)
ids = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
tags = st.from_regex(r"[a-zж]{1,6}( [a-z0-9]{1,6})?", fullmatch=True).filter(lambda t: t != "top")


def _distinct(values: list[str]) -> bool:
    return len({v.casefold() for v in values}) == len(values)


choices = st.lists(one_line, min_size=2, max_size=10).filter(_distinct)


@st.composite
def questions(draw: st.DrawFn, qid: str) -> Question:
    """One question of a type GIFT has."""
    kind = draw(st.sampled_from([t for t in QuestionType if t is not QuestionType.ORDER]))
    common = {
        "id": qid,
        "type": kind,
        "prompt": draw(texts),
        "explanation": draw(st.one_of(st.just(""), texts)),
        "tags": draw(st.one_of(st.just(()), tags.map(lambda t: (t,)))),
    }
    match kind:
        case QuestionType.SINGLE:
            listed = tuple(draw(choices))
            return Question(**common, choices=listed, answers=(draw(st.sampled_from(listed)),))  # type: ignore[arg-type]
        case QuestionType.MULTI:
            listed = tuple(draw(choices))
            picked = draw(st.sets(st.sampled_from(listed), min_size=1))
            right = tuple(c for c in listed if c in picked)
            return Question(**common, choices=listed, answers=right)  # type: ignore[arg-type]
        case QuestionType.BOOLEAN:
            return Question(**common, truth=draw(st.booleans()))  # type: ignore[arg-type]
        case QuestionType.TEXT:
            typed = one_line.filter(
                lambda t: len(t) <= 80 and "->" not in t and bool(normalize_answer(t))
            )
            accepted = draw(st.lists(typed, min_size=1, max_size=4).filter(_distinct))
            return Question(**common, answers=tuple(accepted))  # type: ignore[arg-type]
        case QuestionType.NUMBER:
            tolerance = draw(st.sampled_from([0.0, 0.5, 2.0, 1e-3]))
            values = draw(
                st.lists(
                    st.one_of(st.integers(-(10**9), 10**9).map(float), st.floats(-1e6, 1e6)),
                    min_size=1,
                    max_size=4,
                )
            )
            ordered = sorted(values)
            if any(b - a <= 2 * tolerance + 1e-6 for a, b in itertools.pairwise(ordered)):
                values = values[:1]
            return Question(  # type: ignore[arg-type]
                **common, number=values[0], numbers=tuple(values[1:]), tolerance=tolerance
            )
        case _:
            lefts = draw(
                st.lists(one_line.filter(lambda t: "->" not in t), min_size=2, max_size=10).filter(
                    _distinct
                )
            )
            rights = [draw(one_line) for _ in lefts]
            taken = {r.casefold() for r in rights}
            extra = draw(
                st.lists(one_line.filter(lambda t: t.casefold() not in taken), max_size=3).filter(
                    _distinct
                )
            )
            return Question(  # type: ignore[arg-type]
                **common, pairs=tuple(zip(lefts, rights, strict=True)), extra=tuple(extra)
            )


@st.composite
def gift_banks(draw: st.DrawFn) -> Bank:
    """A bank of 1 to 8 questions GIFT can hold; runs of them may share a passage."""
    names = draw(st.lists(ids, min_size=1, max_size=8, unique=True))
    made: list[Question] = []
    passage: str | None = None
    for name in names:
        question = draw(questions(name))
        if draw(st.integers(0, 3)) == 0:
            passage = draw(st.one_of(st.none(), texts))
        made.append(replace(question, passage=passage))
    return Bank("generated", "Generated", tuple(made))
