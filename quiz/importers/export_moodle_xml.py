"""A bank as Moodle XML (``<quiz>``), the richest format Moodle imports.

The same types as GIFT: single and multi are ``multichoice`` (multi with weights
that add up to 100% for the right choices and take as much off for each wrong
one, the game's own rule), boolean is ``truefalse``, text ``shortanswer``, number
``numerical`` (one answer per accepted number), match ``matching`` (an extra right is
a subquestion with no text). Every text is ``plain_text``. The explanation is the
general feedback and the feedback of each answer ("Right." or "Not this one."
followed by it); the hint is a Moodle hint; tags are tags; a ``$course$/top/TITLE``
category holds them all. Order questions are left out, each with the reason.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quiz.importers.export_gift import weight
from quiz.importers.exported import Exported, Left
from quiz.model import Bank, Question, QuestionType, accepted_numbers, format_number

PLAIN = "plain_text"
_TYPES = {
    QuestionType.SINGLE: "multichoice",
    QuestionType.MULTI: "multichoice",
    QuestionType.BOOLEAN: "truefalse",
    QuestionType.TEXT: "shortanswer",
    QuestionType.NUMBER: "numerical",
    QuestionType.MATCH: "matching",
}


def export_moodle_xml(bank: Bank) -> Exported:
    """The bank as a Moodle XML document (UTF-8)."""
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", type="category")
    _text(ET.SubElement(category, "category"), f"$course$/top/{bank.title.replace('/', '-')}")
    left: list[Left] = []
    for question in bank.questions:
        if question.type not in _TYPES:
            left.append(Left(question.id, "an order question: Moodle XML has no ordering type"))
            continue
        quiz.append(_question(question))
    ET.indent(quiz)
    data = ET.tostring(quiz, encoding="utf-8", xml_declaration=True) + b"\n"
    return Exported(data, len(bank.questions) - len(left), tuple(left))


def _text(parent: ET.Element, value: str) -> ET.Element:
    ET.SubElement(parent, "text").text = value
    return parent


def _formatted(parent: ET.Element, tag: str, value: str) -> ET.Element:
    return _text(ET.SubElement(parent, tag, format=PLAIN), value)


def _question(q: Question) -> ET.Element:
    element = ET.Element("question", type=_TYPES[q.type])
    _text(ET.SubElement(element, "name"), q.id)
    prompt = f"{q.passage}\n\n{q.prompt}" if q.passage else q.prompt
    _formatted(element, "questiontext", prompt)
    _formatted(element, "generalfeedback", q.explanation)
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = q.id
    match q.type:
        case QuestionType.SINGLE | QuestionType.MULTI:
            single = q.type is QuestionType.SINGLE
            ET.SubElement(element, "single").text = "true" if single else "false"
            ET.SubElement(element, "shuffleanswers").text = "true"
            ET.SubElement(element, "answernumbering").text = "abc"
            share = 1 / len(q.answers)
            for choice in q.choices:
                is_right = choice in q.answers
                fraction = (1.0 if single else share) if is_right else (0.0 if single else -share)
                _answer(element, choice, fraction, q.explanation)
        case QuestionType.BOOLEAN:
            _answer(element, "true", 1.0 if q.truth else 0.0, q.explanation)
            _answer(element, "false", 0.0 if q.truth else 1.0, q.explanation)
        case QuestionType.TEXT:
            ET.SubElement(element, "usecase").text = "0"
            for accepted in q.answers:
                # '*' is Moodle's wildcard in a short answer; '\\*' is the character itself.
                _answer(element, accepted.replace("*", "\\*"), 1.0, q.explanation)
        case QuestionType.NUMBER:
            for number in accepted_numbers(q):
                answer = _answer(element, format_number(number), 1.0, q.explanation)
                ET.SubElement(answer, "tolerance").text = format_number(q.tolerance)
        case QuestionType.MATCH:
            ET.SubElement(element, "shuffleanswers").text = "true"
            for left, right in (*q.pairs, *(("", extra) for extra in q.extra)):
                sub = _formatted(element, "subquestion", left)
                _text(ET.SubElement(sub, "answer"), right)
    if q.hint:
        _formatted(element, "hint", q.hint)
    if q.tags:
        tags = ET.SubElement(element, "tags")
        for tag in q.tags:
            _text(ET.SubElement(tags, "tag"), tag)
    return element


def _answer(parent: ET.Element, text: str, fraction: float, why: str) -> ET.Element:
    percent = weight(fraction).strip("%")
    answer = _text(ET.SubElement(parent, "answer", fraction=percent, format=PLAIN), text)
    said = "Right." if fraction > 0 else "Not this one."
    _formatted(answer, "feedback", f"{said} {why}".strip())
    return answer
