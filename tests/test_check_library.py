"""The checking library: every exercise type, feedback that teaches, the hint ladder, bad input.

Exercises here are built in the test (a tiny bank passed to the Checker), so these tests pin the
behaviour of the engine independently of the course's exercise bank.
"""
from __future__ import annotations

import html
import math
import re
from decimal import Decimal
from fractions import Fraction

import pytest

from mgdlearn.errors import InputError
from mgdlearn.exercises import hiding
from mgdlearn.exercises.checker import Checker
from mgdlearn.exercises.kinds import (
    Case,
    Function,
    Mistake,
    MultipleChoice,
    MultipleSelect,
    Numeric,
    Ordering,
    PredictThenSimulate,
    ShortAnswer,
)
from mgdlearn.exercises.result import Verdict


@pytest.fixture(autouse=True)
def _private_progress(tmp_path, monkeypatch):
    monkeypatch.setenv("MGDLEARN_PROGRESS", str(tmp_path / "progress.json"))


def _d(eid: str, text: str, role: str = "answer") -> str:
    return hiding.digest(eid, text, role)


def _ng_to_nmol(x: float) -> float:
    from mgdlearn.units import convert

    return float(convert(x, "ng/mL", "nmol/L", analyte="25ohd"))


def _simulated_winter() -> tuple[str, str]:
    return "falls", "25(OH)D went from 72 to 28 nmol/L."


BANK = {ex.id: ex for ex in (
    Numeric(id="t1.1", prompt="20 ng/mL in nmol/L?", unit="nmol/L", analyte="25ohd",
            target=lambda: _ng_to_nmol(20), rel_tol=0.01,
            mistakes=(Mistake(lambda t: t / 2.496 ** 2, "You divided by 2.496 instead of multiplying."),),
            hints=("1 ng/mL = 2.496 nmol/L.", "Multiply by 2.496.", "20 times 2.496.")),
    Numeric(id="t1.2", prompt="50 µg of vitamin D in IU?", unit="IU", analyte="vitamin_d",
            target=hiding.hide_number("t1.2", 2000.0), rel_tol=0.01,
            hints=("1 µg = 40 IU.",)),
    Numeric(id="t1.3", prompt="Change in 25(OH)D, after minus before?", unit="nmol/L",
            target=hiding.hide_number("t1.3", -44.0), abs_tol=1.0),
    MultipleChoice(id="t2.1", prompt="Which organ makes 25(OH)D?",
                   options={"a": "skin", "b": "liver", "c": "kidney", "d": "gut"},
                   answer=_d("t2.1", "b"),
                   feedback={_d("t2.1", "c"): "The kidney makes calcitriol, the second step; you swapped liver and kidney."},
                   hints=("Two steps; this is the first.", "The first enzyme is CYP2R1.")),
    MultipleSelect(id="t3.1", prompt="What does PTH do when calcium falls?",
                   options={"a": "stimulates CYP27B1", "b": "releases bone calcium", "c": "suppresses CYP27B1",
                            "d": "induces CYP24A1"},
                   answer=(_d("t3.1", "a", "pick"), _d("t3.1", "b", "pick")),
                   feedback={_d("t3.1", "c", "pick"): "PTH stimulates CYP27B1; FGF23 and calcitriol suppress it."}),
    Ordering(id="t4.1", prompt="Order the pathway.",
             items={"a": "liver makes 25(OH)D", "b": "skin makes D3", "c": "kidney makes calcitriol"},
             positions=tuple(_d("t4.1", k, f"pos{i}") for i, k in enumerate("bac")),
             feedback={_d("t4.1", "b,c,a", "order"): "Liver and kidney are swapped: the liver acts first."}),
    ShortAnswer(id="t5.1", prompt="Which enzyme in the kidney makes calcitriol?",
                accepted=tuple(_d("t5.1", a) for a in ("CYP27B1", "1-alpha-hydroxylase")),
                feedback={_d("t5.1", "CYP2R1"): "CYP2R1 is the liver's 25-hydroxylase, the first step."},
                expected="an enzyme name"),
    Function(id="t6.1", prompt="Write ng_to_nmol(x).", name="ng_to_nmol",
             cases=(Case((20.0,)), Case((0.0,), why="zero is a valid concentration"),
                    Case((-5.0,), raises=ValueError, why="a concentration cannot be negative")),
             reference=_ng_to_nmol,
             mistakes=(Mistake(lambda t: t / 2.496 ** 2, "You divided by 2.496."),)),
    Function(id="t6.2", prompt="Classify 25(OH)D.", name="status", returns="text",
             cases=(Case((20.0,), expect=hiding.hide_text("t6.2", "deficient")),
                    Case((60.0,), expect=hiding.hide_text("t6.2", "adequate")))),
    PredictThenSimulate(id="t7.1", prompt="Winter comes: 25(OH)D?",
                        choices={"rises": "it rises", "falls": "it falls", "same": "about the same"},
                        simulate=_simulated_winter, reflect="Why is the fall slow?"),
)}

SOLUTIONS = {
    "t1.1": 49.92, "t1.2": 2000, "t1.3": -44, "t2.1": "b", "t3.1": ["a", "b"], "t4.1": ["b", "a", "c"],
    "t5.1": "CYP27B1", "t6.1": lambda x: _ng_to_nmol(x) if x >= 0 else (_ for _ in ()).throw(ValueError("neg")),
    "t6.2": lambda x: "deficient" if x < 30 else "adequate", "t7.1": "falls",
}


def make_checker(tmp_path=None, **kw) -> Checker:
    kw.setdefault("save", False)
    return Checker(lookup=lambda i: BANK[i] if i in BANK else (_ for _ in ()).throw(InputError(f"no {i!r}")), **kw)


# ---------------------------------------------------------------------------------------------
# right answers, in every accepted form
# ---------------------------------------------------------------------------------------------
ACCEPTED = [
    ("t1.1", 49.92), ("t1.1", 50), ("t1.1", "20 ng/mL"), ("t1.1", "49.9 nmol/L"), ("t1.1", "49.9"),
    ("t1.1", Fraction(4992, 100)), ("t1.1", Decimal("49.92")),
    ("t1.2", 2000), ("t1.2", "50 µg"), ("t1.2", "50 mcg"), ("t1.2", "2,000 IU"),
    ("t1.3", -44.0), ("t1.3", -43.5), ("t1.3", "-44 nmol/L"), ("t1.3", "-44"),
    ("t2.1", "b"), ("t2.1", "B"), ("t2.1", " b "), ("t2.1", "liver"), ("t2.1", "(b)"),
    ("t3.1", ["a", "b"]), ("t3.1", ("b", "a")), ("t3.1", {"a", "b"}), ("t3.1", "a, b"), ("t3.1", "ab"),
    ("t4.1", ["b", "a", "c"]), ("t4.1", "b, a, c"), ("t4.1", "bac"),
    ("t5.1", "CYP27B1"), ("t5.1", "cyp 27b1"), ("t5.1", "1α-hydroxylase"), ("t5.1", "1-alpha hydroxylase"),
    ("t6.1", SOLUTIONS["t6.1"]), ("t6.2", SOLUTIONS["t6.2"]), ("t7.1", "falls"), ("t7.1", "it falls"),
]


@pytest.mark.parametrize("eid,answer", ACCEPTED, ids=[f"{e}-{i}" for i, (e, _) in enumerate(ACCEPTED)])
def test_right_answer_is_accepted_in_every_reasonable_form(eid, answer):
    res = make_checker().result(eid, answer)
    assert res.verdict is Verdict.CORRECT, res.text()


def test_numeric_answer_in_another_unit_is_converted_and_the_unit_named():
    res = make_checker().result("t1.1", "20 ng/mL")
    assert res.correct
    assert any("ng/mL" in n and "nmol/L" in n for n in res.notes)


def test_bare_number_says_which_unit_was_assumed():
    res = make_checker().result("t1.1", 49.92)
    assert any("read as nmol/L" in n for n in res.notes)


# ---------------------------------------------------------------------------------------------
# typical mistakes get targeted feedback, never just "wrong"
# ---------------------------------------------------------------------------------------------
MISTAKES = [
    ("t1.1", 20, r"right amount expressed in ng/mL.*forget"),            # forgot the 2.496 conversion
    ("t1.1", 20 / 2.496, r"divided by 2\.496"),                          # divided instead of multiplied
    ("t1.1", 499.2, r"10 times too large"),                              # misplaced decimal point
    ("t1.1", 60, r"too high"),
    ("t1.1", 30, r"too low"),
    ("t1.2", 50, r"right amount expressed in µg"),                       # µg given where IU was asked
    ("t1.2", 1.25, r"wrong way.*multiply by 40"),                     # divided by 40 instead of multiplying
    ("t1.3", 44, r"sign is not"),                                        # sign error
    ("t2.1", "c", r"swapped liver and kidney"),
    ("t2.1", "a", r"not the best answer"),
    ("t3.1", ["a", "c"], r"\(c\) does not belong.*you missed 1 option.*FGF23"),
    ("t3.1", ["a"], r"missed 1 option"),
    ("t4.1", ["b", "c", "a"], r"Liver and kidney are swapped"),
    ("t4.1", ["a", "b", "c"], r"first step is already wrong"),
    ("t5.1", "CYP2R1", r"liver's 25-hydroxylase"),
    ("t5.1", "kidney", r"not what this question is after"),
    ("t6.1", lambda x: x / 2.496, r"returned 8\.01.*expected 49\.9.*divided by 2\.496"),
    ("t6.1", lambda x: x * 2.496, r"should refuse this input by raising ValueError.*cannot be negative"),
    ("t6.1", lambda x: None, r"returned None.*forget the return"),
    ("t6.1", lambda x: "49.92", r"text.*should return a number"),
    ("t6.2", lambda x: "deficient", r"status\(60\.0\) returned 'deficient'; expected 'adequate'"),
    ("t7.1", "rises", r"You predicted 'rises'; the model says 'falls'\. 25\(OH\)D went from .*Why is the fall slow"),
]


@pytest.mark.parametrize("eid,answer,pattern", MISTAKES, ids=[f"{m[0]}-{i}" for i, m in enumerate(MISTAKES)])
def test_typical_mistake_gets_a_specific_message(eid, answer, pattern):
    res = make_checker().result(eid, answer)
    assert res.verdict is Verdict.INCORRECT, res.text()
    assert re.search(pattern, res.message, re.S), res.message
    assert res.message.strip().lower() not in {"wrong", "wrong.", "incorrect", "incorrect."}


# ---------------------------------------------------------------------------------------------
# bad input never breaks it: every kind x every bad input
# ---------------------------------------------------------------------------------------------
class AlwaysEqual:
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = object.__hash__


class FloatRaises:
    def __float__(self):
        raise RuntimeError("nope")

    def __index__(self):
        raise RuntimeError("nope")


class ReprRaises(AlwaysEqual):
    def __repr__(self):
        raise RuntimeError("no repr")

    def __str__(self):
        raise RuntimeError("no str")


class SneakyStr(str):
    def __eq__(self, other):
        return True

    def lower(self):
        return "b"

    __hash__ = str.__hash__


def _raises(*args):
    raise ZeroDivisionError("division by zero")


def _loops(*args):
    while True:
        try:
            pass
        except BaseException:  # a loop that even swallows the alarm
            pass


def _sleeps(*args):
    import time

    time.sleep(30)


def _exits(*args):
    raise SystemExit(1)


def _recurses(*args):
    return _recurses(*args)


BAD_INPUTS = {
    "str": "banana", "empty-str": "", "None": None, "nan": math.nan, "inf": math.inf, "-inf": -math.inf,
    "list": [1, 2, 3], "empty-list": [], "dict": {"answer": 1}, "huge-int": 10 ** 400, "huge-float": 1e308,
    "bool": True, "complex": 3 + 4j, "bytes": b"b", "eq-always-true": AlwaysEqual(), "float-raises": FloatRaises(),
    "repr-raises": ReprRaises(), "sneaky-str": SneakyStr("zzz"), "function-raises": _raises,
    "function-loops": _loops, "function-sleeps": _sleeps, "function-exits": _exits, "function-recurses": _recurses,
    "type": int, "long-text": "x" * 5000, "nested": [[["b"]]],
}
KIND_IDS = ["t1.1", "t2.1", "t3.1", "t4.1", "t5.1", "t6.1", "t7.1"]


@pytest.mark.parametrize("bad", list(BAD_INPUTS), ids=list(BAD_INPUTS))
@pytest.mark.parametrize("eid", KIND_IDS, ids=[BANK[i].kind.replace(" ", "-") for i in KIND_IDS])
def test_bad_input_gets_a_clear_message_never_a_traceback_never_correct(eid, bad, capsys):
    checker = make_checker(time_limit_s=0.3)
    answer = BAD_INPUTS[bad]
    res = checker.result(eid, answer)
    assert res.verdict is not Verdict.CORRECT, res.text()
    assert len(res.message) > 20 and "Traceback" not in res.message
    if answer is None:
        assert res.verdict is Verdict.NOT_ANSWERED
    checker.check(eid, answer)  # the notebook call: displays, never raises
    out = capsys.readouterr().out
    assert out.startswith(("⚠", "✘", "…")) and "Traceback" not in out


def test_infinite_loop_is_stopped_by_the_time_limit_and_explained():
    res = make_checker(time_limit_s=0.3).result("t6.1", _loops)
    assert res.verdict is Verdict.INCORRECT
    assert "did not finish within 0.3 s" in res.message


def test_function_still_raising_not_implemented_counts_as_not_answered():
    def stub(x):
        raise NotImplementedError

    assert make_checker().result("t6.1", stub).verdict is Verdict.NOT_ANSWERED


def test_function_that_mutates_its_argument_or_prints_does_no_harm(capsys):
    calls = []

    def noisy(x):
        print("debugging", x)
        calls.append(x)
        return SOLUTIONS["t6.1"](x)

    res = make_checker().result("t6.1", noisy)
    assert res.correct
    assert "debugging" not in capsys.readouterr().out


def test_passing_the_result_instead_of_the_function_is_explained():
    res = make_checker().result("t6.1", 49.92)
    assert res.verdict is Verdict.INVALID
    assert "without parentheses" in res.message and "check('t6.1', ng_to_nmol)" in res.message


def test_sneaky_str_subclass_cannot_fake_a_choice():
    assert not make_checker().result("t2.1", SneakyStr("zzz")).correct


def test_multiple_choice_refuses_two_options_with_a_clear_message():
    res = make_checker().result("t2.1", "a, c")
    assert res.verdict is Verdict.INVALID and "one option only" in res.message


def test_ordering_with_a_missing_or_repeated_step_is_explained():
    assert "missing: c" in make_checker().result("t4.1", ["b", "a"]).message
    assert "more than once" in make_checker().result("t4.1", ["b", "b", "c"]).message


def test_decimal_comma_and_foreign_units_without_an_analyte_are_explained():
    assert "use a point for decimals" in make_checker().result("t1.1", "49,9").message
    res = make_checker().result("t1.3", "-44 ng/mL")
    assert res.verdict is Verdict.INVALID and "give a number in nmol/L" in res.message


def test_unit_that_does_not_fit_the_analyte_names_the_accepted_units():
    res = make_checker().result("t1.1", "20 mg/dL")
    assert res.verdict is Verdict.INVALID
    assert "nmol/L" in res.message and "ng/mL" in res.message


# ---------------------------------------------------------------------------------------------
# hint ladder
# ---------------------------------------------------------------------------------------------
def test_hint_ladder_reveals_one_more_hint_per_wrong_attempt():
    checker = make_checker()
    shown = [len(checker.result("t1.1", 30).hints) for _ in range(4)]
    assert shown == [1, 2, 3, 3]
    assert checker.result("t1.1", 30).more_hints is False


def test_first_wrong_attempt_says_more_hints_are_coming():
    res = make_checker().result("t1.1", 30)
    assert res.more_hints and "Another hint unlocks" in res.text()


def test_correct_answer_shows_no_hints_but_the_explanation():
    checker = make_checker()
    checker.result("t2.1", "a")
    res = checker.result("t2.1", "b")
    assert res.correct and res.hints == ()


def test_asking_for_a_hint_unlocks_the_next_one_without_an_attempt():
    checker = make_checker()
    assert len(checker.hints("t1.1").hints) == 1
    assert len(checker.hints("t1.1").hints) == 2
    assert len(checker.result("t1.1", None).hints) == 2


def test_invalid_input_does_not_climb_the_ladder():
    checker = make_checker()
    checker.result("t1.1", "banana")
    assert checker.result("t1.1", "banana").hints == ()


def test_exercise_without_hints_says_so():
    assert "no hints" in make_checker().hints("t7.1").text()


# ---------------------------------------------------------------------------------------------
# display: rich + plain, deterministic, short repr, check() returns None
# ---------------------------------------------------------------------------------------------
def test_check_returns_none_and_prints_the_feedback_once(capsys):
    assert make_checker().check("t2.1", "b") is None
    out = capsys.readouterr().out
    assert out.count("t2.1: Correct") == 1


def test_result_repr_is_one_short_line():
    res = make_checker().result("t1.1", 30)
    assert repr(res) == "CheckResult('t1.1', incorrect)"


def test_rich_display_has_html_and_plain_text_and_is_deterministic():
    a = make_checker().result("t1.1", 20)._repr_mimebundle_()
    b = make_checker().result("t1.1", 20)._repr_mimebundle_()
    assert a == b
    assert set(a) == {"text/html", "text/plain"}
    assert not re.search(r"0x[0-9a-f]{6,}|\d{4}-\d\d-\d\dT", a["text/html"] + a["text/plain"])


def test_student_text_is_escaped_in_html():
    bundle = make_checker().result("t5.1", "<script>alert(1)</script>")._repr_mimebundle_()
    assert "<script>" not in bundle["text/html"]
    assert html.escape("<script>") in bundle["text/html"] or "script" not in bundle["text/html"]


def test_blank_answer_shows_not_answered_yet():
    res = make_checker().result("t2.1", ...)
    assert res.verdict is Verdict.NOT_ANSWERED and "Not answered yet" in res.text()


def test_unknown_exercise_id_is_explained_by_check_and_raised_by_result(capsys):
    checker = make_checker()
    checker.check("t9.9", 1)
    assert "no 't9.9'" in capsys.readouterr().out
    with pytest.raises(ValueError):
        checker.result("t9.9", 1)


# ---------------------------------------------------------------------------------------------
# saving attempts
# ---------------------------------------------------------------------------------------------
def test_every_real_attempt_is_saved_but_blank_answers_are_not(tmp_path):
    from mgdlearn.progress_store import ProgressStore

    path = tmp_path / "p.json"
    checker = make_checker(progress_path=path, save=True)
    checker.result("t2.1", None)
    checker.result("t2.1", "a")
    checker.result("t2.1", "zz")
    checker.result("t2.1", "b")
    assert [a.verdict for a in ProgressStore(path).attempts("t2.1")] == ["incorrect", "invalid", "correct"]


def test_unwritable_progress_file_warns_once_and_checking_goes_on(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a folder should be")
    checker = make_checker(progress_path=blocker / "progress.json", save=True)
    first = checker.result("t2.1", "b")
    second = checker.result("t2.1", "b")
    assert first.correct and second.correct
    assert any("could not be saved" in n for n in first.notes)
    assert not any("could not be saved" in n for n in second.notes)


def test_saving_can_be_switched_off_with_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("MGDLEARN_PROGRESS", "off")
    checker = make_checker(save=True)
    assert checker.result("t2.1", "b").notes == ()
    assert not list(tmp_path.iterdir())


# ---------------------------------------------------------------------------------------------
# hiding answers
# ---------------------------------------------------------------------------------------------
def test_digest_is_salted_by_exercise_and_normalises_spelling():
    assert hiding.digest("L1.1", "The Liver.") == hiding.digest("L1.1", "liver")
    assert hiding.digest("L1.1", "liver") != hiding.digest("L1.2", "liver")
    assert hiding.is_digest(hiding.digest("L1.1", "liver"))


@pytest.mark.parametrize("value", [0.0, 49.92, -44.0, 1e-9, 12345.678])
def test_hidden_numbers_round_trip_and_do_not_show_the_digits(value):
    blob = hiding.hide_number("ex1.4", value)
    assert hiding.reveal_number("ex1.4", blob) == value
    assert str(value) not in blob


def test_hidden_text_round_trips():
    blob = hiding.hide_text("L1.1", "The liver makes 25(OH)D.")
    assert "liver" not in blob and hiding.reveal_text("L1.1", blob) == "The liver makes 25(OH)D."
