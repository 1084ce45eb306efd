"""The installed ``quiz`` on a genuinely full disk (issue 19): no traceback, a clear
message, a clean exit code, and no game lost.

A small filesystem is made without root: a tmpfs mounted in a user namespace of its own
(``unshare --user --map-root-user --mount``), filled to the last byte. Where the
kernel does not allow unprivileged user namespaces the test is skipped, saying so; the
unit tests of ``tests/test_full_disk.py`` cover the same paths by injection. Standard
output to ``/dev/full`` needs nothing special.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import DATA
from tests.test_e2e import env, quiz_command

pytestmark = pytest.mark.slow

BANK = DATA / "history" / "orbits.yaml"
RIGHT = "1\\ny\\n365\\n"  # every answer of the Orbits bank right, in file order (printf)

# Steps run in one shell inside the namespace (the filesystem lives as long as it).
# Each leaves its output, errors and exit code in $OUT/<name>.{out,err,rc}.
PRELUDE = r"""
set -u
mount -t tmpfs -o size=1m none "$DISK" || exit 97
run() { name=$1; input=$2; shift 2
        printf "$input" | "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"; echo $? >"$OUT/$name.rc"; }
fill() { dd if=/dev/zero of="$DISK/filler-$1" bs=1k 2>/dev/null; df -k "$DISK" >"$OUT/df-$1"; }
"""


def namespaces_work(where: Path) -> str | None:
    """None when a tmpfs can be mounted in a user namespace here, else why not."""
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    where.mkdir(exist_ok=True)
    tried = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
         f"mount -t tmpfs -o size=64k none '{where}'"],
        capture_output=True, text=True, check=False, timeout=30,
    )  # fmt: skip
    if tried.returncode != 0:
        return f"no unprivileged user namespace with a tmpfs: {tried.stderr.strip()}"
    return None


def on_full_disk(tmp_path: Path, steps: str) -> dict[str, tuple[int, str, str]]:
    """Run ``steps`` with $QUIZ, $BANK, $PYTHON, $DISK (the small filesystem, holding the
    data and cache folders) and $OUT; return each step's (exit code, stdout, stderr)."""
    disk, out = tmp_path / "disk", tmp_path / "out"
    why_not = namespaces_work(disk)
    if why_not is not None:
        pytest.skip(f"cannot make a full filesystem without root here ({why_not})")
    out.mkdir()
    (tmp_path / "spare").mkdir()
    variables = env(
        QUIZ=" ".join(quiz_command()),
        BANK=str(BANK),
        PYTHON=sys.executable,
        DISK=str(disk),
        OUT=str(out),
        QUIZ_DATA_DIR=str(disk / "data"),
        QUIZ_CACHE_DIR=str(disk / "cache"),
        TMPDIR=str(tmp_path / "spare"),
        COLUMNS="200",
    )
    shell = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", PRELUDE + steps],
        env=variables, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert shell.returncode == 0, shell.stderr
    found: dict[str, tuple[int, str, str]] = {}
    for rc in out.glob("*.rc"):
        name = rc.stem
        found[name] = (
            int(rc.read_text()),
            (out / f"{name}.out").read_text(encoding="utf-8"),
            (out / f"{name}.err").read_text(encoding="utf-8"),
        )
    return found


def test_every_write_on_a_full_disk_says_so_and_loses_nothing(tmp_path: Path) -> None:
    """Expectation: a game finishing on a full disk says it was not saved and where its
    results are kept; stats still reads the games there; reset, export, new and
    --results fail with a message naming the file; the cache's failures are silent."""
    steps = rf"""
run first "{RIGHT}" $QUIZ play "$BANK" --no-shuffle
fill all
run second "{RIGHT}" $QUIZ play "$BANK" --no-shuffle
run stats "" $QUIZ stats --json
run reset "" $QUIZ stats --reset --yes
run export "" $QUIZ export "$BANK" --format gift -o "$DISK/orbits.gift"
run new "" $QUIZ new "$DISK/new.yaml"
run results "{RIGHT}" $QUIZ play "$BANK" --no-shuffle --results "$DISK/results.json"
run list "" $QUIZ list
ls -a "$DISK" "$DISK/data" >"$OUT/listing"
"""
    ran = on_full_disk(tmp_path, steps)
    assert ran["first"][0] == 0, ran["first"][2]
    assert " 0 100% " in (tmp_path / "out" / "df-all").read_text()
    for name, (code, _, errors) in ran.items():
        assert "Traceback" not in errors, (name, errors)
        assert code in (0, 1), (name, code, errors)

    code, shown, errors = ran["second"]
    assert code == 0 and "By tag, test: 3 of 3 right" in shown  # the report is shown
    assert "this game was not saved in the history (the disk is full" in errors
    kept = sorted((tmp_path / "spare").glob("orbit-quiz-unsaved-game-*.json"))
    assert len(kept) == 2  # the second game's and the one with --results
    # Both may be kept in one second: the second game's is the one its message names.
    (named,) = [path for path in kept if str(path) in errors]
    document = json.loads(named.read_text(encoding="utf-8"))
    assert (document["total"], document["correct"], document["completed"]) == (3, 3, True)

    code, shown, errors = ran["stats"]
    assert code == 0 and json.loads(shown)["sessions"] == 1, errors  # the first game is read
    assert "the disk is full" in errors

    code, _, errors = ran["reset"]
    assert code == 1 and "the history cannot be reset" in errors and "the disk is full" in errors
    for name, target in (
        ("export", "orbits.gift"),
        ("new", "new.yaml"),
        ("results", "results.json"),
    ):
        code, _, errors = ran[name]
        assert code == 1, (name, errors)
        assert f"cannot write results to '{tmp_path / 'disk' / target}'" in errors or (
            f"cannot write '{tmp_path / 'disk' / target}': No space left on device" in errors
        ), (name, errors)
    assert ran["list"][0] == 0 and ran["list"][2] == "", ran["list"][2]
    listing = (tmp_path / "out" / "listing").read_text()
    assert ".tmp" not in listing and "backup" not in listing  # nothing half-written left


def test_a_disk_that_fills_while_the_game_is_saved_keeps_the_game_and_the_history(
    tmp_path: Path,
) -> None:
    """Expectation: with room to open the history but not to write a game (SQLite's
    "database or disk is full"), the game is kept elsewhere and said so, the games
    before it stay, and a reset whose backup does not fit clears nothing."""
    steps = rf"""
run first "{RIGHT}" $QUIZ play "$BANK" --no-shuffle
dd if=/dev/zero of="$DISK/reserve" bs=1k count=40 2>/dev/null
fill all
rm "$DISK/reserve"
run second "{RIGHT}" $QUIZ play "$BANK" --no-shuffle
run stats "" $QUIZ stats --json
run reset "" $QUIZ stats --reset --yes
run after "" $QUIZ stats --json
ls -a "$DISK/data" >"$OUT/listing"
"""
    ran = on_full_disk(tmp_path, steps)
    code, shown, errors = ran["second"]
    assert code == 0 and "By tag, test: 3 of 3 right" in shown, errors
    # Opened fine: the only warning is about this game, which is kept.
    assert errors.startswith("warning: this game was not saved in the history (the disk is full")
    [kept] = (tmp_path / "spare").glob("orbit-quiz-unsaved-game-*.json")
    assert json.loads(kept.read_text(encoding="utf-8"))["score"] == 680
    assert json.loads(ran["stats"][1])["sessions"] == 1
    code, _, errors = ran["reset"]
    assert code == 1 and "the disk is full; nothing was cleared" in errors, errors
    assert json.loads(ran["after"][1])["sessions"] == 1
    assert "backup" not in (tmp_path / "out" / "listing").read_text()  # no half a backup


def test_stats_reads_the_games_a_crash_left_in_the_journal_of_a_full_disk(
    tmp_path: Path,
) -> None:
    """Expectation: games that are only in the WAL (the writer died before folding it in,
    and its shared-memory file is gone) are still counted when the disk is full."""
    writer = (
        "import os; from pathlib import Path; from quiz.history.store import open_history;"
        "from tests.history.test_store import T0, game, record;"
        "h = open_history(Path(os.environ['QUIZ_DATA_DIR']), lambda: T0);"
        "h.connection.execute('PRAGMA wal_autocheckpoint = 0');"
        "[record(h, game({})) for _ in range(3)]; os._exit(0)"
    )
    steps = rf"""
cd "{Path(__file__).resolve().parents[2]}"
run writer "" $PYTHON -c "{writer}"
rm -f "$DISK/data/history.sqlite3-shm"
ls -l "$DISK/data" >"$OUT/before"
fill all
run stats "" $QUIZ stats --json
run tables "" $QUIZ stats
"""
    ran = on_full_disk(tmp_path, steps)
    assert ran["writer"][0] == 0, ran["writer"][2]
    assert "history.sqlite3-wal" in (tmp_path / "out" / "before").read_text()
    code, shown, errors = ran["stats"]
    assert code == 0 and json.loads(shown)["sessions"] == 3, errors
    code, shown, errors = ran["tables"]
    assert code == 0 and "No games yet" not in shown, shown
    assert "Traceback" not in errors


FULL_DEVICE = Path("/dev/full")


@pytest.mark.skipif(not FULL_DEVICE.exists(), reason="no /dev/full here")
@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["stats", "--json"],
        ["stats"],
        ["validate", str(BANK)],
        ["schema"],
        ["--help"],
        ["--version"],
        ["validate", "--help"],
    ],
)
def test_standard_output_to_a_full_device_is_a_message_not_a_traceback(
    args: list[str], tmp_path: Path
) -> None:
    """Expectation: 'quiz list > /dev/full' says the disk is full on stderr and exits 1."""
    with FULL_DEVICE.open("w") as full:
        done = subprocess.run(
            quiz_command() + args,
            stdout=full,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env=env(QUIZ_DATA_DIR=str(tmp_path / "data"), QUIZ_CACHE_DIR=str(tmp_path / "c")),
            timeout=60,
            check=False,
        )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert "No space left on device" in done.stderr
