"""Concept checks for lesson 1, the vitamin D activation pathway (a pattern to copy).

L1.1 multiple choice: which organ makes 25(OH)D (bikle2014; zhu2013).
L1.2 numeric with units: 20 ng/mL of 25(OH)D in nmol/L (1 ng/mL = 2.496 nmol/L; pubchem via
     :mod:`mgdlearn.units`). The target is computed from the unit table, never typed in.
L1.3 short answer: the enzyme that makes calcitriol, CYP27B1 (bikle2014).
L1.4 multiple choice: why blood tests measure 25(OH)D, not calcitriol (jones2008; jones2014; bikle2014).
"""
from __future__ import annotations

from mgdlearn.exercises.bank._factors import nmol_per_ng_25ohd, pmol_per_pg_calcitriol
from mgdlearn.exercises.kinds import Mistake, MultipleChoice, Numeric, ShortAnswer

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
    ShortAnswer(
        id="L1.3",
        prompt="Which enzyme turns 25(OH)D into calcitriol, the active hormone? Give its CYP code.",
        accepted=("d:82b4a7f4e92c1a90d9a32485",   # the CYP code
                  "d:71ff02469aa5078ebd661b8d"),  # its enzyme name
        feedback={
            "d:ff7cb49db1fe4f3ed10a215a": "CYP2R1 is the liver's 25-hydroxylase: it does the first step, making "
                                          "25(OH)D. Which enzyme does the second step, in the kidney?",
            "d:f48a5e1299dc45fb2ecef99a": "CYP24A1 switches vitamin D off (24-hydroxylation toward calcitroic "
                                          "acid). Which enzyme switches it on?",
            "d:23e91ae668ddd8582cb951a5": "CYP27A1 is a back-up 25-hydroxylase in the liver (first step). The "
                                          "question asks about the second step.",
        },
        expected="an enzyme code such as CYP2R1",
        hints=("The second hydroxylation happens in the kidney and adds a hydroxyl group at carbon 1.",
               "It is the 1-alpha-hydroxylase; its code starts with CYP27."),
        explanation=("t:dvp0nYCIeBiU3K7Xn9HOhTNuffc0YJTNzSbulXRyOAXLRNBAQvM25juIEOTQSXXMfsVneO7PkFImI1fBlvyYdqDkGohdeUQ"
                     "kl2P2YmT0MgE0K43-yOB7Hp7p4J9oW6DhswmoGvBOzkDGdbsp_Lcbw7hz3uXjeYkSNCk2wUd9iYMH1DVXYAW3EJNS7X7fAcYuz"
                     "ZIh96dcfQQfzvMZrVKhaQkQqTtkFmFlEqyZeV6bfXx0Vwr-9oUa_woTps2Gz-cz_1uIHoDcZyqONmpWXeRqL3Vyn3dhQLd4tE1"
                     "Ui3398ug="),
    ),
    MultipleChoice(
        id="L1.4",
        prompt="Why does a blood test of vitamin D status measure 25(OH)D rather than calcitriol?",
        options={
            "a": "Calcitriol cannot be measured in blood.",
            "b": "25(OH)D follows the supply and lasts weeks; calcitriol lasts hours and is held steady by hormones.",
            "c": "25(OH)D is the active hormone, so it is what matters.",
            "d": "Calcitriol is made in the liver, which cannot be sampled.",
        },
        answer="d:da879deebf2ce60dc9513861",
        feedback={
            "d:4c4ed685b35549db826d84b3": "Calcitriol can be measured (labs report it in pg/mL or pmol/L); it is "
                                          "just a poor guide to supply. Why might that be?",
            "d:c5af6556d2ee2d63e681e728": "25(OH)D is the storage and transport form; the hormone is calcitriol, "
                                          "1,25(OH)2D.",
            "d:f1568550b4c559b8d7a8d6b9": "Calcitriol is made in the kidney (CYP27B1), and both molecules are "
                                          "measured in an ordinary blood sample.",
        },
        hints=("Compare the half-lives: about 15 days for 25(OH)D, a few hours for calcitriol.",
               "Which of the two steps is tightly regulated by PTH, FGF23 and calcium?"),
        explanation=("t:y4SSXyvulZ5lyy5Z2YylZ0dnm9Yv_ko3WsZOVDJyJnLlkImSKnIx5mpoUpTuhROsb9Xk4jc1bnwfa7x-9CUKBzt73ZFmY0r"
                     "8fzNE2mFq6Uw3Jaam3Y6C4jkpAPmWIuowvB11fQsu6ev7UR_BZsTU2dOG_6-sOSMw9ZAjD8MzIPNULyFEk9HUgEuQToDieaGmuI"
                     "EEOJXi5rActAYkH9619dHilNzAqyNWXVuNHb7VP1TuivSP6RD7GdSf1oV64CcfyQ-hT92AveBg9EYHsJUuppq64rbGz2aon95hE"
                     "Qt2ZnKtnZWiiHMdicWNi7VAxGtiihZcDSfUlkHT1ZvnlE0w5yCzvfZjiNBXovY1bEf_NNH-FoeJn9_70D8mYB7j6qZGcPN8"),
    ),
)
