"""The located checker: every rule of the question-file format, and where each
problem is (file, line and column), with advice on how to fix it.

It reads the file with the located YAML reader (:mod:`quiz.format.yaml_reader`),
which hands each question to :class:`_Questions` as soon as it is read (so no big
bank is ever held as a tree), then checks the bank's own keys here. Every diagnostic
the game shows comes from here. The work and the memory grow linearly with the file:
checking stops after ``MAX_ERRORS`` errors, as a compiler does.
"""

from __future__ import annotations

import contextlib
import dataclasses
from pathlib import PurePath

from quiz.errors import Diagnostic
from quiz.format.nodes import Mapping, Node, Scalar, Sequence, kind_name
from quiz.format.questions import QuestionChecker, Seen
from quiz.format.report import Report
from quiz.format.rules import BANK_KEYS, MAX_ERRORS, MAX_FILE_BYTES, too_big
from quiz.format.shapes import Checker, TooManyErrors, control_message
from quiz.format.text import control_character_positions
from quiz.format.yaml_reader import YamlSyntaxError, read_document
from quiz.model import Bank, Question, summarize


def check_bytes(data: bytes, path: str, name: str | None = None) -> Report:
    """Check the raw bytes of a question file shown as ``path``, whose bank is ``name``
    (by default the file's name without its suffix)."""
    if len(data) > MAX_FILE_BYTES:
        return Report(path, None, (too_big(path, len(data)),))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return Report(path, None, (_not_utf8(data, error, path),))
    return check_text(text, path, name)


def check_text(text: str, path: str, name: str | None = None) -> Report:
    """Check the text of a question file, as :func:`check_bytes` does."""
    bank, diagnostics = check_document(text, path, PurePath(path).stem if name is None else name)
    if bank is None:
        return Report(path, None, diagnostics)
    return Report(path, bank, diagnostics, summarize(bank))


def _not_utf8(data: bytes, error: UnicodeDecodeError, path: str) -> Diagnostic:
    line = data.count(b"\n", 0, error.start) + 1
    line_start = data.rfind(b"\n", 0, error.start) + 1
    # Columns count characters, as everywhere else, not bytes.
    column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
    message = f"the file is not UTF-8 text (byte 0x{data[error.start]:02x}); save it as UTF-8"
    return Diagnostic(path, line, column, message)


class _Questions:
    """Checks each entry of 'questions' as the reader finishes it (the reader's sink)."""

    def __init__(self, checker: Checker) -> None:
        self.c = checker
        self.restart()

    def restart(self) -> None:
        self.c.restart()
        self.built: list[Question] = []
        self.seen = Seen()
        self.count = 0
        self.bank_tags: tuple[str, ...] = ()

    def begin(self, top: Mapping) -> None:
        # The bank's tags usually come before its questions: each question is then
        # built with them, instead of rebuilt once the bank is read. They are read
        # quietly here; the bank's own check reports any problem with them.
        for key, value in top.pairs:
            if isinstance(key, Scalar) and key.value == "tags":
                with contextlib.suppress(TooManyErrors):
                    tags = Checker(self.c.path).text_list(value, "tags") or []
                    self.bank_tags = tuple(tag for tag, _ in tags)

    def question(self, node: Node) -> None:
        self.count += 1
        checker = QuestionChecker(self.c, node, self.count, self.bank_tags, self.seen)
        question = checker.build()
        if question is not None:
            self.built.append(question)


def check_document(text: str, path: str, name: str) -> tuple[Bank | None, tuple[Diagnostic, ...]]:
    """Check the text of a question file, shown as ``path``, whose bank is ``name``: the
    bank when it has no errors (else ``None``), and every diagnostic, in file order."""
    controls = _raw_control_characters(text, path)
    if controls:
        return None, controls
    checker = Checker(path)
    questions = _Questions(checker)
    notes: list[Diagnostic] = []
    bank = None
    try:
        root = read_document(text, path, questions, notes)
        bank = _bank(checker, root, name, questions)
    except YamlSyntaxError as error:
        return None, error.diagnostics
    except TooManyErrors:
        pass
    # A note (a comment that empties a value) explains the error at the same place: it goes first.
    found = notes[:MAX_ERRORS] + checker.diagnostics
    diagnostics = tuple(sorted(found, key=lambda d: (d.line, d.column)))
    if bank is None or checker.error_count:
        return None, diagnostics
    return bank, diagnostics


def _raw_control_characters(text: str, path: str) -> tuple[Diagnostic, ...]:
    """Locate the control characters written straight into the file (not escaped),
    the first ``MAX_ERRORS`` of them, counting lines as it goes (linear time)."""
    text = text.replace("\r\n", "\n")
    found: list[Diagnostic] = []
    line, line_start, counted = 1, 0, 0
    for index in control_character_positions(text, MAX_ERRORS):
        line += text.count("\n", counted, index)
        line_start = text.rfind("\n", counted, index) + 1 or line_start
        counted = index
        found.append(Diagnostic(path, line, index - line_start + 1, control_message(text[index])))
    return tuple(found)


def _bank(c: Checker, root: Node | None, name: str, questions: _Questions) -> Bank | None:
    if root is None or (isinstance(root, Scalar) and root.is_null):
        c.error(Scalar(1, 1), "the file is empty; a bank needs 'title' and 'questions'")
        return None
    if not isinstance(root, Mapping):
        c.error(
            root,
            f"the top level must hold the keys 'title' and 'questions', not {kind_name(root)}",
        )
        return None
    values = c.fields(root, BANK_KEYS, " at the top level")
    title = c.text(values.get("title"), "title", required=True)
    if "title" not in values and "title" not in c.suggested:
        c.error(root, "missing required key 'title'")
    description = c.text(values.get("description"), "description") or ""
    briefing = c.text(values.get("briefing"), "briefing") or ""
    bank_tags = tuple(tag for tag, _ in c.text_list(values.get("tags"), "tags") or [])
    built = _questions(c, values.get("questions"), root, questions)
    if title is None or built is None:
        return None
    if bank_tags != questions.bank_tags:  # tags after the questions, or read twice
        built = tuple(
            dataclasses.replace(q, tags=tuple(dict.fromkeys((*bank_tags, *q.tags)))) for q in built
        )
    return Bank(name, title, built, description, bank_tags, c.path, briefing)


def _questions(
    c: Checker, node: Node | None, root: Mapping, questions: _Questions
) -> tuple[Question, ...] | None:
    if node is None:
        if "questions" not in c.suggested:
            c.error(root, "missing required key 'questions'")
        return None
    if not isinstance(node, Sequence) or not (node.items or node.streamed):
        if isinstance(node, Sequence) or (isinstance(node, Scalar) and node.is_null):
            c.error(node, "'questions' is empty; a bank needs at least one question")
        else:
            c.error(node, f"'questions' must be a list of questions, not {kind_name(node)}")
        return None
    # The entries of the first 'questions' list were checked as they were read; a list
    # reached otherwise (through an alias) is checked now.
    for item in node.items:
        questions.question(item)
    return tuple(questions.built)
