"""Renderables for the commands that only report: validation lines, bank tables, warnings."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import RenderableType
from rich.text import Text

from quiz.errors import Diagnostic
from quiz.format.report import Report
from quiz.format.text import escape_controls
from quiz.model import BankSummary


def plural(count: int, word: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def diagnostic_line(diagnostic: Diagnostic) -> Text:
    """``FILE:LINE:COL: error: message``, with the severity coloured."""
    style = "quiz.error" if diagnostic.is_error else "quiz.warning"
    return Text.assemble(
        (f"{escape_controls(diagnostic.path)}:{diagnostic.line}:{diagnostic.column}:", "quiz.path"),
        " ",
        (f"{diagnostic.severity}:", style),
        f" {diagnostic.message}",
    )


def validation_summary(files: int, broken: int, errors: int, warnings: int) -> Text:
    """The closing line of ``quiz validate``."""
    if files == 0:
        return Text("No question files (.yaml or .yml) found.", style="quiz.error")
    noted = f", {plural(warnings, 'warning')}" if warnings else ""
    if errors:
        return Text(
            f"{plural(errors, 'error')} in {plural(broken, 'file')} "
            f"of {plural(files, 'file')} checked{noted}.",
            style="quiz.error",
        )
    every = "The file is" if files == 1 else f"All {files} files are"
    return Text(f"{every} valid{noted}.", style="quiz.correct")


def skipped_warning(report: Report) -> Text:
    """One line naming a file that was skipped because it failed validation."""
    count = plural(len(report.errors), "error")
    first = report.errors[0] if report.errors else None
    detail = f" (first: line {first.line}: {first.message})" if first else ""
    path = escape_controls(str(report.path))
    return Text.assemble(
        ("warning:", "quiz.warning"),
        f" skipped {path}: {count}{detail}; run 'quiz validate {path}'",
    )


NARROW = 70  # below this many columns a listing stacks each bank instead of a table


def bank_table(banks: Iterable[BankSummary], width: int | None = 80) -> RenderableType:
    """The banks of ``quiz list`` and the start screen: name, title, questions, types, tags.

    A table where there is room; below ``NARROW`` columns, one short block per bank,
    so nothing has to break in the middle of a word. With no ``width`` (output that
    is not wrapped), each bank stays on one line.
    """
    from quiz.ui.bank_table import BankBlocks, BankTable

    if width is not None and width < NARROW:
        return BankBlocks(banks)
    return BankTable(banks, width)


def plain_banks(banks: Iterable[BankSummary]) -> RenderableType:
    """The start screen's banks as lines of words, one bank a line."""
    from quiz.ui.bank_table import PlainBanks

    return PlainBanks(banks)
