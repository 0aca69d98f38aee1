"""Build every exercise artefact from its one source, so nothing an author writes sits twice.

Sources (jupytext percent format, read by :mod:`mgdlearn.exercises.sources`; the format is
described in ``exercises/README.md``):

* ``exercises/source/NN_name.py`` -> ``exercises/NN_name.ipynb`` (the student notebook, answers
  blank, executed in place), ``exercises/solutions/exNN/NN_name.ipynb`` (the nbgrader instructor
  notebook: solutions between ``### BEGIN SOLUTION`` / ``### END SOLUTION``, autograded answer cells,
  locked test cells with the points and hidden tests calling :func:`mgdlearn.exercises.grade`; saved
  unexecuted) and ``mgdlearn/exercises/bank/exNN.py`` (the checks, answers as digests);
* ``lessons/checks/NN_name.py`` -> ``mgdlearn/exercises/bank/lessonNN.py`` and the concept-check
  cells of ``lessons/NN_name.ipynb``: the cells whose metadata is ``{"mgdlearn": {"question": ID}}``
  or ``{"mgdlearn": {"check": ID}}``. Only those cells are written; the rest of the hand-written
  lesson stays as it is. A lesson whose check code changed is re-executed.

Usage::

    python scripts/build_exercises.py              # everything
    python scripts/build_exercises.py 03           # exercise notebook 3 and lesson 3's checks
    python scripts/build_exercises.py ex03 lesson01
    python scripts/build_exercises.py --no-execute # write, but do not run notebooks
    python scripts/build_exercises.py --check      # exit 1 if anything generated is out of date
"""
from __future__ import annotations

import argparse
import ast
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterable, Sequence

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"
SOURCES = EXERCISES / "source"
SOLUTIONS = EXERCISES / "solutions"
LESSONS = ROOT / "lessons"
CHECKS = LESSONS / "checks"
BANK = ROOT / "mgdlearn" / "exercises" / "bank"

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from mgdlearn.exercises import hiding  # noqa: E402
from mgdlearn.exercises.sources import (  # noqa: E402
    ExerciseSpec,
    Source,
    SourceError,
    constant_value,
    order_key,
    parse_expression,
    read,
)

_CHECK = re.compile(r"""^check\(\s*["']([^"']+)["']\s*,\s*(.+?)\s*\)\s*$""", re.M)
_STUB = 'raise NotImplementedError("replace this line with your code")'
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
#: Cell metadata key that marks generated cells (exercise notebooks) and the concept-check cells of lessons.
META = "mgdlearn"
_CLASSES = {"numeric": "Numeric", "multiple choice": "MultipleChoice", "multiple select": "MultipleSelect",
            "ordering": "Ordering", "short answer": "ShortAnswer", "function": "Function",
            "predict then simulate": "PredictThenSimulate"}
_WIDTH = 118


# --------------------------------------------------------------------------------------------
# notebooks
# --------------------------------------------------------------------------------------------
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
        raise SourceError(f"a solution region is not closed with ### END SOLUTION:\n{text}")
    return "\n".join(out).rstrip("\n")


def hidden_tests(check_text: str) -> str:
    """The hidden nbgrader tests for a check cell: ``assert grade(id, answer)``."""
    tests = [f"assert grade({exercise_id!r}, {expr}), {exercise_id + ' is not correct yet'!r}"
             for exercise_id, expr in _CHECK.findall(check_text)]
    if not tests:
        raise SourceError(f"a check cell must call check('exN.M', answer); got:\n{check_text}")
    return "\n".join(["### BEGIN HIDDEN TESTS", "from mgdlearn.exercises import grade", *tests,
                      "### END HIDDEN TESTS"])


def grade_id(kind: str, exercise_id: str) -> str:
    """nbgrader's id for a cell (letters, digits, ``_`` and ``-`` only): ``("check", "ex1.3") -> "check-ex1_3"``."""
    return f"{kind}-{exercise_id.replace('.', '_')}"


def _ids(stem: str, n: int) -> list[str]:
    prefix = re.sub(r"[^A-Za-z0-9]", "-", stem)[:40]
    return [f"{prefix}-{i:02d}" for i in range(n)]


def notebook(source: Source, *, instructor: bool) -> Any:
    """The student (``instructor=False``) or nbgrader instructor notebook of an exercise source."""
    import nbformat

    if source.collection != "exercises":
        raise ValueError(f"{source.path.name} holds concept checks; they go into a lesson, not a notebook")
    points = {e.id: e.points for e in source.exercises}
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    kept = [c for c in source.cells if c.role != "spec"]
    for cell, cell_id in zip(kept, _ids(source.stem, len(kept))):
        if cell.cell_type == "markdown":
            new = nbformat.v4.new_markdown_cell(cell.source)
        elif cell.cell_type == "raw":
            new = nbformat.v4.new_raw_cell(cell.source)
        elif cell.role == "answer":
            new = nbformat.v4.new_code_cell(cell.source if instructor else strip_solution(cell.source))
            if instructor:
                new.metadata["nbgrader"] = {"schema_version": 3, "grade_id": grade_id("answer", cell.exercise),
                                            "solution": True, "grade": False, "locked": False, "task": False}
        elif cell.role == "check":
            new = nbformat.v4.new_code_cell(cell.source + "\n" + hidden_tests(cell.source) if instructor
                                            else cell.source)
            if instructor:
                new.metadata["nbgrader"] = {"schema_version": 3, "grade_id": grade_id("check", cell.exercise),
                                            "solution": False, "grade": True, "locked": True, "task": False,
                                            "points": points[cell.exercise]}
        else:
            new = nbformat.v4.new_code_cell(cell.source)
        if cell.role:
            new.metadata[META] = {cell.role: cell.exercise}
        new.id = cell_id
        nb.cells.append(new)
    return nb


def notebook_paths(source: Source) -> tuple[Path, Path]:
    """(student notebook, instructor notebook) of an exercise source."""
    stem = source.stem
    return EXERCISES / f"{stem}.ipynb", SOLUTIONS / f"ex{stem[:2]}" / f"{stem}.ipynb"


def cell_summary(nb: Any) -> list[tuple[str, str, Any, Any]]:
    """What the build controls in a notebook: type, text and the mgdlearn/nbgrader metadata of each cell."""
    return [(c.cell_type, c.source, c.metadata.get(META), c.metadata.get("nbgrader")) for c in nb.cells]


# --------------------------------------------------------------------------------------------
# the bank module
# --------------------------------------------------------------------------------------------
def _lit(text: str) -> str:
    """A double-quoted Python string literal (JSON's escapes are Python's)."""
    return json.dumps(text, ensure_ascii=False)


def _string(text: str, indent: int, column: int | None = None) -> str:
    """A string literal starting at ``column`` on a line indented by ``indent``; split over lines when long."""
    one = _lit(text)
    if len(one) + 1 + (indent if column is None else column) <= _WIDTH and "\n" not in text.rstrip("\n"):
        return one
    room = _WIDTH - indent - 4
    pieces: list[str] = []
    for line in re.split(r"(?<=\n)", text):
        while len(_lit(line)) > room:
            cut = line.rfind(" ", 0, room - 8)
            cut = cut + 1 if cut > 0 else room - 8
            pieces.append(line[:cut])
            line = line[cut:]
        if line:
            pieces.append(line)
    pad = " " * (indent + 4)
    return "(\n" + "\n".join(pad + _lit(p) for p in pieces) + "\n" + " " * indent + ")"


def _hidden(text: str, indent: int) -> str:
    """A hidden text or number (no spaces) split into fixed-width pieces."""
    if len(text) + 2 + indent <= _WIDTH:
        return _lit(text)
    width = _WIDTH - indent - 8
    pad = " " * (indent + 4)
    return ("(\n" + "\n".join(pad + _lit(text[i:i + width]) for i in range(0, len(text), width))
            + "\n" + " " * indent + ")")


def _formula(expr: str) -> str:
    return ast.unparse(ast.parse(str(expr).strip(), mode="eval"))


def _roots(expr: str) -> set[str]:
    return {n.id for n in ast.walk(ast.parse(str(expr).strip(), mode="eval")) if isinstance(n, ast.Name)}


def _mapping(items: Iterable[tuple[str, str]], indent: int) -> str:
    rows = list(items)
    if not rows:
        return "{}"
    pad = " " * (indent + 4)
    body = "\n".join(f"{pad}{_lit(k)}: {_string(v, indent + 4, indent + 6 + len(_lit(k)))}," for k, v in rows)
    return "{\n" + body + "\n" + " " * indent + "}"


def _tuple(parts: Sequence[str], indent: int) -> str:
    if not parts:
        return "()"
    pad = " " * (indent + 4)
    return "(\n" + "\n".join(f"{pad}{p}," for p in parts) + "\n" + " " * indent + ")"


def _mistakes(spec: ExerciseSpec, indent: int) -> str:
    parts = []
    for name, m in spec.data.get("mistakes", {}).items():
        inner = indent + 4
        parts.append(f"Mistake(\n{' ' * (inner + 4)}lambda t: {_formula(m['wrong'])},\n"
                     f"{' ' * (inner + 4)}{_string(m['feedback'], inner + 4)},\n"
                     f"{' ' * (inner + 4)}name={_lit(name)},\n{' ' * inner})")
    return _tuple(parts, indent)


def _exercise_code(spec: ExerciseSpec) -> tuple[str, set[str]]:
    """The constructor call of one exercise and the names (modules, kinds) it needs."""
    i = spec.id
    d = spec.data
    ind = 8
    needs = {_CLASSES[spec.kind]}
    kw: list[tuple[str, str]] = [("id", _lit(i))]
    if spec.title:
        kw.append(("title", _string(spec.title, ind, ind + 6)))
    kw.append(("points", repr(spec.points)))
    kw.append(("prompt", _string(spec.prompt, ind, ind + 7)))

    def formula(expr: str, args: str = "") -> str:
        needs.update(_roots(expr) & {"factors", "tasks", "math"})
        return f"lambda{' ' + args if args else ''}: {_formula(expr)}"

    def mistakes() -> None:
        if d.get("mistakes"):
            needs.add("Mistake")
            for m in d["mistakes"].values():
                needs.update(_roots(m["wrong"]) & {"factors", "tasks", "math"})
            kw.append(("mistakes", _mistakes(spec, ind)))

    def tolerances() -> None:
        for key in ("rel_tol", "abs_tol"):
            if key in d:
                kw.append((key, repr(float(d[key]))))

    options = list(spec.options)
    if spec.kind == "multiple choice":
        kw.append(("options", _mapping(options, ind)))
        kw.append(("answer", _lit(hiding.digest(i, str(d["answer"])))))
        kw.append(("feedback", _mapping([(hiding.digest(i, str(k)), v) for k, v in d.get("feedback", {}).items()],
                                        ind)))
    elif spec.kind == "multiple select":
        kw.append(("options", _mapping(options, ind)))
        kw.append(("answer", _tuple([_lit(hiding.digest(i, str(k), "pick")) for k in d["answer"]], ind)))
        kw.append(("feedback", _mapping([(hiding.digest(i, str(k), "pick"), v)
                                         for k, v in d.get("feedback", {}).items()], ind)))
    elif spec.kind == "ordering":
        kw.append(("items", _mapping(sorted(options), ind)))  # listed shuffled; messages name steps in key order
        kw.append(("positions", _tuple([_lit(hiding.digest(i, str(k), f"pos{n}"))
                                        for n, k in enumerate(d["answer"])], ind)))
        kw.append(("feedback", _mapping([(hiding.digest(i, ",".join(order_key(k)), "order"), v)
                                         for k, v in d.get("feedback", {}).items()], ind)))
    elif spec.kind == "short answer":
        kw.append(("accepted", _tuple([_lit(hiding.digest(i, str(a))) for a in d["answer"]], ind)))
        kw.append(("feedback", _mapping([(hiding.digest(i, str(k)), v) for k, v in d.get("feedback", {}).items()],
                                        ind)))
        if "expected" in d:
            kw.append(("expected", _string(d["expected"], ind, ind + 9)))
    elif spec.kind == "numeric":
        kw.append(("unit", _lit(d["unit"])))
        if "analyte" in d:
            kw.append(("analyte", _lit(d["analyte"])))
        answer = d["answer"]
        value = float(answer) if not isinstance(answer, str) else constant_value(answer)
        kw.append(("target", _lit(hiding.hide_number(i, value)) if value is not None else formula(answer)))
        tolerances()
        mistakes()
    elif spec.kind == "function":
        needs.add("Case")
        kw.append(("name", _lit(d["name"])))
        if "reference" in d:
            needs.update(_roots(d["reference"]) & {"factors", "tasks", "math"})
            kw.append(("reference", _formula(d["reference"])))
        if d.get("returns", "number") != "number":
            kw.append(("returns", _lit(d["returns"])))
        cases = []
        for c in d["cases"]:
            args = ", ".join(_lit(a) if isinstance(a, str) else repr(a) for a in c["args"])
            args += "," if len(c["args"]) == 1 else ""
            parts = [f"({args})"]
            if "raises" in c:
                parts.append(f"raises={c['raises']}")
            if "why" in c:
                parts.append(f"why={_lit(c['why'])}")
            if "expect" in c:
                e = c["expect"]
                hidden = hiding.hide_text(i, e) if isinstance(e, str) else hiding.hide_number(i, float(e))
                parts.append(f"expect={_lit(hidden)}")
            cases.append(f"Case({', '.join(parts)})")
        kw.append(("cases", _tuple(cases, ind)))
        tolerances()
        mistakes()
    elif spec.kind == "predict then simulate":
        kw.append(("choices", _mapping(options, ind)))
        needs.update(_roots(d["simulate"]) & {"factors", "tasks", "math"})
        kw.append(("simulate", _formula(d["simulate"])))
        if "reflect" in d:
            kw.append(("reflect", _string(d["reflect"], ind, ind + 8)))
    if d.get("hints"):
        kw.append(("hints", _tuple([_string(h, ind + 4) for h in d["hints"]], ind)))
    if d.get("explanation"):
        kw.append(("explanation", _hidden(hiding.hide_text(i, d["explanation"].strip()), ind)))
    body = "\n".join(f"{' ' * ind}{k}={v}," for k, v in kw)
    return f"    {_CLASSES[spec.kind]}(\n{body}\n    ),", needs


def bank_module(source: Source) -> str:
    """The text of the bank module a source generates (``mgdlearn/exercises/bank/exNN.py`` or ``lessonNN.py``)."""
    calls, needs = [], set()
    for spec in source.exercises:
        code, n = _exercise_code(spec)
        calls.append(code)
        needs |= n
    rel = (SOURCES if source.collection == "exercises" else CHECKS).relative_to(ROOT) / source.path.name
    if source.collection == "exercises":
        what = f"Exercise notebook {source.number}: {source.title} (``exercises/{source.stem}.ipynb``)."
    else:
        what = f"Concept checks of lesson {source.number}: {source.title} (``lessons/{source.stem}.ipynb``)."
    generated = (f"Generated by ``scripts/build_exercises.py`` from ``{rel.as_posix()}``: do not edit this file, "
                 "edit the source and run the build. Exact answers are stored as salted digests and hidden values "
                 "(:mod:`mgdlearn.exercises.hiding`), so reading this file does not show them.")
    paragraphs = [what] + ([source.about] if source.about else []) + [generated]
    doc = '"""' + _wrap("\n\n".join(paragraphs), 100) + '\n"""\n'
    kinds = sorted(n for n in needs if n[0].isupper())
    imports = ["from __future__ import annotations", ""]
    if "math" in needs:
        imports += ["import math", ""]
    modules = sorted(n for n in needs if n in ("factors", "tasks"))
    if modules:
        imports.append(f"from mgdlearn.exercises import {', '.join(modules)}")
    line = f"from mgdlearn.exercises.kinds import {', '.join(kinds)}"
    if len(line) > _WIDTH:
        line = "from mgdlearn.exercises.kinds import (\n" + "".join(f"    {k},\n" for k in kinds) + ")"
    imports.append(line)
    return (doc + "\n".join(imports) + f"\n\nTITLE = {_lit(source.title)}\n\nEXERCISES = (\n"
            + "\n".join(calls) + "\n)\n")


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n\n".join(textwrap.fill(p, width) for p in text.split("\n\n"))


def bank_path(source: Source) -> Path:
    """Where a source's bank module lives."""
    return BANK / f"{source.module}.py"


def load_bank(text: str, name: str = "generated_bank") -> Any:
    """Run a generated bank module's text as a module (to validate it without writing it)."""
    import types

    module = types.ModuleType(name)
    exec(compile(text, f"<{name}>", "exec"), module.__dict__)  # noqa: S102 - our own generated code
    return module


def validate_references(source: Source) -> None:
    """Every ``factors.X`` / ``tasks.X`` a formula names exists (caught at build time, not at a student's check).

    Raises
    ------
    SourceError
        Naming the exercise and the missing function.
    """
    from mgdlearn.exercises import factors, tasks

    modules = {"factors": factors, "tasks": tasks}
    for spec in source.exercises:
        d = spec.data
        formulas = [d.get("answer") if spec.kind == "numeric" else None, d.get("reference"), d.get("simulate"),
                    *[m["wrong"] for m in d.get("mistakes", {}).values()]]
        for expr in (f for f in formulas if isinstance(f, str)):
            parse_expression(expr, spec.where, extra=frozenset({"t"}))
            for node in ast.walk(ast.parse(expr.strip(), mode="eval")):
                if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules:
                    if not hasattr(modules[node.value.id], node.attr):
                        raise SourceError(f"{spec.where}: {spec.id}: mgdlearn.exercises.{node.value.id} has no "
                                          f"{node.attr!r} (used in {expr!r})")


# --------------------------------------------------------------------------------------------
# lessons: only the tagged concept-check cells
# --------------------------------------------------------------------------------------------
def lesson_path(source: Source) -> Path:
    """The lesson notebook whose concept checks a ``lessons/checks`` source holds."""
    return LESSONS / f"{source.stem}.ipynb"


def lesson_cells(source: Source) -> list[tuple[str, str, str, str]]:
    """``(role, id, cell type, text)`` of every concept-check cell, in source order."""
    out = []
    for spec in source.exercises:
        for role in ("question", "check"):
            (cell,) = source.cells_of(spec.id, role)
            out.append((role, spec.id, cell.cell_type, cell.source))
    return out


def _tag(cell: Any) -> tuple[str, str] | None:
    meta = cell.metadata.get(META)
    if isinstance(meta, dict):
        for role in ("question", "check"):
            if role in meta:
                return role, str(meta[role])
    return None


def sync_lesson(source: Source, nb: Any) -> tuple[list[str], bool]:
    """Make the lesson's concept-check cells match the source, in place.

    Returns
    -------
    (changes, code_changed)
        What was changed (empty if nothing), and whether a code cell changed (then the lesson
        must be re-executed).
    """
    import nbformat

    changes: list[str] = []
    code_changed = False
    wanted = lesson_cells(source)
    keys = {(r, i) for r, i, _, _ in wanted}
    for cell in list(nb.cells):
        tag = _tag(cell)
        if tag is not None and tag not in keys:
            nb.cells.remove(cell)
            changes.append(f"removed the {tag[0]} cell of {tag[1]} (not in {source.path.name})")
            code_changed |= cell.cell_type == "code"
    last = -1
    for role, exercise_id, cell_type, text in wanted:
        found = [n for n, c in enumerate(nb.cells) if _tag(c) == (role, exercise_id)]
        if len(found) > 1:
            raise SourceError(f"{source.stem}.ipynb: {len(found)} cells are tagged {role}={exercise_id}; keep one")
        if found:
            n = found[0]
            cell = nb.cells[n]
            if cell.cell_type != cell_type or cell.source != text:
                new = (nbformat.v4.new_markdown_cell(text) if cell_type == "markdown" else
                       nbformat.v4.new_code_cell(text))
                new.id, new.metadata = cell.id, cell.metadata
                if cell_type == "code" and cell.cell_type == "code":
                    new.outputs, new.execution_count = cell.outputs, cell.execution_count
                nb.cells[n] = new
                changes.append(f"updated the {role} cell of {exercise_id}")
                code_changed |= cell_type == "code" or cell.cell_type == "code"
            last = n
        else:
            new = nbformat.v4.new_markdown_cell(text) if cell_type == "markdown" else nbformat.v4.new_code_cell(text)
            new.id = f"{role}-{exercise_id.replace('.', '-')}"
            new.metadata[META] = {role: exercise_id}
            last = last + 1 if last >= 0 else len(nb.cells)
            nb.cells.insert(last, new)
            changes.append(f"added the {role} cell of {exercise_id} (move it where it belongs in the lesson)")
            code_changed |= cell_type == "code"
    return changes, code_changed


# --------------------------------------------------------------------------------------------
# running notebooks
# --------------------------------------------------------------------------------------------
def execute(path: Path) -> float:
    """Execute a notebook in place in a fresh kernel (progress goes to a throw-away file); return seconds."""
    import run_notebooks

    with tempfile.TemporaryDirectory() as tmp:
        old = os.environ.get("MGDLEARN_PROGRESS")
        os.environ["MGDLEARN_PROGRESS"] = str(Path(tmp) / "progress.json")
        try:
            return run_notebooks.execute(path)
        finally:
            if old is None:
                os.environ.pop("MGDLEARN_PROGRESS", None)
            else:
                os.environ["MGDLEARN_PROGRESS"] = old


# --------------------------------------------------------------------------------------------
# command line
# --------------------------------------------------------------------------------------------
def all_sources() -> list[Path]:
    """Every source: exercise notebooks, then lessons' concept checks."""
    return sorted(SOURCES.glob("[0-9][0-9]_*.py")) + sorted(CHECKS.glob("[0-9][0-9]_*.py"))


def _selected(paths: list[Path], which: Sequence[str]) -> list[Path]:
    if not which:
        return paths
    out = []
    for p in paths:
        number, kind = p.name[:2], "ex" if p.parent == SOURCES else "lesson"
        if any(w.zfill(2) == number or w in (f"{kind}{number}", p.stem, p.name) for w in which):
            out.append(p)
    return out


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _write(path: Path, text: str) -> bool:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def check_all(paths: Sequence[Path]) -> list[str]:
    """What is out of date (empty if everything generated matches its source)."""
    import nbformat

    stale: list[str] = []
    sources = [read(p) for p in paths]
    for source in sources:
        validate_references(source)
        module = bank_path(source)
        if not module.exists() or module.read_text(encoding="utf-8") != bank_module(source):
            stale.append(f"{_rel(module)} (from {_rel(source.path)})")
        if source.collection == "exercises":
            for path, instructor in zip(notebook_paths(source), (False, True)):
                if not path.exists() or cell_summary(nbformat.read(path, as_version=4)) != cell_summary(
                        notebook(source, instructor=instructor)):
                    stale.append(f"{_rel(path)} (from {_rel(source.path)})")
        else:
            path = lesson_path(source)
            if not path.exists():
                stale.append(f"{_rel(path)} is missing (for {_rel(source.path)})")
                continue
            changes, _ = sync_lesson(source, nbformat.read(path, as_version=4))
            stale += [f"{_rel(path)}: {c}" for c in changes]
    if set(paths) == set(all_sources()):
        made = {bank_path(s).name for s in sources}
        for orphan in sorted(BANK.glob("*.py")):
            if re.fullmatch(r"(ex|lesson)\d\d\.py", orphan.name) and orphan.name not in made:
                stale.append(f"{_rel(orphan)} has no source (add one, or delete the module)")
    return stale


def build(paths: Sequence[Path], *, execute_notebooks: bool = True) -> None:
    """Write every artefact of ``paths``; execute the student notebooks and changed lessons."""
    import nbformat

    sources = [read(p) for p in paths]
    for source in sources:
        validate_references(source)
        text = bank_module(source)
        load_bank(text, source.module)  # the generated module must at least import and construct
        if _write(bank_path(source), text):
            print(f"wrote {bank_path(source).relative_to(ROOT)}")
    for source in sources:  # banks first: the notebooks import them when they run
        if source.collection == "exercises":
            student_path, instructor_path = notebook_paths(source)
            instructor = notebook(source, instructor=True)
            nbformat.validate(instructor)
            instructor_path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(instructor, instructor_path)
            student = notebook(source, instructor=False)
            nbformat.validate(student)
            nbformat.write(student, student_path)
            if execute_notebooks:
                seconds = execute(student_path)
                print(f"{seconds:6.1f} s  executed {student_path.relative_to(ROOT)}")
            print(f"wrote {student_path.relative_to(ROOT)} and {instructor_path.relative_to(ROOT)}")
        else:
            path = lesson_path(source)
            nb = nbformat.read(path, as_version=4)
            changes, code_changed = sync_lesson(source, nb)
            if not changes:
                continue
            nbformat.write(nb, path)
            for c in changes:
                print(f"{path.relative_to(ROOT)}: {c}")
            if code_changed and execute_notebooks:
                seconds = execute(path)
                print(f"{seconds:6.1f} s  executed {path.relative_to(ROOT)}")
            elif code_changed:
                print(f"  re-run it: python scripts/run_notebooks.py {path.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("which", nargs="*", help="01 ... 06 (both kinds), ex03, lesson01, or a source's name")
    parser.add_argument("--no-execute", action="store_true", help="do not run the notebooks")
    parser.add_argument("--check", action="store_true", help="only report what is out of date (exit 1 if any)")
    args = parser.parse_args(argv)
    paths = _selected(all_sources(), args.which)
    if not paths:
        print(f"no source matches {args.which}; sources: {', '.join(p.name for p in all_sources())}",
              file=sys.stderr)
        return 2
    try:
        if args.check:
            stale = check_all(paths)
            for line in stale:
                print(f"out of date: {line}")
            if stale:
                print("run: python scripts/build_exercises.py", file=sys.stderr)
            return 1 if stale else 0
        start = time.perf_counter()
        build(paths, execute_notebooks=not args.no_execute)
        print(f"done in {time.perf_counter() - start:.0f} s")
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a notebook that fails to run: say which, without nbclient's traceback wall
        if type(exc).__name__ != "CellExecutionError":
            raise
        lines = [line for line in str(exc).splitlines() if line.strip()]
        print(f"error: a notebook failed to run: {lines[-1] if lines else exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
