# %% [raw] spec="notebook"
# title: The vitamin D activation pathway
# about: >-
#   L1.1 multiple choice: which organ makes 25(OH)D (bikle2014; zhu2013). L1.2 numeric with units:
#   20 ng/mL of 25(OH)D in nmol/L (1 ng/mL = 2.496 nmol/L; pubchem via :mod:`mgdlearn.units`). The
#   target is computed from the unit table, never typed in. L1.3 short answer: the enzyme that
#   makes calcitriol, CYP27B1 (bikle2014). L1.4 multiple choice: why blood tests measure 25(OH)D,
#   not calcitriol (jones2008; jones2014; bikle2014).

# %% [markdown] question="L1.1"
# **Question 1 (L1.1).** Which organ turns vitamin D into 25(OH)D? Answer with the letter in
# quotes:
#
# - a) the skin
# - b) the liver
# - c) the kidney
# - d) the small intestine

# %% [raw] spec="L1.1"
# kind: multiple choice
# answer: b
# feedback:
#   a: >-
#     The skin makes vitamin D3 itself from 7-dehydrocholesterol under UVB light; the
#     hydroxylation happens later, elsewhere.
#   c: >-
#     The kidney does the *second* step (1-alpha-hydroxylase, CYP27B1), making calcitriol from
#     25(OH)D. Which organ supplies it with 25(OH)D?
#   d: >-
#     The gut absorbs vitamin D from food and is a target of calcitriol, but it does not
#     hydroxylate vitamin D.
# hints:
#   - There are two hydroxylation steps; this question asks about the first one.
#   - >-
#     The first enzyme is a 25-hydroxylase, mainly CYP2R1. In which organ does most drug and
#     vitamin metabolism happen?
# explanation: >-
#   The liver: its 25-hydroxylase (mainly CYP2R1) turns vitamin D into 25(OH)D, the form a blood
#   test measures. The kidney makes the hormone calcitriol in the second step.

# %% check="L1.1"
check("L1.1", None)

# %% [markdown] question="L1.2"
# **Question 2 (L1.2).** A lab reports 25(OH)D = 20 ng/mL. What is that in nmol/L? Answer with a
# number, or a text with its unit such as `"45 nmol/L"`.

# %% [raw] spec="L1.2"
# kind: numeric
# answer: 20 * factors.nmol_per_ng_25ohd()
# unit: nmol/L
# analyte: 25ohd
# rel_tol: 0.01
# mistakes:
#   divided by the factor:
#     wrong: t / factors.nmol_per_ng_25ohd() ** 2
#     feedback: >-
#       You divided by the factor. Going from ng/mL to nmol/L the number gets *bigger*: multiply
#       by 2.496.
#   calcitriol factor:
#     wrong: t / factors.nmol_per_ng_25ohd() * factors.pmol_per_pg_calcitriol()
#     feedback: >-
#       2.4 is the factor for calcitriol (pg/mL to pmol/L). For 25(OH)D use 2.496 (molar mass
#       400.6 g/mol).
# hints:
#   - 1 ng/mL of 25(OH)D equals 2.496 nmol/L (molar mass 400.6 g/mol).
#   - Multiply the ng/mL value by 2.496.
# explanation: >-
#   The factor is 1000 / 400.6 = 2.496; the 20 ng/mL cut-off is the IOM's 'adequate for nearly
#   everyone' level.

# %% check="L1.2"
check("L1.2", None)

# %% [markdown] question="L1.3"
# **Question 3 (L1.3).** Which enzyme turns 25(OH)D into calcitriol? Give its CYP code in quotes.

# %% [raw] spec="L1.3"
# kind: short answer
# answer:
#   - CYP27B1
#   - 1-alpha-hydroxylase
# expected: an enzyme code such as CYP2R1
# feedback:
#   CYP2R1: >-
#     CYP2R1 is the liver's 25-hydroxylase: it does the first step, making 25(OH)D. Which enzyme
#     does the second step, in the kidney?
#   CYP24A1: >-
#     CYP24A1 switches vitamin D off (24-hydroxylation toward calcitroic acid). Which enzyme
#     switches it on?
#   CYP27A1: >-
#     CYP27A1 is a back-up 25-hydroxylase in the liver (first step). The question asks about the
#     second step.
# hints:
#   - The second hydroxylation happens in the kidney and adds a hydroxyl group at carbon 1.
#   - It is the 1-alpha-hydroxylase; its code starts with CYP27.
# explanation: >-
#   CYP27B1, the 1-alpha-hydroxylase of the kidney's proximal tubule, adds the second hydroxyl
#   group (at carbon 1) and so makes calcitriol. PTH and low phosphate switch it up; FGF23,
#   calcium and calcitriol itself switch it down.

# %% check="L1.3"
check("L1.3", None)

# %% [markdown] question="L1.4"
# **Question 4 (L1.4).** Why does a blood test of vitamin D status measure 25(OH)D rather than
# calcitriol?
#
# - a) calcitriol cannot be measured in blood
# - b) 25(OH)D follows the supply and lasts weeks, while calcitriol lasts hours and is held steady by
#   hormones
# - c) 25(OH)D is the active hormone
# - d) calcitriol is made in the liver, which cannot be sampled

# %% [raw] spec="L1.4"
# kind: multiple choice
# answer: b
# feedback:
#   a: >-
#     Calcitriol can be measured (labs report it in pg/mL or pmol/L); it is just a poor guide to
#     supply. Why might that be?
#   c: 25(OH)D is the storage and transport form; the hormone is calcitriol, 1,25(OH)2D.
#   d: >-
#     Calcitriol is made in the kidney (CYP27B1), and both molecules are measured in an ordinary
#     blood sample.
# hints:
#   - >-
#     Compare the half-lives: about 15 days for 25(OH)D, a few hours for calcitriol.
#   - Which of the two steps is tightly regulated by PTH, FGF23 and calcium?
# explanation: >-
#   Option b: the liver step is barely regulated, so 25(OH)D tracks what skin and diet supply, and
#   with a half-life of about two to three weeks it averages over weeks. Calcitriol lasts hours
#   and is held in a narrow range by PTH, FGF23 and calcium, so it can look normal while the stock
#   runs low.

# %% check="L1.4"
check("L1.4", None)
