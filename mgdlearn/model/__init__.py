"""A calibrated teaching model of the magnesium - vitamin D - PTH - calcium axis.

**A teaching model, not a dosing tool.** It is semi-quantitative: calibrated to published
kinetics and a few human studies (``docs/model.md`` lists each target and the value the model
gives), with deliberately simple mechanisms. It never gives dosing advice beyond official reference
values. Two mechanisms the article stresses are **modest and uncertain** in the evidence and are
marked so in their parameters: magnesium as a cofactor of the vitamin D hydroxylases, and the
calcitriol effect on magnesium absorption.

Quick start
-----------
>>> from mgdlearn.model import Scenario, simulate, steady_state
>>> base = Scenario()                       # 600 IU/day, 350 mg Mg/day, 1000 mg Ca/day
>>> sc = Scenario(vitamin_d_iu_per_day=2000, sun_iu_per_day=0,
...               magnesium_mg_per_day=150, calcium_mg_per_day=1000)
>>> res = simulate(sc, days=365, start=base)   # start from base's steady state
>>> bool(res.df["ohd25_nmol_l"].iloc[-1] == res.final["ohd25_nmol_l"])
True
>>> round(steady_state(base)["ohd25_nmol_l"])
55

Scenario (inputs; validated on creation, bad input raises ValueError/TypeError naming the range)
------------------------------------------------------------------------------------------------
==========================  ==========  ==============  ==============================================
field                       unit        allowed         default and meaning
==========================  ==========  ==============  ==============================================
``vitamin_d_iu_per_day``    IU/day      0-50,000        600: oral vitamin D, food + supplements (RDA)
``sun_iu_per_day``          IU/day      0-25,000        1,500: skin synthesis and other background
                                                        inputs (Heaney 2013: 778-2,667 IU/day in all)
``magnesium_mg_per_day``    mg/day      0-1,500         350: total elemental Mg, food + supplements
``calcium_mg_per_day``      mg/day      0-4,000         1,000: total elemental Ca (RDA 19-50 y)
``serum_mg_mmol_l``         mmol/L      None, 0.2-1.5   None: serum Mg follows intake; a number clamps
                                                        it (a "what if" experiment)
``body_mass_kg``            kg          30-250          70: a larger mass dilutes vitamin D
``schedule``                --          tuple           (): Supplement and Bolus events, see below
``phosphorus_mg_per_day``   mg/day      0-4,000         1,000: dietary phosphorus (RDA 700)
``egfr_ml_min``             mL/min      5-150           100: kidney function (filtration of Mg, Ca,
                            /1.73 m2                    phosphate; the kidney's CYP27B1)
``conditions``              --          tuple of names  (): causes of magnesium loss, from
                                                        :data:`CONDITIONS` (``"ppi"``, ``"thiazide"``...)
==========================  ==========  ==============  ==============================================

Intakes above the tolerable upper intake level (UL) are allowed and listed in ``Result.warnings``:
vitamin D above 4,000 IU/day (ages 9+); a magnesium *supplement* above 350 mg/day (that UL covers
supplements only, not food, so for the model's *total* magnesium intake a warning appears only above
770 mg/day, the highest RDA plus the supplemental UL); calcium above 2,000 mg/day (51+; 2,500 at
19-50); single boluses above 4,000 IU. 25(OH)D above 125 nmol/L is also noted.

Changes during a run
--------------------
``Supplement(vitamin_d_iu_per_day=0, magnesium_mg_per_day=0, calcium_mg_per_day=0, start_day=0,
stop_day=None)`` adds to the baseline intakes from ``start_day`` until ``stop_day`` (exclusive;
``None`` = to the end). ``Bolus(vitamin_d_iu, day=0)`` is one oral dose (up to 600,000 IU)::

    Scenario(schedule=(Supplement(vitamin_d_iu_per_day=2000, start_day=30, stop_day=120),))
    Scenario(schedule=(Bolus(100_000, day=10),))
    # stopping a supplement someone already takes: it is active on day 0, so the run starts
    # from the steady state *with* it, and it stops on day 60
    Scenario(schedule=(Supplement(magnesium_mg_per_day=250, stop_day=60),))

A run starts (``start=None``) from the steady state of the intakes in effect on day 0 (boluses
ignored); ``start=other_scenario`` starts from that scenario's steady state; ``start=result``
continues from the end of an earlier :class:`Result`.

Parameters
----------
:class:`Parameters` is a frozen dataclass; every field has ``metadata`` with ``unit``, ``source``
(a key of :data:`mgdlearn.bibliography.REFERENCES`), ``description`` and ``evidence``.
``Parameters().table()`` lists them. Change physiology without touching code::

    p = Parameters().scaled(cyp27b1_vmax=0.5)            # halve CYP27B1's maximum rate
    p = Parameters(calcitriol_mg_absorption_gain=0)       # switch the calcitriol -> Mg loop off
    simulate(sc, days=365, params=p)                      # also steady_state(sc, params=p)

Results
-------
``simulate(scenario, days=365, *, start=None, params=None) -> Result`` with

* ``df``: a pandas DataFrame, one row per day, index ``day`` (0 ... days);
* ``final``: the last row as a read-only mapping;
* ``warnings``: tuple of :class:`ModelWarning` (each a ``str``, its message, with ``kind``,
  ``value``, ``threshold``, ``unit`` and ``source``): intakes above ULs and danger flags (severe
  hypomagnesaemia, hypermagnesaemia, severe hypocalcaemia, hypercalcaemia, toxic 25(OH)D, high
  calcium x phosphate), thresholds from ``mgdlearn/data/danger_thresholds.csv``;
* ``scenario``, ``parameters``, ``state`` (the final state, for ``start=result``).

``simulate_sequence([(scenario, days), ...], *, start=None, params=None) -> Result`` runs several
scenarios one after another as one run (the months of a year with their sunshine, say).

``steady_state(scenario, params=None) -> pandas.Series`` with the same columns (``attrs["warnings"]``
holds the warnings; ``vc_indicator_days`` is 0 there because no time elapses).
``steady_state_sweep([scenario, ...], params=None) -> pandas.DataFrame`` gives the same for many
nearby scenarios at once, one row each (faster: each solve starts from the previous one).

Output columns (:data:`COLUMNS` has unit and meaning for each)
-----------------------------------------------------------------
Concentrations: ``ohd25_nmol_l`` (25(OH)D), ``calcitriol_pmol_l``, ``pth_pmol_l``,
``ca_ion_mmol_l`` (ionized Ca), ``mg_serum_mmol_l``, ``vitd_nmol_l`` (serum D3),
``vitd_store_nmol_l`` (adipose store), ``mg_store_mmol``; the same in mass units: ``ohd25_ng_ml``,
``calcitriol_pg_ml``, ``pth_pg_ml``, ``mg_serum_mg_dl``.

Enzyme steps: ``flux_cyp2r1`` and ``flux_cyp27a1`` (nmol/L/day of 25(OH)D made in the liver),
``flux_cyp27b1`` (pmol/L/day of calcitriol made in the kidney), ``flux_cyp24a1_25`` (nmol/L/day of
25(OH)D inactivated), ``flux_cyp24a1_calcitriol`` (pmol/L/day of calcitriol inactivated);
``cyp27b1_activity`` and ``cyp24a1_induction`` (relative to the reference adult);
``vdr_signal_pmol_l`` (vitamin D receptor signal, calcitriol-equivalent).

Magnesium factors (1 at 0.85 mmol/L, lower when Mg is low): ``mg_factor_cyp2r1``,
``mg_factor_cyp27b1``, ``mg_factor_cyp24a1``, ``mg_factor_pth_secretion``, ``mg_factor_pth_action``.

Mineral fluxes (mg/day unless noted): ``ca_absorbed_mg_per_day``, ``ca_fractional_absorption`` (1),
``ca_bone_resorption_mg_per_day``, ``ca_bone_formation_mg_per_day``, ``ca_urine_mg_per_day``,
``mg_absorbed_mg_per_day``, ``mg_fractional_absorption`` (1), ``mg_urine_mg_per_day``.

Intakes in effect: ``vitamin_d_iu_per_day``, ``sun_iu_per_day``, ``magnesium_mg_per_day``,
``calcium_mg_per_day``, ``bolus_iu``.

Phosphate, FGF23, cell magnesium (v2): ``phosphate_mmol_l``, ``phosphate_mg_dl``, ``fgf23_ru_ml``
(C-terminal FGF23, RU/mL), ``mg_tissue_mmol_l``, ``ca_x_p_mg2_dl2``, ``p_absorbed_mg_per_day``,
``p_urine_mg_per_day``, ``p_fractional_excretion``, ``mg_factor_vdr_action``; inputs
``phosphorus_mg_per_day`` and ``egfr_ml_min``.

Teaching indicator (heuristic, **not a clinical score**): ``vc_indicator`` = the calcium x
phosphate product above 55 mg^2/dL^2 (K/DOQI 2003) in steps of 5, plus ionized calcium above 1.30
mmol/L (the top of normal) in steps of 0.05 mmol/L, times 0.85 / serum Mg: 0 inside the normal
ranges, growing with a calcium or calcium-phosphate load, more so when magnesium is low (magnesium
inhibits calcium-phosphate crystal formation in vitro, ter Braake 2018; trials disagree);
``vc_indicator_days`` is its running total over the run.

SBML: :func:`to_sbml` writes the model (python-libsbml, imported only then) for COPASI or
tellurium; the equations come from the same table the solver compiles.

Numerics: LSODA (:func:`scipy.integrate.odeint`) on a plain-float right-hand side generated from
the equation table, output on the daily grid; :func:`steady_state` solves ``rhs = 0`` with
:func:`scipy.optimize.root` (hybr) and falls back to a long run. Both are deterministic.
"""
from __future__ import annotations

from mgdlearn.model.conditions import CONDITIONS
from mgdlearn.model.dangers import ModelWarning
from mgdlearn.model.parameters import CONSTANTS, Parameters, parameter_info
from mgdlearn.model.sbml import to_sbml
from mgdlearn.model.scenario import INTAKE_LIMITS, RANGES, Bolus, Scenario, Supplement
from mgdlearn.model.solver import COLUMNS, Result, simulate, simulate_sequence, steady_state, steady_state_sweep

__all__ = ["Bolus", "COLUMNS", "CONDITIONS", "CONSTANTS", "INTAKE_LIMITS", "ModelWarning", "Parameters", "RANGES",
           "Result", "Scenario", "Supplement", "parameter_info", "simulate", "simulate_sequence", "steady_state",
           "steady_state_sweep", "to_sbml"]
