"""A bank as an Anki deck (``.apkg``), through the maintained ``genanki``.

Every question becomes one note of the "Orbit Quiz" note type, with the fields
Question (the passage, the prompt and the choices or items), Answer and Explanation.
Ids are stable: the deck's from the bank's title, each note's from the bank's title
and the question's id, so importing a re-export into Anki updates the cards instead of
adding copies. Text goes into Anki's HTML fields escaped.
"""

from __future__ import annotations

import hashlib
import html
import io

from quiz.importers.exported import Exported
from quiz.model import Bank, Question, QuestionType, match_rights, right_answer_text

MODEL_NAME = "Orbit Quiz"
FIELDS = ("Question", "Answer", "Explanation")
_CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: left; }"


def stable_id(*parts: str) -> int:
    """An id Anki accepts (a positive 31-bit number beyond 2**30), the same for the
    same parts on every run."""
    digest = hashlib.sha256("\x1f".join(("orbit-quiz", *parts)).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_guid(bank_title: str, question_id: str) -> str:
    """The guid of a question's note: from the bank's title and the question's id."""
    import genanki

    return str(genanki.guid_for(bank_title, question_id))


def export_anki(bank: Bank) -> Exported:
    """The bank as the bytes of an ``.apkg`` file."""
    import genanki

    model = genanki.Model(
        stable_id("model", MODEL_NAME),
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Question}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}<br><br>{{Explanation}}',
            }
        ],
        css=_CSS,
    )
    deck = genanki.Deck(stable_id("deck", bank.title), bank.title)
    for question in bank.questions:
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[
                    _front(question),
                    _html(right_answer_text(question)),
                    _html(question.explanation),
                ],
                tags=["_".join(tag.split()) for tag in question.tags],
                guid=note_guid(bank.title, question.id),
            )
        )
    out = io.BytesIO()
    genanki.Package(deck).write_to_file(out)
    return Exported(out.getvalue(), len(bank.questions))


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _front(q: Question) -> str:
    parts = [f"<i>{_html(q.passage)}</i><br><br>"] if q.passage else []
    parts.append(_html(q.prompt))
    listed: tuple[str, ...] = ()
    match q.type:
        case QuestionType.SINGLE | QuestionType.MULTI:
            listed = q.choices
        case QuestionType.ORDER:
            listed = tuple(sorted(q.items, key=str.casefold))
        case QuestionType.MATCH:
            lefts = "".join(f"<li>{_html(left)}</li>" for left, _ in q.pairs)
            rights = ", ".join(_html(r) for r in sorted(match_rights(q), key=str.casefold))
            parts.append(f"<ol>{lefts}</ol>{rights}")
        case QuestionType.BOOLEAN:
            parts.append("<br>(True or false?)")
    if listed:
        parts.append("<ul>" + "".join(f"<li>{_html(item)}</li>" for item in listed) + "</ul>")
    return "".join(parts)
