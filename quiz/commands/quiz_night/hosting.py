"""The host's side of a quiz night: the SSH server, the shared screen and the host's keys."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
import time
from collections.abc import Callable
from typing import Any

import asyncssh
from rich.console import Console, Group, RenderableType
from rich.live import Live
from rich.text import Text

from quiz.commands.quiz_night.night import Night
from quiz.commands.quiz_night.server import listen
from quiz.ui import host_view

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


class Keys:
    """The host's keys: Enter starts and moves on, ``k`` picks a player to remove."""

    def __init__(self, night: Night) -> None:
        self.night = night
        self.picking: list[str] | None = None
        self.typed = ""

    def press(self, text: str) -> None:
        """Handle what the host typed, one character at a time."""
        for char in text:
            self._one(char)

    def _one(self, char: str) -> None:
        if self.picking is not None:
            if char in "\r\n":
                picked = int(self.typed) if self.typed.isdecimal() else 0
                if 1 <= picked <= len(self.picking):
                    self.night.kick(self.picking[picked - 1])
                self.picking, self.typed = None, ""
            elif char == "\x1b":
                self.picking, self.typed = None, ""
            elif char in "\x7f\b":
                self.typed = self.typed[:-1]
            elif char.isdecimal() and len(self.typed) < 4:
                self.typed += char
            return
        if char in "\r\n":
            if self.night.phase != "lobby" or self.night.seats:
                self.night.go()
        elif char in "kK":
            self.picking = self.night.round.active()


class HostScreen:
    """What the host's terminal shows, drawn afresh at each refresh."""

    def __init__(self, night: Night, keys: Keys, address: str, port: int) -> None:
        self.night = night
        self.keys = keys
        self.address = address
        self.port = port

    def render(self) -> RenderableType:
        """The screen of the current phase (and the kick list over it)."""
        main = self.view()
        if self.keys.picking is not None:
            return Group(main, host_view.kick_menu(self.keys.picking, self.keys.typed))
        return main

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


def _final(night: Night) -> RenderableType:
    """The podium, or word that the night ended before it started."""
    if not night.started:
        return host_view.never_started()
    return host_view.podium(night.board, completed=not night.stopping)


def _log(night: Night, console: Console, address: str, port: int) -> Callable[[str], None]:
    """For a host screen that is not a terminal: one line per event, in order."""

    def told(what: str) -> None:
        game = night.round
        if what == "join" or what == "leave":
            names = Text(", ").join(host_view.shown_name(n) for n in game.connected())
            console.print(Text.assemble(f"players ({len(game.connected())}): ", names))
        elif what == "question" and night.turn is not None:
            console.print(
                Text(f"Question {night.turn.number} of {night.turn.total}: ", "quiz.heading")
                + Text(night.turn.question.prompt)
            )
        elif what == "reveal" and night.reveal is not None:
            console.print(host_view.reveal_view(night.reveal))
            console.print(host_view.leaderboard(night.board))

    return told


def _read_keys(keys: Keys, stack: contextlib.ExitStack) -> None:
    """Read the host's keys without waiting for Enter on a terminal; lines from a pipe."""
    stream = sys.stdin
    if stream is None:
        return
    try:
        fd = stream.fileno()
    except (OSError, ValueError):
        return
    loop = asyncio.get_running_loop()
    if os.isatty(fd):
        import termios
        import tty

        saved = termios.tcgetattr(fd)
        tty.setcbreak(fd)
        stack.callback(termios.tcsetattr, fd, termios.TCSADRAIN, saved)

    def readable() -> None:
        try:
            data = os.read(fd, 1024)
        except OSError:
            data = b""
        if not data:
            loop.remove_reader(fd)
            return
        keys.press(data.decode("utf-8", "replace"))

    try:
        loop.add_reader(fd, readable)
    except (OSError, ValueError):  # /dev/null and regular files cannot be watched
        return
    stack.callback(loop.remove_reader, fd)


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
            Text.assemble(
                ("warning:", "quiz.warning"),
                f" listening on {address} port {port}: anyone who can reach this machine can"
                f" join with the code {night.settings.code}",
            ),
            soft_wrap=True,
        )
    keys = Keys(night)
    loop = asyncio.get_running_loop()
    with contextlib.ExitStack() as stack:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signal.SIGINT, night.stop)
            stack.callback(loop.remove_signal_handler, signal.SIGINT)
        if read_keys:
            _read_keys(keys, stack)
        screen = HostScreen(night, keys, shown, port)
        if console.is_terminal:
            # Drawn from the event loop, not from Live's own thread: the game's state
            # is only ever read where it is changed.
            live = stack.enter_context(Live(screen.render(), console=console, auto_refresh=False))
            drawing = asyncio.ensure_future(_draw(live, screen))
            stack.callback(lambda: live.update(screen.render(), refresh=True))
            stack.callback(drawing.cancel)
        else:
            console.print(screen.render())
            night.listeners.append(_log(night, console, shown, port))
        try:
            completed = await night.run()
        finally:
            await _goodbye(night, server)
    if not console.is_terminal:  # on a terminal, the podium is Live's last frame
        console.print(_final(night))
    return completed


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
