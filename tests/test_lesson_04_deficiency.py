"""Lesson 04 (when magnesium runs short): the four deficiency explorers and their figures."""
from __future__ import annotations

import numpy as np
import pytest

from mgdlearn.bibliography import REFERENCES
from mgdlearn.experiments import deficiency as experiments
from mgdlearn.model import COLUMNS
from mgdlearn.widgets import deficiency as dx


def _titled_with_units(fig) -> None:
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert visible
    for ax in visible:
        assert ax.get_title(), "every panel has a title"
        assert "(" in ax.get_xlabel() or ax.get_xlabel() == "day", f"no unit in {ax.get_xlabel()!r}"
        assert "/" in ax.get_ylabel() or "(" in ax.get_ylabel(), f"no unit in {ax.get_ylabel()!r}"
    assert fig._suptitle is not None and fig._suptitle.get_text()


def _driven(explorer_factory):
    ex = explorer_factory()
    ex.widget()  # interactive_output renders once on creation, as in the notebook
    assert ex.state.error is None, ex.state.error
    return ex


# --- dose-response: "supplements that do not work" -------------------------------------------
@pytest.fixture(scope="module")
def dose():
    return _driven(dx.dose_response_explorer)


def test_low_magnesium_blunts_the_vitamin_d_dose_response(dose):
    d = dose.state.data
    ok, low = d.curves["adequate"], d.curves["low"]
    rise_ok = ok["ohd25_nmol_l"][-1] - ok["ohd25_nmol_l"][0]
    rise_low = low["ohd25_nmol_l"][-1] - low["ohd25_nmol_l"][0]
    # model v2 (issue 13): low magnesium does not blunt the 25(OH)D rise (Rude 1985): within 15 %
    assert rise_low > 0 and abs(rise_low / rise_ok - 1) <= 0.15, "25(OH)D rises about as much"
    assert np.all(low["calcitriol_pmol_l"] < ok["calcitriol_pmol_l"])
    assert low["calcitriol_pmol_l"].max() < ok["calcitriol_pmol_l"].min(), "no dose restores calcitriol"
    _titled_with_units(dose.figure)
    summary = dose.state.summary
    assert "RDA of 600 IU/day" in summary and "UL of 4,000 IU/day" in summary and "nmol/L" in summary
    assert "0.50 mmol/L" in summary


def test_moving_the_low_magnesium_slider_moves_only_the_low_curve(dose):
    fig = dose.figure
    adequate = fig.axes[0].lines[0].get_ydata().copy()
    low = fig.axes[0].lines[1].get_ydata().copy()
    dose.controls["low_mg_mmol_l"].value = 0.7
    assert dose.state.error is None and dose.figure is fig
    np.testing.assert_allclose(fig.axes[0].lines[0].get_ydata(), adequate)
    moved = fig.axes[0].lines[1].get_ydata()
    assert not np.allclose(moved, low), "the low curve follows its slider"
    # model v2 (issue 13): magnesium barely changes 25(OH)D (Rude 1985): within 15 % of adequate
    assert np.all(np.abs(moved / adequate - 1.0) <= 0.15)
    assert "0.70 mmol/L" in dose.state.summary
    dose.controls["low_mg_mmol_l"].value = 0.5


def test_a_low_magnesium_that_is_not_low_shows_a_message(dose):
    state = dose.render(low_mg_mmol_l=0.9, sun_iu_per_day=1500, body_mass_kg=70)
    assert state.error and "not low" in state.error and "0.85" in state.error
    state = dose.render(low_mg_mmol_l=0.5, sun_iu_per_day=-1, body_mass_kg=70)
    assert state.error and "sun_iu_per_day" in state.error


# --- impaired PTH response -------------------------------------------------------------------
@pytest.fixture(scope="module")
def pth():
    return _driven(dx.pth_explorer)


def test_magnesium_depletion_blunts_the_pth_response_to_low_calcium(pth):
    d = pth.state.data

    def rise(mg: float) -> float:
        i = int(np.argmin(abs(d.x - mg)))
        return d.curves["challenge"]["pth_pmol_l"][i] - d.curves["usual"]["pth_pmol_l"][i]

    assert rise(0.85) > 0, "a low-calcium diet raises PTH when magnesium is normal"
    assert rise(0.40) < 0.6 * rise(0.85), "and much less when magnesium is very low"
    usual = d.curves["usual"]
    assert np.interp(0.61, d.x, usual["calcitriol_pmol_l"]) < np.interp(0.80, d.x, usual["calcitriol_pmol_l"]), \
        "calcitriol falls with mild depletion, as in Fatemi 1991"
    assert np.interp(0.40, d.x, usual["ca_ion_mmol_l"]) < 1.0, "severe depletion: hypocalcaemia"
    _titled_with_units(pth.figure)
    assert "Fatemi 1991" in pth.state.summary and "22 %" in pth.state.summary


def test_the_report_marker_follows_the_slider(pth):
    fig = pth.figure
    pth.controls["serum_mg_mmol_l"].value = 0.7
    assert pth.state.error is None and pth.figure is fig
    marks = pth.drawing.handles["marks"]
    assert all(m.get_xdata()[0] == pytest.approx(0.7) for m in marks)
    assert "serum magnesium 0.70 mmol/L" in pth.state.summary
    pth.controls["calcium_mg_per_day"].value = 200
    y = fig.axes[0].lines[1].get_ydata()
    assert pth.state.error is None and "to 200 mg/day" in pth.state.summary
    assert y.max() > pth.state.data.curves["usual"]["pth_pmol_l"].max()


def test_a_challenge_that_is_no_challenge_shows_a_message(pth):
    state = pth.render(calcium_mg_per_day=1000, serum_mg_mmol_l=0.5)
    assert state.error and "not a challenge" in state.error
    state = pth.render(calcium_mg_per_day=400, serum_mg_mmol_l=0.2)
    assert state.error and "0.4 to 1 mmol/L" in state.error


def test_the_observations_shown_cite_the_bibliography_and_give_fatemis_fall():
    from mgdlearn.observations import observation, observations

    assert observations() and {o.source for o in observations()} <= set(REFERENCES)
    before, after = observation("fatemi1991_before"), observation("fatemi1991_after")
    assert (after.value - before.value) / before.value == pytest.approx(-0.22, abs=0.01)
    assert {o.quantity for o in observations()} <= set(COLUMNS)


# --- the vascular-calcification teaching indicator -------------------------------------------
@pytest.fixture(scope="module")
def vc():
    return _driven(dx.calcification_explorer)


def test_indicator_is_zero_within_the_ul_and_rises_only_with_vitamin_d_excess(vc):
    d = vc.state.data
    within_ul = d.x <= 4000
    for setting in d.curves:
        assert np.all(d.curves[setting]["vc_indicator"][within_ul] == 0)
    assert d.curves["adequate"]["vc_indicator"][-1] > 0
    assert np.all(np.diff(d.curves["adequate"]["ca_ion_mmol_l"]) >= -1e-9), "more vitamin D, more calcium"
    summary = vc.state.summary
    assert "not a clinical score" in summary and "thought experiment" in summary
    _titled_with_units(vc.figure)


def test_severe_depletion_lowers_the_indicator_because_calcium_cannot_rise(vc):
    state = vc.render(serum_mg_mmol_l=0.45, calcium_mg_per_day=2000)
    assert state.error is None
    d = state.data
    assert d.curves["other"]["vc_indicator"][-1] < d.curves["adequate"]["vc_indicator"][-1]
    assert "calcium rises less" in state.summary
    line = vc.figure.axes[2].lines[1]
    np.testing.assert_allclose(line.get_ydata(), d.curves["other"]["vc_indicator"])


def test_comparing_adequate_with_itself_shows_a_message(vc):
    state = vc.render(serum_mg_mmol_l=0.85, calcium_mg_per_day=2000)
    assert state.error and "choose another value" in state.error


# --- the rickets case ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def rickets():
    return _driven(dx.rickets_explorer)


def test_vitamin_d_alone_raises_25ohd_but_not_calcium_magnesium_heals(rickets):
    d = rickets.state.data
    alone, both = d.runs["vitamin D alone"], d.runs["vitamin D + magnesium"]
    assert alone["ohd25_nmol_l"].iloc[-1] > 2 * alone["ohd25_nmol_l"].iloc[0], "the supplement reaches 25(OH)D"
    assert alone["ca_ion_mmol_l"].iloc[-1] < 1.0, "but calcium stays low: vitamin D resistance"
    assert both["ca_ion_mmol_l"].iloc[-1] > alone["ca_ion_mmol_l"].iloc[-1] + 0.2
    assert both["calcitriol_pmol_l"].iloc[-1] > 1.5 * alone["calcitriol_pmol_l"].iloc[-1]
    before = both.loc[: d.mg_start_day - 1]
    np.testing.assert_allclose(before["ca_ion_mmol_l"], alone.loc[: d.mg_start_day - 1, "ca_ion_mmol_l"], rtol=1e-6)
    _titled_with_units(rickets.figure)
    assert "not the patients' data" in rickets.state.summary


def test_the_magnesium_start_line_follows_the_slider(rickets):
    fig = rickets.figure
    y_before = fig.axes[3].lines[1].get_ydata().copy()
    rickets.controls["mg_start_day"].value = 100
    assert rickets.state.error is None and rickets.figure is fig
    assert all(line.get_xdata()[0] == 100 for line in rickets.drawing.handles["start lines"])
    assert not np.allclose(fig.axes[3].lines[1].get_ydata(), y_before)
    assert "from day 100" in rickets.state.summary
    rickets.controls["mg_start_day"].value = 60


def test_no_magnesium_means_no_difference(rickets):
    state = rickets.render(vitamin_d_iu_per_day=2000, magnesium_mg_per_day=0, mg_start_day=60)
    assert state.error is None and "both runs are the same" in state.summary


def test_starting_magnesium_after_the_run_ends_shows_a_message(rickets):
    state = rickets.render(vitamin_d_iu_per_day=2000, magnesium_mg_per_day=200, mg_start_day=400)
    assert state.error and "after the end of the run" in state.error


def test_rickets_case_inputs_are_sourced_and_produce_severe_deficiency():
    import dataclasses

    for f in dataclasses.fields(experiments.RicketsCase):
        assert f.metadata["source"] in REFERENCES and f.metadata["unit"]
    from mgdlearn.model import steady_state

    ss = steady_state(experiments.RicketsCase().scenario())
    assert 0.35 < ss["mg_serum_mmol_l"] < 0.5, "near Rude 1985's 0.41 mmol/L"
    assert ss["ca_ion_mmol_l"] < 1.0


def test_rickets_story_the_lesson_text_tells(rickets):
    """Lesson 04's prose: vitamin D alone brings 25(OH)D into the adequate range; with magnesium
    PTH jumps and calcium follows within days."""
    state = rickets.render(vitamin_d_iu_per_day=2000, magnesium_mg_per_day=200, mg_start_day=60)
    alone, both = state.data.runs["vitamin D alone"], state.data.runs["vitamin D + magnesium"]
    assert alone["ohd25_nmol_l"].iloc[-1] >= 50
    assert both["pth_pmol_l"].iloc[-1] > alone["pth_pmol_l"].iloc[-1]
    rise_week = both["ca_ion_mmol_l"].loc[67] - both["ca_ion_mmol_l"].loc[60]
    rise_all = both["ca_ion_mmol_l"].iloc[-1] - both["ca_ion_mmol_l"].loc[60]
    assert rise_week > 0.5 * rise_all
    assert "In the 7 days after magnesium starts" in state.summary


def test_dose_response_calcitriol_leaves_its_normal_band_only_in_deep_deficiency(dose):
    from mgdlearn.reference_values import normal_range

    low_normal = normal_range("calcitriol", "pmol/L").low
    mild = dose.render(low_mg_mmol_l=0.7, sun_iu_per_day=1500, body_mass_kg=70).data
    deep = dose.render(low_mg_mmol_l=0.4, sun_iu_per_day=1500, body_mass_kg=70).data
    assert mild.curves["low"]["calcitriol_pmol_l"].min() > low_normal
    assert deep.curves["low"]["calcitriol_pmol_l"].max() < low_normal
