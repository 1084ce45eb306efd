"""A game the history could not save is kept in a file of its own, never lost silently.

The file is the ``--results`` document of the game (see :mod:`quiz.history.results`),
``orbit-quiz-unsaved-game-YYYYmmddTHHMMSS.json`` in the temporary folder (``TMPDIR``,
else ``/tmp``): when the data folder's disk is full, that is most often another disk.
When it cannot be written either, the warning itself carries the results as JSON, so
they are on the screen or in the log that keeps standard error.
"""

from __future__ import annotations

import json
import tempfile
from datetime import datetime
from pathlib import Path

from quiz.files import write_atomically
from quiz.game.engine import GameResult
from quiz.history.results import results_document

PREFIX = "orbit-quiz-unsaved-game-"


def keep_unsaved(
    result: GameResult,
    options: dict[str, object],
    why: str,
    history: Path,
    moment: datetime,
) -> str:
    """Keep a game that was not saved in ``history`` (because ``why``) in a file; return
    the warning that says so and where its results are."""
    seed = options.get("seed")
    document = results_document(result, seed if isinstance(seed, int) else None)
    not_saved = f"this game was not saved in the history ({why}: {history})"
    try:
        kept = _write_spare(json.dumps(document, indent=2, ensure_ascii=False) + "\n", moment)
    except OSError as error:
        inline = json.dumps(document, ensure_ascii=False)
        return (
            f"{not_saved}, nor could it be kept in a file ({error.strerror or error}); "
            f"its results: {inline}"
        )
    return f"{not_saved}; its results are kept in {kept}"


def _write_spare(text: str, moment: datetime) -> Path:
    """Write ``text`` to a new file in the temporary folder, readable by its owner alone
    (the folder is shared); never over another file."""
    folder = Path(tempfile.gettempdir())
    base = f"{PREFIX}{moment.strftime('%Y%m%dT%H%M%S')}"
    for count in range(1, 1000):
        target = folder / (f"{base}.json" if count == 1 else f"{base}-{count}.json")
        try:
            write_atomically(target, text.encode(), replace=False, private=True)
        except FileExistsError:
            continue
        return target
    raise FileExistsError(f"{folder / base}-*.json are all taken")
