"""Lesson 02: the feedback-loop and biphasic Mg-PTH figures, and the low-calcium challenge explorer."""
from __future__ import annotations

import numpy as np
import pytest

from mgdlearn.errors import InputError
from mgdlearn.experiments.feedback import MgPthParameters, mg_pth_curve
from mgdlearn.experiments.pth_challenge import compute
from mgdlearn.model.analysis import gland_pth
from mgdlearn.plots.feedback import LOOP_SUMMARY, draw_feedback_loop, draw_mg_pth_curve
from mgdlearn.plots.pth_challenge import draw_challenge
from mgdlearn.reference_values import normal_range
from mgdlearn.widgets.pth_challenge import pth_challenge_explorer


@pytest.fixture(scope="module")
def challenge():
    return compute(serum_mg=0.45, ca_mg_per_day=200, challenge_days=42)


# ---- the biphasic curve --------------------------------------------------------
def test_magnesium_effect_on_pth_is_biphasic():
    curve = mg_pth_curve()
    p = curve.params
    at_normal = curve.at(curve.normal_mg)
    assert at_normal["acute"] == pytest.approx(1.0) and at_normal["chronic"] == pytest.approx(1.0)
    fatemi, rude = curve.at(p.fatemi_mg_mmol_l), curve.at(p.rude_mg_mmol_l)
    assert fatemi["acute"] > 1.2                                   # a mild acute fall stimulates
    assert 0.9 < fatemi["chronic"] < 1.15                           # Fatemi 1991: PTH not raised at 0.61
    assert rude["chronic"] < 0.3                                    # Rude 1985: secretion fails near 0.4
    assert float(curve.chronic.max()) > 1.0                         # two phases: a rise, then the fall
    assert np.all(np.diff(curve.capacity) >= 0)                     # capacity alone only falls with Mg


def test_a_stronger_receptor_effect_gives_a_stronger_acute_rise():
    weak, strong = mg_pth_curve(params=MgPthParameters(casr_mg_weight=0.05)), mg_pth_curve()
    assert strong.at(0.5)["acute"] > weak.at(0.5)["acute"] > 1.0
    with pytest.raises(InputError, match="0 to 1"):
        MgPthParameters(casr_mg_weight=3.0)
    with pytest.raises(InputError, match="must be above"):
        mg_pth_curve(mg_low=0.9, mg_high=0.5)


def test_biphasic_figure_is_titled_labelled_and_summarised():
    fig, summary = draw_mg_pth_curve()
    (ax,) = fig.axes
    assert ax.get_title() and "(mmol/L)" in ax.get_xlabel() and "× normal" in ax.get_ylabel()
    assert len(ax.lines) >= 3 and ax.get_legend() is not None
    curve = mg_pth_curve()
    assert f"{curve.at(0.61)['chronic']:.2f}× at 0.61 mmol/L" in summary
    assert "Fatemi 1991" in summary and "Rude 1985" in summary and "illustrative" in summary


def test_feedback_loop_diagram_names_every_link_and_magnesium():
    fig, summary = draw_feedback_loop()
    (ax,) = fig.axes
    assert "feedback loop" in ax.get_title()
    texts = " ".join(t.get_text() for t in ax.texts)
    for word in ("PTH", "CYP27B1", "calcium", "Mg: secretion", "Mg: PTH action", "+", "−"):
        assert word in texts
    assert all(sentence in summary for sentence in LOOP_SUMMARY)
    assert summary.startswith("Negative feedback loop")


# ---- the challenge explorer ------------------------------------------------------------------
def test_the_loop_defends_calcium_at_normal_magnesium(challenge):
    normal = challenge.runs["normal magnesium"]
    before, during = normal.iloc[0], normal.loc[challenge.challenge_start + 1:challenge.challenge_end]
    assert during["pth_pmol_l"].max() > 1.5 * before["pth_pmol_l"]          # the alarm
    assert during["calcitriol_pmol_l"].max() > before["calcitriol_pmol_l"] + 5  # the amplifier
    assert before["ca_ion_mmol_l"] - during["ca_ion_mmol_l"].min() < 0.1       # calcium dips only a little
    after = normal.iloc[-1]
    assert after["pth_pmol_l"] == pytest.approx(before["pth_pmol_l"], rel=0.02)  # recovery


def test_low_magnesium_mutes_the_gland_and_calcium_falls_out_of_range(challenge):
    low = challenge.runs["chosen magnesium"]
    window = low.loc[challenge.challenge_start:challenge.challenge_end]
    ca_low = float(window["ca_ion_mmol_l"].min())
    assert ca_low < normal_range("ionized_calcium", "mmol/L").low
    assert float(window["pth_pmol_l"].max()) < 0.5 * float(gland_pth(ca_low, challenge.normal_mg))
    low_curve, normal_curve = challenge.gland["chosen magnesium"], challenge.gland["normal magnesium"]
    assert np.all(low_curve < normal_curve)


def test_moving_the_magnesium_slider_updates_the_same_figure():
    ex = pth_challenge_explorer()
    ex.widget()
    assert ex.state.error is None
    fig = ex.figure
    pth_line = fig.axes[0].lines[0]
    before = pth_line.get_ydata().copy()
    ex.controls["serum_mg"].value = 0.8
    assert ex.state.error is None and ex.figure is fig
    assert not np.allclose(pth_line.get_ydata(), before)
    assert "0.80 mmol/L" in ex.state.summary


def test_challenge_length_moves_the_shaded_window_and_the_run():
    ex = pth_challenge_explorer(challenge_days=14)
    ex.widget()
    n_short = len(ex.figure.axes[0].lines[0].get_xdata())
    ex.controls["challenge_days"].value = 56
    assert len(ex.figure.axes[0].lines[0].get_xdata()) == n_short + 42
    spans = ex.drawing.handles["spans"]
    assert len(spans) == 3 and spans[0].get_width() == pytest.approx(56)
    assert "for 56 days" in ex.state.summary


def test_a_challenge_that_does_not_lower_calcium_shows_a_message():
    ex = pth_challenge_explorer()
    ex.widget()
    fig = ex.figure
    ex.controls["ca_mg_per_day"].value = 1000                      # the slider's top: no challenge at all
    assert ex.state.error and "below the usual 1,000 mg/day" in ex.state.error
    assert ex.figure is fig
    assert ex.output_bundle()["text/plain"].startswith("Please check your input:")
    assert "0.3 to 1.1 mmol/L" in ex.render(serum_mg=2.0, ca_mg_per_day=400, challenge_days=42).error
    assert "whole number" in ex.render(serum_mg=0.5, ca_mg_per_day=400, challenge_days=10.5).error
    ex.controls["ca_mg_per_day"].value = 500
    assert ex.state.error is None


def test_challenge_figure_has_titles_units_and_a_summary_with_key_values(challenge):
    fig, summary = draw_challenge(challenge)
    for ax in fig.axes:
        assert ax.get_title()
        assert "(" in ax.get_ylabel() and ")" in ax.get_ylabel()
    assert fig.axes[0].get_ylabel() == "PTH (pmol/L)" and fig.axes[3].get_xlabel() == "ionized calcium (mmol/L)"
    assert fig.get_suptitle().startswith("Low-calcium challenge")
    base = challenge.runs["normal magnesium"].iloc[0]
    assert f"PTH {base['pth_pmol_l']:.1f} →" in summary
    assert "200 mg/day for 42 days" in summary and "would put out" in summary
    with pytest.raises(TypeError, match="ChallengeData"):
        draw_challenge({"pth": 1})
