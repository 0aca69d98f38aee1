"""The physiology, written once: an ordered table of named infix expressions and ODEs.

Three consumers read the same table (:data:`DERIVED`, :data:`ALGEBRAIC`, :data:`ODES`):

* the solver: :func:`make_rhs` returns a plain-float right-hand side generated from the table and
  compiled once per Python session (constants bound as closure cells, so it runs as fast as the
  hand-written function it replaces; ``benchmarks/bench_model.py`` measures it);
* the output table: :func:`flows` is generated from the same table and works on floats and on
  numpy arrays alike, so every flux column is exactly the rate the solver integrated;
* the SBML export (:mod:`mgdlearn.model.sbml`): each expression goes through
  ``libsbml.parseL3Formula`` into an assignment rule, rate rule or initial assignment.

Expressions use ``+ - * / ^`` and parentheses only (``^`` is the power, ``**`` in Python), so
every one of them is valid in Python and in SBML Level 3 infix. Names are the fields of
:class:`~mgdlearn.model.parameters.Parameters`, the unit constants of
:data:`~mgdlearn.model.parameters.CONSTANTS`, the person's inputs (:data:`PERSON`), the intakes
(:data:`INTAKES`), the states (:data:`STATE`) and the names defined earlier in the table.
Mechanisms appear in the order of the pathway; parameter metadata give units and sources.
"""
from __future__ import annotations

from dataclasses import fields
from functools import lru_cache
from typing import Any, Callable, Mapping, Sequence

from mgdlearn.model.parameters import CONSTANTS, Parameters

#: State variables, in solver order: (output column, symbol in the equations, unit and meaning).
STATE_TABLE: tuple[tuple[str, str, str], ...] = (
    ("vitd_gut_nmol_l", "gut_d3", "nmol/L (vitamin D3 of a bolus not yet absorbed, per L of its volume)"),
    ("vitd_nmol_l", "d3", "nmol/L (serum vitamin D3)"),
    ("vitd_store_nmol_l", "d3_store", "nmol/L-equivalent (adipose vitamin D3 store)"),
    ("ohd25_nmol_l", "ohd25", "nmol/L (serum 25(OH)D)"),
    ("calcitriol_pmol_l", "calcitriol", "pmol/L (serum 1,25(OH)2D)"),
    ("cyp27b1_activity", "cyp27b1", "1 (CYP27B1 enzyme amount relative to the reference adult)"),
    ("ca_ion_mmol_l", "ca_ion", "mmol/L (ionized calcium)"),
    ("mg_serum_mmol_l", "mg", "mmol/L (serum magnesium)"),
    ("mg_store_mmol", "mg_store", "mmol (exchangeable magnesium store)"),
    ("mg_tissue_mmol_l", "mg_cell", "mmol/L-equivalent (cell magnesium, relaxing to serum Mg over weeks)"),
    ("phosphate_mmol_l", "phosphate", "mmol/L (serum inorganic phosphate)"),
    ("fgf23_ru_ml", "fgf23", "RU/mL (C-terminal FGF23)"),
)
#: (output column, unit and meaning) of each state, in solver order (the names callers look up).
STATE: tuple[tuple[str, str], ...] = tuple((col, unit) for col, _, unit in STATE_TABLE)
STATE_SYMBOLS: tuple[str, ...] = tuple(sym for _, sym, _ in STATE_TABLE)
N_STATE = len(STATE)
(I_GUT, I_D, I_STORE, I_H, I_C, I_E27, I_CA, I_MG, I_MGSTORE, I_MGCELL, I_P, I_FGF23) = range(N_STATE)

#: Daily intakes (the ``u`` of :func:`flows`), in order: symbol, unit.
INTAKES: tuple[tuple[str, str], ...] = (
    ("vd_iu", "IU/day"), ("sun_iu", "IU/day"), ("mg_mg", "mg/day"), ("ca_mg", "mg/day"), ("p_mg", "mg/day"),
)
N_INTAKE = len(INTAKES)
#: Phosphorus intake used when a caller passes the four older intakes only (mg/day; the default of
#: ``Scenario.phosphorus_mg_per_day``).
DEFAULT_PHOSPHORUS_MG = 1_000.0

#: The person's inputs that enter the equations as constants: symbol -> (unit, meaning).
PERSON: Mapping[str, tuple[str, str]] = {
    "body_mass_kg": ("kg", "body mass"),
    "egfr_ml_min": ("mL/min/1.73 m2", "estimated glomerular filtration rate (kidney function)"),
    "mg_free": ("1", "1 when serum magnesium follows its balance, 0 when it is clamped"),
    "cond_mg_transcellular": ("1", "factor on active (TRPM6/7) intestinal magnesium uptake from conditions"),
    "cond_mg_threshold": ("1", "factor on the renal magnesium threshold from conditions (TAL/DCT reabsorption)"),
    "cond_mg_gut_loss": ("mmol/day", "extra gut magnesium loss at normal serum Mg from conditions"),
}

#: Constants derived from parameters and the person, in order: (symbol, expression, unit).
DERIVED: tuple[tuple[str, str, str], ...] = (
    ("body_ratio", "body_mass_kg / reference_body_mass_kg", "1"),
    ("gfr_rel", "egfr_ml_min / egfr_ref_ml_min", "1"),
    ("iu_to_conc", "nmol_per_iu_vitd3 / (vitd_volume_l_per_kg * body_mass_kg)", "nmol/L per IU"),
    ("iu_to_gut", "iu_to_conc", "nmol/L per IU"),
    ("kup", "adipose_uptake_per_day * body_ratio", "1/day"),
    ("krel", "adipose_release_per_day", "1/day"),
    ("koth", "vitd_other_clearance_per_day", "1/day"),
    ("ind_norm", "1 / (1 + cyp24a1_induction_max * calcitriol_ref_pmol_l / "
                 "(calcitriol_ref_pmol_l + cyp24a1_induction_ec50_pmol_l))", "1"),
    ("bvnorm", "1 / (1 + bone_vdr_gain * calcitriol_ref_pmol_l / (calcitriol_ref_pmol_l + bone_vdr_ec50_pmol_l))", "1"),
    # PTH: inverse sigmoid equal to 1 at the set point: pmin + span/(1 + x0) = 1
    ("pspan", "pth_max_fold - pth_min_fold", "1"),
    ("pth_x0", "pspan / (1 - pth_min_fold) - 1", "1"),
    ("ca50", "ca_set_point_mmol_l / pth_x0 ^ (1 / pth_hill)", "mmol/L"),
    ("sec_norm", "1 / (pth_min_fold + pspan / (1 + pth_x0))", "1"),
    ("mmol_ca", "mmol_per_mg_ca", "mmol/mg"),
    ("mmol_mg", "mmol_per_mg_mg", "mmol/mg"),
    ("mmol_p", "mmol_per_mg_p", "mmol/mg"),
    ("vmax27", "cyp27b1_vmax * gfr_rel ^ cyp27b1_gfr_exponent", "pmol/L/day"),
    ("store", "mg_store_mmol_per_mmol_l", "mmol/(mmol/L)"),
    ("mg_tkm", "mg_transcellular_km_mmol_per_day", "mmol/day"),
    ("mg_tmax", "mg_transcellular_max_fraction * cond_mg_transcellular", "1"),
    ("gfr_mg", "renal_mg_filtered_l_per_day * gfr_rel", "L/day"),
    ("krn", "(renal_mg_fe_k_mmol_l * cond_mg_threshold) ^ renal_mg_hill", "(mmol/L)^n"),
    ("u_ca_ref", "renal_ca_ref_mmol_per_day * gfr_rel ^ renal_ca_gfr_exponent", "mmol/day"),
    ("gfr_p", "renal_p_filtered_l_per_day * gfr_rel", "L/day"),
    ("p_reabs_gain", "renal_p_max_reabsorption / renal_p_ref_reabsorption - 1", "1"),
    # magnesium factors: Hill functions of magnesium, equal to 1 at mg_ref
    ("mref_e", "mg_ref_mmol_l ^ mg_enzyme_hill", "(mmol/L)^n"),
    ("k2r1n", "cyp2r1_mg_k ^ mg_enzyme_hill", "(mmol/L)^n"),
    ("k27b1n", "cyp27b1_mg_k ^ mg_enzyme_hill", "(mmol/L)^n"),
    ("k24n", "cyp24a1_mg_k ^ mg_enzyme_hill", "(mmol/L)^n"),
    ("norm2r1", "(k2r1n + mref_e) / mref_e", "1"),
    ("norm27b1", "(k27b1n + mref_e) / mref_e", "1"),
    ("norm24", "(k24n + mref_e) / mref_e", "1"),
    ("mref_p", "mg_ref_mmol_l ^ pth_mg_hill", "(mmol/L)^n"),
    ("ksecn", "pth_secretion_mg_k ^ pth_mg_hill", "(mmol/L)^n"),
    ("kactn", "pth_action_mg_k ^ pth_mg_hill", "(mmol/L)^n"),
    ("normsec", "(ksecn + mref_p) / mref_p", "1"),
    ("normact", "(kactn + mref_p) / mref_p", "1"),
    ("kvan", "vdr_action_mg_k ^ vdr_action_mg_hill", "(mmol/L)^n"),
    ("mref_v", "mg_ref_mmol_l ^ vdr_action_mg_hill", "(mmol/L)^n"),
    ("kactcn", "cyp27b1_pth_mg_k ^ pth_mg_hill", "(mmol/L)^n"),
    ("normactc", "(kactcn + mref_p) / mref_p", "1"),
    ("normva", "(kvan + mref_v) / mref_v", "1"),
    ("fgf23_gfr_factor", "gfr_rel ^ (-fgf23_gfr_exponent)", "1"),
)

#: Algebraic quantities, in order: (symbol, expression, unit). Those in :data:`FLOW_NAMES` are outputs.
ALGEBRAIC: tuple[tuple[str, str, str], ...] = (
    # Magnesium as a cofactor (uwitonze2018; modest, uncertain) and for PTH (fatemi1991, rude1985).
    # CYP27B1 follows cell magnesium, which recovers over weeks (rude1985: calcitriol lags).
    ("mn", "mg ^ mg_enzyme_hill", "(mmol/L)^n"),
    ("mg_factor_cyp2r1", "norm2r1 * mn / (k2r1n + mn)", "1"),
    ("mg_factor_cyp24a1", "norm24 * mn / (k24n + mn)", "1"),
    ("mcn", "mg_cell ^ mg_enzyme_hill", "(mmol/L)^n"),
    ("mg_factor_cyp27b1", "norm27b1 * mcn / (k27b1n + mcn)", "1"),
    ("mp", "mg ^ pth_mg_hill", "(mmol/L)^n"),
    ("mg_factor_pth_secretion", "normsec * mp / (ksecn + mp)", "1"),
    ("mg_factor_pth_action", "normact * mp / (kactn + mp)", "1"),
    ("mvn", "mg ^ vdr_action_mg_hill", "(mmol/L)^n"),
    ("mg_factor_vdr_action", "normva * mvn / (kvan + mvn)", "1"),
    ("mcp", "mg_cell ^ pth_mg_hill", "(mmol/L)^n"),
    ("mg_factor_pth_action_cell", "normactc * mcp / (kactcn + mcp)", "1"),
    # Vitamin D3: intake and skin, bolus absorption, adipose store, 25-hydroxylation (liver).
    ("d3_in", "(vd_iu + sun_iu) * iu_to_conc", "nmol/L/day"),
    ("hyd2r1", "cyp2r1_rate_per_day * mg_factor_cyp2r1 * d3 / (1 + d3 / cyp2r1_km_nmol_l)", "nmol/L/day"),
    ("hyd27a1", "cyp27a1_rate_per_day * mg_factor_cyp2r1 * d3", "nmol/L/day"),
    ("flux_cyp2r1", "ohd25_yield * hyd2r1", "nmol/L/day"),
    ("flux_cyp27a1", "ohd25_yield * hyd27a1", "nmol/L/day"),
    # Vitamin D receptor signal (toxic 25(OH)D adds, jones2008) and CYP24A1 induction (jones2012).
    ("ohd25_tox", "(ohd25 / ohd25_toxic_nmol_l) ^ ohd25_toxic_hill", "1"),
    ("vdr_signal_pmol_l", "calcitriol + ohd25_toxic_signal_pmol_l * ohd25_tox / (1 + ohd25_tox)", "pmol/L"),
    ("cyp24a1_induction", "ind_norm * (1 + cyp24a1_induction_max * vdr_signal_pmol_l / "
                          "(vdr_signal_pmol_l + cyp24a1_induction_ec50_pmol_l))", "1"),
    ("flux_cyp24a1_25", "cyp24a1_ohd25_rate_per_day * cyp24a1_induction * mg_factor_cyp24a1 * ohd25",
     "nmol/L/day"),
    # PTH, quasi-steady (half-life minutes): inverse sigmoid of ionized Ca (peterson2010) scaled by the
    # chronic magnesium dependence of secretion; in CKD PTH rises through low calcitriol and calcium.
    ("pth_sec", "sec_norm * (pth_min_fold + pspan / (1 + (ca_ion / ca50) ^ pth_hill))", "1"),
    ("pth_pmol_l", "pth_ref_pmol_l * pth_sec * mg_factor_pth_secretion", "pmol/L"),
    ("pth_signal", "pth_sec * mg_factor_pth_secretion * mg_factor_pth_action", "1"),
    ("pth_signal_cyp27b1", "pth_sec * mg_factor_pth_secretion * mg_factor_pth_action_cell", "1"),
    # Kidney CYP27B1: stimulated by PTH, suppressed by calcitriol and FGF23; capacity scales with eGFR.
    ("pth_drive", "cyp27b1_basal_fraction + (1 - cyp27b1_basal_fraction) * (1 + cyp27b1_pth_headroom) * "
                  "pth_signal_cyp27b1 / (cyp27b1_pth_headroom + pth_signal_cyp27b1)", "1"),
    ("cyp27b1_target", "pth_drive * (1 + cyp27b1_calcitriol_suppression) / "
                       "(1 + cyp27b1_calcitriol_suppression * calcitriol / calcitriol_ref_pmol_l) * "
                       "(1 + cyp27b1_fgf23_suppression) / (1 + cyp27b1_fgf23_suppression * fgf23 / fgf23_ref_ru_ml)",
     "1"),
    ("flux_cyp27b1", "vmax27 * cyp27b1 * mg_factor_cyp27b1 * ohd25 / (cyp27b1_km_nmol_l + ohd25)", "pmol/L/day"),
    ("flux_cyp24a1_calcitriol", "cyp24a1_calcitriol_rate_per_day * cyp24a1_induction * mg_factor_cyp24a1 * "
                                "calcitriol", "pmol/L/day"),
    # Calcium: gut absorption (calcitriol), bone exchange, kidney (PTH; filtration scales with eGFR).
    ("ca_in", "ca_mg * mmol_ca", "mmol/day"),
    ("ca_fractional_absorption", "ca_passive_fraction + ca_active_max_mmol_per_day * mg_factor_vdr_action * "
                                 "vdr_signal_pmol_l / (vdr_signal_pmol_l + ca_vdr_ec50_pmol_l) / "
                                 "(ca_active_km_mmol_per_day + ca_in)", "1"),
    ("ca_absorbed_mmol", "ca_fractional_absorption * ca_in", "mmol/day"),
    ("ca_rel", "ca_ion / ca_set_point_mmol_l", "1"),
    ("bone_pth", "bone_basal_fraction + (1 - bone_basal_fraction) * (1 + bone_pth_headroom) * pth_signal / "
                 "(bone_pth_headroom + pth_signal)", "1"),
    ("ca_bone_resorption_mmol", "bone_turnover_mmol_per_day * bone_pth * bvnorm * "
                                "(1 + bone_vdr_gain * vdr_signal_pmol_l / (vdr_signal_pmol_l + bone_vdr_ec50_pmol_l))",
     "mmol/day"),
    ("ca_bone_formation_mmol", "bone_turnover_mmol_per_day * ca_rel", "mmol/day"),
    ("ca_urine_mmol", "u_ca_ref * ca_rel ^ renal_ca_exponent * (1 + renal_ca_pth_sensitivity) / "
                      "(1 + renal_ca_pth_sensitivity * pth_signal)", "mmol/day"),
    # Magnesium: gut absorption (paracellular, saturable transcellular, calcitriol loop), kidney
    # (filtered load x fractional excretion), endogenous and extra gut losses, store, cell magnesium.
    ("mg_in", "mg_mg * mmol_mg", "mmol/day"),
    ("mg_fractional_absorption", "mg_paracellular_fraction + mg_tmax * mg_tkm / (mg_tkm + mg_in) + "
                                 "calcitriol_mg_absorption_gain * vdr_signal_pmol_l / (vdr_signal_pmol_l + mg_vdr_ec50_pmol_l)",
     "1"),
    ("mg_absorbed_mmol", "mg_fractional_absorption * mg_in", "mmol/day"),
    ("mr", "mg ^ renal_mg_hill", "(mmol/L)^n"),
    ("mg_urine_mmol", "gfr_mg * mg * mr / (krn + mr)", "mmol/day"),
    ("mg_gut_loss_mmol", "(mg_endogenous_loss_mmol_per_day + cond_mg_gut_loss) * mg / mg_ref_mmol_l", "mmol/day"),
    ("mg_exchange", "mg_store_exchange_per_day * (store * mg - mg_store)", "mmol/day"),
    # Phosphate: gut absorption (calcitriol), bone (with calcium, hydroxyapatite ratio), kidney
    # (filtered load; PTH and FGF23 lower reabsorption). FGF23: raised by phosphate and calcitriol,
    # and as kidney function falls.
    ("p_in", "p_mg * mmol_p", "mmol/day"),
    ("p_fractional_absorption", "p_passive_fraction + p_active_fraction * vdr_signal_pmol_l / "
                                "(vdr_signal_pmol_l + p_vdr_ec50_pmol_l)", "1"),
    ("p_absorbed_mmol", "p_fractional_absorption * p_in", "mmol/day"),
    ("p_phosphaturic_signal", "fgf23_phosphaturic_weight * fgf23 / fgf23_ref_ru_ml + "
                              "(1 - fgf23_phosphaturic_weight) * pth_signal", "1"),
    ("p_reabsorbed_fraction", "renal_p_max_reabsorption / (1 + p_reabs_gain * p_phosphaturic_signal)", "1"),
    ("p_urine_mmol", "gfr_p * phosphate * (1 - p_reabsorbed_fraction)", "mmol/day"),
    ("fgf23_target", "fgf23_ref_ru_ml * (phosphate / phosphate_ref_mmol_l) ^ fgf23_phosphate_exponent * "
                     "(vdr_signal_pmol_l / calcitriol_ref_pmol_l) ^ fgf23_calcitriol_exponent * fgf23_gfr_factor",
     "RU/mL"),
)

#: Right-hand sides, one per state in :data:`STATE` order: (state symbol, expression), per day.
ODES: tuple[tuple[str, str], ...] = (
    ("gut_d3", "-bolus_absorption_per_day * gut_d3"),
    ("d3", "d3_in + bolus_absorption_per_day * gut_d3 - hyd2r1 - hyd27a1 - (koth + kup) * d3 + krel * d3_store"),
    ("d3_store", "kup * d3 - krel * d3_store"),
    ("ohd25", "flux_cyp2r1 + flux_cyp27a1 - ohd25_clearance_per_day * ohd25 - flux_cyp24a1_25"),
    ("calcitriol", "flux_cyp27b1 - calcitriol_clearance_per_day * calcitriol - flux_cyp24a1_calcitriol"),
    ("cyp27b1", "cyp27b1_turnover_per_day * (cyp27b1_target - cyp27b1)"),
    ("ca_ion", "(ca_absorbed_mmol + ca_bone_resorption_mmol - ca_bone_formation_mmol - ca_urine_mmol - "
               "ca_endogenous_loss_mmol_per_day * ca_rel) / ca_pool_volume_l"),
    ("mg", "mg_free * (mg_absorbed_mmol - mg_urine_mmol - mg_gut_loss_mmol - mg_exchange) / mg_pool_volume_l"),
    ("mg_store", "mg_exchange"),
    ("mg_cell", "mg_cell_turnover_per_day * (mg - mg_cell)"),
    ("phosphate", "(p_absorbed_mmol + (ca_bone_resorption_mmol - ca_bone_formation_mmol) / bone_ca_p_molar_ratio "
                  "- p_urine_mmol) / p_pool_volume_l"),
    ("fgf23", "fgf23_turnover_per_day * (fgf23_target - fgf23)"),
)

#: Algebraic outputs returned after the derivatives by :func:`flows`, in order (the older names first).
FLOW_NAMES: tuple[str, ...] = (
    "pth_pmol_l", "flux_cyp2r1", "flux_cyp27a1", "flux_cyp24a1_25", "flux_cyp27b1",
    "flux_cyp24a1_calcitriol", "cyp24a1_induction", "vdr_signal_pmol_l",
    "mg_factor_cyp2r1", "mg_factor_cyp27b1", "mg_factor_cyp24a1", "mg_factor_pth_secretion",
    "mg_factor_pth_action", "ca_absorbed_mmol", "ca_fractional_absorption", "ca_bone_resorption_mmol",
    "ca_bone_formation_mmol", "ca_urine_mmol", "mg_absorbed_mmol", "mg_fractional_absorption", "mg_urine_mmol",
    "p_absorbed_mmol", "p_fractional_absorption", "p_urine_mmol", "p_reabsorbed_fraction", "pth_signal",
    "mg_gut_loss_mmol", "fgf23_target", "mg_factor_vdr_action",
)

PARAMETER_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Parameters))
CONSTANT_NAMES: tuple[str, ...] = tuple(CONSTANTS)


def to_python(expr: str) -> str:
    """An infix expression of the table in Python syntax (``^`` -> ``**``)."""
    return expr.replace("^", "**")


def _check_table() -> None:
    """Every name an expression uses is defined before it (run once, when the code is generated)."""
    import re

    known = set(PARAMETER_NAMES) | set(CONSTANT_NAMES) | set(PERSON)
    for name, expr, _ in DERIVED:
        _require_known(name, expr, known, re)
        known.add(name)
    known |= set(STATE_SYMBOLS) | {s for s, _ in INTAKES}
    for name, expr, _ in ALGEBRAIC:
        _require_known(name, expr, known, re)
        known.add(name)
    if tuple(s for s, _ in ODES) != STATE_SYMBOLS:
        raise RuntimeError("ODES must list one right-hand side per state, in STATE order")  # pragma: no cover
    for name, expr in ODES:
        _require_known(name, expr, known, re)
    missing = set(FLOW_NAMES) - {n for n, _, _ in ALGEBRAIC}
    if missing:
        raise RuntimeError(f"FLOW_NAMES not defined in ALGEBRAIC: {sorted(missing)}")  # pragma: no cover


def _require_known(name: str, expr: str, known: set[str], re: Any) -> None:
    for token in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", expr):
        if token not in known:
            raise RuntimeError(f"{name}: unknown name {token!r} in {expr!r}")  # pragma: no cover


class Rates:
    """The constants the equations use for one person: parameters, unit constants and derived values.

    Parameters
    ----------
    p : Parameters
        Physiology.
    body_mass_kg : float
        Body mass; scales the vitamin D3 volume and adipose uptake.
    mg_clamp : float or None
        Serum magnesium held fixed (mmol/L), or ``None`` to let it follow intake.
    egfr_ml_min : float
        Kidney function (default 100 mL/min/1.73 m2).
    condition_effects : mapping, optional
        ``cond_mg_transcellular``, ``cond_mg_threshold``, ``cond_mg_gut_loss`` (from
        :func:`mgdlearn.model.conditions.condition_effects`); default: no condition.

    Every symbol of :data:`PARAMETER_NAMES`, :data:`CONSTANT_NAMES`, :data:`PERSON` and
    :data:`DERIVED` is an attribute (``rates.store``, ``rates.kup`` ...).
    """

    def __init__(self, p: Parameters, body_mass_kg: float, mg_clamp: float | None,
                 egfr_ml_min: float = 100.0, condition_effects: Mapping[str, float] | None = None) -> None:
        values: dict[str, float] = {name: float(getattr(p, name)) for name in PARAMETER_NAMES}
        values.update({name: float(v[0]) for name, v in CONSTANTS.items()})
        effects = {"cond_mg_transcellular": 1.0, "cond_mg_threshold": 1.0, "cond_mg_gut_loss": 0.0}
        effects.update(condition_effects or {})
        values.update(body_mass_kg=float(body_mass_kg), egfr_ml_min=float(egfr_ml_min),
                      mg_free=0.0 if mg_clamp is not None else 1.0, **{k: float(v) for k, v in effects.items()})
        _derive(values)
        self.__dict__.update(values)
        self.mg_clamp = mg_clamp
        self.free = values["mg_free"]
        self.values: Mapping[str, float] = values

    def key(self) -> tuple[float, ...]:
        """All constants in a fixed order (hashable)."""
        return tuple(self.values[n] for n in _constant_order())


@lru_cache(maxsize=1)
def _constant_order() -> tuple[str, ...]:
    return PARAMETER_NAMES + CONSTANT_NAMES + tuple(PERSON) + tuple(n for n, _, _ in DERIVED)


def _derive(values: dict[str, float]) -> None:
    """Evaluate :data:`DERIVED` in order into ``values``."""
    fn = _compiled()["derive"]
    fn(values)


@lru_cache(maxsize=1)
def _compiled() -> dict[str, Callable[..., Any]]:
    """Generate and compile the Python functions from the table (once per session)."""
    _check_table()
    consts = _constant_order()
    state = STATE_SYMBOLS
    intakes = [s for s, _ in INTAKES]
    lines: list[str] = []
    # derive(values): DERIVED in order
    lines.append("def derive(v):")
    for name, expr, _ in DERIVED:
        lines.append(f"    v[{name!r}] = {_subst(to_python(expr), lambda t: f'v[{t!r}]')}")
    lines.append("")
    body = [f"    {name} = {to_python(expr)}" for name, expr, _ in ALGEBRAIC]
    derivs = [f"    d_{name} = {to_python(expr)}" for name, expr in ODES]
    used = _names_used([e for _, e, _ in ALGEBRAIC] + [e for _, e in ODES])
    needed = [c for c in consts if c in used]
    # flows(y, u, r): floats or numpy arrays
    lines.append("def flows(y, u, r):")
    lines.append(f"    {', '.join(state)}, = y")
    lines.append("    if len(u) == 4:")
    lines.append(f"        u = (*u, {DEFAULT_PHOSPHORUS_MG!r})")
    lines.append(f"    {', '.join(intakes)}, = u")
    for c in needed:
        lines.append(f"    {c} = r.{c}")
    lines += body + derivs
    lines.append(f"    return ({', '.join('d_' + s for s in state)}, {', '.join(FLOW_NAMES)},)")
    lines.append("")
    # rhs(t, y): plain floats; the constants and intakes are the globals of each function object
    # made from this code (one namespace per person and intakes, see make_rhs)
    lines.append("def rhs(t, y):")
    lines.append(f"    {', '.join(state)}, = [x if x > 0.0 else 0.0 for x in (y.tolist() if hasattr(y, 'tolist') else y)]")
    lines += body + derivs
    lines.append(f"    return [{', '.join('d_' + s for s in state)}]")
    source = "\n".join(lines) + "\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, "<mgdlearn.model.equations generated>", "exec"), namespace)  # noqa: S102
    namespace["source"] = source
    namespace["needed"] = tuple(needed)
    return namespace


def _names_used(exprs: Sequence[str]) -> set[str]:
    import re

    return {t for e in exprs for t in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", e)}


def _subst(expr: str, repl: Callable[[str], str]) -> str:
    import re

    return re.sub(r"[A-Za-z_][A-Za-z0-9_]*", lambda m: repl(m.group(0)), expr)


def generated_source() -> str:
    """The Python source generated from the table (for reading and for tests)."""
    return str(_compiled()["source"])


def flows(y: Sequence[Any], u: Sequence[Any], r: Rates) -> tuple:
    """Derivatives and algebraic outputs of the model.

    Parameters
    ----------
    y : sequence of :data:`N_STATE` floats or arrays
        State in the order of :data:`STATE`, all >= 0 (callers clip solver round-off first, which
        keeps every power real).
    u : sequence of 5 (or the older 4) floats or arrays
        Oral vitamin D (IU/day), sun (IU/day), magnesium (mg/day), calcium (mg/day) and
        phosphorus (mg/day; 1,000 if omitted).
    r : Rates
        Constants for this person.

    Returns
    -------
    tuple
        :data:`N_STATE` derivatives (per day) followed by the outputs named in :data:`FLOW_NAMES`.
    """
    return _compiled()["flows"](y, u, r)


def make_rhs(r: Rates, u: Sequence[float]) -> Callable[[float, Any], list[float]]:
    """Return ``rhs(t, y)`` for :func:`scipy.integrate.odeint`/``solve_ivp`` with constant intakes ``u``.

    A stiff solver may probe slightly negative states: the rates are evaluated at ``max(y, 0)``.
    """
    u = tuple(float(v) for v in u)
    if len(u) == 4:
        u = (*u, DEFAULT_PHOSPHORUS_MG)
    import types

    compiled = _compiled()
    namespace = r.__dict__.get("_rhs_globals")
    if namespace is None:
        namespace = {n: r.values[n] for n in compiled["needed"]}
        r.__dict__["_rhs_globals"] = namespace
    namespace = dict(namespace)
    namespace.update(zip((s for s, _ in INTAKES), u))
    return types.FunctionType(compiled["rhs"].__code__, namespace, "rhs")


__all__ = ["ALGEBRAIC", "DERIVED", "FLOW_NAMES", "INTAKES", "N_INTAKE", "N_STATE", "ODES", "PERSON", "Rates",
           "STATE", "STATE_SYMBOLS", "STATE_TABLE", "flows", "generated_source", "make_rhs", "to_python"]
