"""A bank as CSV, one row per question, for spreadsheets.

The columns are :data:`COLUMNS`; README's "Exporting" section says what each holds.
A cell with several values (choices, accepted answers, items, pairs, tags) holds one
per line. The file is UTF-8 with a byte-order mark, so that spreadsheets read its
letters right. A cell that would start with ``=``, ``+``, ``-``, ``@`` or a tab
(a formula, to a spreadsheet) starts with ``'`` instead: text from files is data.
"""

from __future__ import annotations

import csv
import io

from quiz.importers.exported import Exported
from quiz.model import Bank, Question, QuestionType, accepted_numbers, format_number

COLUMNS = (
    "id",
    "type",
    "prompt",
    "choices",
    "answer",
    "tolerance",
    "extra",
    "explanation",
    "hint",
    "difficulty",
    "tags",
    "source",
    "passage",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def export_csv(bank: Bank) -> Exported:
    """The bank as CSV (UTF-8 with a byte-order mark, CRLF line ends as RFC 4180)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for question in bank.questions:
        writer.writerow([_safe(cell) for cell in row(question)])
    return Exported(out.getvalue().encode("utf-8-sig"), len(bank.questions))


def row(q: Question) -> list[str]:
    """The cells of one question, in the order of :data:`COLUMNS`."""
    match q.type:
        case QuestionType.BOOLEAN:
            answer = "true" if q.truth else "false"
        case QuestionType.NUMBER:
            answer = "\n".join(map(format_number, accepted_numbers(q)))
        case QuestionType.ORDER:
            answer = "\n".join(q.items)
        case QuestionType.MATCH:
            answer = "\n".join(f"{left} → {right}" for left, right in q.pairs)
        case _:
            answer = "\n".join(q.answers)
    return [
        q.id,
        q.type.value,
        q.prompt,
        "\n".join(q.choices),
        answer,
        format_number(q.tolerance) if q.type is QuestionType.NUMBER else "",
        "\n".join(q.extra),
        q.explanation,
        q.hint or "",
        q.difficulty.value,
        "\n".join(q.tags),
        q.source or "",
        q.passage or "",
    ]


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA) else cell
