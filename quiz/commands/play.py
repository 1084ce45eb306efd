"""``quiz play`` (and ``quiz`` alone): pick banks, play a game, show how it went."""

from __future__ import annotations

import argparse

from quiz.errors import ExitStatus, QuizError

DIFFICULTIES = ("easy", "medium", "hard")


def positive_int(text: str) -> int:
    """argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def seed_value(text: str) -> int:
    """argparse type: any whole number."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None


def seconds_value(text: str) -> float:
    """argparse type: a positive number of seconds."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not 0 < value < 86_400:
        raise argparse.ArgumentTypeError("must be more than 0 and less than a day")
    return value


def add_game_options(parser: argparse.ArgumentParser, *, selection: bool = True) -> None:
    """The options shared by ``play`` and ``review``."""
    parser.add_argument(
        "-n", "--count", type=positive_int, metavar="N", help="ask at most N questions"
    )
    if selection:
        parser.add_argument(
            "--tag",
            action="append",
            default=[],
            metavar="TAG",
            help="only questions with this tag (repeat for any of several)",
        )
        parser.add_argument(
            "--difficulty", choices=DIFFICULTIES, help="only questions of this difficulty"
        )
        parser.add_argument(
            "--timed",
            type=seconds_value,
            metavar="SECONDS",
            help="a time limit per question; faster answers score more",
        )
    parser.add_argument("--seed", type=seed_value, metavar="N", help="same seed, same game")
    parser.add_argument(
        "--no-shuffle",
        action="store_true",
        help="questions and choices in file order (order items alphabetically)",
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="line-based questions and answers (automatic when input or output is not a terminal)",
    )
    parser.add_argument(
        "--results", metavar="FILE", help="write the results as JSON to FILE, even if interrupted"
    )
    parser.add_argument(
        "--pause",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="wait for Enter after each answer (the start screen's default for a person "
        "at a terminal; never with piped input)",
    )


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``play`` parser."""
    parser = commands.add_parser(
        "play",
        help="play a game (the default command)",
        description=(
            "Play the banks named (by path or by name, see 'quiz list'); with none named, "
            "pick one on the start screen."
        ),
    )
    parser.add_argument("banks", nargs="*", metavar="BANK", help="bank names or files")
    parser.add_argument("--menu", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--briefing", action="store_true", help="show the banks' briefing before the first question"
    )
    add_game_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> ExitStatus:
    """Load the banks, plan the game and play it; from the start screen, as often as
    the player goes back to it."""
    from quiz.game.engine import GameOptions
    from quiz.model import Difficulty
    from quiz.ui.session import Session
    from quiz.ui.signals import Quit, catching

    session = Session.from_args(args)
    # SIGTERM or SIGHUP at the start screen ends the program as it ends a game.
    with catching():
        # Named banks are loaded whole; the start screen needs only their summaries, and
        # loads the banks the player picks.
        banks = session.load_banks(args.banks) if args.banks else []
        found = [] if args.banks else session.find_banks()
        briefing = args.briefing
        while True:
            count = args.count
            chosen = banks
            if not args.banks:
                picked = session.start_screen(found, ask_count=count is None)
                if picked is None:
                    return ExitStatus.OK
                chosen = session.load_files(summary.path for summary in picked[0])
                count = picked[1] if count is None else count
                session.can_restart = True
            if briefing and not any(bank.briefing for bank in chosen):
                raise QuizError("no briefing to show: the banks chosen have none")
            try:
                if briefing:
                    session.show_briefing(chosen)
                    briefing = False  # once: playing again goes straight to the questions
                elif not args.banks:
                    session.offer_briefing(chosen)
            except Quit:
                return ExitStatus.OK  # q before the first question leaves, as the start screen's
            options = GameOptions(
                limit=count,
                tags=tuple(args.tag),
                difficulty=Difficulty(args.difficulty) if args.difficulty else None,
                shuffle=not args.no_shuffle,
                time_limit=args.timed,
            )
            status = session.play(chosen, options)
            if not session.restart:
                return status
            session.restart = False
