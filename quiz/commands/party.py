"""``quiz party``: two to eight players take turns at one keyboard."""

from __future__ import annotations

import argparse

from quiz.errors import ExitStatus, UsageError

DEFAULT_SECONDS = 30.0
PLAYERS_MIN, PLAYERS_MAX = 2, 8
NAME_MAX = 24


def parse_players(text: str) -> list[str]:
    """The names of ``--players "Ana,Ben,Caro"``: 2 to 8, none empty, none twice."""
    names = [name.strip() for name in text.split(",")]
    if any(not name for name in names):
        raise UsageError("--players: a name is empty (separate names with commas)")
    if not PLAYERS_MIN <= len(names) <= PLAYERS_MAX:
        raise UsageError(
            f"--players: name {PLAYERS_MIN} to {PLAYERS_MAX} players, not {len(names)}"
        )
    folded = [name.casefold() for name in names]
    if len(set(folded)) != len(folded):
        raise UsageError("--players: every player needs a name of their own")
    if any(len(name) > NAME_MAX or not name.isprintable() for name in names):
        raise UsageError(f"--players: names are at most {NAME_MAX} printable characters")
    return names


def hand_over(name: str) -> None:
    """At one keyboard, the next player takes it before their clock starts: Enter when
    ready (``q`` stops the game). Never in plain mode, whose input may be a script."""
    from quiz.ui.list_prompt import press_enter

    press_enter(
        f"{name}'s turn: press Enter when ready", ("the clock starts then", "q stops the game")
    )


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``party`` parser."""
    from quiz.commands.host import add_selection

    parser = commands.add_parser(
        "party",
        help="players take turns at one keyboard",
        description=(
            "Party mode: each question goes to the next player in turn, with a time "
            "limit; the scoreboard shows between questions."
        ),
    )
    add_selection(parser)
    parser.add_argument(
        "--players",
        required=True,
        metavar="NAMES",
        help='the players, separated by commas: --players "Ana,Ben,Caro" (2 to 8)',
    )
    parser.add_argument(
        "--plain", action="store_true", help="line-based questions and answers (screen readers)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> ExitStatus:
    """Plan the game, hand each question to the next player, show the scores, record it."""
    import gc
    import io
    import sys
    import time
    from datetime import UTC, datetime

    from rich.text import Text

    from quiz.commands.quiz_night import records
    from quiz.commands.quiz_night.planning import plan_night
    from quiz.errors import GameInterrupted
    from quiz.game.engine import Asker
    from quiz.game.round import Round
    from quiz.ui import host_view
    from quiz.ui.console import make_console, wants_plain
    from quiz.ui.listing import plural
    from quiz.ui.session import is_interactive

    names = parse_players(args.players)
    console, errors = make_console(), make_console(stderr=True)
    turns, seed = plan_night(args, errors, default_seconds=DEFAULT_SECONDS)
    stdin = sys.stdin if sys.stdin is not None else io.StringIO()
    asker: Asker
    plain = wants_plain(bool(args.plain)) or not is_interactive(stdin, sys.stdout)
    if plain:
        from quiz.ui.plain_asker import PlainAsker

        asker = PlainAsker(console, stdin)
    else:
        from quiz.ui.terminal_asker import QuestionaryAsker

        asker = QuestionaryAsker(console)
    gc.freeze()
    gc.enable()
    game = Round(turns)
    for name in names:
        game.join(name)
    started = datetime.now(UTC)
    completed = False
    console.print(
        Text.assemble(
            ("Party: ", "quiz.title"),
            Text(", ").join(host_view.shown_name(n) for n in names),
            (f" · {plural(len(turns), 'question')} · seed {seed}", "quiz.muted"),
            ("\nCtrl-C stops at any time; the scores so far are kept.", "quiz.muted"),
        )
    )
    try:
        for index, turn in enumerate(turns):
            name = names[index % len(names)]
            console.print()
            console.print(host_view.turn_banner(name, turn.number, turn.total))
            if not plain:
                hand_over(name)
            game.open(time.monotonic(), only=[name])
            reply = asker.ask(turn, game.status(name))
            if not reply.timed_out:
                game.answer(name, reply.given, time.monotonic())
            reveal = game.close()
            asker.tell(reveal.outcomes[name])
            if index < len(turns) - 1:
                board = game.standings()
                console.print(
                    host_view.spoken_leaderboard(board) if plain else host_view.leaderboard(board)
                )
            game.mark_ranks()
        completed = True
    except (GameInterrupted, KeyboardInterrupt, EOFError, OSError):
        # OSError: the output closed (quiz party | head) or the terminal went away; the
        # game stops as at the end of input, and what was answered is kept.
        if game.is_open:
            # The question was put to the player whose turn it is: unanswered, it counts
            # its whole limit, as the tie rule says (stopping is no way to win a tie).
            game.close()
        game.abandon()
    finally:
        final = host_view.spoken_standings if plain else host_view.podium
        try:
            if not completed:
                console.print(Text("\nGame stopped.", style="quiz.warning"))
            console.print(final(game.standings(), completed=completed))
        except OSError:
            if completed:
                raise
            # The output is gone: nothing to show the standings on; they are saved below.
        records.finish(game, args, seed, started, completed, console, errors, "party")
    return ExitStatus.OK if completed else ExitStatus.INTERRUPTED
