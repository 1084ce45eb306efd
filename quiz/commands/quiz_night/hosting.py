"""The host's side of a quiz night: the SSH server, the shared screen and the host's keys."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import time
from collections.abc import Callable
from typing import Any

import asyncssh
from rich.console import Console, Group, RenderableType
from rich.live import Live

from quiz.commands.quiz_night.keys import Keys
from quiz.commands.quiz_night.keys import read_keys as read_keys_of
from quiz.commands.quiz_night.night import Night
from quiz.commands.quiz_night.server import listen
from quiz.ui import host_lines, host_view

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
LOOPBACK = ("127.", "::1", "localhost")
GOODBYE_SECONDS = 3.0


def is_loopback(address: str) -> bool:
    """Whether only this machine can reach the address."""
    return address.startswith(LOOPBACK)


def shown_address(address: str) -> str:
    """The address players type: this machine's name when listening on every address."""
    if address in ("0.0.0.0", "::", ""):
        return socket.gethostname()
    return address


class HostScreen:
    """What the host's terminal shows, drawn afresh at each refresh."""

    def __init__(self, night: Night, keys: Keys, address: str, port: int) -> None:
        self.night = night
        self.keys = keys
        self.address = address
        self.port = port

    def render(self) -> RenderableType:
        """The screen of the current phase (and the kick list over it)."""
        parts = [self.view()]
        if self.night.locked:
            parts.append(host_lines.locked(self.night.locked))
        if self.keys.picking is not None:
            parts.append(host_view.kick_menu(self.keys.picking, self.keys.typed))
        return Group(*parts)

    def view(self) -> RenderableType:
        """The lobby, the open question, the reveal and leaderboard, or the podium."""
        night = self.night
        game = night.round
        if night.phase == "lobby":
            return host_view.lobby(
                self.address,
                self.port,
                night.settings.code,
                game.connected(),
                start_when=night.settings.start_when,
            )
        if night.phase == "question" and night.turn is not None:
            asked = [n for n in game.connected() if n in game.asked()]
            return host_view.question_view(
                night.turn.number,
                night.turn.total,
                night.turn.question.prompt,
                night.deadline - night.clock(),
                game.answered_count(),
                len(asked),
            )
        if night.phase == "reveal" and night.reveal is not None:
            nxt = "Enter: next question"
            if night.settings.auto:
                nxt = f"next question in {night.settings.reveal_seconds:g} s (or Enter)"
            return Group(
                host_view.reveal_view(night.reveal), host_view.leaderboard(night.board, footer=nxt)
            )
        return _final(night)


def _final(night: Night, *, plain: bool = False) -> RenderableType:
    """The podium (in words when ``plain``), or word that the night ended before it started."""
    if not night.started:
        return host_view.never_started()
    if plain:
        return host_view.spoken_standings(night.board, completed=not night.stopping)
    return host_view.podium(night.board, completed=not night.stopping)


def _log(night: Night, console: Console) -> Callable[[str], None]:
    """For a host screen that cannot redraw: lines for each event, in order."""

    def told(what: str) -> None:
        game = night.round
        if what in ("join", "leave", "kick"):
            console.print(host_lines.players(game.connected()))
        elif what == "question" and night.turn is not None:
            console.print(host_lines.question(night.turn, night.deadline - night.clock()))
        elif what == "reveal" and night.reveal is not None:
            console.print(host_lines.reveal(night.reveal))
            console.print(host_view.spoken_leaderboard(night.board))
        elif what == "locked":
            console.print(host_lines.locked(night.locked[-1:]))

    return told


def plain_screen(console: Console) -> bool:
    """Whether the host's screen is lines: output not a terminal, TERM=dumb, QUIZ_PLAIN=1."""
    asked = os.environ.get("QUIZ_PLAIN", "") not in ("", "0")
    return asked or not console.is_terminal or console.is_dumb_terminal


async def host_night(
    night: Night,
    *,
    address: str,
    port: int,
    key: asyncssh.SSHKey,
    console: Console,
    errors: Console,
    read_keys: bool = True,
) -> bool:
    """Run the server and the game to the end; True when every question was played."""
    server = await listen(night, address, port, key)
    port = server.get_port()
    shown = shown_address(address)
    if not is_loopback(address):
        errors.print(
            host_lines.warning(
                f"listening on {address} port {port}: anyone who can reach this machine can"
                f" join with the code {night.settings.code}"
            ),
            soft_wrap=True,
        )
    keys = Keys(night)
    plain = plain_screen(console)
    with contextlib.ExitStack() as stack:
        _catch_signals(night, stack)
        if read_keys:
            read_keys_of(keys, stack, lambda: _input_ended(night, errors))
        screen = HostScreen(night, keys, shown, port)
        if not plain:
            # Drawn from the event loop, not from Live's own thread: the game's state
            # is only ever read where it is changed.
            live = stack.enter_context(Live(screen.render(), console=console, auto_refresh=False))
            drawing = asyncio.ensure_future(_draw(live, screen))
            stack.callback(lambda: live.update(screen.render(), refresh=True))
            stack.callback(drawing.cancel)
        else:
            start_when = night.settings.start_when
            console.print(host_lines.lobby(shown, port, night.settings.code, start_when=start_when))
            night.listeners.append(_log(night, console))
            keys.on_pick = lambda names: console.print(host_lines.kick_menu(names))
        try:
            completed = await night.run()
        finally:
            await _goodbye(night, server)
    if plain:  # on a terminal, the podium is Live's last frame
        console.print(_final(night, plain=True))
    return completed


def needs_keys(night: Night) -> bool:
    """Whether the night waits for the host's Enter: to start (no --start-when) or to move
    on after each reveal (no --auto)."""
    return night.settings.start_when is None or not night.settings.auto


def _input_ended(night: Night, errors: Console) -> None:
    """The host's input ended: a night that still needs Enter ends as with Ctrl-C."""
    if needs_keys(night) and night.phase != "podium":
        errors.print(
            "The host's input ended, and nothing can press Enter: the night ends here.",
            style="quiz.warning",
        )
        night.stop()


def _catch_signals(night: Night, stack: contextlib.ExitStack) -> None:
    """Ctrl-C, SIGTERM and SIGHUP end the night with the standings so far; every player is
    told, as the host is. The handlers in place before are put back afterwards."""
    loop = asyncio.get_running_loop()
    for signum in SIGNALS:
        previous = signal.getsignal(signum)
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, night.stop, signum)
            stack.callback(signal.signal, signum, previous)
            stack.callback(loop.remove_signal_handler, signum)


async def _draw(live: Live, screen: HostScreen) -> None:
    while True:
        live.update(screen.render(), refresh=True)
        await asyncio.sleep(0.25)


async def _goodbye(night: Night, server: Any) -> None:
    """Let the players see the end, then close every connection and the server."""
    until = time.monotonic() + GOODBYE_SECONDS
    while night.seats and time.monotonic() < until:
        await asyncio.sleep(0.05)
    server.close()
    with contextlib.suppress(Exception):
        await asyncio.wait_for(server.wait_closed(), 2.0)
