"""The model's API as lessons, widgets and exercises use it: results, schedules, parameters,
warnings and the errors a student sees for bad input."""
from __future__ import annotations

import dataclasses
import math
import subprocess
import sys

import numpy as np
import pytest

from mgdlearn.bibliography import REFERENCES
from mgdlearn.errors import InputError
from mgdlearn.model import (
    COLUMNS,
    Bolus,
    Parameters,
    Result,
    Scenario,
    Supplement,
    parameter_info,
    simulate,
    simulate_sequence,
    steady_state,
    steady_state_sweep,
)


# --- results ----------------------------------------------------------------------------------
def test_simulate_returns_one_row_per_day_with_the_documented_columns():
    res = simulate(Scenario(), days=30)
    assert isinstance(res, Result)
    assert list(res.df.columns) == list(COLUMNS)
    assert res.df.index.name == "day"
    assert list(res.df.index) == list(range(31))
    assert dict(res.final) == pytest.approx(res.df.iloc[-1].to_dict())
    assert all(isinstance(v, float) for v in res.final.values())
    with pytest.raises(TypeError):
        res.final["ohd25_nmol_l"] = 0.0          # read-only


def test_steady_state_has_the_same_columns_and_is_where_a_run_stays():
    ss = steady_state(Scenario())
    assert list(ss.index) == list(COLUMNS)
    res = simulate(Scenario(), days=200)
    for col in ("ohd25_nmol_l", "calcitriol_pmol_l", "pth_pmol_l", "ca_ion_mmol_l", "mg_serum_mmol_l"):
        assert res.df[col].to_numpy() == pytest.approx(ss[col], rel=1e-4)
    assert ss["vc_indicator_days"] == 0.0


def test_runs_are_deterministic():
    sc = Scenario(vitamin_d_iu_per_day=3000, magnesium_mg_per_day=120,
                  schedule=(Bolus(50_000, day=20), Supplement(magnesium_mg_per_day=200, start_day=40)))
    a, b = simulate(sc, days=120, start=Scenario()), simulate(sc, days=120, start=Scenario())
    assert a.df.equals(b.df)
    assert steady_state(sc).equals(steady_state(sc))


def test_a_run_can_be_continued_from_its_result():
    sc = Scenario(vitamin_d_iu_per_day=2000, magnesium_mg_per_day=150)
    whole = simulate(sc, days=120, start=Scenario())
    first = simulate(sc, days=60, start=Scenario())
    second = simulate(sc, days=60, start=first)
    for col in ("ohd25_nmol_l", "mg_serum_mmol_l", "calcitriol_pmol_l"):
        assert second.final[col] == pytest.approx(whole.final[col], rel=1e-3)


def test_a_sequence_of_scenarios_is_the_same_as_runs_continued_one_after_another():
    winter, summer = Scenario(sun_iu_per_day=0), Scenario(sun_iu_per_day=3000, magnesium_mg_per_day=200)
    seq = simulate_sequence([(winter, 60), (summer, 45)], start=Scenario())
    first = simulate(winter, days=60, start=Scenario())
    second = simulate(summer, days=45, start=first)
    assert list(seq.df.index) == list(range(106)) and list(seq.df.columns) == list(COLUMNS)
    expected = np.concatenate([first.df["ohd25_nmol_l"].to_numpy(), second.df["ohd25_nmol_l"].to_numpy()[1:]])
    assert seq.df["ohd25_nmol_l"].to_numpy() == pytest.approx(expected, rel=1e-9)
    assert seq.df["sun_iu_per_day"].iloc[60] == 0 and seq.df["sun_iu_per_day"].iloc[61] == 3000
    assert seq.state == pytest.approx(second.state) and seq.scenario == summer
    one = simulate_sequence([(winter, 30)], start=Scenario())
    assert one.df.equals(simulate(winter, days=30, start=Scenario()).df)


def test_bad_sequences_are_refused_with_a_reason():
    with pytest.raises(InputError, match="at least one"):
        simulate_sequence([])
    with pytest.raises(InputError, match="one person"):
        simulate_sequence([(Scenario(), 10), (Scenario(body_mass_kg=90), 10)])
    with pytest.raises(InputError, match="3650"):
        simulate_sequence([(Scenario(), 3000), (Scenario(), 1000)])
    with pytest.raises(TypeError, match="pair"):
        simulate_sequence([Scenario()])
    with pytest.raises(TypeError):
        simulate_sequence([("not a scenario", 10)])


def test_a_steady_state_sweep_gives_each_scenarios_steady_state():
    scenarios = ([Scenario(vitamin_d_iu_per_day=iu) for iu in (0, 400, 800, 4000)]
                 + [Scenario(serum_mg_mmol_l=m) for m in (0.4, 0.6, 0.85)]
                 + [Scenario(magnesium_mg_per_day=mg, body_mass_kg=90) for mg in (25, 600)])
    sweep = steady_state_sweep(scenarios)
    assert list(sweep.columns) == list(COLUMNS) and len(sweep) == len(scenarios)
    for i, sc in enumerate(scenarios):
        assert sweep.iloc[i].to_numpy() == pytest.approx(steady_state(sc).to_numpy(), rel=1e-8, abs=1e-12)
    assert steady_state_sweep([Scenario(vitamin_d_iu_per_day=20_000)]).attrs["warnings"]
    with pytest.raises(TypeError):
        steady_state_sweep([Scenario(), "not a scenario"])


def test_fluxes_balance_at_steady_state():
    ss = steady_state(Scenario(vitamin_d_iu_per_day=1200, magnesium_mg_per_day=250))
    p = Parameters()
    made = ss["flux_cyp2r1"] + ss["flux_cyp27a1"]
    removed = ss["flux_cyp24a1_25"] + p.ohd25_clearance_per_day * ss["ohd25_nmol_l"]
    assert made == pytest.approx(removed, rel=1e-5)
    calcitriol_out = ss["flux_cyp24a1_calcitriol"] + p.calcitriol_clearance_per_day * ss["calcitriol_pmol_l"]
    assert ss["flux_cyp27b1"] == pytest.approx(calcitriol_out, rel=1e-5)
    # magnesium in = magnesium out (urine + endogenous loss)
    lost = ss["mg_urine_mg_per_day"] + p.mg_endogenous_loss_mmol_per_day * 24.305 * ss["mg_serum_mmol_l"] / p.mg_ref_mmol_l
    assert ss["mg_absorbed_mg_per_day"] == pytest.approx(lost, rel=1e-4)
    assert ss["mg_fractional_absorption"] == pytest.approx(ss["mg_absorbed_mg_per_day"] / 250, rel=1e-9)


def test_magnesium_factors_are_one_at_normal_magnesium_and_lower_when_low():
    normal = steady_state(Scenario(serum_mg_mmol_l=0.85))
    low = steady_state(Scenario(serum_mg_mmol_l=0.5))
    names = [c for c in COLUMNS if c.startswith("mg_factor_")]
    assert len(names) == 6          # five from v1, plus the calcitriol-action factor of v2
    for name in names:
        assert normal[name] == pytest.approx(1.0)
        assert low[name] < 1.0 - 1e-3, name     # lower at 0.5 mmol/L (the v2 action factors only slightly)


def test_clamping_serum_magnesium_holds_it_for_the_whole_run():
    res = simulate(Scenario(serum_mg_mmol_l=0.5, magnesium_mg_per_day=1000), days=90, start=Scenario())
    assert np.all(res.df["mg_serum_mmol_l"] == 0.5)


def test_unit_columns_agree_with_the_si_columns():
    # the same factors as the course's unit conversions (printed rounded in the fact base)
    ss = steady_state(Scenario())
    assert ss["ohd25_ng_ml"] == pytest.approx(ss["ohd25_nmol_l"] / 2.496, rel=1e-3)
    assert ss["calcitriol_pg_ml"] == pytest.approx(ss["calcitriol_pmol_l"] / 2.4, rel=1e-3)
    assert ss["pth_pg_ml"] == pytest.approx(ss["pth_pmol_l"] * 9.43, rel=1e-3)
    assert ss["mg_serum_mg_dl"] == pytest.approx(ss["mg_serum_mmol_l"] * 2.431, rel=1e-3)
    from mgdlearn.units import convert

    assert ss["ohd25_ng_ml"] == pytest.approx(convert(ss["ohd25_nmol_l"], "nmol/L", "ng/mL", analyte="25ohd"))
    assert ss["pth_pg_ml"] == pytest.approx(convert(ss["pth_pmol_l"], "pmol/L", "pg/mL", analyte="pth"))


# --- schedules ---------------------------------------------------------------------------------
def test_a_supplement_started_and_stopped_raises_then_lowers_25ohd():
    sc = Scenario(schedule=(Supplement(vitamin_d_iu_per_day=2000, start_day=30, stop_day=120),))
    df = simulate(sc, days=240).df
    assert df.loc[29, "vitamin_d_iu_per_day"] == 600
    assert df.loc[30, "vitamin_d_iu_per_day"] == 2600
    assert df.loc[120, "vitamin_d_iu_per_day"] == 600
    h = df["ohd25_nmol_l"]
    assert h[30] == pytest.approx(h[0], rel=1e-4)          # nothing happens before day 30
    assert h[120] > h[30] + 20
    assert h[240] < h[120] - 15


def test_stopping_a_supplement_taken_from_day_0_starts_from_its_steady_state():
    sc = Scenario(schedule=(Supplement(magnesium_mg_per_day=300, stop_day=60),))
    df = simulate(sc, days=150).df
    with_supplement = steady_state(Scenario(magnesium_mg_per_day=650))
    assert df.loc[0, "mg_serum_mmol_l"] == pytest.approx(with_supplement["mg_serum_mmol_l"], rel=1e-6)
    assert df.loc[150, "mg_serum_mmol_l"] < df.loc[59, "mg_serum_mmol_l"]


def test_a_single_100000_iu_bolus_peaks_then_fades_within_two_months():
    # Ilahi 2008: 100,000 IU took 25(OH)D from 27.1 to 42.0 ng/mL (+37 nmol/L), back toward baseline
    res = simulate(Scenario(schedule=(Bolus(100_000, day=0),)), days=90)
    rise = res.df["ohd25_nmol_l"] - res.df["ohd25_nmol_l"].iloc[0]
    assert 25 <= rise.max() <= 50
    assert 3 <= int(rise.idxmax()) <= 30
    assert rise[60] < 0.3 * rise.max()
    assert res.df.loc[0, "bolus_iu"] == 100_000
    assert any("100,000 IU" in w for w in res.warnings)


def test_schedule_accepts_a_list_and_a_single_event():
    a = Scenario(schedule=[Bolus(10_000, day=5)])
    b = Scenario(schedule=Bolus(10_000, day=5))
    assert a.schedule == b.schedule == (Bolus(10_000, day=5),)


# --- parameters ------------------------------------------------------------------------------
def test_every_parameter_has_unit_source_description_and_evidence():
    for f in dataclasses.fields(Parameters):
        meta = f.metadata
        assert meta["unit"], f.name
        assert meta["source"] in REFERENCES, f.name
        assert len(meta["description"]) > 20, f.name
        assert meta["evidence"] in ("established", "supported", "emerging", "claim", "calibrated"), f.name


def test_the_uncertain_mechanisms_say_so_in_their_parameters():
    for name in ("calcitriol_mg_absorption_gain", "cyp2r1_mg_k", "cyp27b1_mg_k", "cyp24a1_mg_k",
                 "mg_enzyme_hill"):
        assert "UNCERTAIN" in parameter_info(name)["description"], name
        assert parameter_info(name)["evidence"] == "emerging"
    assert "MODEST" in parameter_info("calcitriol_mg_absorption_gain")["description"]


def test_parameters_are_frozen_and_scaled_returns_a_changed_copy():
    p = Parameters()
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.cyp27b1_vmax = 1.0  # type: ignore[misc]
    half = p.scaled(cyp27b1_vmax=0.5)
    assert half.cyp27b1_vmax == p.cyp27b1_vmax / 2 and p.cyp27b1_vmax == Parameters().cyp27b1_vmax
    table = p.table()
    assert {"value", "unit", "source", "evidence", "description"} <= set(table.columns)
    assert len(table) == len(dataclasses.fields(Parameters))


def test_halving_cyp27b1_lowers_calcitriol_and_raises_pth():
    normal = steady_state(Scenario())
    halved = steady_state(Scenario(), Parameters().scaled(cyp27b1_vmax=0.5))
    assert halved["calcitriol_pmol_l"] < normal["calcitriol_pmol_l"]
    assert halved["pth_pmol_l"] > normal["pth_pmol_l"]


def test_bad_parameters_are_refused_with_the_allowed_range():
    with pytest.raises(ValueError, match="at least 0"):
        Parameters(cyp27b1_vmax=-1)
    with pytest.raises(ValueError, match="no field 'cyp27b1_max'"):
        Parameters().scaled(cyp27b1_max=0.5)
    with pytest.raises(TypeError, match="must be a number"):
        Parameters(pth_hill="steep")  # type: ignore[arg-type]


# --- body mass, toxicity, indicator ------------------------------------------------------------
def test_a_larger_body_mass_blunts_25ohd_at_the_same_intake():
    normal_weight = steady_state(Scenario(body_mass_kg=70))["ohd25_nmol_l"]
    obese = steady_state(Scenario(body_mass_kg=110))["ohd25_nmol_l"]
    # Ekwaru 2014: obese about 20 nmol/L lower than normal weight at the same intake
    assert 10 <= normal_weight - obese <= 30


def test_vascular_calcification_indicator_is_zero_normally_and_rises_with_toxic_vitamin_d():
    assert steady_state(Scenario())["vc_indicator"] == 0.0
    toxic = simulate(Scenario(vitamin_d_iu_per_day=50_000), days=730, start=Scenario())
    assert toxic.final["ohd25_nmol_l"] > 375
    assert toxic.final["vc_indicator"] > 0
    assert np.all(np.diff(toxic.df["vc_indicator_days"].to_numpy()) >= 0)
    assert toxic.final["vc_indicator_days"] > 0
    assert COLUMNS["vc_indicator"][1].startswith("TEACHING INDICATOR, not a clinical score")


# --- warnings --------------------------------------------------------------------------------
def test_intakes_within_upper_levels_give_no_warning():
    assert simulate(Scenario(), days=10).warnings == ()
    assert steady_state(Scenario(vitamin_d_iu_per_day=4000)).attrs["warnings"] == ()


def test_intakes_above_upper_levels_are_allowed_and_listed():
    sc = Scenario(vitamin_d_iu_per_day=10_000, calcium_mg_per_day=3000,
                  schedule=(Supplement(magnesium_mg_per_day=500, start_day=10),))
    res = simulate(sc, days=30)
    text = " ".join(res.warnings)
    assert "4,000 IU/day" in text and "10,000 IU/day" in text
    assert "350 mg/day" in text and "supplement" in text
    assert "2,000 mg/day" in text
    assert len(res.df) == 31                     # the run still happened


def test_total_magnesium_warns_only_far_above_the_supplement_ul():
    assert steady_state(Scenario(magnesium_mg_per_day=700)).attrs["warnings"] == ()
    assert any("770 mg/day" in w for w in steady_state(Scenario(magnesium_mg_per_day=1200)).attrs["warnings"])


def test_a_future_event_after_the_run_does_not_warn():
    sc = Scenario(schedule=(Bolus(300_000, day=400),))
    assert simulate(sc, days=100).warnings == ()


# --- bad input ---------------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, match", [
    (dict(vitamin_d_iu_per_day=-1), r"0 to 50000 IU/day"),
    (dict(vitamin_d_iu_per_day=1e7), r"0 to 50000 IU/day"),
    (dict(vitamin_d_iu_per_day=math.nan), r"NaN.*0 to 50000 IU/day"),
    (dict(sun_iu_per_day=math.inf), r"infinite"),
    (dict(magnesium_mg_per_day=-5), r"0 to 1500 mg/day"),
    (dict(calcium_mg_per_day=5000), r"0 to 4000 mg/day"),
    (dict(serum_mg_mmol_l=0.1), r"0.2 to 1.5 mmol/L"),
    (dict(body_mass_kg=10), r"30 to 250 kg"),
])
def test_out_of_range_scenarios_raise_value_error_naming_the_range(kwargs, match):
    with pytest.raises(ValueError, match=match):
        Scenario(**kwargs)


@pytest.mark.parametrize("kwargs", [
    dict(vitamin_d_iu_per_day="600"), dict(magnesium_mg_per_day=None), dict(calcium_mg_per_day=True),
    dict(serum_mg_mmol_l="low"), dict(schedule="daily"), dict(schedule=(600,)),
])
def test_wrong_types_raise_type_error(kwargs):
    with pytest.raises(TypeError, match="must be|may only"):
        Scenario(**kwargs)


def test_bad_schedules_are_refused():
    with pytest.raises(ValueError, match="after start_day"):
        Supplement(vitamin_d_iu_per_day=1000, start_day=50, stop_day=20)
    with pytest.raises(ValueError, match="0 to 600000 IU"):
        Bolus(1_000_000)
    with pytest.raises(ValueError, match="0 to 3650 day"):
        Bolus(10_000, day=-1)
    with pytest.raises(ValueError, match="total vitamin_d_iu_per_day.*0 to 50000 IU/day"):
        Scenario(vitamin_d_iu_per_day=40_000, schedule=(Supplement(vitamin_d_iu_per_day=20_000),))


@pytest.mark.parametrize("days, error", [(0, ValueError), (-5, ValueError), (3651, ValueError),
                                         (10.5, ValueError), (math.nan, ValueError), ("365", TypeError),
                                         (True, TypeError), (None, TypeError)])
def test_bad_run_lengths_are_refused_naming_the_range(days, error):
    with pytest.raises(error, match="whole number of days from 1 to 3650"):
        simulate(Scenario(), days=days)


def test_bad_scenario_start_and_params_types_are_refused():
    with pytest.raises(TypeError, match="Scenario"):
        simulate({"vitamin_d_iu_per_day": 600})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="start must be"):
        simulate(Scenario(), start="base")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="params must be"):
        steady_state(Scenario(), params={"cyp27b1_vmax": 1})  # type: ignore[arg-type]


def test_numpy_integers_and_whole_floats_are_accepted_as_days():
    assert len(simulate(Scenario(), days=np.int64(5)).df) == 6
    assert len(simulate(Scenario(), days=5.0).df) == 6


# --- cost ------------------------------------------------------------------------------------
def test_importing_the_model_does_not_import_scipy_or_pandas():
    code = ("import sys, mgdlearn.model; from mgdlearn.model import Scenario, Parameters; "
            "Scenario(); Parameters(); print(sorted(m for m in ('scipy', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_parameter_default_lies_in_its_allowed_range():
    from mgdlearn.errors import require_number

    for f in dataclasses.fields(Parameters):
        meta = f.metadata
        require_number(f.default, f.name, low=meta["low"], high=meta["high"], unit=meta["unit"])
        assert isinstance(f.default, float), f.name


def test_a_sweep_solved_cold_gives_the_same_steady_states():
    from mgdlearn.model import steady_state_sweep

    scenarios = [Scenario(magnesium_mg_per_day=mg) for mg in (25.0, 60.0, 200.0, 600.0)]
    warm, cold = steady_state_sweep(scenarios), steady_state_sweep(scenarios, warm=False)
    assert np.allclose(warm.to_numpy(), cold.to_numpy(), rtol=1e-6, atol=1e-9)


def test_the_intake_limits_behind_the_warnings_are_the_reference_values_of_the_fact_layer():
    """Written once, in data/dri.csv and data/status_categories.csv, and read from there."""
    from mgdlearn.model import INTAKE_LIMITS
    from mgdlearn.reference_values import bands, rda, ul

    assert INTAKE_LIMITS["vitamin_d_ul"][0] == ul("vitamin_d", 30) == 4000
    assert INTAKE_LIMITS["magnesium_supplement_ul"][0] == ul("magnesium", 30) == 350
    assert INTAKE_LIMITS["magnesium_rda_max"][0] == max(rda("magnesium", a, s) for a in (19, 31, 51, 80)
                                                        for s in ("female", "male")) == 420
    assert INTAKE_LIMITS["calcium_ul_51plus"][0] == ul("calcium", 60) == 2000
    assert INTAKE_LIMITS["calcium_ul_19_50"][0] == ul("calcium", 30) == 2500
    high = next(b for b in bands("25ohd", "IOM", "nmol/L") if b.category == "high")
    assert INTAKE_LIMITS["ohd25_high_nmol_l"][0] == high.low == 125
    assert all(source for _, _, source, _ in INTAKE_LIMITS.values())
