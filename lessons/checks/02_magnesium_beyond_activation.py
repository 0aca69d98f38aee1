# %% [raw] spec="notebook"
# title: Magnesium beyond activation
# about: >-
#   L2.1 multiple choice: the first response to a fall in ionized calcium is PTH secretion
#   (peterson2010). L2.2 numeric with units: intact PTH 55 pg/mL in pmol/L (1 pmol/L = 9.43 pg/mL;
#   via :mod:`mgdlearn.units`). L2.3 multiple choice: what PTH did after 3 weeks of magnesium
#   depletion (fatemi1991). L2.4 multiple choice: the biphasic effect of magnesium on PTH
#   (vetter2002; fatemi1991; rude1985).

# %% [markdown] question="L2.1"
# **Question 1 (L2.1).** Blood ionized calcium falls slightly. Which response comes first?
#
# - a) calcitriol rises
# - b) PTH secretion rises
# - c) gut calcium absorption rises

# %% [raw] spec="L2.1"
# kind: multiple choice
# answer: b
# feedback:
#   a: >-
#     Calcitriol does rise, but over hours to days, and only after another hormone has switched on
#     CYP27B1. Which one?
#   c: >-
#     Gut absorption is raised by calcitriol, the last link of the chain. What senses the fall in
#     the first place?
# hints:
#   - Which organ has a receptor that senses calcium directly?
#   - The parathyroid glands keep the hormone stored in granules, ready to release.
# explanation: >-
#   Option b: the parathyroid glands sense calcium directly through the calcium-sensing receptor
#   and release stored PTH within seconds to minutes. Calcitriol follows over hours to days, once
#   PTH has upregulated CYP27B1.

# %% check="L2.1"
check("L2.1", None)

# %% [markdown] question="L2.2"
# **Question 2 (L2.2).** A lab reports intact PTH as 55 pg/mL. What is that in pmol/L?

# %% [raw] spec="L2.2"
# kind: numeric
# answer: 55 / factors.pg_per_pmol_pth()
# unit: pmol/L
# analyte: pth
# rel_tol: 0.02
# mistakes:
#   multiplied by the factor:
#     wrong: t * factors.pg_per_pmol_pth() ** 2
#     feedback: >-
#       You multiplied by 9.43. Going from pg/mL to pmol/L the number gets *smaller* for PTH:
#       divide by 9.43.
#   calcitriol factor:
#     wrong: t * factors.pg_per_pmol_pth() * factors.pmol_per_pg_calcitriol()
#     feedback: >-
#       2.4 is the factor for calcitriol. PTH is a much bigger molecule (about 9.4 kDa): 1 pmol/L
#       = 9.43 pg/mL.
# hints:
#   - 1 pmol/L of intact PTH weighs 9.43 pg per mL (the hormone is about 9.4 kDa).
#   - Divide the pg/mL value by 9.43.
# explanation: >-
#   PTH weighs about 9,430 g/mol, so 1 pmol/L is 9.43 pg/mL; the reference range 15-65 pg/mL is
#   about 1.6-6.9 pmol/L.

# %% check="L2.2"
check("L2.2", None)

# %% [markdown] question="L2.3"
# **Question 3 (L2.3).** In Fatemi et al. (1991), three weeks of a low-magnesium diet lowered serum
# magnesium to about 0.61 mmol/L, and calcium a little. What happened to PTH in most volunteers?
#
# - a) it rose sharply, as the lower calcium would predict
# - b) it fell or did not change
# - c) it became undetectable

# %% [raw] spec="L2.3"
# kind: multiple choice
# answer: b
# feedback:
#   a: >-
#     That is what calcium alone would predict, and a *sudden* mild fall in magnesium can do it
#     too. What does chronic depletion do to the gland?
#   c: >-
#     Undetectable PTH belongs to severe deficiency (serum magnesium near 0.4 mmol/L), not to a
#     mild three-week depletion.
# hints:
#   - The study's point was that magnesium depletion impairs the gland even when mild.
# explanation: >-
#   Option b: in 20 of 26 volunteers PTH fell or did not change although calcium fell slightly,
#   and calcitriol fell by about a fifth: chronic magnesium depletion blunts the gland instead of
#   stimulating it.

# %% check="L2.3"
check("L2.3", None)

# %% [markdown] question="L2.4"
# **Question 4 (L2.4).** Which statement best describes the effect of magnesium on PTH?
#
# - a) more magnesium always means more PTH
# - b) a mild, sudden fall in magnesium can raise PTH, but chronic or severe depletion impairs PTH
#   secretion and action
# - c) magnesium has no effect on PTH, only calcium does
# - d) low magnesium always raises PTH, which is why calcium stays normal

# %% [raw] spec="L2.4"
# kind: multiple choice
# answer: b
# feedback:
#   a: >-
#     High magnesium acts on the calcium-sensing receptor like calcium and *suppresses* PTH. Look
#     at the right-hand side of the biphasic figure.
#   c: Magnesium binds the calcium-sensing receptor too, and the gland needs it to release PTH.
#   d: >-
#     In severe depletion PTH is inappropriately low and calcium falls: that is why the
#     hypocalcemia of magnesium deficiency resists calcium and vitamin D.
# hints:
#   - >-
#     The figure in section 4 has two curves for a reason: time matters.
# explanation: >-
#   Option b: magnesium acts on the calcium-sensing receptor like a weak calcium, so a mild,
#   sudden fall raises PTH; but the gland needs magnesium to release PTH and the tissues need it
#   to respond, so chronic or severe depletion makes PTH fail.

# %% check="L2.4"
check("L2.4", None)
