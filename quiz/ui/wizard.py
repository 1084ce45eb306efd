"""The question wizard of ``quiz add``: asks for each field of one question, checking
each answer as it is given, and returns the question's fields in file order.

It asks through a :class:`quiz.ui.prompters.Prompter`. Ctrl-C, or the end of input,
raises ``KeyboardInterrupt``: nothing is written.
"""

from __future__ import annotations

import re

from quiz.format.rules import CHOICE_RANGE, EXTRA_RANGE, ID_PATTERN, ITEM_RANGE, PAIR_RANGE
from quiz.format.text import find_control_character, look_alike_key, normalize_answer
from quiz.model import Difficulty, QuestionType
from quiz.ui.prompters import Check, Prompter

Fields = dict[str, str | list[str] | list[dict[str, str]]]

TYPE_HELP = {
    QuestionType.SINGLE: "single: pick one of the choices",
    QuestionType.MULTI: "multi: pick every right choice",
    QuestionType.BOOLEAN: "boolean: true or false",
    QuestionType.TEXT: "text: type the answer",
    QuestionType.NUMBER: "number: type a number",
    QuestionType.ORDER: "order: put items in order",
    QuestionType.MATCH: "match: pair each left with its right",
}


def _plain_text(value: str) -> str | None:
    index = find_control_character(value)
    if index >= 0:
        return "Control characters are not allowed in question files."
    return None


def required(value: str) -> str | None:
    """A check: some text is needed."""
    if not value.strip():
        return "Please type something (it cannot be empty)."
    return _plain_text(value)


def optional(value: str) -> str | None:
    """A check: any text, or nothing."""
    return _plain_text(value)


def number_text(minimum: float | None = None) -> Check:
    """A check: a number, at least ``minimum`` when given."""

    def check(value: str) -> str | None:
        try:
            number = float(value.strip().replace("_", ""))
        except ValueError:
            return "Please type a number, like 42 or 3.5."
        if number != number or number in (float("inf"), float("-inf")):
            return "Please type a finite number."
        if minimum is not None and number < minimum:
            return f"Please type a number of {minimum:g} or more."
        return None

    return check


def ask_question(prompter: Prompter, taken_ids: set[str]) -> Fields:
    """Ask for every field of one question; the fields in the order a file shows them."""
    kinds = list(QuestionType)
    qtype = kinds[prompter.select("Question type:", [TYPE_HELP[k] for k in kinds])]
    prompt = prompter.text("Prompt (the question):", required).strip()
    fields: Fields = {"id": _ask_id(prompter, prompt, taken_ids), "type": qtype.value}
    fields["prompt"] = prompt
    if qtype in (QuestionType.SINGLE, QuestionType.MULTI):
        choices = _ask_entries(prompter, "choice", CHOICE_RANGE)
        fields["choices"] = choices
        if qtype is QuestionType.SINGLE:
            fields["answer"] = choices[prompter.select("The right choice:", choices)]
        else:
            picked = prompter.checkbox("The right choices (at least one):", choices)
            fields["answer"] = [choices[i] for i in picked]
    elif qtype is QuestionType.BOOLEAN:
        fields["answer"] = ["true", "false"][prompter.select("The answer:", ["true", "false"])]
    elif qtype is QuestionType.TEXT:
        prompter.say("Accepted answers, one per line; an empty line ends the list.")
        answers = _ask_entries(prompter, "accepted answer", (1, 20), _comparable)
        fields["answer"] = answers[0] if len(answers) == 1 else answers
    elif qtype is QuestionType.NUMBER:
        fields["answer"] = prompter.text("The answer (a number):", number_text()).strip()
        tolerance = prompter.text("Tolerance (how far off is still right):", number_text(0), "0")
        if float(tolerance) != 0:
            fields["tolerance"] = tolerance.strip()
    elif qtype is QuestionType.ORDER:
        prompter.say("The items in the right order, one per line; an empty line ends the list.")
        fields["items"] = _ask_entries(prompter, "item", ITEM_RANGE)
    else:
        _ask_pairs(prompter, fields)
    _ask_details(prompter, fields)
    return fields


def _ask_pairs(prompter: Prompter, fields: Fields) -> None:
    prompter.say("Pairs one per line, as 'left = right'; an empty line ends the list.")
    lines = _ask_entries(prompter, "pair", PAIR_RANGE, _pair_problem)
    fields["pairs"] = [dict(zip(("left", "right"), _pair(line), strict=True)) for line in lines]
    prompter.say("Wrong rights to offer too (optional), one per line; an empty line ends.")
    extra = _ask_entries(prompter, "extra right", EXTRA_RANGE)
    if extra:
        fields["extra"] = extra


def _pair(line: str) -> tuple[str, str]:
    left, _, right = line.partition("=")
    return left.strip(), right.strip()


def _pair_problem(value: str) -> str | None:
    left, right = _pair(value)
    if "=" not in value or not left or not right:
        return "Write the pair as 'left = right', with text on both sides."
    return None


def _ask_details(prompter: Prompter, fields: Fields) -> None:
    explanation = prompter.text("Explanation (why; shown after the answer):", optional).strip()
    if explanation:
        fields["explanation"] = explanation
    hint = prompter.text("Hint (optional; using it halves the points):", optional).strip()
    if hint:
        fields["hint"] = hint
    levels = [d.value for d in Difficulty]
    level = levels[prompter.select("Difficulty:", levels, levels.index("medium"))]
    if level != "medium":
        fields["difficulty"] = level
    tags = prompter.text("Tags (optional, separated by commas):", optional)
    words = list(dict.fromkeys(t.strip() for t in tags.split(",") if t.strip()))
    if words:
        fields["tags"] = words


def _comparable(value: str) -> str | None:
    if not normalize_answer(value):
        return "An accepted answer needs letters or digits to compare."
    return None


def _ask_entries(
    prompter: Prompter, what: str, limits: tuple[int, int], extra: Check | None = None
) -> list[str]:
    """Entries one per line until an empty line (once there are enough) or the most."""
    low, high = limits
    entries: list[str] = []
    seen: set[str] = set()
    if what in ("choice", "item"):
        prompter.say(f"{what.capitalize()}s one per line ({low} to {high}); an empty line ends.")

    def check(value: str) -> str | None:
        text = value.strip()
        if not text:
            return None if len(entries) >= low else f"At least {low} {what}s are needed."
        if look_alike_key(text) in seen:
            return f"'{text}' is already in the list."
        return _plain_text(text) or (extra(text) if extra else None)

    while len(entries) < high:
        value = prompter.text(f"{what.capitalize()} {len(entries) + 1}:", check).strip()
        if not value:
            break
        entries.append(value)
        seen.add(look_alike_key(value))
    return entries


def _slug(prompt: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", prompt.lower())
    return "-".join(words[:4]) or "question"


def _ask_id(prompter: Prompter, prompt: str, taken: set[str]) -> str:
    base = _slug(prompt)
    suggestion, count = base, 1
    while suggestion in taken:
        count += 1
        suggestion = f"{base}-{count}"

    def check(value: str) -> str | None:
        text = value.strip()
        if not ID_PATTERN.fullmatch(text):
            return "An id holds only letters, digits, '-' and '_'."
        if text in taken:
            return f"The file already has a question '{text}'."
        return None

    return prompter.text("Id (unique in the file):", check, suggestion).strip()
