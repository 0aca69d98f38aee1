"""The teaching model meets each calibration target of issue 3 (docs/model.md lists the values).

Targets 1-9 are checked here, target 10 (no negative or non-finite output) in
``test_model_properties.py``. Each test states the physiology it protects.
"""
from __future__ import annotations

import math

import numpy as np
import pytest

from mgdlearn.model import Parameters, Scenario, simulate, steady_state


@pytest.fixture(scope="module")
def normal():
    """Steady state of the reference adult (600 IU/day + background, 350 mg Mg, 1000 mg Ca)."""
    return steady_state(Scenario())


def _half_life_from_decay(values: np.ndarray, days: np.ndarray) -> float:
    slope = np.polyfit(days, np.log(values), 1)[0]
    return math.log(2) / -slope


# --- target 1: 25(OH)D kinetics ------------------------------------------------------------
def test_25ohd_elimination_half_life_is_10_to_25_days_after_all_intake_stops():
    res = simulate(Scenario(vitamin_d_iu_per_day=0, sun_iu_per_day=0), days=60, start=Scenario())
    h = res.df["ohd25_nmol_l"]
    # terminal (log-linear) phase, after serum vitamin D3 itself has cleared
    assert 10 <= _half_life_from_decay(h.loc[10:40].to_numpy(), np.arange(10, 41)) <= 25
    # and the plain "time to half" from the day intake stops
    first_half = int(np.argmax(h.to_numpy() <= h.iloc[0] / 2))
    assert 10 <= first_half <= 25


@pytest.mark.parametrize("before, after", [(600, 2000), (600, 4000), (2000, 600)])
def test_80_to_95_percent_of_a_new_25ohd_steady_state_is_reached_in_2_to_4_months(before, after):
    start = Scenario(vitamin_d_iu_per_day=before)
    target = Scenario(vitamin_d_iu_per_day=after)
    h0, h_new = steady_state(start)["ohd25_nmol_l"], steady_state(target)["ohd25_nmol_l"]
    h = simulate(target, days=120, start=start).df["ohd25_nmol_l"]
    reached = (h - h0) / (h_new - h0)
    assert 0.80 <= reached[60] <= 0.95
    assert reached[120] >= 0.80


# --- target 2: the reference adult --------------------------------------------------------
def test_reference_adult_steady_state_lies_in_the_normal_ranges(normal):
    assert 50 <= normal["ohd25_nmol_l"] <= 80
    assert 48 <= normal["calcitriol_pmol_l"] <= 144
    assert 1.6 <= normal["pth_pmol_l"] <= 6.9
    assert 0.75 <= normal["mg_serum_mmol_l"] <= 0.95
    assert 1.15 <= normal["ca_ion_mmol_l"] <= 1.30


# --- target 3: dose-response --------------------------------------------------------------
def test_each_extra_100_iu_between_400_and_2000_raises_25ohd_by_1_2_to_3_nmol_l():
    doses = np.arange(400, 2001, 200)
    h = np.array([steady_state(Scenario(vitamin_d_iu_per_day=float(d)))["ohd25_nmol_l"] for d in doses])
    per_100_iu = np.diff(h) / 2.0
    assert np.all((per_100_iu >= 1.2) & (per_100_iu <= 3.0)), per_100_iu


def test_dose_response_flattens_above_4000_iu():
    def h(d: float) -> float:
        return float(steady_state(Scenario(vitamin_d_iu_per_day=d))["ohd25_nmol_l"])

    low_slope = (h(1000) - h(400)) / 600
    high_slope = (h(6000) - h(4000)) / 2000
    assert high_slope < low_slope


# --- target 4: calcitriol -----------------------------------------------------------------
def test_calcitriol_half_life_is_4_to_15_hours_when_production_stops():
    base = simulate(Scenario(), days=1)
    stopped = simulate(Scenario(), days=1, start=base, params=Parameters().scaled(cyp27b1_vmax=0.0))
    c = stopped.df["calcitriol_pmol_l"]
    half_life_h = 24 * math.log(2) / math.log(c[0] / c[1])
    assert 4 <= half_life_h <= 15


def test_calcitriol_is_tightly_regulated_over_a_wide_range_of_25ohd(normal):
    scenarios = [Scenario(vitamin_d_iu_per_day=1000, sun_iu_per_day=0),     # about 35 nmol/L
                 Scenario(vitamin_d_iu_per_day=0),                          # about 50 nmol/L
                 Scenario(vitamin_d_iu_per_day=4000),                       # about 120 nmol/L
                 Scenario(vitamin_d_iu_per_day=10000)]                      # about 175 nmol/L
    for sc in scenarios:
        ss = steady_state(sc)
        assert 48 <= ss["calcitriol_pmol_l"] <= 144
        assert abs(ss["calcitriol_pmol_l"] / normal["calcitriol_pmol_l"] - 1) <= 0.10, (sc, ss["ohd25_nmol_l"])
    h_values = [steady_state(sc)["ohd25_nmol_l"] for sc in scenarios]
    assert min(h_values) < 40 and max(h_values) > 150       # the range really is wide


def test_calcitriol_falls_only_in_real_vitamin_d_deficiency(normal):
    deficient = steady_state(Scenario(vitamin_d_iu_per_day=200, sun_iu_per_day=0))
    assert deficient["ohd25_nmol_l"] < 25
    assert deficient["calcitriol_pmol_l"] < 0.8 * normal["calcitriol_pmol_l"]
    assert deficient["pth_pmol_l"] > normal["pth_pmol_l"]


# --- target 5: low calcium intake ---------------------------------------------------------
def test_low_calcium_intake_raises_pth_and_calcitriol(normal):
    low_ca = steady_state(Scenario(calcium_mg_per_day=300))
    assert low_ca["pth_pmol_l"] > 1.1 * normal["pth_pmol_l"]
    assert low_ca["calcitriol_pmol_l"] > 1.05 * normal["calcitriol_pmol_l"]
    assert low_ca["ca_fractional_absorption"] > normal["ca_fractional_absorption"]


# --- target 6: severe magnesium deficiency (Rude 1985) -------------------------------------
def test_severe_magnesium_deficiency_lowers_calcitriol_without_a_pth_rise(normal):
    severe = steady_state(Scenario(serum_mg_mmol_l=0.4))
    assert severe["calcitriol_pmol_l"] <= 0.70 * normal["calcitriol_pmol_l"]
    assert severe["ca_ion_mmol_l"] < normal["ca_ion_mmol_l"] - 0.05
    assert severe["pth_pmol_l"] <= normal["pth_pmol_l"]


def test_severe_magnesium_deficiency_keeps_25ohd_within_15_percent_of_normal(normal):
    # Rude 1985: 25OHD 13.2 ng/mL before and 14.8 after magnesium repletion, not different
    for sc in (Scenario(serum_mg_mmol_l=0.45), Scenario(magnesium_mg_per_day=20)):
        severe = steady_state(sc)
        assert severe["mg_serum_mmol_l"] <= 0.45
        assert abs(severe["ohd25_nmol_l"] / normal["ohd25_nmol_l"] - 1) <= 0.15, sc
        assert severe["calcitriol_pmol_l"] <= 0.70 * normal["calcitriol_pmol_l"]
        assert severe["pth_pmol_l"] <= normal["pth_pmol_l"]
        assert severe["ca_ion_mmol_l"] < 1.15


def test_vitamin_d_resistance_is_a_blunted_calcitriol_response_in_severe_depletion():
    # "resistance" in the clinical literature: the calcitriol (and calcium) response, not 25(OH)D.
    # The model meets the calcitriol half of the target; the calcium half it cannot (docs/model.md).
    def response(clamp: float | None) -> float:
        before = steady_state(Scenario(serum_mg_mmol_l=clamp))
        after = steady_state(Scenario(vitamin_d_iu_per_day=4000, serum_mg_mmol_l=clamp))
        return float(after["calcitriol_pmol_l"] - before["calcitriol_pmol_l"])

    assert response(0.45) < 0.5 * response(None)


def test_in_severe_depletion_vitamin_d_leaves_the_hypocalcaemia_and_magnesium_corrects_it():
    # The calcium half of "resistance" as Rude 1985 saw it: hypocalcaemia that vitamin D does not
    # correct and magnesium does. (Compared as a ratio of gains it is ill-posed: at normal magnesium
    # feedback holds ionized calcium almost fixed, so both gains are a few thousandths of a mmol/L.)
    depleted = Scenario(serum_mg_mmol_l=0.45)
    more_d = simulate(Scenario(vitamin_d_iu_per_day=4000, serum_mg_mmol_l=0.45), days=90, start=depleted)
    assert more_d.final["ca_ion_mmol_l"] < 1.15                                    # still hypocalcaemic
    assert more_d.final["ca_ion_mmol_l"] - float(more_d.df["ca_ion_mmol_l"].iloc[0]) < 0.01
    repleted = simulate(Scenario(), days=7, start=depleted)                        # the clamp released
    assert repleted.final["ca_ion_mmol_l"] >= 1.15


# --- target 7: mild chronic depletion (Fatemi 1991) ----------------------------------------
def test_mild_magnesium_depletion_lowers_calcitriol_10_to_35_percent_with_pth_unchanged(normal):
    mild = steady_state(Scenario(serum_mg_mmol_l=0.6))
    drop = 1 - mild["calcitriol_pmol_l"] / normal["calcitriol_pmol_l"]
    assert 0.10 <= drop <= 0.35
    assert abs(mild["pth_pmol_l"] / normal["pth_pmol_l"] - 1) <= 0.25
    assert 0.005 <= normal["ca_ion_mmol_l"] - mild["ca_ion_mmol_l"] <= 0.06     # slightly lower


def test_mild_depletion_keeps_pth_below_what_the_calcium_fall_alone_would_cause(normal):
    mild = steady_state(Scenario(serum_mg_mmol_l=0.6))
    pth_from_calcium_alone = mild["pth_pmol_l"] / mild["mg_factor_pth_secretion"]
    assert pth_from_calcium_alone > 1.05 * normal["pth_pmol_l"]
    assert mild["pth_pmol_l"] < pth_from_calcium_alone


def test_serum_magnesium_falls_over_weeks_on_a_near_zero_intake():
    # Fatemi 1991: a 3-week low-magnesium diet took serum Mg from 0.80 to 0.61 mmol/L
    mg = simulate(Scenario(magnesium_mg_per_day=10), days=21, start=Scenario()).df["mg_serum_mmol_l"]
    assert mg[3] > 0.75                 # not within days
    assert 0.55 <= mg[21] <= 0.70       # but clearly within three weeks
    assert np.all(np.diff(mg.to_numpy()) < 0)


# --- target 8: restoring magnesium (Rude 1985: calcium recovers through PTH, calcitriol lags) ---
def test_releasing_a_severe_magnesium_clamp_restores_pth_and_calcium_within_days_and_calcitriol_over_weeks():
    df = simulate(Scenario(), days=90, start=Scenario(serum_mg_mmol_l=0.45)).df
    final = steady_state(Scenario())
    assert df["pth_pmol_l"][2] >= 1.6 and df["pth_pmol_l"][2] > df["pth_pmol_l"][0]
    assert 1.15 <= df["ca_ion_mmol_l"][7] <= 1.30
    assert df["calcitriol_pmol_l"][7] < 0.60 * final["calcitriol_pmol_l"]
    assert df["calcitriol_pmol_l"][90] >= 0.85 * final["calcitriol_pmol_l"]


def test_oral_repletion_from_deep_depletion_raises_pth_at_once_while_calcitriol_lags():
    df = simulate(Scenario(), days=90, start=Scenario(magnesium_mg_per_day=20)).df
    final = steady_state(Scenario())
    assert df["pth_pmol_l"][2] >= 1.6
    assert df["calcitriol_pmol_l"][7] < 0.60 * final["calcitriol_pmol_l"]
    assert df["calcitriol_pmol_l"][90] >= 0.85 * final["calcitriol_pmol_l"]
    assert df["ca_ion_mmol_l"][28] >= 1.15     # oral magnesium refills the store over weeks (docs/model.md)


# --- target 9: the calcitriol -> magnesium absorption loop ----------------------------------
def test_switching_off_calcitriol_action_on_mg_absorption_lowers_serum_mg_on_a_low_intake():
    low_mg = Scenario(magnesium_mg_per_day=150)
    on = simulate(low_mg, days=365)
    off = simulate(low_mg, days=365, start=low_mg, params=Parameters(calcitriol_mg_absorption_gain=0))
    assert off.final["mg_serum_mmol_l"] < on.final["mg_serum_mmol_l"] - 0.005
    assert off.final["mg_fractional_absorption"] < on.final["mg_fractional_absorption"]


def test_calcitriol_raises_fractional_magnesium_absorption_modestly():
    base = steady_state(Scenario(magnesium_mg_per_day=150))
    no_loop = steady_state(Scenario(magnesium_mg_per_day=150), Parameters(calcitriol_mg_absorption_gain=0))
    extra = base["mg_fractional_absorption"] - no_loop["mg_fractional_absorption"]
    assert 0.01 <= extra <= 0.10          # a modest share, as the mixed evidence supports
