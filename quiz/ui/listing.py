"""Renderables for the commands that only report: validation lines and warnings (the
table of banks is quiz.ui.bank_table)."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text

from quiz.errors import Diagnostic
from quiz.format.report import Report
from quiz.format.text import escape_controls


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


def validation_summary(files: int, broken: int, errors: int, warnings: int, only: str = "") -> Text:
    """The closing line of ``quiz validate``; ``only`` is the name of the file when one
    file was checked (its errors are then "in" it, not "in 1 file of 1 file")."""
    if files == 0:
        return Text("No question files (.yaml or .yml) found.", style="quiz.error")
    noted = f", {plural(warnings, 'warning')}" if warnings else ""
    if errors:
        where = f"{plural(broken, 'file')} of {plural(files, 'file')} checked"
        if files == 1 and only:
            where = only
        return Text(f"{plural(errors, 'error')} in {where}{noted}.", style="quiz.error")
    every = "The file is" if files == 1 else f"All {files} files are"
    return Text(f"{every} valid{noted}.", style="quiz.correct")


def skipped_warning(report: Report) -> Text:
    """One line naming a file that was skipped because it failed validation."""
    count = plural(len(report.errors), "error")
    first = report.errors[0] if report.errors else None
    detail = f" (first: line {first.line}: {first.message})" if first else ""
    path = escape_controls(shown_path(report.path))
    return Text.assemble(
        ("warning:", "quiz.warning"),
        f" skipped {path}: {count}{detail}; run 'quiz validate {path}'",
    )


def shown_path(path: str) -> str:
    """``path`` relative to the working folder when it is inside it, else as it is."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except (ValueError, OSError):  # elsewhere, or the working folder is gone
        return path
