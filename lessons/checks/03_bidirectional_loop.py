# %% [raw] spec="notebook"
# title: The bidirectional loop
# about: >-
#   L3.1 multiple choice: which step is the loop's return arrow (krejs1983; wilz1979). L3.2
#   numeric: how much a loop of gain 0.2 amplifies a push, 1 / (1 - g).
#   L3.3 multiple choice: what keeps the loop bounded in the model (debaaij2015: the renal
#   threshold). L3.4 predict, then simulate: serum magnesium a year after vitamin D intake goes
#   from the adult RDA to the UL (iom2011), run in the teaching model at check time.

# %% [markdown] question="L3.1"
# **L3.1.** The article's loop has two arrows. Which one is the return arrow, from vitamin D back to
# magnesium? Answer `"a"`, `"b"`, `"c"` or `"d"`:
#
# - a) magnesium helps the kidney enzyme CYP27B1 make calcitriol
# - b) PTH releases magnesium from bone
# - c) calcitriol raises the fraction of dietary magnesium the gut absorbs
# - d) 25(OH)D carries magnesium in the blood

# %% [raw] spec="L3.1"
# kind: multiple choice
# answer: c
# feedback:
#   a: >-
#     That is the forward arrow (magnesium -> vitamin D activation). The question asks for the way
#     back.
#   b: >-
#     PTH acts on bone and kidney, but the article's loop is about vitamin D feeding back on
#     magnesium.
#   d: 25(OH)D travels bound to vitamin D binding protein; it does not carry magnesium.
# hints:
#   - Calcitriol is best known for what it does in the intestine for calcium.
# explanation: >-
#   The return arrow is calcitriol acting on the gut: through its receptor it raises the fraction
#   of dietary magnesium absorbed (Krejs 1983). The forward arrow is magnesium helping the
#   hydroxylases make calcitriol.

# %% check="L3.1"
check("L3.1", None)

# %% [markdown] question="L3.2"
# **Concept check L3.2.** A positive feedback loop has a loop gain of 0.2. By what factor does the
# loop multiply a push in the end? Replace `None` with a number.

# %% [raw] spec="L3.2"
# kind: numeric
# answer: 1 / (1 - 0.2)
# unit: ""
# rel_tol: 0.01
# mistakes:
#   first trip only:
#     wrong: 2.0 - 1.0 / t
#     feedback: >-
#       1 + g counts only the first trip around the loop. The loop goes round again and again: add
#       g, g squared, g cubed ... (a geometric series).
#   negative feedback:
#     wrong: 1.0 / t
#     feedback: >-
#       1 - g would shrink the push: that is what a negative feedback loop does. A positive loop
#       enlarges it.
#   one over g:
#     wrong: 1.0 / (1.0 - 1.0 / t)
#     feedback: 1 / g is not the amplification. Sum the series 1 + g + g² + ... instead.
# hints:
#   - Each trip around the loop adds g times what the previous trip added.
#   - 1 + g + g² + g³ + ... = 1 / (1 - g) when g is below 1.
# explanation: >-
#   1 / (1 - 0.2) = 1.25: the push ends up 25 % larger. The teaching model's own loop gain is
#   about 0.003-0.1, so its loop enlarges pushes by well under 12 %.

# %% check="L3.2"
check("L3.2", None)

# %% [markdown] question="L3.3"
# **L3.3.** In the teaching model, what mainly keeps the magnesium-calcitriol loop from running
# away?
#
# - a) calcitriol stops being made once magnesium is normal
# - b) the gut stops absorbing magnesium when serum magnesium is normal
# - c) the magnesium store in bone fills without limit
# - d) the kidney excretes extra magnesium once serum magnesium nears the normal level

# %% [raw] spec="L3.3"
# kind: multiple choice
# answer: d
# feedback:
#   a: >-
#     Calcitriol keeps being made at normal magnesium; it is regulated by PTH, calcium, phosphate
#     and FGF23, not switched off.
#   b: >-
#     Absorption continues at any serum level; what changes with intake is the fraction absorbed.
#     Where does surplus magnesium leave the body?
#   c: >-
#     The exchangeable store buffers serum magnesium for weeks, but it settles at a level set by
#     serum magnesium. It delays, it does not bound.
# hints:
#   - >-
#     Look at the phase plane: the 'calcitriol -> Mg' curve is almost vertical. Which organ makes
#     it so steep?
# explanation: >-
#   The kidney: its reabsorption of magnesium saturates steeply near the normal serum level, so
#   any extra magnesium the loop brings in is passed into the urine. Calcitriol's own brakes
#   (CYP24A1 induction, suppression of CYP27B1) and the saturating gut effect help too.

# %% check="L3.3"
check("L3.3", None)

# %% [markdown] question="L3.4"
# **Concept check L3.4 (predict, then simulate).** Someone eating 350 mg/day of magnesium raises
# vitamin D intake from the RDA (600 IU/day) to the UL (4,000 IU/day) for a year. Predict what
# serum magnesium does, then run the cell:
#
# - `"rises"`: serum magnesium rises by more than 0.02 mmol/L
# - `"barely"`: serum magnesium changes by less than 0.02 mmol/L
# - `"falls"`: serum magnesium falls by more than 0.02 mmol/L

# %% [raw] spec="L3.4"
# kind: predict then simulate
# simulate: tasks.predict_l34_more_vitamin_d
# reflect: >-
#   more vitamin D raised 25(OH)D a lot. Why did calcitriol, the form that acts on the gut, hardly
#   move?
# hints:
#   - Which form of vitamin D acts on the gut, and how tightly is it regulated?

# %% check="L3.4"
check("L3.4", None)
