# %% [markdown]
# # Case studies: Ana's low magnesium, and Mr K's calcium that would not rise
#
# **Previous:** [Lesson 7 · Vitamin D: too much, and the kidney](../lessons/07_vitamin_d_excess_and_the_kidney.ipynb)
# · **Start page:** [Start here](../lessons/00_start_here.ipynb)
#
# > **Not medical advice.** Ana and Mr K are fictional; Mr K is modelled on published cases. These
# > exercises practise clinical *reasoning*: reading a laboratory report, building a list of possible
# > causes, testing each one with a *teaching* model, choosing the measurement that tells two causes
# > apart, and weighing the evidence. What to test, whether and how to replace magnesium or vitamin D,
# > and what to do with a medicine are decisions for a person and their clinician. The course gives no
# > doses beyond the official reference values.
#
# Type your answer where a cell says `None`, run it, then run the check below it. The two cases draw
# on every lesson: the activation pathway and PTH (lessons 1 and 2), what magnesium depletion does
# (lesson 4), the kidney's handling of magnesium and the causes of its loss (lesson 6).

# %% [raw] spec="notebook"
# title: Case studies (capstone)
# about: >-
#   Two fictional patients. Case 1 (Ana, case1.N): hypomagnesaemia on a proton-pump inhibitor and a
#   thiazide, low vitamin D and a high PTH. Case 2 (Mr K, case2.N): PPI-associated hypomagnesaemia
#   with hypocalcaemia and hypokalaemia that calcium and vitamin D do not correct until magnesium is
#   restored. The patients, their stand-ins in the model and the urine tests are in
#   :mod:`mgdlearn.exercises.cases`. Sources: agus1999 (urine tests, clinical physiology),
#   clinlabnavigator_umg (the 4 % line), fatemi1991 and rude1985 (depletion, PTH, calcitriol),
#   sai2011 (PTH and 25(OH)D), fda_ppi2011, zipursky2014, janett2015, toh2015 and sivakumar2016
#   (PPIs), uwitonze2018 (the cofactor mechanism), iom2011, ods_mg, davis_lab and medlineplus_ca
#   (reference values); evidence levels from mgdlearn/data/claims.csv.

# %%
from mgdlearn.exercises import cases, check, hint
from mgdlearn.model import Scenario, simulate, steady_state

# %% [markdown]
# ## Case 1 · Ana: why is her magnesium low, and why is her PTH high?
#
# ### The history
#
# **Ana**, 58, works in an office in Edinburgh (56° N). Even at 52° N, Webb et al. (1988) found no
# meaningful vitamin D synthesis in skin from October to March. At a late-winter blood-pressure
# review she mentions cramps in her calves at night and tiredness for some months.
#
# - **Medicines:** omeprazole, a proton-pump inhibitor (PPI), once a day for 4 years for reflux;
#   bendroflumethiazide, a thiazide diuretic, for 2 years for blood pressure. No supplements.
# - **Diet:** few nuts, seeds, beans, whole grains or greens, little dairy. A dietitian estimates about
#   240 mg/day of magnesium (three quarters of the RDA for her age, 320 mg/day), 700 mg/day of
#   calcium and 200 IU/day of vitamin D.
# - **Other:** about 6 units of alcohol a week; no diarrhoea, vomiting or bowel surgery; HbA1c in the
#   non-diabetic range.
#
# ### The laboratory report
#
# Her blood went to two laboratories, which report in different units:
#
# | test | result | reference interval or status band |
# |---|---|---|
# | serum magnesium | 0.62 mmol/L | 0.75–0.95 mmol/L (NIH ODS) |
# | total calcium | 2.19 mmol/L | 2.13–2.55 mmol/L (MedlinePlus) |
# | 25(OH)D | 14 ng/mL | adequate from 20 ng/mL = 50 nmol/L; 30–50 nmol/L "inadequate for some" (IOM 2011) |
# | intact PTH | 75 pg/mL | 15–65 pg/mL (Davis's laboratory manual) |
# | eGFR | 92 mL/min/1.73 m² | 90 or more: normal kidney function (KDIGO G1) |

# %% [markdown] question="case1.1"
# ## case1.1 Read the report (1 point)
#
# Which of her results are outside their reference interval or status band? List every one.
#
# - **a** serum magnesium 0.62 mmol/L
# - **b** total calcium 2.19 mmol/L
# - **c** 25(OH)D 14 ng/mL
# - **d** intact PTH 75 pg/mL
# - **e** eGFR 92 mL/min/1.73 m²

# %% [raw] spec="case1.1"
# kind: multiple select
# answer:
#   - a
#   - c
#   - d
# feedback:
#   a: >-
#     0.62 mmol/L is below 0.75 mmol/L: hypomagnesaemia (CTCAE grade 1, not the severe range below
#     0.5 mmol/L). It is close to where three weeks of a near-zero magnesium diet took healthy
#     volunteers (0.61 mmol/L, Fatemi 1991).
#   b: >-
#     2.19 mmol/L is inside 2.13-2.55 mmol/L, in its lower part. A low-normal calcium matters for
#     the PTH question later.
#   c: >-
#     14 ng/mL is 35 nmol/L (x 2.496): below the 50 nmol/L (20 ng/mL) that IOM 2011 calls adequate,
#     in the band "inadequate for some". Read in nmol/L by mistake, 14 would even look "deficient".
#   d: 75 pg/mL is above the 15-65 pg/mL interval (75 / 9.43 = 8.0 pmol/L, above 1.6-6.9 pmol/L).
#   e: An eGFR of 90 or more is normal kidney function, which matters for the urine tests later.
# hints:
#   - Compare each value with its own interval, in the unit the interval is given in.
#   - Three of the five are outside.
# explanation: >-
#   Low magnesium, low vitamin D status and a high PTH, with a low-normal calcium and healthy
#   kidneys. Two questions follow: what lowers her magnesium, and what drives her PTH up.

# %% answer="case1.1"
answer_c1_1 = None
### BEGIN SOLUTION
answer_c1_1 = ["a", "c", "d"]
### END SOLUTION

# %% check="case1.1"
check("case1.1", answer_c1_1)

# %% [markdown]
# ### A differential for the low magnesium
#
# Serum magnesium falls when the gut takes in too little (a poor diet, less absorption, losses in
# diarrhoea) or when the kidney lets too much out (renal wasting). Agus (1999) lists the usual
# suspects: diarrhoea and malabsorption; loop and thiazide diuretics (usually a mild fall); alcohol
# (hypomagnesaemia in about 30 % of people admitted to hospital with alcohol problems, with urinary
# wasting in about half of them); poorly controlled diabetes; drugs that injure the tubules. Since
# 2006 PPIs have joined the list (Janett et al. 2015; lesson 6).

# %% [markdown] question="case1.2"
# ## case1.2 Build the differential (1 point)
#
# Which findings in her history are plausible contributors to her low magnesium? List every one.
#
# - **a** omeprazole (a PPI) for 4 years
# - **b** bendroflumethiazide (a thiazide) for 2 years
# - **c** a diet with about 240 mg/day of magnesium
# - **d** about 6 units of alcohol a week
# - **e** HbA1c in the non-diabetic range

# %% [raw] spec="case1.2"
# kind: multiple select
# answer:
#   - a
#   - b
#   - c
# feedback:
#   a: >-
#     Long-term PPI use (in most FDA cases more than a year) is a recognised cause: less magnesium
#     is taken up in the gut.
#   b: Thiazides let more magnesium into the urine; Agus (1999) calls the fall usually mild.
#   c: >-
#     Below the RDA and likely to contribute; whether it could explain 0.62 mmol/L on its own is
#     the next question.
#   d: >-
#     The alcohol-related hypomagnesaemia in Agus (1999) was in people admitted to hospital with
#     alcohol problems, not at 6 units a week.
#   e: >-
#     A normal HbA1c is evidence *against* poorly controlled diabetes, whose glucose in the urine
#     carries magnesium with it.
# hints:
#   - For each finding, ask whether it lowers magnesium intake, uptake or renal reabsorption.
# explanation: >-
#   Three contributors, two of them on the gut side (diet, PPI) and one on the kidney side
#   (thiazide). A good differential also records what is *against* the other causes: no diarrhoea,
#   little alcohol, a normal HbA1c, healthy kidneys.

# %% answer="case1.2"
answer_c1_2 = None
### BEGIN SOLUTION
answer_c1_2 = ["a", "b", "c"]
### END SOLUTION

# %% check="case1.2"
check("case1.2", answer_c1_2)

# %% [markdown] evidence=["diet_alone_rarely_hypomg"]
# > **Evidence: established** · With healthy kidneys, a low magnesium diet lowers serum magnesium only when intake is very low, because the kidney cuts urinary magnesium to very little. (Agus 1999; Fatemi et al. 1991)
#
# **Hypothesis 1: is it her diet?** When intake falls, the kidney reabsorbs more of the filtered
# magnesium, and the gut absorbs a larger share of what is eaten. In the depletion study of Fatemi et
# al. (1991), healthy volunteers needed a diet with less than 12 mg/day for three weeks to reach
# 0.61 mmol/L. `cases.ana_scenario()` is Ana in the teaching model: her intakes, her eGFR, no drug.

# %%
cases.ANA_INPUTS

# %% [markdown] question="case1.3"
# ## case1.3 Predict, then simulate: diet alone (2 points)
#
# With her intakes (240 mg/day of magnesium), healthy kidneys and no drug, does the model's serum
# magnesium settle below the normal range (0.75 mmol/L)? **Predict first**:
#
# - `"yes"`: yes, diet alone makes her hypomagnesaemic
# - `"no"`: no, it stays in the normal range

# %% [raw] spec="case1.3"
# kind: predict then simulate
# simulate: tasks.predict_case1_diet_alone
# reflect: >-
#   which organ holds serum magnesium up when intake falls, and what would you expect to find in
#   her urine if the diet were the cause?
# hints:
#   - >-
#     The kidney filters far more magnesium each day than anyone eats, and normally lets only a
#     few per cent of it out.

# %% answer="case1.3"
prediction_c1_3 = None
### BEGIN SOLUTION
prediction_c1_3 = "no"
### END SOLUTION

# %% check="case1.3"
check("case1.3", prediction_c1_3)

# %% [markdown] question="case1.4"
# ## case1.4 How little would she have to eat? (2 points)
#
# Run the cell below: it prints the model's steady-state serum magnesium for a few intakes, with
# everything else as Ana. About how much magnesium (mg/day) would diet alone need to bring her to her
# measured 0.62 mmol/L?

# %%
for intake in (20, 40, 60, 80, 120, 240):
    ss = steady_state(cases.ana_scenario(magnesium_mg_per_day=intake))
    print(f"{intake:4d} mg/day -> serum Mg {float(ss['mg_serum_mmol_l']):.3f} mmol/L")

# %% [raw] spec="case1.4"
# kind: numeric
# answer: tasks.case1_diet_only_intake_mg()
# unit: mg/day
# abs_tol: 7
# mistakes:
#   the normal-range limit:
#     wrong: tasks.case1_diet_only_intake_for_normal_mg()
#     feedback: >-
#       That is the intake that gives 0.75 mmol/L, the lower limit of normal; the question asks for
#       her 0.62 mmol/L.
#   her own intake:
#     wrong: '240'
#     feedback: >-
#       240 mg/day is what she eats, and the model settles near 0.81 mmol/L there: read down the
#       table to 0.62 mmol/L.
# hints:
#   - Find the two intakes whose serum magnesium brackets 0.62 mmol/L, and interpolate.
# explanation: >-
#   About a fifth of her intake. The kidney defends serum magnesium so well that diet alone
#   explains 0.62 mmol/L only at an intake few people eat; Agus (1999) and Fatemi (1991) say the
#   same of real kidneys. A cause that takes magnesium away (gut or kidney) is the likelier
#   explanation.

# %% answer="case1.4"
answer_c1_4 = None
### BEGIN SOLUTION
answer_c1_4 = 47
### END SOLUTION

# %% check="case1.4"
check("case1.4", answer_c1_4)

# %% [markdown] evidence=["ppi_hypomagnesaemia"]
# > **Evidence: supported** · Long-term use of proton-pump inhibitors is associated with hypomagnesaemia. (US Food and Drug Administration 2011; Zipursky et al. 2014; Janett et al. 2015)
#
# **Hypotheses 2 and 3: her drugs.** A PPI lowers magnesium uptake in the gut: PPIs may interfere
# with the active channels (TRPM6 and TRPM7), and cell studies suggest omeprazole also slows passive
# uptake (Toh et al. 2015). The kidney is not the problem, so it conserves magnesium. In the FDA's
# 2011 review most cases followed more than a year of use. Among people aged 66 or older in Ontario, current
# PPI use went with 1.43 times the odds of a hospital admission with hypomagnesaemia, 1.73 times in
# people also taking a diuretic (Zipursky et al. 2014). A thiazide works on the other organ: it lets
# more magnesium into the urine. Model v2 has both as `conditions` (lesson 6), each with an
# illustrative size. The table runs each hypothesis at Ana's intakes:

# %%
cases.ana_hypotheses()

# %% [markdown] question="case1.5"
# ## case1.5 Read the model honestly (1 point)
#
# What does the table show?
#
# - **a** the PPI alone explains her 0.62 mmol/L
# - **b** at the model's illustrative sizes no cause, and not both together, reaches 0.62 mmol/L at
#   her intake; both together come closest
# - **c** the thiazide lowers serum magnesium much more than the PPI
# - **d** the model proves that her PPI causes her low magnesium

# %% [raw] spec="case1.5"
# kind: multiple choice
# answer: b
# feedback:
#   a: >-
#     Read the serum magnesium column again; the PPI row is well above 0.62 mmol/L.
#   c: In the model the two are about equal at her intake; Agus (1999) calls the thiazide effect mild.
#   d: >-
#     A model shows the consequences of its assumptions. Its condition sizes are illustrative (the
#     sources give mechanisms and cases, not one number), so it cannot prove a cause in one person.
# hints:
#   - Compare each row's serum magnesium with her 0.62 mmol/L.
# explanation: >-
#   Honest reading: with the average sizes the model gives its conditions, her history does not
#   explain her value. Either she is unusually susceptible (most PPI users never become
#   hypomagnesaemic), or something else is going on. The next step asks what a susceptible Ana
#   would look like.

# %% answer="case1.5"
answer_c1_5 = None
### BEGIN SOLUTION
answer_c1_5 = "b"
### END SOLUTION

# %% check="case1.5"
check("case1.5", answer_c1_5)

# %% [markdown]
# ### Two stand-ins: one cause each, made strong enough
#
# A **stand-in** is the model made to fit one person. `cases.ana_standin("PPI")` lets the PPI also
# cut passive (paracellular) uptake, and lowers that uptake until the model reaches her
# 0.62 mmol/L; `cases.ana_standin("thiazide")` instead lowers the kidney's magnesium threshold
# until it does. Each is one hypothesis, pushed as far as needed. The fitted values are *chosen* to
# match her, so they are not evidence that either cause is that strong.

# %%
ppi_standin, thiazide_standin = cases.ana_standin("PPI"), cases.ana_standin("thiazide")
print(ppi_standin.parameter, ppi_standin.default, "->", ppi_standin.fitted)
print(thiazide_standin.parameter, thiazide_standin.default, "->", thiazide_standin.fitted)

# %% [markdown] question="case1.6"
# ## case1.6 Predict, then simulate: what is in the urine? (2 points)
#
# Both stand-ins have serum magnesium 0.62 mmol/L. In which one does more magnesium leave in the
# urine each day? **Predict first**:
#
# - `"PPI"`: the PPI stand-in
# - `"thiazide"`: the thiazide stand-in
# - `"same"`: about the same in both

# %% [raw] spec="case1.6"
# kind: predict then simulate
# simulate: tasks.predict_case1_urine
# reflect: >-
#   the two stand-ins have the same blood values; which measurement would tell them apart in a
#   patient?
# hints:
#   - >-
#     In one stand-in the kidney is healthy and the loss is elsewhere; in the other the kidney is
#     the leak.

# %% answer="case1.6"
prediction_c1_6 = None
### BEGIN SOLUTION
prediction_c1_6 = "thiazide"
### END SOLUTION

# %% check="case1.6"
check("case1.6", prediction_c1_6)

# %% [markdown]
# The two stand-ins side by side:

# %%
cases.ana_standins()

# %% [markdown]
# Same serum magnesium, same PTH, same calcitriol: the blood cannot tell the two causes apart. The
# urine can. When the gut is the problem, a healthy kidney lets almost nothing out; when the kidney
# is the leak, the urine keeps carrying magnesium although the blood is low.
#
# Two honest remarks on the model. The PPI stand-in's fractional excretion (FEMg: the share of the
# filtered magnesium that reaches the urine, next section; about 0.2 %) is lower than
# in patients who lose magnesium outside the kidney (0.5–2.7 %, Elisaf 1997 as reported by Agus
# 1999): the model's kidney conserves magnesium more tightly than real kidneys, which is also why
# diet alone needs so little intake in it. And the thiazide stand-in's renal wasting (about 4 %) is
# mild next to the patients with renal loss in that study (4–48 %, mean 15 %).

# %% [markdown] question="case1.7"
# ## case1.7 Choose the measurement (1 point)
#
# Which measurement best tells a PPI cause (gut) from a thiazide cause (kidney) in Ana?
#
# - **a** a repeat serum magnesium
# - **b** urine magnesium: a 24-hour collection, or the fractional excretion (FEMg) from a spot urine
# - **c** serum calcitriol
# - **d** red-cell magnesium

# %% [raw] spec="case1.7"
# kind: multiple choice
# answer: b
# feedback:
#   a: >-
#     A repeat confirms the value, but both causes give the same serum magnesium (the stand-ins
#     show it).
#   c: >-
#     Calcitriol is tightly regulated and not a status marker; both causes lower it alike (the
#     stand-ins show it).
#   d: >-
#     Red-cell magnesium speaks (imperfectly) to body stores, not to the route of the loss; both
#     causes deplete the stores.
# hints:
#   - Where does the magnesium go in each hypothesis?
# explanation: >-
#   Urine magnesium asks the kidney directly: low when it conserves (the loss is elsewhere), high
#   when it wastes. A 24-hour collection needs a full day's urine; a spot urine with the creatinine
#   ratio gives the fractional excretion the same morning.

# %% answer="case1.7"
answer_c1_7 = None
### BEGIN SOLUTION
answer_c1_7 = "b"
### END SOLUTION

# %% check="case1.7"
check("case1.7", answer_c1_7)

# %% [markdown] evidence=["femg_renal_vs_extrarenal"]
# > **Evidence: established** · In hypomagnesaemia, a low fractional excretion of magnesium means the kidney is conserving it, so the loss is elsewhere; a high one means renal wasting. (Agus 1999; ClinLab Navigator 2026)
#
# **The fractional excretion of magnesium** is the share of the filtered magnesium that ends up in the
# urine. From a spot urine and a blood sample taken together (U urine, P plasma, Cr creatinine):
#
# FEMg (%) = (U_Mg × P_Cr) / (0.7 × P_Mg × U_Cr) × 100
#
# The creatinine ratio stands in for the filtration rate, and the 0.7 is the share of plasma magnesium
# that is filtered (the rest is bound to albumin). In hypomagnesaemia with normal kidney function,
# Agus (1999) reads an FEMg above 2 % (or more than 10–30 mg of magnesium in a 24-hour urine) as renal
# wasting. **The cut-off is not standardised**: some laboratories draw the line at 4 % (ClinLab
# Navigator, citing a 2020 JAMA article). The patients behind these rules (Elisaf 1997, as reported by
# Agus 1999) had 0.5–2.7 % when the loss was outside the kidney and 4–48 % when it was renal: below
# 2 % points outside the kidney, above 4 % to the kidney, and between 2 and 4 % is a **grey zone**
# where FEMg alone does not decide.

# %% [markdown] question="case1.8"
# ## case1.8 Write the FEMg function (2 points)
#
# Complete `fe_mg(u_mg, p_mg, u_cr, p_cr)`: return the fractional excretion of magnesium in percent,
# with all four concentrations in mmol/L. Raise `ValueError` if any of them is zero or negative.

# %% [raw] spec="case1.8"
# kind: function
# name: fe_mg
# reference: tasks.fe_mg_percent
# cases:
#   - args: [0.60, 0.62, 8.0, 0.070]
#   - args: [3.0, 0.55, 6.0, 0.080]
#   - args: [1.5, 0.85, 10.0, 0.090]
#   - args: [0.2, 0.30, 12.0, 0.060]
#     why: very low urine magnesium in deep depletion
#   - args: [0.60, 0, 8.0, 0.070]
#     raises: ValueError
#     why: a plasma magnesium of 0 cannot be a measurement
#   - args: [0.60, 0.62, -8.0, 0.070]
#     raises: ValueError
#     why: a concentration cannot be negative
# rel_tol: 1.0e-06
# mistakes:
#   no 0.7:
#     wrong: t * 0.7
#     feedback: >-
#       You left out the 0.7: only about 70 % of plasma magnesium is filtered, so the filtered load
#       is 0.7 x P_Mg x the filtration rate.
#   0.7 on top:
#     wrong: t * 0.49
#     feedback: The 0.7 multiplies the plasma magnesium in the denominator, not the numerator.
#   fraction, not percent:
#     wrong: t / 100
#     feedback: The question asks for percent; multiply the fraction by 100.
# hints:
#   - Check for bad input before dividing.
#   - Numerator U_Mg x P_Cr; denominator 0.7 x P_Mg x U_Cr; times 100.

# %% answer="case1.8"
def fe_mg(u_mg, p_mg, u_cr, p_cr):
    """Fractional excretion of magnesium (%), all concentrations in mmol/L."""
    ### BEGIN SOLUTION
    if min(u_mg, p_mg, u_cr, p_cr) <= 0:
        raise ValueError("concentrations must be positive")
    return 100 * (u_mg * p_cr) / (0.7 * p_mg * u_cr)
    ### END SOLUTION


# %% check="case1.8"
check("case1.8", fe_mg)

# %% [markdown]
# ### Her urine result
#
# A spot urine taken the same morning as her blood:
#
# | test | result |
# |---|---|
# | urine magnesium | 0.60 mmol/L |
# | urine creatinine | 8.0 mmol/L |
# | plasma creatinine | 70 µmol/L |
# | plasma magnesium | 0.62 mmol/L (as above) |

# %% [markdown] question="case1.9"
# ## case1.9 Her FEMg (2 points)
#
# Compute Ana's FEMg in percent (you may use your `fe_mg`). Watch the units: the laboratory gives
# plasma creatinine in µmol/L and urine creatinine in mmol/L.

# %% [raw] spec="case1.9"
# kind: numeric
# answer: tasks.case1_fe_mg()
# unit: '%'
# rel_tol: 0.02
# mistakes:
#   creatinine in two units:
#     wrong: t * 1000
#     feedback: >-
#       You used 70 (µmol/L) with 8.0 (mmol/L): the creatinine ratio must be in one unit. 70 µmol/L
#       is 0.070 mmol/L.
#   no 0.7:
#     wrong: t * 0.7
#     feedback: You left out the 0.7 (the filtered share of plasma magnesium).
#   creatinine ratio upside down:
#     wrong: t * (8.0 / 0.070) ** 2
#     feedback: Plasma creatinine goes on top (with urine magnesium), urine creatinine below.
# hints:
#   - 70 µmol/L = 0.070 mmol/L.
#   - fe_mg(0.60, 0.62, 8.0, 0.070)

# %% answer="case1.9"
answer_c1_9 = None
### BEGIN SOLUTION
answer_c1_9 = fe_mg(0.60, 0.62, 8.0, 70 / 1000)
### END SOLUTION

# %% check="case1.9"
check("case1.9", answer_c1_9)

# %% [markdown] question="case1.10"
# ## case1.10 Interpret it (1 point)
#
# Her FEMg is about 1.2 % with a serum magnesium of 0.62 mmol/L and normal kidney function. What
# does it point to?
#
# - **a** renal wasting: the thiazide is the main cause
# - **b** appropriate renal conservation: the magnesium is being lost outside the kidney (the PPI,
#   with her diet), not through it
# - **c** a normal FEMg, so her body magnesium is not depleted
# - **d** nothing: an FEMg cannot be read without a 24-hour urine

# %% [raw] spec="case1.10"
# kind: multiple choice
# answer: b
# feedback:
#   a: >-
#     Renal wasting would keep FEMg above 2 % despite the low serum magnesium; 1.2 % is the kidney
#     conserving.
#   c: >-
#     An FEMg says where the loss is, not how big the stores are; with serum magnesium at 0.62
#     mmol/L her stores are down.
#   d: >-
#     A spot FEMg stands on its own (the creatinine ratio corrects for urine concentration); a
#     24-hour urine is the alternative, not a requirement.
# hints:
#   - Below 2 % in hypomagnesaemia means the kidney is doing its job.
# explanation: >-
#   Extrarenal: the kidney is holding on to magnesium, so the PPI (with a diet at three quarters of
#   the RDA) fits, the thiazide does not explain much. A thiazide raises urine magnesium while it
#   acts, which makes a low FEMg despite it all the more telling. Whether the PPI is the cause in
#   her is confirmed, if at all, by what happens after her clinician changes it.

# %% answer="case1.10"
answer_c1_10 = None
### BEGIN SOLUTION
answer_c1_10 = "b"
### END SOLUTION

# %% check="case1.10"
check("case1.10", answer_c1_10)

# %% [markdown] question="case1.11"
# ## case1.11 The grey zone (1 point)
#
# Another hypomagnesaemic patient with normal kidney function has an FEMg of 3 %. What can you
# conclude?
#
# - **a** renal wasting: the value is above 2 %
# - **b** an extrarenal loss: the value is below 4 %
# - **c** FEMg alone does not decide: the sources put the line at 2 % or at 4 %, and in the patients
#   behind them extrarenal losses reached 2.7 % and renal losses started at 4 %; the history, a
#   24-hour urine and a repeat help
# - **d** FEMg is meaningless in hypomagnesaemia

# %% [raw] spec="case1.11"
# kind: multiple choice
# answer: c
# feedback:
#   a: >-
#     Right by the 2 % rule (Agus 1999), wrong by the 4 % line some laboratories use; when two
#     sources disagree, 3 % is the value they disagree about.
#   b: Right by the 4 % line, wrong by the 2 % rule; neither rule alone settles 3 %.
#   d: >-
#     FEMg is most useful exactly in hypomagnesaemia, when a healthy kidney should be conserving;
#     only its cut-off is uncertain.
# hints:
#   - >-
#     Read the evidence call-out above again. What do the two sources say about 3 %?
# explanation: >-
#   A grey zone is an honest answer. In the model the thiazide stand-in sits there too (about 4 %),
#   while real renal wasting is usually far higher (mean 15 % in Elisaf's patients).

# %% answer="case1.11"
answer_c1_11 = None
### BEGIN SOLUTION
answer_c1_11 = "c"
### END SOLUTION

# %% check="case1.11"
check("case1.11", answer_c1_11)

# %% [markdown] evidence=["secondary_hpt_low_vitamin_d"]
# > **Evidence: supported** · PTH rises as 25(OH)D falls (secondary hyperparathyroidism), with wide scatter and no agreed threshold. (Sai et al. 2011)
#
# ### Why is her PTH 75 pg/mL?
#
# PTH high with a *high* calcium is primary hyperparathyroidism (the glands over-secrete); PTH high
# with a low or low-normal calcium is the glands' *response*: secondary hyperparathyroidism. Low
# vitamin D status is its commonest cause: in 488 older women PTH rose as 25(OH)D fell (r = −0.26),
# and across 70 studies the 25(OH)D below which PTH rises was put anywhere from 10 to 50 ng/mL (Sai et
# al. 2011). What does magnesium depletion do to PTH? It depends on how deep and how long: a small
# *acute* fall stimulates secretion (in cell studies, Agus 1999); three weeks of mild depletion left
# PTH unchanged or lower in 20 of 26 volunteers (Fatemi et al. 1991); severe depletion (roughly below
# 0.5 mmol/L) suppresses secretion and makes bone and kidney resist PTH (Rude et al. 1985; Agus 1999),
# so PTH is normal or low despite a low calcium.

# %% [markdown] question="case1.12"
# ## case1.12 Why is her PTH high? (1 point)
#
# Which explanation of her PTH of 75 pg/mL fits all her results best?
#
# - **a** magnesium deficiency stimulates PTH secretion
# - **b** secondary hyperparathyroidism from low vitamin D status, with a low-normal calcium; a
#   magnesium of 0.62 mmol/L is not low enough to block that response
# - **c** primary hyperparathyroidism
# - **d** a unit mix-up: 75 pg/mL is a normal PTH in pmol/L

# %% [raw] spec="case1.12"
# kind: multiple choice
# answer: b
# feedback:
#   a: >-
#     Only a small *acute* fall does that. Chronic depletion blunts or, when severe, suppresses PTH
#     secretion (Fatemi 1991; Rude 1985): it works against a high PTH, not for it.
#   c: >-
#     Primary hyperparathyroidism usually comes with a high calcium; hers is low-normal.
#   d: >-
#     75 pg/mL is 8.0 pmol/L (divide by 9.43), still above 1.6-6.9 pmol/L: high in either unit.
# hints:
#   - Is her calcium high or low? Which way does chronic magnesium depletion push PTH?
# explanation: >-
#   Secondary hyperparathyroidism: her parathyroids answer a low-normal calcium and low vitamin D
#   status. Mild magnesium depletion lets that answer through (severe depletion would not).

# %% answer="case1.12"
answer_c1_12 = None
### BEGIN SOLUTION
answer_c1_12 = "b"
### END SOLUTION

# %% check="case1.12"
check("case1.12", answer_c1_12)

# %% [markdown] question="case1.13"
# ## case1.13 Predict, then simulate: magnesium and PTH in the model (2 points)
#
# Hold Ana's serum magnesium at her 0.62 mmol/L instead of the model's normal 0.85 mmol/L,
# everything else as Ana (`cases.ana_scenario(serum_mg_mmol_l=...)`). How does her steady-state PTH
# change? **Predict first**:
#
# - `"rises"`: PTH rises by more than 10 %
# - `"falls"`: PTH falls by more than 10 %
# - `"barely"`: PTH changes by less than 10 %

# %% [raw] spec="case1.13"
# kind: predict then simulate
# simulate: tasks.predict_case1_pth
# reflect: >-
#   ionized calcium is lower at 0.62 mmol/L, which should raise PTH; what holds it back, and what
#   then explains her 75 pg/mL?
# hints:
#   - Two effects pull in opposite directions at 0.62 mmol/L, the calcium fall and magnesium's effect on the glands.

# %% answer="case1.13"
prediction_c1_13 = None
### BEGIN SOLUTION
prediction_c1_13 = "barely"
### END SOLUTION

# %% check="case1.13"
check("case1.13", prediction_c1_13)

# %% [markdown]
# ### Where the model's stand-in differs from Ana
#
# Compare the stand-ins' table with her report: the model gives her 25(OH)D (because her background
# vitamin D input was chosen to match it) and her magnesium (because each stand-in was fitted to
# it), but a PTH of about 40 pg/mL against her 75. In the model, low vitamin D status raises PTH only
# through calcitriol and calcium, and its calcitriol depends on 25(OH)D only when 25(OH)D is far
# lower than hers; the association in people (Sai et al. 2011) is not built in. The model also has no
# potassium, and its kidney conserves magnesium more tightly than real kidneys.

# %% [markdown] question="case1.14"
# ## case1.14 Spot the wrong statements about the model (1 point)
#
# Which statements about the model's stand-ins for Ana are **right**? List every one.
#
# - **a** their 25(OH)D matches hers because her vitamin D inputs were chosen to match it: a fit, not
#   a prediction
# - **b** their PTH (about 40 pg/mL) is far below her 75 pg/mL, because the model raises PTH from low
#   vitamin D only through calcitriol and calcium, which barely change at her 25(OH)D
# - **c** the fitted cut in passive uptake of the PPI stand-in is a measured property of omeprazole
# - **d** the PPI stand-in's FEMg (about 0.2 %) is lower than in real patients with extrarenal losses
# - **e** the model proves that her PPI caused her low magnesium

# %% [raw] spec="case1.14"
# kind: multiple select
# answer:
#   - a
#   - b
#   - d
# feedback:
#   a: The background vitamin D input was set so that the model's 25(OH)D is hers.
#   b: >-
#     The model's PTH answers calcium, calcitriol and magnesium, not 25(OH)D itself; the
#     association seen in people is not in it.
#   c: >-
#     It was chosen so that the model reaches 0.62 mmol/L. Cell studies suggest omeprazole slows
#     passive uptake (Toh 2015), but no one measured how much in a person.
#   d: >-
#     Elisaf's extrarenal patients had 0.5-2.7 % (Agus 1999); the model's kidney conserves more
#     tightly.
#   e: >-
#     The stand-in shows that a PPI *strong enough* would do it; her urine result supports a loss
#     outside the kidney. Neither proves the cause in her.
# hints:
#   - For each statement, ask whether the number was fitted, measured or built into the model.
# explanation: >-
#   Say plainly what a model was made to match, what it predicts and what it leaves out: here it
#   matches her magnesium and vitamin D by construction, tests the two routes of loss, and misses
#   her PTH.

# %% answer="case1.14"
answer_c1_14 = None
### BEGIN SOLUTION
answer_c1_14 = ["a", "b", "d"]
### END SOLUTION

# %% check="case1.14"
check("case1.14", answer_c1_14)

# %% [markdown] evidence=["mg_cofactor_hydroxylases"]
# > **Evidence: emerging** · Magnesium is a cofactor of the vitamin D hydroxylases. (Uwitonze et al. 2018; Rude et al. 1985; Fatemi et al. 1991)
#
# ### What the evidence supports
#
# Her low magnesium and her low vitamin D status meet at the kidney's CYP27B1, the enzyme that makes
# calcitriol. In people, magnesium depletion lowers calcitriol: by 22 % after three weeks of a mild
# experimental depletion (Fatemi et al. 1991), and to low values in severe depletion, where it lagged
# behind magnesium repletion (Rude et al. 1985). That magnesium acts as the enzymes' *cofactor* is
# the mechanism a review proposes (Uwitonze and Razzaque 2018); direct human enzyme data are sparse.

# %% [markdown] question="case1.15"
# ## case1.15 How strong is the evidence? (1 point)
#
# How strong is the evidence that magnesium is needed to activate vitamin D, as a cofactor of the
# hydroxylases?
#
# - **a** established: measured directly on the human enzymes; textbook physiology
# - **b** supported: trials show that magnesium given to people activates their vitamin D enzymes
# - **c** emerging: in people, magnesium depletion lowers calcitriol (Rude 1985, Fatemi 1991), but
#   that magnesium is the enzymes' cofactor rests on mechanistic work and a review, with sparse
#   direct human enzyme data
# - **d** claim: stated by the article with no support at all

# %% [raw] spec="case1.15"
# kind: multiple choice
# answer: c
# claim: mg_cofactor_hydroxylases
# feedback:
#   a: >-
#     The human enzymes have not been measured at different magnesium levels; what is measured is
#     the net effect on calcitriol.
#   b: >-
#     No trial has measured the enzymes' activity in people given magnesium; what is measured in
#     people is the net effect on calcitriol, and the cofactor role is the proposed mechanism.
#   d: >-
#     There is human evidence for the net effect; the mechanism is what is less certain.
# hints:
#   - Separate what was measured in people (calcitriol) from how it is explained (a cofactor).
# explanation: >-
#   One level, the same everywhere in the course (lesson 1 shows the same badge, from
#   mgdlearn/data/claims.csv): the net effect is measured in people, the cofactor mechanism is not.

# %% answer="case1.15"
answer_c1_15 = None
### BEGIN SOLUTION
answer_c1_15 = "c"
### END SOLUTION

# %% check="case1.15"
check("case1.15", answer_c1_15)

# %% [markdown] question="case1.16"
# ## case1.16 What is for her clinician to decide? (1 point)
#
# Which of these belong to Ana's clinician, not to this course or its model? List every one.
#
# - **a** whether to stop, reduce or switch her PPI
# - **b** whether and how to replace her magnesium (by mouth or by vein, how much, how long)
# - **c** how much vitamin D to prescribe, and when to recheck 25(OH)D and PTH
# - **d** whether her blood-pressure treatment should change
# - **e** showing, in the teaching model, which way serum magnesium moves when a drug cuts uptake
# - **f** knowing the official upper level for supplemental magnesium in adults (350 mg/day)

# %% [raw] spec="case1.16"
# kind: multiple select
# answer:
#   - a
#   - b
#   - c
#   - d
# feedback:
#   a: >-
#     Changing a medicine weighs her reflux against her magnesium, a clinician's decision with her.
#   b: Route, dose and duration of repletion are treatment, which this course does not give.
#   c: A vitamin D prescription and its follow-up are treatment decisions.
#   d: The thiazide treats her blood pressure; whether to change it is a clinical decision.
#   e: >-
#     That is what the model is for: the direction and rough size of an effect under stated
#     assumptions.
#   f: The official reference values (RDA, UL) are public facts this course teaches.
# hints:
#   - Decisions about a person's treatment belong to the clinician; general physiology and public reference values do not.
# explanation: >-
#   The course can help you reason: what the labs mean, which cause fits, which test decides,
#   how strong the evidence is. It stops where treatment begins.

# %% answer="case1.16"
answer_c1_16 = None
### BEGIN SOLUTION
answer_c1_16 = ["a", "b", "c", "d"]
### END SOLUTION

# %% check="case1.16"
check("case1.16", answer_c1_16)

# %% [markdown]
# ### Case 1 in one paragraph
#
# Ana's magnesium is low (0.62 mmol/L), her vitamin D status low (14 ng/mL = 35 nmol/L) and her PTH
# high (75 pg/mL) with a low-normal calcium. Diet alone would explain her magnesium only at about a
# fifth of her intake; her PPI and her thiazide are both on the differential, and the model with
# average sizes explains neither. Her urine decides the route: an FEMg of 1.2 % means her kidneys are
# conserving, so the loss is outside them, as with a PPI. Her PTH is secondary hyperparathyroidism
# from low vitamin D status, which mild magnesium depletion does not block. The rest is for her
# clinician.
#
# ## Case 2 · Mr K: calcium that would not rise
#
# **Mr K**, 71, is admitted with tingling around his mouth and in his fingers and painful spasms of his
# hands (a positive Trousseau sign); his ECG shows a prolonged QT interval. He has taken omeprazole
# for 6 years for reflux; no diuretics, no diarrhoea. His hospital laboratory reports PTH in pmol/L:
#
# | test | result | reference interval |
# |---|---|---|
# | total calcium | 1.72 mmol/L | 2.13–2.55 mmol/L (MedlinePlus) |
# | ionized calcium | 0.86 mmol/L | 1.16–1.32 mmol/L (Davis's laboratory manual) |
# | potassium | 3.0 mmol/L | flagged low by the laboratory |
# | intact PTH | 2.1 pmol/L | 1.6–6.9 pmol/L (= 15–65 pg/mL) |
# | 25(OH)D | 62 nmol/L | adequate from 50 nmol/L (IOM 2011) |
# | eGFR | 78 mL/min/1.73 m² | 60–89: mildly decreased (KDIGO G2) |
#
# For three days he receives calcium into a vein and calcium and vitamin D by mouth, and potassium.
# His calcium rises after each infusion and falls back; his potassium stays near 3.0 mmol/L. On day 3
# someone measures his magnesium: **0.28 mmol/L**. This course of events is the one published cases
# describe (Janett et al. 2015 reviewed 64 people on long-term PPIs with hypomagnesaemia, mostly with
# hypocalcaemic hypoparathyroidism and hypokalaemia; Sivakumar 2016 reports a 91-year-old man with
# tetany after 18 months of a PPI).

# %% [markdown] question="case2.1"
# ## case2.1 Read his PTH (1 point)
#
# Ana's PTH was 75 pg/mL. Mr K's is 2.1 pmol/L. Which statement is right?
#
# - **a** his PTH (about 20 pg/mL) is inside the reference interval, and that is inappropriately low
#   for a calcium this low: his parathyroids are not answering
# - **b** 2.1 is below 15, so his PTH is below the reference interval of 15–65
# - **c** his PTH is high: 2.1 pmol/L is about 200 pg/mL
# - **d** his PTH is normal, so his parathyroids are working normally

# %% [raw] spec="case2.1"
# kind: multiple choice
# answer: a
# feedback:
#   b: >-
#     Compare in one unit: 15-65 is in pg/mL; in pmol/L the interval is 1.6-6.9 (divide by 9.43),
#     and 2.1 pmol/L is about 20 pg/mL.
#   c: >-
#     9.43 pg/mL per pmol/L: 2.1 x 9.43 = 19.8 pg/mL, not 198 (check the decimal point).
#   d: >-
#     A value inside the interval is not normal *for him*: with an ionized calcium of 0.86
#     mmol/L, healthy parathyroids would push PTH far above it, as Ana's did with a much smaller
#     stimulus.
# hints:
#   - 1 pmol/L of intact PTH is 9.43 pg/mL.
#   - What should the glands do when ionized calcium is 0.86 mmol/L?
# explanation: >-
#   A "normal" PTH in severe hypocalcaemia is inappropriately low: functional hypoparathyroidism.
#   In severe hypomagnesaemia PTH is normal or low and rises quickly once magnesium is given (Agus
#   1999).

# %% answer="case2.1"
answer_c2_1 = None
### BEGIN SOLUTION
answer_c2_1 = "a"
### END SOLUTION

# %% check="case2.1"
check("case2.1", answer_c2_1)

# %% [markdown]
# ### His stand-in in the model
#
# At his measured 0.28 mmol/L the model's ionized calcium would be far below his 0.86 mmol/L: its
# calcium falls more steeply with magnesium than patients' (`docs/model.md`). So his stand-in holds
# serum magnesium at the value where the model's ionized calcium is his (a fit), with his intakes and
# his PPI. The model flags the dangers:

# %%
mr_k = cases.mr_k_scenario()
state = steady_state(mr_k)
print(f"serum Mg held at {cases.mr_k_clamp()} mmol/L; ionized Ca {float(state['ca_ion_mmol_l']):.2f} mmol/L; "
      f"PTH {float(state['pth_pmol_l']):.1f} pmol/L; calcitriol {float(state['calcitriol_pmol_l']):.0f} pmol/L")
list(state.attrs["warnings"])

# %% [markdown] question="case2.2"
# ## case2.2 Predict, then simulate: calcium and vitamin D (2 points)
#
# From his stand-in, give him calcium (2000 mg/day) and vitamin D (4000 IU/day), the adult upper
# levels, for 28 days while his magnesium stays low (`cases.mr_k_calcium_and_vitamin_d()`). Does his
# ionized calcium reach the reference interval (1.16 mmol/L)? **Predict first**:
#
# - `"yes"`: yes, within the 28 days
# - `"no"`: no, it stays below

# %% [raw] spec="case2.2"
# kind: predict then simulate
# simulate: tasks.predict_case2_calcium_and_vitamin_d
# reflect: >-
#   more calcium in the gut and more vitamin D did not bring calcium up: which two links between
#   blood calcium and its regulators does low magnesium break?
# hints:
#   - Calcium is held up by PTH acting on bone and kidney, and by calcitriol acting on the gut.

# %% answer="case2.2"
prediction_c2_2 = None
### BEGIN SOLUTION
prediction_c2_2 = "no"
### END SOLUTION

# %% check="case2.2"
check("case2.2", prediction_c2_2)

# %% [markdown] question="case2.3"
# ## case2.3 Spot the wrong explanation (1 point)
#
# Which of these is **not** a reason why his calcium did not rise with calcium and vitamin D?
#
# - **a** severe magnesium depletion suppresses PTH secretion
# - **b** bone and kidney respond poorly to PTH when magnesium is this low
# - **c** calcitriol is low and its action on calcium absorption is blunted in severe depletion
# - **d** vitamin D cannot be absorbed, or turned into 25(OH)D, without magnesium

# %% [raw] spec="case2.3"
# kind: multiple choice
# answer: d
# feedback:
#   a: >-
#     That is a real reason: PTH is normal or low in hypomagnesaemic hypocalcaemia and rises quickly
#     when magnesium is given (Agus 1999).
#   b: >-
#     That is a real reason: PTH-induced release of calcium from bone is substantially impaired
#     below about 0.4 mmol/L (Agus 1999).
#   c: >-
#     That is a real reason: calcitriol is low in severe depletion and lags behind repletion (Rude
#     1985); in the model its calcium-absorption effect needs magnesium too.
# hints:
#   - Look at his 25(OH)D.
# explanation: >-
#   His 25(OH)D is 62 nmol/L, adequate; and in Rude's patients 25(OH)D did not change with magnesium
#   repletion (13.2 vs 14.8 ng/mL). The block is downstream: PTH secretion, PTH action and
#   calcitriol.

# %% answer="case2.3"
answer_c2_3 = None
### BEGIN SOLUTION
answer_c2_3 = "d"
### END SOLUTION

# %% check="case2.3"
check("case2.3", answer_c2_3)

# %% [markdown] question="case2.4"
# ## case2.4 Predict, then simulate: magnesium instead (2 points)
#
# Now restore his serum magnesium to the model's normal 0.85 mmol/L, with no extra calcium or vitamin
# D (`cases.mr_k_magnesium_restored()`; the model has no intravenous route, so holding serum
# magnesium normal stands for magnesium given until it is). Which raises his ionized calcium more:
# **7 days** of this, or the **28 days** of calcium and vitamin D of case2.2? **Predict first**:
#
# - `"magnesium"`: 7 days of magnesium raise it much more
# - `"calcium"`: 28 days of calcium and vitamin D raise it much more
# - `"same"`: about the same

# %% [raw] spec="case2.4"
# kind: predict then simulate
# simulate: tasks.predict_case2_magnesium
# reflect: >-
#   no calcium was added, yet calcium rose: where did it come from, and which hormone moved first?
# hints:
#   - Which link did magnesium restore that calcium and vitamin D could not?

# %% answer="case2.4"
prediction_c2_4 = None
### BEGIN SOLUTION
prediction_c2_4 = "magnesium"
### END SOLUTION

# %% check="case2.4"
check("case2.4", prediction_c2_4)

# %% [markdown]
# The first days after magnesium is restored, in the model:

# %%
cases.mr_k_magnesium_restored().df[["mg_serum_mmol_l", "pth_pmol_l", "ca_ion_mmol_l", "calcitriol_pmol_l"]].iloc[
    [0, 1, 2, 3, 7, 14, 28]].round(2)

# %% [markdown] question="case2.5"
# ## case2.5 What recovers first? (1 point)
#
# After magnesium is restored, put these in the order in which they recover (a list of letters):
#
# - **a** ionized calcium reaches the reference interval
# - **b** calcitriol reaches 90 % of its new level
# - **c** PTH rises above the top of its reference interval, answering the low calcium

# %% [raw] spec="case2.5"
# kind: ordering
# answer:
#   - c
#   - a
#   - b
# feedback:
#   a, c, b: >-
#     Calcium rises *because* PTH comes back: PTH first (within hours to a day), then calcium over
#     days.
#   c, b, a: >-
#     Calcitriol lags for weeks (cell magnesium refills slowly); calcium recovers through PTH
#     before calcitriol does (Rude 1985).
#   b, c, a: >-
#     Calcitriol is the slowest of the three: in Rude's patients only 5 of 23 reached normal
#     calcitriol after 5-13 days of magnesium.
# hints:
#   - Look at the table above, or think of Rude 1985.
# explanation: >-
#   PTH, then calcium, then calcitriol, in the model as in patients (Rude 1985; Agus 1999: PTH
#   secretion can rise well before the calcium corrects). The model's first-day PTH jump is larger
#   than its steady value; its size is not calibrated against patients.

# %% answer="case2.5"
answer_c2_5 = None
### BEGIN SOLUTION
answer_c2_5 = ["c", "a", "b"]
### END SOLUTION

# %% check="case2.5"
check("case2.5", answer_c2_5)

# %% [markdown] evidence=["mg_deficiency_refractory_ca_k"]
# > **Evidence: established** · In severe magnesium deficiency, low calcium and low potassium do not correct until magnesium is replaced. (Agus 1999; Rude et al. 1985)
#
# **His potassium.** Hypokalaemia comes with hypomagnesaemia in 40–60 % of cases, partly because the
# same causes lose both, partly because low magnesium inside tubule cells opens potassium channels
# that secrete potassium into the urine; it is "relatively refractory to potassium
# supplementation and requires correction of the magnesium deficit" (Agus 1999). The model has no
# potassium, so it cannot show this: a limit to say out loud.

# %% [markdown] question="case2.6"
# ## case2.6 Why did his potassium not rise? (1 point)
#
# His potassium stayed near 3.0 mmol/L despite potassium supplements until magnesium was given.
# Why?
#
# - **a** low magnesium in kidney cells releases a brake on potassium channels, so the kidney keeps
#   secreting the potassium he is given
# - **b** the PPI blocks potassium absorption in the gut
# - **c** calcium supplements drive potassium into the urine
# - **d** the model shows potassium falling with magnesium

# %% [raw] spec="case2.6"
# kind: multiple choice
# answer: a
# feedback:
#   b: >-
#     The loss is in the urine, not a failure to absorb: renal potassium wasting in hypomagnesaemia
#     (Agus 1999).
#   c: Not the mechanism here; the potassium loss is tied to the magnesium deficit and ends with it.
#   d: >-
#     The model has no potassium at all: for this question the evidence comes from physiology and
#     patients, not from the model.
# hints:
#   - Where does the potassium go?
# explanation: >-
#   Renal potassium wasting through channels that low cell magnesium leaves open; correcting the
#   magnesium closes the leak (Agus 1999).

# %% answer="case2.6"
answer_c2_6 = None
### BEGIN SOLUTION
answer_c2_6 = "a"
### END SOLUTION

# %% check="case2.6"
check("case2.6", answer_c2_6)

# %% [markdown] question="case2.7"
# ## case2.7 Supplements on a PPI (1 point)
#
# After discharge he stays on omeprazole and takes magnesium by mouth as prescribed, but his
# magnesium drifts down again. What did the FDA's 2011 review of PPI cases report about this
# situation?
#
# - **a** in about a quarter of the cases, magnesium supplements alone did not correct the low
#   magnesium and the PPI had to be stopped
# - **b** supplements always corrected the magnesium, so the PPI never needs to change
# - **c** the problem appears only with over-the-counter PPIs
# - **d** switching to another PPI reliably solves it

# %% [raw] spec="case2.7"
# kind: multiple choice
# answer: a
# feedback:
#   b: >-
#     The FDA found the opposite in about a quarter of the cases: supplementation alone did not
#     improve serum magnesium.
#   c: >-
#     The FDA's concern was prescription PPIs taken for a long time (in most cases more than a
#     year); it judged over-the-counter use at label doses low-risk.
#   d: >-
#     In the published cases magnesium fell again with another PPI, but not with an H2 blocker
#     (Janett 2015).
# hints:
#   - The FDA safety communication of 2 March 2011 gives a fraction of the cases.
# explanation: >-
#   A PPI that keeps cutting uptake can outrun supplements; whether to stop or replace it is a
#   decision for his clinicians (an H2 blocker did not bring the problem back in the published
#   cases, Janett 2015).

# %% answer="case2.7"
answer_c2_7 = None
### BEGIN SOLUTION
answer_c2_7 = "a"
### END SOLUTION

# %% check="case2.7"
check("case2.7", answer_c2_7)

# %% [markdown] question="case2.8"
# ## case2.8 How strong is the evidence? (1 point)
#
# How strong is the evidence that long-term PPI use is associated with hypomagnesaemia?
#
# - **a** established: randomised trials show that most long-term users become hypomagnesaemic
# - **b** supported: consistent observational studies (older adults: 1.43 times the odds, more with
#   diuretics), an FDA review of case reports, and cases in which magnesium fell again when a PPI
#   was restarted
# - **c** emerging: only cell studies of the intestinal channels
# - **d** claim: a suspicion without data

# %% [raw] spec="case2.8"
# kind: multiple choice
# answer: b
# claim: ppi_hypomagnesaemia
# feedback:
#   a: >-
#     There is no randomised trial, and most PPI users never become hypomagnesaemic: the odds are
#     raised, not the rule.
#   c: >-
#     Cell studies concern the mechanism; the association itself rests on many patients
#     (observational studies, case series).
#   d: >-
#     There are data: case-control and cross-sectional studies, case series with dechallenge and
#     rechallenge, and an FDA safety review.
# hints:
#   - What kinds of study exist, and is there a trial among them?
# explanation: >-
#   Supported: consistent observational evidence and case reports, no trial. The mechanism (less
#   uptake in the gut) is less certain than the association.

# %% answer="case2.8"
answer_c2_8 = None
### BEGIN SOLUTION
answer_c2_8 = "b"
### END SOLUTION

# %% check="case2.8"
check("case2.8", answer_c2_8)

# %% [markdown]
# ### What the model reproduces of Mr K, and what it does not
#
# It reproduces the logic: with magnesium low, calcium and vitamin D leave the hypocalcaemia in
# place and PTH stays inappropriately low; once magnesium is restored, PTH rises at once, calcium
# follows within days and calcitriol lags for weeks. It does not reproduce his numbers: it needs a
# higher magnesium than his to show his calcium, its first-day PTH jump is not calibrated, it has no
# intravenous route and no potassium. How his magnesium is replaced, and what happens to his PPI, are
# decisions for his clinicians.
#
# ## Summary
#
# - A low serum magnesium has a cause: list the candidates from the history, and remember what
#   argues *against* each.
# - With healthy kidneys, diet alone rarely explains hypomagnesaemia; the urine (FEMg, 24-hour
#   magnesium) tells a gut loss from a renal one. Below 2 % points outside the kidney; the upper
#   line is 2 % or 4 % depending on the source, so 2–4 % is a grey zone.
# - A high PTH with a low-normal calcium and low vitamin D status is secondary hyperparathyroidism;
#   severe magnesium depletion does the opposite and holds PTH down.
# - In severe depletion calcium and potassium do not correct until magnesium does.
# - A model fitted to a patient matches what it was fitted to; say what was fitted, and where it
#   still differs.
#
# ## References
#
# Agus ZS (1999) J Am Soc Nephrol 10:1616-1622 · ClinLab Navigator, Magnesium in urine (web page) ·
# Fatemi S et al. (1991) J Clin Endocrinol Metab 73:1067-1072 · Janett S et al. (2015) Gastroenterol
# Res Pract 2015:951768 · Rude RK et al. (1985) J Clin Endocrinol Metab 61:933-940 · Sai AJ et al.
# (2011) J Clin Endocrinol Metab 96:E436-E446 · Sivakumar J (2016) Int J Physiol Pathophysiol
# Pharmacol 8:169-174 · Toh JWT et al. (2015) Gastroenterol Rep 3:243-253 · US FDA (2011) Drug
# Safety Communication, 2 March 2011 · Uwitonze AM, Razzaque MS (2018) J Am Osteopath Assoc
# 118:181-189 · Webb AR et al. (1988) J Clin Endocrinol Metab 67:373-378 · Zipursky J et al. (2014)
# PLoS Med 11:e1001736 · reference values: IOM 2011, NIH ODS, MedlinePlus, Davis's laboratory manual,
# KDIGO 2012. Full entries: `mgdlearn.bibliography`.
#
# **Previous:** [Lesson 7 · Vitamin D: too much, and the kidney](../lessons/07_vitamin_d_excess_and_the_kidney.ipynb)
# · **Start page:** [Start here](../lessons/00_start_here.ipynb)
