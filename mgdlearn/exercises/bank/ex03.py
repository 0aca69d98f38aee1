"""Exercise notebook 3: the bidirectional loop (``exercises/03_the_bidirectional_loop.ipynb``).

Sources: krejs1983 and wilz1979 (calcitriol and magnesium absorption: real but weak),
uwitonze2018, ods_mg (30-40 % of dietary magnesium absorbed), jones2014 (25(OH)D3 half-life
about 15 days); ex3.6 and ex3.7 run the model.
"""
from __future__ import annotations

import math

from mgdlearn.exercises.bank import _model_tasks as tasks
from mgdlearn.exercises.kinds import (
    Case,
    Function,
    Mistake,
    MultipleChoice,
    MultipleSelect,
    Numeric,
    PredictThenSimulate,
)

TITLE = "The bidirectional loop"

EXERCISES = (
    MultipleChoice(
        id="ex3.1",
        prompt="Magnesium helps make calcitriol. According to the article, what closes the loop in the other "
               "direction?",
        options={"a": "calcitriol increases magnesium absorption in the gut",
                 "b": "calcitriol makes magnesium in the kidney",
                 "c": "PTH stores magnesium in bone",
                 "d": "25(OH)D carries magnesium in the blood"},
        answer="d:97062ce937313bb1ec6f98f5",
        feedback={
            "d:440b7d62b7f71c210dca5f38": "Magnesium is an element: no organ can make it. Its level depends on intake, absorption "
                                          "and kidney losses.",
            "d:daca42068a5e5ab7a1be9542": "Bone does hold 50-60 % of body magnesium, but the article's loop runs through vitamin D.",
            "d:00d373b87129ed8774db51cf": "25(OH)D travels bound to DBP; it does not carry magnesium.",
        },
        hints=("Where does all the body's magnesium come from in the first place?",),
    ),
    MultipleChoice(
        id="ex3.2",
        prompt="How strong is the evidence that calcitriol raises magnesium absorption?",
        options={"a": "as strong as for calcium: a textbook effect",
                 "b": "real but weak: one study found a rise, another found no link",
                 "c": "disproven: calcitriol has no effect on magnesium",
                 "d": "never studied in humans"},
        answer="d:cbb92b0a05a2f600ec859cfc",
        feedback={
            "d:935d79e264851a3e30f6810c": "For calcium the effect is large and well established; for magnesium the human data are few "
                                          "and disagree.",
            "d:1034485c0dcdeb192130e7aa": "Not disproven: giving calcitriol did raise jejunal magnesium absorption in one study.",
            "d:ab41e70338a6009e192d66b5": "It has been studied in humans (1979, 1983), just not often.",
        },
        hints=("Compare Krejs 1983 (calcitriol for a week) with Wilz 1979 (absorption at many calcitriol levels).",),
        explanation=("t:yEplb9gTqLbx78pPvPpEF2R-JD8UDNcO2mn_ZqPNWgwzzTdtZzUZPydjLhtlqMWOQvDZwqmp8zpIA_"
                     "y_mHoqXAFYDP7gtpVI9SX1ToGSwxOTBsXkMmatP_qhJWYkSmWZo8BoKhlQW5fJOSztx0qv3Y-NcdAmbc"
                     "M9jlyVBEhSOMHDMYPEh0mAQdfd9wTwyBa3tUfcDVugDxRYZryJ21uoUfqyxpIjRkir2CmhvfJi4nnUJR"
                     "PRL2Q_AYjXdgk_OcpI6xMzmPigH_9e6pRhsPfyHxaYeYWMpTNQBxoxxt-TDA=="),
    ),
    Numeric(
        id="ex3.3",
        prompt="Someone eats 300 mg of magnesium a day and absorbs 35 % of it. How many mg do they absorb "
               "per day?",
        unit="mg/day",
        target="n:o5qVwO7bUCI=",
        rel_tol=0.01,
        mistakes=(Mistake(lambda t: 300 - t, "That is the part that is *not* absorbed (it leaves in the stool)."),
                  Mistake(lambda t: 300 / (t / 300), "You divided by the fraction; multiply instead."),
                  Mistake(lambda t: 100 * t / 300, "That is the percentage absorbed; the question asks for the "
                                                   "amount in mg: multiply the intake by the fraction.")),
        hints=("35 % means 0.35 of the intake.",),
        explanation="About 30-40 % of dietary magnesium is absorbed, more when intake is low (NIH ODS).",
    ),
    MultipleSelect(
        id="ex3.4",
        prompt="Which statements describe the magnesium-vitamin D loop as this course models it?",
        options={"a": "magnesium supports the enzymes that make 25(OH)D and calcitriol",
                 "b": "calcitriol modestly raises the fraction of magnesium absorbed",
                 "c": "the loop can also run downward: less magnesium, less calcitriol, less magnesium absorbed",
                 "d": "the loop makes magnesium and vitamin D rise without limit",
                 "e": "calcitriol raises magnesium absorption as strongly as calcium absorption"},
        answer=("d:6ddc322a52ec18bde2cd8f7d", "d:ee6b518b0a70dad4c83023f7", "d:b601dd8696da4d47c68671b6"),
        feedback={
            "d:22348120a6809a1c93f24430": "A positive loop need not run away: the enzymes saturate, and the kidney excretes extra "
                                          "magnesium, so the loop settles.",
            "d:2a343280e1892941cc0311c2": "The effect on calcium is large; on magnesium it is weak and uncertain (ex3.2).",
            "d:b601dd8696da4d47c68671b6": "A loop works in both directions: a shortage feeds on itself too.",
            "d:6ddc322a52ec18bde2cd8f7d": "This is the first half of the loop: magnesium as a cofactor.",
            "d:ee6b518b0a70dad4c83023f7": "This is the second half of the loop, modelled as a small effect.",
        },
        hints=("Three statements are true; two exaggerate.",),
    ),
    Function(
        id="ex3.5",
        points=2,
        prompt="Write fraction_remaining(days, half_life_days=15.0): the fraction of 25(OH)D left after "
               "`days` without supply. Raise ValueError for negative days or a half-life that is not positive.",
        name="fraction_remaining",
        cases=(Case((0,), expect="n:BXep_onFt8c=", why="nothing is lost at day 0"),
               Case((15,), expect="n:BWep_onFt8c="),
               Case((30,), expect="n:BVep_onFt8c="),
               Case((45, 10.0), expect="n:BSEJYO-6jAo="),
               Case((7.5,), expect="n:BWEJYO-6jAo=", why="half a half-life"),
               Case((-1,), raises=ValueError, why="time cannot be negative"),
               Case((10, 0), raises=ValueError, why="a half-life of 0 is meaningless"),
               Case((10, -15), raises=ValueError, why="a half-life cannot be negative")),
        rel_tol=1e-4,
        mistakes=(Mistake(lambda t: math.exp(math.log(t) / math.log(2)) if t > 0 else 0.0,
                          "You used exp(-days / half_life): that uses the half-life as if it were the mean "
                          "lifetime. With a half-life, the fraction left is 0.5 ** (days / half_life)."),
                  Mistake(lambda t: 1 - t, "That is the fraction *lost*; return the fraction left.")),
        hints=("After one half-life half is left; after two, a quarter.",
               "fraction = 0.5 ** (days / half_life_days); check the inputs first."),
        explanation="With a half-life of about 15 days (Jones 2014), a new steady state takes about 5 "
                    "half-lives (~75 days): the loop acts over months, not days.",
    ),
    Numeric(
        id="ex3.6",
        points=2,
        prompt="Run the model (no sun): by how many percentage points does the steady-state fraction of "
               "dietary magnesium absorbed ('mg_fractional_absorption') change when oral vitamin D goes "
               "from 600 to 4000 IU/day?",
        unit="percentage points",
        target=tasks.ex3_6_mg_absorption_points,
        abs_tol=0.05,
        rel_tol=0.05,
        mistakes=(Mistake(lambda t: t / 100, "Give percentage points: multiply the change in the fraction by 100."),
                  Mistake(lambda t: tasks.ex3_6_relative_change_percent(),
                          "That is the relative change in percent; percentage points are the plain difference "
                          "of the two percentages.")),
        hints=("ss = steady_state(Scenario(vitamin_d_iu_per_day=600, sun_iu_per_day=0)); same with 4000.",
               "Points = (fraction at 4000 - fraction at 600) x 100."),
        explanation="Compare it with 'ca_fractional_absorption' in the same runs: the model's loop is much "
                    "stronger for calcium than for magnesium, as the evidence suggests.",
    ),
    PredictThenSimulate(
        id="ex3.7",
        points=2,
        prompt="Magnesium intake of the default adult drops from 350 to 100 mg/day for a year. "
               "What happens to calcitriol?",
        choices={"falls": "calcitriol falls (by more than 2 %)", "rises": "calcitriol rises (by more than 2 %)",
                 "same": "calcitriol stays within 2 %"},
        simulate=tasks.predict_ex3_7_low_mg_intake,
        reflect="which arrows of the loop carry the change, and why is it slow?",
        hints=("Follow the loop downward: less magnesium absorbed, lower serum magnesium, slower enzymes.",),
    ),
    Numeric(
        id="ex3.8",
        points=2,
        prompt="Run the ex3.7 experiment yourself: simulate(Scenario(magnesium_mg_per_day=100), days=365, "
               "start=Scenario()). What is serum magnesium on day 365, in mmol/L?",
        unit="mmol/L",
        analyte="serum_mg",
        target=lambda: float(tasks.low_mg_intake_run().final["mg_serum_mmol_l"]),  # type: ignore[attr-defined]
        rel_tol=0.01,
        mistakes=(Mistake(lambda t: float(tasks.low_mg_intake_run().df["mg_serum_mmol_l"].iloc[0]),  # type: ignore[attr-defined]
                          "That is the day-0 value, before the intake dropped; read the last day."),
                  Mistake(lambda t: t - 0.75, "That is the distance below the normal range's lower limit; the "
                                              "question asks for the level itself.")),
        hints=("res.final['mg_serum_mmol_l'] is the value on the last day.",),
        explanation="Compare it with the normal range (0.75-0.95 mmol/L). Serum holds under 1 % of the body's "
                    "magnesium, and bone and the kidney buffer it, so a normal serum value does not rule out "
                    "depletion.",
    ),
)
