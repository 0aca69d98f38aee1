"""The meal planner widget: controls drive the chart, bad choices show a message, buttons work."""
from __future__ import annotations

import pytest

pytest.importorskip("ipywidgets")

from mgdlearn.experiments.meal_planner import DEFAULT_MENU, compute  # noqa: E402
from mgdlearn.nutrition import CAVEAT, find_food  # noqa: E402
from mgdlearn.plots.meal_planner import draw_diet_run  # noqa: E402
from mgdlearn.plots.meal_planner import draw_planner as draw
from mgdlearn.widgets.meal_planner import MealPlanner  # noqa: E402


def _bar_heights(planner: MealPlanner) -> dict[str, float]:
    """Stacked bar tops read from the matplotlib artists (food bars first, then supplement bars)."""
    patches = planner.figure.axes[0].patches
    heights = [p.get_height() for p in patches]
    food, supp = heights[:3], heights[3:6]
    return {k: f + s for k, f, s in zip(("magnesium", "calcium", "vitamin_d"), food, supp)}


@pytest.fixture
def planner() -> MealPlanner:
    return MealPlanner()


def test_compute_and_draw_are_pure_and_agree():
    data = compute([("pumpkin seeds", 1), ("milk", 2)], age_years=30, sex="female")
    assert data.bars["magnesium"][0] == pytest.approx(100 * (156 + 2 * 27) / 310)
    assert data.ul_percent["vitamin_d"] == pytest.approx(100 * 4000 / 600)
    fig, summary = draw(data)
    heights = [p.get_height() for p in fig.axes[0].patches][:3]
    assert heights == pytest.approx([data.bars[k][0] for k in ("magnesium", "calcium", "vitamin_d")])
    assert "Ca:Mg ratio" in summary and "Ca:Mg ratio" in fig.axes[0].get_title()


def test_planner_starts_with_the_default_menu_drawn(planner):
    assert planner.state.error is None
    assert [name for name, _ in planner.selection()] == [find_food(n).name for n, _ in DEFAULT_MENU]
    assert planner.displayed["text/plain"].startswith("Bar chart of magnesium")
    assert _bar_heights(planner)["magnesium"] == pytest.approx(planner.state.data.bars["magnesium"][0])


def test_changing_servings_and_foods_changes_the_bars(planner):
    before = _bar_heights(planner)
    planner.serving_boxes[0].value = 3  # oatmeal 1 -> 3 servings
    more_oats = _bar_heights(planner)
    assert more_oats["magnesium"] > before["magnesium"]
    planner.food_boxes[6].value = find_food("pumpkin seeds").name  # an empty row gets a food
    seeds = _bar_heights(planner)
    assert seeds["magnesium"] == pytest.approx(more_oats["magnesium"] + 100 * 156 / 310)
    planner.food_boxes[1].value = "(none)"  # drop the milk
    assert _bar_heights(planner)["calcium"] < seeds["calcium"]


def test_person_and_supplements_change_the_reference_and_the_stack(planner):
    woman = _bar_heights(planner)["magnesium"]
    planner.sex.value = "male"
    planner.age.value = 45
    assert _bar_heights(planner)["magnesium"] == pytest.approx(woman * 310 / 420)
    planner.supp_vd.value = 1000
    assert planner.state.data.bars["vitamin_d"][1] == pytest.approx(100 * 1000 / 600)
    assert _bar_heights(planner)["vitamin_d"] > 100 * 1000 / 600


def test_invalid_choices_show_a_message_not_a_traceback(planner):
    drawn = _bar_heights(planner)
    planner.serving_boxes[0].value = -1
    assert "servings of Oatmeal" in planner.state.error and "0 to 50" in planner.state.error
    assert planner.displayed["text/plain"].startswith("Please check your input:")
    assert "Traceback" not in planner.displayed["text/html"]
    assert _bar_heights(planner) == drawn  # the last good chart is kept
    planner.serving_boxes[0].value = 1
    assert planner.state.error is None
    planner.life_stage.value = "pregnant"
    planner.sex.value = "male"
    assert "pregnancy values exist only for females" in planner.displayed["text/plain"]


def test_gap_button_suggests_foods_with_the_caveat(planner):
    planner.gap_button.click()
    plan = planner.last_plan
    assert plan is not None and plan.feasible and plan.added
    assert plan.after.status("magnesium").total >= plan.after.status("magnesium").rda
    assert plan.caveat == CAVEAT


def test_gap_button_reports_when_the_preferred_foods_cannot_close_the_gap(planner):
    planner.preferred.value = (find_food("apple").name,)
    planner.gap_button.click()
    assert planner.last_plan is not None and not planner.last_plan.feasible
    assert "cannot be closed with the allowed foods: Apple" in planner.last_plan.message


def test_model_button_runs_six_months_of_the_diet(planner):
    planner.model_button.click()
    run = planner.last_run
    assert run is not None and int(run.df.index[-1]) == 180
    assert {"ohd25_nmol_l", "mg_serum_mmol_l"} <= set(run.df.columns)
    fig, summary = draw_diet_run(run)
    assert len([ax for ax in fig.axes if ax.get_visible()]) == 2
    assert "25(OH)D" in summary and "180 days" in summary


def test_more_vitamin_d_in_the_diet_keeps_25ohd_higher_in_the_model(planner):
    planner.model_button.click()
    plain = planner.last_run.df["ohd25_nmol_l"].iloc[-1]
    planner.food_boxes[6].value = find_food("cod liver oil").name
    planner.model_button.click()
    assert planner.last_run.df["ohd25_nmol_l"].iloc[-1] > plain
