"""The model's analysis API: rates at a state, magnesium balance, Jacobian, loop gain, the gland, the
opened loop. Views compute these through it instead of from the equations' internals."""
from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from mgdlearn.errors import InputError
from mgdlearn.model import Parameters, Scenario, steady_state
from mgdlearn.model.analysis import (
    MagnesiumBalance,
    balanced_serum_mg,
    gland_pth,
    jacobian,
    loop_gain,
    max_loop_strength,
    open_loop,
    rates_at,
)


def _strength(value: float) -> Parameters:
    return replace(Parameters(), calcitriol_mg_absorption_gain=value)


# ---- rates at a state ----------------------------------------------------------------------
def test_at_a_steady_state_every_rate_is_zero_and_the_outputs_are_the_models():
    sc = Scenario(magnesium_mg_per_day=150, vitamin_d_iu_per_day=1000)
    ss = steady_state(sc)
    rates = rates_at(ss, sc)
    assert set(rates.derivatives) >= {"ohd25_nmol_l", "calcitriol_pmol_l", "mg_serum_mmol_l"}
    assert all(abs(v) < 1e-5 for v in rates.derivatives.values())
    assert rates.outputs["pth_pmol_l"] == pytest.approx(ss["pth_pmol_l"], rel=1e-9)
    assert rates.outputs["flux_cyp27b1"] == pytest.approx(ss["flux_cyp27b1"], rel=1e-9)


def test_rates_at_a_displaced_state_point_back_to_the_steady_state():
    sc = Scenario()
    ss = steady_state(sc).copy()
    ss["ohd25_nmol_l"] *= 1.2
    assert rates_at(ss, sc).derivatives["ohd25_nmol_l"] < 0, "too much 25(OH)D: it falls"


def test_rates_at_names_a_missing_state_and_refuses_what_is_not_a_state():
    with pytest.raises(InputError, match="ohd25_nmol_l"):
        rates_at({"calcitriol_pmol_l": 90.0}, Scenario())
    with pytest.raises(TypeError, match="model output row"):
        rates_at(3.0, Scenario())
    with pytest.raises(TypeError, match="Scenario"):
        rates_at(steady_state(Scenario()), "Scenario()")


# ---- magnesium balance ---------------------------------------------------------------------
def test_the_balance_holds_at_the_steady_state_and_more_calcitriol_raises_serum_magnesium():
    sc = Scenario(magnesium_mg_per_day=60)
    ss = steady_state(sc)
    c0, m0 = float(ss["calcitriol_pmol_l"]), float(ss["mg_serum_mmol_l"])
    balance = MagnesiumBalance(sc, state=ss)
    assert abs(balance.net_gain(m0, c0)) < 1e-7
    assert balance.serum_mg(c0) == pytest.approx(m0, rel=1e-6)
    assert balanced_serum_mg(2 * c0, sc) > m0, "calcitriol raises absorption: the balance moves up"
    off = open_loop(Parameters())
    assert balanced_serum_mg(2 * c0, sc, off) == pytest.approx(balanced_serum_mg(c0, sc, off), rel=1e-9)


def test_the_balance_ignores_a_clamp_and_refuses_negative_calcitriol():
    sc = Scenario(magnesium_mg_per_day=150)
    ss = steady_state(sc)
    c0 = float(ss["calcitriol_pmol_l"])
    clamped = replace(sc, serum_mg_mmol_l=0.5)
    assert balanced_serum_mg(c0, clamped, state=ss) == pytest.approx(balanced_serum_mg(c0, sc, state=ss))
    with pytest.raises(InputError, match="pmol/L"):
        balanced_serum_mg(-1.0, sc)


# ---- Jacobian and loop gain ----------------------------------------------------------------
def test_the_jacobian_is_named_and_shows_clearance():
    sc = Scenario()
    jac = jacobian(steady_state(sc), sc)
    assert jac.matrix.shape == (len(jac.names), len(jac.names))
    assert jac.d("ohd25_nmol_l", "ohd25_nmol_l") < 0, "25(OH)D is cleared in proportion to itself"
    assert jac.d("calcitriol_pmol_l", "ohd25_nmol_l") > 0, "25(OH)D is the substrate of calcitriol"


@pytest.mark.parametrize("strength, intake", [(0.4, 30.0), (0.1, 150.0), (0.1, 600.0)])
def test_the_loop_gains_slopes_are_those_of_the_two_curves_through_the_steady_state(strength, intake):
    """Calcitriol with serum Mg clamped 1 % above and below; the balanced serum Mg with calcitriol
    held 1 % above and below (log-log slopes, central differences)."""

    def slope(curve, at):  # noqa: ANN001
        up, down = curve(at * 1.01), curve(at * 0.99)
        return (math.log(up) - math.log(down)) / (math.log(1.01) - math.log(0.99))

    p = _strength(strength)
    sc = Scenario(magnesium_mg_per_day=intake)
    ss = steady_state(sc, p)
    g = loop_gain(sc, p)
    clamped = lambda m: steady_state(replace(sc, serum_mg_mmol_l=m), p)["calcitriol_pmol_l"]  # noqa: E731
    balanced = lambda c: balanced_serum_mg(c, sc, p, ss)  # noqa: E731
    assert g.sensitivity_calcitriol_to_mg == pytest.approx(slope(clamped, ss["mg_serum_mmol_l"]), rel=1e-3)
    assert g.sensitivity_mg_to_calcitriol == pytest.approx(slope(balanced, ss["calcitriol_pmol_l"]), rel=1e-3)
    assert g.gain == pytest.approx(g.sensitivity_calcitriol_to_mg * g.sensitivity_mg_to_calcitriol)


def test_the_loop_gain_predicts_how_much_the_loop_amplifies_a_small_push():
    strength, intake = 0.4, 30.0
    p_on = _strength(strength)
    sc = Scenario(magnesium_mg_per_day=intake)
    ss = steady_state(sc, p_on)
    g = loop_gain(sc, p_on, state=ss)
    assert 0 < g.gain < 1
    # open the loop at this operating point: absorption frozen at the calcitriol effect it has here
    vdr = float(ss["vdr_signal_pmol_l"])
    p_open = replace(p_on, calcitriol_mg_absorption_gain=0.0,
                     mg_paracellular_fraction=p_on.mg_paracellular_fraction + strength * vdr / (vdr + p_on.mg_vdr_ec50_pmol_l))
    pushed = replace(sc, magnesium_mg_per_day=intake + 0.5)
    closed = steady_state(pushed, p_on)["mg_serum_mmol_l"] - ss["mg_serum_mmol_l"]
    opened = steady_state(pushed, p_open)["mg_serum_mmol_l"] - steady_state(sc, p_open)["mg_serum_mmol_l"]
    assert closed / opened == pytest.approx(g.amplification, abs=0.1 * g.gain)


# ---- the opened loop -----------------------------------------------------------------------
def test_the_opened_loop_absorbs_as_much_in_the_reference_adult_and_has_no_gain():
    on = _strength(0.3)
    off = open_loop(on)
    assert off.calcitriol_mg_absorption_gain == 0.0
    assert off.mg_paracellular_fraction > on.mg_paracellular_fraction
    ref_on, ref_off = steady_state(Scenario(), on), steady_state(Scenario(), off)
    assert ref_off["mg_absorbed_mg_per_day"] == pytest.approx(ref_on["mg_absorbed_mg_per_day"], rel=1e-6)
    assert loop_gain(Scenario(magnesium_mg_per_day=30), off).gain == pytest.approx(0.0, abs=1e-9)
    assert max_loop_strength() == pytest.approx(1 - 0.2 - 0.4)


# ---- the gland ------------------------------------------------------------------------------
@pytest.mark.parametrize("mg", [0.85, 0.6, 0.45])
def test_gland_pth_is_the_models_own_pth(mg):
    ss = steady_state(Scenario(serum_mg_mmol_l=mg))
    assert float(gland_pth(ss["ca_ion_mmol_l"], mg)) == pytest.approx(ss["pth_pmol_l"], rel=1e-9)


def test_gland_pth_broadcasts_rises_as_calcium_falls_and_refuses_nonsense():
    pth = gland_pth(np.array([1.3, 1.2, 1.1, 1.0]), 0.85)
    assert pth.shape == (4,) and np.all(np.diff(pth) > 0)
    assert gland_pth(1.2, np.array([[0.4], [0.85]])).shape == (2, 1)
    with pytest.raises(InputError, match="0.2 to 3 mmol/L"):
        gland_pth(12.0, 0.85)
    with pytest.raises(TypeError, match="number or an array"):
        gland_pth("1.2", 0.85)


def test_rates_at_a_steady_state_are_zero_for_a_person_with_low_kidney_function_and_a_condition():
    """The analysis sees the same person as the solver: eGFR and conditions included."""
    from mgdlearn.model import Scenario, steady_state
    from mgdlearn.model.analysis import rates_at

    sc = Scenario(egfr_ml_min=20, conditions=("ppi",), magnesium_mg_per_day=250)
    ss = steady_state(sc)
    rates = rates_at(ss, sc).derivatives
    assert max(abs(v) for v in rates.values()) < 1e-5
    # and at the healthy person's steady state the same patient's body is not at rest
    healthy = steady_state(Scenario(magnesium_mg_per_day=250))
    assert max(abs(v) for v in rates_at(healthy, sc).derivatives.values()) > 1e-3
