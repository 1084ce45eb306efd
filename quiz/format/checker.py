"""The located checker: every rule of the question-file format, and where each
problem is (file, line and column), with advice on how to fix it.

It reads the file with the located YAML reader (:mod:`quiz.format.yaml_reader`) and
walks its node tree: the bank here, each question in :mod:`quiz.format.questions`.
Every diagnostic the game shows comes from here.
"""

from __future__ import annotations

from pathlib import PurePath

from quiz.errors import Diagnostic
from quiz.format.nodes import Mapping, Node, Scalar, Sequence, kind_name
from quiz.format.questions import QuestionChecker
from quiz.format.report import Report
from quiz.format.rules import BANK_KEYS
from quiz.format.shapes import Checker, control_message
from quiz.format.text import control_character_positions, offset_position
from quiz.format.yaml_reader import YamlSyntaxError, read_document
from quiz.model import Bank, Question, summarize


def check_bytes(data: bytes, path: str, name: str | None = None) -> Report:
    """Check the raw bytes of a question file shown as ``path``, whose bank is ``name``
    (by default the file's name without its suffix)."""
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


def check_document(text: str, path: str, name: str) -> tuple[Bank | None, tuple[Diagnostic, ...]]:
    """Check the text of a question file, shown as ``path``, whose bank is ``name``: the
    bank when it has no errors (else ``None``), and every diagnostic, in file order."""
    controls = _raw_control_characters(text, path)
    if controls:
        return None, controls
    try:
        root = read_document(text, path)
    except YamlSyntaxError as error:
        return None, (error.diagnostic,)
    checker = Checker(path)
    bank = _bank(checker, root, name)
    diagnostics = tuple(sorted(checker.diagnostics, key=lambda d: (d.line, d.column)))
    if bank is None or checker.error_count:
        return None, diagnostics
    return bank, diagnostics


def _raw_control_characters(text: str, path: str) -> tuple[Diagnostic, ...]:
    """Locate every control character written straight into the file (not escaped)."""
    text = text.replace("\r\n", "\n")
    found: list[Diagnostic] = []
    for index in control_character_positions(text):
        line, column = offset_position(text, index)
        found.append(Diagnostic(path, line, column, control_message(text[index])))
    return tuple(found)


def _bank(c: Checker, root: Node | None, name: str) -> Bank | None:
    if root is None or (isinstance(root, Scalar) and root.is_null):
        c.error(Scalar(1, 1), "the file is empty; a bank needs 'title' and 'questions'")
        return None
    if not isinstance(root, Mapping):
        c.error(
            root,
            f"the top level must be a mapping with 'title' and 'questions', not {kind_name(root)}",
        )
        return None
    values = c.fields(root, BANK_KEYS, " at the top level")
    title = c.text(values.get("title"), "title", required=True)
    if "title" not in values:
        c.error(root, "missing required key 'title'")
    description = c.text(values.get("description"), "description") or ""
    briefing = c.text(values.get("briefing"), "briefing") or ""
    bank_tags = tuple(tag for tag, _ in c.text_list(values.get("tags"), "tags") or [])
    questions = _questions(c, values.get("questions"), root, bank_tags)
    if title is None or questions is None:
        return None
    return Bank(name, title, questions, description, bank_tags, c.path, briefing)


def _questions(
    c: Checker, node: Node | None, root: Mapping, bank_tags: tuple[str, ...]
) -> tuple[Question, ...] | None:
    if node is None:
        c.error(root, "missing required key 'questions'")
        return None
    if not isinstance(node, Sequence) or not node.items:
        if isinstance(node, Sequence) or (isinstance(node, Scalar) and node.is_null):
            c.error(node, "'questions' is empty; a bank needs at least one question")
        else:
            c.error(node, f"'questions' must be a list of questions, not {kind_name(node)}")
        return None
    built: list[Question] = []
    ids: dict[str, Node] = {}
    for number, item in enumerate(node.items, start=1):
        question = QuestionChecker(c, item, number, bank_tags, ids).build()
        if question is not None:
            built.append(question)
    return tuple(built)
