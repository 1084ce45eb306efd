"""``quiz stats``: how the player is doing, as tables or JSON; ``--reset`` clears it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from quiz.errors import ExitStatus, QuizError, UsageError

if TYPE_CHECKING:
    from quiz.history.store import History


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``stats`` parser."""
    parser = commands.add_parser(
        "stats",
        help="show your history: scores, accuracy, most missed questions",
        description=(
            "Show the games played, each bank's best and average score and accuracy, "
            "its questions new, learning and known, accuracy by tag and difficulty, the "
            "questions most often missed, the best streak, a chart of scores, retention "
            "over 30 days against the target, and a calendar of the days played."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print the statistics as JSON")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="plain mode, for screen readers: the calendar as sentences (as QUIZ_PLAIN=1 gives)",
    )
    parser.add_argument(
        "--reset",
        action="store_true",
        help="clear the history (after asking); the old file is kept as a backup",
    )
    parser.add_argument("--yes", action="store_true", help="with --reset: do not ask")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> ExitStatus:
    """Print the statistics, or reset the history."""
    if args.yes and not args.reset:
        raise UsageError("--yes goes with --reset")
    if args.json and args.reset:
        raise UsageError("--json and --reset do not go together")
    import json
    import sys
    from datetime import UTC, datetime

    from rich.text import Text

    from quiz.history.stats_document import document
    from quiz.history.store import open_history
    from quiz.library.sources import data_dir
    from quiz.ui.console import make_console
    from quiz.ui.stats_view import is_plain, stats_view

    errors = make_console(stderr=True)
    with open_history(data_dir(), lambda: datetime.now(UTC)) as history:
        if args.reset:
            for warning in history.warnings:
                errors.print(Text.assemble(("warning:", "quiz.warning"), f" {warning}"))
            return reset(history, args.yes)
        stats = history.stats(bank_questions())
        # After reading, so that rows skipped as damaged are in the warnings too.
        for warning in history.warnings:
            errors.print(Text.assemble(("warning:", "quiz.warning"), f" {warning}"))
    if args.json:
        sys.stdout.write(json.dumps(document(stats), indent=2, ensure_ascii=False) + "\n")
    else:
        console = make_console()
        console.print(stats_view(stats, plain=args.plain or is_plain(console)))
    return ExitStatus.OK


def bank_questions() -> dict[str, frozenset[str]]:
    """The question ids of every known bank, by title (first wins), for the questions
    not answered yet. Broken files are left out quietly: ``validate`` reports them."""
    from quiz.library.loading import catalogue
    from quiz.library.sources import known_files

    found: dict[str, frozenset[str]] = {}
    try:
        banks = catalogue(known_files()).banks
    except (QuizError, OSError):
        return found
    for bank in banks:
        found.setdefault(bank.title, frozenset(q.id for q in bank.questions))
    return found


def reset(history: History, yes: bool) -> ExitStatus:
    """Ask (unless ``yes``), then clear the history and say where the backup is."""
    from rich.text import Text

    from quiz.history.store import HistoryUnavailableError
    from quiz.ui.console import make_console
    from quiz.ui.listing import plural

    console = make_console()
    if not history.saving:
        raise QuizError("the history cannot be reset: " + "; ".join(history.warnings))
    games = history.game_count()
    if not games:
        console.print(Text("The history is empty; nothing to clear.", style="quiz.muted"))
        return ExitStatus.OK
    question = f"Clear the history of {plural(games, 'game')}?"
    if not yes and not confirm(question):
        console.print(Text("History kept.", style="quiz.muted"))
        return ExitStatus.OK
    try:
        backup = history.reset()
    except HistoryUnavailableError as error:
        raise QuizError(f"the history cannot be reset: {error}") from None
    console.print(Text("History cleared; the old file is kept as ", style="quiz.correct"), end="")
    console.print(Text(str(backup), style="quiz.path"), soft_wrap=True)
    return ExitStatus.OK


def confirm(question: str) -> bool:
    """Ask yes or no: a questionary prompt on a terminal, else one line of input."""
    import sys

    from quiz.ui.session import is_interactive

    if is_interactive(sys.stdin, sys.stdout):
        import questionary

        from quiz.ui.terminal_asker import STYLE

        try:
            return bool(questionary.confirm(question, default=False, style=STYLE).unsafe_ask())
        except EOFError:  # Ctrl-D: no
            return False
    sys.stdout.write(f"{question} [y/N] ")
    sys.stdout.flush()
    line = sys.stdin.readline() if sys.stdin is not None else ""  # closed: no answer
    if not line:
        sys.stdout.write("\n")
    return line.strip().casefold() in ("y", "yes")
