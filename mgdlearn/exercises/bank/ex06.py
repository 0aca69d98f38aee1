"""Exercise notebook 6: the case study (``exercises/06_case_study.ipynb``). Not medical advice.

A fictional patient, Ana, with lab values in mixed units. Sources: reference ranges and status
categories via :mod:`mgdlearn.reference_values` (iom2011, ods_vitd, ods_mg), units via :mod:`mgdlearn.units`,
reddy1974 and rude1985 (established role of magnesium), dai2018 and cheung2022 (trials: emerging);
ex6.7 and ex6.8 run the model.
"""
from __future__ import annotations

from mgdlearn.exercises.bank import _model_tasks as tasks
from mgdlearn.exercises.bank._factors import mmol_per_mg_dl_calcium, mmol_per_mg_dl_serum_mg, pg_per_pmol_pth
from mgdlearn.exercises.bank._factors import nmol_per_ng_25ohd, pmol_per_pg_calcitriol
from mgdlearn.exercises.kinds import Mistake, MultipleChoice, MultipleSelect, Numeric, PredictThenSimulate

TITLE = "Case study: Ana's winter labs"

EXERCISES = (
    Numeric(
        id="ex6.1",
        prompt="Ana's 25(OH)D is 14 ng/mL. What is it in nmol/L?",
        unit="nmol/L",
        analyte="25ohd",
        target=lambda: 14 * nmol_per_ng_25ohd(),
        rel_tol=0.01,
        mistakes=(Mistake(lambda t: t / nmol_per_ng_25ohd() ** 2, "You divided by 2.496; from ng/mL to nmol/L the "
                                                                  "number gets bigger."),
                  Mistake(lambda t: t / nmol_per_ng_25ohd() * pmol_per_pg_calcitriol(),
                          "2.4 is the calcitriol factor; 25(OH)D uses 2.496.")),
        hints=("Same conversion as in notebook 1: 1 ng/mL = 2.496 nmol/L.",),
    ),
    MultipleChoice(
        id="ex6.2",
        prompt="Using the IOM 2011 / NIH ODS categories, what is Ana's vitamin D status?",
        options={"a": "deficient (below 30 nmol/L)", "b": "inadequate for some (30 to below 50 nmol/L)",
                 "c": "adequate (50-125 nmol/L)", "d": "high (above 125 nmol/L)"},
        answer="d:3bb26cb7ff509d75ed61478b",
        feedback={
            "d:92c1cd2d6fed3bfd377a43c6": "Compare in one unit: convert 14 ng/mL first (ex6.1), then read the bands.",
            "d:0e178928e08af738b7b84829": "The adequate band starts at 50 nmol/L (20 ng/mL); Ana is below it.",
            "d:6f206defe5b29e552537b9c5": "That would need more than 125 nmol/L (50 ng/mL).",
        },
        hints=("classify_25ohd('14 ng/mL') gives the category directly.",),
        explanation=("t:HuI76M4D3ZMfFYl81yXO_uWvdfFc275aydwj0rDPoSbUKPDEZnVoNYYgGvKuLq1l0GYG_NlMK4_wtR"
                     "40QXUb6iNDyyMq_DIvC6d9w-4SaDuNO5aQ_gGBEFHzMyB9ykkqaN0S4e9FaEZlJQfVqbGcCD1lradex4"
                     "DM0MBAgpTg5qoknDojpT7ceRFVR8yoWxnWOsXk1HDMUyaLySdszM3adCUWEXRO44OWsv4XD-a2YP073K"
                     "6Icjhh"),
    ),
    Numeric(
        id="ex6.3",
        prompt="Ana's serum magnesium is 1.5 mg/dL. What is it in mmol/L?",
        unit="mmol/L",
        analyte="serum_mg",
        target=lambda: 1.5 * mmol_per_mg_dl_serum_mg(),
        rel_tol=0.02,
        mistakes=(Mistake(lambda t: t / mmol_per_mg_dl_serum_mg() * mmol_per_mg_dl_calcium(),
                          "You used the calcium factor (4.008); magnesium uses 2.431."),),
        hints=("1 mmol/L of magnesium = 2.431 mg/dL.",),
    ),
    MultipleChoice(
        id="ex6.4",
        prompt="What is Ana's magnesium status (NIH ODS normal range 0.75-0.95 mmol/L)?",
        options={"a": "normal", "b": "hypomagnesemia, but not severe", "c": "severe hypomagnesemia (below 0.5)",
                 "d": "above normal"},
        answer="d:a4d8bad6588830046febe42f",
        feedback={
            "d:ed7035c47c82c1246e392894": "The normal range starts at 0.75 mmol/L; compare Ana's value in mmol/L (ex6.3).",
            "d:c7e7693ad0ea2215405a36f7": "Severe means below 0.5 mmol/L (1.2 mg/dL), where PTH secretion fails; Ana is above that.",
            "d:38cf628f9c2e50583807b6c6": "Above normal would be over 0.95 mmol/L.",
        },
        hints=("classify_serum_mg('1.5 mg/dL') names the category.",),
    ),
    Numeric(
        id="ex6.5",
        prompt="Ana's intact PTH is 75 pg/mL. What is it in pmol/L?",
        unit="pmol/L",
        analyte="pth",
        target=lambda: 75 / pg_per_pmol_pth(),
        rel_tol=0.02,
        mistakes=(Mistake(lambda t: t * pg_per_pmol_pth() * pmol_per_pg_calcitriol(),
                          "2.4 is the calcitriol factor; PTH uses 9.43 (1 pmol/L = 9.43 pg/mL)."),),
        hints=("1 pmol/L of intact PTH = 9.43 pg/mL.",),
        explanation="Compare it with the usual range of about 1.6-6.9 pmol/L: with low 25(OH)D, a raised PTH "
                    "is the expected response, and mild magnesium depletion has not (yet) blocked it.",
    ),
    MultipleSelect(
        id="ex6.6",
        prompt="Which points are sensible for Ana to raise with her clinician? (A teaching exercise, not advice.)",
        options={"a": "eating more magnesium-rich foods (seeds, nuts, beans, greens)",
                 "b": "vitamin D at the reference intake, or as her clinician prescribes",
                 "c": "rechecking her labs after a few months",
                 "d": "50,000 IU of vitamin D every day to catch up quickly",
                 "e": "1000 mg/day of supplemental magnesium",
                 "f": "stopping all calcium from food"},
        answer=("d:5da6a34e011882ceb0268fe1", "d:4649360fb24ee01e08666652", "d:d9e252a4b44226d9f383f0aa"),
        feedback={
            "d:02bfabdef6f13dd55361413a": "50,000 IU every day is more than ten times the UL (4000 IU/day); that is how toxicity happens.",
            "d:9f35f6aafe481f3c8411ed15": "The UL for supplemental magnesium is 350 mg/day for adults; above it diarrhoea is common.",
            "d:c79a57ea534402c9753d0966": "Calcium matters for her bones; the aim is enough of both minerals, not less calcium.",
            "d:d9e252a4b44226d9f383f0aa": "25(OH)D takes about 3 months to settle at a new level, so a recheck then is informative.",
            "d:5da6a34e011882ceb0268fe1": "Food magnesium has no UL, and her intake is likely low.",
            "d:4649360fb24ee01e08666652": "Her status is low, and the reference intake is the starting point for a discussion.",
        },
        hints=("Check each option against the ULs: 4000 IU/day for vitamin D, 350 mg/day for supplemental "
               "magnesium.",),
    ),
    Numeric(
        id="ex6.7",
        points=2,
        prompt="Run the model with the notebook's Ana scenarios: plan A (+1000 IU/day, magnesium stays at "
               "0.62 mmol/L) and plan B (the same, plus enough dietary magnesium: 400 mg/day). How much higher "
               "is 25(OH)D on day 84 with plan B?",
        unit="nmol/L",
        analyte="25ohd",
        target=tasks.ex6_7_plan_b_gain,
        abs_tol=0.3,
        rel_tol=0.05,
        mistakes=(Mistake(lambda t: tasks.ana_plan("B").final["ohd25_nmol_l"],  # type: ignore[attr-defined]
                          "That is plan B's day-84 value; subtract plan A's."),
                  Mistake(lambda t: tasks.ana_plan("A").final["ohd25_nmol_l"],  # type: ignore[attr-defined]
                          "That is plan A's day-84 value; the question asks how much higher plan B ends.")),
        hints=("plan_a = simulate(plan_a_scenario, days=84, start=ana); the same for plan B.",
               "Subtract plan A's day-84 25(OH)D from plan B's."),
    ),
    PredictThenSimulate(
        id="ex6.8",
        points=2,
        prompt="With plan B, is Ana's serum magnesium in the normal range (at least 0.75 mmol/L) on day 84?",
        choices={"yes": "yes, back in the normal range", "no": "no, still low"},
        simulate=tasks.predict_ex6_8_plan_b_mg,
        reflect="how fast does serum magnesium respond compared with 25(OH)D, and why?",
        hints=("Serum magnesium is a small pool refilled from the gut and bone; 25(OH)D has a half-life of weeks.",),
    ),
    Numeric(
        id="ex6.9",
        points=2,
        prompt="With plan A, what is Ana's 25(OH)D on day 84, in ng/mL (the unit of her lab)?",
        unit="ng/mL",
        analyte="25ohd",
        target=lambda: float(tasks.ana_plan("A").final["ohd25_nmol_l"]) / nmol_per_ng_25ohd(),  # type: ignore[attr-defined]
        rel_tol=0.01,
        mistakes=(Mistake(lambda t: float(tasks.ana_plan("B").final["ohd25_nmol_l"]) / nmol_per_ng_25ohd(),  # type: ignore[attr-defined]
                          "That is plan B's value; the question asks about plan A."),
                  Mistake(lambda t: float(tasks.ana_plan("A").df["ohd25_nmol_l"].iloc[0]) / nmol_per_ng_25ohd(),  # type: ignore[attr-defined]
                          "That is the value on day 0, before the plan starts.")),
        hints=("res_a.final['ohd25_nmol_l'] is in nmol/L; divide by 2.496 (or read 'ohd25_ng_ml').",),
        explanation="Compare it with the 20 ng/mL line of the IOM categories: which category would plan A "
                    "reach in 12 weeks?",
    ),
    MultipleChoice(
        id="ex6.10",
        points=2,
        prompt="Which sentence belongs in an honest justification of plan B?",
        options={"a": "Magnesium doubles the effect of vitamin D for everyone.",
                 "b": "Magnesium is needed to activate vitamin D and make PTH work (established); trials of "
                      "magnesium to raise 25(OH)D are few and small (emerging).",
                 "c": "Without magnesium, vitamin D is not useful or safe.",
                 "d": "The model proves that plan B is best for Ana."},
        answer="d:bfb38203b7cc7200609eeeed",
        feedback={
            "d:3c52348a263353efb16583b3": "No trial shows a doubling; effects depend on the starting levels (Dai 2018).",
            "d:6bae763390e094dc8df36d68": "That is a press paraphrase of a review, not a trial result: claim-level.",
            "d:7d7ac4a30021fb4880901a09": "A teaching model shows consequences of its assumptions; it cannot prove what is best for a "
                                          "real person.",
        },
        hints=("Pick the sentence that says how strong each part of the evidence is.",),
    ),
)
