"""Concept checks for lesson 4, when magnesium runs short.

L4.1 multiple choice: what low magnesium does to the calcitriol dose-response (teaching model).
L4.2 numeric: the percentage change of calcitriol in Fatemi et al. 1991 (55 -> 43 pmol/L), computed
     from the observations of :mod:`mgdlearn.observations` (``data/observations.csv``), never typed in.
L4.3 multiple choice: does a normal serum magnesium rule out depletion? (ods_mg; debaaij2015)
L4.4 multiple choice: the evidence on magnesium and vascular calcification (terbraake2018;
     sakaguchi2019; bressendorff2023).
"""
from __future__ import annotations

from mgdlearn.exercises.kinds import Mistake, MultipleChoice, Numeric
from mgdlearn.observations import observation

TITLE = "When magnesium runs short"


def _fatemi() -> tuple[float, float]:
    return observation("fatemi1991_before").value, observation("fatemi1991_after").value


def _fatemi_percent_change() -> float:
    before, after = _fatemi()
    return (after - before) / before * 100.0


def _divided_by_after(t: float) -> float:
    before, after = _fatemi()
    return (after - before) / after * 100.0


EXERCISES = (
    MultipleChoice(
        id="L4.1",
        prompt=("In the dose-response explorer, serum magnesium is held at 0.50 mmol/L. As vitamin D intake "
                "rises from 0 to 4,000 IU/day, what does the calcitriol curve do compared with the curve at "
                "adequate magnesium?"),
        options={
            "a": "it catches up with the adequate curve at high doses",
            "b": "it stays below the adequate curve at every dose",
            "c": "it rises above the adequate curve",
            "d": "it falls to zero",
        },
        answer="d:a3e4700fa5dcc61891c4de13",
        feedback={
            "d:aab2a7ecb9677a8f4894f0ed": "More vitamin D raises 25(OH)D, the substrate, but look at the middle "
                                          "panel: does the gap close?",
            "d:88edde32d6b03710abb274e3": "Both curves are almost flat; which one is higher at 4,000 IU/day?",
            "d:5e3e27453f89b16c6a4d61a6": "At 0.50 mmol/L the kidney enzyme is slowed, not stopped.",
        },
        hints=("Read the calcitriol panel at 0 and at 4,000 IU/day for both lines.",),
        explanation=("t:UEMmJr7JbHXfuCrqS32xnGCYmlW7m3TRAOG3m0brJ23X2q7ok-isA9fMtfhd_xFNK6-RIGDSZJiH3_fZNXIsWuk7gw6q5"
                     "QvWWCsFfPb-4XCDJe4Usy3ouisFL1pxfs-BoEMLY_HTXQN7z7S1Ka27hwcKZB_iyIHVeuiu8DRIiEfI4cnP5Wu5W-Z5LgM70R6t"
                     "DrOn5--IUHi2MN1ALWeJiS4fcjH_wFPbqUStGBkDcck="),
    ),
    Numeric(
        id="L4.2",
        prompt=("In Fatemi et al. (1991) a three-week low-magnesium diet took mean calcitriol from 55 to 43 "
                "pmol/L. What was the percentage change (negative for a fall)?"),
        unit="%",
        target=_fatemi_percent_change,
        abs_tol=0.6,
        mistakes=(
            Mistake(_divided_by_after,
                    "You divided by the value *after* the diet. A percentage change is relative to where it "
                    "started: (after - before) / before."),
            Mistake(lambda t: -t,
                    "Calcitriol fell, so the change is negative."),
        ),
        hints=("Percentage change = (after - before) / before x 100.",),
        explanation=("t:vVrKFo5Ezbyql7HwftwwqUt6KosoSp8hAOX57kIw_nNsv3b9E70Qnyd1RZv1FvNMMmiR1qjTUWf_LSAlwQCnnWvKAqvbFL0JJ"
                     "boiXLl1h8VBpdA-kBPtyW8CiRp576On4AC7zkNwb3asJvQIkellfQI36vskp0cq11rXXe0QpxvRirvTOV_pj-aZQkTQDl1gCuabZ"
                     "y34unXzu1jWjGYxsJJwUMI="),
    ),
    MultipleChoice(
        id="L4.3",
        prompt="A blood test shows serum magnesium of 0.80 mmol/L, inside the normal range. Does that rule out "
               "magnesium depletion?",
        options={
            "a": "no: serum holds under 1 % of body magnesium, and stores can run low while serum stays normal",
            "b": "yes: a normal serum value means normal body magnesium",
            "c": "yes, as long as vitamin D is also normal",
            "d": "no: serum magnesium is always normal, whatever the stores",
        },
        answer="d:2908e1f7356a5bea53453b71",
        feedback={
            "d:4ad6c4c3612c60fd04e48e95": "Serum is a tiny fraction of body magnesium (most is in bone and cells), "
                                          "and the kidney defends it.",
            "d:4b8413086e26d51199c078e7": "Vitamin D status says nothing about magnesium stores.",
            "d:e342cf7cc294fb4091eaa8d0": "Too strong: serum magnesium does fall in real deficiency (below 0.75 "
                                          "mmol/L is hypomagnesaemia).",
        },
        hints=("Where is most of the body's magnesium: in blood, or in bone and cells?",),
        explanation=("t:DEYFvmsv6sMh3dKjk3xzqr-DOi7NVLMieynliwqPkIe2IMTcte7WdbphZrsggEgexXRrghEQ1a-WbHoWg5rLElFMOuhHBt"
                     "SsOXmekOx-1UQvEqm5I_OqYlisntNU-PiXJZLWvbzCDVCaoTWUL7X8Vnq_GoMovUFpZWwRm2vv_iqSYAQLL39WxG5ToXhego5ei"
                     "Mn05q6jEzllLTjUFxLcjeXEsiep"),
    ),
    MultipleChoice(
        id="L4.4",
        prompt="Which sentence best describes the evidence that magnesium protects arteries from calcification "
               "when people take vitamin D?",
        options={
            "a": "large trials in healthy adults have shown it",
            "b": "no study has looked at magnesium and calcification",
            "c": "laboratory and animal studies support it; trials in kidney disease disagree",
            "d": "trials show that magnesium causes calcification",
        },
        answer="d:5b4e86027ebaf0ff614b091d",
        feedback={
            "d:8596075562fb791d7f909616": "There are no such trials in healthy adults; the trials so far are in "
                                          "chronic kidney disease.",
            "d:d8e093c87ab09338016caae5": "Cell, animal and kidney-disease studies exist; look at the evidence "
                                          "check in this lesson.",
            "d:72225aaf0d1a89d45918c85d": "No trial found harm; one found slower progression, one no effect.",
        },
        hints=("Count the kinds of study in the evidence check: laboratory, and trials in which patients?",),
        explanation=("t:00teQde1HDTAq2BAjqnIQM0McHZ-l_2qyXeraUBpbzM2asYTxqSk_NQ3hCxsqwcAmOY4fC-cdtvcXHO0eZ0wdtR5F1ob"
                     "FqgPGhWK2vaCMIlzOlM5hrCKhBD6v7RoyvgPcI3aTiYga9CXAlFzb3mphouFyRFXT2MH2smefuMtu4Qp9oBdpih85pounIQshhf"
                     "tBNpWMKKZ7PkKL24-H20AoiE_4IGqXraoEEm8oT9lI5vajwAg12gpSq642js8juqBPysOzNBvZMb5pPkMwejT3c9a3mdjyHmmLvy"
                     "kJyyNVmpACnePviJoXp1zfjA-eTYw9LBtvehGkSu2Vi-u_z4HFvSZxgYiQq-iBRXxyeFjbCOEWryhMw=="),
    ),
)
