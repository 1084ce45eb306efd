"""How a quiz night ends or refuses to start: signals, the host's standard input, a
damaged host key. End to end: the installed ``quiz host``, players over SSH on loopback."""

from __future__ import annotations

import json
import signal
import subprocess
from pathlib import Path

import asyncssh
import pytest

from tests.commands.test_host import BANK, CODE, Host, Player, joined, play_plain, run
from tests.test_e2e import quiz_command

pytestmark = pytest.mark.slow


def test_sigterm_in_the_lobby_tells_every_player() -> None:
    """A#13, S#15: players get the line Ctrl-C gives them; the host exits 143."""

    async def scenario() -> None:
        async with Host("-n", "2") as host:
            (ana,) = await joined(host.port, "ana")
            ben = await Player(host.port, "ben").connect()
            await ben.join()
            await host.wait(r"players \(2\)")
            host.proc.send_signal(signal.SIGTERM)
            assert await host.exit_code() == 143
            for player in (ana, ben):
                await player.wait("The host ended the night before it started.")
            assert "Traceback" not in host.out

    run(scenario)


def test_sighup_mid_game_ends_with_the_standings_for_everyone(tmp_path: Path) -> None:
    results = tmp_path / "hup.json"

    async def scenario() -> None:
        async with Host("-n", "2", "--time", "30", "--results", str(results)) as host:
            (ana,) = await joined(host.port, "ana")
            host.press("\n")
            await play_plain(ana, number=1, total=2)
            host.proc.send_signal(signal.SIGHUP)
            assert await host.exit_code() == 129
            await ana.wait("Standings so far")
            assert "Standings so far" in host.out

    run(scenario)
    document = json.loads(results.read_text())
    assert document["completed"] is False and len(document["players"][0]["answers"]) == 1


@pytest.mark.parametrize("stdin", ["devnull", "closed"])
def test_no_keyboard_and_no_start_when_is_refused_at_once(stdin: str) -> None:
    """A#12: nothing could press Enter: a clear message and exit 2, not a night that waits."""
    done = subprocess.run(
        [*quiz_command(), "host", str(BANK), "--port", "0", "--start-when", "2"],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL if stdin == "devnull" else None,
        # 0<&- : standard input closed
        preexec_fn=None if stdin == "devnull" else _close_stdin,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("quiz: error: nothing can press Enter to start the night")
    assert "--start-when N and --auto" in done.stderr
    assert done.stdout == ""


def _close_stdin() -> None:
    import os

    os.close(0)


def test_the_end_of_the_hosts_input_ends_a_night_that_needs_enter() -> None:
    """``echo | quiz host``: the input ends, nothing can start the night, so it ends."""

    async def scenario() -> None:
        async with Host("-n", "1") as host:
            (ana,) = await joined(host.port, "ana")
            await host.wait(r"players \(1\)")
            host.proc.stdin.close()  # type: ignore[union-attr]
            assert await host.exit_code() == 130
            assert "The host's input ended, and nothing can press Enter" in host.out
            await ana.wait("The host ended the night before it started.")

    run(scenario)


def test_a_damaged_host_key_is_set_aside_with_a_word(isolated_data_dir: Path) -> None:
    """A#6: an empty key file: a warning, the file kept aside, a new key, the night runs."""
    stored = isolated_data_dir / "quiz-night-host-key"
    stored.write_bytes(b"")

    async def scenario() -> None:
        async with Host() as host, asyncssh.connect(
            "127.0.0.1", host.port, username="k", known_hosts=None, client_keys=None,
            agent_path=None,
        ) as conn:  # fmt: skip
            assert conn.get_server_host_key() is not None
            assert "warning: the quiz night's host key was damaged" in host.out
            assert "host's key has changed" in host.out and "Traceback" not in host.out
            player = await Player(host.port, "ana", plain=True).connect()
            await player.wait("Join code")
            player.send(CODE + "\n")
            await player.wait("You are in as ana")

    run(scenario)
    aside = list(isolated_data_dir.glob("quiz-night-host-key.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == b""
    assert stored.stat().st_size > 0
