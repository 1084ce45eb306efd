"""Open Trivia DB JSON to bank questions. Pure: text in, :class:`Imported` out.

Takes what ``https://opentdb.com/api.php`` answers (``{"response_code": 0,
"results": [...]}``) or a bare list of its question objects. Each result maps so:

- ``type: multiple`` becomes single: ``correct_answer`` and ``incorrect_answers`` are
  the choices, sorted (the game shuffles them anyway), the correct one the answer;
  ``type: boolean`` becomes boolean (``correct_answer`` is ``True`` or ``False``).
- ``difficulty`` is kept; ``category`` becomes a tag (slugged:
  ``Science & Nature`` gives ``science-nature``).
- Text is decoded: HTML entities (``&quot;``, ``&#039;``, ``&amp;``; the API's
  default) and, when the whole response was asked for with ``encode=base64``, base64.

Anything else is skipped with the line its object starts on. A response code other
than 0 means the API sent no questions, and is an error.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
from typing import Any

from quiz.format.text import escape_controls
from quiz.importers.common import (
    Imported,
    ImportSourceError,
    Skip,
    choice_problem,
    clean,
    question_id,
    slugify,
)
from quiz.model import Difficulty, Question, QuestionType

TYPES = ("multiple", "boolean")
RESPONSE_CODES = {
    1: "no results (the API has too few questions for the query)",
    2: "invalid parameter",
    3: "session token not found",
    4: "session token exhausted: every question for the query was sent",
    5: "rate limit: too many requests",
}
_WHITESPACE = " \t\n\r"


def parse(text: str) -> Imported:
    """Convert an Open Trivia DB response; raise :class:`ImportSourceError` if it is not one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportSourceError(
            f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise ImportSourceError("not an Open Trivia DB response (nested too deeply)") from None
    except ValueError:  # an integer of more digits than Python converts
        raise ImportSourceError(
            "not an Open Trivia DB response (it holds a number thousands of digits long)"
        ) from None
    if isinstance(data, dict):
        code = data.get("response_code", 0)
        if code != 0:
            meaning = RESPONSE_CODES.get(code, "unknown code") if isinstance(code, int) else "?"
            raise ImportSourceError(f"Open Trivia DB answered response code {code}: {meaning}")
        results = data.get("results")
        if not isinstance(results, list):
            raise ImportSourceError("an Open Trivia DB response needs a 'results' list")
        start = _member_offsets(text, _skip(text, 0))["results"]
    elif isinstance(data, list):
        results, start = data, _skip(text, 0)
    else:
        raise ImportSourceError("expected an Open Trivia DB response: a JSON object or list")
    questions: list[Question] = []
    skips: list[Skip] = []
    for line, item in zip(_lines(text, _element_offsets(text, start)), results, strict=True):
        result = _question(item)
        if isinstance(result, Question):
            questions.append(result)
        else:
            skips.append(Skip(line, result))
    return Imported(tuple(questions), tuple(skips))


def _question(item: Any) -> Question | str:
    if not isinstance(item, dict):
        return "not a question object"
    if _is_base64(item):
        item = _decoded(item)
    kind = item.get("type")
    if kind not in TYPES:
        return f"type {kind!r} is neither 'multiple' nor 'boolean'"
    prompt = _text(item.get("question"))
    correct = _text(item.get("correct_answer"))
    wrong = item.get("incorrect_answers")
    if not prompt:
        return "the question has no text"
    if not correct:
        return "no correct_answer"
    tags = (tag,) if (tag := slugify(_text(item.get("category")), limit=60)) else ()
    difficulty = item.get("difficulty")
    level = Difficulty(difficulty) if difficulty in tuple(Difficulty) else Difficulty.MEDIUM
    qid = question_id(None, prompt)
    if kind == "boolean":
        if correct not in ("True", "False"):
            shown = escape_controls(correct)
            return f"a boolean question's correct_answer is True or False, not '{shown}'"
        return Question(
            qid,
            QuestionType.BOOLEAN,
            prompt,
            truth=correct == "True",
            difficulty=level,
            tags=tags,
        )
    if not isinstance(wrong, list) or not all(isinstance(w, str) for w in wrong):
        return "incorrect_answers is not a list of text"
    choices = (correct, *(_text(w) for w in wrong))
    if problem := choice_problem(choices):
        return problem
    return Question(
        qid,
        QuestionType.SINGLE,
        prompt,
        choices=tuple(sorted(choices, key=str.casefold)),
        answers=(correct,),
        difficulty=level,
        tags=tags,
    )


def _text(value: Any) -> str:
    return clean(html.unescape(value)) if isinstance(value, str) else ""


def _is_base64(item: dict[str, Any]) -> bool:
    """Whether a result was sent base64-encoded (its type then decodes to a known one)."""
    kind = item.get("type")
    return isinstance(kind, str) and kind not in TYPES and _b64(kind) in TYPES


def _decoded(item: dict[str, Any]) -> dict[str, Any]:
    def decode(value: Any) -> Any:
        # One level of lists only (incorrect_answers): deeper nesting is no question.
        if isinstance(value, list):
            return [_b64(v) if isinstance(v, str) else None for v in value]
        return _b64(value) if isinstance(value, str) else value

    return {key: decode(value) for key, value in item.items()}


def _b64(value: str) -> str | None:
    try:
        return base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, ValueError):  # not base64, not ASCII, or not UTF-8
        return None


# -- where each result starts: json gives no positions, so walk the (valid) text ----------


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in _WHITESPACE:
        index += 1
    return index


def _member_offsets(text: str, start: int) -> dict[str, int]:
    """Where each value of the JSON object at ``start`` begins, by key."""
    decoder = json.JSONDecoder()
    offsets: dict[str, int] = {}
    index = _skip(text, start + 1)
    while text[index] != "}":
        key, index = decoder.raw_decode(text, index)
        index = _skip(text, _skip(text, index) + 1)  # past the colon
        offsets[key] = index
        index = _skip(text, decoder.raw_decode(text, index)[1])
        if text[index] == ",":
            index = _skip(text, index + 1)
    return offsets


def _element_offsets(text: str, start: int) -> list[int]:
    """Where each element of the JSON array at ``start`` begins."""
    decoder = json.JSONDecoder()
    offsets: list[int] = []
    index = _skip(text, start + 1)
    while text[index] != "]":
        offsets.append(index)
        index = _skip(text, decoder.raw_decode(text, index)[1])
        if text[index] == ",":
            index = _skip(text, index + 1)
    return offsets


def _lines(text: str, offsets: list[int]) -> list[int]:
    """The 1-based line of each offset (offsets ascending)."""
    lines, line, previous = [], 1, 0
    for offset in offsets:
        line += text.count("\n", previous, offset)
        lines.append(line)
        previous = offset
    return lines
