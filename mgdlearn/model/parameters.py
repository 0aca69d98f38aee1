"""The model's physiological parameters: one frozen dataclass, every field with unit and source.

Every field carries ``metadata={"unit", "source", "description", "evidence"}``; ``source`` is a
key of :data:`mgdlearn.bibliography.REFERENCES`. Values marked *calibrated* in their description
were tuned by hand (see ``docs/model.md``) so that the model meets the
calibration targets documented there; the source then names the data the target comes from.

Examples
--------
>>> from mgdlearn.model import Parameters
>>> p = Parameters()
>>> half = p.scaled(cyp27b1_vmax=0.5)          # "halve CYP27B1's maximum rate"
>>> half.cyp27b1_vmax == p.cyp27b1_vmax / 2
True
>>> Parameters(calcitriol_mg_absorption_gain=0).calcitriol_mg_absorption_gain
0.0
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping

from mgdlearn.errors import InputError, require_number
from mgdlearn.units import convert

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Evidence labels used in the ``evidence`` metadata (same scale as the course fact base).
EVIDENCE_LEVELS = ("established", "supported", "emerging", "claim", "calibrated")


def _p(value: float, unit: str, source: str, description: str, evidence: str = "established",
       low: float = 0.0, high: float = math.inf) -> Any:
    """A dataclass field with its unit, source, description, evidence level and allowed range."""
    return field(default=value, metadata=MappingProxyType({
        "unit": unit, "source": source, "description": description, "evidence": evidence,
        "low": low, "high": high,
    }))


#: Unit conversions and fixed reference values the model uses (not meant to be changed).
#: name -> (value, unit, source, description)
def _factor(from_unit: str, to_unit: str, analyte: str) -> float:
    return float(convert(1.0, from_unit, to_unit, analyte=analyte))


#: Unit factors the model uses; those shared with :mod:`mgdlearn.units` are read from it (one
#: source for every conversion, so the two can never drift apart).
CONSTANTS: Mapping[str, tuple[float, str, str, str]] = MappingProxyType({
    "nmol_per_iu_vitd3": (0.025 / 384.64 * 1000.0, "nmol/IU", "iom2011;pubchem_d3",
                          "1 IU = 0.025 ug vitamin D3 (1 ug = 40 IU); molar mass 384.64 g/mol"),
    "mmol_per_mg_mg": (_factor("mg", "mmol", "magnesium"), "mmol/mg", "ciaaw", "magnesium molar mass 24.305 g/mol"),
    "mmol_per_mg_ca": (_factor("mg", "mmol", "calcium_amount"), "mmol/mg", "ciaaw",
                       "calcium molar mass 40.078 g/mol"),
    "nmol_l_per_ng_ml_25ohd": (_factor("ng/mL", "nmol/L", "25ohd"), "(nmol/L)/(ng/mL)", "pubchem",
                               "25(OH)D, 400.6 g/mol"),
    "pmol_l_per_pg_ml_calcitriol": (_factor("pg/mL", "pmol/L", "calcitriol"), "(pmol/L)/(pg/mL)", "pubchem",
                                    "calcitriol, 416.6 g/mol"),
    "pg_ml_per_pmol_l_pth": (_factor("pmol/L", "pg/mL", "pth"), "(pg/mL)/(pmol/L)", "uniprot_pth",
                             "intact PTH(1-84), about 9.4 kDa"),
    "mg_dl_per_mmol_l_mg": (_factor("mmol/L", "mg/dL", "serum_mg"), "(mg/dL)/(mmol/L)", "ciaaw",
                            "magnesium, 24.305 g/mol"),
    "reference_body_mass_kg": (70.0, "kg", "ekwaru2014", "body mass at which volumes are quoted"),
    "mmol_per_mg_p": (1.0 / 30.974, "mmol/mg", "ciaaw", "phosphorus molar mass 30.974 g/mol"),
    "mg_dl_per_mmol_l_p": (3.0974, "(mg/dL)/(mmol/L)", "ciaaw", "phosphate as phosphorus, 30.974 g/mol"),
    "mg_dl_per_mmol_l_ca": (_factor("mmol/L", "mg/dL", "calcium"), "(mg/dL)/(mmol/L)", "ciaaw",
                            "calcium, 40.078 g/mol"),
    "total_ca_per_ionized_ca": (2.0, "1", "medlineplus_ca",
                                "total serum calcium is about twice the ionized (free) calcium: about half is "
                                "bound to albumin and anions"),
    "egfr_ref_ml_min": (100.0, "mL/min/1.73 m2", "kdigo2012",
                        "kidney function of the reference adult (normal: 90 or more, KDIGO G1)"),
})


@dataclass(frozen=True)
class Parameters:
    """Physiological parameters of the teaching model (time unit: day).

    All fields are plain floats with ``metadata`` giving ``unit``, ``source`` (a bibliography
    key), ``description`` and ``evidence``. Change them with keyword arguments,
    :meth:`scaled` or :func:`dataclasses.replace`; :meth:`table` lists them.
    The Mg-cofactor dependence of the enzymes and the calcitriol effect on magnesium absorption
    are **modest and uncertain** in the literature: their fields say so.
    """

    # --- vitamin D3: absorption, distribution, adipose store ------------------------------
    vitd_volume_l_per_kg: float = _p(
        0.35, "L/kg", "jones2008",
        "Apparent distribution volume of vitamin D3 per kg body mass; a larger body mass dilutes "
        "the same dose (obesity blunts the response, Wortsman 2000, Ekwaru 2014). Calibrated.",
        "supported", low=0.01)
    bolus_absorption_per_day: float = _p(
        2.0, "1/day", "ilahi2008",
        "First-order absorption rate of a single large oral dose (peak serum D3 within about a day).",
        "supported", low=0.01)
    adipose_uptake_per_day: float = _p(
        0.025, "1/day", "wortsman2000",
        "Rate constant of vitamin D3 uptake into the adipose store at 70 kg (scales with body mass).",
        "supported")
    adipose_release_per_day: float = _p(
        1.0 / 60.0, "1/day", "jones2008",
        "Release rate constant of the adipose store (stores turn over in about 2 months).",
        "supported", low=1e-4)
    vitd_other_clearance_per_day: float = _p(
        0.4, "1/day", "jones2008",
        "Vitamin D3 clearance by routes other than 25-hydroxylation (together with them: serum "
        "half-life about 1 day). Calibrated.", "supported")
    # --- liver 25-hydroxylation -----------------------------------------------------------------
    cyp2r1_rate_per_day: float = _p(
        0.25, "1/day", "zhu2013",
        "CYP2R1 first-order rate constant at low vitamin D3 (the main 25-hydroxylase). Calibrated "
        "to the Heaney 2003 dose-response.", "established")
    cyp2r1_km_nmol_l: float = _p(
        8.0, "nmol/L", "barger_lux1998",
        "Serum vitamin D3 at which CYP2R1 runs at half its first-order rate: saturation flattens "
        "the dose-response at high intakes (Barger-Lux 1998). Calibrated.", "supported", low=0.01)
    cyp27a1_rate_per_day: float = _p(
        0.08, "1/day", "zhu2013",
        "Low-affinity, non-saturating 25-hydroxylation (CYP27A1 and others); keeps 25(OH)D rising "
        "at very high doses. Calibrated.", "supported")
    ohd25_yield: float = _p(
        1.38, "(nmol/L 25(OH)D)/(nmol/L D3)", "heaney2003",
        "25(OH)D concentration formed per vitamin D3 concentration hydroxylated (ratio of their "
        "distribution volumes). Calibrated so 100 IU/day adds about 1.75 nmol/L.", "calibrated")
    # --- 25(OH)D ----------------------------------------------------------------------------
    ohd25_clearance_per_day: float = _p(
        0.026, "1/day", "jones2014",
        "25(OH)D clearance by routes other than CYP24A1 (with CYP24A1: half-life about 15 days).",
        "established")
    cyp24a1_ohd25_rate_per_day: float = _p(
        0.020, "1/day", "jones2012",
        "CYP24A1 24-hydroxylation rate constant of 25(OH)D at reference induction.", "established")
    # --- kidney 1-alpha-hydroxylation (CYP27B1) ---------------------------------------------
    cyp27b1_vmax: float = _p(
        250.0, "pmol/L/day", "peterson2010",
        "Maximum calcitriol production by CYP27B1 at reference enzyme activity. Calibrated so "
        "calcitriol is about 90 pmol/L in the reference adult.", "calibrated")
    cyp27b1_gfr_exponent: float = _p(
        0.5, "1", "kdigo2012",
        "Kidney CYP27B1 capacity scales with kidney function as (eGFR/100)^x (fewer working proximal "
        "tubules). Illustrative.", "supported")
    cyp27b1_km_nmol_l: float = _p(
        12.0, "nmol/L", "bikle2014",
        "25(OH)D at which CYP27B1 is half-saturated: calcitriol depends little on 25(OH)D until "
        "real deficiency.", "supported", low=0.01)
    cyp27b1_turnover_per_day: float = _p(
        1.2, "1/day", "peterson2010",
        "Turnover of CYP27B1 activity (0.05 per hour in Peterson and Riggs 2010).", "supported",
        low=1e-3)
    cyp27b1_pth_headroom: float = _p(
        3.0, "1", "peterson2010",
        "PTH stimulation of CYP27B1: activity = (1+h)*x/(h+x) of the PTH signal x (relative to "
        "reference); maximum 1+h times the reference activity.", "established", low=1e-3)
    cyp27b1_basal_fraction: float = _p(
        0.1, "1", "bikle2014",
        "Share of CYP27B1 drive that does not depend on PTH (low phosphate and other signals, not "
        "modelled separately): calcitriol never falls to zero when PTH fails.", "supported",
        high=1.0)
    cyp27b1_calcitriol_suppression: float = _p(
        0.3, "1", "bikle2014",
        "Feedback suppression of CYP27B1 by calcitriol: factor (1+s)/(1+s*calcitriol/reference).",
        "established")
    # --- calcitriol -------------------------------------------------------------------------
    calcitriol_ref_pmol_l: float = _p(
        90.0, "pmol/L", "peterson2010",
        "Reference calcitriol used to normalise the feedbacks (Peterson and Riggs baseline).",
        "established", low=1.0)
    calcitriol_clearance_per_day: float = _p(
        1.3, "1/day", "jones2008",
        "Calcitriol clearance other than CYP24A1 (with CYP24A1: half-life about 6-7 hours).",
        "established")
    cyp24a1_calcitriol_rate_per_day: float = _p(
        1.1, "1/day", "jones2012",
        "CYP24A1 catabolism rate constant of calcitriol at reference induction.", "established")
    cyp24a1_induction_max: float = _p(
        3.0, "1", "jones2012",
        "Maximum induction of CYP24A1 by vitamin D receptor signalling (fold over none; the "
        "induction is established, its size here illustrative).", "supported")
    cyp24a1_induction_ec50_pmol_l: float = _p(
        90.0, "pmol/L", "jones2012",
        "Receptor signal (calcitriol-equivalent) giving half-maximal CYP24A1 induction.",
        "supported", low=1.0)
    ohd25_toxic_nmol_l: float = _p(
        400.0, "nmol/L", "jones2008",
        "25(OH)D at which it (and the free calcitriol it displaces from DBP) gives half its maximal "
        "extra receptor signal: negligible normally, the route of vitamin D toxicity "
        "(hypercalcaemia usually above 375-500 nmol/L). Illustrative.", "supported", low=1.0)
    ohd25_toxic_signal_pmol_l: float = _p(
        800.0, "pmol/L", "jones2008",
        "Maximal extra receptor signal from toxic 25(OH)D, in calcitriol-equivalents. Illustrative.",
        "emerging")
    ohd25_toxic_hill: float = _p(
        6.0, "1", "jones2008",
        "Steepness of the toxic 25(OH)D signal (sets in sharply above a few hundred nmol/L).",
        "emerging", low=0.1)
    # --- PTH (quasi-steady: half-life minutes) ----------------------------------------------
    pth_ref_pmol_l: float = _p(
        3.85, "pmol/L", "peterson2010",
        "PTH at the calcium set point with normal magnesium (about 36 pg/mL).", "established",
        low=0.01)
    ca_set_point_mmol_l: float = _p(
        1.2, "mmol/L", "peterson2010",
        "Ionized calcium at which PTH secretion equals its reference value.", "established",
        low=0.5, high=2.0)
    pth_hill: float = _p(
        11.7, "1", "peterson2010",
        "Hill coefficient of the inverse sigmoid of PTH secretion on ionized calcium.",
        "established", low=0.1)
    pth_max_fold: float = _p(
        16.0, "1", "peterson2010",
        "PTH secretion at very low calcium, relative to the set point.", "established", low=1.01)
    pth_min_fold: float = _p(
        0.25, "1", "peterson2010",
        "PTH secretion at very high calcium, relative to the set point.", "established",
        low=0.0, high=0.99)
    # --- calcium ----------------------------------------------------------------------------
    ca_pool_volume_l: float = _p(
        28.0, "L", "peterson2010",
        "Effective volume of the rapidly exchanging ionized calcium pool (14 L extracellular "
        "fluid, doubled for protein-bound and bone-surface buffering).", "supported", low=0.1)
    ca_passive_fraction: float = _p(
        0.10, "1", "ods_ca",
        "Fraction of calcium intake absorbed passively (paracellular, vitamin D independent).",
        "established", high=1.0)
    ca_active_max_mmol_per_day: float = _p(
        20.0, "mmol/day", "peterson2010",
        "Maximum active (calcitriol-dependent, saturable) calcium absorption.", "established")
    ca_active_km_mmol_per_day: float = _p(
        12.0, "mmol/day", "iom2011",
        "Calcium intake at which active absorption is half-saturated (about 480 mg/day).",
        "supported", low=0.01)
    ca_vdr_ec50_pmol_l: float = _p(
        90.0, "pmol/L", "peterson2010",
        "Receptor signal for half-maximal active calcium absorption (EC50 about 90 pmol/L).",
        "established", low=1.0)
    ca_endogenous_loss_mmol_per_day: float = _p(
        2.5, "mmol/day", "iom2011",
        "Endogenous faecal (and skin) calcium loss at the set point (about 100 mg/day).",
        "established")
    bone_turnover_mmol_per_day: float = _p(
        7.5, "mmol/day", "peterson2010",
        "Calcium moved by bone resorption (and, balanced, formation) at the reference state.",
        "established")
    bone_pth_headroom: float = _p(
        1.0, "1", "peterson2010",
        "PTH stimulation of bone resorption: (1+h)*x/(h+x) of the PTH signal x.", "established",
        low=1e-3)
    bone_basal_fraction: float = _p(
        0.45, "1", "peterson2010",
        "Share of bone resorption that does not depend on PTH (osteoclasts keep working, more "
        "slowly, when PTH fails in severe magnesium deficiency).", "supported", high=1.0)
    bone_vdr_gain: float = _p(
        2.0, "1", "jones2008",
        "Receptor-driven bone resorption (RANKL): resorption factor (1+g*x/(x+ec))/(same at "
        "reference) of the receptor signal x; with toxic 25(OH)D it releases bone calcium "
        "(hypercalcaemia of vitamin D toxicity).", "supported")
    bone_vdr_ec50_pmol_l: float = _p(
        300.0, "pmol/L", "jones2008",
        "Receptor signal for half of the receptor-driven bone resorption.", "emerging", low=1.0)
    renal_ca_ref_mmol_per_day: float = _p(
        5.6, "mmol/day", "iom2011",
        "Urinary calcium at the set point (about 225 mg/day).", "established")
    renal_ca_exponent: float = _p(
        4.0, "1", "peterson2010",
        "Steepness of urinary calcium on ionized calcium (filtered load above reabsorption).",
        "supported")
    renal_ca_pth_sensitivity: float = _p(
        2.0, "1", "peterson2010",
        "PTH-driven tubular calcium reabsorption: urinary factor (1+k)/(1+k*x).", "established")
    renal_ca_gfr_exponent: float = _p(
        0.2, "1", "kdigo2012",
        "Urinary calcium scales with kidney function as (eGFR/100)^x: less calcium is filtered, and "
        "excreted, as eGFR falls (chronic kidney disease). Illustrative.", "supported")
    # --- phosphate and FGF23 ------------------------------------------------------------------
    phosphate_ref_mmol_l: float = _p(
        1.1, "mmol/L", "medlineplus_p",
        "Serum phosphate of the reference adult (normal 2.8-4.5 mg/dL, 0.90-1.45 mmol/L); "
        "normalises the phosphate effects.", "established", low=0.1)
    p_passive_fraction: float = _p(
        0.45, "1", "iom1997",
        "Fraction of dietary phosphorus absorbed without calcitriol (adults absorb 55-70 % of it in all).",
        "established", high=1.0)
    p_active_fraction: float = _p(
        0.30, "1", "iom1997",
        "Extra phosphorus absorption at full receptor activation (calcitriol-driven NaPi-IIb transport).",
        "established", high=1.0)
    p_vdr_ec50_pmol_l: float = _p(
        90.0, "pmol/L", "peterson2010",
        "Receptor signal for half of the calcitriol effect on phosphate absorption.", "supported", low=1.0)
    p_pool_volume_l: float = _p(
        20.0, "L", "peterson2010",
        "Effective volume of the serum phosphate pool (extracellular fluid plus rapid cell exchange).",
        "supported", low=0.1)
    bone_ca_p_molar_ratio: float = _p(
        1.67, "mol/mol", "peterson2010",
        "Calcium to phosphate in bone mineral (hydroxyapatite, Ca10(PO4)6(OH)2): bone resorption and "
        "formation move phosphate with calcium.", "established", low=0.1)
    renal_p_filtered_l_per_day: float = _p(
        162.0, "L/day", "peterson2010",
        "Plasma filtered per day times the filterable fraction of phosphate (180 L/day x 0.9) at eGFR "
        "100; scales with eGFR.", "established", low=0.1)
    renal_p_ref_reabsorption: float = _p(
        0.89, "1", "peterson2010",
        "Fraction of filtered phosphate reabsorbed at the reference state (fractional excretion about "
        "13 %, normal 5-20 %). Calibrated.", "calibrated", low=0.01, high=0.99)
    renal_p_max_reabsorption: float = _p(
        0.97, "1", "peterson2010",
        "Reabsorbed fraction with no phosphaturic signal (PTH and FGF23 both absent).", "supported",
        low=0.02, high=0.999)
    fgf23_phosphaturic_weight: float = _p(
        0.6, "1", "heijboer2022",
        "Share of FGF23 (the rest PTH) in the phosphaturic signal that lowers tubular phosphate "
        "reabsorption (both suppress NaPi-IIa/c). Illustrative.", "supported", high=1.0)
    fgf23_ref_ru_ml: float = _p(
        55.0, "RU/mL", "heijboer2022",
        "C-terminal FGF23 (Immutopics assay, RU/mL) of the reference adult (healthy about 20-90 RU/mL; "
        "above 100 RU/mL counts as high, Isakova 2011).", "established", low=1.0)
    fgf23_phosphate_exponent: float = _p(
        2.0, "1", "heijboer2022",
        "FGF23 secretion rises with serum phosphate as (phosphate/reference)^x. Illustrative size.",
        "supported")
    fgf23_calcitriol_exponent: float = _p(
        0.5, "1", "heijboer2022",
        "FGF23 secretion rises with calcitriol (receptor signal) as (signal/reference)^x. Illustrative size.",
        "supported")
    fgf23_gfr_exponent: float = _p(
        0.7, "1", "isakova2011",
        "FGF23 rises as kidney function falls, before phosphate does (CRIC study): factor "
        "(eGFR/100)^-x. Calibrated so that FGF23 is about 2-3 x normal at eGFR 20.", "calibrated")
    fgf23_turnover_per_day: float = _p(
        1.0, "1/day", "heijboer2022",
        "Rate at which FGF23 follows its drivers (osteocyte secretion adapts over about a day; the "
        "hormone itself lasts under an hour in blood).", "supported", low=1e-3)
    cyp27b1_fgf23_suppression: float = _p(
        1.0, "1", "heijboer2022",
        "FGF23 suppresses CYP27B1: factor (1+s)/(1+s*FGF23/reference).", "established")
    # --- magnesium --------------------------------------------------------------------------
    mg_ref_mmol_l: float = _p(
        0.85, "mmol/L", "ods_mg",
        "Normal serum magnesium at which every magnesium factor equals 1.", "established",
        low=0.1, high=2.0)
    mg_pool_volume_l: float = _p(
        14.0, "L", "debaaij2015",
        "Extracellular volume holding serum magnesium (< 1 % of body magnesium).", "established",
        low=0.1)
    mg_store_mmol_per_mmol_l: float = _p(
        120.0, "mmol/(mmol/L)", "debaaij2015",
        "Exchangeable magnesium store (bone surface, soft tissue) per mmol/L serum Mg at "
        "equilibrium; buffers serum Mg so it falls over weeks. Calibrated to Fatemi 1991.",
        "calibrated")
    mg_store_exchange_per_day: float = _p(
        0.4, "1/day", "fatemi1991",
        "Exchange rate constant between serum and the magnesium store. Calibrated: serum Mg "
        "falls from normal to about 0.6 mmol/L in 3 weeks on a near-zero intake.", "calibrated")
    mg_paracellular_fraction: float = _p(
        0.20, "1", "debaaij2015",
        "Fraction of magnesium intake absorbed paracellularly (linear, vitamin D independent).",
        "established", high=1.0)
    mg_transcellular_max_fraction: float = _p(
        0.40, "1", "debaaij2015",
        "Saturable transcellular (TRPM6) absorption as a fraction of intake at low intake; "
        "fractional absorption rises when intake is low.", "established", high=1.0)
    mg_transcellular_km_mmol_per_day: float = _p(
        5.0, "mmol/day", "ods_mg",
        "Intake at which transcellular absorption is half-saturated (about 120 mg/day).",
        "supported", low=0.01)
    calcitriol_mg_absorption_gain: float = _p(
        0.10, "1", "krejs1983",
        "Extra fractional magnesium absorption at full receptor activation (the article's loop). "
        "MODEST AND UNCERTAIN: Krejs 1983 saw a rise with calcitriol, Wilz 1979 no correlation. "
        "Set 0 to switch the loop off.", "emerging", high=1.0)
    mg_vdr_ec50_pmol_l: float = _p(
        90.0, "pmol/L", "krejs1983",
        "Receptor signal for half of the calcitriol effect on magnesium absorption.", "emerging",
        low=1.0)
    mg_endogenous_loss_mmol_per_day: float = _p(
        1.2, "mmol/day", "debaaij2015",
        "Endogenous faecal and skin magnesium loss at normal serum Mg (proportional to it).",
        "supported")
    renal_mg_filtered_l_per_day: float = _p(
        126.0, "L/day", "debaaij2015",
        "Plasma volume filtered per day times the ultrafiltrable fraction of magnesium (about 180 "
        "L/day x 0.7): filtered Mg = this x serum Mg.", "established", low=0.1)
    renal_mg_fe_k_mmol_l: float = _p(
        1.163, "mmol/L", "debaaij2015",
        "Serum Mg at which half of the filtered magnesium would be excreted; sets fractional "
        "excretion to about 4 % at 0.85 mmol/L and < 1 % below 0.7 mmol/L.", "established", low=0.01)
    renal_mg_hill: float = _p(
        10.0, "1", "debaaij2015",
        "Steepness of fractional magnesium excretion on serum Mg (the kidney defends serum Mg).",
        "supported", low=0.1)
    # --- magnesium as a cofactor (modest, uncertain) -----------------------------------------
    mg_enzyme_hill: float = _p(
        2.0, "1", "uwitonze2018",
        "Hill coefficient of the magnesium dependence of the hydroxylases. UNCERTAIN: direct human "
        "enzyme-kinetic data are sparse.", "emerging", low=0.1)
    cyp2r1_mg_k: float = _p(
        0.25, "mmol/L", "uwitonze2018",
        "Serum Mg giving half-maximal 25-hydroxylase (CYP2R1, CYP27A1) activity. UNCERTAIN "
        "(mechanistic reviews); calibrated to the vitamin D resistance of severe deficiency.",
        "emerging", low=0.01)
    cyp27b1_mg_k: float = _p(
        1.0, "mmol/L", "uwitonze2018",
        "Serum Mg giving half-maximal CYP27B1 activity. UNCERTAIN; calibrated to Fatemi 1991 "
        "and Rude 1985 (calcitriol -22 % at 0.61 mmol/L, low at 0.4).", "emerging", low=0.01)
    cyp24a1_mg_k: float = _p(
        0.2, "mmol/L", "uwitonze2018",
        "Serum Mg giving half-maximal CYP24A1 activity. UNCERTAIN.", "emerging", low=0.01)
    pth_mg_hill: float = _p(
        10.0, "1", "fatemi1991",
        "Hill coefficient of the chronic magnesium dependence of PTH secretion and action.",
        "established", low=0.1)
    pth_secretion_mg_k: float = _p(
        0.565, "mmol/L", "fatemi1991",
        "Serum Mg giving half-maximal PTH secretion (chronic depletion impairs secretion; PTH "
        "not raised at 0.61 mmol/L, Fatemi 1991; fails near 0.4, Rude 1985). Calibrated.",
        "established", low=0.01)
    pth_action_mg_k: float = _p(
        0.33, "mmol/L", "rude1985",
        "Serum Mg giving half-maximal tissue response to PTH (kidney, bone). Calibrated.",
        "established", low=0.01)
    cyp27b1_pth_mg_k: float = _p(
        0.45, "mmol/L", "rude1985",
        "Cell magnesium giving half the kidney's CYP27B1 response to PTH (PTH signalling needs "
        "magnesium; calcitriol stayed low despite raised PTH after repletion, Rude 1985). Calibrated.",
        "emerging", low=0.01)
    vdr_action_mg_k: float = _p(
        0.3, "mmol/L", "rude1985",
        "Serum Mg giving half the calcitriol (receptor) effect on active calcium absorption: in severe "
        "depletion vitamin D and calcium fail to correct hypocalcaemia until magnesium is given (Rude "
        "1985, Reddy 1974). UNCERTAIN: the size and site of this resistance are not measured. Calibrated.",
        "emerging", low=0.01)
    vdr_action_mg_hill: float = _p(
        10.0, "1", "rude1985",
        "Steepness of the magnesium dependence of calcitriol's effect on calcium absorption (a "
        "threshold: little effect until severe depletion). UNCERTAIN.", "emerging", low=0.1)
    mg_cell_turnover_per_day: float = _p(
        0.015, "1/day", "rude1985",
        "Rate at which cell magnesium (which CYP27B1 follows) relaxes to serum magnesium: serum Mg and "
        "calcium recover within days of repletion, calcitriol over weeks (Rude 1985: still low after "
        "5-13 days of magnesium in 18 of 23 patients). Calibrated.", "calibrated", low=1e-3)
    # --- vascular-calcification teaching indicator (heuristic) -------------------------------
    vc_ca_threshold_mmol_l: float = _p(
        1.30, "mmol/L", "ctcae5",
        "Ionized calcium above which the teaching indicator counts a calcium load: the top of the "
        "normal range (hypercalcaemia; heuristic, not a clinical score).", "claim", low=0.5, high=2.0)
    vc_ca_scale_mmol_l: float = _p(
        0.05, "mmol/L", "terbraake2018",
        "Calcium excess that counts as one unit of calcium load (heuristic).", "claim", low=1e-3)
    vc_ca_p_threshold_mg2_dl2: float = _p(
        55.0, "mg^2/dL^2", "kdoqi2003",
        "Calcium x phosphate product (total calcium and phosphate in mg/dL) above which the indicator "
        "counts a calcium-phosphate load (K/DOQI 2003 target: below 55).", "claim", low=1.0)
    vc_ca_p_scale_mg2_dl2: float = _p(
        5.0, "mg^2/dL^2", "kdoqi2003",
        "Calcium x phosphate excess that counts as one unit of load (heuristic).", "claim", low=1e-3)

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value is f.default:      # an untouched default (checked once by the test suite)
                continue
            x = require_number(value, f"Parameters.{f.name}", low=f.metadata["low"],
                               high=f.metadata["high"], unit=f.metadata["unit"])
            object.__setattr__(self, f.name, x)
        if self.pth_min_fold >= self.pth_max_fold:
            raise InputError("Parameters.pth_min_fold must be below pth_max_fold "
                             f"(got {self.pth_min_fold:g} and {self.pth_max_fold:g}).")

    def scaled(self, **factors: float) -> "Parameters":
        """Return a copy with the named fields multiplied by the given factors.

        Examples
        --------
        >>> Parameters().scaled(cyp27b1_vmax=0.5).cyp27b1_vmax
        125.0
        """
        names = {f.name for f in fields(self)}
        changes: dict[str, float] = {}
        for name, factor in factors.items():
            if name not in names:
                raise InputError(f"Parameters has no field {name!r}; see Parameters.table() for the "
                                 f"{len(names)} field names.")
            k = require_number(factor, f"scale factor for {name}", low=0.0, high=1e6)
            changes[name] = getattr(self, name) * k
        return replace(self, **changes)

    def table(self) -> "pd.DataFrame":
        """All parameters as a table: name, value, unit, source, evidence, description."""
        import pandas as pd

        rows = [{"name": f.name, "value": getattr(self, f.name), "unit": f.metadata["unit"],
                 "source": f.metadata["source"], "evidence": f.metadata["evidence"],
                 "description": f.metadata["description"]} for f in fields(self)]
        return pd.DataFrame(rows).set_index("name")


def parameter_info(name: str) -> Mapping[str, Any]:
    """Return the metadata (unit, source, description, evidence, range) of a parameter field."""
    for f in fields(Parameters):
        if f.name == name:
            return f.metadata
    raise InputError(f"Parameters has no field {name!r}; see Parameters.table() for the names.")


__all__ = ["CONSTANTS", "EVIDENCE_LEVELS", "Parameters", "parameter_info"]
