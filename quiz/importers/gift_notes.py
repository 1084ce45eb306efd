"""Slips in GIFT that Moodle reads without a word, named for the author. Pure.

Each function looks at one question's text (with its escapes held as placeholders, see
:func:`.gift_text.protect`) and returns what to tell the author, or nothing. None of
them changes how a question converts, except :func:`late_feedback`'s text, which the
importer takes as the explanation instead of leaving it in the prompt.
"""

from __future__ import annotations

import re

from quiz.format.text import escape_controls
from quiz.importers.common import Note, excerpt
from quiz.importers.gift_answers import Answers
from quiz.importers.gift_text import restore
from quiz.model import QuestionType

# An '=' glued to the text before it: "=2+2=4" (not "~=", "==" or " =").
_GLUED_EQUALS = re.compile(r"(?<=[^\s~=])=")
_SPACED_SEPARATOR = re.compile(r"\s[~=]")
_SEPARATOR = re.compile(r"[~=#]")
_BOOLEANS = {"t": "{T} or {TRUE}", "true": "{T} or {TRUE}", "f": "{F} or {FALSE}"}
_BOOLEANS["false"] = _BOOLEANS["f"]


LABELS_NOTE = "the choices start with the labels"
_LABELS_WHY = "the game shuffles the choices and numbers them itself"


def labels_once(notes: list[Note]) -> list[Note]:
    """The notes with dropped labels told once, at the first question that had them,
    with how many more questions had them too (a file labels all its choices or none)."""
    told = [note for note in notes if note.message.startswith(LABELS_NOTE)]
    if len(told) < 2:
        return notes
    others = len(told) - 1
    s = "s" if others > 1 else ""
    first = Note(told[0].line, f"{told[0].message} (as in {others} more question{s})")
    later = {id(note) for note in told[1:]}  # a set: linear however many there are
    return [first if note is told[0] else note for note in notes if id(note) not in later]


def _fix(text: str) -> str:
    """Source text as it goes in a suggested fix: escapes restored, no control characters."""
    return escape_controls(restore(text).strip())


def unclosed_title(text: str) -> str:
    """The note for ``::Q1 Which planet...``: a title never closed with ``::`` (``text``
    is the question after its opening ``::``)."""
    word = _fix(text.split(maxsplit=1)[0] if text.strip() else "")[:40]
    return (
        f"the title '::{word}' is not closed with '::', so it is read as part of the "
        f"question's text; close it: ::{word}::"
    )


def late_feedback(feedback: str) -> str:
    """The note for ``{...}####text``: general feedback after the closing brace, which
    Moodle would leave in the question's text."""
    return (
        "general feedback (####) after the closing '}' is taken as the explanation; "
        f"Moodle reads it only inside the braces: {{… ####{_fix(feedback)[:40]}}}"
    )


def split_answer(text: str) -> str | None:
    """What to say when an '=' inside a choice (``{=2+2=4 ~2+2=5}``) starts a new answer,
    or ``None``. Only in a multiple-choice block whose answers are spaced out: in
    ``{=Mars~Venus=Jupiter}`` every separator is glued, and meant."""
    if text.startswith("#") or "~" not in text or not _SPACED_SEPARATOR.search(text):
        return None
    glued = _GLUED_EQUALS.search(text)
    if glued is None:
        return None
    at = glued.start()
    start = max(text.rfind("~", 0, at), text.rfind("=", 0, at)) + 1
    after = _SEPARATOR.search(text, at + 1)
    left = restore(text[start:at]).strip()
    right = restore(text[at + 1 : after.start() if after else len(text)]).strip()
    return (
        f"'=' inside an answer starts a new answer, so {excerpt(f'{left}={right}')} is read "
        f"as {excerpt(left)} and {excerpt(right)}: write {_fix(left)}\\={_fix(right)} for a "
        "literal '='"
    )


def answer_notes(text: str, found: Answers) -> list[str]:
    """Notes on an answer block that converted: ``{true}`` read as a short answer, and
    choices that keep the commas written between them."""
    notes: list[str] = []
    word = text.split("#", 1)[0].strip()
    if found.type is QuestionType.TEXT and (fix := _BOOLEANS.get(word.casefold())):
        notes.append(
            f"{{{_fix(word)}}} is read as a short answer '{_fix(word)}' (players type it), as "
            f"Moodle reads it; for a true/false question write {fix} in capitals"
        )
    if found.labels:
        named = ", ".join(f"'{label}'" for label in found.labels[:3])
        more = ", ..." if len(found.labels) > 3 else ""
        notes.append(f"{LABELS_NOTE} {named}{more}, which are dropped: {_LABELS_WHY}")
    choices = found.choices
    if len(choices) >= 2 and all(choice.endswith(",") for choice in choices[:-1]):
        notes.append(
            f"the choices end in commas ({excerpt(choices[0])}): answers are separated by "
            "~ and = alone, so the commas are part of the choices; remove them"
        )
    return notes
