"""Calibration target 10: no negative or non-finite value anywhere, for any input in the allowed
ranges (random scenarios, schedules, starts and run lengths), so no widget can crash the model."""
from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mgdlearn.model import RANGES, Bolus, Scenario, Supplement, simulate, steady_state


def _in_range(name: str) -> st.SearchStrategy[float]:
    low, high, _ = RANGES[name]
    # the edges are where things break: draw them often
    return st.one_of(st.sampled_from([low, high]), st.floats(low, high, allow_nan=False))


@st.composite
def supplements(draw: st.DrawFn) -> Supplement:
    start = draw(st.floats(0, 400))
    stop = draw(st.one_of(st.none(), st.floats(start + 0.5, start + 400)))
    return Supplement(vitamin_d_iu_per_day=draw(st.floats(0, 10_000)),
                      magnesium_mg_per_day=draw(st.floats(0, 500)),
                      calcium_mg_per_day=draw(st.floats(0, 1_000)),
                      start_day=start, stop_day=stop)


boluses = st.builds(Bolus, vitamin_d_iu=_in_range("bolus_iu"), day=st.floats(0, 400))


@st.composite
def scenarios(draw: st.DrawFn, with_schedule: bool = True) -> Scenario:
    schedule = draw(st.lists(st.one_of(supplements(), boluses), max_size=3)) if with_schedule else []
    # keep totals (baseline + supplements) inside the allowed ranges
    extra_vd = sum(s.vitamin_d_iu_per_day for s in schedule if isinstance(s, Supplement))
    extra_mg = sum(s.magnesium_mg_per_day for s in schedule if isinstance(s, Supplement))
    extra_ca = sum(s.calcium_mg_per_day for s in schedule if isinstance(s, Supplement))
    return Scenario(
        vitamin_d_iu_per_day=max(0.0, min(draw(_in_range("vitamin_d_iu_per_day")), 49_999 - extra_vd)),
        sun_iu_per_day=draw(_in_range("sun_iu_per_day")),
        magnesium_mg_per_day=max(0.0, min(draw(_in_range("magnesium_mg_per_day")), 1_499 - extra_mg)),
        calcium_mg_per_day=max(0.0, min(draw(_in_range("calcium_mg_per_day")), 3_999 - extra_ca)),
        serum_mg_mmol_l=draw(st.one_of(st.none(), _in_range("serum_mg_mmol_l"))),
        body_mass_kg=draw(_in_range("body_mass_kg")),
        schedule=tuple(schedule),
    )


def _assert_clean(values: np.ndarray, what: object) -> None:
    assert np.all(np.isfinite(values)), what
    assert np.all(values >= 0.0), what


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sc=scenarios(), start=st.one_of(st.none(), scenarios(with_schedule=False)),
       days=st.one_of(st.sampled_from([1, 2, 365]), st.integers(1, 500)))
def test_no_negative_or_non_finite_output_for_any_allowed_input(sc, start, days):
    res = simulate(sc, days=days, start=start)
    assert len(res.df) == days + 1
    _assert_clean(res.df.to_numpy(), (sc, start, days))
    _assert_clean(np.array(res.state), (sc, start, days))


@settings(max_examples=30, deadline=None)
@given(sc=scenarios(with_schedule=False))
def test_steady_state_is_finite_non_negative_and_steady_for_any_allowed_input(sc):
    ss = steady_state(sc)
    _assert_clean(ss.to_numpy(), sc)
    # it really is a steady state: a short run from it stays put
    later = simulate(sc, days=30).final
    for col in ("ohd25_nmol_l", "calcitriol_pmol_l", "ca_ion_mmol_l", "mg_serum_mmol_l"):
        assert abs(later[col] - ss[col]) <= 1e-3 * max(abs(ss[col]), 1e-3), (col, sc)
