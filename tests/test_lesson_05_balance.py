"""Lesson 05 (keeping both in balance): the sun explorer and the lesson's figures and table."""
from __future__ import annotations

import numpy as np
import pytest

from mgdlearn.bibliography import REFERENCES
from mgdlearn.errors import InputError
from mgdlearn.experiments import comparison, foods
from mgdlearn.experiments import sun as sunx
from mgdlearn.observations import trial_findings
from mgdlearn.plots.comparison import comparison_table_bundle
from mgdlearn.plots.foods import draw_food_sources
from mgdlearn.plots.sun import draw_sun_by_latitude, draw_sun_explorer
from mgdlearn.plots.trials import draw_trial_effects
from mgdlearn.widgets.sun import sun_explorer


def _labels_have_units(fig) -> None:
    for ax in fig.axes:
        assert ax.get_title(), "every panel has a title"
        assert "(" in ax.get_xlabel() or "per" in ax.get_xlabel() or "month" in ax.get_xlabel()
        if ax.get_ylabel():
            assert "(" in ax.get_ylabel(), f"y label without a unit: {ax.get_ylabel()!r}"


# --- sun explorer ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def explorer():
    ex = sun_explorer()
    ex.widget()  # interactive_output renders once on creation, as in the notebook
    return ex


def test_sun_explorer_first_render_shows_july_at_42n_without_error(explorer):
    state = explorer.state
    assert state.error is None
    assert "42 deg N, July" in state.summary
    assert "IU" in state.summary and "nmol/L" in state.summary and "teaching model" in state.summary


def test_moving_controls_changes_the_bars_and_the_model_curve(explorer):
    fig = explorer.figure
    bars_before = [p.get_height() for p in fig.axes[0].patches]
    curve = explorer.drawing.handles["ohd25"]
    y_before = curve.get_ydata().copy()
    explorer.controls["skin_type"].value = 6
    explorer.controls["latitude"].value = 60
    assert explorer.state.error is None
    assert explorer.figure is fig, "the figure is updated in place"
    bars_after = [p.get_height() for p in fig.axes[0].patches]
    assert max(bars_after) < max(bars_before), "darker skin further north makes less vitamin D"
    assert not np.allclose(curve.get_ydata(), y_before)
    assert "60 deg N" in explorer.state.summary and "skin type VI" in explorer.state.summary


def test_chosen_month_is_highlighted(explorer):
    state = explorer.render(latitude=42, month="March", skin_type=2, minutes=10, skin_fraction=0.25,
                            vitamin_d_iu_per_day=600)
    assert state.error is None
    hatched = [i for i, p in enumerate(explorer.figure.axes[0].patches) if p.get_hatch()]
    assert hatched == [2]


def test_invalid_values_show_a_message_not_a_traceback(explorer):
    state = explorer.render(latitude=95, month="July", skin_type=2, minutes=10, skin_fraction=0.25,
                            vitamin_d_iu_per_day=600)
    assert state.error is not None and "-90 to 90" in state.error
    state = explorer.render(latitude=42, month="Smarch", skin_type=2, minutes=10, skin_fraction=0.25,
                            vitamin_d_iu_per_day=600)
    assert state.error is not None and "month" in state.error


def test_vitamin_d_winter_at_42n_and_no_synthesis_means_lower_model_values():
    winter = sunx.compute(latitude=42, month="December", minutes=30)
    assert winter.estimate.iu == 0.0 and winter.estimate.vitamin_d_winter
    assert [round(v) for v in winter.monthly_iu[:2]] == [0, 0]
    lo, lo_month, hi, hi_month = winter.ohd25_range
    assert hi > lo and hi_month in ("June", "July", "August", "September")


def test_more_oral_vitamin_d_lifts_the_whole_modelled_year():
    low = sunx.compute(vitamin_d_iu_per_day=0).monthly_means()
    high = sunx.compute(vitamin_d_iu_per_day=2000).monthly_means()
    assert all(h > l for h, l in zip(high, low))


def test_hand_off_scenario_carries_the_skin_estimate_into_the_model():
    from mgdlearn.model import steady_state
    from mgdlearn.sun import sun_iu_per_day

    july = sunx.sun_scenario(42, "July", minutes=10, skin_type=2, vitamin_d_iu_per_day=600)
    december = sunx.sun_scenario(42, "December", minutes=10, skin_type=2, vitamin_d_iu_per_day=600)
    assert july.sun_iu_per_day == pytest.approx(sun_iu_per_day(42, "July", minutes=10, skin_type=2))
    assert december.sun_iu_per_day == 0.0
    assert steady_state(july)["ohd25_nmol_l"] > steady_state(december)["ohd25_nmol_l"]


def test_seasonal_course_needs_twelve_months():
    with pytest.raises(InputError, match="12 values"):
        sunx.seasonal_course([1000.0] * 11)
    course = sunx.seasonal_course([0.0] * 12, vitamin_d_iu_per_day=600)
    assert len(course) == 365 and list(course.columns) == ["sun_iu_per_day", "ohd25_nmol_l"]
    assert course["ohd25_nmol_l"].max() - course["ohd25_nmol_l"].min() < 1.0, "constant input, flat year"


@pytest.mark.parametrize("latitude, minutes, oral", [(52, 20, 600), (0, 5, 0), (30, 15, 600), (42, 60, 4000),
                                                      (60, 30, 600), (70, 10, 0), (-40, 15, 600)])
def test_seasonal_course_is_the_year_that_repeats_within_one_nmol_per_litre(latitude, minutes, oral):
    from mgdlearn.model import Scenario, simulate_sequence

    monthly = list(sunx.compute(latitude=latitude, minutes=minutes).monthly_iu)
    course = sunx.seasonal_course(monthly, vitamin_d_iu_per_day=oral)
    # the reference: three whole years from the steady state of the mean input; the last repeats
    days = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    months = [(Scenario(vitamin_d_iu_per_day=oral, sun_iu_per_day=iu), n) for iu, n in zip(monthly, days)]
    start = Scenario(vitamin_d_iu_per_day=oral, sun_iu_per_day=float(np.average(monthly, weights=days)))
    repeating = simulate_sequence(months * 3, start=start).df["ohd25_nmol_l"].to_numpy()[-365:]
    assert np.max(np.abs(course["ohd25_nmol_l"].to_numpy() - repeating)) < 1.0
    if latitude in (52, 60):
        assert course["ohd25_nmol_l"].max() - course["ohd25_nmol_l"].min() > 10, "a real seasonal swing"


def test_sun_explorer_draw_titles_and_units():
    fig, summary = draw_sun_explorer(sunx.compute())
    _labels_have_units(fig)
    assert fig._suptitle.get_text()
    assert "nmol/L" in fig.axes[1].get_ylabel() and "IU" in fig.axes[0].get_ylabel()


def test_explorer_rejects_unknown_defaults():
    with pytest.raises(InputError, match="January"):
        sun_explorer(month="Jul")


# --- lesson figures -----------------------------------------------------------------------------
def test_sun_by_latitude_reproduces_the_boston_vitamin_d_winter():
    data = sunx.sun_by_latitude((42.0, 25.0))
    boston = data.iu_by_month[0]
    assert [i for i, v in enumerate(boston) if v < 1.0] == [0, 1, 10, 11]  # Nov-Feb (Webb 1988)
    assert min(data.iu_by_month[1]) > 0, "at 25 deg N some vitamin D is made in every month"
    fig, summary = draw_sun_by_latitude(data)
    _labels_have_units(fig)
    assert "42° N" in summary and "Nov-Feb" in summary and "25° N" in summary and "every month" in summary


def test_darker_skin_makes_less_from_the_same_minutes():
    data = sunx.sun_by_latitude()
    for values in data.iu_by_skin_type:
        assert list(values) == sorted(values, reverse=True)


def test_sun_by_latitude_rejects_bad_input():
    with pytest.raises(InputError, match="1 to 5"):
        sunx.sun_by_latitude(tuple(range(0, 60, 10)))
    with pytest.raises(TypeError):
        draw_sun_by_latitude({"latitudes": (42,)})


def test_trial_figure_shows_effect_sizes_and_populations():
    fig, summary = draw_trial_effects()
    ax = fig.axes[0]
    assert ax.get_title() and "ng/mL" in ax.get_xlabel()
    widths = sorted(round(p.get_width(), 1) for p in ax.patches if p.get_width() > 0 and p.get_height() < 1)
    assert 6.3 in widths and 7.0 in widths and 4.8 in widths
    for text in ("+6.3 ng/mL", "overweight or obese", "180 adults", "fell", "one small trial"):
        assert text in summary


def test_every_trial_finding_cites_a_known_source_and_level():
    for f in trial_findings():
        assert all(k in REFERENCES for k in f.source.split(";"))
        assert f.evidence in ("established", "supported", "emerging", "claim")
        assert (f.change_ng_ml is None) == (f.kind == "direction")


def test_comparison_table_numbers_come_from_the_reference_data():
    from mgdlearn.reference_values import rda, ul

    bundle = comparison_table_bundle()
    text = bundle["text/plain"]
    assert f"RDA {rda('magnesium', 25, 'female'):g}-{rda('magnesium', 40, 'male'):g} mg/day" in text
    assert f"{ul('magnesium', 30):g} mg/day from supplements" in text
    assert "RDA 600 IU (15 µg)" in text and "4,000 IU (100 µg)" in text
    assert "pumpkin seeds 156 mg" in text and "canned light tuna 40 IU" in text
    assert bundle["text/html"].count("<tr>") == len(comparison.comparison_rows()) + 1
    for row in comparison.comparison_rows():
        assert all(k in REFERENCES for k in row.source.split(";") if k), row.feature


def test_comparison_table_names_organisations_readably():
    text = comparison_table_bundle()["text/plain"]
    assert "Institute of Medicine 2011" in text and "de Baaij et al. 2015" in text


def test_food_figure_ranks_pumpkin_seeds_first_and_shows_percent_of_rda():
    data = foods.food_ranking(n=5, age_years=40, sex="female")
    assert data.magnesium[0][0].startswith("Pumpkin seeds") and data.magnesium_rda == 320
    fig, summary = draw_food_sources(data)
    _labels_have_units(fig)
    assert "156 mg (49 %)" in summary and "600 IU" in summary
    with pytest.raises(InputError):
        foods.food_ranking(n=30)


def test_every_number_the_comparison_table_fills_in_is_backed_by_its_rows_sources():
    """The table's text lives in data/comparison.csv; the reference values and foods it takes
    numbers from cite keys its row lists (so the CSV's sources cannot go stale)."""
    import string

    from mgdlearn.observations import comparison_templates

    numbers, sources = comparison.comparison_numbers()
    assert set(numbers) == set(sources)
    for template in comparison_templates():
        row_keys = set(template.source.split(";"))
        assert row_keys <= set(REFERENCES)
        for text in (template.magnesium, template.vitamin_d):
            for _, name, _, _ in string.Formatter().parse(text):
                if name:
                    assert sources[name] <= row_keys, f"{template.feature}: {name} cites {sources[name] - row_keys}"
