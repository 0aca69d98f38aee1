"""Compare what students see from two versions of the exercise bank, answer by answer.

Use it whenever the bank is regenerated in a new way (a new source format, a new generator): it
checks that every exercise still gives the same verdict, message, notes, explanation and hints.

Usage::

    python scripts/compare_bank_behaviour.py --old d12d396          # a git revision of the repository
    python scripts/compare_bank_behaviour.py --old d12d396 --show 20 # print up to 20 differences

The answers tried for every exercise of the current sources: the instructor solution (run from
``exercises/source``), every option, pair of options and order of steps, every accepted and
listed wrong word, the right number and each listed typical mistake, sign, power-of-ten and unit
slips, a number given with a unit, wrong functions for the write-a-function exercises, and bad
input (NaN, lists, dicts, None). Each answer is checked in a fresh checker by both versions, each
in its own process (the old one from ``git archive``); a second pass runs three wrong attempts in a
row to compare the hint ladder. Prompts are compared separately: the bank's prompt is not shown to
students (the notebook shows the question), so a changed prompt is reported, not counted.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import json
import math
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

#: Wrong implementations for the write-a-function exercises (code defining ``f``).
WRONG_FUNCTIONS = {
    "ex1.6": ["def f(v):\n    if v < 0: raise ValueError('neg')\n    return v / 2.496",
              "def f(v):\n    return v * 2.496",
              "def f(v):\n    if v < 0: raise ValueError('neg')\n    return v * 2.4",
              "def f(v):\n    if v < 0: raise ValueError('neg')",
              "def f(v):\n    raise NotImplementedError('stub')",
              "def f(v):\n    while True: pass"],
    "ex3.5": ["import math\ndef f(d, h=15.0):\n    if d < 0 or h <= 0: raise ValueError('bad')\n    return math.exp(-d / h)",
              "def f(d, h=15.0):\n    if d < 0 or h <= 0: raise ValueError('bad')\n    return 1 - 0.5 ** (d / h)",
              "def f(d, h=15.0):\n    return 0.5 ** (d / h)",
              "def f(d, h=15.0):\n    if d < 0: raise ValueError('bad')\n    return 0.5 ** (d / h)"],
    "ex4.3": ["def f(x):\n    if x < 0: raise ValueError('neg')\n    return 'low' if x <= 0.75 else 'high' if x > 0.95 else 'normal'",
              "def f(x):\n    if x < 0: raise ValueError('neg')\n    return 'low' if x < 0.75 else 'high' if x >= 0.95 else 'normal'",
              "def f(x):\n    return 'low' if x < 0.75 else 'high' if x > 0.95 else 'normal'",
              "def f(x):\n    if x < 0: raise ValueError('neg')\n    return 0.85"],
    "ex5.8": ["def f(c, m):\n    if c < 0 or m <= 0: raise ValueError('bad')\n    return m / c if c else 0.0",
              "def f(c, m):\n    return c / m",
              "def f(c, m):\n    if m == 0: raise ValueError('zero')\n    return c / m"],
}

#: Bad input every exercise must refuse the same way (Python literals, built in the worker).
BAD = ["None", "float('nan')", "float('inf')", "[1, 2]", "{'a': 1}", "'banana'", "''", "10 ** 500", "True"]


# --------------------------------------------------------------------------------------------
# answers (built in the current environment, from the current sources and bank)
# --------------------------------------------------------------------------------------------
def _instructor_answers() -> dict[str, list[dict[str, Any]]]:
    """Run every exercise source's instructor cells; return the answer each check cell passes."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_exercises as build

    out: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(build.SOURCES.glob("[0-9][0-9]_*.py")):
        source = build.read(path)
        namespace: dict[str, Any] = {"__name__": "__notebook__"}
        os.environ["MGDLEARN_PROGRESS"] = "off"
        for cell in source.cells:
            if cell.cell_type != "code":
                continue
            if cell.role == "check":
                for exercise_id, expr in build._CHECK.findall(cell.source):
                    value = eval(expr, namespace)  # noqa: S307 - our own sources
                    if callable(value):
                        name = getattr(value, "__name__", "")
                        solution = next(c.source for c in source.cells if c.role == "answer" and c.exercise == exercise_id)
                        out.setdefault(exercise_id, []).append({"code": solution + f"\nf = {name}\n"})
                    else:
                        out.setdefault(exercise_id, []).append({"value": _plain(value)})
            else:
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(compile(cell.source, path.name, "exec"), namespace)  # noqa: S102
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    return value


def build_answers() -> dict[str, list[dict[str, Any]]]:
    """exercise id -> answers: ``{"value": JSON value}``, ``{"expr": Python literal}`` or ``{"code": defines f}``."""
    from mgdlearn.exercises import bank
    from mgdlearn.exercises.kinds import (
        Function,
        MultipleChoice,
        MultipleSelect,
        Numeric,
        Ordering,
        PredictThenSimulate,
        ShortAnswer,
    )

    sys.path.insert(0, str(ROOT / "scripts"))
    import build_exercises as build

    specs = {s.id: s for p in build.all_sources() for s in build.read(p).exercises}
    answers = _instructor_answers()
    for ex in bank.all_exercises():
        out = answers.setdefault(ex.id, [])
        spec = specs[ex.id]
        add = lambda v, out=out: out.append({"value": v})  # noqa: E731
        if isinstance(ex, (MultipleChoice, PredictThenSimulate)):
            keys = list(getattr(ex, "options", None) or ex.choices)
            for k in keys:
                add(k)
                add(k.upper())
                add(f"({k})")
            for _, text in spec.options:
                add(text)
            add("zz")
            add(" ".join(keys[:2]))
            if isinstance(ex, MultipleChoice):
                add(spec.data["answer"])
        elif isinstance(ex, MultipleSelect):
            keys = list(ex.options)
            for n in range(1, len(keys) + 1):
                for combo in itertools.combinations(keys, n):
                    add(list(combo))
            add("".join(spec.data["answer"]))
            add(", ".join(spec.data["answer"]))
            add([spec.option_keys()[0]] * 2)
            add([])
        elif isinstance(ex, Ordering):
            keys = sorted(ex.items)
            for perm in itertools.permutations(keys):
                add(list(perm))
            add(keys[:-1])
            add([keys[0]] * len(keys))
            add(", ".join(spec.data["answer"]))
        elif isinstance(ex, ShortAnswer):
            for word in [*spec.data["answer"], *spec.data.get("feedback", {})]:
                add(word)
                add(word.upper())
                add(f"the {word}.")
            add("42")
            add("liver")
        elif isinstance(ex, Numeric):
            t = ex.target_value()
            for m in ex.mistakes:
                with contextlib.suppress(Exception):
                    add(float(m.wrong(t)))
            for v in (t, -t, 10 * t, t / 10, t * 2.496, t / 2.496, t * 2.4, t / 2.431, 1.5 * t, 0.0, 1e6):
                add(v)
            add(f"{t:.4g}")
            add(f"{t:.4g} {ex.unit}")
            add(f"{t:.4g} nmol/L")
            add(f"{t:.4g} ng/mL")
            add("12,5")
        elif isinstance(ex, Function):
            for code in WRONG_FUNCTIONS.get(ex.id, []):
                out.append({"code": code})
            add(3.0)
        for bad in BAD:
            out.append({"expr": bad})
    return answers


# --------------------------------------------------------------------------------------------
# the worker (runs in either version's environment)
# --------------------------------------------------------------------------------------------
def _answer(a: dict[str, Any]) -> Any:
    if "value" in a:
        return a["value"]
    if "expr" in a:
        return eval(a["expr"], {})  # noqa: S307 - literals of this script
    namespace: dict[str, Any] = {}
    exec(a["code"], namespace)  # noqa: S102
    return namespace["f"]


def _result(res: Any) -> dict[str, Any]:
    return {"verdict": res.verdict.value, "message": res.message, "notes": list(res.notes),
            "explanation": res.explanation, "hints": list(res.hints), "more_hints": res.more_hints,
            "text": res.text(), "html": res.html()}


def _static(ex: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": ex.kind, "points": ex.points, "hints": list(ex.hints),
                           "explanation": ex.explanation_text(), "prompt": ex.prompt}
    for attr in ("options", "items", "choices"):
        if hasattr(ex, attr):
            out[attr] = list(dict(getattr(ex, attr)).items())
    for attr in ("unit", "analyte", "rel_tol", "abs_tol", "expected", "name", "returns", "reflect"):
        if hasattr(ex, attr) and not callable(getattr(ex, attr)):
            out[attr] = getattr(ex, attr)
    return out


def worker(answers_path: str) -> None:
    """Check every answer with this environment's bank; print JSON results."""
    os.environ["MGDLEARN_PROGRESS"] = "off"
    from mgdlearn.exercises import bank
    from mgdlearn.exercises.checker import Checker

    answers = json.loads(Path(answers_path).read_text())
    results: dict[str, Any] = {"static": {}, "checks": {}, "ladder": {}}
    for exercise_id, items in answers.items():
        try:
            results["static"][exercise_id] = _static(bank.get(exercise_id))
        except ValueError as exc:
            results["static"][exercise_id] = {"missing": str(exc)}
            continue
        rows = []
        first_wrong = None
        for a in items:
            res = Checker(save=False, time_limit_s=1.0).result(exercise_id, _answer(a))
            rows.append(_result(res))
            if first_wrong is None and res.verdict.value == "incorrect":
                first_wrong = a
        results["checks"][exercise_id] = rows
        if first_wrong is not None:
            checker = Checker(save=False, time_limit_s=1.0)
            ladder = [_result(checker.result(exercise_id, _answer(first_wrong))) for _ in range(3)]
            ladder.append({"hint": checker.hints(exercise_id).text()})
            results["ladder"][exercise_id] = ladder
    print(json.dumps(results))


# --------------------------------------------------------------------------------------------
# driver
# --------------------------------------------------------------------------------------------
def _run(pythonpath: str, answers: Path) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=pythonpath, MGDLEARN_PROGRESS="off", PYTHONHASHSEED="0")
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", str(answers)],
                          capture_output=True, text=True, env=env, cwd=tempfile.gettempdir(), timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"worker failed ({pythonpath}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    return a == b


def compare(old: dict[str, Any], new: dict[str, Any]) -> tuple[int, int, list[str], list[str]]:
    """(answers compared, answers identical, differences, prompt changes)."""
    total = same = 0
    diffs: list[str] = []
    prompts: list[str] = []
    for exercise_id, static in new["static"].items():
        before = old["static"].get(exercise_id, {"missing": "not in the old bank"})
        for key in sorted(set(static) | set(before)):
            if key == "prompt":
                if static.get(key) != before.get(key):
                    prompts.append(exercise_id)
            elif not _same(static.get(key), before.get(key)):
                diffs.append(f"{exercise_id} {key}: old {before.get(key)!r:.200} | new {static.get(key)!r:.200}")
        for n, (a, b) in enumerate(zip(old["checks"].get(exercise_id, []), new["checks"].get(exercise_id, []))):
            total += 1
            if a == b:
                same += 1
            else:
                diffs.append(f"{exercise_id} answer #{n}: old {a['text']!r:.300}\n{' ' * 8}new {b['text']!r:.300}")
        if old["ladder"].get(exercise_id) != new["ladder"].get(exercise_id):
            diffs.append(f"{exercise_id} hint ladder differs")
    return total, same, diffs, prompts


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; exit status 1 if students would see any difference."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--old", help="git revision of the old bank (e.g. a commit before the change)")
    parser.add_argument("--show", type=int, default=50, help="print at most this many differences")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker)
        return 0
    if not args.old:
        parser.error("--old REV is required")
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "old.tar"
        subprocess.run(["git", "-C", str(ROOT), "archive", "-o", str(archive), args.old, "mgdlearn"], check=True)
        with tarfile.open(archive) as tar:
            tar.extractall(Path(tmp) / "old", filter="data")
        answers = Path(tmp) / "answers.json"
        answers.write_text(json.dumps(build_answers()))
        old = _run(str(Path(tmp) / "old"), answers)
        new = _run(str(ROOT), answers)
    total, same, diffs, prompts = compare(old, new)
    print(f"{len(new['static'])} exercises, {total} answers checked by both versions: {same} identical, "
          f"{total - same} different; {len(diffs)} differences in all (answers, fields, hint ladders).")
    print(f"Bank prompts changed (not shown to students; the notebooks show the question): {len(prompts)}")
    for line in diffs[: args.show]:
        print("  " + line)
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
