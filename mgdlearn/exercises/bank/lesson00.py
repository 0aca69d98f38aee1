"""Concept check on the start page: what the course is (and is not) for.

L0.1 multiple choice: the course is education, not medical advice (the disclaimer, as a question).
"""
from __future__ import annotations

from mgdlearn.exercises.kinds import MultipleChoice

TITLE = "Start here"

EXERCISES = (
    MultipleChoice(
        id="L0.1",
        prompt="What can this course do for you?",
        options={
            "a": "tell you how much vitamin D and magnesium you should take",
            "b": "explain how the two nutrients work together, with the official reference values",
            "c": "diagnose a deficiency from your own blood test results",
        },
        answer="d:921648f7b7579998fa92959b",
        feedback={
            "d:3e1e5de4a021bace9b84465b": "No course can choose a dose for you: the right amount depends on your "
                                          "age, health, medicines and blood results. The course only quotes the "
                                          "official reference values (RDA and upper limits).",
            "d:a1a36970921ed4ac8c57eb9b": "Lessons 01 and 04 teach you to *read* lab values and their units, but "
                                          "a diagnosis needs a clinician who knows your history.",
        },
        hints=("Read the disclaimer at the end of the start page.",),
        explanation=("t:MMDUGEiqFt36nXgu-lErfDboaTrs4uhAQFpRCypiEdhxuUvJemEKL-uplyUzs8fsuHcuRB9rgUH6N9rMWGSQVZehag"
                     "NsMJm8VCYRIA5yjPseSmb-BYNK6BdFfWZ3BQ468ZTW-r9nfOi0UnmuGRKMq6fW7XN0fs0vH7r9oGIDKLVnr-qNqdStnSt"
                     "fL27sRw7OfEOj3b2h3WVHlNGZsD2_Jx_H6IANywocQMHzocJKQDqCB2X9ohBEpA3kZHMTCcMmwP20eM9YKbByf-k6FYrk"
                     "ldenFvVF"),
    ),
)
