"""Exercise notebook 1: the activation pathway and units (``exercises/01_activation_and_units.ipynb``).

Sources: bikle2014, zhu2013, holick2007 (pathway); units via :mod:`mgdlearn.units` (pubchem, iom2011);
model exercises ex1.7 and ex1.8 run :mod:`mgdlearn.model` at check time.
"""
from __future__ import annotations

from mgdlearn.exercises.bank import _model_tasks as tasks
from mgdlearn.exercises.bank._factors import convert, iu_per_ug_vitamin_d, nmol_per_ng_25ohd, pmol_per_pg_calcitriol
from mgdlearn.exercises.kinds import (
    Case,
    Function,
    Mistake,
    MultipleChoice,
    Numeric,
    Ordering,
    PredictThenSimulate,
    ShortAnswer,
)

TITLE = "The activation pathway and units"


def _reference_ng_to_nmol(value: float) -> float:
    return convert(value, "ng/mL", "nmol/L", "25ohd")


EXERCISES = (
    MultipleChoice(
        id="ex1.1",
        prompt="Which form of vitamin D does a standard blood test measure to judge vitamin D status?",
        options={"a": "vitamin D3 (cholecalciferol)", "b": "25(OH)D (calcifediol)",
                 "c": "1,25(OH)2D (calcitriol)", "d": "24,25(OH)2D"},
        answer="d:b604b4d309d2a58fecd97e60",
        feedback={
            "d:30f161be08efb9268226c48b": "Vitamin D3 itself has a half-life of about a day in blood, so it mostly tells you about "
                                          "the last day's intake or sun, not the body's supply.",
            "d:838dc7e1d9d01ab324456a04": "Calcitriol is the active hormone, but it is tightly regulated by PTH: it can stay normal "
                                          "(or even rise) while the supply runs low, so it is a poor status marker.",
            "d:b3e55894d0faa7a3919e7715": "24,25(OH)2D is a breakdown product made by CYP24A1; it is measured only in special cases.",
        },
        hints=("Look for the form whose level follows supply: made without much regulation and "
               "lasting weeks in blood.",
               "The liver's product circulates with a half-life of about 2-3 weeks."),
        explanation=("t:mL88jLv4GU3VXW9P0w9RP6-NNXvk8KQ0vdC4xRpvqi7CAILXD8imhQ4PkZz8gJTX3x9GV2sZkbD-t7"
                     "WpdjOBMdl6YwQVxPLfEx5KBVmKTglnIAILDVQC5VEne-E7NmAxkI5teVbGvmtdAKsGgiMrPUkOtIprG4"
                     "tYbb2wVtUSO7xRJVz3TRvS4aNG3MYUTVvnItHCxmgGjm0_sMk4o3ga0I-OBjRmlOLApFEA1XBkIGkSs9"
                     "V7neA-MIAy1bzyTAuT8Db8EZ8="),
    ),
    ShortAnswer(
        id="ex1.2",
        prompt="Which enzyme in the kidney turns 25(OH)D into calcitriol? Give its name or its gene.",
        accepted=("d:3de3489b0a07091a1eacd1b7", "d:28854ef816df04304cef25f8", "d:4071b97084018d599600f418",
                  "d:34358e847b87a8b51656f129", "d:a074cc1c8cd0d1752e7b8067"),
        feedback={
            "d:dac4a2f196770931df407766": "CYP2R1 is the liver's 25-hydroxylase: the first step. The kidney adds a second "
                                          "hydroxyl group, at a different carbon.",
            "d:b1bd337e6d4848d291aad82f": "The 25-hydroxylase works in the liver (first step). Which carbon does the kidney "
                                          "enzyme hydroxylate?",
            "d:97e9c6667f280572d9c7b834": "CYP24A1 (24-hydroxylase) inactivates 25(OH)D and calcitriol; it does not make calcitriol.",
            "d:c910495385856a5e79a4d551": "The 24-hydroxylase (CYP24A1) breaks vitamin D metabolites down; it does not make "
                                          "calcitriol.",
            "d:9db38b7f748fe1d84b291db2": "CYP27A1 is a second, low-affinity 25-hydroxylase in the liver, not the kidney enzyme.",
            "d:b1a402040c1b9094eedf281b": "Calcitriol is the product; the question asks for the enzyme that makes it.",
        },
        expected="an enzyme name or gene (e.g. 'CYP...')",
        hints=("The product is 1,25-dihydroxyvitamin D: which hydroxyl group is added in the kidney?",
               "Enzyme names describe the position they hydroxylate; the gene belongs to the cytochrome P450 "
               "family 27."),
    ),
    Ordering(
        id="ex1.3",
        prompt="Put the steps from sunlight to action in order.",
        items={"a": "the liver makes 25(OH)D (CYP2R1)",
               "b": "UVB turns 7-dehydrocholesterol in skin into previtamin D3",
               "c": "calcitriol binds the vitamin D receptor in gut cells",
               "d": "the kidney makes calcitriol (CYP27B1)",
               "e": "vitamin D3 travels in blood bound to DBP"},
        positions=("d:521bb9da21f37b60924fe1a5", "d:83b4115cecef2654ed7f15cb", "d:20ba8c01ea25d60959203299", "d:55de38ddb5628b5a20516085", "d:1ad16c626bf4c14592497b73"),
        feedback={
            "d:1d86442c88e01909b944f6e4": "Liver and kidney are swapped: the liver makes 25(OH)D first, the kidney then turns "
                                          "25(OH)D into calcitriol.",
            "d:8984a7392c0993a9a07fb9ad": "Vitamin D3 has to be made (or eaten) before DBP can carry it.",
            "d:3f6b487f3491fdac4757382a": "DBP carries vitamin D3 from the skin to the liver, so transport comes before the "
                                          "liver step.",
        },
        hints=("Start where vitamin D3 is made, end where the hormone acts.",
               "Two hydroxylations happen in two organs; the product of the first is what the blood test measures."),
    ),
    Numeric(
        id="ex1.4",
        prompt="A lab abroad reports 25(OH)D = 75 nmol/L. What is that in ng/mL?",
        unit="ng/mL",
        analyte="25ohd",
        target=lambda: 75 / nmol_per_ng_25ohd(),
        rel_tol=0.01,
        mistakes=(
            Mistake(lambda t: t * nmol_per_ng_25ohd() / pmol_per_pg_calcitriol(),
                    "You used 2.4, the factor for calcitriol. For 25(OH)D the factor is 2.496."),
        ),
        hints=("1 ng/mL of 25(OH)D = 2.496 nmol/L. Should the number in ng/mL be bigger or smaller?",
               "Divide the nmol/L value by 2.496."),
        explanation=("t:dtrJ7xMuVobMiYkxUpJSfP416FPQNq7Sl31nKybgZdg4zcZoqsRtq97mnq2vkKoL7y9p76gKgDunnB"
                     "VljTHpFg_f1B_JVQVZrDEFIImReF8AY1jzXgwxehEWKthg6_fk8Sy26JlL6yHHmExZhcFX-bufyMY5n2"
                     "oqXbzxgSYN5TJ-qeHSZ8wBJHPNWA=="),
    ),
    Numeric(
        id="ex1.5",
        prompt="A supplement label says 50 µg of vitamin D3 per capsule. How many IU is that?",
        unit="IU",
        analyte="vitamin_d",
        target=lambda: 50 * iu_per_ug_vitamin_d(),
        rel_tol=0.005,
        mistakes=(Mistake(lambda t: t / iu_per_ug_vitamin_d(),
                          "That is the dose in µg, the number on the label; the question asks for IU: 1 µg = 40 IU."),),
        hints=("1 µg of vitamin D = 40 IU.",),
        explanation=("t:-OYHEwUGzxQaPxXMvwYuhqq-MOhwYwgByPTNWQZHIR3gS-JK8RE0RI4SgLKoQHlrE8WZryH04jyZTS"
                     "p90BkxgLJgwTUdiyWgurhphzB5o80B4JJoY6nxj3sXr7nlr5WXHu4b6HlSJgyCFHdx5RBxuN4iURC-pl"
                     "NOBOCQYVrDpws-tiP4bGWu"),
    ),
    Function(
        id="ex1.6",
        points=2,
        prompt="Write ng_ml_to_nmol_l(value): convert a 25(OH)D concentration from ng/mL to nmol/L, "
               "and raise ValueError for a negative value.",
        name="ng_ml_to_nmol_l",
        reference=_reference_ng_to_nmol,
        cases=(Case((20,)), Case((12.5,)), Case((0,), why="zero is a possible (if alarming) result"),
               Case((150.0,), why="large values convert the same way"),
               Case((-5,), raises=ValueError, why="a concentration cannot be negative")),
        rel_tol=0.002,
        mistakes=(Mistake(lambda t: t / nmol_per_ng_25ohd() ** 2, "It looks like you divided by 2.496; multiply."),
                  Mistake(lambda t: t / nmol_per_ng_25ohd() * pmol_per_pg_calcitriol(),
                          "2.4 is the calcitriol factor; 25(OH)D uses 2.496.")),
        hints=("Multiply by 2.496 (or by 1000 / 400.6, the molar mass of 25(OH)D in g/mol).",
               "Check the sign first: `if value < 0: raise ValueError(\"...\")`, then return the product."),
    ),
    Numeric(
        id="ex1.7",
        points=2,
        prompt="Run the model: start from the steady state of Scenario(sun_iu_per_day=0) and simulate "
               "Scenario(vitamin_d_iu_per_day=2000, sun_iu_per_day=0) for 84 days. What is 25(OH)D on day 84?",
        unit="nmol/L",
        analyte="25ohd",
        target=tasks.ex1_7_ohd25_day84,
        rel_tol=0.02,
        mistakes=(Mistake(lambda t: tasks.ex1_7_ohd25_day0(),
                          "That is the value on day 0, before the extra vitamin D; read the last row (day 84)."),),
        hints=("res = simulate(Scenario(vitamin_d_iu_per_day=2000, sun_iu_per_day=0), days=84, "
               "start=Scenario(sun_iu_per_day=0))",
               "The answer is res.final['ohd25_nmol_l'] (or the last row of res.df)."),
    ),
    PredictThenSimulate(
        id="ex1.8",
        points=2,
        prompt="Winter: the sun input of the default adult drops to 0 for 120 days. In percent, which falls more?",
        choices={"25ohd": "25(OH)D falls much more than calcitriol",
                 "calcitriol": "calcitriol falls much more than 25(OH)D",
                 "same": "both fall by about the same percentage"},
        simulate=tasks.predict_ex1_8_winter,
        reflect="why is 25(OH)D, not calcitriol, the marker of vitamin D status?",
        hints=("Which of the two is regulated by PTH, and which simply follows supply?",),
    ),
    Numeric(
        id="ex1.9",
        points=2,
        prompt="Run the winter yourself: simulate(Scenario(sun_iu_per_day=0), days=120, start=Scenario()). "
               "By how many percent does 25(OH)D fall from day 0 to day 120?",
        unit="%",
        target=tasks.ex1_9_winter_fall_percent,
        abs_tol=1.0,
        mistakes=(Mistake(lambda t: -tasks.winter_changes()[1], "That is how much *calcitriol* fell; the question "
                                                                 "asks about 25(OH)D ('ohd25_nmol_l')."),
                  Mistake(lambda t: tasks.winter_changes()[2], "That is the day-120 level in nmol/L; the question "
                                                               "asks for the fall in percent of the day-0 level."),
                  Mistake(lambda t: t / 100, "Give the answer in percent (for example 25, not 0.25).")),
        hints=("df = res.df; first, last = df['ohd25_nmol_l'].iloc[0], df['ohd25_nmol_l'].iloc[-1]",
               "Percent fall = (first - last) / first x 100."),
    ),
)
