# %% [markdown]
# # Exercises 2: Magnesium beyond activation
#
# Practice for lesson 2: vitamin D binding protein (DBP), parathyroid hormone (PTH) and the calcium
# feedback loop. Type your answer where a cell says `None`, run it, then run the check below it.
# Wrong attempts unlock hints; `hint("ex2.4")` shows the next one on request.
#
# The model is a **teaching model**, not a tool for deciding anyone's treatment.

# %% [raw] spec="notebook"
# about: >-
#   Sources: uwitonze2018 (DBP claim, evidence weak), fatemi1991 (mild chronic depletion),
#   rude1985, bikle2014 (PTH actions); PTH units via :mod:`mgdlearn.units`; ex2.7 and ex2.8 run
#   the model.

# %%
from mgdlearn.exercises import check, hint
from mgdlearn.model import Scenario, simulate, steady_state

# %% [markdown] question="ex2.1"
# ## ex2.1 Where PTH comes from (1 point)
#
# Which glands secrete parathyroid hormone (PTH)? Answer in a word or two, in quotes.

# %% [raw] spec="ex2.1"
# kind: short answer
# answer:
#   - parathyroid glands
#   - parathyroid
#   - parathyroids
#   - parathyroid gland
# expected: the name of a gland
# feedback:
#   thyroid: >-
#     Close: the thyroid is next door and makes thyroid hormones and calcitonin. PTH comes from
#     four small glands behind it.
#   thyroid gland: >-
#     Close: the thyroid is next door and makes thyroid hormones and calcitonin. PTH comes from
#     four small glands behind it.
#   kidney: >-
#     The kidney responds to PTH (it makes more calcitriol and keeps more calcium); it does not
#     secrete PTH.
#   adrenal: The adrenal glands make cortisol and adrenaline, not PTH.
# hints:
#   - The hormone is named after them.

# %% answer="ex2.1"
answer_2_1 = None
### BEGIN SOLUTION
answer_2_1 = "parathyroid glands"
### END SOLUTION

# %% check="ex2.1"
check("ex2.1", answer_2_1)

# %% [markdown] question="ex2.2"
# ## ex2.2 How strong is the DBP claim? (1 point)
#
# The article says magnesium is needed for vitamin D metabolites to bind their transport protein,
# DBP. How strong is the evidence for that part?
#
# - **a** established: textbook physiology and guidelines
# - **b** supported: randomised trials agree
# - **c** emerging: consistent mechanistic studies in humans
# - **d** weakest: stated in a review, with little direct human evidence

# %% [raw] spec="ex2.2"
# kind: multiple choice
# answer: d
# feedback:
#   a: Textbooks describe DBP's transport role, but not a magnesium requirement for it.
#   b: No trial has tested magnesium's effect on DBP binding.
#   c: Even the enzyme part rests on sparse human data; the DBP part has less.
# hints:
#   - >-
#     Where does the claim come from: a trial, a textbook, or a review?
#   - Even the magnesium-enzyme link rests on sparse human data; the DBP part has less.
# explanation: >-
#   It comes from a narrative review (Uwitonze and Razzaque 2018); direct human data on magnesium
#   and DBP binding are sparse, so treat it as a claim to test, not a fact.

# %% answer="ex2.2"
answer_2_2 = None
### BEGIN SOLUTION
answer_2_2 = "d"
### END SOLUTION

# %% check="ex2.2"
check("ex2.2", answer_2_2)

# %% [markdown] question="ex2.3"
# ## ex2.3 PTH units (1 point)
#
# A lab reports intact PTH = 65 pg/mL. What is that in pmol/L? (1 pmol/L = 9.43 pg/mL.)

# %% [raw] spec="ex2.3"
# kind: numeric
# answer: 65 / factors.pg_per_pmol_pth()
# unit: pmol/L
# analyte: pth
# rel_tol: 0.02
# mistakes:
#   calcitriol factor:
#     wrong: t * factors.pg_per_pmol_pth() * factors.pmol_per_pg_calcitriol()
#     feedback: >-
#       You multiplied by 2.4, the calcitriol factor. PTH is a protein of about 9.4 kDa: 1 pmol/L
#       = 9.43 pg/mL.
# hints:
#   - 1 pmol/L of intact PTH = 9.43 pg/mL (molar mass about 9,425 g/mol).
#   - Going from pg/mL to pmol/L, divide by 9.43.
# explanation: About 6.9 pmol/L is the upper end of the usual intact PTH range (1.6-6.9 pmol/L).

# %% answer="ex2.3"
answer_2_3 = None
### BEGIN SOLUTION
answer_2_3 = 65 / 9.43
### END SOLUTION

# %% check="ex2.3"
check("ex2.3", answer_2_3)

# %% [markdown] question="ex2.4"
# ## ex2.4 What PTH does (1 point)
#
# When ionized calcium falls, what does PTH do? Give a list of **every** true statement, e.g. `["a", "e"]`.
#
# - **a** stimulates kidney CYP27B1, so more calcitriol is made
# - **b** makes the kidney reabsorb more calcium
# - **c** releases calcium from bone
# - **d** suppresses kidney CYP27B1
# - **e** induces CYP24A1, the inactivating enzyme

# %% [raw] spec="ex2.4"
# kind: multiple select
# answer:
#   - a
#   - b
#   - c
# feedback:
#   d: PTH stimulates CYP27B1; FGF23, calcium and calcitriol itself are what suppress it.
#   e: PTH suppresses CYP24A1 (so calcitriol lasts longer); calcitriol and FGF23 induce it.
#   a: >-
#     Raising calcitriol is one of PTH's main levers: calcitriol raises gut calcium absorption.
#   c: Bone is the big calcium reservoir PTH can draw on.
#   b: The kidney is one of PTH's targets for calcium.
# hints:
#   - >-
#     PTH's job is to bring calcium back up: which options do that?
#   - Three options raise calcium; two would lower calcitriol.

# %% answer="ex2.4"
answer_2_4 = None
### BEGIN SOLUTION
answer_2_4 = ["a", "b", "c"]
### END SOLUTION

# %% check="ex2.4"
check("ex2.4", answer_2_4)

# %% [markdown] question="ex2.5"
# ## ex2.5 The feedback loop (1 point)
#
# Put the calcium feedback loop in order, starting from a fall in calcium (a list of letters):
#
# - **c** the kidney makes more calcitriol
# - **e** calcium rises again and PTH secretion eases
# - **a** ionized calcium falls
# - **d** the gut absorbs more calcium
# - **b** the parathyroid glands release more PTH

# %% [raw] spec="ex2.5"
# kind: ordering
# answer:
#   - a
#   - b
#   - c
#   - d
#   - e
# feedback:
#   a, c, b, d, e: >-
#     Calcitriol rises *because* PTH stimulates the kidney enzyme, so PTH comes first.
#   a, b, d, c, e: >-
#     The gut absorbs more calcium in response to calcitriol, so calcitriol comes first.
#   b, a, c, d, e: >-
#     The loop starts with the signal PTH responds to: the calcium sensor sees calcium fall.
# hints:
#   - Each step causes the next; the last one switches the first one off.

# %% answer="ex2.5"
answer_2_5 = None
### BEGIN SOLUTION
answer_2_5 = ["a", "b", "c", "d", "e"]
### END SOLUTION

# %% check="ex2.5"
check("ex2.5", answer_2_5)

# %% [markdown] question="ex2.6"
# ## ex2.6 A depletion study (1 point)
#
# In a 3-week low-magnesium diet study (Fatemi et al. 1991), serum magnesium fell from 0.80 to
# 0.61 mmol/L and total calcium from 2.36 to 2.31 mmol/L. What happened to PTH in most of the
# 26 people?
#
# - **a** it rose sharply, as calcium fell
# - **b** it fell or did not change
# - **c** it doubled, then returned to normal
# - **d** it became undetectable

# %% [raw] spec="ex2.6"
# kind: multiple choice
# answer: b
# feedback:
#   a: >-
#     That is what you would expect if PTH were free to respond to the small fall in calcium; it
#     is exactly what did *not* happen.
#   c: No such overshoot was reported.
#   d: Undetectable PTH is not what mild depletion did; the failure was more subtle.
# hints:
#   - >-
#     Calcium fell only a little (2.36 to 2.31 mmol/L). Did PTH respond as the feedback loop
#     predicts?
#   - Magnesium is needed to secrete PTH; chronic depletion impairs secretion even when mild.
# explanation: >-
#   PTH fell or did not change in 20 of 26 people and calcitriol fell by about 22 %: mild chronic
#   magnesium depletion blunts the loop you ordered in ex2.5.

# %% answer="ex2.6"
answer_2_6 = None
### BEGIN SOLUTION
answer_2_6 = "b"
### END SOLUTION

# %% check="ex2.6"
check("ex2.6", answer_2_6)

# %% [markdown] question="ex2.7"
# ## ex2.7 Run the model: calcitriol at low magnesium (2 points)
#
# Compare two steady states in which serum magnesium is held ("clamped") at a value:
# `steady_state(Scenario(serum_mg_mmol_l=0.40))` and `steady_state(Scenario(serum_mg_mmol_l=0.85))`.
# By what percentage is calcitriol (`"calcitriol_pmol_l"`) lower at 0.40 mmol/L than at 0.85?

# %% [raw] spec="ex2.7"
# kind: numeric
# answer: tasks.ex2_7_calcitriol_drop_percent()
# unit: >-
#   %
# abs_tol: 1.0
# mistakes:
#   what remains:
#     wrong: 100 - t
#     feedback: >-
#       That is the percentage that *remains* (low / normal x 100); the question asks how much
#       *lower*: 100 % minus that.
#   fraction, not percent:
#     wrong: t / 100
#     feedback: Give the answer in percent (for example 25, not 0.25).
#   divided by the low value:
#     wrong: 100 * (1 / (1 - t / 100) - 1)
#     feedback: >-
#       You divided by the low value; 'lower than normal' means dividing the difference by the
#       normal value.
# hints:
#   - steady_state(Scenario(serum_mg_mmol_l=0.40))['calcitriol_pmol_l'], and the same at 0.85.
#   - Percent lower = (normal - low) / normal x 100.

# %% answer="ex2.7"
answer_2_7 = None
### BEGIN SOLUTION
low = steady_state(Scenario(serum_mg_mmol_l=0.40))["calcitriol_pmol_l"]
normal = steady_state(Scenario(serum_mg_mmol_l=0.85))["calcitriol_pmol_l"]
answer_2_7 = 100 * (normal - low) / normal
### END SOLUTION

# %% check="ex2.7"
check("ex2.7", answer_2_7)

# %% [markdown] question="ex2.8"
# ## ex2.8 Predict, then simulate: calcium at low magnesium (2 points)
#
# Serum magnesium of the default adult is clamped at 0.45 mmol/L for 60 days. **Predict first**:
# what happens to ionized calcium?
#
# - `"falls"`: ionized calcium falls
# - `"rises"`: ionized calcium rises
# - `"same"`: it stays about the same (within 0.02 mmol/L)
#
# The check runs the model; then try `simulate(Scenario(serum_mg_mmol_l=0.45), days=60, start=Scenario())`
# and look at `ca_ion_mmol_l` and `pth_pmol_l` in `res.df`.

# %% [raw] spec="ex2.8"
# kind: predict then simulate
# simulate: tasks.predict_ex2_8_low_mg_calcium
# reflect: PTH is the hormone that should defend calcium; what stops it from doing so here?
# hints:
#   - Low magnesium weakens PTH secretion, PTH action and CYP27B1 at the same time.

# %% answer="ex2.8"
prediction_2_8 = None
### BEGIN SOLUTION
prediction_2_8 = "falls"
### END SOLUTION

# %% check="ex2.8"
check("ex2.8", prediction_2_8)

# %% [markdown] question="ex2.9"
# ## ex2.9 Run it yourself: how far does calcium fall? (2 points)
#
# Run the ex2.8 experiment: `res = simulate(Scenario(serum_mg_mmol_l=0.45), days=60, start=Scenario())`.
# By how many mmol/L does ionized calcium (`"ca_ion_mmol_l"`) fall from day 0 to day 60? Give a
# positive number, and look at what PTH (`"pth_pmol_l"`) did meanwhile.

# %% [raw] spec="ex2.9"
# kind: numeric
# answer: tasks.ex2_9_calcium_fall()
# unit: mmol/L
# analyte: calcium
# rel_tol: 0.03
# abs_tol: 0.005
# mistakes:
#   day-60 level:
#     wrong: float(tasks.low_mg_calcium_run().df['ca_ion_mmol_l'].iloc[-1])
#     feedback: That is the day-60 level; subtract it from the day-0 level.
#   day-0 level:
#     wrong: float(tasks.low_mg_calcium_run().df['ca_ion_mmol_l'].iloc[0])
#     feedback: That is the day-0 level; the question asks how much it falls.
# hints:
#   - res.df['ca_ion_mmol_l'] holds ionized calcium for every day.
#   - Fall = first value - last value.

# %% answer="ex2.9"
answer_2_9 = None
### BEGIN SOLUTION
res = simulate(Scenario(serum_mg_mmol_l=0.45), days=60, start=Scenario())
answer_2_9 = res.df["ca_ion_mmol_l"].iloc[0] - res.df["ca_ion_mmol_l"].iloc[-1]
### END SOLUTION

# %% check="ex2.9"
check("ex2.9", answer_2_9)

# %% [markdown]
# ### Reflect
#
# PTH is supposed to defend blood calcium. Using ex2.6 and ex2.8, explain in two sentences why that
# defence weakens when magnesium is low (not graded).

# %%
# Your reflection (as a comment):
