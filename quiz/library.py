"""Where banks come from: the built-in folder, the user's data folder, QUIZ_PATH and paths given."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from quiz.bank import BANK_SUFFIXES, Report, check_through_cache
from quiz.errors import BankNotFoundError
from quiz.model import Bank, BankSummary

APP_NAME = "orbit-quiz"


def builtin_dir() -> Path:
    """The folder of the banks that ship with the game.

    An installed wheel carries them inside the package; a source checkout (or an
    editable install) keeps them in ``questions/`` at the top of the repository.
    """
    packaged = Path(__file__).parent / "questions"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "questions"


def data_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """The user's data folder: ``QUIZ_DATA_DIR`` when set, else the platform's."""
    override = environ.get("QUIZ_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def search_dirs(environ: Mapping[str, str] = os.environ) -> list[Path]:
    """The folders searched for banks, in order: built-in, user data, then ``QUIZ_PATH``."""
    dirs = [builtin_dir(), data_dir(environ) / "questions"]
    dirs += [Path(entry) for entry in environ.get("QUIZ_PATH", "").split(os.pathsep) if entry]
    return dirs


def is_bank_file(path: Path) -> bool:
    """Whether a path names a question file by its suffix."""
    return path.suffix.lower() in BANK_SUFFIXES


def files_in(folder: Path) -> list[Path]:
    """The question files directly inside a folder, sorted by name (none if it is missing)."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    return sorted((p for p in entries if is_bank_file(p) and p.is_file()), key=lambda p: p.name)


def known_files(environ: Mapping[str, str] = os.environ) -> list[Path]:
    """Every question file in the search folders, each once."""
    return _once([path for folder in search_dirs(environ) for path in files_in(folder)])


def expand_paths(paths: Iterable[str]) -> list[Path]:
    """Files as given, folders replaced by the question files in them (recursively)."""
    result: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            result += sorted(p for p in path.rglob("*") if is_bank_file(p) and p.is_file())
        else:
            result.append(path)
    return result


def resolve(names: Iterable[str], environ: Mapping[str, str] = os.environ) -> list[Path]:
    """Turn bank names into files: a question file or a folder of them, or the stem of a
    known bank. A file named twice (or through two names) is played once."""
    resolved: list[Path] = []
    known: list[Path] | None = None
    for name in names:
        path = Path(name)
        found = expand_paths([name]) if path.is_dir() else []
        if found or (path.is_file() and is_bank_file(path)):
            resolved += found or [path]
            continue
        known = known if known is not None else known_files(environ)
        matches = [p for p in known if p.stem == name]
        if len(matches) == 1:
            resolved.append(matches[0])
        elif matches:
            listed = ", ".join(str(p) for p in matches)
            raise BankNotFoundError(f"'{name}' names several banks ({listed}); give a path instead")
        elif path.is_file():
            raise BankNotFoundError(f"'{name}' is not a question file (they end in .yaml or .yml)")
        elif path.is_dir():
            raise BankNotFoundError(f"the folder '{name}' holds no question files (.yaml or .yml)")
        else:
            import difflib  # only a name that matches nothing needs it

            close = difflib.get_close_matches(name, [p.stem for p in known], n=1)
            advice = f" (did you mean '{close[0]}'?)" if close else ""
            raise BankNotFoundError(
                f"no bank named '{name}'{advice}; run 'quiz list' to see the banks, or give a path"
            )
    return _once(resolved)


def _once(paths: list[Path]) -> list[Path]:
    """The paths without repeats of the same file, in their first order."""
    seen: set[Path] = set()
    kept: list[Path] = []
    for path in paths:
        key = path.resolve()
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


def survey(paths: Iterable[Path], environ: Mapping[str, str] = os.environ) -> Catalogue:
    """Check every file for its diagnostics and summary only, as listings need.

    A file checked before is answered from the head of its cache entry, without
    building its questions; the others are checked (and cached). The reports carry
    no banks.
    """
    return _through_cache(paths, environ, bank=False)


def catalogue(paths: Iterable[Path], environ: Mapping[str, str] = os.environ) -> Catalogue:
    """Check every file (through the cache of checked files); keep banks and failures."""
    return _through_cache(paths, environ, bank=True)


def _through_cache(paths: Iterable[Path], environ: Mapping[str, str], bank: bool) -> Catalogue:
    from quiz.cache import Digests, cache_dir

    folder = cache_dir(environ)
    digests = Digests(folder)
    reports = tuple(check_through_cache(path, folder, digests, bank=bank) for path in paths)
    digests.save()
    return Catalogue(reports)
