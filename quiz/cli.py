"""The command line: parse argv, run a command, turn errors into messages and exit codes."""

from __future__ import annotations

import argparse
import gc
import importlib
import io
import keyword
import os
import sys
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, cast

from quiz import __version__
from quiz.errors import ExitStatus, GameInterrupted, QuizError, UsageError

# Each command lives in quiz/commands/<name>.py with register() and run(); the
# modules import their heavy dependencies inside run(), so building the parser is cheap.
COMMANDS = ("play", "review", "list", "validate", "new", "schema", "stats", "import")
# The commands that run once and end, as opposed to a game. They run without the
# cycle collector: it would walk, again and again, the few hundred thousand objects
# that importing rich creates, and find nothing to free (about a tenth of the time
# of `quiz list`). Reference counting frees everything else as usual. And when one
# ends the process, the interpreter is spared its last walk over every object.
ONE_SHOT = frozenset({"list", "validate", "new", "schema", "stats", "import"})


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


def help_width(environ: Mapping[str, str] = os.environ) -> int:
    """How wide help text may be: ``COLUMNS``, else the terminal's width, less a margin
    (as argparse works it out itself, but without importing shutil to do it)."""
    try:
        columns = int(environ.get("COLUMNS", ""))
    except ValueError:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):  # no stdout, or not a terminal
            columns = 80
    return max(columns, 20) - 2


class _Parser(argparse.ArgumentParser):
    """A parser whose help formatter is given its width. argparse builds a formatter
    for every option it adds (to check its help text), and on its own each one asks
    shutil for the terminal's size, importing shutil to do so."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _formatter)
        super().__init__(*args, **kwargs)


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.HelpFormatter(prog, width=help_width())


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of the ``only`` one that will run.

    Building all of them costs several milliseconds of start-up; a command line
    that names its command needs only that command's parser.
    """
    parser = _Parser(
        prog="quiz",
        description="Play quizzes in your terminal. Run 'quiz' alone to pick a bank and play.",
        epilog="Run 'quiz COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # An explicit prog spares argparse from building a help formatter at start-up.
    commands = cast(
        "argparse._SubParsersAction[argparse.ArgumentParser]",
        parser.add_subparsers(
            dest="command", metavar="COMMAND", title="commands", prog="quiz", parser_class=_Parser
        ),
    )
    for name in (only,) if only else COMMANDS:
        command_module(name).register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``quiz`` with ``argv`` (the process's arguments by default); return the exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    one_shot = bool(words) and words[0] in ONE_SHOT
    pause = one_shot and gc.isenabled()
    if pause:
        gc.disable()
    try:
        return _run(words)
    finally:
        if pause:
            gc.enable()
        if one_shot and argv is None:
            # This is the process's own command, and it is over: what is left is
            # freed when the process ends, so the collection the interpreter makes
            # on its way out (a walk over every object) has nothing to do.
            gc.freeze()


def _run(words: list[str]) -> int:
    # A terminal or pipe that cannot show a character gets a replacement, not a traceback.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
    if not words:
        words = ["play", "--menu"]  # 'quiz' alone: the start screen
    parser = build_parser(words[0] if words[0] in COMMANDS else None)
    try:
        args = parser.parse_args(words)
        if args.command is None:
            args = parser.parse_args(["play", "--menu"])
        return int(args.run(args))
    except (KeyboardInterrupt, GameInterrupted):
        print("\nInterrupted.", file=sys.stderr)
        return ExitStatus.INTERRUPTED
    except UsageError as error:
        print(f"quiz: error: {error}", file=sys.stderr)
        return ExitStatus.USAGE
    except QuizError as error:
        print(f"quiz: error: {error}", file=sys.stderr)
        return ExitStatus.ERROR
    except BrokenPipeError:
        # The reader went away (quiz list | head): silence the rest of our output.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitStatus.ERROR
    except OSError as error:
        print(f"quiz: error: {error.strerror or error}", file=sys.stderr)
        return ExitStatus.ERROR
