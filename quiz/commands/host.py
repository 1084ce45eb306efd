"""``quiz host``: a quiz night; players join over SSH from their own terminals."""

from __future__ import annotations

import argparse
import errno
import secrets
import sys

from quiz.commands.play import DIFFICULTIES, positive_int, seconds_value, seed_value
from quiz.errors import ExitStatus, QuizError, UsageError

DEFAULT_PORT = 8022
DEFAULT_SECONDS = 20.0
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to confuse


def port_value(text: str) -> int:
    """argparse type: a TCP port (0 picks any free one)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("must be from 0 to 65535")
    return value


def seconds_or_zero(text: str) -> float:
    """argparse type: zero or more seconds."""
    return 0.0 if text.strip() in ("0", "0.0") else seconds_value(text)


def add_selection(parser: argparse.ArgumentParser) -> None:
    """The options that choose the questions and their time, shared with ``party``."""
    parser.add_argument("banks", nargs="+", metavar="BANK", help="bank names or files")
    parser.add_argument(
        "--time",
        type=seconds_value,
        metavar="SECONDS",
        help=f"seconds to answer each question (default {DEFAULT_SECONDS:g})",
    )
    parser.add_argument(
        "-n", "--count", type=positive_int, metavar="N", help="ask at most N questions"
    )
    parser.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="only questions with this tag"
    )
    parser.add_argument(
        "--difficulty", choices=DIFFICULTIES, help="only questions of this difficulty"
    )
    parser.add_argument("--seed", type=seed_value, metavar="N", help="same seed, same game")
    parser.add_argument(
        "--results", metavar="FILE", help="write every player's results as JSON to FILE"
    )


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``host`` parser."""
    parser = commands.add_parser(
        "host",
        help="host a quiz night: players join over SSH",
        description=(
            "Host a live game for a room. Players join from their own terminals with "
            "'ssh -p PORT NAME@ADDRESS'. Listens on 127.0.0.1 unless --listen says otherwise."
        ),
    )
    add_selection(parser)
    parser.add_argument(
        "--listen",
        default="127.0.0.1",
        metavar="ADDR",
        help="address to listen on (0.0.0.0 opens the game to the room)",
    )
    parser.add_argument(
        "--port", type=port_value, default=DEFAULT_PORT, metavar="N", help="port (default 8022)"
    )
    parser.add_argument("--code", metavar="CODE", help="the join code (default: a random one)")
    parser.add_argument(
        "--start-when",
        type=positive_int,
        metavar="N",
        help="start as soon as N players have joined",
    )
    parser.add_argument(
        "--auto", action="store_true", help="move on after each reveal without waiting for Enter"
    )
    parser.add_argument(
        "--reveal",
        type=seconds_or_zero,
        default=5.0,
        metavar="SECONDS",
        help="with --auto, how long each reveal stays (default 5)",
    )
    parser.add_argument(
        "--max-players",
        type=positive_int,
        default=100,
        metavar="N",
        help="refuse players beyond N (default 100)",
    )
    parser.set_defaults(run=run)


def make_code() -> str:
    """A random join code of six characters that are hard to confuse."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))


def run(args: argparse.Namespace) -> ExitStatus:
    """Load the banks, open the server, run the night, report and record it."""
    import asyncio
    import gc
    from datetime import UTC, datetime

    from quiz.commands.quiz_night import records
    from quiz.commands.quiz_night.hosting import host_night
    from quiz.commands.quiz_night.keys import can_press_keys
    from quiz.commands.quiz_night.night import Night, Settings
    from quiz.commands.quiz_night.planning import plan_night
    from quiz.commands.quiz_night.server import host_key
    from quiz.library.sources import data_dir
    from quiz.ui.console import make_console
    from quiz.ui.host_lines import warning

    code = (args.code or make_code()).strip()
    if not code or len(code) > 40 or not code.isprintable():
        raise UsageError("--code must be 1 to 40 printable characters")
    if not can_press_keys(sys.stdin) and (args.start_when is None or not args.auto):
        raise UsageError(
            "nothing can press Enter to start the night and move it on: standard input is"
            " not a terminal or a pipe; run 'quiz host' in a terminal, or give"
            " --start-when N and --auto for a night that runs by itself"
        )
    console, errors = make_console(), make_console(stderr=True)
    turns, seed = plan_night(args, errors, default_seconds=DEFAULT_SECONDS)
    key = host_key(data_dir(), lambda text: errors.print(warning(text), soft_wrap=True))
    settings = Settings(code, args.max_players, args.start_when, args.auto, args.reveal)
    started = datetime.now(UTC)
    completed = False
    # Start-up is over (see quiz.cli.main): a night makes and drops prompt after prompt,
    # whose cycles only the collector frees.
    gc.freeze()
    gc.enable()

    async def main() -> bool:
        night = Night(turns, settings)
        runs.append(night)
        return await host_night(
            night, address=args.listen, port=args.port, key=key, console=console, errors=errors
        )

    runs: list[Night] = []
    try:
        completed = asyncio.run(main())
    except OSError as error:
        if not runs or (runs[0].phase == "lobby" and not runs[0].round.players):
            if error.errno == errno.EADDRINUSE:
                raise QuizError(
                    f"port {args.port} is already in use (another quiz host?);"
                    " pick another with --port N"
                ) from None
            raise QuizError(
                f"cannot listen on {args.listen} port {args.port}: {error.strerror or error}"
            ) from None
        raise
    finally:
        if runs and runs[0].round.players:
            records.finish(runs[0].round, args, seed, started, completed, console, errors, "host")
    signum = runs[0].signum if runs else None
    if signum is not None:  # 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP
        return ExitStatus(128 + signum)
    return ExitStatus.OK if completed else ExitStatus.INTERRUPTED
