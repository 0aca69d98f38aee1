"""Exercise notebook 2: magnesium beyond activation: DBP, PTH and the calcium feedback loop
(``exercises/02_magnesium_beyond_activation.ipynb``).

Sources: uwitonze2018 (DBP claim, evidence weak), fatemi1991 (mild chronic depletion), rude1985,
bikle2014 (PTH actions); PTH units via :mod:`mgdlearn.units`; ex2.7 and ex2.8 run the model.
"""
from __future__ import annotations

from mgdlearn.exercises.bank import _model_tasks as tasks
from mgdlearn.exercises.bank._factors import pg_per_pmol_pth, pmol_per_pg_calcitriol
from mgdlearn.exercises.kinds import (
    Mistake,
    MultipleChoice,
    MultipleSelect,
    Numeric,
    Ordering,
    PredictThenSimulate,
    ShortAnswer,
)

TITLE = "Magnesium beyond activation: DBP, PTH and feedback"

EXERCISES = (
    ShortAnswer(
        id="ex2.1",
        prompt="Which glands secrete parathyroid hormone (PTH)?",
        accepted=("d:a710d1115274829c18687bd8", "d:a37132cdf812bb126bf5a4f8", "d:629e74627fe9ea491e43f7fd", "d:51e819dcac462d1ec1c0101c"),
        feedback={
            "d:a5d93f1cd4b56b5f26c0cc26": "Close: the thyroid is next door and makes thyroid hormones and calcitonin. PTH comes "
                                          "from four small glands behind it.",
            "d:f7838b67001d3626c7d5b0eb": "Close: the thyroid is next door and makes thyroid hormones and calcitonin. PTH "
                                          "comes from four small glands behind it.",
            "d:6ab3d3b2e68db137cd0c542b": "The kidney responds to PTH (it makes more calcitriol and keeps more calcium); it does "
                                          "not secrete PTH.",
            "d:6c29b60a7c242799b95e98fb": "The adrenal glands make cortisol and adrenaline, not PTH.",
        },
        expected="the name of a gland",
        hints=("The hormone is named after them.",),
    ),
    MultipleChoice(
        id="ex2.2",
        prompt="The article says magnesium is needed for vitamin D metabolites to bind their transport protein "
               "(DBP). How strong is the evidence for that part?",
        options={"a": "established: textbook physiology and guidelines",
                 "b": "supported: randomised trials agree",
                 "c": "emerging: consistent mechanistic studies in humans",
                 "d": "weakest: stated in a review, with little direct human evidence"},
        answer="d:9e13c4b35c9f035d64c48e1c",
        feedback={
            "d:f9401532670db922014f519a": "Textbooks describe DBP's transport role, but not a magnesium requirement for it.",
            "d:15cbaba68386cd1f479781f7": "No trial has tested magnesium's effect on DBP binding.",
            "d:f5ea8144723fdbaa6d897ea8": "Even the enzyme part rests on sparse human data; the DBP part has less.",
        },
        hints=("Where does the claim come from: a trial, a textbook, or a review?",
               "Even the magnesium-enzyme link rests on sparse human data; the DBP part has less."),
        explanation=("t:JzusHT7ahEUwpWxp9aMt54n4yUmKdmRl2HHdvkPoUSBAFGZl-oDiwqcseQNUCue0ezDKoGnOR4dH9g"
                     "qU21Neqwj5aJPITlEEQRkk6Ru6MGVfM1nprJKJR0evVdr41tMJDPDNmS2ObuQcscQabQp2jT9KjebM0S"
                     "m55DcdamYPi8VIxd_Jz_-Ca1Azvx92iYamplYNeqKm-hlK4jGaEdDNT__nzUlG"),
    ),
    Numeric(
        id="ex2.3",
        prompt="A lab reports intact PTH = 65 pg/mL. What is that in pmol/L?",
        unit="pmol/L",
        analyte="pth",
        target=lambda: 65 / pg_per_pmol_pth(),
        rel_tol=0.02,
        mistakes=(Mistake(lambda t: t * pg_per_pmol_pth() * pmol_per_pg_calcitriol(),
                          "You multiplied by 2.4, the calcitriol factor. PTH is a protein of about 9.4 kDa: "
                          "1 pmol/L = 9.43 pg/mL."),),
        hints=("1 pmol/L of intact PTH = 9.43 pg/mL (molar mass about 9,425 g/mol).",
               "Going from pg/mL to pmol/L, divide by 9.43."),
        explanation=("t:eADgMbt46BjiQEaoDmQ-nb3kIeusqSNOsAZgbXDGO6HcZmsgE57LaaUVGjq_WzZjZh-PVz0nE5hMfD"
                     "oRjRi8Qw4u4KNJh2513hhX99BxgZ0U"),
    ),
    MultipleSelect(
        id="ex2.4",
        prompt="When ionized calcium falls, what does PTH do? Pick every true statement.",
        options={"a": "stimulates kidney CYP27B1, so more calcitriol is made",
                 "b": "makes the kidney reabsorb more calcium",
                 "c": "releases calcium from bone",
                 "d": "suppresses kidney CYP27B1",
                 "e": "induces CYP24A1, the inactivating enzyme"},
        answer=("d:61f09d4c934752a31c200d48", "d:2137b946df05d7d36e462811", "d:a9909a77e1a8cffcf8da3910"),
        feedback={
            "d:3fa222bc1188501c7e559721": "PTH stimulates CYP27B1; FGF23, calcium and calcitriol itself are what suppress it.",
            "d:3c4f9be534f8fe76846aa952": "PTH suppresses CYP24A1 (so calcitriol lasts longer); calcitriol and FGF23 induce it.",
            "d:61f09d4c934752a31c200d48": "Raising calcitriol is one of PTH's main levers: calcitriol raises gut calcium absorption.",
            "d:a9909a77e1a8cffcf8da3910": "Bone is the big calcium reservoir PTH can draw on.",
            "d:2137b946df05d7d36e462811": "The kidney is one of PTH's targets for calcium.",
        },
        hints=("PTH's job is to bring calcium back up: which options do that?",
               "Three options raise calcium; two would lower calcitriol."),
    ),
    Ordering(
        id="ex2.5",
        prompt="Put the calcium feedback loop in order, starting from a fall in calcium.",
        items={"a": "ionized calcium falls",
               "b": "the parathyroid glands release more PTH",
               "c": "the kidney makes more calcitriol",
               "d": "the gut absorbs more calcium",
               "e": "calcium rises again and PTH secretion eases"},
        positions=("d:e406b976803bd3917dda2052", "d:1831f6bbb1902b482ff74c33", "d:1053bdb636936f6c08bbe75b", "d:967484c1704288feca1335f4", "d:de1821feb3174b256a24187b"),
        feedback={
            "d:572e03ecdac8f0137b9bc15d": "Calcitriol rises *because* PTH stimulates the kidney enzyme, so PTH comes first.",
            "d:c13570590a9beeca10ef91e0": "The gut absorbs more calcium in response to calcitriol, so calcitriol comes first.",
            "d:1629d54114750ff7af4a7320": "The loop starts with the signal PTH responds to: the calcium sensor sees calcium fall.",
        },
        hints=("Each step causes the next; the last one switches the first one off.",),
    ),
    MultipleChoice(
        id="ex2.6",
        prompt="In a 3-week low-magnesium diet study (Fatemi 1991), serum magnesium fell from 0.80 to "
               "0.61 mmol/L. What happened to PTH in most of the 26 people?",
        options={"a": "it rose sharply, as calcium fell",
                 "b": "it fell or did not change",
                 "c": "it doubled, then returned to normal",
                 "d": "it became undetectable"},
        answer="d:62afa356cf3178618e4af28e",
        feedback={
            "d:232f7fb922109d6d98f83244": "That is what you would expect if PTH were free to respond to the small fall in calcium; "
                                          "it is exactly what did *not* happen.",
            "d:ca706432b47a6e7426765ca8": "No such overshoot was reported.",
            "d:26a82b5959e792af89f626d2": "Undetectable PTH is not what mild depletion did; the failure was more subtle.",
        },
        hints=("Calcium fell only a little (2.36 to 2.31 mmol/L). Did PTH respond as the feedback loop predicts?",
               "Magnesium is needed to secrete PTH; chronic depletion impairs secretion even when mild."),
        explanation=("t:k_72h458r50wPdca06VF_m3CClVH3Wc4KXjz_5XexZljem7TwDEQmrYWKNHqYsGU2QLgh_A8t7e7d-"
                     "qFl-OXcziNUeIvFwCcG-ljNvHqcQseZKANDHDQiXcZotWU30wex-mQFcTaV7HP6UD8c1s8Bd8-lvEK4K"
                     "alyoKglASR61oxuV34k7OkjrllqgRxEepxMQZiUbuBnQ=="),
    ),
    Numeric(
        id="ex2.7",
        points=2,
        prompt="Run the model: compare the steady states of Scenario(serum_mg_mmol_l=0.40) and "
               "Scenario(serum_mg_mmol_l=0.85). By what percentage is calcitriol lower at 0.40 mmol/L?",
        unit="%",
        target=tasks.ex2_7_calcitriol_drop_percent,
        abs_tol=1.0,
        mistakes=(Mistake(lambda t: 100 - t, "That is the percentage that *remains* (low / normal x 100); the "
                                             "question asks how much *lower*: 100 % minus that."),
                  Mistake(lambda t: t / 100, "Give the answer in percent (for example 25, not 0.25)."),
                  Mistake(lambda t: 100 * (1 / (1 - t / 100) - 1),
                          "You divided by the low value; 'lower than normal' means dividing the difference by "
                          "the normal value.")),
        hints=("steady_state(Scenario(serum_mg_mmol_l=0.40))['calcitriol_pmol_l'], and the same at 0.85.",
               "Percent lower = (normal - low) / normal x 100."),
    ),
    PredictThenSimulate(
        id="ex2.8",
        points=2,
        prompt="Clamp serum magnesium at 0.45 mmol/L for 60 days, starting from the default adult. "
               "What happens to ionized calcium?",
        choices={"falls": "ionized calcium falls", "rises": "ionized calcium rises",
                 "same": "it stays about the same (within 0.02 mmol/L)"},
        simulate=tasks.predict_ex2_8_low_mg_calcium,
        reflect="PTH is the hormone that should defend calcium; what stops it from doing so here?",
        hints=("Low magnesium weakens PTH secretion, PTH action and CYP27B1 at the same time.",),
    ),
    Numeric(
        id="ex2.9",
        points=2,
        prompt="Run the ex2.8 experiment yourself: simulate(Scenario(serum_mg_mmol_l=0.45), days=60, "
               "start=Scenario()). By how many mmol/L does ionized calcium fall from day 0 to day 60?",
        unit="mmol/L",
        analyte="calcium",
        target=tasks.ex2_9_calcium_fall,
        abs_tol=0.005,
        rel_tol=0.03,
        mistakes=(Mistake(lambda t: float(tasks.low_mg_calcium_run().df["ca_ion_mmol_l"].iloc[-1]),  # type: ignore[attr-defined]
                          "That is the day-60 level; subtract it from the day-0 level."),
                  Mistake(lambda t: float(tasks.low_mg_calcium_run().df["ca_ion_mmol_l"].iloc[0]),  # type: ignore[attr-defined]
                          "That is the day-0 level; the question asks how much it falls.")),
        hints=("res.df['ca_ion_mmol_l'] holds ionized calcium for every day.",
               "Fall = first value - last value."),
    ),
)
