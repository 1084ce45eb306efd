"""``quiz import``: convert GIFT, Aiken or Open Trivia DB questions into a native bank.

The summary goes to standard output, ending with the count of the written bank's
warnings; each question that could not be converted is reported on standard error as
``FILE:LINE: skipped: why``, the way compilers report, and each likely slip in one that
did as ``FILE:LINE: note: what and the fix``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from quiz.errors import Diagnostic, ExitStatus, QuizError
from quiz.importers import FORMATS

if TYPE_CHECKING:
    from pathlib import Path


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``import`` parser."""
    parser = commands.add_parser(
        "import",
        help="convert GIFT, Aiken or Open Trivia DB questions into a bank",
        description=(
            "Convert a file of questions in Moodle's GIFT or Aiken format, or an Open Trivia "
            "DB JSON response, into a question bank (.yaml) that 'quiz play' can use. The "
            "format is guessed from the file unless given. Questions the game cannot play "
            "(essay, Cloze...) are reported on standard error as FILE:LINE: skipped: why, "
            "and likely slips in those that convert as FILE:LINE: note: what and the fix. "
            "Exits 0 when at least one question was converted, 1 otherwise."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the file to convert")
    parser.add_argument(
        "--format", choices=FORMATS, dest="fmt", help="the file's format (default: guessed)"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="the bank to write, .yaml or .yml (default: FILE with its suffix made .yaml)",
    )
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> ExitStatus:
    """Convert the file, write the bank, report skips, and check what was written."""
    import sys
    from pathlib import Path

    from quiz.format.checker import check_text
    from quiz.format.text import escape_controls
    from quiz.importers.bank_writer import to_yaml
    from quiz.importers.common import EmptySourceError, bank_title, describe
    from quiz.importers.convert import convert
    from quiz.importers.output import write_output
    from quiz.ui.listing import plural

    source = Path(args.file)
    if args.fmt is None:  # a format given says the file is one, whatever its name
        _refuse_a_bank(source)
    output = _output_path(source, args.output, args.force)
    shown, shown_output = escape_controls(str(source)), escape_controls(str(output))
    try:
        imported = convert(source, args.fmt)
    except EmptySourceError:
        # Whatever its name (a pipe's /dev/stdin too): told before any guess at a format.
        said = f"No questions converted from {shown}: it is empty (nothing to import)"
        print(f"{said}; nothing written.", file=sys.stderr)
        return ExitStatus.ERROR
    reports = [(skip.line, f"skipped: {skip.reason}") for skip in imported.skips]
    reports += [(note.line, f"note: {note.message}") for note in imported.notes]
    for line, said in sorted(reports, key=lambda r: r[0]):
        print(f"{shown}:{line}: {said}", file=sys.stderr)
    count = len(imported.questions)
    skipped = f" ({len(imported.skips)} skipped)" if imported.skips else ""
    if not count:
        print(f"No questions converted from {shown}{skipped}; nothing written.", file=sys.stderr)
        return ExitStatus.ERROR

    text = to_yaml(
        imported,
        bank_title(source.name),
        describe(imported, source.name),
        header=f"Imported from {source.name} by 'quiz import'. Check it with: "
        f"quiz validate {escape_controls(output.name)}",
    )
    # What is left is held once, as text: the questions, then the checked bank, are let
    # go as soon as they are used (each takes several times the text's size).
    del imported
    _within_limit(text, shown_output)
    # The bank is checked before it is written (the very bytes that are written): a
    # converted bank that fails validation is a bug in the importer, never the user's.
    report = check_text(text, str(output))
    errors, warnings = report.errors, report.warnings
    del report
    if _report_errors(errors, "would not be valid"):
        return ExitStatus.ERROR
    write_output(output, text.encode(), source, args.force)
    print(f"Converted {plural(count, 'question')} from {shown} to {shown_output}{skipped}.")
    print(f"Play it with: quiz play {shown_output}")
    if warnings:
        print(_warnings_line(warnings, escape_controls(output.name), shown_output))
    return ExitStatus.OK


def _warnings_line(warnings: tuple[Diagnostic, ...], name: str, shown_output: str) -> str:
    """The last line of a conversion whose bank (``name``, at ``shown_output``) has
    warnings: how many, of what kind, and the command that lists them."""
    from quiz.ui.listing import plural

    unexplained = sum("has no 'explanation'" in warning.message for warning in warnings)
    kinds = ""  # named only when some are the explanations a source seldom has
    if unexplained:
        others = len(warnings) - unexplained
        kinds = f" ({plural(unexplained, 'question')} with no explanation"
        kinds += f", {others} other)" if others else ")"
    them = "it" if len(warnings) == 1 else "them"
    return (
        f"{name} has {plural(len(warnings), 'warning')}{kinds}; "
        f"see {them} with: quiz validate {shown_output}"
    )


def _within_limit(text: str, shown_output: str) -> None:
    """Raise :class:`QuizError` when the bank's text is more bytes than a question file
    may hold (the game would refuse to read it), before the bank is checked."""
    from quiz.format.rules import MAX_FILE_BYTES

    size = len(text) if text.isascii() else len(text.encode())
    if size > MAX_FILE_BYTES:
        raise QuizError(
            f"the converted bank would be {size:,} bytes, more than a question file may "
            f"be ({MAX_FILE_BYTES:,} bytes), so nothing was written to '{shown_output}'; "
            "split the file to import and import each part"
        )


def _refuse_a_bank(source: Path) -> None:
    """Raise :class:`QuizError` for a question file (.yaml): it is a bank already."""
    from quiz.format.text import escape_controls
    from quiz.library.sources import is_bank_file

    if is_bank_file(source):
        shown = escape_controls(str(source))
        raise QuizError(
            f"'{shown}' is a question file already (a bank), not a file to import (GIFT, "
            f"Aiken, Open Trivia DB JSON); play it as it is with 'quiz play {shown}', or "
            f"write it in another format with 'quiz export {shown} --format FORMAT'"
        )


def _output_path(source: Path, given: str | None, force: bool) -> Path:
    """Where the bank goes: a bank file that may be written (see quiz.importers.output)."""
    from pathlib import Path

    from quiz.format.text import escape_controls
    from quiz.importers.output import check_output
    from quiz.library.sources import is_bank_file

    output = Path(given) if given else source.with_suffix(".yaml")
    if not is_bank_file(output):
        shown = escape_controls(str(output))
        raise QuizError(f"'{shown}' must end in .yaml or .yml to be found as a question file")
    check_output(output, source, force)
    return output


def _report_errors(errors: tuple[Diagnostic, ...], state: str) -> bool:
    """Print the bank's errors, if any, as an importer bug; say whether there were any."""
    import sys

    if not errors:
        return False
    print(
        f"quiz: error: the converted bank {state}; this is a bug in 'quiz import':", file=sys.stderr
    )
    for error in errors:
        print(f"  {error}", file=sys.stderr)
    return True
