# %% [markdown]
# # Exercises 1: The activation pathway and units
#
# Practice for lesson 1. Eight exercises, from recall to running the model. Type your answer where a
# cell says `None`, run the cell, then run the check below it: the feedback tells you what is right,
# or what the likely mistake is. Each wrong attempt unlocks a hint; `hint("ex1.3")` shows the next one.
# Your attempts are saved, and `mgdlearn.progress()` shows how far you are.
#
# The model used here is a **teaching model**: it shows how the parts of the system interact. It is
# not a tool for deciding anyone's dose.

# %% [raw] spec="notebook"
# about: >-
#   Sources: bikle2014, zhu2013, holick2007 (pathway); units via :mod:`mgdlearn.units` (pubchem,
#   iom2011); model exercises ex1.7 and ex1.8 run :mod:`mgdlearn.model` at check time.

# %%
from mgdlearn.exercises import check, hint
from mgdlearn.model import Scenario, simulate, steady_state

# %% [markdown] question="ex1.1"
# ## ex1.1 Which form is measured? (1 point)
#
# A blood test for vitamin D status measures one form of vitamin D. Which one?
#
# - **a** vitamin D3 (cholecalciferol)
# - **b** 25(OH)D (calcifediol)
# - **c** 1,25(OH)2D (calcitriol)
# - **d** 24,25(OH)2D
#
# Answer with the letter in quotes, for example `"a"`.

# %% [raw] spec="ex1.1"
# kind: multiple choice
# answer: b
# feedback:
#   a: >-
#     Vitamin D3 itself has a half-life of about a day in blood, so it mostly tells you about the
#     last day's intake or sun, not the body's supply.
#   c: >-
#     Calcitriol is the active hormone, but it is tightly regulated by PTH: it can stay normal (or
#     even rise) while the supply runs low, so it is a poor status marker.
#   d: 24,25(OH)2D is a breakdown product made by CYP24A1; it is measured only in special cases.
# hints:
#   - >-
#     Look for the form whose level follows supply: made without much regulation and lasting weeks
#     in blood.
#   - The liver's product circulates with a half-life of about 2-3 weeks.
# explanation: >-
#   25(OH)D: the liver makes it from whatever vitamin D arrives, with little regulation, and it
#   lasts about 2-3 weeks in blood, so it reflects supply from food, supplements and sun over the
#   past weeks.

# %% answer="ex1.1"
answer_1_1 = None
### BEGIN SOLUTION
answer_1_1 = "b"
### END SOLUTION

# %% check="ex1.1"
check("ex1.1", answer_1_1)

# %% [markdown] question="ex1.2"
# ## ex1.2 The kidney's enzyme (1 point)
#
# Which enzyme in the kidney turns 25(OH)D into calcitriol? Give its name or its gene, in quotes.

# %% [raw] spec="ex1.2"
# kind: short answer
# answer:
#   - CYP27B1
#   - 1-alpha-hydroxylase
#   - 25-hydroxyvitamin D 1-alpha-hydroxylase
#   - 1-hydroxylase
#   - alpha-hydroxylase
# expected: an enzyme name or gene (e.g. 'CYP...')
# feedback:
#   CYP2R1: >-
#     CYP2R1 is the liver's 25-hydroxylase: the first step. The kidney adds a second hydroxyl
#     group, at a different carbon.
#   25-hydroxylase: >-
#     The 25-hydroxylase works in the liver (first step). Which carbon does the kidney enzyme
#     hydroxylate?
#   CYP24A1: >-
#     CYP24A1 (24-hydroxylase) inactivates 25(OH)D and calcitriol; it does not make calcitriol.
#   24-hydroxylase: >-
#     The 24-hydroxylase (CYP24A1) breaks vitamin D metabolites down; it does not make calcitriol.
#   CYP27A1: CYP27A1 is a second, low-affinity 25-hydroxylase in the liver, not the kidney enzyme.
#   calcitriol: Calcitriol is the product; the question asks for the enzyme that makes it.
# hints:
#   - >-
#     The product is 1,25-dihydroxyvitamin D: which hydroxyl group is added in the kidney?
#   - >-
#     Enzyme names describe the position they hydroxylate; the gene belongs to the cytochrome P450
#     family 27.

# %% answer="ex1.2"
answer_1_2 = None
### BEGIN SOLUTION
answer_1_2 = "CYP27B1"
### END SOLUTION

# %% check="ex1.2"
check("ex1.2", answer_1_2)

# %% [markdown] question="ex1.3"
# ## ex1.3 From sunlight to action (1 point)
#
# Put these steps in order, as a list of letters such as `["a", "b", "c", "d", "e"]`:
#
# - **a** the liver makes 25(OH)D (CYP2R1)
# - **b** UVB turns 7-dehydrocholesterol in skin into previtamin D3
# - **c** calcitriol binds the vitamin D receptor in gut cells
# - **d** the kidney makes calcitriol (CYP27B1)
# - **e** vitamin D3 travels in blood bound to DBP

# %% [raw] spec="ex1.3"
# kind: ordering
# answer:
#   - b
#   - e
#   - a
#   - d
#   - c
# feedback:
#   b, e, d, a, c: >-
#     Liver and kidney are swapped: the liver makes 25(OH)D first, the kidney then turns 25(OH)D
#     into calcitriol.
#   e, b, a, d, c: Vitamin D3 has to be made (or eaten) before DBP can carry it.
#   b, a, e, d, c: >-
#     DBP carries vitamin D3 from the skin to the liver, so transport comes before the liver step.
# hints:
#   - Start where vitamin D3 is made, end where the hormone acts.
#   - >-
#     Two hydroxylations happen in two organs; the product of the first is what the blood test
#     measures.

# %% answer="ex1.3"
answer_1_3 = None
### BEGIN SOLUTION
answer_1_3 = ["b", "e", "a", "d", "c"]
### END SOLUTION

# %% check="ex1.3"
check("ex1.3", answer_1_3)

# %% [markdown] question="ex1.4"
# ## ex1.4 nmol/L to ng/mL (1 point)
#
# A lab abroad reports 25(OH)D = 75 nmol/L. What is that in ng/mL? (1 ng/mL = 2.496 nmol/L.)
# A number is read as ng/mL; you may also write the unit, as in `"30 ng/mL"`.

# %% [raw] spec="ex1.4"
# kind: numeric
# answer: 75 / factors.nmol_per_ng_25ohd()
# unit: ng/mL
# analyte: 25ohd
# rel_tol: 0.01
# mistakes:
#   calcitriol factor:
#     wrong: t * factors.nmol_per_ng_25ohd() / factors.pmol_per_pg_calcitriol()
#     feedback: You used 2.4, the factor for calcitriol. For 25(OH)D the factor is 2.496.
# hints:
#   - 1 ng/mL of 25(OH)D = 2.496 nmol/L. Should the number in ng/mL be bigger or smaller?
#   - Divide the nmol/L value by 2.496.
# explanation: >-
#   75 nmol/L is the 30 ng/mL line the Endocrine Society called 'sufficient' in 2011; its 2024
#   guideline no longer endorses any such threshold.

# %% answer="ex1.4"
answer_1_4 = None
### BEGIN SOLUTION
answer_1_4 = 75 / 2.496
### END SOLUTION

# %% check="ex1.4"
check("ex1.4", answer_1_4)

# %% [markdown] question="ex1.5"
# ## ex1.5 Reading a supplement label (1 point)
#
# A label says 50 µg of vitamin D3 per capsule. How many IU is that? (1 µg = 40 IU.)

# %% [raw] spec="ex1.5"
# kind: numeric
# answer: 50 * factors.iu_per_ug_vitamin_d()
# unit: IU
# analyte: vitamin_d
# rel_tol: 0.005
# mistakes:
#   micrograms, not IU:
#     wrong: t / factors.iu_per_ug_vitamin_d()
#     feedback: >-
#       That is the dose in µg, the number on the label; the question asks for IU: 1 µg = 40 IU.
# hints:
#   - 1 µg of vitamin D = 40 IU.
# explanation: >-
#   50 µg = 2000 IU/day is above the adult RDA (600 IU) and below the UL (4000 IU/day); a dose to
#   discuss with a clinician, not a default.

# %% answer="ex1.5"
answer_1_5 = None
### BEGIN SOLUTION
answer_1_5 = 50 * 40
### END SOLUTION

# %% check="ex1.5"
check("ex1.5", answer_1_5)


# %% [markdown] question="ex1.6"
# ## ex1.6 Write a converter (2 points)
#
# Complete `ng_ml_to_nmol_l(value)`: it converts a 25(OH)D concentration from ng/mL to nmol/L and
# raises `ValueError` for a negative value. The check runs it on several cases, edge cases included,
# and reports the first one that fails. Pass the function itself: `check("ex1.6", ng_ml_to_nmol_l)`.

# %% [raw] spec="ex1.6"
# kind: function
# name: ng_ml_to_nmol_l
# reference: tasks.ng_ml_to_nmol_l
# cases:
#   - args: [20]
#   - args: [12.5]
#   - args: [0]
#     why: zero is a possible (if alarming) result
#   - args: [150.0]
#     why: large values convert the same way
#   - args: [-5]
#     raises: ValueError
#     why: a concentration cannot be negative
# rel_tol: 0.002
# mistakes:
#   divided by the factor:
#     wrong: t / factors.nmol_per_ng_25ohd() ** 2
#     feedback: It looks like you divided by 2.496; multiply.
#   calcitriol factor:
#     wrong: t / factors.nmol_per_ng_25ohd() * factors.pmol_per_pg_calcitriol()
#     feedback: 2.4 is the calcitriol factor; 25(OH)D uses 2.496.
# hints:
#   - Multiply by 2.496 (or by 1000 / 400.6, the molar mass of 25(OH)D in g/mol).
#   - >-
#     Check the sign first: `if value < 0: raise ValueError("...")`, then return the product.

# %% answer="ex1.6"
def ng_ml_to_nmol_l(value):
    """Convert a 25(OH)D concentration from ng/mL to nmol/L."""
    ### BEGIN SOLUTION
    if value < 0:
        raise ValueError(f"a concentration cannot be negative; got {value}")
    return value * 2.496
    ### END SOLUTION


# %% check="ex1.6"
check("ex1.6", ng_ml_to_nmol_l)

# %% [markdown] question="ex1.7"
# ## ex1.7 Run the model: 12 weeks of 2000 IU/day (2 points)
#
# Someone gets no sun and 600 IU/day of vitamin D (the default intake), and has been at a steady state
# for months. They start taking 2000 IU/day in total. Simulate 84 days from the steady state of
# `Scenario(sun_iu_per_day=0)`:
#
# ```python
# res = simulate(Scenario(vitamin_d_iu_per_day=2000, sun_iu_per_day=0), days=84,
#                start=Scenario(sun_iu_per_day=0))
# ```
#
# What is 25(OH)D on day 84, in nmol/L? (`res.final` holds the last day; `res.df` every day.)

# %% [raw] spec="ex1.7"
# kind: numeric
# answer: tasks.ex1_7_ohd25_day84()
# unit: nmol/L
# analyte: 25ohd
# rel_tol: 0.02
# mistakes:
#   day 0:
#     wrong: tasks.ex1_7_ohd25_day0()
#     feedback: >-
#       That is the value on day 0, before the extra vitamin D; read the last row (day 84).
# hints:
#   - >-
#     res = simulate(Scenario(vitamin_d_iu_per_day=2000, sun_iu_per_day=0), days=84,
#     start=Scenario(sun_iu_per_day=0))
#   - The answer is res.final['ohd25_nmol_l'] (or the last row of res.df).

# %% answer="ex1.7"
answer_1_7 = None
### BEGIN SOLUTION
res = simulate(Scenario(vitamin_d_iu_per_day=2000, sun_iu_per_day=0), days=84,
               start=Scenario(sun_iu_per_day=0))
answer_1_7 = res.final["ohd25_nmol_l"]
### END SOLUTION

# %% check="ex1.7"
check("ex1.7", answer_1_7)

# %% [markdown] question="ex1.8"
# ## ex1.8 Predict, then simulate: winter (2 points)
#
# For the default adult (`Scenario()`), the sun input drops to 0 for 120 days. **First commit to a
# prediction**: in percent, which falls more?
#
# - `"25ohd"`: 25(OH)D falls much more than calcitriol
# - `"calcitriol"`: calcitriol falls much more than 25(OH)D
# - `"same"`: both fall by about the same percentage
#
# The check then runs the model and shows what happened. Afterwards, try it yourself:
# `simulate(Scenario(sun_iu_per_day=0), days=120, start=Scenario())`.

# %% [raw] spec="ex1.8"
# kind: predict then simulate
# simulate: tasks.predict_ex1_8_winter
# reflect: why is 25(OH)D, not calcitriol, the marker of vitamin D status?
# hints:
#   - Which of the two is regulated by PTH, and which simply follows supply?

# %% answer="ex1.8"
prediction_1_8 = None
### BEGIN SOLUTION
prediction_1_8 = "25ohd"
### END SOLUTION

# %% check="ex1.8"
check("ex1.8", prediction_1_8)

# %% [markdown] question="ex1.9"
# ## ex1.9 Run the winter yourself (2 points)
#
# Now run the ex1.8 experiment: `res = simulate(Scenario(sun_iu_per_day=0), days=120, start=Scenario())`.
# By how many percent does 25(OH)D (`"ohd25_nmol_l"`) fall from day 0 to day 120? Give a positive
# number. Compare it with calcitriol (`"calcitriol_pmol_l"`).

# %% [raw] spec="ex1.9"
# kind: numeric
# answer: tasks.ex1_9_winter_fall_percent()
# unit: >-
#   %
# abs_tol: 1.0
# mistakes:
#   calcitriol instead:
#     wrong: -tasks.winter_changes()[1]
#     feedback: >-
#       That is how much *calcitriol* fell; the question asks about 25(OH)D ('ohd25_nmol_l').
#   day-120 level:
#     wrong: tasks.winter_changes()[2]
#     feedback: >-
#       That is the day-120 level in nmol/L; the question asks for the fall in percent of the
#       day-0 level.
#   fraction, not percent:
#     wrong: t / 100
#     feedback: Give the answer in percent (for example 25, not 0.25).
# hints:
#   - df = res.df; first, last = df['ohd25_nmol_l'].iloc[0], df['ohd25_nmol_l'].iloc[-1]
#   - Percent fall = (first - last) / first x 100.

# %% answer="ex1.9"
answer_1_9 = None
### BEGIN SOLUTION
res = simulate(Scenario(sun_iu_per_day=0), days=120, start=Scenario())
first, last = res.df["ohd25_nmol_l"].iloc[0], res.df["ohd25_nmol_l"].iloc[-1]
answer_1_9 = 100 * (first - last) / first
### END SOLUTION

# %% check="ex1.9"
check("ex1.9", answer_1_9)

# %% [markdown]
# ### Reflect
#
# Why does a blood test measure 25(OH)D rather than calcitriol, the hormone that does the work?
# Write two sentences in the cell below (not graded).

# %%
# Your reflection (as a comment):
