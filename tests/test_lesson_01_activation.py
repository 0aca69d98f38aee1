"""Lesson 01: the pathway diagram follows the model's fluxes; the activation explorer re-runs the model."""
from __future__ import annotations

import numpy as np
import pytest
from matplotlib.patches import FancyArrowPatch

from mgdlearn.errors import InputError
from mgdlearn.experiments.activation import FLUX_KEYS, PathwayFluxes, compute, pathway_fluxes, relative_widths
from mgdlearn.model import Scenario, simulate, steady_state
from mgdlearn.plots.activation import draw_activation
from mgdlearn.plots.pathway import STEPS, draw_pathway, redraw_pathway, summarize_pathway
from mgdlearn.widgets.activation import activation_explorer


@pytest.fixture(scope="module")
def normal_and_low() -> tuple[PathwayFluxes, PathwayFluxes]:
    return pathway_fluxes(serum_mg_mmol_l=0.85), pathway_fluxes(serum_mg_mmol_l=0.45)


def _tail_widths(ax) -> list[float]:
    widths = []
    for patch in ax.patches:
        if isinstance(patch, FancyArrowPatch):
            style = patch.get_arrowstyle()
            widths.append(getattr(style, "tail_width", 0.0))
    return widths


def test_fluxes_are_read_from_the_model_flux_columns():
    row = simulate(Scenario(serum_mg_mmol_l=0.6), days=30, start=Scenario()).df.iloc[-1]
    f = PathwayFluxes.from_row(row)
    assert f.hydroxylation_25 == pytest.approx(row["flux_cyp2r1"] + row["flux_cyp27a1"])
    assert f.hydroxylation_1a == pytest.approx(row["flux_cyp27b1"])
    assert f.inactivation_calcitriol == pytest.approx(row["flux_cyp24a1_calcitriol"])
    assert f.mg_factor_cyp27b1 == pytest.approx(row["mg_factor_cyp27b1"])
    assert "0.60 mmol/L" in f.label


def test_a_row_without_flux_columns_is_refused_with_the_missing_name():
    with pytest.raises(InputError, match="flux_cyp2r1"):
        PathwayFluxes.from_row({"mg_serum_mmol_l": 0.8, "vitamin_d_iu_per_day": 600, "sun_iu_per_day": 0,
                                "vitd_nmol_l": 10, "ohd25_nmol_l": 60, "calcitriol_pmol_l": 90})
    with pytest.raises(TypeError, match="one row of model output"):
        PathwayFluxes.from_row("not a row")


def test_low_magnesium_thins_the_kidney_arrow_in_proportion_to_its_flux(normal_and_low):
    normal, low = normal_and_low
    rel = relative_widths(low, normal)
    ss = steady_state(Scenario(serum_mg_mmol_l=0.45))
    ref = steady_state(Scenario(serum_mg_mmol_l=0.85))
    assert rel["hydroxylation_1a"] == pytest.approx(ss["flux_cyp27b1"] / ref["flux_cyp27b1"])
    assert rel["hydroxylation_1a"] < 0.8
    assert rel["skin_iu_per_day"] == pytest.approx(1.0)
    fig, _ = draw_pathway(normal, low)
    left, right = (_tail_widths(ax) for ax in fig.axes)
    assert len(left) == len(right) == len(STEPS)
    assert all(w == pytest.approx(left[0]) for w in left)          # reference panel: every arrow width 1
    assert min(right) < 0.8 * left[0]                                # the low-Mg panel has thinner arrows


def test_more_oral_vitamin_d_widens_the_diet_arrow(normal_and_low):
    normal, _ = normal_and_low
    more = pathway_fluxes(vitamin_d_iu_per_day=1200)
    assert relative_widths(more, normal)["oral_iu_per_day"] == pytest.approx(2.0)
    assert relative_widths(more, normal)["hydroxylation_25"] > 1.0


def test_pathway_figure_is_titled_and_labels_every_flux_with_its_unit(normal_and_low):
    fig, summary = draw_pathway(*normal_and_low)
    assert "Vitamin D activation pathway" in fig.get_suptitle()
    for ax in fig.axes:
        assert ax.get_title()
        texts = " ".join(t.get_text() for t in ax.texts)
        for unit in ("IU/day", "nmol/L/day", "pmol/L/day", "nmol/L", "pmol/L"):
            assert unit in texts
        for enzyme in ("CYP2R1", "CYP27B1", "CYP24A1"):
            assert enzyme in texts
        assert texts.count("Mg\n") == 3                              # one magnesium badge per enzyme


def test_pathway_summary_gives_fluxes_and_magnesium_factors(normal_and_low):
    normal, low = normal_and_low
    text = summarize_pathway(low, normal)
    assert f"{low.hydroxylation_1a:,.0f} pmol/L/day" in text
    assert f"{100 * low.hydroxylation_1a / normal.hydroxylation_1a:.0f}% of the reference" in text
    assert f"CYP27B1 at {100 * low.mg_factor_cyp27b1:.0f}%" in text


def test_draw_pathway_refuses_bad_panels(normal_and_low):
    with pytest.raises(InputError, match="1 to 3 panels"):
        draw_pathway(*(normal_and_low * 2))
    with pytest.raises(TypeError, match="PathwayFluxes"):
        draw_pathway({"ohd25_nmol_l": 60})


def test_pathway_redraw_reuses_the_figure(normal_and_low):
    drawing, first = redraw_pathway(normal_and_low[:1])
    again, second = redraw_pathway(normal_and_low[1:], reference=normal_and_low[0], drawing=drawing)
    assert again.figure is drawing.figure and first != second


def test_every_arrow_of_the_diagram_carries_a_flux_of_the_experiment():
    assert tuple(step.key for step in STEPS) == FLUX_KEYS


# ---- the explorer --------------------------------------------------------------------------
def _ohd_and_calcitriol_lines(fig):
    axes = {ax.get_label(): ax for ax in fig.axes}
    return axes["ohd25_nmol_l"].lines, axes["calcitriol_pmol_l"].lines


def test_moving_the_magnesium_slider_redraws_the_same_figure_with_new_data():
    ex = activation_explorer()
    ex.widget()
    assert ex.state.error is None
    fig = ex.figure
    before = _ohd_and_calcitriol_lines(fig)[1][0].get_ydata().copy()
    ex.controls["serum_mg"].value = 0.45
    assert ex.state.error is None
    assert ex.figure is fig                                          # updated in place, not rebuilt
    after = _ohd_and_calcitriol_lines(fig)[1][0].get_ydata()
    assert after[-1] < 0.8 * before[-1]                               # calcitriol falls with magnesium
    assert "0.45 mmol/L" in ex.state.summary


def test_intake_and_skin_controls_change_25ohd():
    ex = activation_explorer()
    ex.widget()
    ex.controls["vitd_iu_per_day"].value = 2000
    ohd_more = _ohd_and_calcitriol_lines(ex.figure)[0][1].get_ydata().copy()   # normal-magnesium run
    assert ohd_more[-1] > ohd_more[0] + 10
    ex.controls["skin"].value = False
    ohd_no_sun = _ohd_and_calcitriol_lines(ex.figure)[0][1].get_ydata()
    assert ohd_no_sun[-1] < ohd_more[-1]
    assert "no vitamin D from skin" in ex.state.summary


def test_low_magnesium_hits_calcitriol_harder_than_25ohd():
    data = compute(serum_mg=0.45, vitd_iu_per_day=1000)
    low, normal = data.runs["chosen magnesium"].iloc[-1], data.runs["normal magnesium"].iloc[-1]
    ohd_ratio = low["ohd25_nmol_l"] / normal["ohd25_nmol_l"]
    calcitriol_ratio = low["calcitriol_pmol_l"] / normal["calcitriol_pmol_l"]
    assert calcitriol_ratio < 0.8 and calcitriol_ratio < ohd_ratio
    # model v2 (issue 13): 25(OH)D is not lowered by severe depletion (Rude 1985), within 15 %
    assert abs(ohd_ratio - 1.0) <= 0.15


def test_explorer_figure_has_titles_and_unit_labels_and_the_summary_key_values():
    data = compute(serum_mg=0.45, vitd_iu_per_day=1000, days=180)
    fig, summary = draw_activation(data)
    axes = {ax.get_label(): ax for ax in fig.axes}
    assert axes["ohd25_nmol_l"].get_ylabel().endswith("(nmol/L)")
    assert axes["calcitriol_pmol_l"].get_ylabel().endswith("(pmol/L)")
    assert axes["ohd25_nmol_l"].get_xlabel() == "time (days)"
    assert fig.get_suptitle() and "last day of the chosen run" in axes["pathway"].get_title()
    assert "Day 180: serum Mg 0.45 mmol/L" in summary  # the setting of the pathway panel
    end = data.runs["chosen magnesium"].iloc[-1]
    assert summary.startswith("Teaching model")
    assert f"{end['ohd25_nmol_l']:.0f} nmol/L" in summary
    assert f"{end['calcitriol_pmol_l']:.0f} pmol/L" in summary
    assert "Over 180 days" in summary


def test_out_of_range_input_shows_a_message_not_a_traceback():
    ex = activation_explorer()
    ex.widget()
    fig = ex.figure
    state = ex.render(serum_mg=0.1, vitd_iu_per_day=600, skin=True, days=365)
    assert state.error and "0.3 to 1.1 mmol/L" in state.error
    assert ex.figure is fig                                          # the last good figure is kept
    assert ex.output_bundle()["text/plain"].startswith("Please check your input: serum magnesium")
    assert "vitamin D intake" in ex.render(serum_mg=0.5, vitd_iu_per_day=-5, skin=True, days=365).error
    assert ex.render(serum_mg=0.5, vitd_iu_per_day=600, skin="yes", days=365).error.startswith("skin must be")
    assert ex.render(serum_mg=0.5, vitd_iu_per_day=600, skin=True, days=90.5).error.startswith("run length")
    ex.controls["serum_mg"].value = 0.7                              # a valid move clears the message
    assert ex.state.error is None and "0.70 mmol/L" in ex.output_bundle()["text/plain"]


def test_intakes_above_the_upper_level_are_flagged_in_the_summary():
    data = compute(serum_mg=0.85, vitd_iu_per_day=6000, days=60)
    _, summary = draw_activation(data)
    assert data.warnings and "upper intake level" in summary


def test_compute_is_pure_and_repeatable():
    a, b = compute(0.55, 800, True, 120), compute(0.55, 800, True, 120)
    for label in a.runs:
        np.testing.assert_allclose(a.runs[label]["calcitriol_pmol_l"], b.runs[label]["calcitriol_pmol_l"])
