"""The exercise bank: one generated module per lesson's concept checks and per exercise notebook.

Layout
------
``lesson00.py`` ... ``lesson05.py``   concept checks inside the lessons, ids ``"L1.1"``, ``"L1.2"`` ...
``ex01.py`` ... ``ex07.py``           exercise notebooks, ids ``"ex1.1"`` ...
``ex08.py``                         the case studies (``exercises/08_case_studies.ipynb``), ids
                                    ``"case1.1"`` ... (case 1) and ``"case2.1"`` ... (case 2)

Each module defines ``TITLE`` (the lesson's title) and ``EXERCISES`` (a tuple of exercises from
:mod:`mgdlearn.exercises.kinds`). ``check("L2.1", answer)`` imports only ``lesson02``.

The modules are generated: do not edit them. Each is written by ``scripts/build_exercises.py``
from its one source, ``exercises/source/NN_name.py`` (an exercise notebook) or
``lessons/checks/NN_name.py`` (a lesson's concept checks), where the question, its options, the
answer, the feedback per option or per named mistake, the hints and the explanation are written
once, in plain text (see ``exercises/README.md``). The generator stores exact answers as salted
digests and hides explanations and fixed numbers (:mod:`mgdlearn.exercises.hiding`); answers that
come from the model or a conversion factor are computed at check time by
:mod:`mgdlearn.exercises.tasks` and :mod:`mgdlearn.exercises.factors`.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from mgdlearn.errors import InputError, InputTypeError

if TYPE_CHECKING:  # pragma: no cover
    from mgdlearn.exercises.kinds import Exercise

__all__ = ["ID_PATTERN", "CASE_STUDIES", "Collection", "parse_id", "module_name", "get", "collections",
           "all_exercises"]

#: What an exercise id looks like: ``ex2.3`` (exercise notebook 2, exercise 3), ``L1.2`` (concept
#: check 2 of lesson 1) or ``case1.4`` (case study 1, exercise 4).
ID_PATTERN = re.compile(r"^(ex|L|case)(\d{1,2})\.(\d{1,2})$")

#: The exercise notebook that holds the case studies (``exercises/08_case_studies.ipynb``): every
#: ``caseK.M`` id lives in bank module ``ex08``, whichever case K it belongs to.
CASE_STUDIES = 8


@dataclass(frozen=True)
class Collection:
    """One bank module: a lesson's concept checks or one exercise notebook.

    Attributes
    ----------
    module : str
        Module name (``"lesson01"``, ``"ex03"``).
    lesson : int
        Lesson number the collection belongs to (the case studies, ``ex08``, are 8: they follow
        lesson 7).
    kind : str
        ``"concept checks"`` (in a lesson) or ``"exercises"`` (an exercise notebook).
    title : str
        Title of the lesson or notebook.
    ids : tuple of str
        Exercise ids in order.
    """

    module: str
    lesson: int
    kind: str
    title: str
    ids: tuple[str, ...]


def parse_id(exercise_id: object) -> tuple[str, int, int]:
    """Split ``"ex2.3"`` into ``("ex", 2, 3)`` (``"case1.4"`` into ``("case", 1, 4)``).

    Raises
    ------
    InputTypeError
        If the id is not a string.
    InputError
        If it is not of the form ``exN.M`` or ``LN.M``.
    """
    if not isinstance(exercise_id, str):
        raise InputTypeError(
            f"An exercise id is text such as 'ex2.3' or 'L1.2'; got {type(exercise_id).__name__}.")
    m = ID_PATTERN.match(exercise_id.strip())
    if m is None:
        raise InputError(
            f"{exercise_id!r:.40} is not an exercise id. Ids look like 'ex2.3' (exercise notebook 2, "
            "exercise 3), 'L1.2' (concept check 2 in lesson 1) or 'case1.4' (case study 1, exercise 4); "
            "the notebook shows the id above each question.")
    return m.group(1), int(m.group(2)), int(m.group(3))


def module_name(exercise_id: str) -> str:
    """The bank module holding ``exercise_id``.

    ``"ex2.3"`` -> ``"ex02"``, ``"L1.2"`` -> ``"lesson01"``, ``"case1.4"`` and ``"case2.1"`` ->
    ``"ex08"`` (:data:`CASE_STUDIES`).
    """
    prefix, number, _ = parse_id(exercise_id)
    if prefix == "case":
        return f"ex{CASE_STUDIES:02d}"
    return f"{'ex' if prefix == 'ex' else 'lesson'}{number:02d}"


def _load(module: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"{__name__}.{module}")
    except ModuleNotFoundError as exc:
        if exc.name == f"{__name__}.{module}":
            return None
        raise


def get(exercise_id: object) -> "Exercise":
    """Return the exercise with this id.

    Raises
    ------
    InputError
        If the id is malformed or unknown; the message lists the ids that exist nearby.
    """
    prefix, lesson, _ = parse_id(exercise_id)
    wanted = str(exercise_id).strip()
    mod = _load(module_name(wanted))
    if mod is None:
        known = ", ".join(c.module for c in collections())
        part = {"ex": f"exercise notebook {lesson}", "L": f"lesson {lesson}",
                "case": f"case-study notebook ({CASE_STUDIES:02d})"}[prefix]
        raise InputError(f"There is no exercise {wanted!r}: no {part} in the bank. Bank modules: {known}.")
    for ex in mod.EXERCISES:
        if ex.id == wanted:
            return ex
    ids = ", ".join(ex.id for ex in mod.EXERCISES)
    raise InputError(f"There is no exercise {wanted!r}. Exercises in this part: {ids}.")


def collections() -> tuple[Collection, ...]:
    """Every bank module, lessons first, then exercise notebooks, in number order."""
    found: list[Collection] = []
    for info in pkgutil.iter_modules(__path__):
        m = re.fullmatch(r"(lesson|ex)(\d\d)", info.name)
        if not m:
            continue
        mod = _load(info.name)
        if mod is None:  # pragma: no cover - listed but vanished
            continue
        found.append(Collection(
            module=info.name, lesson=int(m.group(2)),
            kind="concept checks" if m.group(1) == "lesson" else "exercises",
            title=str(getattr(mod, "TITLE", info.name)),
            ids=tuple(ex.id for ex in mod.EXERCISES)))
    return tuple(sorted(found, key=lambda c: (c.kind != "concept checks", c.lesson)))


def all_exercises() -> "tuple[Exercise, ...]":
    """Every exercise in the bank, in collection order."""
    out: list[Exercise] = []
    for c in collections():
        mod = _load(c.module)
        if mod is not None:
            out.extend(mod.EXERCISES)
    return tuple(out)
