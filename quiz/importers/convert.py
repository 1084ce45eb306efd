"""Reading a file to import: its format, detected or given, and the parser for it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from quiz.files import open_to_read
from quiz.format.rules import MAX_FILE_BYTES
from quiz.format.text import escape_controls
from quiz.importers import FORMATS, aiken, gift, opentdb
from quiz.importers.common import (
    EmptySourceError,
    Imported,
    ImportSourceError,
    UnknownFormatError,
    unique_ids,
)

PARSERS: dict[str, Callable[[str], Imported]] = {
    "gift": gift.parse,
    "aiken": aiken.parse,
    "opentdb": opentdb.parse,
}

_SUFFIXES = {".gift": "gift", ".aiken": "aiken", ".json": "opentdb"}
_TABLES = (".csv", ".tsv")
_DOCUMENTS = (".docx", ".doc", ".odt", ".rtf")
_CHUNK = 1 << 20
_ZIP = b"PK\x03\x04"  # a .docx or .odt is a zip archive
_READS = "quiz import reads only GIFT, Aiken and Open Trivia DB JSON"
_AIKEN_OPTION = re.compile(r"^[ \t]*[A-Z][.)][ \t]", re.MULTILINE)
# ANSWER: as Aiken has it, or nearly (Answer:, ANSWER：), which the parser then names.
_AIKEN_ANSWER = re.compile(r"^[ \t]*ANSWER[ \t]*[:：][ \t]*[A-Za-z]", re.MULTILINE | re.I)
_GIFT_MARKS = re.compile(r"\{[^{}]*\}|^[ \t]*::|^[ \t]*\$CATEGORY:", re.MULTILINE)


def read_source(path: Path) -> str:
    """The text of a file to import (UTF-8, a byte-order mark allowed).

    A FIFO nobody writes to reads as empty instead of waiting for ever, and an endless
    source (``/dev/zero``) is cut past the size limit of a question file and refused.
    """
    shown = escape_controls(str(path))
    try:
        data = _read_capped(path)
    except OSError as error:
        raise ImportSourceError(f"cannot read '{shown}': {error.strerror or error}") from None
    if data.startswith(_ZIP):
        raise ImportSourceError(
            f"'{shown}' is a zip archive (a Word or LibreOffice document?), not text; "
            "save it as plain text (.txt) first"
        )
    if len(data) > MAX_FILE_BYTES:
        raise ImportSourceError(
            f"'{shown}' is over {MAX_FILE_BYTES:,} bytes ({MAX_FILE_BYTES // 1_000_000} MB), "
            "more than a question file may be; split it and import each part"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ImportSourceError(
            f"'{shown}' is not UTF-8 text "
            f"(byte 0x{data[error.start]:02x} on line {line}); "
            "save it as UTF-8 and try again"
        ) from None


def _read_capped(path: Path) -> bytearray:
    """At most one byte more than a question file may hold, read from ``path``.

    Read a megabyte at a time: a single ``read(MAX_FILE_BYTES + 1)`` sets aside the
    whole limit (100 MB) before the first byte, whatever the file's size."""
    data = bytearray()
    with open_to_read(path) as file:
        while len(data) <= MAX_FILE_BYTES and (chunk := file.read(_CHUNK)):
            data += chunk
    return data


def detect_format(text: str, filename: str) -> str:
    """Guess a source's format: by suffix (.gift, .aiken, .json), else by its content.

    Content rules: JSON is Open Trivia DB; ``ANSWER: X`` lines (or nearly: ``Answer:``,
    a full-width colon) after ``A.``/``A)`` options are Aiken; ``{...}`` answer blocks,
    ``::titles::`` or ``$CATEGORY:`` are GIFT.
    """
    by_suffix = _SUFFIXES.get(Path(filename).suffix.lower())
    if by_suffix is not None:
        return by_suffix
    if text.lstrip()[:1] in ("{", "["):
        try:
            json.loads(text)
        except (ValueError, RecursionError):
            pass
        else:
            return "opentdb"
    if _AIKEN_ANSWER.search(text) and _AIKEN_OPTION.search(text):
        return "aiken"
    if _GIFT_MARKS.search(text):
        return "gift"
    raise UnknownFormatError(
        f"cannot tell the format of '{escape_controls(filename)}'; "
        f"give it with --format ({', '.join(FORMATS)})"
    )


def parse(text: str, fmt: str) -> Imported:
    """Parse source text in a known format; ids come out unique."""
    parser = PARSERS.get(fmt)
    if parser is None:
        raise UnknownFormatError(f"unknown format '{fmt}' (expected one of: {', '.join(FORMATS)})")
    result = parser(text)
    return Imported(unique_ids(result.questions), result.skips, fmt, result.notes)


def convert(path: Path, fmt: str | None = None) -> Imported:
    """Read a file and parse it, guessing the format when ``fmt`` is not given.

    Refused with advice, before the file is read: without ``fmt``, a CSV file (which
    ``quiz export`` writes but nothing imports) and a word-processor document. An empty
    file raises :class:`EmptySourceError` once read."""
    shown = escape_controls(str(path))
    suffix = path.suffix.lower()
    if fmt is None and suffix in _TABLES:
        raise ImportSourceError(
            f"'{shown}': CSV files cannot be imported (quiz export writes CSV, but {_READS})"
        )
    if fmt is None and suffix in _DOCUMENTS:
        raise ImportSourceError(
            f"'{shown}' is a word-processor document, not text ({_READS}); "
            "save it as plain text (.txt) first"
        )
    text = read_source(path)
    if not text.strip():
        raise EmptySourceError(f"'{shown}' is empty: there are no questions to convert")
    return parse(text, fmt or detect_format(text, path.name))
