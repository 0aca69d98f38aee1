"""Saved progress: every checked attempt, in one JSON file per user, never lost.

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
>>> import mgdlearn
>>> mgdlearn.progress()          # doctest: +SKIP
"""
from __future__ import annotations

import html
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
    "LessonProgress",
    "ProgressStore",
    "default_progress_path",
    "progress",
    "progress_table",
    "format_progress",
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


@dataclass(frozen=True)
class LessonProgress:
    """Completion of one lesson (a row of :func:`progress`).

    Attributes
    ----------
    lesson : int
        Lesson number (6 is the case study).
    title : str
        Lesson title.
    checks_done, checks_total : int
        Concept checks in the lesson answered correctly / available.
    exercises_done, exercises_total : int
        Exercises in the lesson's exercise notebook answered correctly / available.
    attempts : int
        Attempts saved for this lesson.
    """

    lesson: int
    title: str
    checks_done: int
    checks_total: int
    exercises_done: int
    exercises_total: int
    attempts: int


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


# --- summaries ------------------------------------------------------------------------------
def progress_table(path: str | os.PathLike[str] | None = None) -> tuple[LessonProgress, ...]:
    """Completion per lesson, from the progress file and the exercise bank.

    Parameters
    ----------
    path : str or os.PathLike, optional
        Progress file (default :func:`default_progress_path`). If saving is off, all rows are empty.
    """
    from mgdlearn.exercises import bank

    target = Path(path) if path is not None else default_progress_path()
    attempts = ProgressStore(target).attempts() if target is not None else []
    solved = {a.exercise for a in attempts if a.verdict == "correct"}
    tried: dict[str, int] = {}
    for a in attempts:
        tried[a.exercise] = tried.get(a.exercise, 0) + 1
    rows: dict[int, dict[str, Any]] = {}
    for c in bank.collections():
        row = rows.setdefault(c.lesson, {"title": "", "checks": [0, 0], "exercises": [0, 0], "attempts": 0})
        if c.kind == "concept checks" or not row["title"]:
            row["title"] = c.title
        slot = row["checks"] if c.kind == "concept checks" else row["exercises"]
        slot[0] += sum(1 for i in c.ids if i in solved)
        slot[1] += len(c.ids)
        row["attempts"] += sum(tried.get(i, 0) for i in c.ids)
    return tuple(LessonProgress(n, r["title"], r["checks"][0], r["checks"][1], r["exercises"][0],
                                r["exercises"][1], r["attempts"]) for n, r in sorted(rows.items()))


def _where(path: str | os.PathLike[str] | None) -> str:
    target = Path(path) if path is not None else default_progress_path()
    if target is None:
        return f"Saving progress is switched off ({ENV_VAR}=off)."
    return f"Progress file: {target}"


def format_progress(path: str | os.PathLike[str] | None = None) -> str:
    """Completion per lesson as a plain-text table (what ``mgdlearn progress`` prints)."""
    return _format_rows(progress_table(path), path)


def _format_rows(rows: tuple[LessonProgress, ...], path: str | os.PathLike[str] | None) -> str:
    head = ("Lesson", "Title", "Concept checks", "Exercises", "Attempts")
    body = [(str(r.lesson), r.title, f"{r.checks_done}/{r.checks_total}",
             f"{r.exercises_done}/{r.exercises_total}", str(r.attempts)) for r in rows]
    if rows:
        body.append(("All", "", f"{sum(r.checks_done for r in rows)}/{sum(r.checks_total for r in rows)}",
                     f"{sum(r.exercises_done for r in rows)}/{sum(r.exercises_total for r in rows)}",
                     str(sum(r.attempts for r in rows))))
    widths = [max(len(line[i]) for line in [head, *body]) for i in range(len(head))]
    fmt = lambda line: "  ".join(v.ljust(w) for v, w in zip(line, widths)).rstrip()  # noqa: E731
    lines = [fmt(head), fmt(tuple("-" * w for w in widths)), *map(fmt, body), "", _where(path)]
    return "\n".join(lines)


class _ProgressView:
    """Rich display of the progress table (HTML) with the text table as plain text."""

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        self._rows = progress_table(path)
        self._text = _format_rows(self._rows, path)
        self._where = _where(path)

    def text(self) -> str:
        """The plain-text table."""
        return self._text

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        e = html.escape
        cells = "".join(
            f"<tr><td>{r.lesson}</td><td>{e(r.title)}</td><td>{r.checks_done}/{r.checks_total}</td>"
            f"<td>{r.exercises_done}/{r.exercises_total}</td><td>{r.attempts}</td></tr>" for r in self._rows)
        table = ('<table class="mgdlearn-progress"><caption>Your progress per lesson</caption>'
                 "<thead><tr><th>Lesson</th><th>Title</th><th>Concept checks</th><th>Exercises</th>"
                 f"<th>Attempts</th></tr></thead><tbody>{cells}</tbody></table><p>{e(self._where)}</p>")
        return {"text/plain": self._text, "text/html": table}


def progress(path: str | os.PathLike[str] | None = None) -> None:
    """Show completion per lesson as a table (HTML in Jupyter, text elsewhere)."""
    from mgdlearn.exercises.checker import show

    show(_ProgressView(path))
