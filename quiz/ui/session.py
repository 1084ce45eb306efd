"""A game in the terminal: choose the asker, show the start screen, play, report, save."""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from quiz.bank import Report
from quiz.engine import Asker, GameOptions, GameResult, Turn, plan, play
from quiz.errors import ExitStatus
from quiz.model import Bank, summarize
from quiz.results import results_document, write_results
from quiz.ui import views
from quiz.ui.console import make_console
from quiz.ui.plain import InvalidInput, PlainAsker, parse_numbers
from quiz.ui.render import bank_table, plural, skipped_warning

# Parsed arguments that are not options of the game, so are not kept with it.
_NOT_OPTIONS = ("run", "command", "banks", "menu", "results")


def is_interactive(stdin: TextIO, stdout: TextIO) -> bool:
    """Whether both ends are a terminal, so full-screen prompts can work."""
    try:
        return stdin.isatty() and stdout.isatty()
    except (AttributeError, ValueError):
        return False


@dataclass
class Session:
    """What one run of ``play`` or ``review`` needs from the terminal."""

    console: Console
    errors: Console
    stdin: TextIO
    plain: bool
    seed: int
    results: Path | None
    mode: str = "play"
    options: dict[str, object] = field(default_factory=dict)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Session:
        """A session for the parsed options of ``play`` or ``review``."""
        seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
        plain = bool(args.plain) or not is_interactive(sys.stdin, sys.stdout)
        return cls(
            console=make_console(),
            errors=make_console(stderr=True),
            stdin=sys.stdin,
            plain=plain,
            seed=seed,
            results=Path(args.results) if args.results else None,
            mode=str(getattr(args, "command", None) or "play"),
            options={**vars(args), "seed": seed},
        )

    def warn_skipped(self, reports: Iterable[Report]) -> None:
        """One line on stderr for each file that failed validation."""
        for report in reports:
            self.errors.print(skipped_warning(report), soft_wrap=True)

    # -- start screen ---------------------------------------------------------------

    def start_screen(self, banks: list[Bank]) -> list[Bank]:
        """Show the banks found and let the player pick one, or all of them."""
        if len(banks) == 1:
            return banks
        total = sum(len(b.questions) for b in banks)
        self.console.print(
            Panel(
                Group(
                    Text("Pick a bank to play.", style="quiz.muted"),
                    bank_table(summarize(b) for b in banks),
                ),
                title=Text("Orbit Quiz", style="quiz.title"),
                expand=False,
            )
        )
        labels = [f"{b.title} ({plural(len(b.questions), 'question')})" for b in banks]
        labels.append(f"All banks ({plural(total, 'question')})")
        index = self._pick_plain(labels) if self.plain else self._pick_interactive(labels)
        return banks if index == len(banks) else [banks[index]]

    def _pick_plain(self, labels: list[str]) -> int:
        self.console.print(views.numbered(labels))
        self.console.print(
            Text(f"Type the number of a bank (1-{len(labels)}):", style="quiz.muted")
        )
        asker = PlainAsker(self.console, self.stdin)
        while True:
            line = asker.read_line()
            try:
                picked = parse_numbers(line, len(labels))
                if len(picked) == 1:
                    return picked[0] - 1
                raise InvalidInput(f"Pick one bank: a number from 1 to {len(labels)}.")
            except InvalidInput as error:
                self.console.print(Text(str(error), style="quiz.warning"))

    def _pick_interactive(self, labels: list[str]) -> int:
        import questionary

        from quiz.ui.prompts import STYLE

        choices = [questionary.Choice(label, value=i) for i, label in enumerate(labels)]
        answer = questionary.select(
            "Which bank?", choices=choices, style=STYLE, use_jk_keys=False
        ).unsafe_ask()
        return int(answer)

    # -- the game -------------------------------------------------------------------

    def play(self, banks: list[Bank], options: GameOptions) -> ExitStatus:
        """Plan a game from the banks and play it."""
        turns = plan(banks, options, random.Random(self.seed))
        return self.run(turns)

    def asker(self) -> Asker:
        """The plain asker, or the questionary one on a terminal."""
        if self.plain:
            return PlainAsker(self.console, self.stdin)
        from quiz.ui.prompts import QuestionaryAsker

        return QuestionaryAsker(self.console)

    def run(self, turns: list[Turn]) -> ExitStatus:
        """Play the turns, then show the summary, write results; 130 when interrupted."""
        titles = " + ".join(dict.fromkeys(t.bank_title for t in turns))
        self.console.print(
            Text.assemble(
                (titles, "quiz.title"),
                (f" · {plural(len(turns), 'question')} · seed {self.seed}", "quiz.muted"),
                ("\nCtrl-C stops at any time; your answers so far are kept.", "quiz.muted"),
            )
        )
        started = datetime.now(UTC)
        result = play(turns, self.asker(), time.monotonic)
        # Saved before the report, so a Ctrl-C during the report loses nothing.
        self.save_history(result, started, datetime.now(UTC))
        if not result.completed:
            self.console.print(Text("\nGame stopped.", style="quiz.warning"))
        self.report(result)
        if self.results is not None:
            write_results(self.results, results_document(result, self.seed))
            self.console.print(Text(f"Results written to {self.results}", style="quiz.muted"))
        return ExitStatus.OK if result.completed else ExitStatus.INTERRUPTED

    def save_history(self, result: GameResult, started: datetime, ended: datetime) -> None:
        """Record the game and move its questions' Leitner boxes; faults only warn."""
        # Imported here, after the game, so that sqlite3 does not delay the first question.
        from quiz.history import game_options, save_game
        from quiz.library import data_dir

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
