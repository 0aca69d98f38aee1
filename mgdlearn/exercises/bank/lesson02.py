"""Concept checks for lesson 2, magnesium beyond activation.

L2.1 multiple choice: the first response to a fall in ionized calcium is PTH secretion (peterson2010).
L2.2 numeric with units: intact PTH 55 pg/mL in pmol/L (1 pmol/L = 9.43 pg/mL; via :mod:`mgdlearn.units`).
L2.3 multiple choice: what PTH did after 3 weeks of magnesium depletion (fatemi1991).
L2.4 multiple choice: the biphasic effect of magnesium on PTH (vetter2002; fatemi1991; rude1985).
"""
from __future__ import annotations

from mgdlearn.exercises.bank._factors import pg_per_pmol_pth, pmol_per_pg_calcitriol
from mgdlearn.exercises.kinds import Mistake, MultipleChoice, Numeric

TITLE = "Magnesium beyond activation"

#: The lab value of L2.2 (pg/mL): a typical result inside the 15-65 pg/mL reference range.
L22_PTH_PG_ML = 55.0


def _pth_in_pmol() -> float:
    return L22_PTH_PG_ML / pg_per_pmol_pth()


EXERCISES = (
    MultipleChoice(
        id="L2.1",
        prompt="Blood ionized calcium falls slightly. Which response comes first?",
        options={
            "a": "calcitriol rises",
            "b": "PTH secretion rises",
            "c": "gut calcium absorption rises",
        },
        answer="d:6e494f69cb97a8323e730245",
        feedback={
            "d:9faa4465bfdc629a54bdce4c": "Calcitriol does rise, but over hours to days, and only after another "
                                          "hormone has switched on CYP27B1. Which one?",
            "d:8ebfdfddf7d956a6e3e035e2": "Gut absorption is raised by calcitriol, the last link of the chain. "
                                          "What senses the fall in the first place?",
        },
        hints=("Which organ has a receptor that senses calcium directly?",
               "The parathyroid glands keep the hormone stored in granules, ready to release."),
        explanation=("t:hA327UsDJHvRj6C01sboVyOjArHHoBkqmhGesB5TuZVUbrNTQGyiKc2m_917ujbqAXxhfYmkLQ0Sj85_xQgoTUOjwHOtZ"
                     "Sj_S6JCnWF0jeOTioFc0zRhNrErPA_nGHOpnHr5WR83riiwEQO8EfJmHVK-YMQQG9LkvG11S6BbYhKLoW4xZYZwMBcQXaGHuSl9"
                     "Sg28JKyzccVkW5YEJOAbKrzUP0T8FSuUmH1PFc7OZkwWzMcBlaq9lWmZ2wwOdHTenKA8WQHHNrA8NUmdomRXj9HNB32jqUM="),
    ),
    Numeric(
        id="L2.2",
        prompt="A lab reports intact PTH as 55 pg/mL. What is that in pmol/L?",
        unit="pmol/L",
        analyte="pth",
        target=_pth_in_pmol,
        rel_tol=0.02,
        mistakes=(
            Mistake(lambda t: t * pg_per_pmol_pth() ** 2,
                    "You multiplied by 9.43. Going from pg/mL to pmol/L the number gets *smaller* for PTH: "
                    "divide by 9.43."),
            Mistake(lambda t: t * pg_per_pmol_pth() * pmol_per_pg_calcitriol(),
                    "2.4 is the factor for calcitriol. PTH is a much bigger molecule (about 9.4 kDa): "
                    "1 pmol/L = 9.43 pg/mL."),
        ),
        hints=("1 pmol/L of intact PTH weighs 9.43 pg per mL (the hormone is about 9.4 kDa).",
               "Divide the pg/mL value by 9.43."),
        explanation="PTH weighs about 9,430 g/mol, so 1 pmol/L is 9.43 pg/mL; the reference range "
                    "15-65 pg/mL is about 1.6-6.9 pmol/L.",
    ),
    MultipleChoice(
        id="L2.3",
        prompt=("In Fatemi et al. (1991), three weeks of a low-magnesium diet lowered serum magnesium to about "
                "0.61 mmol/L and calcium a little. What happened to PTH in most of the volunteers?"),
        options={
            "a": "it rose sharply, as the lower calcium would predict",
            "b": "it fell or did not change",
            "c": "it became undetectable",
        },
        answer="d:1b91bb9612dc18a54c905110",
        feedback={
            "d:ddb1e05d6d3bf3a82175c6e0": "That is what calcium alone would predict, and a *sudden* mild fall in "
                                          "magnesium can do it too. What does chronic depletion do to the gland?",
            "d:4a7ff27acf8e4ab6ab8865f3": "Undetectable PTH belongs to severe deficiency (serum magnesium near "
                                          "0.4 mmol/L), not to a mild three-week depletion.",
        },
        hints=("The study's point was that magnesium depletion impairs the gland even when mild.",),
        explanation=("t:GLh62sQaJC9uXU391D7KM52tDeZKDKyuNycjukF4Rg_U-xn9XVSaM2kRePoO5ZhN8dzLfvejXCOJqoHZU2yB2zTQUWqr"
                     "yxKOZzk93cnmABfqU4G8t7Tdo7I5z3OSEEaBOz99RMQg6iA7I9OLfOgqboZBHsZIVH-VVGYOozhYARG8METbo6iMjie_Hxf7dd"
                     "FDl9eQOVJW-SRkEPptjNTvdqAC77BWknN98XSSfuqdBf3a6wPbJUKYczD-JZqzKizMhsefcvBlwxRA"),
    ),
    MultipleChoice(
        id="L2.4",
        prompt="Which statement best describes the effect of magnesium on PTH?",
        options={
            "a": "More magnesium always means more PTH.",
            "b": "A mild, sudden fall in magnesium can raise PTH, but chronic or severe depletion impairs PTH "
                 "secretion and action.",
            "c": "Magnesium has no effect on PTH; only calcium does.",
            "d": "Low magnesium always raises PTH, which is why calcium stays normal.",
        },
        answer="d:a475971d1700073feb25ca4a",
        feedback={
            "d:be43e51768934dbd2754ed8b": "High magnesium acts on the calcium-sensing receptor like calcium and "
                                          "*suppresses* PTH. Look at the right-hand side of the biphasic figure.",
            "d:fd3bdfec45cd8bf2e9d50297": "Magnesium binds the calcium-sensing receptor too, and the gland needs "
                                          "it to release PTH.",
            "d:905cff338037fb49d390044e": "In severe depletion PTH is inappropriately low and calcium falls: that "
                                          "is why the hypocalcemia of magnesium deficiency resists calcium and "
                                          "vitamin D.",
        },
        hints=("The figure in section 4 has two curves for a reason: time matters.",),
        explanation=("t:HofCz-6i9VkoqVWEVdKKUMu8RQS7F44HJC31PbdAiUERxsXG4gL1lYszOG--5NRr0G8dWkSOVvS9JAZHOed9YT-ZIxbd2"
                     "8wsIFxUYfaoTb7UVWziq7tSYks_yPNJ0M_XGaqDhEhnr-90axA5mgNcURU8Bf9t4ITQuOsR-Td7S2SO4PzIOiEhlvRS-PvJxWG3"
                     "6V1ZLIOFek_7PAedwybR7hzAGVJBvC8ZtacejJ5-nTeyBC-oA_lGVLIsfxb4JBoBOvxo82JN1pdyDsQ9Jl_wQYFox1ZcfsaQz6"
                     "-m12QSBZOzWbPsTkLzuHdwbk-xaTZ4"),
    ),
)
