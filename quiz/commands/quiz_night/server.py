"""The SSH side of a quiz night, on prompt_toolkit's asyncssh server.

Every connection gets its own prompt_toolkit app session (the player's prompts)
or, for ``ssh ... plain``, a line reader. Nothing but the game is offered: no
password, and shell requests start the game; exec of anything but ``plain``,
subsystems (SFTP), port forwarding, X11 and agent forwarding are refused.
Input lines are cut at LINE_MAX characters before anything reads them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncssh
from prompt_toolkit.application.current import create_app_session
from prompt_toolkit.contrib.ssh.server import PromptToolkitSSHServer, PromptToolkitSSHSession
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output
from rich.console import Console

from quiz.commands.quiz_night import seat as seats
from quiz.commands.quiz_night.night import Night
from quiz.commands.quiz_night.plain_typing import LINE_MAX, PlainTyping
from quiz.errors import QuizError
from quiz.files import free_name, write_atomically
from quiz.format.text import escape_controls
from quiz.ui.remote_asker import Screen, console_width, make_console
from quiz.ui.remote_lines import LineScreen
from quiz.ui.remote_prompts import PromptScreen

KEY_FILE = "quiz-night-host-key"
SPARE_CONNECTIONS = 50  # connections allowed beyond --max-players (joining, rejoining)
LOGIN_SECONDS = 30


def host_key(folder: Path, warn: Callable[[str], None] | None = None) -> asyncssh.SSHKey:
    """The server's key, made once and kept in ``folder`` so players' known_hosts stays valid.

    A key file that cannot be read as a key (empty, cut short, overwritten) is set aside
    beside it (``quiz-night-host-key.corrupt-...``) and a new key is made; ``warn`` says so.
    Without ``warn`` (nobody to tell), a damaged key is a QuizError instead.
    """
    path = folder / KEY_FILE
    if path.is_file():
        try:
            return asyncssh.read_private_key(path)
        except (asyncssh.KeyImportError, ValueError) as error:
            _set_aside(path, str(error), warn)
        except OSError as error:
            raise QuizError(
                f"cannot read the quiz night's host key {escape_controls(str(path))}:"
                f" {error.strerror or error}"
            ) from None
    key = asyncssh.generate_private_key("ssh-ed25519")
    folder.mkdir(parents=True, exist_ok=True)
    # mkstemp makes the file readable by its owner only, and the rename keeps that.
    write_atomically(path, key.export_private_key(), private=True)
    return key


def _set_aside(path: Path, error: str, warn: Callable[[str], None] | None) -> None:
    """Move a damaged key file aside (a new key is then made), and say so."""
    damaged = f"the quiz night's host key {escape_controls(str(path))} is damaged ({error})"
    if warn is None:
        raise QuizError(f"{damaged}; move it away to make a new one")
    aside = free_name(path, "corrupt", datetime.now(UTC))
    try:
        path.rename(aside)
    except OSError as failure:
        raise QuizError(
            f"{damaged} and cannot be set aside ({failure.strerror or failure});"
            " move it away to make a new one"
        ) from None
    warn(
        f"the quiz night's host key was damaged ({error}); it is kept as"
        f" {escape_controls(str(aside))} and a new key is made: players who joined"
        " before will be told by ssh that the host's key has changed"
    )


class LineBound:
    """Cuts every input line at LINE_MAX characters, keeping the line ends."""

    def __init__(self) -> None:
        self.length = 0

    def cut(self, data: str) -> str:
        """The data with each line's characters past LINE_MAX dropped."""
        kept: list[str] = []
        for char in data:
            if char in "\r\n":
                self.length = 0
                kept.append(char)
            elif self.length < LINE_MAX:
                self.length += 1
                kept.append(char)
        return "".join(kept)


class PlayerSession(PromptToolkitSSHSession):
    """One player's SSH session: the prompts of the game, or plain lines."""

    def __init__(self, server: NightServer, user: str) -> None:
        super().__init__(self._play, enable_cpr=False)
        self.server = server
        self.user = user
        self.plain = False
        self.bound = LineBound()
        self.typing = PlainTyping()
        self.lines: asyncio.Queue[str | None] = asyncio.Queue()
        self.console: Console | None = None
        self._echo = False
        # What ssh exits with: 0 once the player has seen the end of the night, 1 when
        # they never got in or were removed (never 255, ssh's own failure).
        self.exit_status = 1

    def connection_made(self, chan: Any) -> None:
        """Garbage bytes become replacement characters, never a decoding error."""
        super().connection_made(chan)
        chan.set_encoding("utf-8", "replace")

    def pty_requested(self, term_type: str, term_size: Any, term_modes: Any) -> bool:
        """A terminal is welcome (plain mode then echoes what is typed); one that cannot
        do more than lines (``TERM=dumb``) gets the plain seat, as if ``plain`` were typed."""
        self._echo = True
        if term_type.strip().casefold() == "dumb":
            self.plain = True
        return True

    def terminal_size_changed(
        self, width: int, height: int, pixwidth: object, pixheight: object
    ) -> None:
        """The player resized their window: all that is drawn from now on fits the new width."""
        super().terminal_size_changed(width, height, pixwidth, pixheight)
        if self.console is not None and not self.plain:
            self.console.width = console_width(width)

    def shell_requested(self) -> bool:
        """``ssh -p PORT name@host``: the game (there is no shell)."""
        return True

    def exec_requested(self, command: str) -> bool:
        """Only ``plain`` (line-based play) may be asked for; any other command is refused."""
        if command.strip().casefold() == "plain":
            self.plain = True
            return True
        return False

    def subsystem_requested(self, subsystem: str) -> bool:
        """No SFTP, no subsystem of any kind."""
        return False

    def data_received(self, data: str, datatype: object) -> None:
        """Bounded input: to the prompts, or assembled into lines in plain mode."""
        if not self.plain:
            data = self.bound.cut(data)
            # Keys typed while no prompt is up (waiting for others, a reveal) are dropped:
            # a second Enter must not answer the next question before it is read.
            if self.app_session is not None and self.app_session.app is not None:
                super().data_received(data, datatype)
            return
        lines, echo = self.typing.feed(data)
        if self._echo and echo and self._chan is not None:
            self._chan.write(echo)
        for line in lines:
            self.lines.put_nowait(line)

    def eof_received(self) -> bool:
        """The player's input ended: plain mode sees it as the end of the lines."""
        self.lines.put_nowait(None)
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        """The connection went away: end this player's side of the game."""
        task = self.interact_task
        if task is not None and not task.done():
            task.cancel()

    def hang_up(self) -> None:
        """Close the connection (the host removed the player)."""
        if self._chan is not None:
            asyncio.get_running_loop().call_later(0.2, self._chan.exit, 1)

    async def _interact(self) -> None:
        """As prompt_toolkit's, but quiet: a player's fault is never printed on the host."""
        chan = self._chan
        assert chan is not None
        term = chan.get_terminal_type()
        self._output = Vt100_Output(self.stdout, self._get_size, term=term, enable_cpr=False)
        with (
            create_pipe_input() as self._input,
            create_app_session(input=self._input, output=self._output) as session,
        ):
            self.app_session = session
            try:
                await self.interact(self)
            except (Exception, asyncio.CancelledError) as error:
                self.server.night.faults.append(repr(error))
            finally:
                chan.exit(self.exit_status)

    async def _play(self, _: PromptToolkitSSHSession) -> None:
        night = self.server.night
        width = self._get_size().columns if not self.plain else 80
        term = None if self.plain or self._chan is None else self._chan.get_terminal_type()
        console = self.console = make_console(self.stdout, width, plain=self.plain, term=term)
        screen: Screen = LineScreen(console, self.lines) if self.plain else PromptScreen(console)
        try:
            seat = await asyncio.wait_for(
                seats.join(night, screen, self.user, self.hang_up), seats.JOIN_SECONDS
            )
        except (TimeoutError, EOFError):
            return
        if seat is None:
            return
        if isinstance(screen, LineScreen | PromptScreen):
            screen.player = seat.name
        try:
            if await seats.play(night, seat, screen):
                self.exit_status = 0
        except EOFError:
            pass
        finally:
            night.leave(seat)
        await asyncio.sleep(0.1)  # the last lines go out before the channel closes


class NightServer(PromptToolkitSSHServer):
    """One SSH connection: no authentication; the user name is the nickname."""

    def __init__(self, night: Night) -> None:
        super().__init__(self._never, enable_cpr=False)
        self.night = night
        self.user = ""
        self.sessions = 0
        self.conn: Any = None

    @staticmethod
    async def _never(_: PromptToolkitSSHSession) -> None:  # pragma: no cover
        return None

    def connection_made(self, conn: Any) -> None:
        """Count the connection; past the limit, say so and close it."""
        self.conn = conn
        self.night.connections += 1
        if self.night.connections > self.night.settings.max_players + SPARE_CONNECTIONS:
            conn.close()

    def connection_lost(self, exc: Exception | None) -> None:
        """One connection fewer."""
        self.night.connections -= 1

    def begin_auth(self, username: str) -> bool:
        """No password, no key: the name is all a player gives."""
        self.user = username
        return False

    def session_requested(self) -> PlayerSession | bool:  # type: ignore[override]
        """One session per connection."""
        self.sessions += 1
        if self.sessions > 1:
            return False
        return PlayerSession(self, self.user)


async def listen(night: Night, address: str, port: int, key: asyncssh.SSHKey) -> Any:
    """Start the SSH server; returns it (``get_port()`` gives the port when 0 was asked)."""
    return await asyncssh.create_server(
        lambda: NightServer(night),
        address,
        port,
        server_host_keys=[key],
        agent_forwarding=False,
        x11_forwarding=False,
        allow_scp=False,
        line_editor=False,
        login_timeout=LOGIN_SECONDS,
        keepalive_interval=5,
        keepalive_count_max=3,
        reuse_address=True,
        # Compression would cost each connection a zlib state (and the host its CPU)
        # for screens of a few kilobytes.
        compression_algs=["none"],
    )
