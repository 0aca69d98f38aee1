# %% [markdown]
# # Exercises 3: The bidirectional loop
#
# Practice for lesson 3: magnesium helps make active vitamin D, and active vitamin D (calcitriol)
# helps absorb magnesium. How strong is each arrow, and how fast does the loop move? Type your answer
# where a cell says `None`, run it, then run the check below it.
#
# The model is a **teaching model**: its loop strengths follow the evidence, which is weak for the
# calcitriol-to-magnesium arrow.

# %% [raw] spec="notebook"
# about: >-
#   Sources: krejs1983 and wilz1979 (calcitriol and magnesium absorption: real but weak),
#   uwitonze2018, ods_mg (30-40 % of dietary magnesium absorbed), jones2014 (25(OH)D3 half-life
#   about 15 days); ex3.6 and ex3.7 run the model.

# %%
from mgdlearn.exercises import check, hint
from mgdlearn.model import Scenario, simulate, steady_state

# %% [markdown] question="ex3.1"
# ## ex3.1 Closing the loop (1 point)
#
# Magnesium helps make calcitriol. According to the article, what closes the loop in the other
# direction?
#
# - **a** calcitriol increases magnesium absorption in the gut
# - **b** calcitriol makes magnesium in the kidney
# - **c** PTH stores magnesium in bone
# - **d** 25(OH)D carries magnesium in the blood

# %% [raw] spec="ex3.1"
# kind: multiple choice
# answer: a
# feedback:
#   b: >-
#     Magnesium is an element: no organ can make it. Its level depends on intake, absorption and
#     kidney losses.
#   c: Bone does hold 50-60 % of body magnesium, but the article's loop runs through vitamin D.
#   d: 25(OH)D travels bound to DBP; it does not carry magnesium.
# hints:
#   - Where does all the body's magnesium come from in the first place?

# %% answer="ex3.1"
answer_3_1 = None
### BEGIN SOLUTION
answer_3_1 = "a"
### END SOLUTION

# %% check="ex3.1"
check("ex3.1", answer_3_1)

# %% [markdown] question="ex3.2"
# ## ex3.2 How strong is that arrow? (1 point)
#
# How strong is the evidence that calcitriol raises magnesium absorption in humans?
#
# - **a** as strong as for calcium: a textbook effect
# - **b** real but weak: one study found a rise, another found no link
# - **c** disproven: calcitriol has no effect on magnesium
# - **d** never studied in humans

# %% [raw] spec="ex3.2"
# kind: multiple choice
# answer: b
# feedback:
#   a: >-
#     For calcium the effect is large and well established; for magnesium the human data are few
#     and disagree.
#   c: >-
#     Not disproven: giving calcitriol did raise jejunal magnesium absorption in one study.
#   d: It has been studied in humans (1979, 1983), just not often.
# hints:
#   - >-
#     Compare Krejs 1983 (calcitriol for a week) with Wilz 1979 (absorption at many calcitriol
#     levels).
# explanation: >-
#   Krejs et al. 1983 saw jejunal magnesium absorption rise on calcitriol; Wilz et al. 1979 found
#   magnesium absorbed even with undetectable calcitriol and no correlation. The loop is modelled
#   as a modest effect for that reason.

# %% answer="ex3.2"
answer_3_2 = None
### BEGIN SOLUTION
answer_3_2 = "b"
### END SOLUTION

# %% check="ex3.2"
check("ex3.2", answer_3_2)

# %% [markdown] question="ex3.3"
# ## ex3.3 How much is absorbed? (1 point)
#
# Someone eats 300 mg of magnesium a day and absorbs 35 % of it. How many mg do they absorb per day?

# %% [raw] spec="ex3.3"
# kind: numeric
# answer: 105.0
# unit: mg/day
# rel_tol: 0.01
# mistakes:
#   part not absorbed:
#     wrong: 300 - t
#     feedback: That is the part that is *not* absorbed (it leaves in the stool).
#   divided by the fraction:
#     wrong: 300 / (t / 300)
#     feedback: You divided by the fraction; multiply instead.
#   percentage absorbed:
#     wrong: 100 * t / 300
#     feedback: >-
#       That is the percentage absorbed; the question asks for the amount in mg: multiply the
#       intake by the fraction.
# hints:
#   - 35 % means 0.35 of the intake.
# explanation: About 30-40 % of dietary magnesium is absorbed, more when intake is low (NIH ODS).

# %% answer="ex3.3"
answer_3_3 = None
### BEGIN SOLUTION
answer_3_3 = 300 * 0.35
### END SOLUTION

# %% check="ex3.3"
check("ex3.3", answer_3_3)

# %% [markdown] question="ex3.4"
# ## ex3.4 The loop as modelled (1 point)
#
# Which statements describe the magnesium-vitamin D loop as this course models it? List every true one.
#
# - **a** magnesium supports the enzymes that make 25(OH)D and calcitriol
# - **b** calcitriol modestly raises the fraction of magnesium absorbed
# - **c** the loop can also run downward: less magnesium, less calcitriol, less magnesium absorbed
# - **d** the loop makes magnesium and vitamin D rise without limit
# - **e** calcitriol raises magnesium absorption as strongly as calcium absorption

# %% [raw] spec="ex3.4"
# kind: multiple select
# answer:
#   - a
#   - b
#   - c
# feedback:
#   d: >-
#     A positive loop need not run away: the enzymes saturate, and the kidney excretes extra
#     magnesium, so the loop settles.
#   e: The effect on calcium is large; on magnesium it is weak and uncertain (ex3.2).
#   c: >-
#     A loop works in both directions: a shortage feeds on itself too.
#   a: >-
#     This is the first half of the loop: magnesium as a cofactor.
#   b: This is the second half of the loop, modelled as a small effect.
# hints:
#   - Three statements are true; two exaggerate.

# %% answer="ex3.4"
answer_3_4 = None
### BEGIN SOLUTION
answer_3_4 = ["a", "b", "c"]
### END SOLUTION

# %% check="ex3.4"
check("ex3.4", answer_3_4)


# %% [markdown] question="ex3.5"
# ## ex3.5 How slowly does 25(OH)D fade? (2 points)
#
# 25(OH)D has a half-life of about 15 days. Complete `fraction_remaining(days, half_life_days=15.0)`:
# the fraction of 25(OH)D left after `days` without any supply. Raise `ValueError` for negative days
# or a half-life that is not positive.

# %% [raw] spec="ex3.5"
# kind: function
# name: fraction_remaining
# cases:
#   - args: [0]
#     expect: 1.0
#     why: nothing is lost at day 0
#   - args: [15]
#     expect: 0.5
#   - args: [30]
#     expect: 0.25
#   - args: [45, 10.0]
#     expect: 0.04419417382415922
#   - args: [7.5]
#     expect: 0.7071067811865476
#     why: half a half-life
#   - args: [-1]
#     raises: ValueError
#     why: time cannot be negative
#   - args: [10, 0]
#     raises: ValueError
#     why: a half-life of 0 is meaningless
#   - args: [10, -15]
#     raises: ValueError
#     why: a half-life cannot be negative
# rel_tol: 0.0001
# mistakes:
#   mean lifetime:
#     wrong: math.exp(math.log(t) / math.log(2)) if t > 0 else 0.0
#     feedback: >-
#       You used exp(-days / half_life): that uses the half-life as if it were the mean lifetime.
#       With a half-life, the fraction left is 0.5 ** (days / half_life).
#   fraction lost:
#     wrong: 1 - t
#     feedback: That is the fraction *lost*; return the fraction left.
# hints:
#   - After one half-life half is left; after two, a quarter.
#   - fraction = 0.5 ** (days / half_life_days); check the inputs first.
# explanation: >-
#   With a half-life of about 15 days (Jones 2014), a new steady state takes about 5 half-lives
#   (~75 days): the loop acts over months, not days.

# %% answer="ex3.5"
def fraction_remaining(days, half_life_days=15.0):
    """Fraction of 25(OH)D left after `days` without supply."""
    ### BEGIN SOLUTION
    if days < 0:
        raise ValueError("days cannot be negative")
    if half_life_days <= 0:
        raise ValueError("the half-life must be positive")
    return 0.5 ** (days / half_life_days)
    ### END SOLUTION


# %% check="ex3.5"
check("ex3.5", fraction_remaining)

# %% [markdown] question="ex3.6"
# ## ex3.6 Run the model: how strong is the loop for magnesium? (2 points)
#
# With no sun, compare the steady states at 600 and at 4000 IU/day of vitamin D:
# `steady_state(Scenario(vitamin_d_iu_per_day=600, sun_iu_per_day=0))` and the same with 4000.
# By how many **percentage points** does the fraction of dietary magnesium absorbed
# (`"mg_fractional_absorption"`) change?

# %% [raw] spec="ex3.6"
# kind: numeric
# answer: tasks.ex3_6_mg_absorption_points()
# unit: percentage points
# rel_tol: 0.05
# abs_tol: 0.05
# mistakes:
#   fraction, not points:
#     wrong: t / 100
#     feedback: >-
#       Give percentage points: multiply the change in the fraction by 100.
#   relative change:
#     wrong: tasks.ex3_6_relative_change_percent()
#     feedback: >-
#       That is the relative change in percent; percentage points are the plain difference of the
#       two percentages.
# hints:
#   - ss = steady_state(Scenario(vitamin_d_iu_per_day=600, sun_iu_per_day=0)); same with 4000.
#   - Points = (fraction at 4000 - fraction at 600) x 100.
# explanation: >-
#   Compare it with 'ca_fractional_absorption' in the same runs: the model's loop is much stronger
#   for calcium than for magnesium, as the evidence suggests.

# %% answer="ex3.6"
answer_3_6 = None
### BEGIN SOLUTION
low = steady_state(Scenario(vitamin_d_iu_per_day=600, sun_iu_per_day=0))
high = steady_state(Scenario(vitamin_d_iu_per_day=4000, sun_iu_per_day=0))
answer_3_6 = 100 * (high["mg_fractional_absorption"] - low["mg_fractional_absorption"])
### END SOLUTION

# %% check="ex3.6"
check("ex3.6", answer_3_6)

# %% [markdown] question="ex3.7"
# ## ex3.7 Predict, then simulate: a year of low magnesium (2 points)
#
# The default adult's magnesium intake drops from 350 to 100 mg/day for a year. **Predict first**:
# what happens to calcitriol?
#
# - `"falls"`: calcitriol falls (by more than 2 %)
# - `"rises"`: calcitriol rises (by more than 2 %)
# - `"same"`: calcitriol stays within 2 %
#
# Then look for yourself: `simulate(Scenario(magnesium_mg_per_day=100), days=365, start=Scenario())`.

# %% [raw] spec="ex3.7"
# kind: predict then simulate
# simulate: tasks.predict_ex3_7_low_mg_intake
# reflect: which arrows of the loop carry the change, and why is it slow?
# hints:
#   - >-
#     Follow the loop downward: less magnesium absorbed, lower serum magnesium, slower enzymes.

# %% answer="ex3.7"
prediction_3_7 = None
### BEGIN SOLUTION
prediction_3_7 = "falls"
### END SOLUTION

# %% check="ex3.7"
check("ex3.7", prediction_3_7)

# %% [markdown] question="ex3.8"
# ## ex3.8 Run it yourself: serum magnesium after a year (2 points)
#
# Run the ex3.7 experiment: `res = simulate(Scenario(magnesium_mg_per_day=100), days=365, start=Scenario())`.
# What is serum magnesium (`"mg_serum_mmol_l"`) on day 365, in mmol/L? Is it inside the normal range
# (0.75-0.95 mmol/L)?

# %% [raw] spec="ex3.8"
# kind: numeric
# answer: float(tasks.low_mg_intake_run().final['mg_serum_mmol_l'])
# unit: mmol/L
# analyte: serum_mg
# rel_tol: 0.01
# mistakes:
#   day-0 value:
#     wrong: float(tasks.low_mg_intake_run().df['mg_serum_mmol_l'].iloc[0])
#     feedback: That is the day-0 value, before the intake dropped; read the last day.
#   distance below normal:
#     wrong: t - 0.75
#     feedback: >-
#       That is the distance below the normal range's lower limit; the question asks for the level
#       itself.
# hints:
#   - res.final['mg_serum_mmol_l'] is the value on the last day.
# explanation: >-
#   Compare it with the normal range (0.75-0.95 mmol/L). Serum holds under 1 % of the body's
#   magnesium, and bone and the kidney buffer it, so a normal serum value does not rule out
#   depletion.

# %% answer="ex3.8"
answer_3_8 = None
### BEGIN SOLUTION
res = simulate(Scenario(magnesium_mg_per_day=100), days=365, start=Scenario())
answer_3_8 = res.final["mg_serum_mmol_l"]
### END SOLUTION

# %% check="ex3.8"
check("ex3.8", answer_3_8)

# %% [markdown]
# ### Reflect
#
# The article calls the loop "a powerful positive feedback mechanism". After ex3.2, ex3.6 and ex3.7,
# how would you phrase it more accurately? (Not graded.)

# %%
# Your reflection (as a comment):
