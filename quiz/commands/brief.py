"""``quiz brief``: print the briefing of a bank, what to read before playing it."""

from __future__ import annotations

import argparse

from quiz.errors import ExitStatus


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``brief`` parser."""
    parser = commands.add_parser(
        "brief",
        help="print a bank's briefing",
        description=(
            "Print the briefing of the banks named (by path or by name, see 'quiz list'): "
            "what a player may read before playing them."
        ),
    )
    parser.add_argument("banks", nargs="+", metavar="BANK", help="bank names or files")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="plain lines, no panel (automatic when the output is not a terminal)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> ExitStatus:
    """Print each bank's briefing; a bank without one is an error."""
    from quiz.errors import QuizError
    from quiz.format.text import escape_controls
    from quiz.library.loading import catalogue
    from quiz.library.sources import resolve
    from quiz.ui.briefing_view import briefing_view
    from quiz.ui.console import make_console, wants_plain
    from quiz.ui.listing import skipped_warning

    found = catalogue(resolve(args.banks))
    errors = make_console(stderr=True)
    for report in found.broken:
        errors.print(skipped_warning(report))
    if not found.banks:
        raise QuizError("no valid bank to brief; check the files with 'quiz validate'")
    without = [bank.name for bank in found.banks if not bank.briefing]
    if without:
        names = ", ".join(f"'{escape_controls(name)}'" for name in without)
        raise QuizError(f"no briefing in {names}; add a 'briefing:' to the bank")
    console = make_console()
    plain = wants_plain(bool(args.plain)) or not console.is_terminal
    for index, bank in enumerate(found.banks):
        if index:
            console.print()
        console.print(briefing_view(bank, plain=plain, width=console.width))
    return ExitStatus.OK if not found.broken else ExitStatus.ERROR
