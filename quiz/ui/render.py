"""Renderables for the commands that only report: validation lines, bank tables, warnings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text

from quiz.bank import Report
from quiz.errors import Diagnostic
from quiz.model import BankSummary

if TYPE_CHECKING:  # rich.table is imported where a table is built, not at start-up
    from rich.table import Table


def plural(count: int, word: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def diagnostic_line(diagnostic: Diagnostic) -> Text:
    """``FILE:LINE:COL: error: message``, with the severity coloured."""
    style = "quiz.error" if diagnostic.is_error else "quiz.warning"
    return Text.assemble(
        (f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}:", "quiz.path"),
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
    return Text.assemble(
        ("warning:", "quiz.warning"),
        f" skipped {report.path}: {count}{detail}; run 'quiz validate {report.path}'",
    )


def bank_table(banks: Iterable[BankSummary]) -> Table:
    """The table of ``quiz list``: name, title, questions, types, tags."""
    from rich.table import Table

    table = Table(title="Question banks", title_style="quiz.title", expand=False)
    table.add_column("Name", style="bold", overflow="fold")
    table.add_column("Title", overflow="fold")
    table.add_column("Qs", justify="right")
    table.add_column("Types", overflow="fold")
    table.add_column("Tags", overflow="fold", style="quiz.muted")
    for bank in banks:
        table.add_row(
            Text(bank.name),
            Text(bank.title),
            str(bank.questions),
            Text(", ".join(bank.types)),
            Text(", ".join(bank.tags)),
        )
    return table
