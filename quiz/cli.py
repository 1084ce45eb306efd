"""The command line: parse argv, run a command, turn errors into messages and exit codes."""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import io
import keyword
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, cast

from quiz import __version__
from quiz.errors import ExitStatus, GameInterrupted, QuizError, UsageError

# Each command lives in quiz/commands/<name>.py with register() and run(); the
# modules import their heavy dependencies inside run(), so building the parser is cheap.
COMMANDS = (
    "play", "review", "list", "brief", "validate", "new", "add", "schema", "stats", "import",
    "export", "host", "party",
)  # fmt: skip


class Command(Protocol):
    """What a command module provides."""

    def register(self, commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
        """Add the command's parser."""

    def run(self, args: argparse.Namespace) -> ExitStatus:
        """Carry the command out."""


def command_module(name: str) -> Command:
    """The module of one command (``import``, a Python keyword, lives in ``import_.py``)."""
    module = f"{name}_" if keyword.iskeyword(name) else name
    return cast(Command, importlib.import_module(f"quiz.commands.{module}"))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of the ``only`` one that will run.

    Building all of them costs several milliseconds of start-up; a command line
    that names its command needs only that command's parser.
    """
    parser = argparse.ArgumentParser(
        prog="quiz",
        description="Play quizzes in your terminal. Run 'quiz' alone to pick a bank and play.",
        epilog="Run 'quiz COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name in (only,) if only else COMMANDS:
        command_module(name).register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``quiz`` with ``argv`` (the process's arguments by default); return the exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    # Start-up (importing rich, questionary and prompt_toolkit, reading the banks) makes
    # a few hundred thousand objects that live as long as the process: the cycle
    # collector would walk them again and again and free nothing. It is off until a
    # game first asks the player something (Session.asker turns it on); a command that
    # only reports runs to its end without it.
    gc.disable()
    try:
        return _run(words)
    finally:
        gc.enable()


def _run(words: list[str]) -> int:
    if sys.stdout is None:
        # Standard output is closed (quiz ... >&-): nothing can be shown, so nothing is done.
        return ExitStatus.ERROR
    # A terminal or pipe that cannot show a character gets a replacement, not a traceback.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
    try:
        words = _with_command(words)
        parser = build_parser(words[0] if words[0] in COMMANDS else None)
        # argparse drops a failed write of its help or version without a word; written
        # here, a full disk or a closed pipe is told as for any other output.
        shown = io.StringIO()
        try:
            with contextlib.redirect_stdout(shown):
                args, extra = parser.parse_known_args(words)
                if extra:  # told with the usage of the command, not of quiz as a whole
                    unknown = " ".join(extra)
                    _command_parser(parser, args.command).error(
                        f"unrecognized arguments: {unknown}"
                    )
        except SystemExit:
            sys.stdout.write(shown.getvalue())
            sys.stdout.flush()
            raise
        if args.command is None:
            args = parser.parse_args(["play", "--menu"])
        return int(args.run(args))
    except (KeyboardInterrupt, GameInterrupted) as error:
        signum = getattr(error, "signum", None)
        if signum is not None:  # SIGTERM or SIGHUP: 128 + the signal, as a shell says
            return 128 + int(signum)
        _say("\nInterrupted.")
        return ExitStatus.INTERRUPTED
    except UsageError as error:
        _say(f"quiz: error: {error}")
        return ExitStatus.USAGE
    except QuizError as error:
        _say(f"quiz: error: {error}")
        return ExitStatus.ERROR
    except BrokenPipeError:
        # The reader went away (quiz list | head): silence the rest of our output.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitStatus.ERROR
    except OSError as error:
        _say(f"quiz: error: {error.strerror or error}")
        return ExitStatus.ERROR


def _with_command(words: list[str]) -> list[str]:
    """The words with the command they stand for: ``play`` (the default command) for
    none, for options of ``play`` alone, and for a first word that names a bank."""
    if not words:
        return ["play", "--menu"]  # 'quiz' alone: the start screen
    first = words[0]
    if first.startswith("-"):
        # Options of the default command without it: 'quiz --timed 10', 'quiz -n 3 soyuz'.
        return words if first in ("-h", "--help", "--version") else ["play", *words]
    if first in COMMANDS or Path(first).exists():
        return words if first in COMMANDS else ["play", *words]
    import difflib

    close = difflib.get_close_matches(first, COMMANDS, n=1, cutoff=0.75)
    if close:  # a mistyped command rather than a bank: 'quiz lsit'
        build_parser().error(f"unknown command '{first}' (did you mean '{close[0]}'?)")
    return ["play", *words]  # 'quiz soyuz-2024'


def _command_parser(parser: argparse.ArgumentParser, name: str | None) -> argparse.ArgumentParser:
    """The parser of the command ``name`` (``parser`` itself when there is none)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and name in action.choices:
            return cast(argparse.ArgumentParser, action.choices[name])
    return parser


def _say(message: str) -> None:
    """A message on stderr, if there is one to say it on (never on stdout instead).

    Messages quote names from the command line and from files: any control character
    in them is shown escaped, so none can drive the terminal.
    """
    from quiz.format.text import escape_controls

    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(escape_controls(message, keep="\n"), file=sys.stderr)
