"""A game in the terminal: choose the asker, show the start screen, play, report, save."""

from __future__ import annotations

import argparse
import gc
import io
import os
import random
import sys
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from quiz.errors import ExitStatus, QuizError
from quiz.format.report import Report
from quiz.game.engine import Asker, GameOptions, GameResult, Turn, plan, play
from quiz.model import Bank, summarize
from quiz.ui import game_view as views
from quiz.ui.console import make_console
from quiz.ui.listing import bank_table, plural, skipped_warning

# Parsed arguments that are not options of the game, so are not kept with it.
_NOT_OPTIONS = ("run", "command", "banks", "menu", "results")


def check_writable(path: str) -> None:
    """Refuse, before the game, a results file that could not be written after it."""
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise QuizError(f"cannot write results to '{path}': it is a folder")
    if not folder.is_dir():
        raise QuizError(f"cannot write results to '{path}': the folder '{folder}' does not exist")
    if not os.access(folder, os.W_OK):
        raise QuizError(f"cannot write results to '{path}': the folder is not writable")


def is_interactive(stdin: TextIO, stdout: TextIO) -> bool:
    """Whether both ends are a terminal, so full-screen prompts can work."""
    try:
        return stdin.isatty() and stdout.isatty()
    except (AttributeError, ValueError):
        return False


class Session:
    """What one run of ``play`` or ``review`` needs from the terminal.

    A plain class rather than a dataclass: it holds the services of one run, not a
    value, and defining a dataclass would cost every game's start half a millisecond.
    """

    def __init__(
        self,
        *,
        console: Console,
        errors: Console,
        stdin: TextIO,
        plain: bool,
        seed: int,
        results: str | None,
        mode: str = "play",
        shuffle: bool = True,
        options: dict[str, object] | None = None,
    ) -> None:
        self.console = console
        self.errors = errors
        self.stdin = stdin
        self.plain = plain
        self.seed = seed
        self.results = results
        self.mode = mode
        self.shuffle = shuffle
        self.options = options if options is not None else {}
        self._asker: Asker | None = None

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Session:
        """A session for the parsed options of ``play`` or ``review``."""
        results: str | None = args.results or None
        if results is not None:
            check_writable(results)
        seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
        plain = bool(args.plain) or not is_interactive(sys.stdin, sys.stdout)
        return cls(
            console=make_console(),
            errors=make_console(stderr=True),
            # A closed stdin (quiz <&-) is an input that has already ended.
            stdin=sys.stdin if sys.stdin is not None else io.StringIO(),
            plain=plain,
            seed=seed,
            results=results,
            mode=str(getattr(args, "command", None) or "play"),
            shuffle=not getattr(args, "no_shuffle", False),
            options={**vars(args), "seed": seed},
        )

    def load_banks(self, names: list[str]) -> list[Bank]:
        """The banks named (all known banks when none is), warning of each broken file."""
        from quiz.library.loading import catalogue
        from quiz.library.sources import known_files, resolve

        found = catalogue(resolve(names) if names else known_files())
        self.warn_skipped(found.broken)
        if not found.banks:
            raise QuizError("no playable bank found; check the files with 'quiz validate'")
        return found.banks

    def warn_skipped(self, reports: Iterable[Report]) -> None:
        """One line on stderr for each file that failed validation."""
        for report in reports:
            self.errors.print(skipped_warning(report), soft_wrap=True)

    # -- start screen ---------------------------------------------------------------

    def start_screen(
        self, banks: list[Bank], *, ask_count: bool
    ) -> tuple[list[Bank], int | None] | None:
        """Show the banks found; the player picks one (or all) and how many questions.

        Returns the banks and the count (``None`` for all), or ``None`` to quit.
        """
        self.console.print(
            Panel(
                Group(
                    Text("Pick a bank to play.", style="quiz.muted"),
                    bank_table([summarize(b) for b in banks], self.console.width - 4),
                ),
                title=Text("Orbit Quiz", style="quiz.title"),
                expand=False,
            )
        )
        labels = [f"{b.title} ({plural(len(b.questions), 'question')})" for b in banks]
        if len(banks) > 1:
            total = sum(len(b.questions) for b in banks)
            labels.append(f"All banks ({plural(total, 'question')})")
        labels.append("Quit")
        index = self.asker().pick("Which bank?", labels)
        if index == len(labels) - 1:
            return None
        chosen = banks if index == len(banks) else [banks[index]]
        if not ask_count:
            return chosen, None
        total = sum(len(b.questions) for b in chosen)
        sizes = [size for size in (10, 20) if size < total]
        if not sizes:
            return chosen, None
        counts = [f"{size} questions" for size in sizes] + [f"All {total} questions"]
        picked = self.asker().pick("How many questions?", counts)
        return chosen, sizes[picked] if picked < len(sizes) else None

    def offer_briefing(self, banks: list[Bank]) -> None:
        """The start screen's last question, when a bank chosen has a briefing: read it
        first, or play."""
        if any(bank.briefing for bank in banks):
            offer = ["Read the briefing first", "Play"]
            if self.asker().pick("Before you play", offer) == 0:
                self.show_briefing(banks)

    def show_briefing(self, banks: list[Bank]) -> None:
        """Show the briefing of each bank that has one; in a terminal, wait for Play."""
        from quiz.ui.briefing_view import briefing_view

        shown = [bank for bank in banks if bank.briefing]
        for bank in shown:
            self.console.print(briefing_view(bank, plain=self.plain, width=self.console.width))
            self.console.print()
        # Piped input is a script, and a line read here would shift its answers.
        if shown and not self.plain:
            self.asker().pick("Ready to play?", ["Play"])

    # -- the game -------------------------------------------------------------------

    def play(self, banks: list[Bank], options: GameOptions) -> ExitStatus:
        """Plan a game from the banks and play it."""
        turns = plan(banks, options, random.Random(self.seed))
        return self.run(turns)

    def asker(self) -> Asker:
        """The plain asker, or the questionary one on a terminal (one for the run)."""
        if self._asker is None:
            if self.plain:
                from quiz.ui.plain_asker import PlainAsker

                self._asker = PlainAsker(self.console, self.stdin)
            else:
                from quiz.ui.terminal_asker import QuestionaryAsker

                self._asker = QuestionaryAsker(self.console)
            # Start-up is over, and the player is about to be asked: what start-up made
            # is set aside and the cycle collector runs again (see quiz.cli.main).
            gc.freeze()
            gc.enable()
        return self._asker

    def run(self, turns: list[Turn]) -> ExitStatus:
        """Play the turns, then show the summary, write results; 130 when interrupted."""
        titles = " + ".join(dict.fromkeys(t.bank_title for t in turns))
        self.console.print(
            Text.assemble(
                (titles, "quiz.title"),
                (f" · {plural(len(turns), 'question')}", "quiz.muted"),
                (f" · seed {self.seed}" if self.shuffle else "", "quiz.muted"),
                ("\nCtrl-C stops at any time; your answers so far are kept.", "quiz.muted"),
            )
        )
        asker = self.asker()
        started = datetime.now(UTC)
        result = play(turns, asker, time.monotonic)
        # Saved before the report, so a Ctrl-C during the report loses nothing.
        self.save_history(result, started, datetime.now(UTC))
        if not result.completed:
            self.console.print(Text("\nGame stopped.", style="quiz.warning"))
        self.report(result)
        if self.results is not None:
            from quiz.history.results import results_document, write_results

            write_results(self.results, results_document(result, self.seed))
            self.console.print(Text(f"Results written to {self.results}", style="quiz.muted"))
        return ExitStatus.OK if result.completed else ExitStatus.INTERRUPTED

    def save_history(self, result: GameResult, started: datetime, ended: datetime) -> None:
        """Record the game and move its questions' Leitner boxes; faults only warn.

        A game stopped before its first answer is not a game played: nothing is kept.
        """
        if not result.outcomes:
            return
        # Imported here, after the game, so that sqlite3 does not delay the first question.
        from quiz.history.store import game_options, save_game
        from quiz.library.sources import data_dir

        warnings = save_game(
            data_dir(),
            result,
            mode=self.mode,
            banks=list(result.titles),
            options=game_options(self.options, drop=_NOT_OPTIONS),
            started=started,
            ended=ended,
        )
        for warning in warnings:
            self.errors.print(
                Text.assemble(("warning:", "quiz.warning"), f" {warning}"), soft_wrap=True
            )

    def report(self, result: GameResult) -> None:
        """The summary panel, the breakdown and the review of missed questions."""
        console = self.console
        console.print()
        title = Text("Game over" if result.completed else "Game so far", style="quiz.title")
        console.print(Panel(views.summary(result), title=title, expand=False))
        table = views.breakdown(result)
        if table is not None:
            console.print(table)
        missed = views.review(result)
        if missed is not None:
            console.print(missed)
