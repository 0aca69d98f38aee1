"""Exercise notebook 4: when magnesium runs short (``exercises/04_when_magnesium_runs_short.ipynb``).

Sources: reddy1974 (magnesium-dependent vitamin-D-resistant rickets, case series), rude1985,
fatemi1991, ods_mg (serum ranges), terbraake2018, sakaguchi2019, bressendorff2023 (vascular
calcification: mixed evidence); serum magnesium units via :mod:`mgdlearn.units`; status categories
via :mod:`mgdlearn.reference_values`; ex4.6-ex4.8 run the model.
"""
from __future__ import annotations

from mgdlearn.exercises.bank import _model_tasks as tasks
from mgdlearn.exercises.bank._factors import mmol_per_mg_dl_calcium, mmol_per_mg_dl_serum_mg
from mgdlearn.exercises.kinds import (
    Case,
    Function,
    Mistake,
    MultipleChoice,
    MultipleSelect,
    Numeric,
    PredictThenSimulate,
)
from mgdlearn.reference_values import classify_serum_mg

TITLE = "When magnesium runs short"

_STATUS = {"severe hypomagnesemia": "low", "hypomagnesemia": "low", "normal": "normal", "above normal": "high"}


def _reference_mg_status(mmol_per_l: float) -> str:
    return _STATUS[classify_serum_mg(mmol_per_l).category]


EXERCISES = (
    MultipleChoice(
        id="ex4.1",
        prompt="Children with magnesium-dependent vitamin-D-resistant rickets (Reddy and Sivakumar 1974) did "
               "not respond to large doses of vitamin D. What healed them?",
        options={"a": "even larger doses of vitamin D", "b": "calcium supplements", "c": "magnesium",
                 "d": "more sunlight"},
        answer="d:7a6adb677a4300fcb9468a1a",
        feedback={
            "d:341821007563680887b75303": "More of what was not working did not work: the block was downstream of the supply.",
            "d:8ea4e54751b77d047db9eb2a": "Calcium alone does not fix hypocalcaemia that comes from failing PTH and calcitriol.",
            "d:74d57ec767f0f9c2c3be9522": "Sunlight is just another source of vitamin D; the supply was not the problem.",
        },
        hints=("The name of the condition says what the rickets depended on.",),
        explanation=("t:L3U2LnsnqN2CegT931bxUvn_qDoq_iGOW8KXJfeHcg0ERpx4BquQkDsAd2LYkgBD5QifDdOeJx59zO"
                     "mSADDyP1qRBUNngsX_mwqQFkLJkhCg2ioGoTPQkkEtpYRu-ksnxCFYtDjLNaZW2Og9PfixajpJ7-hoRs"
                     "NoSTxIKEM9aC_918DFJlp_"),
    ),
    Numeric(
        id="ex4.2",
        prompt="A patient's serum magnesium is 1.2 mg/dL. What is that in mmol/L?",
        unit="mmol/L",
        analyte="serum_mg",
        target=lambda: 1.2 * mmol_per_mg_dl_serum_mg(),
        rel_tol=0.02,
        mistakes=(Mistake(lambda t: t / mmol_per_mg_dl_serum_mg() * mmol_per_mg_dl_calcium(),
                          "You used the calcium factor (4.008). For magnesium, 1 mmol/L = 2.431 mg/dL "
                          "(24.305 g/mol)."),),
        hints=("1 mmol/L of magnesium = 2.431 mg/dL (atomic weight 24.305).",
               "Divide the mg/dL value by 2.431."),
        explanation=("t:uB10XMTdTP7dyN4yJ_OBRzQDz9KWAVONQF4L0otGFot4bjeKzUVtsgC0oaTcLx6D6kAU__BrKShCLc"
                     "hlSKhFwyPQXBsCiUvMNrnvzl-oggmtdJTjc16sLjAVuzi9SkdG8JpzR8s="),
    ),
    Function(
        id="ex4.3",
        points=2,
        prompt="Write mg_status(mmol_per_l) returning 'low' (below 0.75), 'normal' (0.75 to 0.95) or 'high' "
               "(above 0.95); raise ValueError for a negative value.",
        name="mg_status",
        returns="text",
        reference=_reference_mg_status,
        cases=(Case((0.85,)), Case((0.61,)), Case((1.2,)),
               Case((0.75,), why="0.75 itself is the lower limit of normal"),
               Case((0.95,), why="0.95 itself is the upper limit of normal"),
               Case((0.7499,), why="just below the lower limit"),
               Case((0.9501,), why="just above the upper limit"),
               Case((0.0,), why="zero is low, not an error"),
               Case((-0.1,), raises=ValueError, why="a concentration cannot be negative")),
        hints=("Test the boundaries: is 0.75 normal? Is 0.95 normal?",
               "Use `<` for the lower limit and `>` for the upper one."),
    ),
    MultipleChoice(
        id="ex4.4",
        prompt="Why can severe magnesium deficiency cause low calcium that resists both calcium and vitamin D?",
        options={"a": "PTH secretion and action fail, and less calcitriol is made",
                 "b": "magnesium binds calcium in the gut so it cannot be absorbed",
                 "c": "vitamin D becomes toxic without magnesium",
                 "d": "the kidneys stop excreting calcium"},
        answer="d:29d4942d543d9211aeda88c8",
        feedback={
            "d:e3f4d5d49b90f58e306ee5f1": "Magnesium and calcium share some transport, but binding in the gut is not the mechanism of "
                                          "this hypocalcaemia.",
            "d:153ca90bddf343332fe9076b": "'Not useful or safe without magnesium' is a press paraphrase, not a finding; toxicity needs "
                                          "very high doses and works through high calcium.",
            "d:17940a8c1637cf818d2d7a8f": "That would *raise* blood calcium, not lower it.",
        },
        hints=("Which hormone defends calcium, and what does it need to be secreted and to act?",),
        explanation=("t:qD8rFil-hRizFtiyNiO21YJsCPpTuy35QlQ9YtSpWwTnXfysDmnSvGT6CMjDhXW04XbX4dnEDeoYaX"
                     "0Ki3IOy27HpSEUdrmlyPXacPBWo9m79EymgRmjZEwUtb8-3m41UO5gawqD7DQEGpFCkPzYXXYqxpNZkV"
                     "y-kTh59HaDMGrFm5ycFTT8djTSRiI_QmHi97fhIuNspBH-vrzMa5mvSVMBO63onxHX"),
    ),
    MultipleSelect(
        id="ex4.5",
        prompt="The article links vitamin D without magnesium to vascular calcification. Which statements "
               "are supported by evidence?",
        options={"a": "magnesium inhibits hydroxyapatite (calcium phosphate crystal) formation in vitro",
                 "b": "two trials in kidney disease agree that magnesium slows coronary calcification",
                 "c": "vitamin D toxicity can calcify soft tissues through high blood calcium",
                 "d": "the model's vc_indicator is a clinical calcification risk score",
                 "e": "it is proven that vitamin D without magnesium calcifies arteries in healthy people"},
        answer=("d:4f54c4f7fbae8c83d3b09199", "d:ca312596a59c1fea1b6cc72f"),
        feedback={
            "d:4dcd98606f7f78e0f9635d18": "They disagree: magnesium oxide slowed coronary calcification in one CKD trial (Sakaguchi "
                                          "2019) but magnesium hydroxide did not in another (Bressendorff 2023).",
            "d:ab1c7bd886cd7957d13a97e8": "vc_indicator is a teaching indicator, not a clinical score.",
            "d:abd0245f43c6a71b73c1607e": "No trial shows this in healthy people; the general claim is claim-level.",
            "d:4f54c4f7fbae8c83d3b09199": "The in vitro work (ter Braake 2018) is the strongest part of the story.",
            "d:ca312596a59c1fea1b6cc72f": "Hypercalcaemia from vitamin D toxicity is the established route to soft-tissue calcium.",
        },
        hints=("Separate what was shown (in vitro, toxicity) from what was extrapolated.",),
    ),
    Numeric(
        id="ex4.6",
        points=2,
        prompt="Run the model (no sun): 2000 IU/day for 84 days, once with serum magnesium clamped at 0.50 "
               "mmol/L and once at 0.85 (each from its own steady state at 600 IU/day). How many nmol/L "
               "*less* does 25(OH)D rise at 0.50?",
        unit="nmol/L",
        analyte="25ohd",
        target=tasks.ex4_6_smaller_rise,
        rel_tol=0.05,
        abs_tol=0.5,
        mistakes=(Mistake(lambda t: tasks.ex4_6_run(0.85)[1] - tasks.ex4_6_run(0.50)[1],
                          "You compared the day-84 values; the two runs start at different levels, so compare "
                          "the rises (day 84 minus day 0)."),
                  Mistake(lambda t: tasks.ex4_6_run(0.50)[1] - tasks.ex4_6_run(0.50)[0],
                          "That is the rise at 0.50 mmol/L alone; subtract it from the rise at 0.85."),
                  Mistake(lambda t: tasks.ex4_6_run(0.85)[1] - tasks.ex4_6_run(0.85)[0],
                          "That is the rise at 0.85 mmol/L alone; subtract the rise at 0.50 from it.")),
        hints=("start = Scenario(sun_iu_per_day=0, serum_mg_mmol_l=0.5); simulate "
               "Scenario(vitamin_d_iu_per_day=2000, sun_iu_per_day=0, serum_mg_mmol_l=0.5) for 84 days.",
               "Rise = day 84 minus day 0, for each clamp; then subtract the two rises."),
    ),
    PredictThenSimulate(
        id="ex4.7",
        points=2,
        prompt="Severe deficiency: serum magnesium clamped at 0.40 mmol/L, no sun. Give 4000 IU/day of "
               "vitamin D for 12 weeks. Does ionized calcium reach the normal range (about 1.16 mmol/L or more)?",
        choices={"yes": "yes, vitamin D fixes the calcium", "no": "no, calcium stays low"},
        simulate=tasks.predict_ex4_7_vitamin_d_cannot_fix_it,
        reflect="what would you change instead, and how does that match the rickets case in ex4.1?",
        hints=("Which steps between vitamin D and blood calcium need magnesium?",),
    ),
    Numeric(
        id="ex4.8",
        points=3,
        prompt="Someone gets 1000 IU/day from the sun and 600 IU/day from food. Try magnesium intakes of "
               "0, 10, 20, ... 600 mg/day: what is the smallest at which raising oral vitamin D to 2000 IU/day "
               "lifts 25(OH)D above 75 nmol/L within 12 weeks (84 days, starting from the 600 IU/day steady "
               "state at the same magnesium intake)?",
        unit="mg/day",
        target=tasks.ex4_8_smallest_mg_intake,
        abs_tol=5.0,
        mistakes=(Mistake(lambda t: t - 10, "At that intake 25(OH)D still ends at or below 75 nmol/L; the next step "
                                            "up is the first that works."),
                  Mistake(lambda t: tasks.ex4_8_ohd25_at_answer(),
                          "That looks like a 25(OH)D value in nmol/L; the answer is the magnesium intake in mg/day "
                          "at which the goal is first reached.")),
        hints=("Loop over range(0, 601, 10); for each, simulate 84 days and test res.final['ohd25_nmol_l'] > 75.",
               "start = Scenario(sun_iu_per_day=1000, magnesium_mg_per_day=mg); scenario = "
               "Scenario(vitamin_d_iu_per_day=2000, sun_iu_per_day=1000, magnesium_mg_per_day=mg).",
               "Stop at the first intake that works (break)."),
        explanation="Compare your answer with the magnesium RDA (310-420 mg/day for adults): in this teaching "
                    "model only a deep shortage blocks the vitamin D response, which is where the evidence is "
                    "strongest too.",
    ),
)
