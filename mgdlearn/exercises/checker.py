"""The checker: look up an exercise, judge the answer, climb the hint ladder, save the attempt.

A :class:`Checker` is the one stateful object of the checking library: it counts attempts per
exercise for the hint ladder (in this kernel session only, so a fresh run of a notebook always
shows the same output) and remembers whether it has already warned that progress cannot be saved.
:func:`mgdlearn.exercises.check` uses one default checker per kernel; tests make their own.
"""
from __future__ import annotations

import html
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from mgdlearn.exercises import bank
from mgdlearn.exercises.result import CheckResult, Evaluation, Verdict
from mgdlearn.exercises.safe import DEFAULT_TIME_LIMIT_S, AnswerProblem, safe_repr, type_name
from mgdlearn.progress_store import ProgressStore, default_progress_path

if TYPE_CHECKING:  # pragma: no cover
    from mgdlearn.exercises.kinds import Exercise

__all__ = ["Checker", "HintView", "show"]

_NOT_ANSWERED = "Replace None with your answer and run this cell again."


class HintView:
    """The hints unlocked for one exercise (rich display, short repr)."""

    def __init__(self, exercise_id: str, hints: tuple[str, ...], total: int) -> None:
        self.exercise_id = exercise_id
        self.hints = hints
        self.total = total

    def __repr__(self) -> str:
        return f"HintView({self.exercise_id!r}, {len(self.hints)} of {self.total})"

    def text(self) -> str:
        """Plain-text form."""
        if not self.total:
            return f"{self.exercise_id}: this exercise has no hints; re-read the question and the lesson section it names."
        lines = [f"{self.exercise_id}: hint {len(self.hints)} of {self.total}"]
        lines += [f"  Hint {i}: {h}" for i, h in enumerate(self.hints, 1)]
        return "\n".join(lines)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        e = html.escape
        if not self.total:
            body = f"<p>{e(self.text())}</p>"
        else:
            body = f"<p><strong>{e(self.exercise_id)}: hint {len(self.hints)} of {self.total}</strong></p>" + "".join(
                f'<p style="margin:2px 0"><em>Hint {i}:</em> {e(h)}</p>' for i, h in enumerate(self.hints, 1))
        return {"text/plain": self.text(),
                "text/html": f'<div class="mgdlearn-hint" style="border-left:5px solid #56B4E9;padding:4px 10px">{body}</div>'}


def show(obj: Any) -> None:
    """Display ``obj`` richly in IPython/Jupyter, or print its text elsewhere."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython ships with Jupyter
        print(obj.text())
        return
    if get_ipython() is None:
        print(obj.text())
    else:
        display(obj)


class Checker:
    """Checks answers against the exercise bank and saves attempts.

    Parameters
    ----------
    progress_path : str or os.PathLike, optional
        Progress file; default :func:`mgdlearn.progress_store.default_progress_path` (read when
        the first attempt is saved).
    save : bool
        Save attempts at all (``False`` for grading and tests).
    time_limit_s : float
        Time allowed for each call of a student's function.
    lookup : callable, optional
        Maps an exercise id to an exercise; default :func:`mgdlearn.exercises.bank.get`
        (tests pass their own).
    """

    def __init__(self, progress_path: str | os.PathLike[str] | None = None, *, save: bool = True,
                 time_limit_s: float = DEFAULT_TIME_LIMIT_S,
                 lookup: "Callable[[str], Exercise] | None" = None) -> None:
        self._lookup = lookup
        self._path = Path(progress_path) if progress_path is not None else None
        self._save = save
        self._time_limit_s = float(time_limit_s)
        self._attempts: dict[str, int] = {}
        self._wrong: dict[str, int] = {}
        self._asked: dict[str, int] = {}
        self._warned = False

    def __repr__(self) -> str:
        return f"Checker(save={self._save})"

    # --- programmatic API -------------------------------------------------------------------
    def result(self, exercise_id: str, answer: object) -> CheckResult:
        """Judge ``answer`` and return the result (also saved as an attempt unless blank).

        Raises
        ------
        mgdlearn.errors.InputError
            If ``exercise_id`` is not an exercise in the bank (bad answers never raise).
        """
        ex = self._get(exercise_id)
        if ex.is_blank(answer):
            ev = Evaluation(Verdict.NOT_ANSWERED, _NOT_ANSWERED)
        else:
            try:
                ev = ex.evaluate(answer, time_limit_s=self._time_limit_s)
            except AnswerProblem as exc:
                ev = Evaluation(Verdict.INVALID, str(exc))
            except RecursionError:
                ev = Evaluation(Verdict.INVALID, "Your answer is nested too deeply to read; give a plain value.")
            except Exception as exc:  # noqa: BLE001 - a checker bug must not look like the student's fault
                ev = Evaluation(Verdict.INVALID,
                                f"The checker could not judge this answer ({type_name(exc)}); it was not counted. "
                                "Please tell the course team which exercise and answer this was.")
        notes = list(ev.notes)
        attempt = 0
        if ev.verdict.counts_as_attempt:
            attempt = self._attempts[ex.id] = self._attempts.get(ex.id, 0) + 1
            if ev.verdict is Verdict.INCORRECT:
                self._wrong[ex.id] = self._wrong.get(ex.id, 0) + 1
            notes.extend(self._record(ex.id, ev.verdict, answer))
        unlocked = min(len(ex.hints), max(self._wrong.get(ex.id, 0), self._asked.get(ex.id, 0)))
        shown = () if ev.verdict is Verdict.CORRECT else tuple(ex.hints[:unlocked])
        return CheckResult(
            exercise_id=ex.id, verdict=ev.verdict, message=ev.message, notes=tuple(notes), hints=shown,
            attempt=attempt, explanation=ex.explanation_text() if ev.verdict is Verdict.CORRECT else "",
            more_hints=ev.verdict is Verdict.INCORRECT and unlocked < len(ex.hints))

    def hints(self, exercise_id: str) -> HintView:
        """Unlock the next hint of ``exercise_id`` and return all unlocked hints.

        Raises
        ------
        mgdlearn.errors.InputError
            If ``exercise_id`` is not in the bank.
        """
        ex = self._get(exercise_id)
        level = max(self._wrong.get(ex.id, 0), self._asked.get(ex.id, 0))
        self._asked[ex.id] = min(len(ex.hints), level + 1)
        return HintView(ex.id, tuple(ex.hints[: self._asked[ex.id]]), len(ex.hints))

    def _get(self, exercise_id: str) -> "Exercise":
        if self._lookup is not None:
            return self._lookup(exercise_id)
        return bank.get(exercise_id)

    # --- notebook API -----------------------------------------------------------------------
    def check(self, exercise_id: str, answer: object = None) -> None:
        """Judge ``answer`` and display the feedback; never raises, returns ``None``."""
        try:
            res: Any = self.result(exercise_id, answer)
        except (ValueError, TypeError) as exc:  # unknown or malformed id
            shown = exercise_id if isinstance(exercise_id, str) else safe_repr(exercise_id, 30)
            res = CheckResult(str(shown)[:30], Verdict.INVALID, str(exc))
        except Exception as exc:  # noqa: BLE001
            res = CheckResult(safe_repr(exercise_id, 30), Verdict.INVALID,
                              f"The checker hit an internal problem ({type_name(exc)}); your answer was not counted.")
        show(res)

    def hint(self, exercise_id: str) -> None:
        """Display the next hint of ``exercise_id``; never raises."""
        try:
            view: Any = self.hints(exercise_id)
        except (ValueError, TypeError) as exc:
            view = CheckResult(safe_repr(exercise_id, 30), Verdict.INVALID, str(exc))
        show(view)

    # --- saving -----------------------------------------------------------------------------
    def _record(self, exercise_id: str, verdict: Verdict, answer: object) -> list[str]:
        """Save one attempt; return notes for the student (recovery messages, a one-time warning)."""
        if not self._save:
            return []
        notes: list[str] = []
        path = self._path if self._path is not None else default_progress_path()
        if path is None:
            return notes
        try:
            ProgressStore(path, on_message=notes.append).record(exercise_id, verdict.value, safe_repr(answer, 80))
        except Exception as exc:  # noqa: BLE001 - never let saving break checking
            if not self._warned:
                self._warned = True
                reason = str(exc)[:160] or type_name(exc)
                notes.append(f"Your progress could not be saved to {path} ({reason}). Checking still works; "
                             f"set the environment variable MGDLEARN_PROGRESS to a writable file to save it. "
                             "(This warning is shown once.)")
        return notes
