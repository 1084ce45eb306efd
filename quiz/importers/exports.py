"""Exporting a bank to other formats: what every exporter returns, and which one to use.

Each exporter is a pure function from a :class:`~quiz.model.Bank` to an
:class:`Exported`: the file's bytes, how many questions it holds, and each question
left out with the reason (a type the format has no room for).
"""

from __future__ import annotations

from collections.abc import Callable

from quiz.importers.exported import Exported
from quiz.model import Bank

Exporter = Callable[[Bank], Exported]
# Each format and the suffix of its files.
SUFFIXES = {
    "gift": ".gift",
    "moodle-xml": ".xml",
    "aiken": ".txt",
    "csv": ".csv",
    "anki": ".apkg",
}
EXPORT_FORMATS = tuple(SUFFIXES)


def exporter(fmt: str) -> Exporter:
    """The exporter of a format (its module is imported only when it is used)."""
    match fmt:
        case "gift":
            from quiz.importers.export_gift import export_gift

            return export_gift
        case "moodle-xml":
            from quiz.importers.export_moodle_xml import export_moodle_xml

            return export_moodle_xml
        case "aiken":
            from quiz.importers.export_aiken import export_aiken

            return export_aiken
        case "csv":
            from quiz.importers.export_csv import export_csv

            return export_csv
        case "anki":
            from quiz.importers.export_anki import export_anki

            return export_anki
    raise ValueError(f"unknown export format {fmt!r}")
