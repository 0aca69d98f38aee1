"""Concept checks for lesson 3, the bidirectional loop.

L3.1 multiple choice: which step is the loop's return arrow (krejs1983; wilz1979).
L3.2 numeric: how much a loop of gain 0.2 amplifies a push, 1 / (1 - g) (computed, never typed in).
L3.3 multiple choice: what keeps the loop bounded in the model (debaaij2015: the renal threshold).
L3.4 predict, then simulate: serum magnesium a year after vitamin D intake goes from the adult RDA
     to the UL (iom2011), run in the teaching model at check time.
"""
from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from mgdlearn.exercises.kinds import Mistake, MultipleChoice, Numeric, PredictThenSimulate
from mgdlearn.model import Scenario, simulate
from mgdlearn.reference_values import rda, ul

TITLE = "The bidirectional loop"

#: Numbers the checks use: name -> (value, unit, source, meaning).
CONSTANTS: Mapping[str, tuple[float, str, str, str]] = MappingProxyType({
    "l32_gain": (0.2, "1", "krejs1983",
                 "the loop gain in the question (an exercise value, larger than the model's loop)"),
    "l34_change_mmol_l": (0.02, "mmol/L", "ods_mg",
                          "a change in serum Mg that counts: a tenth of the normal range 0.75-0.95 mmol/L"),
})


def _amplification() -> float:
    g = CONSTANTS["l32_gain"][0]
    return 1.0 / (1.0 - g)


@lru_cache(maxsize=1)
def predict_l34_more_vitamin_d() -> tuple[str, str]:
    """Run L3.4: vitamin D from the adult RDA to the UL for a year; classify the serum Mg change."""
    before = Scenario(vitamin_d_iu_per_day=rda("vitamin_d", 30))
    res = simulate(Scenario(vitamin_d_iu_per_day=float(ul("vitamin_d", 30) or 0.0)), days=365, start=before)
    df = res.df
    m0, m1 = float(df["mg_serum_mmol_l"].iloc[0]), float(df["mg_serum_mmol_l"].iloc[-1])
    c0, c1 = float(df["calcitriol_pmol_l"].iloc[0]), float(df["calcitriol_pmol_l"].iloc[-1])
    h0, h1 = float(df["ohd25_nmol_l"].iloc[0]), float(df["ohd25_nmol_l"].iloc[-1])
    limit = CONSTANTS["l34_change_mmol_l"][0]
    key = "rises" if m1 - m0 > limit else "falls" if m0 - m1 > limit else "barely"
    summary = (f"In the teaching model 25(OH)D went from {h0:.0f} to {h1:.0f} nmol/L, but calcitriol only from "
               f"{c0:.0f} to {c1:.0f} pmol/L, so serum magnesium went from {m0:.3f} to {m1:.3f} mmol/L.")
    return key, summary


EXERCISES = (
    MultipleChoice(
        id="L3.1",
        prompt="The article's loop has two arrows. Which one is the return arrow, from vitamin D back to magnesium?",
        options={
            "a": "magnesium helps the kidney enzyme CYP27B1 make calcitriol",
            "b": "PTH releases magnesium from bone",
            "c": "calcitriol raises the fraction of dietary magnesium the gut absorbs",
            "d": "25(OH)D carries magnesium in the blood",
        },
        answer="d:3f7c694b78e1aa7e6e6a56d4",
        feedback={
            "d:91e47f606624eed69dc84eb5": "That is the forward arrow (magnesium -> vitamin D activation). The "
                                          "question asks for the way back.",
            "d:b22e0cdc6ce67245dcb0d423": "PTH acts on bone and kidney, but the article's loop is about vitamin D "
                                          "feeding back on magnesium.",
            "d:bbefc0d73f103b29fd2ed817": "25(OH)D travels bound to vitamin D binding protein; it does not carry "
                                          "magnesium.",
        },
        hints=("Calcitriol is best known for what it does in the intestine for calcium.",),
        explanation=("t:7hyJuu9ZBEsShPP3vjQUeV2csxVVCXGWFB5rVmFpQvFcyHTQTMBvBBQpezQEKqB1WllWaehX_jQJ1OAm1GTG98lhnWXfN"
                     "ZF_0KKY6mPGV6Yrn150iCJKFRp6Zn0MGav00192o7CeFlCspVTe1rhCMPrQ7RCqLHLbb3aM18vzDKDLdnFaezuJsexneYoOTfvf"
                     "C-WltswJpAd9P9Eolmqy0TccRv3p9SEAuALh69Z2Wg3M_P96WvvsdT3UoO7m6s3Gu60d2VEAjzKat-h1YGuxBzce"),
    ),
    Numeric(
        id="L3.2",
        prompt=("A positive feedback loop has a loop gain of 0.2. A push raises serum magnesium by some amount "
                "before the loop responds. By what factor does the loop multiply that push in the end?"),
        unit="",
        target=_amplification,
        rel_tol=0.01,
        mistakes=(
            Mistake(lambda t: 2.0 - 1.0 / t,
                    "1 + g counts only the first trip around the loop. The loop goes round again and again: "
                    "add g, g squared, g cubed ... (a geometric series)."),
            Mistake(lambda t: 1.0 / t,
                    "1 - g would shrink the push: that is what a negative feedback loop does. A positive loop "
                    "enlarges it."),
            Mistake(lambda t: 1.0 / (1.0 - 1.0 / t),
                    "1 / g is not the amplification. Sum the series 1 + g + g\u00b2 + ... instead."),
        ),
        hints=("Each trip around the loop adds g times what the previous trip added.",
               "1 + g + g\u00b2 + g\u00b3 + ... = 1 / (1 - g) when g is below 1."),
        explanation=("t:04K0nfFcOEUpxDDEQV-on_VSmCwtgNNkTALv_7W-7Q2SeGEpD9ntAgg5G9ShV8Ci2kUi4b3461a37JPV0r4BQsEfa4GP2SFiU"
                     "hERRbPQjdyH21A53b9OvtaBRzo42TIMJpLYlZx9-kxHVqQomzEDF04Cj-kksWHjJBiiawuj4FLfK1j6ylxXo_5ZkOg45oePKIu2"
                     "XkZdCKeAGQ=="),
    ),
    MultipleChoice(
        id="L3.3",
        prompt="In the teaching model, what mainly keeps the magnesium-calcitriol loop from running away?",
        options={
            "a": "calcitriol stops being made once magnesium is normal",
            "b": "the gut stops absorbing magnesium when serum magnesium is normal",
            "c": "the magnesium store in bone fills without limit",
            "d": "the kidney excretes extra magnesium once serum magnesium nears the normal level",
        },
        answer="d:378d5903ff2140a61d6f4e56",
        feedback={
            "d:38ad04d211ed4ce4b7c03401": "Calcitriol keeps being made at normal magnesium; it is regulated by "
                                          "PTH, calcium, phosphate and FGF23, not switched off.",
            "d:cc78009c95bcc945c15482cd": "Absorption continues at any serum level; what changes with intake is "
                                          "the fraction absorbed. Where does surplus magnesium leave the body?",
            "d:6c8f27520ce25e7f2aee101b": "The exchangeable store buffers serum magnesium for weeks, but it "
                                          "settles at a level set by serum magnesium. It delays, it does not bound.",
        },
        hints=("Look at the phase plane: the 'calcitriol -> Mg' curve is almost vertical. Which organ makes it so steep?",),
        explanation=("t:sSBkFjri0OEL7hRe7cYJocWZl6teR97Vp8PGraFP5g9wiBBVBRivTA62GbcX5MNx_U5gKV6gXaxuAt3KzlHfI-foh1eeYq"
                     "NlF2D78n5Si21ZHqCUO1Oa-9UNRQBcRyivC6AqZpFGnRAOWg5CPvRB3E0Rdgld1SOU3chVbSQlXgl4pvcg1HRHnzQhk_WihnKOh"
                     "4QzfSxAo_beerovBm5BoSQYnp2HDSvGviD5Gmg6SriBKacoF6nNlhpzexBrXKXzYFBts_XMCrGg_vsuZp4iY_TDb5vY8sknWzyCK"
                     "iPwyabxy9dcj5WJRhSa-P8wQLKJ841wz8xfdmZHA0x1dt8XdoF_3CHmwmaC"),
    ),
    PredictThenSimulate(
        id="L3.4",
        prompt=("Someone eating 350 mg/day of magnesium raises vitamin D intake from the adult RDA (600 IU/day) "
                "to the UL (4,000 IU/day) for a year. If the loop worked as the article says, serum magnesium "
                "would climb. What does the teaching model predict?"),
        choices={
            "rises": "serum magnesium rises by more than 0.02 mmol/L",
            "barely": "serum magnesium changes by less than 0.02 mmol/L",
            "falls": "serum magnesium falls by more than 0.02 mmol/L",
        },
        simulate=predict_l34_more_vitamin_d,
        reflect=("more vitamin D raised 25(OH)D a lot. Why did calcitriol, the form that acts on the gut, hardly "
                 "move?"),
        hints=("Which form of vitamin D acts on the gut, and how tightly is it regulated?",),
    ),
)
