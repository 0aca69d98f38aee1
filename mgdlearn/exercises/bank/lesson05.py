"""Concept checks for lesson 5, keeping both in balance.

L5.1 numeric: the calcium-to-magnesium ratio of a day with 1,000 mg calcium and 320 mg magnesium
     (computed with :func:`mgdlearn.nutrition.ca_mg_ratio`; the landmarks are from rosanoff2016).
L5.2 multiple choice: skin vitamin D at 42 deg N in January, the vitamin D winter (webb1988).
L5.3 multiple choice: what the magnesium UL applies to (iom1997; ods_mg).
L5.4 multiple choice: who took part in the combined magnesium + vitamin D trial (cheung2022).
"""
from __future__ import annotations

from mgdlearn.exercises.kinds import Mistake, MultipleChoice, Numeric
from mgdlearn.nutrition import ca_mg_ratio

TITLE = "Keeping both in balance"

#: The day of L5.1 (mg/day): the adult calcium RDA (iom2011) and the RDA of a woman aged 31-50 (ods_mg).
L51_CALCIUM_MG = 1000.0
L51_MAGNESIUM_MG = 320.0


def _ratio() -> float:
    return ca_mg_ratio(L51_CALCIUM_MG, L51_MAGNESIUM_MG).ratio


EXERCISES = (
    Numeric(
        id="L5.1",
        prompt=("A day brings 1,000 mg of calcium and 320 mg of magnesium (both exactly at the RDA of a woman "
                "aged 31-50). What is the calcium-to-magnesium intake ratio?"),
        unit="",
        target=_ratio,
        rel_tol=0.02,
        mistakes=(
            Mistake(lambda t: 1.0 / t,
                    "You divided magnesium by calcium. The ratio puts calcium on top: calcium / magnesium."),
            Mistake(lambda t: 100.0 * t,
                    "The ratio is a plain number (mg divided by mg), not a percentage."),
        ),
        hints=("Divide the calcium amount by the magnesium amount; both are in mg, so the units cancel.",
               "Compare your answer with the band of about 1.7-2.8 that Rosanoff and colleagues proposed."),
        explanation=("t:719i0DyyhG0eV_zsKVKGXR3_vsAHjB1N32q_PBz5verMByVcSsFDpWR5U0nBoAfUqufUMKeBryrShilVjHNChh6DFr5fySuGpE"
                     "DX8faRJCWYiP4602a_GnyJ27vSczfsyvNPVsbOhFr9Snav_bqMVfwqo-FD6ddz57EyZlcCQqx7c_X1gk0mhAgK7_HixTr-SfKM25p"
                     "3lJfAZvqMWVEf2OeF9K6scEPhieSlnGX1kcsnPAZDQQ=="),
    ),
    MultipleChoice(
        id="L5.2",
        prompt=("Someone in Boston (42 deg N) spends 15 minutes in the midday sun in January with face and arms "
                "uncovered. About how much vitamin D does the skin make?"),
        options={
            "a": "about 1,000 IU",
            "b": "about 4,000 IU",
            "c": "almost none",
            "d": "it depends only on the skin type",
        },
        answer="d:83e2ea0458606901ab6ce981",
        feedback={
            "d:e8de8bddcd28278d6f28b2c5": "About 1,000 IU is the rule of thumb for a quarter of a sunburn dose on a "
                                          "quarter of the body when the sun is high. How high is the sun in a "
                                          "Boston January?",
            "d:fefd9e883e37f7633924d8bf": "That is about what a full sunburn dose on a quarter of the body makes in "
                                          "summer. Look at the figure 'Skin vitamin D from 10 min of sun' for "
                                          "January at 42 deg N.",
            "d:7379602b79af76ed02908307": "Skin type changes how many minutes it takes when the sun is high enough. "
                                          "Is there anything it cannot make up for?",
        },
        hints=("Find 42 deg N in the through-the-year panel of the sun figure and read off January.",
               "UVB below 315 nm is absorbed by ozone when the sun is low (below about 35 degrees)."),
        explanation=("t:JXviQTZdAncRJvmMT6N_9hz2mZ_nrSG-8WRgV3bXnc-jvN6fmBDQJSsDN6tteFdYQgxWq6e3amqttLjtVFh_Egj0YUbWFIY"
                     "TKKh1680Esl9xzgsSxi4ttQVrIcy_oSKShe9TEhbaS7zvvVoA74hj7JXV8m89OQBkf3PghYx4ateWOLLpMNSOeDLQglHjNX6"
                     "e7xDFyPOTYZh9fw8xw3UJtbBE_8KiNpIHD8S_-m25MCaCePx0x93Qhz1OtdF9MFamI9tk5IQpij-6xI90p9vZaGcvkkZoI-or"
                     "3OnFQgQHI5Imik_3Gz5-L3SmtqyWk_u4KZUpCrwR5I5tGchmvn2rjNCosr3bsUrk8UE3rX47c-ptPzwO3eZu2lw="),
    ),
    MultipleChoice(
        id="L5.3",
        prompt="The tolerable upper intake level (UL) for magnesium in adults is 350 mg/day. What does it count?",
        options={
            "a": "all magnesium eaten, food included",
            "b": "magnesium from supplements and medicines only",
            "c": "magnesium from food only",
            "d": "nothing: there is no upper limit for magnesium",
        },
        answer="d:0eed6df950294398d6089b1f",
        feedback={
            "d:a25d5bd665eeab9adc891bef": "If it counted food, the RDA for men (400-420 mg/day) would sit above the "
                                          "UL. What happens to extra magnesium from food in healthy kidneys?",
            "d:555a744f8f91b8b3bb7cc2a6": "Food is the one source the UL leaves out. Which sources cause the "
                                          "side effect (diarrhoea) that set it?",
            "d:7d4c1f5489e8f322b7051d2b": "There is one, set by the Institute of Medicine in 1997. Look at the "
                                          "'Upper limit' row of the comparison table.",
        },
        hints=("Read the 'Upper limit (UL)' row of the comparison table.",),
        explanation=("t:hl3g4vnCtrLjID49ANjD-wYGkmgUvSRMHe_6uDUEokFUgAiZrhhoeud4DBujqgcZ-sXdZUDisqBOjXLzO0kQhpdVZ21zUtSA"
                     "MgKheRKkGl42MI-9KcX32hvHTO4EXa41qEgrpJHXnTOFBJn6KKBLa67jZgtg_nX-6uHg9-tkd0KVhW1CIbC8Qzvg9KPJJcwanlu"
                     "zRhSe0l3Zl6ey6MApCZeQdbNoasj_gajG1-37tq8YT6Lgd0FR1m8mx1q4R6GER7l9rMbeSsuXHq8wvimBlFC09ESRsxi6ILs5H"
                     "Atxw12F"),
    ),
    MultipleChoice(
        id="L5.4",
        prompt=("The article says a combined magnesium and vitamin D supplement raised 25(OH)D more than vitamin D "
                "alone. Who took part in the trial behind that statement?"),
        options={
            "a": "adults with severe magnesium deficiency",
            "b": "overweight or obese adults",
            "c": "children with rickets",
            "d": "thousands of people from the general population",
        },
        answer="d:f7e6df2aa85caf6d89e40eff",
        feedback={
            "d:b99cdfc2f5494ae7b7c00b22": "Severe deficiency was studied in case series (lesson 04), not in this "
                                          "trial. Look at the population label of the trial figure.",
            "d:f82780fd14b2fa411a659cd6": "Children with rickets appear in Reddy and Sivakumar's 1974 case series, "
                                          "not in a combined-supplement trial.",
            "d:9777ff9b815bb9b3c3bcd495": "The trial was small: 95 people in three arms. Who were they?",
        },
        hints=("The trial figure labels each bar with its population.",),
        explanation=("t:SPln4R6SOYswbeE1Iyr0pQrRZW-NKLfm2ep13Xotpna1N7b-CPBa9_8NWnnzuaKntp-jLGQxGezxzhrWzi-KBqeSQDtYFd1m"
                     "fVUvD4vbyjvYIi2Tsypml9_AeBBhdUr8QZ83bFagnzgsNVlRUaT7wefcdg7S4HW8418cCx7OF08U2whO2VRdgQJXlxA9YG7AcD"
                     "vXaM6XcyAKS48tWgYYpXZq7PgsW_b5df-X4Pb89XAO2a2T8RnY_IPeOIrKA-4qXTSpCxwzwBZdppU6r_DIz7qgCraTARUHKI2L"
                     "DEwMgg=="),
    ),
)
