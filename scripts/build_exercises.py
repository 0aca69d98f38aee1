"""Build the exercise notebooks from their single sources, so student and instructor versions cannot drift.

Each ``exercises/source/NN_name.txt`` becomes

* ``exercises/NN_name.ipynb``: the student notebook, answers blank, executed in place (checks show
  "not answered yet"), no nbgrader metadata;
* ``exercises/solutions/exNN/NN_name.ipynb``: the instructor notebook for nbgrader, with the
  solutions between ``### BEGIN SOLUTION`` / ``### END SOLUTION``, autograded answer cells and test
  cells whose hidden part (``### BEGIN HIDDEN TESTS``) calls :func:`mgdlearn.exercises.grade`.
  Saved unexecuted (nbgrader clears outputs anyway).

Usage::

    python scripts/build_exercises.py              # all notebooks
    python scripts/build_exercises.py 01 06        # some
    python scripts/build_exercises.py --no-execute # skip running the student notebooks
    python scripts/build_exercises.py --check      # exit 1 if a committed notebook's cells differ from its source

Source format
-------------
Cells start with a marker line; everything up to the next marker is the cell's text::

    #%% markdown                 a markdown cell
    #%% code                     a code cell, the same in both versions
    #%% answer ex1.3              where the student answers ex1.3; its solution sits between
                                 ### BEGIN SOLUTION and ### END SOLUTION. In the student version
                                 the region is removed (or, inside a function body, replaced by
                                 ``raise NotImplementedError(...)``, which the checker reports as
                                 "not answered yet")
    #%% check ex1.3              the visible check, e.g. ``check("ex1.3", answer_1_3)``; the
                                 instructor version adds hidden tests and the exercise's points

The first cell must be a markdown cell starting with an H1 title.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"
SOURCES = EXERCISES / "source"
SOLUTIONS = EXERCISES / "solutions"

_MARKER = re.compile(r"^#%%\s+(markdown|code|answer|check)(?:\s+(\S+))?\s*$")
_CHECK = re.compile(r"""^check\(\s*["']([^"']+)["']\s*,\s*(.+?)\s*\)\s*$""", re.M)
_HEADING = re.compile(r"^## (ex\d+\.\d+) .*\((\d+) points?\)\s*$", re.M)
_STUB = 'raise NotImplementedError("replace this line with your code")'
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


@dataclass(frozen=True)
class SourceCell:
    """One cell of a source file.

    Attributes
    ----------
    kind : str
        ``"markdown"``, ``"code"``, ``"answer"`` or ``"check"``.
    text : str
        The cell's text (instructor form, with solution regions).
    exercise : str
        The exercise id for ``answer`` and ``check`` cells, else ``""``.
    """

    kind: str
    text: str
    exercise: str = ""


def parse_source(path: Path) -> list[SourceCell]:
    """Read a source file into cells.

    Raises
    ------
    ValueError
        Text before the first marker, an unknown marker, or an answer/check cell without an id.
    """
    cells: list[SourceCell] = []
    kind = ""
    exercise = ""
    lines: list[str] = []

    def flush() -> None:
        if kind:
            cells.append(SourceCell(kind, "\n".join(lines).strip("\n"), exercise))

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#%%"):
            m = _MARKER.match(line)
            if m is None:
                raise ValueError(f"{path.name}:{number}: unknown marker {line!r}; use #%% markdown|code|answer ID|check ID")
            flush()
            kind, exercise, lines = m.group(1), m.group(2) or "", []
            if kind in ("answer", "check") and not exercise:
                raise ValueError(f"{path.name}:{number}: '#%% {kind}' needs an exercise id, e.g. '#%% {kind} ex1.3'")
        elif not kind:
            if line.strip():
                raise ValueError(f"{path.name}:{number}: text before the first '#%%' marker")
        else:
            lines.append(line)
    flush()
    if not cells or cells[0].kind != "markdown" or not cells[0].text.startswith("# "):
        raise ValueError(f"{path.name}: the first cell must be markdown starting with an H1 title ('# ...')")
    return cells


def strip_solution(text: str) -> str:
    """The student form of an answer cell: solution regions removed (stubbed inside functions)."""
    out: list[str] = []
    inside = False
    for line in text.split("\n"):
        if "### BEGIN SOLUTION" in line:
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            if indent:
                out.append(indent + _STUB)
        elif "### END SOLUTION" in line:
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise ValueError(f"a solution region is not closed with ### END SOLUTION:\n{text}")
    return "\n".join(out).rstrip("\n")


def hidden_tests(check_text: str) -> str:
    """The hidden nbgrader tests for a check cell: ``assert grade(id, answer)``."""
    tests = []
    for exercise_id, expr in _CHECK.findall(check_text):
        tests.append(f"assert grade({exercise_id!r}, {expr}), {exercise_id + ' is not correct yet'!r}")
    if not tests:
        raise ValueError(f"a check cell must call check('exN.M', answer); got:\n{check_text}")
    return "\n".join(["### BEGIN HIDDEN TESTS", "from mgdlearn.exercises import grade", *tests,
                      "### END HIDDEN TESTS"])


def grade_id(kind: str, exercise_id: str) -> str:
    """nbgrader's id for a cell (letters, digits, ``_`` and ``-`` only): ``("check", "ex1.3") -> "check-ex1_3"``."""
    return f"{kind}-{exercise_id.replace('.', '_')}"


def _ids(stem: str, n: int) -> list[str]:
    prefix = re.sub(r"[^A-Za-z0-9]", "-", stem)[:40]
    return [f"{prefix}-{i:02d}" for i in range(n)]


def _points(exercise_id: str) -> int:
    from mgdlearn.exercises import bank

    return int(bank.get(exercise_id).points)


def build(cells: list[SourceCell], stem: str, *, instructor: bool) -> Any:
    """The student (``instructor=False``) or instructor notebook of a parsed source."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    for cell, cell_id in zip(cells, _ids(stem, len(cells))):
        if cell.kind == "markdown":
            new = nbformat.v4.new_markdown_cell(cell.text)
        elif cell.kind == "code":
            new = nbformat.v4.new_code_cell(cell.text)
        elif cell.kind == "answer":
            new = nbformat.v4.new_code_cell(cell.text if instructor else strip_solution(cell.text))
            if instructor:
                new.metadata["nbgrader"] = {"schema_version": 3, "grade_id": grade_id("answer", cell.exercise),
                                            "solution": True, "grade": False, "locked": False, "task": False}
        else:  # check
            if instructor:
                new = nbformat.v4.new_code_cell(cell.text + "\n" + hidden_tests(cell.text))
                new.metadata["nbgrader"] = {"schema_version": 3, "grade_id": grade_id("check", cell.exercise),
                                            "solution": False, "grade": True, "locked": True, "task": False,
                                            "points": _points(cell.exercise)}
            else:
                new = nbformat.v4.new_code_cell(cell.text)
        new.id = cell_id
        nb.cells.append(new)
    return nb


def validate(cells: list[SourceCell], stem: str) -> None:
    """Every exercise of the notebook's bank module has exactly one answer and one check cell, in order.

    Raises
    ------
    ValueError
        Naming the missing, repeated or unknown ids.
    """
    from mgdlearn.exercises import bank

    number = int(stem[:2])
    expected = next((c.ids for c in bank.collections() if c.kind == "exercises" and c.lesson == number), ())
    answers = [c.exercise for c in cells if c.kind == "answer"]
    checks = [c.exercise for c in cells if c.kind == "check"]
    for label, found in (("answer", answers), ("check", checks)):
        if tuple(found) != tuple(expected):
            raise ValueError(f"{stem}: {label} cells are for {found}; the bank (ex{number:02d}) has {list(expected)}")
    for c in cells:
        if c.kind == "check" and not all(i == c.exercise for i, _ in _CHECK.findall(c.text)):
            raise ValueError(f"{stem}: check cell for {c.exercise} checks another id:\n{c.text}")
    headings = {m.group(1): int(m.group(2)) for c in cells if c.kind == "markdown"
                for m in _HEADING.finditer(c.text)}
    for exercise_id in expected:
        points = bank.get(exercise_id).points
        if headings.get(exercise_id) != points:
            raise ValueError(f"{stem}: needs a heading '## {exercise_id} <title> ({points} point"
                             f"{'' if points == 1 else 's'})' before its answer cell; found {headings.get(exercise_id)} points")


def paths_for(source: Path) -> tuple[Path, Path]:
    """(student notebook, instructor notebook) for a source file."""
    stem = source.stem
    return EXERCISES / f"{stem}.ipynb", SOLUTIONS / f"ex{stem[:2]}" / f"{stem}.ipynb"


def execute(nb: Any, folder: Path, timeout: int = 600) -> None:
    """Run ``nb`` top to bottom in a fresh python3 kernel, saving progress to a throw-away file."""
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory() as tmp:
        old = os.environ.get("MGDLEARN_PROGRESS")
        os.environ["MGDLEARN_PROGRESS"] = str(Path(tmp) / "progress.json")
        try:
            NotebookClient(nb, timeout=timeout, kernel_name="python3",
                           resources={"metadata": {"path": str(folder)}}).execute()
        finally:
            if old is None:
                os.environ.pop("MGDLEARN_PROGRESS", None)
            else:
                os.environ["MGDLEARN_PROGRESS"] = old


def _sources_of(nb: Any) -> list[tuple[str, str]]:
    return [(c.cell_type, c.source) for c in nb.cells]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    import nbformat

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="*", help="notebook numbers (01 ... 06); default all")
    parser.add_argument("--no-execute", action="store_true", help="do not run the student notebooks")
    parser.add_argument("--check", action="store_true", help="only compare committed notebooks with their sources")
    args = parser.parse_args(argv)
    sources = sorted(SOURCES.glob("[0-9][0-9]_*.txt"))
    if args.which:
        sources = [s for s in sources if s.name[:2] in {w.zfill(2) for w in args.which}]
    stale = []
    for source in sources:
        cells = parse_source(source)
        validate(cells, source.stem)
        student_path, instructor_path = paths_for(source)
        student, instructor = build(cells, source.stem, instructor=False), build(cells, source.stem, instructor=True)
        if args.check:
            for path, nb in ((student_path, student), (instructor_path, instructor)):
                if not path.exists() or _sources_of(nbformat.read(path, as_version=4)) != _sources_of(nb):
                    stale.append(path)
            continue
        instructor_path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.validate(instructor)
        nbformat.write(instructor, instructor_path)
        if not args.no_execute:
            start = time.perf_counter()
            execute(student, student_path.parent)
            print(f"{time.perf_counter() - start:6.1f} s  executed {student_path.relative_to(ROOT)}")
        nbformat.validate(student)
        nbformat.write(student, student_path)
        print(f"wrote {student_path.relative_to(ROOT)} and {instructor_path.relative_to(ROOT)}")
    if args.check:
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)} (run python scripts/build_exercises.py)")
        return 1 if stale else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
