# %% [raw] spec="notebook"
# title: When magnesium runs short
# about: >-
#   L4.1 multiple choice: what low magnesium does to the calcitriol dose-response (teaching
#   model). L4.2 numeric: the percentage change of calcitriol in Fatemi et al. 1991 (55 -> 43
#   pmol/L), computed by :func:`mgdlearn.exercises.tasks.fatemi1991_calcitriol_change_percent` from
#   the observations lesson 4 plots, never typed in. L4.3
#   multiple choice: does a normal serum magnesium rule out depletion? (ods_mg; debaaij2015) L4.4
#   multiple choice: the evidence on magnesium and vascular calcification (terbraake2018;
#   sakaguchi2019; bressendorff2023).

# %% [markdown] question="L4.1"
# **Concept check L4.1.** In the dose-response explorer, serum magnesium is held at 0.50 mmol/L.
# As vitamin D intake rises from 0 to 4,000 IU/day, what does the calcitriol curve do compared with
# the curve at adequate magnesium?
#
# - a) it catches up with the adequate curve at high doses
# - b) it stays below the adequate curve at every dose
# - c) it rises above the adequate curve
# - d) it falls to zero

# %% [raw] spec="L4.1"
# kind: multiple choice
# answer: b
# feedback:
#   a: >-
#     More vitamin D raises 25(OH)D, the substrate, but look at the middle panel: does the gap
#     close?
#   c: Both curves are almost flat; which one is higher at 4,000 IU/day?
#   d: At 0.50 mmol/L the kidney enzyme is slowed, not stopped.
# hints:
#   - Read the calcitriol panel at 0 and at 4,000 IU/day for both lines.
# explanation: >-
#   It stays lower at every dose: extra vitamin D raises 25(OH)D, the substrate, but the kidney
#   enzyme's magnesium factor and the weaker PTH signal cap how much calcitriol is made.

# %% check="L4.1"
check("L4.1", None)

# %% [markdown] question="L4.2"
# **Concept check L4.2.** In Fatemi et al. (1991), mean calcitriol went from 55 to 43 pmol/L. What
# was the percentage change? Answer with a number, negative for a fall, without the % sign.

# %% [raw] spec="L4.2"
# kind: numeric
# answer: tasks.fatemi1991_calcitriol_change_percent()
# unit: >-
#   %
# abs_tol: 0.6
# mistakes:
#   divided by the value after:
#     wrong: tasks.fatemi1991_change_over_after_percent()
#     feedback: >-
#       You divided by the value *after* the diet. A percentage change is relative to where it
#       started: (after - before) / before.
#   sign:
#     wrong: -t
#     feedback: Calcitriol fell, so the change is negative.
# hints:
#   - Percentage change = (after - before) / before x 100.
# explanation: >-
#   (43 - 55) / 55 x 100 = -21.8 %. A mild depletion (serum magnesium 0.80 -> 0.61 mmol/L) was
#   enough; compare the teaching model's value in the PTH explorer's summary.

# %% check="L4.2"
check("L4.2", None)

# %% [markdown] question="L4.3"
# **Concept check L4.3.** A blood test shows serum magnesium of 0.80 mmol/L, inside the normal
# range. Does that rule out magnesium depletion? Answer `"a"`, `"b"`, `"c"` or `"d"`:
#
# - a) no: serum holds under 1 % of body magnesium, and stores can run low while serum stays normal
# - b) yes: a normal serum value means normal body magnesium
# - c) yes, as long as vitamin D is also normal
# - d) no: serum magnesium is always normal, whatever the stores

# %% [raw] spec="L4.3"
# kind: multiple choice
# answer: a
# feedback:
#   b: >-
#     Serum is a tiny fraction of body magnesium (most is in bone and cells), and the kidney
#     defends it.
#   c: Vitamin D status says nothing about magnesium stores.
#   d: >-
#     Too strong: serum magnesium does fall in real deficiency (below 0.75 mmol/L is
#     hypomagnesaemia).
# hints:
#   - >-
#     Where is most of the body's magnesium: in blood, or in bone and cells?
# explanation: >-
#   No. Serum holds under 1 % of the body's magnesium and the kidney defends it, so stores in bone
#   and cells can run low while serum stays in the normal range (NIH ODS).

# %% check="L4.3"
check("L4.3", None)

# %% [markdown] question="L4.4"
# **Concept check L4.4.** Which sentence best describes the evidence that magnesium protects
# arteries from calcification when people take vitamin D?
#
# - a) large trials in healthy adults have shown it
# - b) no study has looked at magnesium and calcification
# - c) laboratory and animal studies support it; trials in kidney disease disagree
# - d) trials show that magnesium causes calcification

# %% [raw] spec="L4.4"
# kind: multiple choice
# answer: c
# feedback:
#   a: >-
#     There are no such trials in healthy adults; the trials so far are in chronic kidney disease.
#   b: Cell, animal and kidney-disease studies exist; look at the evidence check in this lesson.
#   d: No trial found harm; one found slower progression, one no effect.
# hints:
#   - >-
#     Count the kinds of study in the evidence check: laboratory, and trials in which patients?
# explanation: >-
#   Laboratory and animal studies support it (ter Braake 2018), but the two trials in chronic
#   kidney disease disagree (Sakaguchi 2019 slowed coronary calcification; Bressendorff 2023 did
#   not). For healthy people there are no trial data: the article's claim is at the 'claim' level.

# %% check="L4.4"
check("L4.4", None)
