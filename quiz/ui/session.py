"""A game in the terminal: choose the asker, show the start screen, play, report, save."""

from __future__ import annotations

import argparse
import gc
import io
import random
import sys
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.text import Text

from quiz.errors import ExitStatus, QuizError
from quiz.format.report import Report
from quiz.game.engine import Asker, GameOptions, GameResult, Turn, plan, play
from quiz.model import Bank, BankSummary
from quiz.ui.console import check_writable, make_console, wants_plain
from quiz.ui.console import is_interactive as is_interactive  # for stats' confirmation
from quiz.ui.endgame import (
    PLAY_AGAIN,
    REVIEW_MISSES,
    START_SCREEN,
    best_record,
    choices,
    missed_turns,
)
from quiz.ui.endgame import report as show_report
from quiz.ui.listing import plural, skipped_warning
from quiz.ui.signals import Quit, catching, restore_terminal
from quiz.ui.start_screen import BankPicker
from quiz.ui.summary_view import Record

# Parsed arguments that are not options of the game, so are not kept with it.
_NOT_OPTIONS = ("run", "command", "banks", "menu", "results")


NO_BANK = "no playable bank found; check the files with 'quiz validate'"


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
        pause: bool | None = None,
        person: bool = False,
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
        self.pause = pause
        # A person at a terminal (both ends): offered a pause and the after-game menu.
        # Piped input is a script, so never.
        self.person = person
        self.replan: Callable[[int], list[Turn]] | None = None
        self.can_restart = False
        self.restart = False
        self._asker: Asker | None = None

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Session:
        """A session for the parsed options of ``play`` or ``review``."""
        results: str | None = args.results or None
        if results is not None:
            check_writable(results)
        seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
        plain = wants_plain(bool(args.plain))
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
            pause=getattr(args, "pause", None),
            person=is_interactive(sys.stdin, sys.stdout),
        )

    def load_banks(self, names: list[str]) -> list[Bank]:
        """The banks named (all known banks when none is), warning of each broken file."""
        from quiz.library.sources import known_files, resolve

        return self.load_files(resolve(names) if names else known_files())

    def load_files(self, files: Iterable[str | Path]) -> list[Bank]:
        """The banks of these files, warning of each broken one."""
        from quiz.library.loading import catalogue

        found = catalogue(files)
        self.warn_skipped(found.broken)
        if not found.banks:
            raise QuizError(NO_BANK)
        return found.banks

    def find_banks(self) -> list[BankSummary]:
        """The summaries of every known bank, for the start screen (no question is
        built), warning of each broken file."""
        from quiz.library.loading import catalogue
        from quiz.library.sources import known_files

        found = catalogue(known_files(), banks=False)
        self.warn_skipped(found.broken)
        if not found.summaries:
            raise QuizError(NO_BANK)
        return found.summaries

    def warn_skipped(self, reports: Iterable[Report]) -> None:
        """One line on stderr for each file that failed validation."""
        for report in reports:
            self.errors.print(skipped_warning(report))

    # -- start screen ---------------------------------------------------------------

    def start_screen(
        self, banks: list[BankSummary], *, ask_count: bool
    ) -> tuple[list[BankSummary], int | None] | None:
        """Show the banks found; the player picks one (or all) and how many questions.

        Returns the banks and the count (``None`` for all), or ``None`` to quit.
        A person who starts a game here gets a pause after each answer, unless
        ``--no-pause`` said otherwise.
        """
        picker = BankPicker(self.console, self.plain, lambda *asked: self.asker().pick(*asked))
        picker.show(banks)
        try:
            chosen = picker.banks(banks)
            if chosen is None:
                return None
            count = picker.count(chosen) if ask_count else None
        except Quit:
            return None
        if self.pause is None and self.person:
            self.pause = True
        return chosen, count

    def offer_briefing(self, banks: list[Bank]) -> None:
        """The start screen's last question, when a bank chosen has a briefing: read it
        first, or play."""
        if any(bank.briefing for bank in banks):
            offer = ["Read the briefing first", "Play"]
            if self.asker().pick("Before you play", offer) == 0:
                self.show_briefing(banks)

    def show_briefing(self, banks: list[Bank]) -> None:
        """Show the briefing of each bank that has one; in a terminal a screenful at a
        time, then wait for Play (:mod:`quiz.ui.briefing_pages`)."""
        from quiz.ui.briefing_pages import show_briefings

        show_briefings(self.console, banks, plain=self.plain)

    # -- the game -------------------------------------------------------------------

    def play(self, banks: list[Bank], options: GameOptions) -> ExitStatus:
        """Plan a game from the banks and play it (and again, if the player asks)."""
        # Playing again is a new shuffle, also after a --no-shuffle game.
        self.replan = lambda seed: plan(
            banks, options._replace(shuffle=self.shuffle), random.Random(seed)
        )
        return self.run(self.replan(self.seed))

    def asker(self) -> Asker:
        """The plain asker, or the prompt_toolkit one on a terminal (one for the run)."""
        if self._asker is None:
            if self.plain:
                from quiz.ui.plain_asker import PlainAsker

                self._asker = PlainAsker(self.console, self.stdin)
            else:
                from quiz.ui.terminal_asker import TerminalAsker

                self._asker = TerminalAsker(self.console)
            # Start-up is over, and the player is about to be asked: what start-up made
            # is set aside and the cycle collector runs again (see quiz.cli.main).
            gc.freeze()
            gc.enable()
        return self._asker

    def run(self, turns: list[Turn]) -> ExitStatus:
        """Play the turns, then show the summary, write results; 130 when interrupted,
        128 + the signal when SIGTERM or SIGHUP ended it. A person then picks what next."""
        while True:
            status, result = self._run_once(turns)
            if status > ExitStatus.INTERRUPTED or not (self.person and result.completed):
                return status
            following = self._what_next(result)
            if following is None:
                return status
            turns = following

    def _run_once(self, turns: list[Turn]) -> tuple[ExitStatus, GameResult]:
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
        if self.pause is not None:
            asker.pause = self.pause  # type: ignore[attr-defined]
        started = datetime.now(UTC)
        with catching() as caught:
            try:
                result = play(turns, asker, time.monotonic)
            finally:
                caught.raising = False  # what follows saves the game: let it finish
            # Saved before the report, so a Ctrl-C during the report loses nothing.
            record = self.save_history(result, started, datetime.now(UTC))
            failed = None
            if self.results is not None:
                from quiz.history.results import results_document, write_or_say

                seed = self.seed if self.shuffle else None
                failed = write_or_say(self.results, results_document(result, seed))
            try:
                if not result.completed:
                    self.console.print(Text("\nGame stopped.", style="quiz.warning"))
                show_report(self.console, result, plain=self.plain, record=record)
                if self.results is not None and failed is None:
                    written = f"Results written to {self.results}"
                    self.console.print(Text(written, style="quiz.muted"))
            except OSError:
                if result.completed and caught.signum is None:
                    raise
                # The terminal may be gone (hung up): nothing to show the report on.
            if failed is not None:  # told after the report, which is shown all the same
                raise failed
        if caught.signum is not None:
            restore_terminal()
        status = ExitStatus.OK if result.completed else ExitStatus.INTERRUPTED
        return ExitStatus(caught.exit_status(status)), result

    def _what_next(self, result: GameResult) -> list[Turn] | None:
        """The after-game menu: new turns to play, or None (quit, or the start screen)."""
        options = choices(result, again=self.replan is not None, start=self.can_restart)
        try:
            picked = options[self.asker().pick("What next?", [label for _, label in options])][0]
        except (Quit, KeyboardInterrupt):
            return None
        if picked == PLAY_AGAIN and self.replan is not None:
            self.seed = random.SystemRandom().randrange(2**32)
            self.shuffle = True  # "new shuffle", as the menu says
            self.options.update(seed=self.seed, no_shuffle=False)
            return self.replan(self.seed)
        if picked == REVIEW_MISSES:
            return missed_turns(result)
        self.restart = picked == START_SCREEN
        return None

    def save_history(self, result: GameResult, started: datetime, ended: datetime) -> Record | None:
        """Record the game and move its questions' Leitner boxes; faults only warn.
        Returns the bank's best score before this game (for a game of one bank).

        A game stopped before its first answer is not a game played: nothing is kept.
        """
        if not result.outcomes:
            return None
        # Imported here, after the game, so that sqlite3 does not delay the first question.
        from quiz.history.store import game_options, open_history
        from quiz.library.sources import data_dir

        with open_history(data_dir(), lambda: datetime.now(UTC)) as history:
            record = best_record(history, result.titles) if self.mode == "play" else None
            history.record_game(
                result,
                mode=self.mode,
                banks=list(result.titles),
                options=game_options(self.options, drop=_NOT_OPTIONS),
                started=started,
                ended=ended,
            )
        for warning in history.warnings:
            self.errors.print(
                Text.assemble(("warning:", "quiz.warning"), f" {warning}"), soft_wrap=True
            )
        return record

    def report(self, result: GameResult, record: Record | None = None) -> None:
        """The summary, the breakdown and the review of missed questions."""
        show_report(self.console, result, plain=self.plain, record=record)
