# %% [markdown]
# # Exercises 5: Keeping both in balance
#
# Practice for lesson 5: foods, sun, the calcium-to-magnesium ratio and what the trials found. Type
# your answer where a cell says `None`, run it, then run the check below it.
#
# These are teaching calculations, not dietary advice: for real decisions, the reference intakes and a
# clinician are the starting point.

# %% [raw] spec="notebook"
# about: >-
#   Sources: food values from :mod:`mgdlearn.nutrition` (ods_mg, usda_fdc), rosanoff2016 and
#   dai2018 (Ca:Mg ratio: a hypothesis), cheung2022 (combined supplement trial, emerging), units
#   via :mod:`mgdlearn.units`; ex5.7 and ex5.9 run the model.

# %%
from mgdlearn.exercises import check, hint
from mgdlearn.model import Scenario, simulate, steady_state
from mgdlearn.nutrition import ca_mg_ratio, day_intake, find_food, foods

# %% [markdown] question="ex5.1"
# ## ex5.1 A magnesium-rich plate (1 point)
#
# Using the course food table, how much magnesium (mg) is in one serving each of pumpkin seeds, boiled
# spinach and black beans? `find_food("pumpkin seeds")` shows one food;
# `day_intake({"pumpkin seeds": 1, ...}).food_magnesium_mg` adds them up.

# %% [raw] spec="ex5.1"
# kind: numeric
# answer: tasks.meal_magnesium_mg()
# unit: mg
# rel_tol: 0.01
# mistakes:
#   no pumpkin seeds:
#     wrong: tasks.meal_magnesium_mg(without='pumpkin seeds')
#     feedback: You left out the pumpkin seeds.
#   no spinach:
#     wrong: tasks.meal_magnesium_mg(without='spinach, boiled')
#     feedback: You left out the spinach.
#   no black beans:
#     wrong: tasks.meal_magnesium_mg(without='black beans')
#     feedback: You left out the black beans.
# hints:
#   - >-
#     find_food('pumpkin seeds').magnesium_mg_per_serving, and the same for the others; or
#     day_intake({...}).food_magnesium_mg.
# explanation: >-
#   These three alone come close to the RDA (310-420 mg/day): seeds, greens and beans are the
#   magnesium-dense foods the article lists.

# %% answer="ex5.1"
answer_5_1 = None
### BEGIN SOLUTION
answer_5_1 = day_intake({"pumpkin seeds": 1, "spinach, boiled": 1, "black beans": 1}).food_magnesium_mg
### END SOLUTION

# %% check="ex5.1"
check("ex5.1", answer_5_1)

# %% [markdown] question="ex5.2"
# ## ex5.2 The Ca:Mg ratio (1 point)
#
# A day's diet has 1200 mg of calcium and 300 mg of magnesium. What is its Ca:Mg ratio?

# %% [raw] spec="ex5.2"
# kind: numeric
# answer: tasks.ca_mg_ratio(1200, 300)
# unit: ""
# rel_tol: 0.01
# mistakes:
#   Mg:Ca:
#     wrong: 1 / t
#     feedback: That is the Mg:Ca ratio; Ca:Mg puts calcium on top.
# hints:
#   - Ca:Mg = calcium (mg) / magnesium (mg).

# %% answer="ex5.2"
answer_5_2 = None
### BEGIN SOLUTION
answer_5_2 = 1200 / 300
### END SOLUTION

# %% check="ex5.2"
check("ex5.2", answer_5_2)

# %% [markdown] question="ex5.3"
# ## ex5.3 How good is the ratio's evidence? (1 point)
#
# Which best describes the evidence behind an "ideal" Ca:Mg ratio of about 2?
#
# - **a** a guideline target set by the IOM
# - **b** a hypothesis from observational data and one trial's design
# - **c** proven by several randomised trials
# - **d** nobody has proposed such a ratio

# %% [raw] spec="ex5.3"
# kind: multiple choice
# answer: b
# feedback:
#   a: The IOM sets RDAs and ULs for each mineral separately; no guideline sets a ratio.
#   c: No trial has randomised people to different ratios and measured outcomes.
#   d: Rosanoff, Dai and Shapses (2016) proposed it; the question is how well it is supported.
# hints:
#   - Look for a guideline that sets a ratio. Is there one?
# explanation: >-
#   Rosanoff et al. (2016) argued for about 2 (below ~1.7 or above ~2.8 may be unfavourable), and
#   Dai et al. (2018) designed their trial around it. Meeting both RDAs matters more.

# %% answer="ex5.3"
answer_5_3 = None
### BEGIN SOLUTION
answer_5_3 = "b"
### END SOLUTION

# %% check="ex5.3"
check("ex5.3", answer_5_3)

# %% [markdown] question="ex5.4"
# ## ex5.4 Magnesium-dense foods (1 point)
#
# Which foods give at least 60 mg of magnesium per serving in the course food table? List every one.
# (`foods()` shows the table; look at `magnesium_mg_per_serving`.)
#
# - **a** pumpkin seeds (1 oz)
# - **b** almonds (1 oz)
# - **c** white rice (1/2 cup)
# - **d** spinach, boiled (1/2 cup)
# - **e** chicken breast (3 oz)
# - **f** milk (1 cup)

# %% [raw] spec="ex5.4"
# kind: multiple select
# answer:
#   - a
#   - b
#   - d
# feedback:
#   c: Refining removes the bran and germ, where most of the grain's magnesium is.
#   e: Meat and poultry have some magnesium, but far less per serving than seeds, nuts and greens.
#   f: >-
#     Milk is rich in calcium, not in magnesium: one reason high-dairy diets have a high Ca:Mg
#     ratio.
#   d: Cooked spinach is dense in magnesium (chlorophyll holds a magnesium atom).
#   a: Seeds are the densest source in the table.
#   b: Nuts are among the best sources.
# hints:
#   - Use foods() and look at 'magnesium_mg_per_serving'.

# %% answer="ex5.4"
answer_5_4 = None
### BEGIN SOLUTION
answer_5_4 = ["a", "b", "d"]
### END SOLUTION

# %% check="ex5.4"
check("ex5.4", answer_5_4)

# %% [markdown] question="ex5.5"
# ## ex5.5 What the magnesium trial found (1 point)
#
# In the magnesium trial of Dai et al. (2018), what happened to 25(OH)D?
#
# - **a** it rose in everyone given magnesium
# - **b** it rose when it started low and fell when it started at 30-50 ng/mL
# - **c** nothing changed
# - **d** it fell in everyone given magnesium

# %% [raw] spec="ex5.5"
# kind: multiple choice
# answer: b
# feedback:
#   a: That is the simple story the article suggests; the trial found something subtler.
#   c: There were changes, but in different directions depending on where people started.
#   d: It fell only in those who started in the 30-50 ng/mL range.
# hints:
#   - The trial reported a result that depended on the starting 25(OH)D.
# explanation: >-
#   Magnesium seemed to *regulate* 25(OH)D rather than simply raise it. One trial, an ancillary
#   analysis: supported, not settled.

# %% answer="ex5.5"
answer_5_5 = None
### BEGIN SOLUTION
answer_5_5 = "b"
### END SOLUTION

# %% check="ex5.5"
check("ex5.5", answer_5_5)

# %% [markdown] question="ex5.6"
# ## ex5.6 A trial result in other units (1 point)
#
# In a small 12-week trial (Cheung et al. 2022, 95 adults), 25(OH)D rose by 6.3 ng/mL on magnesium
# plus vitamin D. How much is that in nmol/L?

# %% [raw] spec="ex5.6"
# kind: numeric
# answer: tasks.cheung2022_combined_rise_ng_ml() * factors.nmol_per_ng_25ohd()
# unit: nmol/L
# analyte: 25ohd
# rel_tol: 0.01
# hints:
#   - 1 ng/mL = 2.496 nmol/L, for a change as for a level.
# explanation: >-
#   About 16 nmol/L in 12 weeks with 1000 IU/day: a modest rise, from one trial of 95 people
#   (emerging evidence).

# %% answer="ex5.6"
answer_5_6 = None
### BEGIN SOLUTION
answer_5_6 = 6.3 * 2.496
### END SOLUTION

# %% check="ex5.6"
check("ex5.6", answer_5_6)

# %% [markdown] question="ex5.7"
# ## ex5.7 Run the model: vitamin D with or without magnesium (2 points)
#
# Someone eats 150 mg/day of magnesium and 600 IU/day of vitamin D and gets no sun; start from that
# steady state, `Scenario(sun_iu_per_day=0, magnesium_mg_per_day=150)`. Compare 84 days of
# +1000 IU/day vitamin D alone (1600 IU/day in total) with +1000 IU/day plus +360 mg/day of magnesium
# (510 mg/day in total). How much higher (nmol/L) is 25(OH)D on day 84 with the combination?

# %% [raw] spec="ex5.7"
# kind: numeric
# answer: tasks.ex5_7_combination_gain()
# unit: nmol/L
# analyte: 25ohd
# rel_tol: 0.1
# abs_tol: 0.3
# mistakes:
#   value with the combination:
#     wrong: tasks.ex5_7_finals()[1]
#     feedback: >-
#       That is the day-84 value with the combination; subtract the value with vitamin D alone.
#   value with vitamin D alone:
#     wrong: tasks.ex5_7_finals()[0]
#     feedback: >-
#       That is the day-84 value with vitamin D alone; the question asks for the difference.
# hints:
#   - >-
#     start = Scenario(sun_iu_per_day=0, magnesium_mg_per_day=150); alone:
#     Scenario(vitamin_d_iu_per_day=1600, sun_iu_per_day=0, magnesium_mg_per_day=150).
#   - >-
#     With magnesium: magnesium_mg_per_day=510. Subtract the two values on day 84.
# explanation: >-
#   Compare with the trial's 6.3 ng/mL: the model gives a small extra gain, because the person's
#   magnesium was low but not severely so.

# %% answer="ex5.7"
answer_5_7 = None
### BEGIN SOLUTION
start = Scenario(sun_iu_per_day=0, magnesium_mg_per_day=150)
alone = simulate(Scenario(vitamin_d_iu_per_day=1600, sun_iu_per_day=0, magnesium_mg_per_day=150), days=84, start=start)
both = simulate(Scenario(vitamin_d_iu_per_day=1600, sun_iu_per_day=0, magnesium_mg_per_day=510), days=84, start=start)
answer_5_7 = both.final["ohd25_nmol_l"] - alone.final["ohd25_nmol_l"]
### END SOLUTION

# %% check="ex5.7"
check("ex5.7", answer_5_7)


# %% [markdown] question="ex5.8"
# ## ex5.8 Write the ratio function (2 points)
#
# Complete `ca_mg_ratio_of(calcium_mg, magnesium_mg)`: return the Ca:Mg ratio; raise `ValueError` if
# an amount is negative or if magnesium is 0. (Write it yourself; the library's `ca_mg_ratio` is for
# checking your result afterwards.)

# %% [raw] spec="ex5.8"
# kind: function
# name: ca_mg_ratio_of
# reference: tasks.ca_mg_ratio
# cases:
#   - args: [1000, 250]
#   - args: [600, 300]
#   - args: [1300, 420]
#   - args: [0, 300]
#     why: no calcium gives a ratio of 0
#   - args: [1000, 0]
#     raises: ValueError
#     why: the ratio is undefined without magnesium
#   - args: [-5, 300]
#     raises: ValueError
#     why: an intake cannot be negative
#   - args: [1000, -300]
#     raises: ValueError
#     why: an intake cannot be negative
# rel_tol: 1.0e-06
# mistakes:
#   Mg:Ca:
#     wrong: 1 / t if t else float('nan')
#     feedback: You computed Mg:Ca; Ca:Mg is calcium / magnesium.
# hints:
#   - Check for bad input before dividing.

# %% answer="ex5.8"
def ca_mg_ratio_of(calcium_mg, magnesium_mg):
    """The calcium-to-magnesium ratio of a day's intake."""
    ### BEGIN SOLUTION
    if calcium_mg < 0 or magnesium_mg < 0:
        raise ValueError("intakes cannot be negative")
    if magnesium_mg == 0:
        raise ValueError("the ratio is undefined without magnesium")
    return calcium_mg / magnesium_mg
    ### END SOLUTION


# %% check="ex5.8"
check("ex5.8", ca_mg_ratio_of)

# %% [markdown] question="ex5.9"
# ## ex5.9 Predict, then simulate: a summer of sun (2 points)
#
# The default adult's sun input rises to 3500 IU/day for 90 days. **Predict first**: in percent, which
# rises more?
#
# - `"25ohd"`: 25(OH)D rises much more than calcitriol
# - `"calcitriol"`: calcitriol rises much more than 25(OH)D
# - `"same"`: both rise by about the same percentage

# %% [raw] spec="ex5.9"
# kind: predict then simulate
# simulate: tasks.predict_ex5_9_summer
# reflect: more sun raises the supply; why does the hormone barely move?
# hints:
#   - Which of the two follows supply, and which is held steady by PTH and CYP24A1?

# %% answer="ex5.9"
prediction_5_9 = None
### BEGIN SOLUTION
prediction_5_9 = "25ohd"
### END SOLUTION

# %% check="ex5.9"
check("ex5.9", prediction_5_9)

# %% [markdown] question="ex5.10"
# ## ex5.10 Run the summer yourself (2 points)
#
# Run the ex5.9 experiment: `res = simulate(Scenario(sun_iu_per_day=3500), days=90, start=Scenario())`.
# What is 25(OH)D on day 90, in ng/mL? (The model reports nmol/L in `"ohd25_nmol_l"`; 1 ng/mL =
# 2.496 nmol/L.)

# %% [raw] spec="ex5.10"
# kind: numeric
# answer: float(tasks.summer_run().final['ohd25_nmol_l']) / factors.nmol_per_ng_25ohd()
# unit: ng/mL
# analyte: 25ohd
# rel_tol: 0.01
# mistakes:
#   day-0 value:
#     wrong: float(tasks.summer_run().df['ohd25_nmol_l'].iloc[0]) / factors.nmol_per_ng_25ohd()
#     feedback: That is the day-0 value; read the last day of the run.
# hints:
#   - res.final['ohd25_nmol_l'] is in nmol/L; the model also reports 'ohd25_ng_ml'.

# %% answer="ex5.10"
answer_5_10 = None
### BEGIN SOLUTION
res = simulate(Scenario(sun_iu_per_day=3500), days=90, start=Scenario())
answer_5_10 = res.final["ohd25_nmol_l"] / 2.496
### END SOLUTION

# %% check="ex5.10"
check("ex5.10", answer_5_10)

# %% [markdown]
# ### Reflect
#
# The article recommends "a combined supplement". After ex5.5 to ex5.7, what would you tell a friend
# about how strong that evidence is? (Not graded.)

# %%
# Your reflection (as a comment):
