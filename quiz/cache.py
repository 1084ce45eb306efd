"""A cache of checked question files, keyed by their content.

A file's bytes are hashed; the cache holds what checking those exact bytes gave
(the bank's content and every diagnostic), so a changed file can never be served
stale, and the same file under another name or path is still a hit. Entries are
plain builtins written with ``marshal``; an entry that is unreadable, corrupt or
from another release is ignored, and a cache that cannot be written is skipped.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from quiz import __version__

try:  # the builtin module, without loading OpenSSL as hashlib does (a few ms at start-up)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Python implementations
    from hashlib import blake2b
from quiz.errors import Diagnostic
from quiz.model import Bank, Difficulty, Question, QuestionType

# Bump when the entry layout or the checking rules change.
FORMAT = f"banks-1/{__version__}"
_TYPES = {t.value: t for t in QuestionType}
_LEVELS = {d.value: d for d in Difficulty}


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """The folder of cached banks: ``QUIZ_CACHE_DIR`` when set, else the platform's."""
    override = environ.get("QUIZ_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("orbit-quiz", appauthor=False)) / "banks"


def entry_path(folder: Path, data: bytes) -> Path:
    """Where the entry for these exact bytes lives."""
    digest = blake2b(data, digest_size=20, person=b"orbit-quiz").hexdigest()
    return folder / f"{digest}.bank"


def load(
    folder: Path, data: bytes, path: str, name: str
) -> tuple[Bank | None, tuple[Diagnostic, ...]] | None:
    """The cached result of checking ``data``, shown as ``path``; ``None`` on a miss."""
    try:
        raw = entry_path(folder, data).read_bytes()
        entry = marshal.loads(raw)
        return _decode(entry, path, name)
    except Exception:  # any unreadable or odd entry is simply a miss
        return None


def store(
    folder: Path, data: bytes, bank: Bank | None, diagnostics: tuple[Diagnostic, ...]
) -> None:
    """Remember the result of checking ``data``; failures to write are ignored."""
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        encoded = marshal.dumps(_encode(bank, diagnostics))
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(encoded)
            Path(temporary).replace(entry_path(folder, data))
        except OSError:
            Path(temporary).unlink(missing_ok=True)
    except (OSError, ValueError):
        pass


def _encode(bank: Bank | None, diagnostics: tuple[Diagnostic, ...]) -> tuple[Any, ...]:
    notes = tuple((d.line, d.column, d.message, d.severity) for d in diagnostics)
    if bank is None:
        return (FORMAT, None, notes)
    questions = tuple(
        (
            q.id,
            q.type.value,
            q.prompt,
            q.explanation,
            q.choices,
            q.answers,
            q.truth,
            q.number,
            q.tolerance,
            q.items,
            q.hint,
            q.difficulty.value,
            q.tags,
            q.source,
            q.line,
        )
        for q in bank.questions
    )
    return (FORMAT, (bank.title, bank.description, bank.tags, questions), notes)


def _decode(entry: Any, path: str, name: str) -> tuple[Bank | None, tuple[Diagnostic, ...]] | None:
    version, content, notes = entry
    if version != FORMAT:
        return None
    diagnostics = tuple(
        Diagnostic(path, line, column, message, severity)
        for line, column, message, severity in notes
    )
    if content is None:
        return None, diagnostics
    title, description, tags, rows = content
    questions = tuple(
        Question(
            id=qid,
            type=_TYPES[qtype],
            prompt=prompt,
            explanation=explanation,
            choices=choices,
            answers=answers,
            truth=truth,
            number=number,
            tolerance=tolerance,
            items=items,
            hint=hint,
            difficulty=_LEVELS[level],
            tags=qtags,
            source=source,
            line=line,
        )
        for (
            qid,
            qtype,
            prompt,
            explanation,
            choices,
            answers,
            truth,
            number,
            tolerance,
            items,
            hint,
            level,
            qtags,
            source,
            line,
        ) in rows
    )
    return Bank(name, title, questions, description, tags, path), diagnostics
