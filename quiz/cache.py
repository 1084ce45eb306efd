"""A cache of checked question files, keyed by their content.

A file's bytes are hashed; the cache holds what checking those exact bytes gave
(every diagnostic, a summary for listings, and the bank's content), so a changed
file can never be served stale, and the same file under another name or path is
still a hit. An entry is two ``marshal`` records of plain builtins: a small head
(format, diagnostics, summary) that listings read alone, then the questions. An
entry that is unreadable, corrupt or from another release is ignored, and a cache
that cannot be written is skipped.
"""

from __future__ import annotations

import contextlib
import io
import marshal
import os
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from quiz import __version__
from quiz.errors import Diagnostic
from quiz.model import BankSummary, Content

if TYPE_CHECKING:
    from quiz.bank import FilePath

try:  # the builtin module, without loading OpenSSL as hashlib does (a few ms at start-up)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Python implementations
    from hashlib import blake2b

# The layout of an entry; bump it when it changes.
LAYOUT = "banks-3"


def _rules_digest() -> str:
    """A digest of the code that checks files, so that a changed rule (a new release,
    or a source checkout being worked on) never serves results of the old one.

    The sources are looked at, not imported (a cache hit must not pay for the
    parser), and only their sizes and times are taken: a changed source is a new
    file to the cache, and reading them all at every start would cost more.
    """
    digest = blake2b(__version__.encode(), digest_size=8)
    for name in (
        "bank.py",
        "checker.py",
        "model.py",
        "nodes.py",
        "quickread.py",
        "text.py",
        "yamlnodes.py",
    ):
        with contextlib.suppress(OSError):
            found = os.stat(os.path.join(os.path.dirname(__file__), name))
            digest.update(f"{name}:{found.st_size}:{found.st_mtime_ns};".encode())
    return digest.hexdigest()


FORMAT = f"{LAYOUT}/{__version__}/{_rules_digest()}"


class Entry(NamedTuple):
    """A cached result: the diagnostics, and the summary when the file was valid."""

    diagnostics: tuple[Diagnostic, ...]
    summary: BankSummary | None


def cache_dir(environ: Mapping[str, str] = os.environ) -> str:
    """The folder of cached banks: ``QUIZ_CACHE_DIR`` when set, else the platform's."""
    override = environ.get("QUIZ_CACHE_DIR")
    if override:
        return override
    from platformdirs import user_cache_dir

    return os.path.join(user_cache_dir("orbit-quiz", appauthor=False), "banks")


def content_digest(data: bytes) -> str:
    """The digest of a file's bytes, which names its cache entry."""
    return blake2b(data, digest_size=20, person=b"orbit-quiz").hexdigest()


def entry_path(folder: str, digest: str) -> str:
    """Where the entry for bytes of this digest (see :func:`content_digest`) lives."""
    return os.path.join(folder, f"{digest}.bank")


def load_head(entry: str, path: str, name: str) -> Entry | None:
    """The diagnostics and summary in the ``entry`` file, for a file shown as ``path``
    and named ``name``; ``None`` on a miss."""
    try:
        with open(entry, "rb") as file:
            return _head(marshal.load(file), path, name)
    except Exception:  # any unreadable or odd entry is simply a miss
        return None


def load(entry: str, path: str, name: str) -> tuple[Entry, Content | None] | None:
    """The whole of the ``entry`` file: its head, and the content of a valid file;
    ``None`` on a miss."""
    try:
        with open(entry, "rb") as file:
            stream = io.BytesIO(file.read())
        head = _head(marshal.load(stream), path, name)
        if head is None:
            return None
        if head.summary is None:
            return head, None
        description, tags, rows = marshal.load(stream)
        return head, Content(head.summary.title, description, tags, rows)
    except Exception:  # any unreadable or odd entry is simply a miss
        return None


def store(
    entry: str,
    content: Content | None,
    diagnostics: tuple[Diagnostic, ...],
    summary: BankSummary | None,
) -> None:
    """Write the ``entry`` file: the result of checking a file, and the summary of a
    valid one; failures to write are ignored."""
    with contextlib.suppress(OSError, ValueError):
        _write_atomically(entry, _encode(content, diagnostics, summary))


def _write_atomically(target: str, data: bytes) -> None:
    """Write ``target`` whole or not at all: through a temporary file, renamed.

    The temporary file's name is unique to this process and target, and it is
    created exclusively, so two processes writing the same entry never mix.
    """
    folder, name = os.path.split(target)
    os.makedirs(folder, exist_ok=True)
    temporary = os.path.join(folder, f".tmp-{os.getpid()}-{name}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    try:
        fd = os.open(temporary, flags, 0o644)
    except FileExistsError:  # left by a process that died, whose number is ours now
        os.unlink(temporary)
        fd = os.open(temporary, flags, 0o644)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _encode(
    content: Content | None, diagnostics: tuple[Diagnostic, ...], summary: BankSummary | None
) -> bytes:
    notes = tuple((d.line, d.column, d.message, d.severity) for d in diagnostics)
    if content is None or summary is None:
        return marshal.dumps((FORMAT, notes, None))
    head = (FORMAT, notes, (content.title, summary.questions, summary.types, summary.tags))
    return marshal.dumps(head) + marshal.dumps((content.description, content.tags, content.rows))


def _head(head: Any, path: str, name: str) -> Entry | None:
    version, notes, summary = head
    if version != FORMAT:
        return None
    diagnostics = tuple(
        Diagnostic(path, line, column, message, severity)
        for line, column, message, severity in notes
    )
    if summary is None:
        return Entry(diagnostics, None)
    title, count, types, tags = summary
    return Entry(diagnostics, BankSummary(name, title, count, types, tags, path))


# A file whose status changed less than this long ago (in nanoseconds) is not
# remembered by its status: a write in the same tick of a coarse clock (FAT's is two
# seconds) could leave its status as it was.
SETTLED_NS = 3_000_000_000
# Past this many files, the memo keeps only those of the latest run.
MEMO_LIMIT = 2_000


class Digests:
    """The content digests of files, remembered by the files' status (device, inode,
    size, and times of last change of content and of status), so that an unchanged
    file need not be read again to find its cache entry.

    Any change to a file changes its status, so a remembered digest is used only
    while the status is exactly as it was. A file is remembered only once it has not
    changed for a few seconds (see ``SETTLED_NS``), and only if it did not change
    while it was read. The memo is one small file in the cache folder; an unreadable
    or odd one is ignored, and one that cannot be written is skipped.
    """

    def __init__(self, folder: str) -> None:
        self.file = os.path.join(folder, "digests")
        self.known: dict[str, tuple[tuple[int, ...], str]] = {}
        self.used: set[str] = set()
        self.changed = False
        try:
            with open(self.file, "rb") as file:
                memo = marshal.load(file)
            if memo[0] == FORMAT and isinstance(memo[1], dict):
                self.known = memo[1]
        except Exception:  # a missing, corrupt or foreign memo starts empty
            pass

    def digest(self, file: FilePath) -> str | None:
        """The digest of the file's content, if its status says it is unchanged."""
        path = os.fspath(file)
        remembered = self.known.get(path)
        if remembered is None:
            return None
        self.used.add(path)
        try:
            status = _status(path)
        except OSError:
            return None
        return remembered[1] if remembered[0] == status else None

    def read(self, file: FilePath) -> tuple[bytes, str]:
        """Read the file: its bytes and their digest, remembered if the file is settled."""
        path = os.fspath(file)
        before = _status(path)
        with open(path, "rb") as stream:
            data = stream.read()
        digest = content_digest(data)
        self.used.add(path)
        with contextlib.suppress(OSError):
            unchanged = _status(path) == before
            settled = max(before[3], before[4]) < time.time_ns() - SETTLED_NS
            if unchanged and settled and self.known.get(path) != (before, digest):
                self.known[path] = (before, digest)
                self.changed = True
        return data, digest

    def save(self) -> None:
        """Write the memo if it changed; failures to write are ignored."""
        if not self.changed:
            return
        if len(self.known) > MEMO_LIMIT:
            self.known = {name: seen for name, seen in self.known.items() if name in self.used}
        with contextlib.suppress(OSError, ValueError):
            _write_atomically(self.file, marshal.dumps((FORMAT, self.known)))
        self.changed = False


def _status(path: str) -> tuple[int, ...]:
    found = os.stat(path)
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)
