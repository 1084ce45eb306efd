"""Where banks come from: the built-in folder, the user's data folder, QUIZ_PATH and paths given.

Paths are handled as text, with :mod:`os.path`: a game's start does not import
pathlib (which, through urllib.parse, costs about 2% of the time to the first
question; see the README's Performance section). Functions take text or path
objects, and give text.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from quiz.bank import BANK_SUFFIXES, FilePath, Report, check_through_cache, file_stem
from quiz.errors import BankNotFoundError
from quiz.model import Bank, BankSummary

APP_NAME = "orbit-quiz"


def builtin_dir() -> str:
    """The folder of the banks that ship with the game.

    An installed wheel carries them inside the package; a source checkout (or an
    editable install) keeps them in ``questions/`` at the top of the repository.
    """
    package = os.path.dirname(__file__)
    packaged = os.path.join(package, "questions")
    if os.path.isdir(packaged):
        return packaged
    return os.path.join(os.path.dirname(package), "questions")


def data_dir(environ: Mapping[str, str] = os.environ) -> str:
    """The user's data folder: ``QUIZ_DATA_DIR`` when set, else the platform's."""
    override = environ.get("QUIZ_DATA_DIR")
    if override:
        return override
    from platformdirs import user_data_dir

    return user_data_dir(APP_NAME, appauthor=False)


def search_dirs(environ: Mapping[str, str] = os.environ) -> list[str]:
    """The folders searched for banks, in order: built-in, user data, then ``QUIZ_PATH``."""
    dirs = [builtin_dir(), os.path.join(data_dir(environ), "questions")]
    dirs += [entry for entry in environ.get("QUIZ_PATH", "").split(os.pathsep) if entry]
    return dirs


def is_bank_file(path: FilePath) -> bool:
    """Whether a path names a question file by its suffix."""
    return os.path.splitext(path)[1].lower() in BANK_SUFFIXES


def files_in(folder: FilePath) -> list[str]:
    """The question files directly inside a folder, sorted by name (none if it is missing)."""
    try:
        with os.scandir(folder) as entries:
            found = [e for e in entries if is_bank_file(e.name) and e.is_file()]
    except OSError:
        return []
    return [e.path for e in sorted(found, key=lambda e: e.name)]


def known_files(environ: Mapping[str, str] = os.environ) -> list[str]:
    """Every question file in the search folders, each once."""
    return _once([path for folder in search_dirs(environ) for path in files_in(folder)])


def expand_paths(paths: Iterable[FilePath]) -> list[str]:
    """Files as given, folders replaced by the question files in them (recursively,
    in the order of their paths, not following links to folders)."""
    result: list[str] = []
    for given in paths:
        path = os.fspath(given)
        if os.path.isdir(path):
            result += sorted(_files_under(path), key=lambda p: p.split(os.sep))
        else:
            result.append(path)
    return result


def _files_under(folder: str) -> Iterable[str]:
    for top, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(top, name)
            if is_bank_file(name) and os.path.isfile(path):
                yield path


def resolve(names: Iterable[str], environ: Mapping[str, str] = os.environ) -> list[str]:
    """Turn bank names into files: a question file or a folder of them, or the stem of a
    known bank. A file named twice (or through two names) is played once."""
    resolved: list[str] = []
    known: list[str] | None = None
    for name in names:
        found = expand_paths([name]) if os.path.isdir(name) else []
        if found or (os.path.isfile(name) and is_bank_file(name)):
            resolved += found or [name]
            continue
        known = known if known is not None else known_files(environ)
        matches = [p for p in known if file_stem(p) == name]
        if len(matches) == 1:
            resolved.append(matches[0])
        elif matches:
            listed = ", ".join(matches)
            raise BankNotFoundError(f"'{name}' names several banks ({listed}); give a path instead")
        elif os.path.isfile(name):
            raise BankNotFoundError(f"'{name}' is not a question file (they end in .yaml or .yml)")
        elif os.path.isdir(name):
            raise BankNotFoundError(f"the folder '{name}' holds no question files (.yaml or .yml)")
        else:
            import difflib  # only a name that matches nothing needs it

            close = difflib.get_close_matches(name, [file_stem(p) for p in known], n=1)
            advice = f" (did you mean '{close[0]}'?)" if close else ""
            raise BankNotFoundError(
                f"no bank named '{name}'{advice}; run 'quiz list' to see the banks, or give a path"
            )
    return _once(resolved)


def _once(paths: list[str]) -> list[str]:
    """The paths without repeats of the same file, in their first order."""
    seen: set[str] = set()
    kept: list[str] = []
    for path in paths:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            kept.append(path)
    return kept


class Catalogue(NamedTuple):
    """The banks that loaded, and the reports of the files that did not."""

    reports: tuple[Report, ...]

    @property
    def banks(self) -> list[Bank]:
        """The usable banks, in the order their files were found."""
        return [r.bank for r in self.reports if r.bank is not None]

    @property
    def summaries(self) -> list[BankSummary]:
        """The summaries of the usable banks, in the order their files were found."""
        return [r.summary for r in self.reports if r.summary is not None]

    @property
    def broken(self) -> list[Report]:
        """The reports of files that failed validation."""
        return [r for r in self.reports if r.errors]


def survey(paths: Iterable[FilePath], environ: Mapping[str, str] = os.environ) -> Catalogue:
    """Check every file for its diagnostics and summary only, as listings need.

    A file checked before is answered from the head of its cache entry, without
    building its questions; the others are checked (and cached). The reports carry
    no banks.
    """
    return _through_cache(paths, environ, bank=False)


def catalogue(paths: Iterable[FilePath], environ: Mapping[str, str] = os.environ) -> Catalogue:
    """Check every file (through the cache of checked files); keep banks and failures."""
    return _through_cache(paths, environ, bank=True)


def _through_cache(paths: Iterable[FilePath], environ: Mapping[str, str], bank: bool) -> Catalogue:
    from quiz.cache import Digests, cache_dir

    folder = cache_dir(environ)
    digests = Digests(folder)
    reports = tuple(check_through_cache(path, folder, digests, bank=bank) for path in paths)
    digests.save()
    return Catalogue(reports)
