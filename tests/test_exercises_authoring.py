"""Adding an exercise is editing one source file: a throwaway source, built end to end.

A temporary ``07_throwaway.py`` (an exercise notebook) and ``07_throwaway_lesson.py`` (a lesson's
concept checks) go through the same build as the course: student notebook, nbgrader instructor
notebook, bank module and lesson cells; the generated bank then checks the instructor solution
(correct, and the hidden nbgrader tests pass), the blank student version (not answered) and listed
mistakes (their own feedback).
"""
from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import build_exercises as build  # noqa: E402

from mgdlearn.exercises.checker import Checker  # noqa: E402
from mgdlearn.exercises.result import Verdict  # noqa: E402

EXERCISE_SOURCE = '''\
# %% [markdown]
# # Exercises 7: A throwaway notebook
#
# Built by a test.

# %% [raw] spec="notebook"
# about: A test notebook (pubchem, via mgdlearn.units).

# %%
from mgdlearn.exercises import check

# %% [markdown] question="ex7.1"
# ## ex7.1 Which organ? (1 point)
#
# Which organ makes 25(OH)D?
#
# - **a** the skin
# - **b** the liver
# - **c** the kidney

# %% [raw] spec="ex7.1"
# kind: multiple choice
# answer: b
# feedback:
#   c: The kidney makes calcitriol from 25(OH)D, the second step.
# hints:
#   - Two steps; this is the first.
# explanation: The liver hydroxylates vitamin D at carbon 25.

# %% answer="ex7.1"
answer_7_1 = None
### BEGIN SOLUTION
answer_7_1 = "b"
### END SOLUTION

# %% check="ex7.1"
check("ex7.1", answer_7_1)

# %% [markdown] question="ex7.2"
# ## ex7.2 Absorbed magnesium (2 points)
#
# Someone eats 300 mg of magnesium a day and absorbs 35 % of it. How many mg a day is that?

# %% [raw] spec="ex7.2"
# kind: numeric
# answer: 300 * 0.35
# unit: mg/day
# rel_tol: 0.01
# mistakes:
#   part not absorbed:
#     wrong: 300 - t
#     feedback: That is the part that is *not* absorbed.
# hints:
#   - 35 % is 0.35 of the intake.

# %% answer="ex7.2"
answer_7_2 = None
### BEGIN SOLUTION
answer_7_2 = 300 * 0.35
### END SOLUTION

# %% check="ex7.2"
check("ex7.2", answer_7_2)

# %% [markdown] question="ex7.3"
# ## ex7.3 A converter (2 points)
#
# Write `to_nmol(value)`: 25(OH)D from ng/mL to nmol/L; raise `ValueError` for a negative value.

# %% [raw] spec="ex7.3"
# kind: function
# name: to_nmol
# reference: tasks.ng_ml_to_nmol_l
# cases:
#   - args: [20]
#   - args: [0]
#     why: zero converts to zero
#   - args: [-1]
#     raises: ValueError
#     why: a concentration cannot be negative
# mistakes:
#   divided by the factor:
#     wrong: t / factors.nmol_per_ng_25ohd() ** 2
#     feedback: You divided by 2.496; multiply.

# %% answer="ex7.3"
def to_nmol(value):
    ### BEGIN SOLUTION
    if value < 0:
        raise ValueError("negative")
    return value * 2.496
    ### END SOLUTION

# %% check="ex7.3"
check("ex7.3", to_nmol)

# %% [markdown] question="ex7.4"
# ## ex7.4 The kidney's enzyme (1 point)
#
# Give the CYP code of the enzyme that makes calcitriol.

# %% [raw] spec="ex7.4"
# kind: short answer
# answer: [CYP27B1, 1-alpha-hydroxylase]
# feedback:
#   CYP2R1: CYP2R1 works in the liver, the first step.

# %% answer="ex7.4"
answer_7_4 = None
### BEGIN SOLUTION
answer_7_4 = "CYP27B1"
### END SOLUTION

# %% check="ex7.4"
check("ex7.4", answer_7_4)
'''

LESSON_SOURCE = '''\
# %% [raw] spec="notebook"
# title: A throwaway lesson

# %% [markdown] question="L7.1"
# **Question 1 (L7.1).** Is a normal serum magnesium proof of full stores?
#
# - a) yes
# - b) no

# %% [raw] spec="L7.1"
# kind: multiple choice
# answer: b
# feedback:
#   a: Serum holds under 1 % of the body's magnesium.

# %% check="L7.1"
check("L7.1", None)

# %% [markdown] question="L7.2"
# **Question 2 (L7.2).** 20 ng/mL of 25(OH)D in nmol/L?

# %% [raw] spec="L7.2"
# kind: numeric
# answer: 20 * factors.nmol_per_ng_25ohd()
# unit: nmol/L
# analyte: 25ohd
# rel_tol: 0.01

# %% check="L7.2"
check("L7.2", None)
'''


@pytest.fixture(autouse=True)
def _no_saving(monkeypatch):
    monkeypatch.setenv("MGDLEARN_PROGRESS", "off")


def _install(monkeypatch: pytest.MonkeyPatch, text: str, module: str) -> object:
    """Load a generated bank module and make ``mgdlearn.exercises.bank`` find it (as ``check`` and
    nbgrader's ``grade`` do) for this test only."""
    mod = build.load_bank(text, f"mgdlearn.exercises.bank.{module}")
    monkeypatch.setitem(sys.modules, f"mgdlearn.exercises.bank.{module}", mod)
    return mod


def _run(nb: object) -> str:
    """Run a notebook's code cells in-process; return what they printed."""
    namespace: dict[str, object] = {"__name__": "__notebook__"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for cell in nb.cells:  # type: ignore[attr-defined]
            if cell.cell_type == "code":
                exec(compile(cell.source, "<cell>", "exec"), namespace)
    return out.getvalue()


def test_a_new_exercise_notebook_is_built_from_one_source_end_to_end(tmp_path, monkeypatch):
    import nbformat

    path = tmp_path / "07_throwaway.py"
    path.write_text(EXERCISE_SOURCE, encoding="utf-8")
    source = build.read(path)
    assert [e.id for e in source.exercises] == ["ex7.1", "ex7.2", "ex7.3", "ex7.4"]
    student, instructor = build.notebook(source, instructor=False), build.notebook(source, instructor=True)
    nbformat.validate(student)
    nbformat.validate(instructor)

    # the student notebook: the question, blank answers, no solutions, no checker spec
    text = "\n".join(c.source for c in student.cells)
    assert "Which organ makes 25(OH)D?" in text and "BEGIN SOLUTION" not in text and "kind:" not in text
    assert 'answer_7_1 = "b"' not in text and "return value * 2.496" not in text
    # the instructor notebook: nbgrader cells with the heading's points and hidden tests
    graded = {c.metadata["nbgrader"]["grade_id"]: c for c in instructor.cells
              if c.metadata.get("nbgrader", {}).get("grade")}
    assert {k: c.metadata["nbgrader"]["points"] for k, c in graded.items()} == {
        "check-ex7_1": 1, "check-ex7_2": 2, "check-ex7_3": 2, "check-ex7_4": 1}
    assert "assert grade('ex7.3', to_nmol)" in graded["check-ex7_3"].source

    # the bank module: answers not in plain sight
    bank_text = build.bank_module(source)
    assert 'answer="b"' not in bank_text and "CYP27B1" not in bank_text and "105" not in bank_text
    assert "hydroxylates vitamin D at carbon 25" not in bank_text  # the explanation is hidden
    assert "The kidney makes calcitriol from 25(OH)D" in bank_text  # feedback for a wrong option stays readable
    mod = _install(monkeypatch, bank_text, "ex07")
    assert mod.TITLE == "A throwaway notebook" and [e.points for e in mod.EXERCISES] == [1, 2, 2, 1]
    (question,) = [c for c in student.cells if c.metadata.get("mgdlearn") == {"question": "ex7.1"}]
    assert mod.EXERCISES[0].prompt == question.source.split("\n", 1)[1].strip()  # what the notebook shows

    # the instructor solution is accepted, its hidden nbgrader tests pass; the student version is blank
    shown = _run(instructor)
    assert all(f"✔ ex7.{n}: Correct" in shown for n in range(1, 5)), shown
    assert "Why: The liver hydroxylates vitamin D at carbon 25." in shown
    shown = _run(student)
    assert shown.count("Not answered yet") == 4, shown

    # listed mistakes get their own feedback
    checker = Checker(save=False, time_limit_s=1.0)
    res = checker.result("ex7.2", 195)
    assert res.verdict is Verdict.INCORRECT and res.message == "That is the part that is *not* absorbed."
    assert mod.EXERCISES[1].mistakes[0].name == "part not absorbed"
    res = checker.result("ex7.1", "c")
    assert "The kidney makes calcitriol from 25(OH)D, the second step." in res.message
    res = checker.result("ex7.3", lambda v: v / 2.496 if v >= 0 else (_ for _ in ()).throw(ValueError()))
    assert res.verdict is Verdict.INCORRECT and res.message.endswith("You divided by 2.496; multiply.")
    assert checker.result("ex7.4", "1α-hydroxylase").correct
    assert checker.result("ex7.4", "cyp2r1").message == "CYP2R1 works in the liver, the first step."


def test_a_lessons_concept_checks_update_only_their_tagged_cells(tmp_path, monkeypatch):
    import nbformat

    path = tmp_path / "07_throwaway_lesson.py"
    path.write_text(LESSON_SOURCE, encoding="utf-8")
    source = build.read(path)
    assert source.collection == "concept checks" and source.module == "lesson07"

    lesson = nbformat.v4.new_notebook()
    intro = nbformat.v4.new_markdown_cell("# Lesson 7 · Throwaway\n\nHand-written prose.")
    code = nbformat.v4.new_code_cell("x = 1\nx", execution_count=1,
                                     outputs=[nbformat.v4.new_output("execute_result", {"text/plain": "1"},
                                                                     execution_count=1)])
    question = nbformat.v4.new_markdown_cell("**Question 1 (L7.1).** An old wording.")
    question.metadata["mgdlearn"] = {"question": "L7.1"}
    check = nbformat.v4.new_code_cell('check("L7.1", None)')
    check.metadata["mgdlearn"] = {"check": "L7.1"}
    outro = nbformat.v4.new_markdown_cell("**Next:** lesson 8.")
    lesson.cells = [intro, code, question, check, outro]
    untouched = [nbformat.from_dict(dict(c)) for c in (intro, code, outro)]

    changes, code_changed = build.sync_lesson(source, lesson)
    assert changes == ["updated the question cell of L7.1",
                       "added the question cell of L7.2 (move it where it belongs in the lesson)",
                       "added the check cell of L7.2 (move it where it belongs in the lesson)"]
    assert code_changed  # a new check cell: the lesson needs running
    kinds = [(c.cell_type, c.metadata.get("mgdlearn")) for c in lesson.cells]
    assert kinds == [("markdown", None), ("code", None), ("markdown", {"question": "L7.1"}),
                     ("code", {"check": "L7.1"}), ("markdown", {"question": "L7.2"}), ("code", {"check": "L7.2"}),
                     ("markdown", None)]
    assert [lesson.cells[i] for i in (0, 1, 6)] == untouched  # the rest of the lesson is left alone
    assert lesson.cells[2].source.startswith("**Question 1 (L7.1).** Is a normal serum magnesium")
    assert build.sync_lesson(source, lesson) == ([], False)  # now in step

    _install(monkeypatch, build.bank_module(source), "lesson07")
    checker = Checker(save=False)
    assert checker.result("L7.1", "b").correct
    assert checker.result("L7.1", "a").message.endswith("Serum holds under 1 % of the body's magnesium.")
    assert checker.result("L7.2", "20 ng/mL").correct
