"""Auto-checked exercises: feedback that teaches, a hint ladder, saved progress.

In a notebook
-------------
>>> from mgdlearn.exercises import check, hint
>>> check("L1.2", "20 ng/mL")      # doctest: +SKIP
✔ L1.2: Correct. 49.93 nmol/L is right.
  Note: You answered in ng/mL; the question asks for nmol/L, so your 20 ng/mL was converted to 49.93 nmol/L.

``check(exercise_id, answer)`` *displays* the verdict (HTML in JupyterLab, plain text elsewhere)
and returns ``None``, so a cell ending in ``check(...)`` shows the feedback once. For code, use
``check_result(exercise_id, answer)``: it returns a :class:`~mgdlearn.exercises.result.CheckResult`
(``.correct``, ``.verdict``, ``.message``; its ``repr`` is one short line). ``hint(exercise_id)``
unlocks the next hint. ``grade(exercise_id, answer) -> bool`` is for nbgrader's hidden tests: it
neither displays nor saves.

A blank answer (``None`` or ``...``) shows "not answered yet". Any other bad input (text where a
number is asked, NaN, lists, objects with a rigged ``__eq__`` or a crashing ``__float__``, a
function that raises or never returns) gets a message saying what is accepted; it never raises and
is never judged correct. Every real attempt is saved (see :mod:`mgdlearn.progress_store`).

Threat model (honest version)
-----------------------------
The goal is to stop *accidental peeking*, not a determined student.

* Exact answers (choices, words, orders) are stored as salted SHA-256 digests; numbers are
  obfuscated, or computed at check time from the model or a conversion factor; explanations that
  name the answer are obfuscated. Reading the bank does not show the answers.
* Anyone can still brute-force a digest (there are four options), decode the obfuscation with
  :mod:`mgdlearn.exercises.hiding`, or read the instructor notebooks in the repository.
* The checker runs in the student's own kernel, which the student controls; they can replace
  ``check`` itself. Feedback is for learning.
* Grading integrity comes from nbgrader: instructors grade with hidden test cells that students
  never see, in a fresh kernel (``nbgrader autograde``), from an instructor copy kept out of the
  students' reach. For credit-bearing use, keep the instructor sources private and vary the numbers.

Modules
-------
kinds    exercise types (numeric, multiple choice, multiple select, ordering, short answer,
         write-a-function, predict-then-simulate)
checker  the :class:`~mgdlearn.exercises.checker.Checker` (hint ladder, saving attempts)
bank     the exercises: ``lessonNN.py`` (concept checks ``LN.M``) and ``exNN.py`` (``exN.M``; the
         case studies' ``caseK.M`` in ``ex08``), generated from ``exercises/source/`` and
         ``lessons/checks/`` by ``scripts/build_exercises.py``
tasks    reference computations the sources name (model runs, values from the library)
factors  conversion factors the sources name
cases    the two case studies' patients, their stand-ins in the model and the urine tests
summary  how far a student is, per lesson (``mgdlearn.progress()``)
sources  reads the sources (authoring only: needs jupytext and PyYAML)
hiding   digests and obfuscation
safe     reading untrusted answers; running student functions with a time limit
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from mgdlearn.exercises.checker import Checker
    from mgdlearn.exercises.result import CheckResult

__all__ = ["check", "check_result", "hint", "grade", "default_checker"]


@lru_cache(maxsize=1)
def default_checker() -> "Checker":
    """The checker this kernel's :func:`check` and :func:`hint` use (created on first use)."""
    # lazy: the checker loads the whole exercise bank; importing mgdlearn.exercises stays cheap
    from mgdlearn.exercises.checker import Checker

    return Checker()


def check(exercise_id: str, answer: object = None) -> None:
    """Check ``answer`` for exercise ``exercise_id`` and display the feedback.

    Parameters
    ----------
    exercise_id : str
        The id shown with the question (``"ex2.3"``, ``"L1.1"``).
    answer : object
        Your answer; ``None`` means not answered yet.

    Returns
    -------
    None
        The feedback is displayed, not returned; see :func:`check_result` for a result object.
    """
    default_checker().check(exercise_id, answer)


def check_result(exercise_id: str, answer: object) -> "CheckResult":
    """Check ``answer`` and return the :class:`~mgdlearn.exercises.result.CheckResult` (saved, not displayed).

    Raises
    ------
    mgdlearn.errors.InputError
        If ``exercise_id`` is not an exercise in the bank.
    """
    return default_checker().result(exercise_id, answer)


def hint(exercise_id: str) -> None:
    """Display the next hint for ``exercise_id`` (hints also unlock after wrong attempts)."""
    default_checker().hint(exercise_id)


def grade(exercise_id: str, answer: object) -> bool:
    """True if ``answer`` is correct; for nbgrader hidden tests (no display, nothing saved).

    Raises
    ------
    mgdlearn.errors.InputError
        If ``exercise_id`` is not an exercise in the bank.
    """
    # lazy: as in default_checker
    from mgdlearn.exercises.checker import Checker

    return Checker(save=False).result(exercise_id, answer).correct
