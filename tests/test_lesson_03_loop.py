"""Lesson 03 (the bidirectional loop): the loop explorers, their figures and the loop-gain analysis."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from mgdlearn.experiments import loop
from mgdlearn.model import Parameters, Scenario, steady_state
from mgdlearn.plots.loop import draw_loop_plane, draw_loop_runs
from mgdlearn.widgets.loop import loop_explorer, loop_gain_explorer


def _titled_with_units(fig) -> None:
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert visible
    for ax in visible:
        assert ax.get_title(), "every panel has a title"
        assert ax.get_xlabel() and ax.get_ylabel()
        assert "(" in ax.get_xlabel() or ax.get_xlabel() == "day"
        assert "/" in ax.get_ylabel() or "(" in ax.get_ylabel(), f"no unit in {ax.get_ylabel()!r}"
    assert "teaching model" in fig.get_suptitle()


@pytest.fixture(scope="module")
def explorer():
    ex = loop_explorer()
    ex.widget()  # interactive_output renders once on creation, as in the notebook
    return ex


@pytest.fixture(scope="module")
def plane():
    return loop.compute_loop_plane(magnesium_mg_per_day=30, vitamin_d_iu_per_day=600, loop_strength=0.1, days=120)


# --- the on/off explorer ----------------------------------------------------------------------
def test_first_render_shows_both_runs_with_a_summary(explorer):
    state = explorer.state
    assert state.error is None
    assert list(state.data.runs) == ["loop on", "loop off"]
    assert "Teaching model, loop on" in state.summary
    assert "mmol/L" in state.summary and "150 mg/day" in state.summary
    _titled_with_units(explorer.figure)


def test_moving_the_intake_slider_updates_the_same_figure(explorer):
    fig = explorer.figure
    before = fig.axes[0].lines[0].get_ydata().copy()
    explorer.controls["magnesium_mg_per_day"].value = 400
    assert explorer.state.error is None
    assert explorer.figure is fig, "same runs and panels: lines are updated in place"
    after = fig.axes[0].lines[0].get_ydata()
    assert after[-1] > before[-1], "more magnesium in the diet, more magnesium in serum"
    explorer.controls["magnesium_mg_per_day"].value = 150


def test_toggling_the_loop_off_puts_the_loop_off_run_first(explorer):
    on_first = explorer.render(magnesium_mg_per_day=30, vitamin_d_iu_per_day=600, loop_strength=0.4, loop_on=True)
    y_on = explorer.figure.axes[0].lines[0].get_ydata().copy()
    explorer.controls["loop_on"].value = False
    state = explorer.state
    assert state.error is None and on_first.error is None
    assert list(state.data.runs)[0] == "loop off" and "loop off" in state.summary
    y_first = explorer.figure.axes[0].lines[0].get_ydata()
    assert not np.allclose(y_first, y_on), "the highlighted line changed from loop on to loop off"
    explorer.controls["loop_on"].value = True


def test_too_strong_a_loop_shows_a_message_not_a_traceback(explorer):
    fig = explorer.figure
    state = explorer.render(magnesium_mg_per_day=150, vitamin_d_iu_per_day=600, loop_strength=0.9, loop_on=True)
    assert state.error and "more magnesium than is eaten" in state.error and "0 to 0.4" in state.error
    assert explorer.figure is fig, "the last good figure stays"
    bad = explorer.render(magnesium_mg_per_day=-5, vitamin_d_iu_per_day=600, loop_strength=0.1, loop_on=True)
    assert bad.error and "magnesium_mg_per_day" in bad.error and "0 to 1500 mg/day" in bad.error


def test_loop_off_is_a_fair_control_that_starts_from_the_same_state():
    data = loop.compute_loop_runs(magnesium_mg_per_day=30, vitamin_d_iu_per_day=600, loop_strength=0.4, days=200)
    on, off = data.runs["loop on"], data.runs["loop off"]
    for column in ("mg_serum_mmol_l", "calcitriol_pmol_l", "mg_absorbed_mg_per_day"):
        assert on[column].iloc[0] == pytest.approx(off[column].iloc[0], rel=1e-6)
    fall_on = on["mg_serum_mmol_l"].iloc[0] - on["mg_serum_mmol_l"].iloc[-1]
    fall_off = off["mg_serum_mmol_l"].iloc[0] - off["mg_serum_mmol_l"].iloc[-1]
    assert fall_on > fall_off > 0, "positive feedback: less Mg -> less calcitriol -> less Mg absorbed"
    _, summary = draw_loop_runs(data)
    assert "makes the fall in serum magnesium" in summary and "larger" in summary


def test_a_loop_of_strength_zero_makes_no_difference():
    data = loop.compute_loop_runs(magnesium_mg_per_day=100, vitamin_d_iu_per_day=600, loop_strength=0.0, days=90)
    np.testing.assert_allclose(data.runs["loop on"]["mg_serum_mmol_l"], data.runs["loop off"]["mg_serum_mmol_l"])
    _, summary = draw_loop_runs(data)
    assert "less than 1 %" in summary


def test_loop_parameters_refuse_what_is_not_accepted():
    with pytest.raises(ValueError, match="0 to 0.4"):
        loop.loop_parameters(0.5)
    with pytest.raises(TypeError, match="True or False"):
        loop.loop_parameters(0.1, loop_on="yes")
    assert loop.max_loop_strength() == pytest.approx(1 - 0.2 - 0.4)
    off = loop.loop_parameters(0.1, loop_on=False)
    assert off.calcitriol_mg_absorption_gain == 0.0
    assert off.mg_paracellular_fraction > Parameters().mg_paracellular_fraction


# --- the phase plane and loop gain ------------------------------------------------------------
def test_the_steady_state_lies_where_the_two_curves_cross(plane):
    m0, c0 = plane.operating_point
    p = loop.loop_parameters(0.1)
    sc = Scenario(magnesium_mg_per_day=30)
    ss = steady_state(sc, p)
    clamped = steady_state(replace(sc, serum_mg_mmol_l=m0), p)["calcitriol_pmol_l"]
    assert clamped == pytest.approx(c0, rel=1e-4), "on the 'magnesium -> calcitriol' curve"
    assert loop.mg_balance_serum_mg(c0, sc, p, ss) == pytest.approx(m0, rel=1e-4), "on the 'calcitriol -> Mg' curve"
    # both curves rise: positive feedback
    assert np.all(np.diff(plane.calcitriol_of_mg) > 0)
    assert np.all(np.diff(plane.mg_of_calcitriol) > 0)


def test_the_loop_matters_most_when_magnesium_is_already_low(plane):
    gains = plane.gain_by_intake
    assert gains[0] > 3 * gains[-1], "a vicious circle at low intake, negligible at ample intake"
    assert gains.max() < 1, "bounded: the positive feedback settles"
    assert plane.amplification == pytest.approx(1 / (1 - plane.gain))


def test_plane_figure_is_titled_labelled_and_summarised(plane):
    fig, summary = draw_loop_plane(plane)
    _titled_with_units(fig)
    assert fig.axes[0].get_xlabel() == "serum magnesium (mmol/L)"
    assert fig.axes[0].get_ylabel() == "calcitriol (pmol/L)"
    assert f"{plane.gain:.3f}" in summary and "loop gain" in summary and "mmol/L" in summary
    assert "settles" in summary


def test_gain_explorer_redraws_in_place_when_the_strength_moves():
    ex = loop_gain_explorer(magnesium_mg_per_day=30)
    first = ex.render(magnesium_mg_per_day=30, vitamin_d_iu_per_day=600, loop_strength=0.1)
    fig = ex.figure
    g_curve = fig.axes[1].lines[0].get_ydata().copy()
    second = ex.render(magnesium_mg_per_day=30, vitamin_d_iu_per_day=600, loop_strength=0.3)
    assert first.error is None and second.error is None
    assert ex.figure is fig
    assert np.all(fig.axes[1].lines[0].get_ydata() > g_curve), "a stronger loop has a larger gain everywhere"
    assert second.data.gain > first.data.gain
    bad = ex.render(magnesium_mg_per_day=30, vitamin_d_iu_per_day=600, loop_strength=float("nan"))
    assert bad.error and "NaN" in bad.error


def test_numbers_the_lesson_text_relies_on(plane):
    """Lesson 03's prose: g is well below 0.01 at ordinary intakes and nears 0.1 only in severe
    shortage; more vitamin D hardly moves serum magnesium (concept check L3.4)."""
    ordinary = loop.compute_loop_plane(magnesium_mg_per_day=150, vitamin_d_iu_per_day=600, days=30)
    assert ordinary.gain < 0.01
    assert 0.05 < plane.gain_by_intake.max() < 0.3
    from mgdlearn.exercises.tasks import predict_l34_more_vitamin_d

    happened, summary = predict_l34_more_vitamin_d()
    assert happened == "barely" and "calcitriol" in summary
