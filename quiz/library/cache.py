"""The cache of checked question files, keyed by the hash of their bytes.

Checking a big bank takes time, so what checking a file's exact bytes gave (every
diagnostic, the summary a listing shows, and the bank) is kept under the hash of those
bytes. A changed file is a different key, so it is never served stale, and the same
file under another name is still a hit. The file is read and hashed on every run: the
cache saves the checking, never the reading.

The cache is an optimisation, never a source of truth. An entry proves itself before it
is used: the format of this release and of these rules, a checksum over each section,
and every value of the expected type and free of control characters. Anything else is a
miss, and the file is checked again and its entry rewritten.

An entry is two sections, each ``checksum length payload``: a small head (diagnostics,
summary) that listings read alone, then the questions, as JSON (safe to read whatever
the bytes are). The encoding of a question as a row of values lives here alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from quiz import __version__
from quiz.errors import Diagnostic
from quiz.files import open_to_read, write_atomically
from quiz.format.report import Report
from quiz.format.text import BIDI_CONTROLS
from quiz.model import Bank, BankSummary, Difficulty, Question, QuestionType

APP_NAME = "orbit-quiz"
# The layout of an entry; bump it when it changes.
LAYOUT = "banks-5"
CHECKSUM_SIZE = 16
LENGTH_SIZE = 8
# Decoded text must hold no control character but newline and tab (see quiz.format.text);
# in JSON those two are written as \n and \t, so any other escape below U+0020, a C1
# control, a surrogate or a bidirectional control means the entry was not written by
# this cache.
_FORBIDDEN = re.compile(
    rf"[\x7f-\x9f{BIDI_CONTROLS}]"
    r"|\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u00[89][0-9a-fA-F]|\\u[dD][89a-fA-F]"
)


def _rules_digest() -> str:
    """A digest of the code that checks files, so that a changed rule (a new release,
    or a source checkout being worked on) never serves results of the old one. Only the
    sources' sizes and times are taken: a changed source makes every entry new."""
    digest = hashlib.blake2b(__version__.encode(), digest_size=8)
    package = Path(__file__).resolve().parents[1]
    for source in sorted([package / "model.py", *(package / "format").glob("*.py")]):
        with contextlib.suppress(OSError):
            found = source.stat()
            digest.update(f"{source.name}:{found.st_size}:{found.st_mtime_ns};".encode())
    return digest.hexdigest()


MAGIC = f"orbit-quiz {LAYOUT} {_rules_digest()}\n".encode()


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """The folder of cached banks: ``QUIZ_CACHE_DIR`` when set, else the platform's."""
    override = environ.get("QUIZ_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False) / "banks"


def content_digest(data: bytes) -> str:
    """The digest of a file's bytes, which names its cache entry."""
    return hashlib.blake2b(data, digest_size=20, person=b"orbit-quiz").hexdigest()


class Cache:
    """The entries in one folder; a folder that cannot be read or written is a cache
    that always misses."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def entry(self, digest: str) -> Path:
        """Where the entry for bytes of this digest lives."""
        return self.folder / f"{digest}.bank"

    def load(self, digest: str, path: str, name: str, *, bank: bool = True) -> Report | None:
        """The report kept for these bytes, shown as ``path`` and named ``name``, or
        ``None`` on a miss. Without ``bank`` only the head is read (as listings need)."""
        try:
            with open_to_read(self.entry(digest)) as file:
                found = os.fstat(file.fileno())
                if not stat.S_ISREG(found.st_mode):
                    return None  # a FIFO or device put where an entry goes
                if file.read(len(MAGIC)) != MAGIC:
                    return None
                head = _section(file.read, found.st_size)
                diagnostics, summary = _decode_head(head, path, name)
                if summary is None or not bank:
                    return Report(path, None, diagnostics, summary)
                built = _decode_bank(_section(file.read, found.st_size), summary, name, path)
                return Report(path, built, diagnostics, summary)
        # Any missing, damaged or forged entry is simply a miss; what is not about the
        # entry (Ctrl-C, a signal that stops the game) goes on up.
        except (OSError, ValueError, LookupError, TypeError, ArithmeticError, RecursionError):
            return None

    def store(self, digest: str, report: Report) -> None:
        """Keep the report of checking these bytes; failures to write are ignored."""
        data = MAGIC + _frame(_encode_head(report))
        if report.bank is not None:
            data += _frame(_encode_bank(report.bank))
        with contextlib.suppress(OSError, ValueError):
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomically(self.entry(digest), data)


def _frame(payload: bytes) -> bytes:
    checksum = hashlib.blake2b(payload, digest_size=CHECKSUM_SIZE).digest()
    return checksum + len(payload).to_bytes(LENGTH_SIZE, "big") + payload


def _section(read: Callable[[int], bytes], size: int) -> Any:
    """The next section's value, from an entry of ``size`` bytes; raises ``ValueError``
    unless it is whole and sound."""
    checksum = read(CHECKSUM_SIZE)
    length = int.from_bytes(read(LENGTH_SIZE), "big")
    if length > size:
        raise ValueError("damaged entry")  # and not read: it could not be held
    payload = read(length)
    if (
        len(payload) != length
        or checksum != hashlib.blake2b(payload, digest_size=CHECKSUM_SIZE).digest()
    ):
        raise ValueError("damaged entry")
    text = payload.decode("utf-8")
    if _FORBIDDEN.search(text):
        raise ValueError("control character in an entry")
    return json.loads(text)


def _encode_head(report: Report) -> bytes:
    notes = [[d.line, d.column, d.message, d.severity] for d in report.diagnostics]
    summary = report.summary
    shown = (
        None if summary is None else [summary.title, summary.questions, summary.types, summary.tags]
    )
    return _json({"diagnostics": notes, "summary": shown})


def _decode_head(
    head: Any, path: str, name: str
) -> tuple[tuple[Diagnostic, ...], BankSummary | None]:
    diagnostics = tuple(
        Diagnostic(path, _count(line), _count(column), _text(message), _severity(severity))
        for line, column, message, severity in head["diagnostics"]
    )
    shown = head["summary"]
    if shown is None:
        return diagnostics, None
    title, count, types, tags = shown
    summary = BankSummary(name, _text(title), _count(count), _texts(types), _texts(tags), path)
    return diagnostics, summary


def _encode_bank(bank: Bank) -> bytes:
    rows = [
        [
            q.id, q.type.value, q.prompt, q.explanation, q.choices, q.answers, q.truth,
            q.number, q.tolerance, q.items, q.hint, q.difficulty.value, q.tags, q.source,
            q.numbers, q.pairs, q.extra, q.passage,
        ]
        for q in bank.questions
    ]  # fmt: skip
    body = {"description": bank.description, "briefing": bank.briefing, "tags": bank.tags}
    return _json({**body, "questions": rows})


def _decode_bank(body: Any, summary: BankSummary, name: str, path: str) -> Bank:
    questions = tuple(_question(row) for row in body["questions"])
    if len(questions) != summary.questions:
        raise ValueError("the entry's parts disagree")
    return Bank(
        name,
        summary.title,
        questions,
        _text(body["description"]),
        _texts(body["tags"]),
        path,
        _text(body["briefing"]),
    )


def _question(row: Any) -> Question:
    (qid, qtype, prompt, explanation, choices, answers, truth, number, tolerance, items,
     hint, difficulty, tags, source, numbers, pairs, extra, passage) = row  # fmt: skip
    return Question(
        id=_text(qid),
        type=QuestionType(qtype),
        prompt=_text(prompt),
        explanation=_text(explanation),
        choices=_texts(choices),
        answers=_texts(answers),
        truth=None if truth is None else _truth(truth),
        number=None if number is None else _number(number),
        tolerance=_number(tolerance),
        items=_texts(items),
        hint=None if hint is None else _text(hint),
        difficulty=Difficulty(difficulty),
        tags=_texts(tags),
        source=None if source is None else _text(source),
        numbers=_numbers(numbers),
        pairs=_pairs(pairs),
        extra=_texts(extra),
        passage=None if passage is None else _text(passage),
    )


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


# Type checks on load: each returns its value, or raises ValueError.


def _text(value: Any) -> str:
    if type(value) is not str:
        raise ValueError("not text")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if type(value) is not list:
        raise ValueError("not a list")
    return tuple(map(_text, value))


def _numbers(value: Any) -> tuple[float, ...]:
    if type(value) is not list:
        raise ValueError("not a list")
    return tuple(map(_number, value))


def _pairs(value: Any) -> tuple[tuple[str, str], ...]:
    if type(value) is not list or not all(type(p) is list and len(p) == 2 for p in value):
        raise ValueError("not a list of pairs")
    return tuple((_text(left), _text(right)) for left, right in value)


def _count(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise ValueError("not a count")
    return value


def _number(value: Any) -> float:
    if type(value) not in (int, float) or not math.isfinite(value):
        raise ValueError("not a number")
    return float(value)


def _truth(value: Any) -> bool:
    if type(value) is not bool:
        raise ValueError("not a truth value")
    return value


def _severity(value: Any) -> str:
    if value not in ("error", "warning"):
        raise ValueError("not a severity")
    return str(value)
