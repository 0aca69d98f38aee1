# %% [markdown]
# # Exercises 4: When magnesium runs short
#
# Practice for lesson 4: vitamin D supplements that do not work, PTH that fails, the vascular
# calcification claim and magnesium-dependent vitamin-D-resistant rickets. Type your answer where a
# cell says `None`, run it, then run the check below it.
#
# The model is a **teaching model**. Its "what if" experiments hold serum magnesium at a chosen value;
# that shows a mechanism, not what would happen to a real patient.

# %% [raw] spec="notebook"
# about: >-
#   Sources: reddy1974 (magnesium-dependent vitamin-D-resistant rickets, case series), rude1985,
#   fatemi1991, ods_mg (serum ranges), terbraake2018, sakaguchi2019, bressendorff2023 (vascular
#   calcification: mixed evidence); serum magnesium units via :mod:`mgdlearn.units`; status
#   categories via :mod:`mgdlearn.reference_values`; ex4.6-ex4.8 run the model.

# %%
from mgdlearn.exercises import check, hint
from mgdlearn.model import Scenario, simulate, steady_state

# %% [markdown] question="ex4.1"
# ## ex4.1 Rickets that vitamin D did not cure (1 point)
#
# Children with magnesium-dependent vitamin-D-resistant rickets (Reddy and Sivakumar 1974) did not
# respond to large doses of vitamin D. What healed them?
#
# - **a** even larger doses of vitamin D
# - **b** calcium supplements
# - **c** magnesium
# - **d** more sunlight

# %% [raw] spec="ex4.1"
# kind: multiple choice
# answer: c
# feedback:
#   a: >-
#     More of what was not working did not work: the block was downstream of the supply.
#   b: Calcium alone does not fix hypocalcaemia that comes from failing PTH and calcitriol.
#   d: Sunlight is just another source of vitamin D; the supply was not the problem.
# hints:
#   - The name of the condition says what the rickets depended on.
# explanation: >-
#   Magnesium: once it was given, the vitamin D machinery worked again. A case series, not a
#   trial, but it fits the physiology (Rude 1985).

# %% answer="ex4.1"
answer_4_1 = None
### BEGIN SOLUTION
answer_4_1 = "c"
### END SOLUTION

# %% check="ex4.1"
check("ex4.1", answer_4_1)

# %% [markdown] question="ex4.2"
# ## ex4.2 Serum magnesium units (1 point)
#
# A patient's serum magnesium is 1.2 mg/dL. What is that in mmol/L? (1 mmol/L = 2.431 mg/dL.)

# %% [raw] spec="ex4.2"
# kind: numeric
# answer: 1.2 * factors.mmol_per_mg_dl_serum_mg()
# unit: mmol/L
# analyte: serum_mg
# rel_tol: 0.02
# mistakes:
#   calcium factor:
#     wrong: t / factors.mmol_per_mg_dl_serum_mg() * factors.mmol_per_mg_dl_calcium()
#     feedback: >-
#       You used the calcium factor (4.008). For magnesium, 1 mmol/L = 2.431 mg/dL (24.305 g/mol).
# hints:
#   - 1 mmol/L of magnesium = 2.431 mg/dL (atomic weight 24.305).
#   - Divide the mg/dL value by 2.431.
# explanation: >-
#   About 0.49 mmol/L: just below 0.5, the level below which PTH secretion fails (severe
#   hypomagnesemia).

# %% answer="ex4.2"
answer_4_2 = None
### BEGIN SOLUTION
answer_4_2 = 1.2 / 2.431
### END SOLUTION

# %% check="ex4.2"
check("ex4.2", answer_4_2)


# %% [markdown] question="ex4.3"
# ## ex4.3 Classify serum magnesium (2 points)
#
# Complete `mg_status(mmol_per_l)`: return `"low"` below 0.75 mmol/L, `"normal"` from 0.75 to 0.95
# (both limits included) and `"high"` above 0.95; raise `ValueError` for a negative value.

# %% [raw] spec="ex4.3"
# kind: function
# name: mg_status
# reference: tasks.serum_mg_status
# returns: text
# cases:
#   - args: [0.85]
#   - args: [0.61]
#   - args: [1.2]
#   - args: [0.75]
#     why: 0.75 itself is the lower limit of normal
#   - args: [0.95]
#     why: 0.95 itself is the upper limit of normal
#   - args: [0.7499]
#     why: just below the lower limit
#   - args: [0.9501]
#     why: just above the upper limit
#   - args: [0.0]
#     why: zero is low, not an error
#   - args: [-0.1]
#     raises: ValueError
#     why: a concentration cannot be negative
# hints:
#   - >-
#     Test the boundaries: is 0.75 normal? Is 0.95 normal?
#   - Use `<` for the lower limit and `>` for the upper one.

# %% answer="ex4.3"
def mg_status(mmol_per_l):
    """Classify a serum magnesium concentration (mmol/L) as 'low', 'normal' or 'high'."""
    ### BEGIN SOLUTION
    if mmol_per_l < 0:
        raise ValueError("a concentration cannot be negative")
    if mmol_per_l < 0.75:
        return "low"
    if mmol_per_l > 0.95:
        return "high"
    return "normal"
    ### END SOLUTION


# %% check="ex4.3"
check("ex4.3", mg_status)

# %% [markdown] question="ex4.4"
# ## ex4.4 Why the calcium will not come up (1 point)
#
# Why can severe magnesium deficiency cause low calcium that resists both calcium and vitamin D?
#
# - **a** PTH secretion and action fail, and less calcitriol is made
# - **b** magnesium binds calcium in the gut so it cannot be absorbed
# - **c** vitamin D becomes toxic without magnesium
# - **d** the kidneys stop excreting calcium

# %% [raw] spec="ex4.4"
# kind: multiple choice
# answer: a
# feedback:
#   b: >-
#     Magnesium and calcium share some transport, but binding in the gut is not the mechanism of
#     this hypocalcaemia.
#   c: >-
#     'Not useful or safe without magnesium' is a press paraphrase, not a finding; toxicity needs
#     very high doses and works through high calcium.
#   d: That would *raise* blood calcium, not lower it.
# hints:
#   - Which hormone defends calcium, and what does it need to be secreted and to act?
# explanation: >-
#   Severe depletion blocks PTH secretion and the kidney and bone response to it, and slows
#   CYP27B1; intravenous magnesium restores calcium and PTH within days (Rude 1985).

# %% answer="ex4.4"
answer_4_4 = None
### BEGIN SOLUTION
answer_4_4 = "a"
### END SOLUTION

# %% check="ex4.4"
check("ex4.4", answer_4_4)

# %% [markdown] question="ex4.5"
# ## ex4.5 Vascular calcification: what is shown? (1 point)
#
# The article links vitamin D without magnesium to vascular calcification. Which statements are
# supported by evidence? List every one.
#
# - **a** magnesium inhibits hydroxyapatite (calcium phosphate crystal) formation in vitro
# - **b** two trials in kidney disease agree that magnesium slows coronary calcification
# - **c** vitamin D toxicity can calcify soft tissues through high blood calcium
# - **d** the model's `vc_indicator` is a clinical calcification risk score
# - **e** it is proven that vitamin D without magnesium calcifies arteries in healthy people

# %% [raw] spec="ex4.5"
# kind: multiple select
# answer:
#   - a
#   - c
# feedback:
#   b: >-
#     They disagree: magnesium oxide slowed coronary calcification in one CKD trial (Sakaguchi
#     2019) but magnesium hydroxide did not in another (Bressendorff 2023).
#   d: vc_indicator is a teaching indicator, not a clinical score.
#   e: No trial shows this in healthy people; the general claim is claim-level.
#   a: The in vitro work (ter Braake 2018) is the strongest part of the story.
#   c: Hypercalcaemia from vitamin D toxicity is the established route to soft-tissue calcium.
# hints:
#   - Separate what was shown (in vitro, toxicity) from what was extrapolated.

# %% answer="ex4.5"
answer_4_5 = None
### BEGIN SOLUTION
answer_4_5 = ["a", "c"]
### END SOLUTION

# %% check="ex4.5"
check("ex4.5", answer_4_5)

# %% [markdown] question="ex4.6"
# ## ex4.6 Run the model: a supplement that works less (2 points)
#
# No sun. Give 2000 IU/day for 84 days twice: once with serum magnesium clamped at 0.50 mmol/L and
# once at 0.85, each starting from its own steady state at 600 IU/day:
#
# ```python
# start = Scenario(sun_iu_per_day=0, serum_mg_mmol_l=0.5)
# res = simulate(Scenario(vitamin_d_iu_per_day=2000, sun_iu_per_day=0, serum_mg_mmol_l=0.5), days=84, start=start)
# ```
#
# The rise is day 84 minus day 0. How many nmol/L **less** does 25(OH)D rise at 0.50 than at 0.85?

# %% [raw] spec="ex4.6"
# kind: numeric
# answer: tasks.ex4_6_smaller_rise()
# unit: nmol/L
# analyte: 25ohd
# rel_tol: 0.05
# abs_tol: 0.5
# mistakes:
#   day-84 values compared:
#     wrong: tasks.ex4_6_run(0.85)[1] - tasks.ex4_6_run(0.5)[1]
#     feedback: >-
#       You compared the day-84 values; the two runs start at different levels, so compare the
#       rises (day 84 minus day 0).
#   rise at 0.50 alone:
#     wrong: tasks.ex4_6_run(0.5)[1] - tasks.ex4_6_run(0.5)[0]
#     feedback: That is the rise at 0.50 mmol/L alone; subtract it from the rise at 0.85.
#   rise at 0.85 alone:
#     wrong: tasks.ex4_6_run(0.85)[1] - tasks.ex4_6_run(0.85)[0]
#     feedback: That is the rise at 0.85 mmol/L alone; subtract the rise at 0.50 from it.
# hints:
#   - >-
#     start = Scenario(sun_iu_per_day=0, serum_mg_mmol_l=0.5); simulate
#     Scenario(vitamin_d_iu_per_day=2000, sun_iu_per_day=0, serum_mg_mmol_l=0.5) for 84 days.
#   - Rise = day 84 minus day 0, for each clamp; then subtract the two rises.

# %% answer="ex4.6"
answer_4_6 = None
### BEGIN SOLUTION
rises = {}
for mg in (0.50, 0.85):
    start = Scenario(sun_iu_per_day=0, serum_mg_mmol_l=mg)
    res = simulate(Scenario(vitamin_d_iu_per_day=2000, sun_iu_per_day=0, serum_mg_mmol_l=mg), days=84, start=start)
    rises[mg] = res.df["ohd25_nmol_l"].iloc[-1] - res.df["ohd25_nmol_l"].iloc[0]
answer_4_6 = rises[0.85] - rises[0.50]
### END SOLUTION

# %% check="ex4.6"
check("ex4.6", answer_4_6)

# %% [markdown] question="ex4.7"
# ## ex4.7 Predict, then simulate: can vitamin D fix it? (2 points)
#
# Severe deficiency: serum magnesium clamped at 0.40 mmol/L, no sun. Someone is given 4000 IU/day of
# vitamin D for 12 weeks. **Predict first**: does ionized calcium reach the normal range (about
# 1.16 mmol/L or more)?
#
# - `"yes"`: yes, vitamin D fixes the calcium
# - `"no"`: no, calcium stays low

# %% [raw] spec="ex4.7"
# kind: predict then simulate
# simulate: tasks.predict_ex4_7_vitamin_d_cannot_fix_it
# reflect: what would you change instead, and how does that match the rickets case in ex4.1?
# hints:
#   - Which steps between vitamin D and blood calcium need magnesium?

# %% answer="ex4.7"
prediction_4_7 = None
### BEGIN SOLUTION
prediction_4_7 = "no"
### END SOLUTION

# %% check="ex4.7"
check("ex4.7", prediction_4_7)

# %% [markdown] question="ex4.8"
# ## ex4.8 Run the model: how much magnesium is enough? (3 points)
#
# Someone gets 1000 IU/day from the sun and 600 IU/day of vitamin D from food. Try magnesium intakes
# of 0, 10, 20, ... 600 mg/day. For each, start from the steady state at 600 IU/day with that
# magnesium intake, raise oral vitamin D to 2000 IU/day and simulate 84 days. What is the smallest
# magnesium intake at which 25(OH)D ends above 75 nmol/L? (A loop with `range(0, 601, 10)` and
# `break` does it.)

# %% [raw] spec="ex4.8"
# kind: numeric
# answer: tasks.ex4_8_smallest_mg_intake()
# unit: mg/day
# abs_tol: 5.0
# mistakes:
#   one step too low:
#     wrong: t - 10
#     feedback: >-
#       At that intake 25(OH)D still ends at or below 75 nmol/L; the next step up is the first
#       that works.
#   25(OH)D instead of the intake:
#     wrong: tasks.ex4_8_ohd25_at_answer()
#     feedback: >-
#       That looks like a 25(OH)D value in nmol/L; the answer is the magnesium intake in mg/day at
#       which the goal is first reached.
# hints:
#   - >-
#     Loop over range(0, 601, 10); for each, simulate 84 days and test res.final['ohd25_nmol_l'] >
#     75.
#   - >-
#     start = Scenario(sun_iu_per_day=1000, magnesium_mg_per_day=mg); scenario =
#     Scenario(vitamin_d_iu_per_day=2000, sun_iu_per_day=1000, magnesium_mg_per_day=mg).
#   - Stop at the first intake that works (break).
# explanation: >-
#   Compare your answer with the magnesium RDA (310-420 mg/day for adults): in this teaching model
#   only a deep shortage blocks the vitamin D response, which is where the evidence is strongest
#   too.

# %% answer="ex4.8"
answer_4_8 = None
### BEGIN SOLUTION
for mg in range(0, 601, 10):
    start = Scenario(sun_iu_per_day=1000, magnesium_mg_per_day=mg)
    res = simulate(Scenario(vitamin_d_iu_per_day=2000, sun_iu_per_day=1000, magnesium_mg_per_day=mg),
                   days=84, start=start)
    if res.final["ohd25_nmol_l"] > 75:
        answer_4_8 = mg
        break
### END SOLUTION

# %% check="ex4.8"
check("ex4.8", answer_4_8)

# %% [markdown]
# ### Reflect
#
# The article says vitamin D supplements are "ineffective" without magnesium. From ex4.6 to ex4.8,
# when does the model agree, and when does it not? (Not graded.)

# %%
# Your reflection (as a comment):
