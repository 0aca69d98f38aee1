"""Saved progress: every checked attempt, in one JSON file per user, never lost (storage only).

The per-lesson summary of a progress file and its display live next to the exercises, in
:mod:`mgdlearn.exercises.summary` (``mgdlearn.progress()``, ``mgdlearn progress``).

Where
-----
``$MGDLEARN_PROGRESS`` if set (``off`` switches saving off), otherwise ``progress.json`` in the
per-user data directory (``platformdirs.user_data_dir("mgdlearn")``, e.g.
``~/.local/share/mgdlearn/progress.json`` on Linux).

How it stays safe
-----------------
* Atomic: the new content is written to a temporary file in the same folder, flushed to disk and
  moved over the old file with ``os.replace``; a crash mid-write leaves the old file intact.
* Two kernels at once: every read-modify-write holds a lock file (``progress.json.lock``,
  :mod:`filelock`), so no attempt is lost.
* A corrupt file is moved aside (``progress.corrupt-1.json`` ...) with a message saying where,
  and a new file is started; it is never silently overwritten.

Examples
--------
>>> from mgdlearn.progress_store import ProgressStore
>>> store = ProgressStore("progress.json")            # doctest: +SKIP
>>> store.record("ex1.1", "correct", "'b'")           # doctest: +SKIP
>>> [a.exercise for a in store.attempts()]            # doctest: +SKIP
['ex1.1']
"""
from __future__ import annotations

import json
import os
import tempfile
import warnings
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

__all__ = [
    "ENV_VAR",
    "ProgressWarning",
    "Attempt",
    "ProgressStore",
    "default_progress_path",
]

ENV_VAR = "MGDLEARN_PROGRESS"
_FORMAT = "mgdlearn-progress"
_VERSION = 1
_OFF = {"off", "none", "no", "false", "0"}


class ProgressWarning(UserWarning):
    """Progress could not be read or saved (the message says what happened and where)."""


@dataclass(frozen=True)
class Attempt:
    """One checked answer.

    Attributes
    ----------
    exercise : str
        Exercise id (``"ex2.3"``).
    verdict : str
        ``"correct"``, ``"incorrect"`` or ``"invalid"``.
    answer : str
        A short text form of the answer (at most 80 characters).
    time : str
        When, as ISO 8601 in UTC.
    """

    exercise: str
    verdict: str
    answer: str = ""
    time: str = ""


def default_progress_path() -> Path | None:
    """Where progress is saved: ``$MGDLEARN_PROGRESS`` or the per-user data directory.

    Returns
    -------
    pathlib.Path or None
        ``None`` if saving is switched off (``MGDLEARN_PROGRESS=off``).
    """
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return None if env.lower() in _OFF else Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("mgdlearn", appauthor=False)) / "progress.json"


class ProgressStore:
    """The progress file of one user.

    Parameters
    ----------
    path : str or os.PathLike, optional
        The JSON file (default :func:`default_progress_path`; it must not be switched off).
    lock_timeout_s : float
        How long to wait for another kernel holding the lock.
    on_message : callable, optional
        Receives messages about recovered files; default: :func:`warnings.warn` with
        :class:`ProgressWarning`.

    Raises
    ------
    ValueError
        If no path is given and saving is switched off.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, lock_timeout_s: float = 10.0,
                 on_message: Callable[[str], None] | None = None) -> None:
        if path is None:
            path = default_progress_path()
            if path is None:
                raise ValueError(f"Saving progress is switched off ({ENV_VAR}=off); pass a path, "
                                 f"or set {ENV_VAR} to a file path.")
        self._path = Path(path)
        self._lock_timeout_s = float(lock_timeout_s)
        self._on_message = on_message

    @property
    def path(self) -> Path:
        """The progress file."""
        return self._path

    def __repr__(self) -> str:
        return f"ProgressStore({str(self._path)!r})"

    # --- public -----------------------------------------------------------------------------
    def record(self, exercise_id: str, verdict: str, answer: str = "") -> None:
        """Append one attempt (locked, atomic).

        Raises
        ------
        OSError
            If the file or its folder cannot be written (the caller decides how to tell the user).
        filelock.Timeout
            If another process holds the lock for longer than ``lock_timeout_s``.
        """
        if not isinstance(exercise_id, str) or not isinstance(verdict, str):
            raise TypeError("record(exercise_id, verdict) takes two strings, e.g. ('ex2.3', 'correct').")
        entry = {"exercise": exercise_id, "verdict": verdict, "answer": str(answer)[:80],
                 "time": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        self._path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock():
            data = self._read_or_recover()
            data["attempts"].append(entry)
            self._write(data)

    def attempts(self, exercise_id: str | None = None) -> list[Attempt]:
        """Saved attempts, oldest first (all, or those of one exercise)."""
        if not self._path.exists():
            return []
        try:
            with self._lock():
                data = self._read_or_recover()
        except OSError:  # a read-only folder: no lock file possible; writes are atomic, so just read
            try:
                data = json.loads(self._path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return []
            if _validate(data):
                return []
        out = [Attempt(a["exercise"], a["verdict"], a.get("answer", ""), a.get("time", "")) for a in data["attempts"]]
        return [a for a in out if exercise_id is None or a.exercise == exercise_id]

    def solved(self) -> set[str]:
        """Ids of the exercises answered correctly at least once."""
        return {a.exercise for a in self.attempts() if a.verdict == "correct"}

    # --- internals --------------------------------------------------------------------------
    def _lock(self) -> Any:
        from filelock import FileLock

        return FileLock(str(self._path) + ".lock", timeout=self._lock_timeout_s)

    def _message(self, text: str) -> None:
        if self._on_message is not None:
            self._on_message(text)
        else:
            warnings.warn(text, ProgressWarning, stacklevel=3)

    def _read_or_recover(self) -> dict[str, Any]:
        """Read the file (caller holds the lock); move a corrupt file aside and start afresh."""
        self._remove_stale_temp_files()
        try:
            raw = self._path.read_bytes()
        except FileNotFoundError:
            return _empty()
        problem = ""
        try:
            data = json.loads(raw.decode("utf-8"))
            problem = _validate(data)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            problem = f"it is not valid JSON ({type(exc).__name__}: {str(exc)[:80]})"
        if problem.startswith("newer:"):
            raise OSError(f"{self._path} was written by a newer mgdlearn ({problem[6:]}); "
                          "update mgdlearn to keep saving progress. The file was left untouched.")
        if problem:
            aside = self._aside_name()
            os.replace(self._path, aside)
            self._message(f"Your progress file {self._path} could not be read: {problem}. It was moved to "
                          f"{aside} (nothing was deleted) and a new progress file was started.")
            return _empty()
        return data

    def _aside_name(self) -> Path:
        n = 1
        while True:
            candidate = self._path.with_name(f"{self._path.stem}.corrupt-{n}{self._path.suffix}")
            if not candidate.exists():
                return candidate
            n += 1

    def _remove_stale_temp_files(self) -> None:
        # Writers hold the lock while their temporary file exists, so any left now is from a crash.
        for stale in self._path.parent.glob(f".{self._path.name}.*.tmp"):
            try:
                stale.unlink()
            except OSError:
                pass

    def _write(self, data: dict[str, Any]) -> None:
        fd, tmp = tempfile.mkstemp(dir=self._path.parent, prefix=f".{self._path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, indent=1, ensure_ascii=False)
                fh.write("\n")
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self._path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        _fsync_dir(self._path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _empty() -> dict[str, Any]:
    return {"format": _FORMAT, "version": _VERSION, "attempts": []}


def _validate(data: object) -> str:
    """Return "" if ``data`` is a progress document, else what is wrong with it."""
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        return "it is not an mgdlearn progress file"
    version = data.get("version")
    if not isinstance(version, int):
        return "it has no format version"
    if version > _VERSION:
        return f"newer:format version {version}, this mgdlearn reads {_VERSION}"
    attempts = data.get("attempts")
    if not isinstance(attempts, list):
        return "its list of attempts is missing"
    for a in attempts:
        if not (isinstance(a, dict) and isinstance(a.get("exercise"), str) and isinstance(a.get("verdict"), str)):
            return "an attempt in it is damaged"
    return ""
