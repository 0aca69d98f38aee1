"""Concept checks for lesson 1, the vitamin D activation pathway (a pattern to copy).

L1.1 multiple choice: which organ makes 25(OH)D (bikle2014; zhu2013).
L1.2 numeric with units: 20 ng/mL of 25(OH)D in nmol/L (1 ng/mL = 2.496 nmol/L; pubchem via
     :mod:`mgdlearn.units`). The target is computed from the unit table, never typed in.
"""
from __future__ import annotations

from mgdlearn.exercises.bank._factors import nmol_per_ng_25ohd, pmol_per_pg_calcitriol
from mgdlearn.exercises.kinds import Mistake, MultipleChoice, Numeric

TITLE = "The vitamin D activation pathway"


def _twenty_ng_per_ml_in_nmol() -> float:
    return 20 * nmol_per_ng_25ohd()


EXERCISES = (
    MultipleChoice(
        id="L1.1",
        prompt="Which organ turns vitamin D into 25(OH)D (calcifediol), the form a blood test measures?",
        options={"a": "the skin", "b": "the liver", "c": "the kidney", "d": "the small intestine"},
        answer="d:2d2531e5e4b9cdfc2fc43bbf",
        feedback={
            "d:3b4e30188d6f9d5db4bf2b63": "The skin makes vitamin D3 itself from 7-dehydrocholesterol under "
                                          "UVB light; the hydroxylation happens later, elsewhere.",
            "d:1f800cba8e46468ababe1eb0": "The kidney does the *second* step (1-alpha-hydroxylase, CYP27B1), "
                                          "making calcitriol from 25(OH)D. Which organ supplies it with 25(OH)D?",
            "d:ec0dedce53b638f544e42b16": "The gut absorbs vitamin D from food and is a target of calcitriol, "
                                          "but it does not hydroxylate vitamin D.",
        },
        hints=("There are two hydroxylation steps; this question asks about the first one.",
               "The first enzyme is a 25-hydroxylase, mainly CYP2R1. In which organ does most drug and "
               "vitamin metabolism happen?"),
        explanation=("t:OTUPJelGS2j3W04t34_bxIoXM2kIkBKr4rfzGntIAPr3IMrCjwtfEk1rSfsNmIapLYqp8Y8pCjCUKKh2aAkyZqaRPPAtxe"
                     "bh2Dv7AAGp4keXi3P7tZOpUvil5AF1FzzV8T0nbIVqCFHSY28UZ-pzBIU51ii2rt8EW__OMFqD1F1XWFFv--Srr3wUAmp_"
                     "1EiyCvXaoTmJ7aqrGhcoe7Yyvv74ufsctww="),
    ),
    Numeric(
        id="L1.2",
        prompt="A lab reports 25(OH)D = 20 ng/mL. What is that in nmol/L?",
        unit="nmol/L",
        analyte="25ohd",
        target=_twenty_ng_per_ml_in_nmol,
        rel_tol=0.01,
        mistakes=(
            Mistake(lambda t: t / nmol_per_ng_25ohd() ** 2,
                    "You divided by the factor. Going from ng/mL to nmol/L the number gets *bigger*: "
                    "multiply by 2.496."),
            Mistake(lambda t: t / nmol_per_ng_25ohd() * pmol_per_pg_calcitriol(),
                    "2.4 is the factor for calcitriol (pg/mL to pmol/L). For 25(OH)D use 2.496 "
                    "(molar mass 400.6 g/mol)."),
        ),
        hints=("1 ng/mL of 25(OH)D equals 2.496 nmol/L (molar mass 400.6 g/mol).",
               "Multiply the ng/mL value by 2.496."),
        explanation="The factor is 1000 / 400.6 = 2.496; the 20 ng/mL cut-off is the IOM's "
                    "'adequate for nearly everyone' level.",
    ),
)
