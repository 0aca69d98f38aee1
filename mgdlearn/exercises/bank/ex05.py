"""Exercise notebook 5: keeping both in balance: foods, sun, the Ca:Mg ratio and the trials
(``exercises/05_keeping_both_in_balance.ipynb``).

Sources: food values from :mod:`mgdlearn.nutrition` (ods_mg, usda_fdc), rosanoff2016 and dai2018
(Ca:Mg ratio: a hypothesis), cheung2022 (combined supplement trial, emerging), units via
:mod:`mgdlearn.units`; ex5.7 and ex5.9 run the model.
"""
from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

from mgdlearn.exercises.bank import _model_tasks as tasks
from mgdlearn.exercises.bank._factors import nmol_per_ng_25ohd
from mgdlearn.exercises.kinds import (
    Case,
    Function,
    Mistake,
    MultipleChoice,
    MultipleSelect,
    Numeric,
    PredictThenSimulate,
)
from mgdlearn.nutrition import ca_mg_ratio
from mgdlearn.nutrition import day_intake

TITLE = "Keeping both in balance"

#: Trial results quoted by the exercises: name -> (value, unit, source, meaning).
CONSTANTS: Mapping[str, tuple[float, str, str, str]] = MappingProxyType({
    "cheung2022_combined_rise": (6.3, "ng/mL", "cheung2022",
                                 "mean 25(OH)D rise in the magnesium + vitamin D arm after 12 weeks"),
})

_MEAL = {"pumpkin seeds": 1, "spinach, boiled": 1, "black beans": 1}


def _meal_mg(without: str | None = None) -> float:
    return day_intake({k: v for k, v in _MEAL.items() if k != without}).food_magnesium_mg


def _ratio(calcium_mg: float, magnesium_mg: float) -> float:
    return ca_mg_ratio(calcium_mg, magnesium_mg).ratio


EXERCISES = (
    Numeric(
        id="ex5.1",
        prompt="Using the course food table, how much magnesium is in 1 serving each of pumpkin seeds, "
               "boiled spinach and black beans?",
        unit="mg",
        target=_meal_mg,
        rel_tol=0.01,
        mistakes=(Mistake(lambda t: _meal_mg(without="pumpkin seeds"), "You left out the pumpkin seeds."),
                  Mistake(lambda t: _meal_mg(without="spinach, boiled"), "You left out the spinach."),
                  Mistake(lambda t: _meal_mg(without="black beans"), "You left out the black beans.")),
        hints=("find_food('pumpkin seeds').magnesium_mg_per_serving, and the same for the others; or "
               "day_intake({...}).food_magnesium_mg.",),
        explanation="These three alone come close to the RDA (310-420 mg/day): seeds, greens and beans are "
                    "the magnesium-dense foods the article lists.",
    ),
    Numeric(
        id="ex5.2",
        prompt="A day's diet has 1200 mg of calcium and 300 mg of magnesium. What is its Ca:Mg ratio?",
        unit="",
        target=lambda: _ratio(1200, 300),
        rel_tol=0.01,
        mistakes=(Mistake(lambda t: 1 / t, "That is the Mg:Ca ratio; Ca:Mg puts calcium on top."),),
        hints=("Ca:Mg = calcium (mg) / magnesium (mg).",),
    ),
    MultipleChoice(
        id="ex5.3",
        prompt="Which best describes the evidence behind an 'ideal' Ca:Mg ratio of about 2?",
        options={"a": "a guideline target set by the IOM",
                 "b": "a hypothesis from observational data and one trial's design",
                 "c": "proven by several randomised trials",
                 "d": "nobody has proposed such a ratio"},
        answer="d:8a99d4dde39cdfc8d9f25bf5",
        feedback={
            "d:9d7228ef8f505ca358e68cb2": "The IOM sets RDAs and ULs for each mineral separately; no guideline sets a ratio.",
            "d:59340b9129adab3c9e3e0c6e": "No trial has randomised people to different ratios and measured outcomes.",
            "d:7ac5000e4e80427d5043c381": "Rosanoff, Dai and Shapses (2016) proposed it; the question is how well it is supported.",
        },
        hints=("Look for a guideline that sets a ratio. Is there one?",),
        explanation=("t:WAQVXIyYGj17YnvPgXB4vj1lubQvZMIUZbXavx_NvAi1e0nBL4l62e026xJBookcn6EDX1yKUO_rcR"
                     "9VDxWLJLu0mRJLPGihHHCOjlVfCSi8Pj6364TtJ1VowEs2cwm3-acK9Zzy7K_X6KZwo6an-13FJyUCsp"
                     "mPEHwVZe0cvWT2AjF_TFRhGrr52vawKtWXLKk07GSgX1r49G7vp-YZpI7bUnZQCZgZpEGY8PCFMQ=="),
    ),
    MultipleSelect(
        id="ex5.4",
        prompt="Which foods give at least 60 mg of magnesium per serving (course food table)?",
        options={"a": "pumpkin seeds (1 oz)", "b": "almonds (1 oz)", "c": "white rice (1/2 cup)",
                 "d": "spinach, boiled (1/2 cup)", "e": "chicken breast (3 oz)", "f": "milk (1 cup)"},
        answer=("d:4d1dec4b3de7609c1a185d60", "d:b3abead508da33eff51e25fe", "d:05b9f3f2446a97922b3e7523"),
        feedback={
            "d:2622389d89e89ed3a4f73354": "Refining removes the bran and germ, where most of the grain's magnesium is.",
            "d:080278641741274a7dfeef94": "Meat and poultry have some magnesium, but far less per serving than seeds, nuts and greens.",
            "d:b6f19407648fa5ab9595c416": "Milk is rich in calcium, not in magnesium: one reason high-dairy diets have a high Ca:Mg ratio.",
            "d:05b9f3f2446a97922b3e7523": "Cooked spinach is dense in magnesium (chlorophyll holds a magnesium atom).",
            "d:4d1dec4b3de7609c1a185d60": "Seeds are the densest source in the table.",
            "d:b3abead508da33eff51e25fe": "Nuts are among the best sources.",
        },
        hints=("Use foods() and look at 'magnesium_mg_per_serving'.",),
    ),
    MultipleChoice(
        id="ex5.5",
        prompt="In the magnesium trial of Dai et al. (2018), what happened to 25(OH)D?",
        options={"a": "it rose in everyone given magnesium",
                 "b": "it rose when it started low and fell when it started at 30-50 ng/mL",
                 "c": "nothing changed", "d": "it fell in everyone given magnesium"},
        answer="d:f90433024530b22bcbcce30f",
        feedback={
            "d:7bccf94a09e5f1c8de26d35c": "That is the simple story the article suggests; the trial found something subtler.",
            "d:575ef4a8b9fc1ec43afed038": "There were changes, but in different directions depending on where people started.",
            "d:21de9dfb37b2cbee4c4a2ffb": "It fell only in those who started in the 30-50 ng/mL range.",
        },
        hints=("The trial reported a result that depended on the starting 25(OH)D.",),
        explanation=("t:cAbwe7oh7hnfiZRAI-NkS2-w8tC6ZcdaWPwznuv0jsVpSzYLcipEShKTjKIN6wtX-GadM3dXMFT8I4"
                     "g7KZWBMrKyHt_3_lFzkQRSrlgSVKFiasCkqBqpkMlM-VQuYubGPcrQV4fy5Mg7tPlqGQWWxi58Y3Tg0v"
                     "Cwo8qWK7k="),
    ),
    Numeric(
        id="ex5.6",
        prompt="In a small trial (Cheung 2022), 25(OH)D rose by 6.3 ng/mL on magnesium plus vitamin D. "
               "How much is that in nmol/L?",
        unit="nmol/L",
        analyte="25ohd",
        target=lambda: CONSTANTS["cheung2022_combined_rise"][0] * nmol_per_ng_25ohd(),
        rel_tol=0.01,
        hints=("1 ng/mL = 2.496 nmol/L, for a change as for a level.",),
        explanation=("t:_sQAXxlj8JUCYoHbPmJx_lFYBO8lucyFjTFFmqw7HUvxxCjrbFHMpWJYVLZvVZNizpcIseMRoeMrUc"
                     "s9z6r2KZkHYhiKi2axF-x1jQDAj05w_6ca5hc4FYmgFNE8luJTcjwwkLHv9vq9OtIJpw=="),
    ),
    Numeric(
        id="ex5.7",
        points=2,
        prompt="Run the model: someone eats 150 mg/day of magnesium and 600 IU/day of vitamin D and gets no "
               "sun. Compare 84 days of +1000 IU/day vitamin D alone with +1000 IU/day plus +360 mg/day of "
               "magnesium. How much higher is 25(OH)D on day 84 with the combination?",
        unit="nmol/L",
        analyte="25ohd",
        target=tasks.ex5_7_combination_gain,
        abs_tol=0.3,
        rel_tol=0.1,
        mistakes=(Mistake(lambda t: tasks.ex5_7_finals()[1], "That is the day-84 value with the combination; "
                                                             "subtract the value with vitamin D alone."),
                  Mistake(lambda t: tasks.ex5_7_finals()[0], "That is the day-84 value with vitamin D alone; "
                                                             "the question asks for the difference.")),
        hints=("start = Scenario(sun_iu_per_day=0, magnesium_mg_per_day=150); alone: "
               "Scenario(vitamin_d_iu_per_day=1600, sun_iu_per_day=0, magnesium_mg_per_day=150).",
               "With magnesium: magnesium_mg_per_day=510. Subtract the two values on day 84."),
        explanation="Compare with the trial's 6.3 ng/mL: the model gives a small extra gain, because the "
                    "person's magnesium was low but not severely so.",
    ),
    Function(
        id="ex5.8",
        points=2,
        prompt="Write ca_mg_ratio_of(calcium_mg, magnesium_mg) returning the ratio; raise ValueError if an "
               "amount is negative or magnesium is 0.",
        name="ca_mg_ratio_of",
        reference=_ratio,
        cases=(Case((1000, 250)), Case((600, 300)), Case((1300, 420)),
               Case((0, 300), why="no calcium gives a ratio of 0"),
               Case((1000, 0), raises=ValueError, why="the ratio is undefined without magnesium"),
               Case((-5, 300), raises=ValueError, why="an intake cannot be negative"),
               Case((1000, -300), raises=ValueError, why="an intake cannot be negative")),
        rel_tol=1e-6,
        mistakes=(Mistake(lambda t: 1 / t if t else float("nan"), "You computed Mg:Ca; Ca:Mg is calcium / magnesium."),),
        hints=("Check for bad input before dividing.",),
    ),
    PredictThenSimulate(
        id="ex5.9",
        points=2,
        prompt="Summer: the default adult's sun input rises to 3500 IU/day for 90 days. In percent, which "
               "rises more?",
        choices={"25ohd": "25(OH)D rises much more than calcitriol",
                 "calcitriol": "calcitriol rises much more than 25(OH)D",
                 "same": "both rise by about the same percentage"},
        simulate=tasks.predict_ex5_9_summer,
        reflect="more sun raises the supply; why does the hormone barely move?",
        hints=("Which of the two follows supply, and which is held steady by PTH and CYP24A1?",),
    ),
    Numeric(
        id="ex5.10",
        points=2,
        prompt="Run the summer yourself: simulate(Scenario(sun_iu_per_day=3500), days=90, start=Scenario()). "
               "What is 25(OH)D on day 90, in ng/mL?",
        unit="ng/mL",
        analyte="25ohd",
        target=lambda: float(tasks.summer_run().final["ohd25_nmol_l"]) / nmol_per_ng_25ohd(),  # type: ignore[attr-defined]
        rel_tol=0.01,
        mistakes=(Mistake(lambda t: float(tasks.summer_run().df["ohd25_nmol_l"].iloc[0]) / nmol_per_ng_25ohd(),  # type: ignore[attr-defined]
                          "That is the day-0 value; read the last day of the run."),),
        hints=("res.final['ohd25_nmol_l'] is in nmol/L; the model also reports 'ohd25_ng_ml'.",),
    ),
)
