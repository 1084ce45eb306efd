"""``quiz export``: write a bank as GIFT, Moodle XML, Aiken, CSV or an Anki deck.

The summary goes to standard output; each question the format cannot hold is
reported on standard error as ``BANK: left out 'id': why``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from quiz.errors import BankError, ExitStatus, QuizError
from quiz.importers.exports import EXPORT_FORMATS, SUFFIXES

if TYPE_CHECKING:
    from pathlib import Path


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export`` parser."""
    parser = commands.add_parser(
        "export",
        help="write a bank as GIFT, Moodle XML, Aiken, CSV or an Anki deck",
        description=(
            "Write a question bank (a file, or the name of a known bank) in another format: "
            "GIFT or Moodle XML for Moodle, Aiken, CSV for spreadsheets, or an Anki deck "
            "(.apkg). Questions the format cannot hold are reported on standard error and "
            "left out. Exits 0 when at least one question was written, 1 otherwise."
        ),
    )
    parser.add_argument("bank", metavar="BANK", help="the bank: a .yaml file or a bank's name")
    parser.add_argument(
        "--format", choices=EXPORT_FORMATS, dest="fmt", required=True, help="the format to write"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="the file to write (default: the bank's name with the format's suffix ("
        + ", ".join(f"{s} for {f}" for f, s in SUFFIXES.items())
        + "), next to BANK when it is a file's path, else in the current folder)",
    )
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> ExitStatus:
    """Load the bank, export it, report what was left out, and write the file."""
    import sys
    from pathlib import Path

    from quiz.format.text import escape_controls
    from quiz.importers.exports import exporter
    from quiz.importers.output import check_output, write_output
    from quiz.library.loading import load_bank
    from quiz.library.sources import resolve
    from quiz.ui.listing import plural

    paths = resolve([args.bank])
    if len(paths) != 1:
        raise QuizError(
            f"'{escape_controls(args.bank)}' names {len(paths)} banks; export one bank at a time"
        )
    source = paths[0]
    output = Path(args.output) if args.output else default_output(args.bank, source, args.fmt)
    check_output(output, source, args.force)
    shown = escape_controls(str(source))
    try:
        bank = load_bank(source)
    except BankError as error:
        # Each error is a located line of its own, as 'quiz validate' prints it; the
        # closing line says what became of the export.
        for diagnostic in error.diagnostics:
            print(escape_controls(str(diagnostic)), file=sys.stderr)
        count = plural(len(error.diagnostics), "error")
        raise QuizError(f"{shown} has {count}; nothing exported") from None
    exported = exporter(args.fmt)(bank)
    for left in exported.left_out:
        print(f"{shown}: left out '{left.id}': {left.reason}", file=sys.stderr)
    left_out = f" ({len(exported.left_out)} left out)" if exported.left_out else ""
    if not exported.questions:
        print(f"No questions to export from {shown}{left_out}; nothing written.", file=sys.stderr)
        return ExitStatus.ERROR
    write_output(output, exported.data, source, args.force)
    written = plural(exported.questions, "question")
    print(f"Exported {written} from {shown} to {escape_controls(str(output))}{left_out}.")
    return ExitStatus.OK


def default_output(name: str, source: Path, fmt: str) -> Path:
    """Where an export goes without ``-o``: next to the bank when the user named its file
    (or a folder holding it) by path, else in the current folder. A bank found by its
    name may live where the user never looks, or cannot write (the installed package)."""
    from pathlib import Path

    given = Path(name)
    named_by_path = source == given or given in source.parents
    beside = source if named_by_path else Path(source.name)
    return beside.with_suffix(SUFFIXES[fmt])
