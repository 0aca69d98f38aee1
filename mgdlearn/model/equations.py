"""The physiology: one function computes every rate of the model from a state and the intakes.

The same code serves the solver (plain Python floats, fast) and the output table (numpy arrays
over the daily grid), so the flux columns are exactly the rates the solver integrated.
Mechanisms appear in the order of the pathway; each line names its parameter fields, whose
metadata give units and sources (see :mod:`mgdlearn.model.parameters`).
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

from mgdlearn.model.parameters import CONSTANTS, Parameters

#: State variables, in solver order, with units.
STATE: tuple[tuple[str, str], ...] = (
    ("vitd_gut_nmol_l", "nmol/L (vitamin D3 of a bolus not yet absorbed, per L of its volume)"),
    ("vitd_nmol_l", "nmol/L (serum vitamin D3)"),
    ("vitd_store_nmol_l", "nmol/L-equivalent (adipose vitamin D3 store)"),
    ("ohd25_nmol_l", "nmol/L (serum 25(OH)D)"),
    ("calcitriol_pmol_l", "pmol/L (serum 1,25(OH)2D)"),
    ("cyp27b1_activity", "1 (relative to the reference adult)"),
    ("ca_ion_mmol_l", "mmol/L (ionized calcium)"),
    ("mg_serum_mmol_l", "mmol/L (serum magnesium)"),
    ("mg_store_mmol", "mmol (exchangeable magnesium store)"),
)
N_STATE = len(STATE)
(I_GUT, I_D, I_STORE, I_H, I_C, I_E27, I_CA, I_MG, I_MGSTORE) = range(N_STATE)

#: Algebraic outputs returned after the derivatives by :func:`flows`, in order.
FLOW_NAMES: tuple[str, ...] = (
    "pth_pmol_l", "flux_cyp2r1", "flux_cyp27a1", "flux_cyp24a1_25", "flux_cyp27b1",
    "flux_cyp24a1_calcitriol", "cyp24a1_induction", "vdr_signal_pmol_l",
    "mg_factor_cyp2r1", "mg_factor_cyp27b1", "mg_factor_cyp24a1", "mg_factor_pth_secretion",
    "mg_factor_pth_action", "ca_absorbed_mmol", "ca_fractional_absorption", "ca_bone_resorption_mmol", "ca_bone_formation_mmol",
    "ca_urine_mmol", "mg_absorbed_mmol", "mg_fractional_absorption", "mg_urine_mmol",
)


class Rates:
    """Parameters turned into the constants the equations use, for one person.

    Parameters
    ----------
    p : Parameters
        Physiology.
    body_mass_kg : float
        Body mass; scales the vitamin D3 volume and adipose uptake.
    mg_clamp : float or None
        Serum magnesium held fixed (mmol/L), or ``None`` to let it follow intake.
    """

    __slots__ = (
        "iu_to_conc", "ka", "kup", "krel", "koth", "k2r1", "km2r1", "k27a1", "yld", "kH0", "k24H",
        "vmax27", "km27", "kT", "basal", "hp", "hp1", "sc", "sc1", "cref", "kC0", "k24C", "ind_max", "ind_ec50",
        "ind_norm", "htox", "sigtox", "ntox", "bvg", "bvec", "bvnorm", "pth_ref", "ca50", "nh", "pmin", "pspan", "sec_norm", "vca", "ca_pass",
        "ca_amax", "ca_akm", "ca_ec50", "e_ca", "bt", "bbasal", "bh", "bh1", "ca_ref", "u_ref", "m_ca", "ku",
        "ku1", "mmol_ca", "mmol_mg", "mref", "vmg", "store", "kex", "mg_para", "mg_tmax", "mg_tkm",
        "gain", "mg_ec50", "e_mg", "gfr_mg", "krn", "nr", "n_enz", "k2r1n", "k27b1n", "k24n",
        "norm2r1", "norm27b1", "norm24", "n_pth", "ksecn", "kactn", "normsec", "normact", "free",
        "mg_clamp", "body_ratio", "iu_to_gut",
    )

    def __init__(self, p: Parameters, body_mass_kg: float, mg_clamp: float | None) -> None:
        ref_mass = CONSTANTS["reference_body_mass_kg"][0]
        nmol_per_iu = CONSTANTS["nmol_per_iu_vitd3"][0]
        self.body_ratio = body_mass_kg / ref_mass
        volume = p.vitd_volume_l_per_kg * body_mass_kg
        self.iu_to_conc = nmol_per_iu / volume          # IU/day -> nmol/L/day of serum D3
        self.iu_to_gut = nmol_per_iu / volume           # IU (bolus) -> nmol/L in the gut state
        self.ka = p.bolus_absorption_per_day
        self.kup = p.adipose_uptake_per_day * self.body_ratio
        self.krel = p.adipose_release_per_day
        self.koth = p.vitd_other_clearance_per_day
        self.k2r1, self.km2r1 = p.cyp2r1_rate_per_day, p.cyp2r1_km_nmol_l
        self.k27a1, self.yld = p.cyp27a1_rate_per_day, p.ohd25_yield
        self.kH0, self.k24H = p.ohd25_clearance_per_day, p.cyp24a1_ohd25_rate_per_day
        self.vmax27, self.km27, self.kT = p.cyp27b1_vmax, p.cyp27b1_km_nmol_l, p.cyp27b1_turnover_per_day
        self.basal = p.cyp27b1_basal_fraction
        self.hp = p.cyp27b1_pth_headroom
        self.hp1 = 1.0 + self.hp
        self.sc = p.cyp27b1_calcitriol_suppression
        self.sc1 = 1.0 + self.sc
        self.cref = p.calcitriol_ref_pmol_l
        self.kC0, self.k24C = p.calcitriol_clearance_per_day, p.cyp24a1_calcitriol_rate_per_day
        self.ind_max, self.ind_ec50 = p.cyp24a1_induction_max, p.cyp24a1_induction_ec50_pmol_l
        self.ind_norm = 1.0 / (1.0 + self.ind_max * self.cref / (self.cref + self.ind_ec50))
        self.htox, self.sigtox, self.ntox = (p.ohd25_toxic_nmol_l, p.ohd25_toxic_signal_pmol_l,
                                             p.ohd25_toxic_hill)
        self.bvg, self.bvec = p.bone_vdr_gain, p.bone_vdr_ec50_pmol_l
        self.bvnorm = 1.0 / (1.0 + self.bvg * self.cref / (self.cref + self.bvec))
        # PTH: inverse sigmoid, equal to 1 at the set point.
        self.pth_ref, self.nh = p.pth_ref_pmol_l, p.pth_hill
        self.pmin, self.pspan = p.pth_min_fold, p.pth_max_fold - p.pth_min_fold
        # choose the half-point so that secretion(set point) = 1: pmin + span/(1+x0) = 1
        x0 = max(self.pspan / (1.0 - self.pmin) - 1.0, 1e-6) if self.pmin < 1.0 else 1.0
        self.ca50 = p.ca_set_point_mmol_l / x0 ** (1.0 / self.nh)
        self.sec_norm = 1.0 / (self.pmin + self.pspan / (1.0 + x0))
        # calcium
        self.vca, self.ca_pass = p.ca_pool_volume_l, p.ca_passive_fraction
        self.ca_amax, self.ca_akm, self.ca_ec50 = (p.ca_active_max_mmol_per_day, p.ca_active_km_mmol_per_day,
                                                   p.ca_vdr_ec50_pmol_l)
        self.e_ca, self.bt = p.ca_endogenous_loss_mmol_per_day, p.bone_turnover_mmol_per_day
        self.bbasal = p.bone_basal_fraction
        self.bh = p.bone_pth_headroom
        self.bh1 = 1.0 + self.bh
        self.ca_ref, self.u_ref, self.m_ca = p.ca_set_point_mmol_l, p.renal_ca_ref_mmol_per_day, p.renal_ca_exponent
        self.ku = p.renal_ca_pth_sensitivity
        self.ku1 = 1.0 + self.ku
        self.mmol_ca = CONSTANTS["mmol_per_mg_ca"][0]
        # magnesium
        self.mmol_mg = CONSTANTS["mmol_per_mg_mg"][0]
        self.mref, self.vmg = p.mg_ref_mmol_l, p.mg_pool_volume_l
        self.store, self.kex = p.mg_store_mmol_per_mmol_l, p.mg_store_exchange_per_day
        self.mg_para, self.mg_tmax = p.mg_paracellular_fraction, p.mg_transcellular_max_fraction
        self.mg_tkm = p.mg_transcellular_km_mmol_per_day
        self.gain, self.mg_ec50 = p.calcitriol_mg_absorption_gain, p.mg_vdr_ec50_pmol_l
        self.e_mg, self.gfr_mg = p.mg_endogenous_loss_mmol_per_day, p.renal_mg_filtered_l_per_day
        self.nr = p.renal_mg_hill
        self.krn = p.renal_mg_fe_k_mmol_l ** self.nr
        # magnesium factors: Hill functions of serum Mg, equal to 1 at mg_ref
        self.n_enz = p.mg_enzyme_hill
        mref_e = self.mref ** self.n_enz
        self.k2r1n = p.cyp2r1_mg_k ** self.n_enz
        self.k27b1n = p.cyp27b1_mg_k ** self.n_enz
        self.k24n = p.cyp24a1_mg_k ** self.n_enz
        self.norm2r1 = (self.k2r1n + mref_e) / mref_e
        self.norm27b1 = (self.k27b1n + mref_e) / mref_e
        self.norm24 = (self.k24n + mref_e) / mref_e
        self.n_pth = p.pth_mg_hill
        mref_p = self.mref ** self.n_pth
        self.ksecn = p.pth_secretion_mg_k ** self.n_pth
        self.kactn = p.pth_action_mg_k ** self.n_pth
        self.normsec = (self.ksecn + mref_p) / mref_p
        self.normact = (self.kactn + mref_p) / mref_p
        self.mg_clamp = mg_clamp
        self.free = 0.0 if mg_clamp is not None else 1.0


def flows(y: Sequence[Any], u: Sequence[Any], r: Rates) -> tuple:
    """Derivatives and algebraic outputs of the model.

    Parameters
    ----------
    y : sequence of 9 floats or arrays
        State in the order of :data:`STATE`, all >= 0 (callers clip solver round-off first, which
        keeps every power real).
    u : sequence of 4 floats or arrays
        Oral vitamin D (IU/day), sun (IU/day), magnesium (mg/day), calcium (mg/day).
    r : Rates
        Constants for this person.

    Returns
    -------
    tuple
        Nine derivatives (per day) followed by the outputs named in :data:`FLOW_NAMES`.
    """
    G, D, S, H, C, E, Ca, m, Ms = y         # m: serum magnesium
    vd_iu, sun_iu, mg_mg, ca_mg = u

    # Magnesium as a cofactor (uwitonze2018; modest, uncertain) and for PTH (fatemi1991, rude1985).
    mn = m ** r.n_enz
    f2r1 = r.norm2r1 * mn / (r.k2r1n + mn)
    f27b1 = r.norm27b1 * mn / (r.k27b1n + mn)
    f24 = r.norm24 * mn / (r.k24n + mn)
    mp = m ** r.n_pth
    fsec = r.normsec * mp / (r.ksecn + mp)
    fact = r.normact * mp / (r.kactn + mp)

    # Vitamin D3: intake and skin, bolus absorption, adipose store, 25-hydroxylation (liver).
    d_in = (vd_iu + sun_iu) * r.iu_to_conc
    hyd2r1 = r.k2r1 * f2r1 * D / (1.0 + D / r.km2r1)       # saturable CYP2R1 (zhu2013)
    hyd27a1 = r.k27a1 * f2r1 * D                            # low-affinity CYP27A1
    dG = -r.ka * G
    dD = d_in + r.ka * G - hyd2r1 - hyd27a1 - (r.koth + r.kup) * D + r.krel * S
    dS = r.kup * D - r.krel * S
    flux_2r1 = r.yld * hyd2r1
    flux_27a1 = r.yld * hyd27a1

    # Vitamin D receptor signal and CYP24A1 induction (jones2012).
    ht = (H / r.htox) ** r.ntox
    vdr = C + r.sigtox * ht / (1.0 + ht)     # toxic 25(OH)D adds signal (jones2008)
    e24 = r.ind_norm * (1.0 + r.ind_max * vdr / (vdr + r.ind_ec50))
    flux_24h = r.k24H * e24 * f24 * H
    dH = flux_2r1 + flux_27a1 - r.kH0 * H - flux_24h

    # PTH, quasi-steady (half-life minutes): inverse sigmoid of ionized Ca (peterson2010),
    # scaled by the chronic magnesium dependence of secretion.
    sec = r.sec_norm * (r.pmin + r.pspan / (1.0 + (Ca / r.ca50) ** r.nh))
    pth = r.pth_ref * sec * fsec
    signal = sec * fsec * fact          # PTH effect at kidney and bone, relative to reference

    # Kidney CYP27B1 (stimulated by PTH, suppressed by calcitriol) and calcitriol clearance.
    pth_drive = r.basal + (1.0 - r.basal) * r.hp1 * signal / (r.hp + signal)
    stim = pth_drive * r.sc1 / (1.0 + r.sc * C / r.cref)
    dE = r.kT * (stim - E)
    flux_27b1 = r.vmax27 * E * f27b1 * H / (r.km27 + H)
    flux_24c = r.k24C * e24 * f24 * C
    dC = flux_27b1 - r.kC0 * C - flux_24c

    # Calcium: gut absorption (calcitriol), bone exchange and kidney (PTH).
    ca_in = ca_mg * r.mmol_ca
    ca_frac = r.ca_pass + r.ca_amax * vdr / (vdr + r.ca_ec50) / (r.ca_akm + ca_in)
    ca_abs = ca_frac * ca_in
    cr = Ca / r.ca_ref
    pth_resorb = r.bbasal + (1.0 - r.bbasal) * r.bh1 * signal / (r.bh + signal)
    resorb = pth_resorb * r.bvnorm * (1.0 + r.bvg * vdr / (vdr + r.bvec))
    bone_out, bone_in = r.bt * resorb, r.bt * cr
    ca_urine = r.u_ref * cr ** r.m_ca * r.ku1 / (1.0 + r.ku * signal)
    dCa = (ca_abs + bone_out - bone_in - ca_urine - r.e_ca * cr) / r.vca

    # Magnesium: gut absorption (paracellular, saturable transcellular, calcitriol loop),
    # kidney threshold, endogenous loss, exchangeable store.
    mg_in = mg_mg * r.mmol_mg
    mg_frac = r.mg_para + r.mg_tmax * r.mg_tkm / (r.mg_tkm + mg_in) + r.gain * vdr / (vdr + r.mg_ec50)
    mg_abs = mg_frac * mg_in
    mr = m ** r.nr
    mg_urine = r.gfr_mg * m * mr / (r.krn + mr)   # filtered load x fractional excretion
    exch = r.kex * (r.store * m - Ms)
    dM = r.free * (mg_abs - mg_urine - r.e_mg * m / r.mref - exch) / r.vmg
    dMs = exch

    return (dG, dD, dS, dH, dC, dE, dCa, dM, dMs,
            pth, flux_2r1, flux_27a1, flux_24h, flux_27b1, flux_24c, e24, vdr,
            f2r1, f27b1, f24, fsec, fact, ca_abs, ca_frac, bone_out, bone_in, ca_urine, mg_abs, mg_frac, mg_urine)


def make_rhs(r: Rates, u: tuple[float, float, float, float]) -> Callable[[float, Any], list[float]]:
    """Return ``rhs(t, y)`` for :func:`scipy.integrate.solve_ivp` with constant intakes ``u``."""

    def rhs(t: float, y: Any) -> list[float]:
        # a stiff solver may probe slightly negative states: evaluate the rates at >= 0
        return list(flows([v if v > 0.0 else 0.0 for v in y.tolist()], u, r)[:N_STATE])

    return rhs


__all__ = ["FLOW_NAMES", "N_STATE", "Rates", "STATE", "flows", "make_rhs"]
