# %% [raw] spec="notebook"
# title: Start here
# about: >-
#   L0.1 multiple choice: the course is education, not medical advice (the disclaimer, as a
#   question).

# %% [markdown] question="L0.1"
# Try it (L0.1): what can this course do for you? Replace `None` with `"a"`, `"b"` or `"c"` (with
# the quotes) and run the cell.
#
# - a) tell you how much vitamin D and magnesium you should take
# - b) explain how the two nutrients work together, with the official reference values
# - c) diagnose a deficiency from your own blood test results

# %% [raw] spec="L0.1"
# kind: multiple choice
# answer: b
# feedback:
#   a: >-
#     No course can choose a dose for you: the right amount depends on your age, health, medicines
#     and blood results. The course only quotes the official reference values (RDA and upper
#     limits).
#   c: >-
#     Lessons 01 and 04 teach you to *read* lab values and their units, but a diagnosis needs a
#     clinician who knows your history.
# hints:
#   - Read the disclaimer at the end of the start page.
# explanation: >-
#   Right: this course is education. It explains how the body handles magnesium and vitamin D and
#   shows the official reference values, but it cannot tell you what to take; only a health
#   professional who knows you can.

# %% check="L0.1"
from mgdlearn.exercises import check

check("L0.1", None)
