# %% [raw] spec="notebook"
# title: Keeping both in balance
# about: >-
#   L5.1 numeric: the calcium-to-magnesium ratio of a day with 1,000 mg calcium and 320 mg
#   magnesium (computed with :func:`mgdlearn.nutrition.ca_mg_ratio`; the landmarks are from
#   rosanoff2016). L5.2 multiple choice: skin vitamin D at 42 deg N in January, the vitamin D
#   winter (webb1988). L5.3 multiple choice: what the magnesium UL applies to (iom1997; ods_mg).
#   L5.4 multiple choice: who took part in the combined magnesium + vitamin D trial (cheung2022).

# %% [markdown] question="L5.1"
# **Concept check L5.1.** A day brings exactly 1,000 mg of calcium and 320 mg of magnesium. What is
# its calcium-to-magnesium ratio? Replace `None` with a number and run the cell.

# %% [raw] spec="L5.1"
# kind: numeric
# answer: tasks.ca_mg_ratio(1000, 320)
# unit: ""
# rel_tol: 0.02
# mistakes:
#   Mg:Ca:
#     wrong: 1.0 / t
#     feedback: >-
#       You divided magnesium by calcium. The ratio puts calcium on top: calcium / magnesium.
#   percentage:
#     wrong: 100.0 * t
#     feedback: The ratio is a plain number (mg divided by mg), not a percentage.
# hints:
#   - Divide the calcium amount by the magnesium amount; both are in mg, so the units cancel.
#   - Compare your answer with the band of about 1.7-2.8 that Rosanoff and colleagues proposed.
# explanation: >-
#   1,000 / 320 is about 3.1: above the proposed band of about 1.7-2.8, even though both minerals
#   meet their RDA. The band is a hypothesis; meeting each RDA matters more than the ratio.

# %% check="L5.1"
check("L5.1", None)

# %% [markdown] question="L5.2"
# **Concept check L5.2.** Someone in Boston (42° N) spends 15 minutes in the midday sun in January
# with face and arms uncovered. About how much vitamin D does the skin make? Answer `"a"`, `"b"`,
# `"c"` or `"d"`:
#
# - a) about 1,000 IU
# - b) about 4,000 IU
# - c) almost none
# - d) it depends only on the skin type

# %% [raw] spec="L5.2"
# kind: multiple choice
# answer: c
# feedback:
#   a: >-
#     About 1,000 IU is the rule of thumb for a quarter of a sunburn dose on a quarter of the body
#     when the sun is high. How high is the sun in a Boston January?
#   b: >-
#     That is about what a full sunburn dose on a quarter of the body makes in summer. Look at the
#     figure 'Skin vitamin D from 10 min of sun' for January at 42 deg N.
#   d: >-
#     Skin type changes how many minutes it takes when the sun is high enough. Is there anything
#     it cannot make up for?
# hints:
#   - Find 42 deg N in the through-the-year panel of the sun figure and read off January.
#   - UVB below 315 nm is absorbed by ozone when the sun is low (below about 35 degrees).
# explanation: >-
#   At 42 degrees N in January the midday sun stays below about 35 degrees, so almost none of the
#   UVB that makes previtamin D reaches the skin: the vitamin D winter (Webb et al. 1988). Skin
#   type changes how fast you make vitamin D when the sun is high enough, not whether you make
#   any.

# %% check="L5.2"
check("L5.2", None)

# %% [markdown] question="L5.3"
# **L5.3.** The tolerable upper intake level (UL) for magnesium in adults is 350 mg/day. What does it
# count? Answer `"a"`, `"b"`, `"c"` or `"d"`:
#
# - a) all magnesium eaten, food included
# - b) magnesium from supplements and medicines only
# - c) magnesium from food only
# - d) nothing: there is no upper limit for magnesium

# %% [raw] spec="L5.3"
# kind: multiple choice
# answer: b
# feedback:
#   a: >-
#     If it counted food, the RDA for men (400-420 mg/day) would sit above the UL. What happens to
#     extra magnesium from food in healthy kidneys?
#   c: >-
#     Food is the one source the UL leaves out. Which sources cause the side effect (diarrhoea)
#     that set it?
#   d: >-
#     There is one, set by the Institute of Medicine in 1997. Look at the 'Upper limit' row of the
#     comparison table.
# hints:
#   - Read the 'Upper limit (UL)' row of the comparison table.
# explanation: >-
#   The UL of 350 mg/day (ages 9 and up) counts magnesium from supplements and medicines such as
#   antacids and laxatives; magnesium in food and water has no UL, because the kidneys excrete the
#   excess from food (IOM 1997, NIH ODS).

# %% check="L5.3"
check("L5.3", None)

# %% [markdown] question="L5.4"
# **L5.4.** The article says a combined magnesium and vitamin D supplement raised 25(OH)D more than
# vitamin D alone. Who took part in the trial behind that statement?
#
# - a) adults with severe magnesium deficiency
# - b) overweight or obese adults
# - c) children with rickets
# - d) thousands of people from the general population

# %% [raw] spec="L5.4"
# kind: multiple choice
# answer: b
# feedback:
#   a: >-
#     Severe deficiency was studied in case series (lesson 04), not in this trial. Look at the
#     population label of the trial figure.
#   c: >-
#     Children with rickets appear in Reddy and Sivakumar's 1974 case series, not in a
#     combined-supplement trial.
#   d: >-
#     The trial was small: 95 people in three arms. Who were they?
# hints:
#   - The trial figure labels each bar with its population.
# explanation: >-
#   Cheung et al. (2022) randomised 95 overweight or obese adults; the magnesium plus vitamin D
#   arm had the largest rise in 25(OH)D. One small trial in one population: it does not show that
#   everyone needs a combined supplement.

# %% check="L5.4"
check("L5.4", None)
