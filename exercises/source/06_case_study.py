# %% [markdown]
# # Exercises 6: Case study: Ana's winter labs
#
# > **Not medical advice.** Ana is fictional. This exercise practises reading lab values, comparing
# > them with reference ranges, running a *teaching* model and judging evidence. Real decisions about
# > tests, doses and supplements belong to a person and their clinician, starting from official
# > reference intakes.
#
# **Ana**, 58, works indoors in Edinburgh (56° N). Even at 52° N, Webb et al. (1988) found no
# meaningful vitamin D synthesis in skin from October to March. She eats little in the way of nuts, seeds, beans or greens, and takes no
# supplements. Her late-winter blood tests, from a lab that reports in mass units:
#
# | test | result |
# |---|---|
# | 25(OH)D | 14 ng/mL |
# | serum magnesium | 1.5 mg/dL |
# | total calcium | 8.9 mg/dL (normal) |
# | intact PTH | 75 pg/mL |
#
# Interpret the labs (ex6.1-ex6.5), choose what to discuss (ex6.6), simulate two plans (ex6.7-ex6.9)
# and justify (ex6.10). Type your answer where a cell says `None`, run it, then run the check below it.

# %% [raw] spec="notebook"
# about: >-
#   A fictional patient, Ana, with lab values in mixed units. Sources: reference ranges and status
#   categories via :mod:`mgdlearn.reference_values` (iom2011, ods_vitd, ods_mg), units via
#   :mod:`mgdlearn.units`, reddy1974 and rude1985 (established role of magnesium), dai2018 and
#   cheung2022 (trials: emerging); ex6.7 and ex6.8 run the model.

# %%
from mgdlearn.exercises import check, hint
from mgdlearn.model import Scenario, simulate
from mgdlearn.reference_values import classify_25ohd, classify_serum_mg

# %% [markdown] question="ex6.1"
# ## ex6.1 25(OH)D in nmol/L (1 point)
#
# Convert Ana's 25(OH)D, 14 ng/mL, to nmol/L.

# %% [raw] spec="ex6.1"
# kind: numeric
# answer: 14 * factors.nmol_per_ng_25ohd()
# unit: nmol/L
# analyte: 25ohd
# rel_tol: 0.01
# mistakes:
#   divided by the factor:
#     wrong: t / factors.nmol_per_ng_25ohd() ** 2
#     feedback: You divided by 2.496; from ng/mL to nmol/L the number gets bigger.
#   calcitriol factor:
#     wrong: t / factors.nmol_per_ng_25ohd() * factors.pmol_per_pg_calcitriol()
#     feedback: 2.4 is the calcitriol factor; 25(OH)D uses 2.496.
# hints:
#   - >-
#     Same conversion as in notebook 1: 1 ng/mL = 2.496 nmol/L.

# %% answer="ex6.1"
answer_6_1 = None
### BEGIN SOLUTION
answer_6_1 = 14 * 2.496
### END SOLUTION

# %% check="ex6.1"
check("ex6.1", answer_6_1)

# %% [markdown] question="ex6.2"
# ## ex6.2 Her vitamin D status (1 point)
#
# Using the IOM 2011 / NIH ODS categories, what is Ana's vitamin D status?
#
# - **a** deficient (below 30 nmol/L)
# - **b** inadequate for some (30 to below 50 nmol/L)
# - **c** adequate (50-125 nmol/L)
# - **d** high (above 125 nmol/L)

# %% [raw] spec="ex6.2"
# kind: multiple choice
# answer: b
# feedback:
#   a: >-
#     Compare in one unit: convert 14 ng/mL first (ex6.1), then read the bands.
#   c: The adequate band starts at 50 nmol/L (20 ng/mL); Ana is below it.
#   d: That would need more than 125 nmol/L (50 ng/mL).
# hints:
#   - classify_25ohd('14 ng/mL') gives the category directly.
# explanation: >-
#   Inadequate for some: between 30 and 50 nmol/L. By the Endocrine Society 2011 cut-offs she
#   would be 'deficient' (below 20 ng/mL): schemes differ, which is why the scheme must be named.

# %% answer="ex6.2"
answer_6_2 = None
### BEGIN SOLUTION
answer_6_2 = "b"
### END SOLUTION

# %% check="ex6.2"
check("ex6.2", answer_6_2)

# %% [markdown] question="ex6.3"
# ## ex6.3 Magnesium in mmol/L (1 point)
#
# Convert Ana's serum magnesium, 1.5 mg/dL, to mmol/L.

# %% [raw] spec="ex6.3"
# kind: numeric
# answer: 1.5 * factors.mmol_per_mg_dl_serum_mg()
# unit: mmol/L
# analyte: serum_mg
# rel_tol: 0.02
# mistakes:
#   calcium factor:
#     wrong: t / factors.mmol_per_mg_dl_serum_mg() * factors.mmol_per_mg_dl_calcium()
#     feedback: You used the calcium factor (4.008); magnesium uses 2.431.
# hints:
#   - 1 mmol/L of magnesium = 2.431 mg/dL.

# %% answer="ex6.3"
answer_6_3 = None
### BEGIN SOLUTION
answer_6_3 = 1.5 / 2.431
### END SOLUTION

# %% check="ex6.3"
check("ex6.3", answer_6_3)

# %% [markdown] question="ex6.4"
# ## ex6.4 Her magnesium status (1 point)
#
# What is Ana's magnesium status (NIH ODS normal range 0.75-0.95 mmol/L)?
#
# - **a** normal
# - **b** hypomagnesemia, but not severe
# - **c** severe hypomagnesemia (below 0.5 mmol/L)
# - **d** above normal

# %% [raw] spec="ex6.4"
# kind: multiple choice
# answer: b
# feedback:
#   a: The normal range starts at 0.75 mmol/L; compare Ana's value in mmol/L (ex6.3).
#   c: Severe means below 0.5 mmol/L (1.2 mg/dL), where PTH secretion fails; Ana is above that.
#   d: Above normal would be over 0.95 mmol/L.
# hints:
#   - classify_serum_mg('1.5 mg/dL') names the category.

# %% answer="ex6.4"
answer_6_4 = None
### BEGIN SOLUTION
answer_6_4 = "b"
### END SOLUTION

# %% check="ex6.4"
check("ex6.4", answer_6_4)

# %% [markdown] question="ex6.5"
# ## ex6.5 PTH in pmol/L (1 point)
#
# Convert Ana's intact PTH, 75 pg/mL, to pmol/L.

# %% [raw] spec="ex6.5"
# kind: numeric
# answer: 75 / factors.pg_per_pmol_pth()
# unit: pmol/L
# analyte: pth
# rel_tol: 0.02
# mistakes:
#   calcitriol factor:
#     wrong: t * factors.pg_per_pmol_pth() * factors.pmol_per_pg_calcitriol()
#     feedback: 2.4 is the calcitriol factor; PTH uses 9.43 (1 pmol/L = 9.43 pg/mL).
# hints:
#   - 1 pmol/L of intact PTH = 9.43 pg/mL.
# explanation: >-
#   Compare it with the usual range of about 1.6-6.9 pmol/L: with low 25(OH)D, a raised PTH is the
#   expected response, and mild magnesium depletion has not (yet) blocked it.

# %% answer="ex6.5"
answer_6_5 = None
### BEGIN SOLUTION
answer_6_5 = 75 / 9.43
### END SOLUTION

# %% check="ex6.5"
check("ex6.5", answer_6_5)

# %% [markdown] question="ex6.6"
# ## ex6.6 What to discuss (1 point)
#
# Which points are sensible for Ana to raise with her clinician? List every one. (Check each against
# the tolerable upper intake levels: 4000 IU/day of vitamin D; 350 mg/day of *supplemental*
# magnesium.)
#
# - **a** eating more magnesium-rich foods (seeds, nuts, beans, greens)
# - **b** vitamin D at the reference intake, or as her clinician prescribes
# - **c** rechecking her labs after a few months
# - **d** 50,000 IU of vitamin D every day to catch up quickly
# - **e** 1000 mg/day of supplemental magnesium
# - **f** stopping all calcium from food

# %% [raw] spec="ex6.6"
# kind: multiple select
# answer:
#   - a
#   - b
#   - c
# feedback:
#   d: >-
#     50,000 IU every day is more than ten times the UL (4000 IU/day); that is how toxicity
#     happens.
#   e: The UL for supplemental magnesium is 350 mg/day for adults; above it diarrhoea is common.
#   f: Calcium matters for her bones; the aim is enough of both minerals, not less calcium.
#   c: 25(OH)D takes about 3 months to settle at a new level, so a recheck then is informative.
#   a: Food magnesium has no UL, and her intake is likely low.
#   b: Her status is low, and the reference intake is the starting point for a discussion.
# hints:
#   - >-
#     Check each option against the ULs: 4000 IU/day for vitamin D, 350 mg/day for supplemental
#     magnesium.

# %% answer="ex6.6"
answer_6_6 = None
### BEGIN SOLUTION
answer_6_6 = ["a", "b", "c"]
### END SOLUTION

# %% check="ex6.6"
check("ex6.6", answer_6_6)

# %% [markdown]
# ## Two plans in the model
#
# The model cannot know Ana; these scenarios are a rough stand-in. She starts at a steady state with
# 400 IU/day of vitamin D from food, 300 IU/day of residual sun and stores, 800 mg/day of calcium and
# serum magnesium held at her measured 0.62 mmol/L. Plan A adds 1000 IU/day of vitamin D; plan B adds
# the same and lets magnesium follow a diet with 400 mg/day.

# %%
ana = Scenario(vitamin_d_iu_per_day=400, sun_iu_per_day=300, calcium_mg_per_day=800, serum_mg_mmol_l=0.62)
plan_a = Scenario(vitamin_d_iu_per_day=1400, sun_iu_per_day=300, calcium_mg_per_day=800, serum_mg_mmol_l=0.62)
plan_b = Scenario(vitamin_d_iu_per_day=1400, sun_iu_per_day=300, calcium_mg_per_day=800, magnesium_mg_per_day=400)

# %% [markdown] question="ex6.7"
# ## ex6.7 Run the model: plan A against plan B (2 points)
#
# Simulate both plans for 84 days from `start=ana`. How much higher (nmol/L) is 25(OH)D on day 84
# with plan B than with plan A?

# %% [raw] spec="ex6.7"
# kind: numeric
# answer: tasks.ex6_7_plan_b_gain()
# unit: nmol/L
# analyte: 25ohd
# rel_tol: 0.05
# abs_tol: 0.3
# mistakes:
#   plan B's value:
#     wrong: tasks.ana_plan('B').final['ohd25_nmol_l']
#     feedback: That is plan B's day-84 value; subtract plan A's.
#   plan A's value:
#     wrong: tasks.ana_plan('A').final['ohd25_nmol_l']
#     feedback: That is plan A's day-84 value; the question asks how much higher plan B ends.
# hints:
#   - plan_a = simulate(plan_a_scenario, days=84, start=ana); the same for plan B.
#   - Subtract plan A's day-84 25(OH)D from plan B's.

# %% answer="ex6.7"
answer_6_7 = None
### BEGIN SOLUTION
res_a = simulate(plan_a, days=84, start=ana)
res_b = simulate(plan_b, days=84, start=ana)
answer_6_7 = res_b.final["ohd25_nmol_l"] - res_a.final["ohd25_nmol_l"]
### END SOLUTION

# %% check="ex6.7"
check("ex6.7", answer_6_7)

# %% [markdown] question="ex6.8"
# ## ex6.8 Predict, then simulate: her magnesium (2 points)
#
# With plan B, will Ana's serum magnesium be in the normal range (at least 0.75 mmol/L) on day 84?
# **Predict first**:
#
# - `"yes"`: yes, back in the normal range
# - `"no"`: no, still low

# %% [raw] spec="ex6.8"
# kind: predict then simulate
# simulate: tasks.predict_ex6_8_plan_b_mg
# reflect: how fast does serum magnesium respond compared with 25(OH)D, and why?
# hints:
#   - >-
#     Serum magnesium is a small pool refilled from the gut and bone; 25(OH)D has a half-life of
#     weeks.

# %% answer="ex6.8"
prediction_6_8 = None
### BEGIN SOLUTION
prediction_6_8 = "yes"
### END SOLUTION

# %% check="ex6.8"
check("ex6.8", prediction_6_8)

# %% [markdown] question="ex6.9"
# ## ex6.9 Plan A in the lab's units (2 points)
#
# With plan A, what is Ana's 25(OH)D on day 84, in ng/mL, the unit her lab uses? Compare it with the
# 20 ng/mL line of the IOM categories.

# %% [raw] spec="ex6.9"
# kind: numeric
# answer: float(tasks.ana_plan('A').final['ohd25_nmol_l']) / factors.nmol_per_ng_25ohd()
# unit: ng/mL
# analyte: 25ohd
# rel_tol: 0.01
# mistakes:
#   plan B's value:
#     wrong: float(tasks.ana_plan('B').final['ohd25_nmol_l']) / factors.nmol_per_ng_25ohd()
#     feedback: That is plan B's value; the question asks about plan A.
#   day-0 value:
#     wrong: float(tasks.ana_plan('A').df['ohd25_nmol_l'].iloc[0]) / factors.nmol_per_ng_25ohd()
#     feedback: That is the value on day 0, before the plan starts.
# hints:
#   - res_a.final['ohd25_nmol_l'] is in nmol/L; divide by 2.496 (or read 'ohd25_ng_ml').
# explanation: >-
#   Compare it with the 20 ng/mL line of the IOM categories: which category would plan A reach in
#   12 weeks?

# %% answer="ex6.9"
answer_6_9 = None
### BEGIN SOLUTION
res_a = simulate(plan_a, days=84, start=ana)
answer_6_9 = res_a.final["ohd25_nmol_l"] / 2.496
### END SOLUTION

# %% check="ex6.9"
check("ex6.9", answer_6_9)

# %% [markdown] question="ex6.10"
# ## ex6.10 Justify honestly (2 points)
#
# Which sentence belongs in an honest justification of plan B?
#
# - **a** Magnesium doubles the effect of vitamin D for everyone.
# - **b** Magnesium is needed to activate vitamin D and make PTH work (established); trials of magnesium
#   to raise 25(OH)D are few and small (emerging).
# - **c** Without magnesium, vitamin D is not useful or safe.
# - **d** The model proves that plan B is best for Ana.

# %% [raw] spec="ex6.10"
# kind: multiple choice
# answer: b
# feedback:
#   a: No trial shows a doubling; effects depend on the starting levels (Dai 2018).
#   c: >-
#     That is a press paraphrase of a review, not a trial result: claim-level.
#   d: >-
#     A teaching model shows consequences of its assumptions; it cannot prove what is best for a
#     real person.
# hints:
#   - Pick the sentence that says how strong each part of the evidence is.

# %% answer="ex6.10"
answer_6_10 = None
### BEGIN SOLUTION
answer_6_10 = "b"
### END SOLUTION

# %% check="ex6.10"
check("ex6.10", answer_6_10)

# %% [markdown]
# ### Your justification
#
# In three or four sentences, write what you would tell Ana about plan A and plan B: what the labs
# show, what the model suggests, how strong the evidence is, and why her clinician decides. (Not
# graded.)

# %%
# Your justification (as a comment):
