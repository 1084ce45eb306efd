"""Loading question files: files in, banks or located diagnostics out.

A file is checked by one of two paths (see :func:`examine_text`): the quick path of
:mod:`quiz.quickread` for a clean file, and the located checker of
:mod:`quiz.checker`, which finds and places every problem, for anything else.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, NamedTuple

from quiz.errors import BankError, Diagnostic
from quiz.model import Bank, BankSummary, Content, QuestionType

if TYPE_CHECKING:
    from quiz.cache import Digests

BANK_SUFFIXES = (".yaml", ".yml")
# A file's path as callers hold it: text or a path object. The modules a game's start
# needs handle paths as text (see quiz.library), and give text.
FilePath = str | os.PathLike[str]

# The rules of the format that both paths apply (quiz.checker and quiz.quickread).
BANK_KEYS = ("title", "description", "tags", "questions")
QUESTION_KEYS = (
    "id",
    "type",
    "prompt",
    "choices",
    "answer",
    "items",
    "tolerance",
    "explanation",
    "hint",
    "difficulty",
    "tags",
    "source",
)
# Keys that belong to some question types only.
TYPE_KEYS: dict[str, frozenset[QuestionType]] = {
    "choices": frozenset({QuestionType.SINGLE, QuestionType.MULTI}),
    "answer": frozenset(set(QuestionType) - {QuestionType.ORDER}),
    "tolerance": frozenset({QuestionType.NUMBER}),
    "items": frozenset({QuestionType.ORDER}),
}
CHOICE_RANGE = (2, 10)
ITEM_RANGE = (2, 8)
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]+")
# The answer of a boolean question, folded to lower case, and the truth it stands for.
TRUTH = {"true": True, "yes": True, "false": False, "no": False}


class Report(NamedTuple):
    """What checking one file found: every diagnostic, and for a usable file its summary
    and (unless only the summary was asked for) its bank.

    A typed named tuple rather than a dataclass, as are the other records every start
    needs: Python 3.11 compiles six functions for each frozen dataclass it defines."""

    path: str
    bank: Bank | None
    diagnostics: tuple[Diagnostic, ...]
    summary: BankSummary | None = None

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The diagnostics that make the file unusable."""
        return tuple(d for d in self.diagnostics if d.is_error)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """The diagnostics that do not."""
        return tuple(d for d in self.diagnostics if not d.is_error)


def file_stem(path: FilePath) -> str:
    """A file's name without its suffix: the name of the bank it holds."""
    return os.path.splitext(os.path.basename(path))[0]


def load_bank(path: FilePath, shown_as: str | None = None) -> Bank:
    """Load and validate one question file; raise :class:`BankError` when it has errors."""
    report = check_file(path, shown_as)
    if report.bank is None:
        raise BankError(report.errors)
    return report.bank


def check_file(path: FilePath, shown_as: str | None = None) -> Report:
    """Read and check one question file; ``shown_as`` is how diagnostics name it.

    (Listings and games check files through the cache: see
    :func:`check_through_cache`.)
    """
    shown = shown_as if shown_as is not None else os.fspath(path)
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        return unreadable(shown, error)
    return check_bytes(data, shown, name=file_stem(path))


def unreadable(path: str, error: OSError) -> Report:
    """The report of a file that could not be read."""
    reason = error.strerror or str(error)
    return _failed(path, Diagnostic(path, 1, 1, f"cannot read the file: {reason}"))


def check_through_cache(
    path: FilePath, cache: str, digests: Digests, *, bank: bool = True
) -> Report:
    """Check a file through the cache, as :func:`check_cached` does; a file whose
    status shows it unchanged since it was last read is not even read again."""
    from quiz import cache as bank_cache

    shown = os.fspath(path)
    name = file_stem(shown)
    known = digests.digest(shown)
    if known is not None:
        hit = _from_cache(bank_cache.entry_path(cache, known), shown, name, bank)
        if hit is not None:
            return hit
    try:
        data, digest = digests.read(shown)
    except OSError as error:
        return unreadable(shown, error)
    return check_cached(data, digest, shown, name, cache, bank=bank)


def check_cached(
    data: bytes, digest: str, path: str, name: str, cache: str, *, bank: bool = True
) -> Report:
    """Check the bytes of a file (of this digest) through the cache: answered from it,
    or checked and kept.

    With ``bank=False`` the report carries the summary but no bank (as listings need):
    only the head of a cache entry is read, and no question is built.
    """
    from quiz import cache as bank_cache

    entry = bank_cache.entry_path(cache, digest)
    hit = _from_cache(entry, path, name, bank)
    if hit is not None:
        return hit
    content, diagnostics = examine(data, path)
    report = _report(path, name, content, diagnostics, bank)
    bank_cache.store(entry, content, diagnostics, report.summary)
    return report


def _from_cache(entry: str, path: str, name: str, bank: bool) -> Report | None:
    """The report the cache ``entry`` holds (only its head, without ``bank``), if any."""
    from quiz import cache as bank_cache

    if not bank:
        head = bank_cache.load_head(entry, path, name)
        return None if head is None else Report(path, None, head.diagnostics, head.summary)
    hit = bank_cache.load(entry, path, name)
    if hit is None:
        return None
    head, content = hit
    built = content.bank(name, path) if content is not None else None
    return Report(path, built, head.diagnostics, head.summary)


def check_bytes(data: bytes, path: str, name: str | None = None) -> Report:
    """Check the raw bytes of a question file."""
    content, diagnostics = examine(data, path)
    return _report(path, name, content, diagnostics)


def check_text(text: str, path: str, name: str | None = None) -> Report:
    """Check the text of a question file and build its bank when it has no errors."""
    content, diagnostics = examine_text(text, path)
    return _report(path, name, content, diagnostics)


def examine(data: bytes, path: str) -> tuple[Content | None, tuple[Diagnostic, ...]]:
    """Check the raw bytes of a question file: its content when it has no errors (else
    ``None``), and every diagnostic, in the order of the file."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        # Columns count characters, as everywhere else, not bytes.
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        message = f"the file is not UTF-8 text (byte 0x{data[error.start]:02x}); save it as UTF-8"
        return None, (Diagnostic(path, line, column, message),)
    return examine_text(text, path)


def examine_text(text: str, path: str) -> tuple[Content | None, tuple[Diagnostic, ...]]:
    """Check the text of a question file, as :func:`examine` does."""
    # A clean file is read by the quick path. Any file it cannot vouch for goes to
    # the located checker, which (with its YAML parser) is imported only then.
    from quiz.quickread import quick_content

    quick = quick_content(text)
    if quick is not None:
        return quick, ()
    from quiz.checker import check_document

    return check_document(text, path)


def _report(
    path: str,
    name: str | None,
    content: Content | None,
    diagnostics: tuple[Diagnostic, ...],
    bank: bool = True,
) -> Report:
    if content is None:
        return Report(path, None, diagnostics)
    bank_name = name if name is not None else file_stem(path)
    built = content.bank(bank_name, path) if bank else None
    return Report(path, built, diagnostics, content.summary(bank_name, path))


def _failed(path: str, diagnostic: Diagnostic) -> Report:
    return Report(path, None, (diagnostic,))
