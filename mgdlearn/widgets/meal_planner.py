"""Lesson 05's meal planner: choose foods and servings, see magnesium, calcium and vitamin D against
RDA and UL.

:class:`MealPlanner` is an :class:`~mgdlearn.widgets.base.Explorer` (its redraw path and memory
policy): the food rows (:class:`FoodRows`), the person and the supplements are its controls,
:func:`mgdlearn.experiments.meal_planner.compute` its compute and
:func:`mgdlearn.plots.meal_planner.redraw_planner` its draw. Two buttons add to it: one runs
:func:`mgdlearn.nutrition.close_gap`, one hands the diet to the model for 180 days.

Bad input (negative servings, a pregnant man, an unknown food) shows a short message in the widget,
never a traceback. Teaching tool, not dietary advice (:data:`mgdlearn.nutrition.CAVEAT`).
"""
from __future__ import annotations

import html
from typing import Any, Sequence

import ipywidgets as w  # a widgets module: shown, so it needs ipywidgets anyway
import traitlets

from mgdlearn.experiments.meal_planner import (
    DEFAULT_MENU,
    LIFE_STAGES,
    NO_FOOD,
    compute,
    person,
    selection,
    simulate_diet,
)
from mgdlearn.model import Result
from mgdlearn.model.scenario import DEFAULTS
from mgdlearn.nutrition import CAVEAT, GapPlan, Supplements, close_gap, find_food, food_names
from mgdlearn.plots.frame import Drawing
from mgdlearn.plots.meal_planner import redraw_diet_run, redraw_planner
from mgdlearn.plots.style import png_bundle
from mgdlearn.widgets.a11y import accessibility_helper
from mgdlearn.widgets.base import Explorer, dropdown, message_bundle, slider
from mgdlearn.widgets.live import LiveFigure

__all__ = ["FoodRows", "MealPlanner", "meal_planner"]


class FoodRows(w.VBox):
    """Food rows (a food menu and its servings each) as one control: its ``value`` is the tuple of
    chosen ``(food, servings)`` pairs (empty rows left out), so an :class:`Explorer` observes it like
    a slider.

    Parameters
    ----------
    menu : sequence of (food, servings)
        Foods shown at the start.
    rows : int
        Number of rows (at least the length of ``menu``).

    Attributes
    ----------
    food_boxes, serving_boxes : list of widgets
        Each row's food menu and servings box.
    """

    value = traitlets.Tuple()

    def __init__(self, menu: Sequence[tuple[str, float]], rows: int) -> None:
        names = food_names()
        rows = max(int(rows), len(menu))
        chosen = [(find_food(n).name, float(s)) for n, s in menu] + [(NO_FOOD, 1.0)] * (rows - len(menu))
        # each food menu has a visible label (the ipywidgets <label for> names it for screen readers)
        self.food_boxes = [w.Dropdown(options=(NO_FOOD, *names), value=name, description=f"Food {i}",
                                      style={"description_width": "4em"}, layout=w.Layout(width="26em"))
                           for i, (name, _) in enumerate(chosen, start=1)]
        self.serving_boxes = [w.FloatText(value=s, step=0.5, description="servings", continuous_update=False,
                                          layout=w.Layout(width="12em")) for _, s in chosen]
        super().__init__([w.HBox([f, s]) for f, s in zip(self.food_boxes, self.serving_boxes)])
        self.value = self._selection()
        for box in (*self.food_boxes, *self.serving_boxes):
            box.observe(self._update, names="value")

    def _update(self, _change: object) -> None:
        self.value = self._selection()

    def _selection(self) -> tuple:
        return tuple((f.value, s.value) for f, s in zip(self.food_boxes, self.serving_boxes) if f.value != NO_FOOD)


class MealPlanner(Explorer):
    """The meal planner widget: food rows, person, supplements, chart, gap button, model hand-off.

    Parameters
    ----------
    menu : sequence of (food, servings)
        Foods shown at the start (default :data:`~mgdlearn.experiments.meal_planner.DEFAULT_MENU`).
    rows : int
        Number of food rows (at least the length of ``menu``).

    Attributes
    ----------
    state : ExplorerState
        The last chart's values, :class:`~mgdlearn.experiments.meal_planner.PlannerData` and
        summary, or the error message shown.
    displayed : dict
        The MIME bundle shown in the chart area now (figure or message).
    last_plan : GapPlan or None
        The last gap-closing suggestion.
    last_run : Result or None
        The last model run.
    """

    def __init__(self, menu: Sequence[tuple[str, float]] = DEFAULT_MENU, rows: int = 8) -> None:
        self.foods = FoodRows(menu, rows)
        self.food_boxes, self.serving_boxes = self.foods.food_boxes, self.foods.serving_boxes
        self.age = slider("Age", "years", value=30, min=1, max=100, step=1, integer=True)
        self.sex = dropdown("Sex", ("female", "male"), "female")
        self.life_stage = dropdown("Pregnancy / breastfeeding", tuple(LIFE_STAGES), "none")
        self.supp_mg = slider("Magnesium supplement", "mg/day", value=0, min=0, max=700, step=25)
        self.supp_ca = slider("Calcium supplement", "mg/day", value=0, min=0, max=1500, step=50)
        self.supp_vd = slider("Vitamin D supplement", "IU/day", value=0, min=0, max=6000, step=100)
        super().__init__(
            "Meal planner: magnesium, calcium and vitamin D",
            {"foods": self.foods, "age_years": self.age, "sex": self.sex, "life_stage": self.life_stage,
             "supplement_magnesium_mg": self.supp_mg, "supplement_calcium_mg": self.supp_ca,
             "supplement_vitamin_d_iu": self.supp_vd},
            compute, redraw_planner,
            alt="Bar chart of magnesium, calcium and vitamin D intake as percent of the RDA, with upper limits marked.")
        self.sun = slider("Sun and other sources (model)", "IU/day", value=DEFAULTS["sun_iu_per_day"][0], min=0,
                          max=5000, step=100)
        self.preferred = w.SelectMultiple(options=food_names(), rows=6, description="Suggest only",
                                          layout=w.Layout(width="34em"), style={"description_width": "16em"})
        self.gap_button = w.Button(description="Close the magnesium gap", button_style="info",
                                   layout=w.Layout(width="16em"))
        self.model_button = w.Button(description="What would this diet do over 6 months?",
                                     layout=w.Layout(width="24em"))
        self.gap_out, self.model_out = w.Output(), w.Output()
        self.last_plan: GapPlan | None = None
        self.last_run: Result | None = None
        self._run_drawing: Drawing | None = None
        self._run_live: LiveFigure | None = None
        self.gap_button.on_click(lambda _b: self.suggest())
        self.model_button.on_click(lambda _b: self.run_model())
        self.output_widget()  # the chart is wired and drawn at once (the buttons read its values)
        self.refresh()

    @property
    def chart_out(self) -> w.Output:
        """The output widget of the chart."""
        return self.output_widget()

    # -- values -------------------------------------------------------------------------------
    def selection(self) -> list[tuple[str, float]]:
        """The chosen (food, servings) rows (``"(none)"`` rows left out)."""
        return list(self.foods.value)

    def _supplements(self) -> Supplements:
        return Supplements(magnesium_mg=self.supp_mg.value, calcium_mg=self.supp_ca.value,
                           vitamin_d_iu=self.supp_vd.value)

    # -- actions -------------------------------------------------------------------------------
    def suggest(self) -> GapPlan | None:
        """Run :func:`close_gap` for the current day (within the preferred foods, if any chosen)."""
        allowed = list(self.preferred.value) or None
        try:
            plan = close_gap(selection(self.foods.value), person(self.age.value, self.sex.value, self.life_stage.value),
                             self._supplements(), allowed_foods=allowed)
        except (ValueError, TypeError) as exc:
            self.last_plan = None
            self._show(self.gap_out, message_bundle(str(exc)))
            return None
        self.last_plan = plan
        self._show(self.gap_out, message_bundle(plan.summary(), "info"))
        return plan

    def run_model(self) -> Result | None:
        """Simulate 180 days of this diet with the model and show 25(OH)D and serum magnesium."""
        try:
            result = simulate_diet(self.selection(), sun_iu_per_day=self.sun.value,
                                   supplement_magnesium_mg=self.supp_mg.value, supplement_calcium_mg=self.supp_ca.value,
                                   supplement_vitamin_d_iu=self.supp_vd.value)
            self._run_drawing, summary = redraw_diet_run(result, self._run_drawing)
        except (ValueError, TypeError) as exc:
            self.last_run = None
            self._show(self.model_out, message_bundle(str(exc)))
            return None
        self.last_run = result
        fig = self._run_drawing.figure
        if self._run_live is None or self._run_live.figure is not fig:
            self._run_live = LiveFigure(fig)
        self._show(self.model_out, png_bundle(self._run_live.png(), "Two line charts: 25(OH)D and serum magnesium "
                                              "over 180 days of this diet in the teaching model.", summary, with_png=False))
        return result

    # -- display -------------------------------------------------------------------------------
    @staticmethod
    def _show(out: Any, bundle: dict[str, str]) -> None:
        # Set the Output widget's state directly (as Explorer.refresh does): the figure travels
        # with the widget state and never leaks into the cell's own output under nbval.
        out.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)

    def widget(self) -> w.VBox:
        """The whole planner as one widget."""
        chart = self.output_widget()
        self.refresh()
        heading = w.HTML(f"<h4 style='margin:4px 0'>{html.escape(self.title)}</h4>")
        caveat = w.HTML(f"<p style='max-width:44em;font-size:90%'>{html.escape(CAVEAT)}</p>")
        return w.VBox([
            heading, w.HTML("<b>Foods of one day</b> (servings as listed in the food table)"), self.foods,
            w.HTML("<b>Person and supplements</b>"), self.age, self.sex, self.life_stage,
            self.supp_mg, self.supp_ca, self.supp_vd, chart,
            w.HTML("<b>Close the gap</b> (optionally pick foods you would eat; none picked = any food)"),
            self.preferred, self.gap_button, self.gap_out,
            w.HTML("<b>Hand-off to the model</b>"), self.sun, self.model_button, self.model_out, caveat,
            accessibility_helper(),  # hidden; last, so the box's text form (compared by nbval) keeps its start
        ])


def meal_planner(menu: Sequence[tuple[str, float]] = DEFAULT_MENU, rows: int = 8) -> MealPlanner:
    """Build a :class:`MealPlanner` (display it as the last expression of a cell)."""
    return MealPlanner(menu=menu, rows=rows)
