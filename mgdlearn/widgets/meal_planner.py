"""Meal planner: choose foods and servings, see magnesium, calcium and vitamin D against RDA and UL.

Three pure layers, as in every explorer (:mod:`mgdlearn.widgets.base`):

* :func:`compute` turns the chosen foods, the person and supplements into :class:`PlannerData`
  (an :class:`mgdlearn.nutrition.Assessment` plus the bar heights in % of the RDA/AI);
* :func:`draw` turns that into a bar chart (food and supplements stacked, RDA line at 100 %,
  UL markers) and a one-paragraph summary with the Ca:Mg ratio;
* :class:`MealPlanner` wires ipywidgets controls to them, with a button that runs
  :func:`mgdlearn.nutrition.close_gap` and one that hands the diet to the model for 180 days
  (:func:`simulate_diet`, :func:`draw_diet_run`).

Bad input (negative servings, a pregnant man, an unknown food) shows a short message in the widget,
never a traceback. Teaching tool, not dietary advice (:data:`mgdlearn.nutrition.CAVEAT`).

Examples
--------
>>> from mgdlearn.widgets.meal_planner import compute, draw
>>> data = compute([("pumpkin seeds", 1), ("milk", 2)], age_years=30, sex="female")
>>> round(data.bars["magnesium"][0])
68
>>> fig, summary = draw(data)          # doctest: +SKIP
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from mgdlearn.nutrition import (
    CAVEAT,
    NUTRIENTS,
    Assessment,
    GapPlan,
    Person,
    Supplements,
    assess,
    close_gap,
    find_food,
    food_names,
    to_scenario,
)
from mgdlearn.widgets.base import ExplorerState, dropdown, message_bundle, slider

if TYPE_CHECKING:  # pragma: no cover
    import ipywidgets
    from matplotlib.figure import Figure

__all__ = ["DEFAULT_MENU", "LIFE_STAGES", "PlannerData", "compute", "draw", "simulate_diet", "draw_diet_run",
           "MealPlanner", "meal_planner"]

#: A plain day low in magnesium-rich foods, to start from (food, servings).
DEFAULT_MENU: tuple[tuple[str, float], ...] = (
    ("oatmeal", 1.0), ("milk", 1.0), ("banana", 1.0), ("white rice", 2.0), ("chicken breast", 1.0),
    ("broccoli", 1.0),
)
#: Life-stage choices of the widget -> (pregnant, lactating).
LIFE_STAGES: Mapping[str, tuple[bool, bool]] = MappingProxyType({
    "none": (False, False), "pregnant": (True, False), "breastfeeding": (False, True),
})
_NONE = "(none)"
_LABELS = {"magnesium": "Magnesium", "calcium": "Calcium", "vitamin_d": "Vitamin D"}
_SIM_DAYS = 180


@dataclass(frozen=True)
class PlannerData:
    """What the chart shows.

    Attributes
    ----------
    assessment : Assessment
        The day's intake against the person's reference intakes.
    bars : mapping
        Nutrient -> (food, supplements) as % of the RDA/AI (the heights of the stacked bars).
    ul_percent : mapping
        Nutrient -> UL as % of the RDA/AI (``None`` where no UL is set).
    """

    assessment: Assessment
    bars: Mapping[str, tuple[float, float]]
    ul_percent: Mapping[str, float | None]


def _selection(foods: Any) -> list[tuple[str, float]]:
    if isinstance(foods, Mapping):
        items: Iterable[Any] = foods.items()
    else:
        items = foods
    return [(name, servings) for name, servings in items if name and name != _NONE]


def _person(age_years: float, sex: str, life_stage: str) -> Person:
    if life_stage not in LIFE_STAGES:
        raise ValueError(f"life stage {life_stage!r} is not one of: {', '.join(LIFE_STAGES)}.")
    pregnant, lactating = LIFE_STAGES[life_stage]
    return Person(age_years=age_years, sex=sex, pregnant=pregnant, lactating=lactating)


def compute(foods: Sequence[tuple[str, float]] | Mapping[str, float], age_years: float = 30.0,
            sex: str = "female", life_stage: str = "none", supplement_magnesium_mg: float = 0.0,
            supplement_calcium_mg: float = 0.0, supplement_vitamin_d_iu: float = 0.0) -> PlannerData:
    """Assess the chosen foods and supplements for one person; bar heights in % of the RDA/AI.

    ``foods`` is a list of ``(food name, servings)`` (``"(none)"`` rows are skipped) or a mapping.
    Raises ``ValueError``/``TypeError`` with a helpful message for bad input.
    """
    supplements = Supplements(magnesium_mg=supplement_magnesium_mg, calcium_mg=supplement_calcium_mg,
                              vitamin_d_iu=supplement_vitamin_d_iu)
    a = assess(_selection(foods), _person(age_years, sex, life_stage), supplements)
    bars = {s.nutrient: (100.0 * s.food / s.rda, 100.0 * s.supplements / s.rda) for s in a.statuses}
    uls = {s.nutrient: (None if s.ul is None else 100.0 * s.ul / s.rda) for s in a.statuses}
    return PlannerData(assessment=a, bars=MappingProxyType(bars), ul_percent=MappingProxyType(uls))


def draw(data: PlannerData, fig: "Figure | None" = None) -> "tuple[Figure, str]":
    """Bar chart of % of RDA/AI per nutrient (food + supplements), with RDA and UL marks.

    Returns the figure and a summary paragraph (totals, status, Ca:Mg ratio). ``fig`` from a
    previous call is updated in place: the bars change height, the labels and UL marks are drawn
    anew, and the frame (0 to :data:`PLANNER_TOP` %) stays.
    """
    from mgdlearn.plots.fastpng import static
    from mgdlearn.plots.style import PALETTE, apply_style, color, new_figure, style_axes

    a = data.assessment
    keys = list(NUTRIENTS)
    xs = list(range(len(keys)))
    food = [data.bars[k][0] for k in keys]
    supp = [data.bars[k][1] for k in keys]
    with apply_style():
        if fig is None or not hasattr(fig, "_mgd_planner"):
            fig, ax = new_figure(width=7.0, height=3.4)
            colours = [color("vitamin_d" if k == "vitamin_d" else k) for k in keys]
            ax.bar(xs, food, color=colours, width=0.6, edgecolor=PALETTE["black"], linewidth=0.5, label="from food")
            ax.bar(xs, supp, bottom=food, color=colours, width=0.6, alpha=0.45, hatch="//",
                   edgecolor=PALETTE["black"], linewidth=0.5, label="from supplements")
            static(ax.axhline(100, color=PALETTE["black"], linestyle=":", linewidth=1.2, label="RDA / AI (100 %)"))
            ax.set_xticks(xs, [_LABELS[k] for k in keys])
            ax.set_ylim(0, PLANNER_TOP)
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
            fig._mgd_planner = []  # type: ignore[attr-defined]  # the labels and marks of the last call
        ax = fig.axes[0]
        for bar, f in zip(ax.patches[:3], food):
            bar.set_height(f)
        for bar, f, extra in zip(ax.patches[3:6], food, supp):
            bar.set_y(f)
            bar.set_height(extra)
        for artist in fig._mgd_planner:  # type: ignore[attr-defined]
            artist.remove()
        fig._mgd_planner = _marks(ax, data, keys, [f + extra for f, extra in zip(food, supp)])  # type: ignore[attr-defined]
        ratio = "Ca:Mg ratio undefined (no magnesium)" if a.ratio is None else (
            f"Ca:Mg ratio {a.ratio.ratio:.1f} ({a.ratio.band})")
        style_axes(ax, title=f"A day's intake against the reference values\n{ratio}", xlabel="",
                   ylabel="% of RDA / AI")
    return fig, a.summary()


#: Top of the chart's y-axis (% of RDA/AI). The frame never changes, so moves compare by eye and
#: redraw quickly; a bar or an upper limit above it is labelled "off scale" with its value.
PLANNER_TOP = 300.0


def _marks(ax: Any, data: PlannerData, keys: list[str], heights: list[float]) -> list[Any]:
    """Draw the UL marks and the total above each bar (``heights`` in % of RDA/AI); return the artists."""
    from mgdlearn.plots.style import PALETTE, text_color

    a = data.assessment
    top = PLANNER_TOP
    ul_text = text_color(PALETTE["vermillion"])
    drawn = []
    for x, (k, height) in enumerate(zip(keys, heights)):
        st = a.status(k)
        ul = data.ul_percent[k]
        unit = st.unit.replace("/day", "")
        if ul is not None:
            if st.ul_applies_to.startswith("supplements"):
                # the magnesium UL limits supplements only: its mark sits that far above the food
                level, label = data.bars[k][0] + ul, f"supplement UL {st.ul:,.0f} {unit}"
            else:
                level, label = ul, f"UL {st.ul:,.0f} {unit}"
            if level <= 0.95 * top:
                drawn.append(ax.hlines(level, x - 0.3, x + 0.3, color=PALETTE["vermillion"], linestyle="--",
                                       linewidth=2))
                drawn.append(ax.annotate(label, (x, level), xytext=(0, 2), textcoords="offset points",
                                         ha="center", fontsize=8, color=ul_text))
            else:
                drawn.append(ax.annotate(f"{label} (off scale, {level:,.0f} %)", (x, top), xytext=(0, -10),
                                         textcoords="offset points", ha="center", fontsize=8,
                                         color=ul_text,
                                         bbox=dict(boxstyle="round,pad=0.2", facecolor="white", lw=0)))
        total = f"{st.total:,.0f} {unit}"
        if height <= 0.9 * top:
            drawn.append(ax.annotate(total, (x, height), xytext=(0, 3), textcoords="offset points", ha="center",
                                     fontsize=9))
        else:  # inside the clipped bar, below the upper-limit label
            drawn.append(ax.annotate(f"{total} ({height:,.0f} %)", (x, top), xytext=(0, -24),
                                     textcoords="offset points", ha="center", fontsize=9,
                                     bbox=dict(boxstyle="round,pad=0.2", facecolor="white", lw=0)))
    return drawn


def simulate_diet(foods: Sequence[tuple[str, float]] | Mapping[str, float], sun_iu_per_day: float = 0.0,
                  supplement_magnesium_mg: float = 0.0, supplement_calcium_mg: float = 0.0,
                  supplement_vitamin_d_iu: float = 0.0, days: int = _SIM_DAYS) -> Any:
    """Run the model for ``days`` days of this diet (every day), starting from an average adult.

    Returns the :class:`mgdlearn.model.Result`; its ``df`` has ``ohd25_nmol_l`` and
    ``mg_serum_mmol_l`` among its columns.
    """
    from mgdlearn.model import Scenario, simulate

    supplements = Supplements(magnesium_mg=supplement_magnesium_mg, calcium_mg=supplement_calcium_mg,
                              vitamin_d_iu=supplement_vitamin_d_iu)
    scenario = to_scenario(_selection(foods), sun_iu_per_day=sun_iu_per_day, supplements=supplements)
    return simulate(scenario, days=days, start=Scenario())


def draw_diet_run(result: Any, fig: "Figure | None" = None) -> "tuple[Figure, str]":
    """Two panels, 25(OH)D and serum magnesium over the run, with their cut-offs; and a summary."""
    from mgdlearn.plots.style import PALETTE
    from mgdlearn.plots.timecourse import draw_timecourses, summarize_runs

    df = result.df
    runs = {"this diet": df}
    columns = ["ohd25_nmol_l", "mg_serum_mmol_l"]
    fig = draw_timecourses(runs, columns, title=f"What this diet would do over {int(df.index[-1])} days (model)",
                           fig=fig, bands={"ohd25_nmol_l": (50.0, 125.0), "mg_serum_mmol_l": (0.75, 0.95)})
    for ax, cut in zip(fig.axes, (50.0, 0.75)):
        if not any(getattr(line, "_mgd_cutoff", False) for line in ax.lines):
            line = ax.axhline(cut, color=PALETTE["black"], linestyle=":", linewidth=1)
            line._mgd_cutoff = True  # type: ignore[attr-defined]
    summary = (summarize_runs(runs, columns) + " Shaded: 25(OH)D 50-125 nmol/L (adequate, IOM 2011) and serum "
               "magnesium 0.75-0.95 mmol/L (normal, NIH ODS). A teaching model, not a prediction for a person.")
    return fig, summary


class MealPlanner:
    """The meal planner widget: food rows, person, supplements, chart, gap button, model hand-off.

    Parameters
    ----------
    menu : sequence of (food, servings)
        Foods shown at the start (default :data:`DEFAULT_MENU`).
    rows : int
        Number of food rows (at least the length of ``menu``).

    Attributes
    ----------
    state : ExplorerState
        The last chart's values, :class:`PlannerData` and summary, or the error message shown.
    displayed : dict
        The MIME bundle last shown in the chart area (figure or message).
    last_plan : GapPlan or None
        The last gap-closing suggestion.
    last_run : Result or None
        The last model run.
    """

    def __init__(self, menu: Sequence[tuple[str, float]] = DEFAULT_MENU, rows: int = 8) -> None:
        import ipywidgets as w

        names = food_names()
        rows = max(int(rows), len(menu))
        chosen = [(find_food(n).name, float(s)) for n, s in menu] + [(_NONE, 1.0)] * (rows - len(menu))
        layout = w.Layout(width="26em")
        # each food menu has a visible label (the ipywidgets <label for> names it for screen readers)
        self.food_boxes = [w.Dropdown(options=(_NONE, *names), value=name, description=f"Food {i}",
                                      style={"description_width": "4em"}, layout=layout)
                           for i, (name, _) in enumerate(chosen, start=1)]
        self.serving_boxes = [w.FloatText(value=s, step=0.5, description="servings", continuous_update=False,
                                          layout=w.Layout(width="12em")) for _, s in chosen]
        self.age = slider("Age", "years", value=30, min=1, max=100, step=1, integer=True)
        self.sex = dropdown("Sex", ("female", "male"), "female")
        self.life_stage = dropdown("Pregnancy / breastfeeding", tuple(LIFE_STAGES), "none")
        self.supp_mg = slider("Magnesium supplement", "mg/day", value=0, min=0, max=700, step=25)
        self.supp_ca = slider("Calcium supplement", "mg/day", value=0, min=0, max=1500, step=50)
        self.supp_vd = slider("Vitamin D supplement", "IU/day", value=0, min=0, max=6000, step=100)
        from mgdlearn.model.scenario import DEFAULTS

        self.sun = slider("Sun and other sources (model)", "IU/day", value=DEFAULTS["sun_iu_per_day"][0], min=0,
                          max=5000, step=100)
        self.preferred = w.SelectMultiple(options=names, rows=6, description="Suggest only",
                                          layout=w.Layout(width="34em"), style={"description_width": "16em"})
        self.gap_button = w.Button(description="Close the magnesium gap", button_style="info",
                                   layout=w.Layout(width="16em"))
        self.model_button = w.Button(description="What would this diet do over 6 months?",
                                     layout=w.Layout(width="24em"))
        self.chart_out, self.gap_out, self.model_out = w.Output(), w.Output(), w.Output()
        self.state = ExplorerState(values={})
        self.displayed: dict[str, str] = {}
        self.last_plan: GapPlan | None = None
        self.last_run: Any = None
        self._fig: Figure | None = None
        self._run_fig: Figure | None = None
        for ctrl in (*self.food_boxes, *self.serving_boxes, self.age, self.sex, self.life_stage,
                     self.supp_mg, self.supp_ca, self.supp_vd):
            ctrl.observe(lambda _change: self.refresh(), names="value")
        self.gap_button.on_click(lambda _b: self.suggest())
        self.model_button.on_click(lambda _b: self.run_model())
        self.refresh()

    @property
    def figure(self) -> "Figure | None":
        """The bar chart as last drawn (``None`` before the first successful render)."""
        return self._fig

    @property
    def controls(self) -> dict[str, Any]:
        """The numeric controls by keyword of :func:`compute` (the person's age and supplements)."""
        return {"age_years": self.age, "supplement_magnesium_mg": self.supp_mg,
                "supplement_calcium_mg": self.supp_ca, "supplement_vitamin_d_iu": self.supp_vd}

    # -- values -------------------------------------------------------------------------------
    def selection(self) -> list[tuple[str, float]]:
        """The chosen (food, servings) rows (``"(none)"`` rows left out)."""
        return [(f.value, s.value) for f, s in zip(self.food_boxes, self.serving_boxes) if f.value != _NONE]

    def values(self) -> dict[str, Any]:
        """Keyword arguments of :func:`compute` from the controls."""
        return dict(foods=self.selection(), age_years=self.age.value, sex=self.sex.value,
                    life_stage=self.life_stage.value, supplement_magnesium_mg=self.supp_mg.value,
                    supplement_calcium_mg=self.supp_ca.value, supplement_vitamin_d_iu=self.supp_vd.value)

    def _supplement_values(self) -> dict[str, float]:
        return dict(supplement_magnesium_mg=self.supp_mg.value, supplement_calcium_mg=self.supp_ca.value,
                    supplement_vitamin_d_iu=self.supp_vd.value)

    # -- actions -------------------------------------------------------------------------------
    def refresh(self) -> ExplorerState:
        """Recompute and redraw the chart from the controls (called on every change)."""
        values = self.values()
        try:
            data = compute(**values)
            self._fig, summary = draw(data, self._fig)
        except (ValueError, TypeError) as exc:
            self.state = ExplorerState(values=values, error=str(exc))
            self._show(self.chart_out, message_bundle(str(exc)))
        else:
            self.state = ExplorerState(values=values, data=data, summary=summary)
            self._show_figure(self.chart_out, self._fig, "Bar chart of magnesium, calcium and vitamin D "
                              "intake as percent of the RDA, with upper limits marked.", summary)
        return self.state

    def suggest(self) -> GapPlan | None:
        """Run :func:`close_gap` for the current day (within the preferred foods, if any chosen)."""
        allowed = list(self.preferred.value) or None
        try:
            v = self.values()
            plan = close_gap(_selection(v["foods"]), _person(v["age_years"], v["sex"], v["life_stage"]),
                             Supplements(magnesium_mg=v["supplement_magnesium_mg"],
                                         calcium_mg=v["supplement_calcium_mg"],
                                         vitamin_d_iu=v["supplement_vitamin_d_iu"]),
                             allowed_foods=allowed)
        except (ValueError, TypeError) as exc:
            self.last_plan = None
            self._show(self.gap_out, message_bundle(str(exc)))
            return None
        self.last_plan = plan
        kind = "info"
        text = plan.summary()
        box = message_bundle(text, kind)
        self._show(self.gap_out, box)
        return plan

    def run_model(self) -> Any:
        """Simulate 180 days of this diet with the model and show 25(OH)D and serum magnesium."""
        try:
            result = simulate_diet(self.selection(), sun_iu_per_day=self.sun.value, **self._supplement_values())
            self._run_fig, summary = draw_diet_run(result, self._run_fig)
        except (ValueError, TypeError) as exc:
            self.last_run = None
            self._show(self.model_out, message_bundle(str(exc)))
            return None
        except ImportError:  # pragma: no cover - the model ships with the package
            self._show(self.model_out, message_bundle("The model is not available in this installation.", "info"))
            return None
        self.last_run = result
        self._show_figure(self.model_out, self._run_fig, "Two line charts: 25(OH)D and serum magnesium over "
                          "180 days of this diet in the teaching model.", summary)
        return result

    # -- display -------------------------------------------------------------------------------
    def _show_figure(self, out: Any, fig: "Figure", alt: str, caption: str) -> None:
        from mgdlearn.plots.style import figure_bundle

        self._show(out, figure_bundle(fig, alt, caption, live=True))

    def _show(self, out: Any, bundle: dict[str, str]) -> None:
        # Set the Output widget's state directly (as Explorer.refresh does): the figure travels
        # with the widget state and never leaks into the cell's own output under nbval.
        if out is self.chart_out:
            self.displayed = bundle
        out.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)

    def widget(self) -> "ipywidgets.VBox":
        """The whole planner as one widget."""
        import ipywidgets as w

        rows = [w.HBox([f, s]) for f, s in zip(self.food_boxes, self.serving_boxes)]
        heading = w.HTML("<h4 style='margin:4px 0'>Meal planner: magnesium, calcium and vitamin D</h4>")
        caveat = w.HTML(f"<p style='max-width:44em;font-size:90%'>{html.escape(CAVEAT)}</p>")
        from mgdlearn.widgets.a11y import accessibility_helper

        return w.VBox([
            heading, w.HTML("<b>Foods of one day</b> (servings as listed in the food table)"), *rows,
            w.HTML("<b>Person and supplements</b>"), self.age, self.sex, self.life_stage,
            self.supp_mg, self.supp_ca, self.supp_vd, self.chart_out,
            w.HTML("<b>Close the gap</b> (optionally pick foods you would eat; none picked = any food)"),
            self.preferred, self.gap_button, self.gap_out,
            w.HTML("<b>Hand-off to the model</b>"), self.sun, self.model_button, self.model_out, caveat,
            accessibility_helper(),  # hidden; last, so the box's text form (compared by nbval) keeps its start
        ])

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget())


def meal_planner(menu: Sequence[tuple[str, float]] = DEFAULT_MENU, rows: int = 8) -> MealPlanner:
    """Build a :class:`MealPlanner` (display it as the last expression of a cell)."""
    return MealPlanner(menu=menu, rows=rows)
