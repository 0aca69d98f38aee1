"""Read the single source of an exercise notebook or of a lesson's concept checks.

A source is a Python file in jupytext's percent format, so editors, ``jupytext`` and JupyterLab
(with jupytext) open it as a notebook. ``scripts/build_exercises.py`` turns it into everything
else: the student notebook, the nbgrader instructor notebook, the lesson's concept-check cells and
the bank module (:mod:`mgdlearn.exercises.bank`) with the answers digested. ``exercises/README.md``
describes the format for authors; in short, cells are marked by their metadata:

``# %% [markdown] question="ex1.4"``
    The question as students read it (ids ``exN.M``, ``LN.M``, or ``caseK.M`` in the case-study
    notebook). In an exercise notebook it starts with the heading ``## ex1.4 Title (N points)``; choice questions list their options as ``- **a** text``,
    ``- a) text`` or ``- `"key"`: text``.
``# %% [raw] spec="ex1.4"``
    The checker's side in YAML: ``kind``, ``answer``, ``feedback`` per option or wrong answer,
    ``mistakes`` by name, ``hints``, ``explanation`` ... (see :data:`KINDS`).
``# %% answer="ex1.4"``
    Where the student answers (exercise notebooks); the solution sits between
    ``### BEGIN SOLUTION`` and ``### END SOLUTION``.
``# %% check="ex1.4"``
    The check call, ``check("ex1.4", answer_1_4)``.
``# %% [raw] spec="notebook"``
    ``title`` (lessons) and ``about`` (the sources, for the bank module's docstring).

Cells without these keys are copied to the notebook as they are. Formulas (an answer computed from
the model, a typical mistake ``t / 100``) are Python expressions over a small, fixed namespace:
:data:`EXPRESSION_NAMES`.

This module needs ``jupytext`` and ``PyYAML`` (the ``test`` extra); the student runtime never
imports it.
"""
from __future__ import annotations

import ast
import math
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from mgdlearn.exercises.bank import CASE_STUDIES

__all__ = [
    "SourceError",
    "Cell",
    "ExerciseSpec",
    "Source",
    "KINDS",
    "OPTION_KINDS",
    "EXPRESSION_NAMES",
    "read",
    "parse_options",
    "parse_expression",
    "constant_value",
    "order_key",
    "load_yaml",
]

#: The exercise kinds a spec may name -> (required keys, optional keys), besides ``kind``,
#: ``hints`` and ``explanation``.
KINDS: Mapping[str, tuple[frozenset[str], frozenset[str]]] = MappingProxyType({
    "multiple choice": (frozenset({"answer"}), frozenset({"feedback"})),
    "multiple select": (frozenset({"answer"}), frozenset({"feedback"})),
    "ordering": (frozenset({"answer"}), frozenset({"feedback"})),
    "short answer": (frozenset({"answer"}), frozenset({"feedback", "expected"})),
    "numeric": (frozenset({"answer", "unit"}), frozenset({"analyte", "rel_tol", "abs_tol", "mistakes"})),
    "function": (frozenset({"name", "cases"}),
                 frozenset({"reference", "returns", "rel_tol", "abs_tol", "mistakes"})),
    "predict then simulate": (frozenset({"simulate"}), frozenset({"reflect"})),
})

#: Kinds whose options (or predictions) are the list items of the question.
OPTION_KINDS = frozenset({"multiple choice", "multiple select", "ordering", "predict then simulate"})

#: Names a formula may use. ``factors`` and ``tasks`` are :mod:`mgdlearn.exercises.factors` and
#: :mod:`mgdlearn.exercises.tasks`; ``t`` is the right value, in a typical mistake's ``wrong``.
EXPRESSION_NAMES = frozenset({"factors", "tasks", "math", "abs", "min", "max", "round", "float", "int", "sum", "len"})

_COMMON = frozenset({"kind", "hints", "explanation", "claim"})
_CLAIM_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_ROLES = {"question": "markdown", "spec": "raw", "answer": "code", "check": "code"}
_ID = re.compile(r"^(ex|L|case)(\d{1,2})\.(\d{1,2})$")
_HEADING = re.compile(r"^## (?P<id>(?:ex|case)\d+\.\d+) (?P<title>.+?) \((?P<points>\d+) points?\)\s*$")
_OPTION = re.compile(r"^[-*]\s+(?:\*\*(?P<bold>[^*\s]+)\*\*|(?P<paren>[A-Za-z0-9]+)\)|`\"(?P<code>[^\"`]+)\"`:?)"
                     r"\s+(?P<text>\S.*)$")
_CHECK_CALL = re.compile(r"""\bcheck\(\s*["']([^"']+)["']\s*,""")
_EXCEPTIONS = ("ValueError", "TypeError", "ZeroDivisionError", "ArithmeticError", "KeyError", "IndexError")


class SourceError(ValueError):
    """A source file is malformed; the message names the file, the cell and what is allowed."""


@dataclass(frozen=True)
class Cell:
    """One cell of a source.

    Attributes
    ----------
    cell_type : str
        ``"markdown"``, ``"code"`` or ``"raw"``.
    source : str
        The cell's text (instructor form, solutions included).
    role : str
        ``"question"``, ``"spec"``, ``"answer"``, ``"check"`` or ``""`` (a plain cell).
    exercise : str
        The exercise id the cell belongs to (``"notebook"`` for the header spec), else ``""``.
    line : int
        Line of the cell's ``# %%`` marker in the file (0 if unknown).
    """

    cell_type: str
    source: str
    role: str = ""
    exercise: str = ""
    line: int = 0


@dataclass(frozen=True)
class ExerciseSpec:
    """Everything the source says about one exercise.

    Attributes
    ----------
    id : str
        ``"ex1.4"`` or ``"L1.2"``.
    kind : str
        A key of :data:`KINDS`.
    title : str
        The heading's title (exercise notebooks), ``""`` for concept checks.
    points : int
        From the heading ``(N points)``; 1 for concept checks.
    prompt : str
        The question as students read it (the question cell, without the heading).
    stem : str
        The prompt without its list of options (for quiz formats that list options themselves).
    options : tuple of (str, str)
        Option key and text, in the order the question lists them (choice kinds only).
    data : mapping
        The validated YAML spec.
    where : str
        ``"file.py:LINE"`` of the spec cell, for messages.
    """

    id: str
    kind: str
    title: str
    points: int
    prompt: str
    stem: str
    options: tuple[tuple[str, str], ...]
    data: Mapping[str, Any]
    where: str

    def option_keys(self) -> list[str]:
        """The option keys in listed order."""
        return [k for k, _ in self.options]


@dataclass(frozen=True)
class Source:
    """A parsed, validated source file.

    Attributes
    ----------
    path : pathlib.Path
        The file.
    collection : str
        ``"exercises"`` (an exercise notebook) or ``"concept checks"`` (a lesson's checks).
    number : int
        Notebook or lesson number (from the file name ``NN_name.py``).
    title : str
        The bank module's ``TITLE``.
    about : str
        What the exercises draw on (sources), for the bank module's docstring.
    cells : tuple of Cell
        Every cell in order.
    exercises : tuple of ExerciseSpec
        The exercises in order.
    """

    path: Path
    collection: str
    number: int
    title: str
    about: str
    cells: tuple[Cell, ...]
    exercises: tuple[ExerciseSpec, ...]

    @property
    def module(self) -> str:
        """The bank module this source generates (``"ex01"``, ``"lesson01"``)."""
        return f"{'ex' if self.collection == 'exercises' else 'lesson'}{self.number:02d}"

    @property
    def stem(self) -> str:
        """The file name without ``.py`` (the notebook's name)."""
        return self.path.stem

    def cells_of(self, exercise_id: str, role: str) -> list[Cell]:
        """The cells of one exercise with one role."""
        return [c for c in self.cells if c.exercise == exercise_id and c.role == role]


# --------------------------------------------------------------------------------------------
# YAML: a safe loader where only true/false are booleans ("yes"/"no" stay text) and a repeated
# key is an error, not a silent overwrite
# --------------------------------------------------------------------------------------------
def _loader() -> type:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    bool_tag = "tag:yaml.org,2002:bool"
    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != bool_tag]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(bool_tag, re.compile(r"^(?:true|false)$"), list("tf"))

    def mapping(loader: Any, node: Any, deep: bool = False) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in out:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} appears twice", key_node.start_mark)
            out[key] = loader.construct_object(value_node, deep=deep)
        return out

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    return Loader


def load_yaml(text: str, where: str) -> Any:
    """Parse a spec cell.

    Raises
    ------
    SourceError
        With the YAML problem and the line inside the cell.
    """
    import yaml

    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise SourceError(f"{where}: the spec is not valid YAML: {exc}. Texts with ': ' or ' #' in them "
                          "need quotes or a folded block ('>-' and the text indented below).") from None


# --------------------------------------------------------------------------------------------
# options and formulas
# --------------------------------------------------------------------------------------------
def parse_options(prompt: str) -> tuple[tuple[tuple[str, str], ...], str]:
    """The options listed in a question, and the question without them.

    An option is a list item ``- **a** text``, ``- a) text`` or ``- `"key"`: text``; indented
    lines right below it continue its text.

    Returns
    -------
    (options, stem)
        ``((key, text), ...)`` in listed order, and the prompt with the option lines removed.
    """
    options: list[list[str]] = []
    stem: list[str] = []
    in_item = False
    for line in prompt.split("\n"):
        m = _OPTION.match(line)
        if m:
            options.append([m.group("bold") or m.group("paren") or m.group("code"), m.group("text").strip()])
            in_item = True
        elif in_item and line.startswith("  ") and line.strip():
            options[-1][1] += " " + line.strip()
        else:
            in_item = False
            stem.append(line)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(stem)).strip()
    return tuple((k, t) for k, t in options), text


def parse_expression(expr: object, where: str, *, extra: frozenset[str] = frozenset()) -> ast.Expression:
    """Parse a formula and check it uses only :data:`EXPRESSION_NAMES` (and ``extra``).

    Raises
    ------
    SourceError
        If it is not a Python expression, or uses another name or a private attribute.
    """
    if not isinstance(expr, str) or not expr.strip():
        raise SourceError(f"{where}: a formula is a Python expression in text, e.g. 't / 100' or "
                          f"'tasks.ex1_7_ohd25_day84()'; got {expr!r}")
    try:
        tree = ast.parse(expr.strip(), mode="eval")
    except SyntaxError as exc:
        raise SourceError(f"{where}: {expr!r} is not a Python expression ({exc.msg})") from None
    allowed = EXPRESSION_NAMES | extra
    for node in ast.walk(tree):
        if isinstance(node, (ast.Lambda, ast.NamedExpr, ast.comprehension)):
            raise SourceError(f"{where}: {expr!r}: a formula is one plain expression (no lambda, := or loops); "
                              "put longer computations in mgdlearn/exercises/tasks.py")
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id not in allowed:
            raise SourceError(f"{where}: {expr!r} uses {node.id!r}; a formula may use only "
                              f"{', '.join(sorted(allowed))} (add a function to mgdlearn/exercises/tasks.py "
                              "and name it as tasks.<function>)")
        if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            raise SourceError(f"{where}: {expr!r} uses the private name {node.attr!r}")
    return tree


def constant_value(expr: str) -> float | None:
    """The value of a formula that uses no names (``"300 * 0.35"``), else ``None``."""
    tree = ast.parse(expr.strip(), mode="eval")
    if any(isinstance(n, (ast.Name, ast.Call, ast.Attribute)) for n in ast.walk(tree)):
        return None
    value = eval(compile(tree, "<constant>", "eval"), {"__builtins__": {}})  # noqa: S307 - literals only
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def order_key(text: object) -> list[str]:
    """``"b, e, a"`` or ``"b e a"`` -> ``["b", "e", "a"]`` (a typical wrong order, as a feedback key)."""
    return [p for p in re.split(r"[\s,]+", str(text).strip()) if p]


# --------------------------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------------------------
def _marker_lines(text: str) -> list[int]:
    return [i for i, line in enumerate(text.splitlines(), 1) if re.match(r"^# ?%%", line)]


def _role(metadata: Mapping[str, Any], where: str) -> tuple[str, str]:
    found = [(k, v) for k, v in metadata.items() if k in _ROLES]
    if not found:
        return "", ""
    if len(found) > 1:
        raise SourceError(f"{where}: a cell has one role; this one has {', '.join(k for k, _ in found)}")
    role, value = found[0]
    if not isinstance(value, str):
        raise SourceError(f'{where}: write {role}="ID" with the id in quotes, e.g. {role}="ex1.3"')
    return role, value


def read(path: str | Path) -> Source:
    """Read and validate one source file.

    Parameters
    ----------
    path : str or pathlib.Path
        ``exercises/source/NN_name.py`` (an exercise notebook) or ``lessons/checks/NN_name.py``
        (a lesson's concept checks); the collection is told by the ids inside (``exN.M`` or
        ``caseK.M``: exercises; ``LN.M``: concept checks).

    Raises
    ------
    SourceError
        Naming the file, the line of the cell and what is wrong.
    """
    import jupytext

    path = Path(path)
    m = re.match(r"^(\d\d)_", path.name)
    if m is None:
        raise SourceError(f"{path.name}: a source is named NN_name.py (NN the notebook or lesson number)")
    number = int(m.group(1))
    text = path.read_text(encoding="utf-8")
    nb = jupytext.reads(text, fmt="py:percent")
    lines = _marker_lines(text)
    lines = lines if len(lines) == len(nb.cells) else [0] * len(nb.cells)
    cells: list[Cell] = []
    for cell, line in zip(nb.cells, lines):
        where = f"{path.name}:{line}" if line else path.name
        role, exercise = _role(cell.metadata, where)
        if role and cell.cell_type != _ROLES[role]:
            marker = "# %%" if _ROLES[role] == "code" else f"# %% [{_ROLES[role]}]"
            raise SourceError(f"{where}: a {role} cell is a {_ROLES[role]} cell: '{marker} {role}=\"{exercise}\"'")
        if role and not (exercise == "notebook" and role == "spec") and not _ID.match(exercise):
            raise SourceError(f"{where}: {exercise!r} is not an exercise id (ex{number}.1, L{number}.1 ...)")
        cells.append(Cell(cell.cell_type, cell.source, role, exercise, line))

    ids = list(dict.fromkeys(c.exercise for c in cells if c.role and c.exercise != "notebook"))
    prefixes = {_ID.match(i).group(1) for i in ids}  # type: ignore[union-attr]
    if len(prefixes) != 1:
        raise SourceError(f"{path.name}: a source holds the exercises of one notebook (ex{number}.M), the "
                          f"concept checks of one lesson (L{number}.M) or the case studies (caseK.M); "
                          f"found ids {ids or 'none'}")
    collection = "concept checks" if prefixes == {"L"} else "exercises"
    if prefixes == {"case"}:
        if number != CASE_STUDIES:
            raise SourceError(f"{path.name}: case-study ids (caseK.M) belong in the case-study notebook, "
                              f"file {CASE_STUDIES:02d}; ids here are ex{number}.M")
    else:
        for i in ids:
            if int(_ID.match(i).group(2)) != number:  # type: ignore[union-attr]
                raise SourceError(f"{path.name}: {i} does not belong in file {number:02d}; ids here are "
                                  f"{'ex' if collection == 'exercises' else 'L'}{number}.M")

    header = _header(path, cells)
    if collection == "concept checks":
        stray = [c for c in cells if not c.role]
        if stray:
            raise SourceError(f"{path.name}:{stray[0].line}: a lesson's checks source holds only its spec=\"notebook\" "
                              "cell and the question, spec and check cells of each concept check; prose and "
                              "other code belong in the lesson notebook")
    if collection == "exercises":
        first = cells[0] if cells else None
        if first is None or first.cell_type != "markdown" or first.role or not first.source.startswith("# "):
            raise SourceError(f"{path.name}: the first cell of an exercise notebook is markdown starting with "
                              "an H1 title ('# Exercises N: Title')")
        title = header.get("title") or re.sub(r"^Exercises \d+:\s*", "", first.source.split("\n")[0][2:].strip())
    else:
        title = header.get("title", "")
        if not title:
            raise SourceError(f"{path.name}: the concept checks need a title: a cell "
                              "'# %% [raw] spec=\"notebook\"' with 'title: <the lesson title>'")
    exercises = tuple(_exercise(path, cells, i, collection) for i in ids)
    return Source(path, collection, number, str(title), str(header.get("about", "")).strip(), tuple(cells),
                  exercises)


def _header(path: Path, cells: list[Cell]) -> dict[str, Any]:
    heads = [c for c in cells if c.role == "spec" and c.exercise == "notebook"]
    if not heads:
        return {}
    if len(heads) > 1:
        raise SourceError(f"{path.name}: one spec=\"notebook\" cell only")
    where = f"{path.name}:{heads[0].line}"
    data = load_yaml(heads[0].source, where) or {}
    if not isinstance(data, dict) or set(data) - {"title", "about"}:
        raise SourceError(f"{where}: the notebook spec takes 'title' and 'about'; got {data!r:.80}")
    for key, value in data.items():
        if not isinstance(value, str):
            raise SourceError(f"{where}: {key} is text; got {value!r:.60}")
    return data


def _exercise(path: Path, cells: list[Cell], exercise_id: str, collection: str) -> ExerciseSpec:
    own = [(i, c) for i, c in enumerate(cells) if c.exercise == exercise_id]
    by_role: dict[str, list[tuple[int, Cell]]] = {}
    for i, c in own:
        by_role.setdefault(c.role, []).append((i, c))
    needed = ("question", "spec", "answer", "check") if collection == "exercises" else ("question", "spec", "check")
    for role in _ROLES:
        found = by_role.get(role, [])
        if role in needed and len(found) != 1:
            raise SourceError(f"{path.name}: {exercise_id} needs exactly one {role} cell "
                              f"('# %%{' [' + _ROLES[role] + ']' if _ROLES[role] != 'code' else ''} "
                              f"{role}=\"{exercise_id}\"'); found {len(found)}")
        if role not in needed and found:
            raise SourceError(f"{path.name}:{found[0][1].line}: concept checks have no answer cell; the lesson's "
                              f"check cell is check(\"{exercise_id}\", None)")
    order = [by_role[r][0][0] for r in ("question", "answer", "check") if r in needed]
    if order != sorted(order):
        raise SourceError(f"{path.name}: the cells of {exercise_id} come in the order question, "
                          f"{'answer, ' if collection == 'exercises' else ''}check")
    question = by_role["question"][0][1]
    spec_cell = by_role["spec"][0][1]
    where = f"{path.name}:{spec_cell.line}" if spec_cell.line else path.name
    check = by_role["check"][0][1]
    called = _CHECK_CALL.findall(check.source)
    if not called or any(c != exercise_id for c in called):
        raise SourceError(f"{path.name}:{check.line}: the check cell of {exercise_id} calls "
                          f"check(\"{exercise_id}\", ...); found {called or 'no check call'}")

    text = question.source.strip()
    qwhere = f"{path.name}:{question.line}"
    if collection == "exercises":
        first, _, rest = text.partition("\n")
        m = _HEADING.match(first)
        if m is None or m.group("id") != exercise_id:
            raise SourceError(f"{qwhere}: the question of {exercise_id} starts with the heading "
                              f"'## {exercise_id} <title> (N points)'; found {first!r}")
        title, points, prompt = m.group("title"), int(m.group("points")), rest.strip()
    else:
        if exercise_id not in text:
            raise SourceError(f"{qwhere}: the question names its id, e.g. '**Question 1 ({exercise_id}).**', "
                              "so students know what to pass to check() and hint()")
        title, points, prompt = "", 1, text
    if not prompt:
        raise SourceError(f"{qwhere}: the question of {exercise_id} is empty")

    data = load_yaml(spec_cell.source, where)
    if not isinstance(data, dict):
        raise SourceError(f"{where}: the spec of {exercise_id} is a YAML mapping (kind: ..., answer: ...)")
    kind = data.get("kind")
    if kind not in KINDS:
        raise SourceError(f"{where}: {exercise_id}: kind must be one of {', '.join(KINDS)}; got {kind!r}")
    required, optional = KINDS[kind]
    missing = sorted(required - set(data))
    unknown = sorted(set(data) - required - optional - _COMMON)
    if missing or unknown:
        raise SourceError(f"{where}: {exercise_id} ({kind}): "
                          + (f"missing {', '.join(missing)}" if missing else "")
                          + ("; " if missing and unknown else "")
                          + (f"unknown key {', '.join(unknown)} (allowed: {', '.join(sorted(required | optional | _COMMON))})"
                             if unknown else ""))
    options: tuple[tuple[str, str], ...] = ()
    stem = prompt
    if kind in OPTION_KINDS:
        options, stem = parse_options(prompt)
        keys = [k for k, _ in options]
        if len(keys) < 2 or len(set(keys)) != len(keys):
            raise SourceError(f"{qwhere}: {exercise_id} ({kind}) lists its options in the question, one per line, "
                              "as '- **a** text', '- a) text' or '- `\"key\"`: text' (at least two, keys unique); "
                              f"found {keys}")
    spec = ExerciseSpec(exercise_id, str(kind), title, points, prompt, stem, options, MappingProxyType(data), where)
    _validate(spec)
    return spec


def _text(value: object, what: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SourceError(f"{where}: {what} is text; got {value!r:.60}")
    return value


def _number(value: object, what: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise SourceError(f"{where}: {what} is a number of 0 or more; got {value!r:.40}")
    return float(value)


def _keys(value: object, spec: ExerciseSpec, what: str) -> list[str]:
    items = value if isinstance(value, list) else [value]
    keys = [str(k) if isinstance(k, (str, int)) and not isinstance(k, bool) else None for k in items]
    allowed = spec.option_keys()
    bad = [k for k, raw in zip(keys, items) if k not in allowed]
    if bad:
        raise SourceError(f"{spec.where}: {spec.id}: {what} names {value!r:.60}; the options are {allowed}")
    return [k for k in keys if k is not None]


def _validate(spec: ExerciseSpec) -> None:
    d, where, kind = spec.data, spec.where, spec.kind
    hints = d.get("hints", [])
    if not isinstance(hints, list) or not all(isinstance(h, str) and h.strip() for h in hints):
        raise SourceError(f"{where}: {spec.id}: hints is a list of texts ('- first hint')")
    if "explanation" in d:
        _text(d["explanation"], "explanation", where)
    if "claim" in d:  # an evidence-level question: the right option names the level of this claims.csv row
        if kind != "multiple choice" or not isinstance(d["claim"], str) or not _CLAIM_ID.match(d["claim"]):
            raise SourceError(f"{where}: {spec.id}: claim names the claims.csv row (a snake_case id such as "
                              "mg_cofactor_hydroxylases) whose evidence level a multiple-choice question asks for; "
                              f"got {d['claim']!r:.60} in a {kind}")
    feedback = d.get("feedback", {})
    if not isinstance(feedback, dict) or not all(isinstance(v, str) and v.strip() for v in feedback.values()):
        raise SourceError(f"{where}: {spec.id}: feedback maps an option (or a wrong answer) to a text")
    if kind == "multiple choice":
        if not isinstance(d["answer"], (str, int)):
            raise SourceError(f"{where}: {spec.id}: the answer of a multiple choice is one option key")
        (right,) = _keys(d["answer"], spec, "answer")
        wrong = _keys(list(feedback), spec, "feedback")
        if right in wrong:
            raise SourceError(f"{where}: {spec.id}: feedback for the right option {right!r} is never shown; "
                              "put it in the explanation")
    elif kind == "multiple select":
        if not isinstance(d["answer"], list) or not d["answer"]:
            raise SourceError(f"{where}: {spec.id}: the answer of a multiple select is a list of option keys")
        right = _keys(d["answer"], spec, "answer")
        if len(set(right)) != len(right):
            raise SourceError(f"{where}: {spec.id}: an option appears twice in the answer")
        _keys(list(feedback), spec, "feedback")
    elif kind == "ordering":
        right = _keys(d["answer"], spec, "answer") if isinstance(d["answer"], list) else []
        if sorted(right) != sorted(spec.option_keys()):
            raise SourceError(f"{where}: {spec.id}: the answer of an ordering lists every step once, in order; "
                              f"the steps are {spec.option_keys()}")
        for order in feedback:
            keys = order_key(order)
            if sorted(keys) != sorted(right) or keys == right:
                raise SourceError(f"{where}: {spec.id}: a feedback key of an ordering is a wrong order of all "
                                  f"steps, such as '{', '.join(reversed(right))}'; got {order!r}")
    elif kind == "short answer":
        if not isinstance(d["answer"], list) or not d["answer"]:
            raise SourceError(f"{where}: {spec.id}: the answer of a short answer is a list of accepted answers")
        for a in [*d["answer"], *feedback]:
            _text(a, "an accepted or wrong answer", where)
        if "expected" in d:
            _text(d["expected"], "expected (the form of the answer, for messages)", where)
    elif kind == "numeric":
        answer = d["answer"]
        if isinstance(answer, bool) or not isinstance(answer, (int, float, str)):
            raise SourceError(f"{where}: {spec.id}: the answer of a numeric is a number or a formula")
        if isinstance(answer, str):
            parse_expression(answer, f"{where}: {spec.id} answer")
        if not isinstance(d["unit"], str):
            raise SourceError(f"{where}: {spec.id}: unit is text ('nmol/L', or '' for a plain number)")
        if "analyte" in d:
            _text(d["analyte"], "analyte", where)
        _tolerances(d, spec)
        _mistakes(d, spec)
    elif kind == "function":
        if not isinstance(d["name"], str) or not d["name"].isidentifier():
            raise SourceError(f"{where}: {spec.id}: name is the function's name in the notebook")
        if d.get("returns", "number") not in ("number", "text"):
            raise SourceError(f"{where}: {spec.id}: returns is 'number' or 'text'")
        if "reference" in d:
            parse_expression(d["reference"], f"{where}: {spec.id} reference")
        cases = d["cases"]
        if not isinstance(cases, list) or not cases:
            raise SourceError(f"{where}: {spec.id}: cases is a list of calls ('- args: [20]')")
        for case in cases:
            if not isinstance(case, dict) or not isinstance(case.get("args"), list) \
                    or set(case) - {"args", "expect", "raises", "why"}:
                raise SourceError(f"{where}: {spec.id}: each case has args (a list) and may have expect, raises "
                                  f"and why; got {case!r:.80}")
            if "raises" in case and case["raises"] not in _EXCEPTIONS:
                raise SourceError(f"{where}: {spec.id}: raises names one of {', '.join(_EXCEPTIONS)}")
            if "why" in case:
                _text(case["why"], "why", where)
            if "expect" in case and (isinstance(case["expect"], bool)
                                     or not isinstance(case["expect"], (int, float, str))):
                raise SourceError(f"{where}: {spec.id}: expect is a number or a text")
            if "raises" not in case and "expect" not in case and "reference" not in d:
                raise SourceError(f"{where}: {spec.id}: a case without expect needs the exercise's reference "
                                  "(a function computing the right result, e.g. tasks.ng_ml_to_nmol_l)")
        _tolerances(d, spec)
        _mistakes(d, spec)
    elif kind == "predict then simulate":
        parse_expression(d["simulate"], f"{where}: {spec.id} simulate")
        if "reflect" in d:
            _text(d["reflect"], "reflect", where)


def _tolerances(d: Mapping[str, Any], spec: ExerciseSpec) -> None:
    for key in ("rel_tol", "abs_tol"):
        if key in d:
            _number(d[key], key, spec.where)


def _mistakes(d: Mapping[str, Any], spec: ExerciseSpec) -> None:
    mistakes = d.get("mistakes", {})
    if not isinstance(mistakes, dict):
        raise SourceError(f"{spec.where}: {spec.id}: mistakes maps a name to 'wrong' (a formula of t, the right "
                          "value) and 'feedback' (what to tell the student)")
    for name, m in mistakes.items():
        if not isinstance(m, dict) or set(m) != {"wrong", "feedback"}:
            raise SourceError(f"{spec.where}: {spec.id}: mistake {name!r} has 'wrong' and 'feedback'; got {m!r:.80}")
        parse_expression(m["wrong"], f"{spec.where}: {spec.id} mistake {name!r}", extra=frozenset({"t"}))
        _text(m["feedback"], f"the feedback of mistake {name!r}", spec.where)
