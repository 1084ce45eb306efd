"""``quiz list``: a table of the banks found."""

from __future__ import annotations

import argparse

from quiz.errors import ExitStatus


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``list`` parser."""
    parser = commands.add_parser(
        "list",
        help="show the banks found",
        description=(
            "Show the banks found (built in, in the user data folder, in QUIZ_PATH), or in the "
            "files and folders given: name, title, number of questions, types and tags."
        ),
    )
    parser.add_argument(
        "paths", nargs="*", metavar="BANK", help="bank names, question files or folders"
    )
    parser.set_defaults(run=run)


# Wide enough for any row of the table; a table takes only the width it needs.
UNWRAPPED = 10_000


def run(args: argparse.Namespace) -> ExitStatus:
    """Print the table of banks, and a warning for each file that failed validation."""
    from quiz.library.loading import catalogue
    from quiz.library.sources import known_files, resolve
    from quiz.ui.bank_table import bank_table, plain_banks
    from quiz.ui.console import make_console, wants_plain
    from quiz.ui.listing import skipped_warning

    files = resolve(args.paths) if args.paths else known_files()
    found = catalogue(files, banks=False)
    errors = make_console(stderr=True)
    for report in found.broken:
        errors.print(skipped_warning(report))
    console = make_console()
    if not found.summaries:
        console.print("No banks found. Create one with: quiz new my-bank.yaml", markup=False)
        return ExitStatus.ERROR
    # A dumb terminal (a screen reader) gets no ruled table; a pipe keeps the table, a bank a
    # line, for grep and the like.
    if console.is_terminal and wants_plain(False):
        console.print(plain_banks(found.summaries))
    elif console.is_terminal:
        console.print(bank_table(found.summaries, console.width))
    else:
        # As everywhere, output for a pipe or a file is not wrapped at an imagined
        # width: each bank stays on one line, whole, for grep and the like.
        console.width = UNWRAPPED
        console.print(bank_table(found.summaries, width=None))
    return ExitStatus.OK
