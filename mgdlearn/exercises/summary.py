"""How far a student is: completion per lesson, from the progress file and the exercise bank.

:mod:`mgdlearn.progress_store` only stores attempts; this module reads them and counts, per
lesson, the concept checks and the exercises answered correctly at least once.

>>> import mgdlearn
>>> mgdlearn.progress()          # doctest: +SKIP

``mgdlearn progress`` in a terminal prints :func:`format_progress`.
"""
from __future__ import annotations

import html
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mgdlearn.exercises import bank
from mgdlearn.exercises.checker import show
from mgdlearn.progress_store import ENV_VAR, ProgressStore, default_progress_path

__all__ = ["LessonProgress", "progress_table", "format_progress", "ProgressView", "progress"]


@dataclass(frozen=True)
class LessonProgress:
    """Completion of one lesson (a row of :func:`progress`).

    Attributes
    ----------
    lesson : int
        Lesson number (8 is the case studies, which follow lesson 7).
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


def _target(path: str | os.PathLike[str] | None) -> Path | None:
    return Path(path) if path is not None else default_progress_path()


def progress_table(path: str | os.PathLike[str] | None = None) -> tuple[LessonProgress, ...]:
    """Completion per lesson, from the progress file and the exercise bank.

    Parameters
    ----------
    path : str or os.PathLike, optional
        Progress file (default :func:`mgdlearn.progress_store.default_progress_path`). If saving
        is off, all rows are empty.
    """
    target = _target(path)
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
    target = _target(path)
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


class ProgressView:
    """The progress table for display: HTML in Jupyter, the text table as plain text.

    Parameters
    ----------
    path : str or os.PathLike, optional
        Progress file (default :func:`mgdlearn.progress_store.default_progress_path`).
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self._rows = progress_table(path)
        self._text = _format_rows(self._rows, path)
        self._where = _where(path)

    def __repr__(self) -> str:
        return f"ProgressView({len(self._rows)} lessons)"

    @property
    def rows(self) -> tuple[LessonProgress, ...]:
        """One row per lesson."""
        return self._rows

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
    show(ProgressView(path))
