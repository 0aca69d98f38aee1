"""Reading exercise sources: a malformed source gets a message naming the file, the cell and what is allowed."""
from __future__ import annotations

import pytest

from mgdlearn.exercises.sources import SourceError, constant_value, load_yaml, parse_options, read

GOOD = '''\
# %% [markdown]
# # Exercises 8: Format tests

# %% [markdown] question="ex8.1"
# ## ex8.1 A choice (1 point)
#
# Which one?
#
# - **a** this
# - **b** that

# %% [raw] spec="ex8.1"
# kind: multiple choice
# answer: a
# feedback:
#   b: Not that one.

# %% answer="ex8.1"
answer_8_1 = None
### BEGIN SOLUTION
answer_8_1 = "a"
### END SOLUTION

# %% check="ex8.1"
check("ex8.1", answer_8_1)
'''


def _read(tmp_path, text, name="08_format.py"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read(path)


def test_a_good_source_reads_into_its_exercise(tmp_path):
    source = _read(tmp_path, GOOD)
    (spec,) = source.exercises
    assert (source.module, source.title, spec.id, spec.title, spec.points) == (
        "ex08", "Format tests", "ex8.1", "A choice", 1)
    assert spec.options == (("a", "this"), ("b", "that"))
    assert spec.prompt.startswith("Which one?") and spec.stem == "Which one?"
    assert [c.role for c in source.cells] == ["", "question", "spec", "answer", "check"]
    assert source.cells[2].line == 12  # messages can point at the line


@pytest.mark.parametrize("edit,message", [
    (("# # Exercises 8: Format tests", "Just text"), "first cell of an exercise notebook is markdown"),
    (("## ex8.1 A choice (1 point)", "## ex8.1 A choice"), r"starts with the heading '## ex8.1 <title> \(N points\)'"),
    (("kind: multiple choice", "kind: essay"), "kind must be one of multiple choice, multiple select"),
    (("# answer: a\n", "# answer: a\n# colour: red\n"), "unknown key colour"),
    (("# answer: a\n", "# answer: c\n"), r"answer names 'c'.*the options are \['a', 'b'\]"),
    (("#   b: Not that one.", "#   a: Right, but shown?"), "feedback for the right option 'a' is never shown"),
    (("#   b: Not that one.", "#   b: Not that one.\n#   b: Again."), "the key 'b' appears twice"),
    (('check("ex8.1", answer_8_1)', 'check("ex8.2", answer_8_1)'), r'calls check\("ex8.1", ...\)'),
    (('# %% check="ex8.1"', '# %% check="ex9.1"'), "ex9.1 does not belong in file 08"),
    (("- **b** that", "- that"), "lists its options in the question"),
    (("feedback:\n#   b: Not that one.", "feedback: [b]"), "feedback maps an option"),
    (("#   b: Not that one.", "#   b: Not: that one."), "not valid YAML"),
    (('# %% [raw] spec="ex8.1"', '# %% spec="ex8.1"'), "a spec cell is a raw cell"),
])
def test_malformed_sources_are_refused_with_a_message(tmp_path, edit, message):
    old, new = edit
    assert old in GOOD
    with pytest.raises(SourceError, match=message):
        _read(tmp_path, GOOD.replace(old, new))


def test_an_exercise_without_its_check_cell_is_refused(tmp_path):
    text = GOOD.split('# %% check="ex8.1"')[0]
    with pytest.raises(SourceError, match=r'ex8.1 needs exactly one check cell'):
        _read(tmp_path, text)


NUMERIC = '''\
# %% [markdown]
# # Exercises 8: Numbers

# %% [markdown] question="ex8.1"
# ## ex8.1 A number (1 point)
#
# How much?

# %% [raw] spec="ex8.1"
# kind: numeric
# answer: 75 / factors.nmol_per_ng_25ohd()
# unit: ng/mL
# mistakes:
#   forgot the factor:
#     wrong: t * 2.496
#     feedback: Divide by 2.496.

# %% answer="ex8.1"
answer_8_1 = None

# %% check="ex8.1"
check("ex8.1", answer_8_1)
'''


@pytest.mark.parametrize("edit,message", [
    (("answer: 75 / factors.nmol_per_ng_25ohd()", "answer: os.system('x')"), r"uses 'os'; a formula may use only"),
    (("answer: 75 / factors.nmol_per_ng_25ohd()", "answer: 75 / (x for x in y)"), "one plain expression"),
    (("answer: 75 / factors.nmol_per_ng_25ohd()", "answer: factors._private()"), "private name"),
    (("answer: 75 / factors.nmol_per_ng_25ohd()", "answer: 75 /"), "is not a Python expression"),
    (("#     feedback: Divide by 2.496.\n", ""), "mistake 'forgot the factor' has 'wrong' and 'feedback'"),
    (("# unit: ng/mL\n", ""), "missing unit"),
    (("#     wrong: t * 2.496", "#     wrong: s * 2.496"), "uses 's'"),
])
def test_formulas_use_only_the_documented_names(tmp_path, edit, message):
    old, new = edit
    assert old in NUMERIC
    with pytest.raises(SourceError, match=message):
        _read(tmp_path, NUMERIC.replace(old, new))


def test_ordering_feedback_keys_are_wrong_orders_of_every_step(tmp_path):
    text = GOOD.replace("# kind: multiple choice\n# answer: a\n# feedback:\n#   b: Not that one.",
                        "# kind: ordering\n# answer: [a, b]\n# feedback:\n#   b, a: Reversed.")
    assert _read(tmp_path, text).exercises[0].data["feedback"] == {"b, a": "Reversed."}
    with pytest.raises(SourceError, match="a wrong order of all steps"):
        _read(tmp_path, text.replace("#   b, a: Reversed.", "#   a: Short."))


def test_concept_checks_need_a_title_and_name_their_id(tmp_path):
    lesson = '''\
# %% [raw] spec="notebook"
# title: A lesson

# %% [markdown] question="L8.1"
# **Question 1 (L8.1).** Which?
#
# - a) this
# - b) that

# %% [raw] spec="L8.1"
# kind: multiple choice
# answer: a

# %% check="L8.1"
check("L8.1", None)
'''
    source = _read(tmp_path, lesson)
    assert (source.collection, source.module, source.title) == ("concept checks", "lesson08", "A lesson")
    with pytest.raises(SourceError, match="the concept checks need a title"):
        _read(tmp_path, lesson.replace("# title: A lesson", "# about: no title"))
    with pytest.raises(SourceError, match="the question names its id"):
        _read(tmp_path, lesson.replace("(L8.1).", "."))
    with pytest.raises(SourceError, match="concept checks have no answer cell"):
        _read(tmp_path, lesson.replace('# %% check="L8.1"', '# %% answer="L8.1"\nx = 1\n\n# %% check="L8.1"'))


def test_yaml_keeps_yes_and_no_as_text_and_numbers_as_numbers():
    data = load_yaml("a: no\nb: yes\nc: on\nd: true\ne: 0.01\nf: [45, 10.0]\ng: 1.0e-06", "t")
    assert data == {"a": "no", "b": "yes", "c": "on", "d": True, "e": 0.01, "f": [45, 10.0], "g": 1e-06}


def test_options_are_the_listed_items_with_their_continuation_lines():
    options, stem = parse_options('Pick one:\n\n- **a** first\n- **b** a long option\n  that wraps\n\nThen check.')
    assert options == (("a", "first"), ("b", "a long option that wraps"))
    assert stem == "Pick one:\n\nThen check."
    assert parse_options('- `"yes"`: it does\n- `"no"`: it does not')[0] == (("yes", "it does"), ("no", "it does not"))
    assert parse_options("- a) one\n- b) two")[0] == (("a", "one"), ("b", "two"))


def test_a_formula_of_literals_is_computed_at_build_time_and_can_be_hidden():
    assert constant_value("300 * 0.35") == pytest.approx(105.0)
    assert constant_value("1 / (1 - 0.2)") == pytest.approx(1.25)
    assert constant_value("tasks.ex1_7_ohd25_day84()") is None
    assert constant_value("t / 100") is None


def test_a_source_saved_again_by_jupytext_reads_the_same(tmp_path):
    """Authors may open a source as a notebook (JupyterLab with jupytext) and save it: jupytext then
    adds its header and may rewrite cell markers; the source must still read the same."""
    from pathlib import Path

    import jupytext

    original = Path(__file__).resolve().parents[1] / "exercises" / "source" / "05_keeping_both_in_balance.py"
    saved = tmp_path / original.name
    nb = jupytext.read(original)
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    nb.cells[3].metadata["tags"] = ["parameters"]  # what JupyterLab adds when an author tags a cell
    saved.write_text(jupytext.writes(nb, fmt="py:percent"), encoding="utf-8")
    assert saved.read_text(encoding="utf-8").startswith("# ---\n# jupyter:")
    before, after = read(original), read(saved)
    assert [(c.cell_type, c.source, c.role, c.exercise) for c in after.cells] == [
        (c.cell_type, c.source, c.role, c.exercise) for c in before.cells]
    assert after.exercises[4].data == before.exercises[4].data and after.title == before.title


def test_prose_in_a_lessons_checks_source_is_refused(tmp_path):
    text = '''\
# %% [raw] spec="notebook"
# title: A lesson

# %% [markdown]
# Some prose that would be lost.
'''
    with pytest.raises(SourceError, match="prose and other code belong in the lesson notebook"):
        _read(tmp_path, text + '''
# %% [markdown] question="L8.1"
# **L8.1.** Which?
#
# - a) this
# - b) that

# %% [raw] spec="L8.1"
# kind: multiple choice
# answer: a

# %% check="L8.1"
check("L8.1", None)
''')


def _as_case_study(text: str) -> str:
    return text.replace("ex8.1", "case2.1").replace("answer_8_1", "answer_c2_1")


def test_case_study_ids_read_into_the_case_study_module(tmp_path):
    source = _read(tmp_path, _as_case_study(GOOD), name="08_cases.py")
    (spec,) = source.exercises
    assert (source.collection, source.module, spec.id, spec.title) == ("exercises", "ex08", "case2.1", "A choice")


@pytest.mark.parametrize("text,name,message", [
    (_as_case_study(GOOD), "03_cases.py", r"case-study ids \(caseK.M\) belong in the case-study notebook, file 08"),
    (GOOD.replace('# %% check="ex8.1"\ncheck("ex8.1", answer_8_1)',
                  '# %% check="ex8.1"\ncheck("ex8.1", answer_8_1)\n\n' + _as_case_study(GOOD).split("\n\n", 1)[1]),
     "08_mixed.py", r"or the case studies \(caseK.M\)"),
])
def test_case_study_ids_elsewhere_or_mixed_with_others_are_refused(tmp_path, text, name, message):
    with pytest.raises(SourceError, match=message):
        _read(tmp_path, text, name=name)


def test_an_evidence_question_names_a_claim_id_in_a_multiple_choice(tmp_path):
    ok = GOOD.replace("# answer: a\n", "# answer: a\n# claim: mg_cofactor_hydroxylases\n")
    (spec,) = _read(tmp_path, ok).exercises
    assert spec.data["claim"] == "mg_cofactor_hydroxylases"
    with pytest.raises(SourceError, match="claim names the claims.csv row"):
        _read(tmp_path, GOOD.replace("# answer: a\n", "# answer: a\n# claim: Not An Id\n"))
