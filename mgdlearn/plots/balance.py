"""Figures and tables of lesson 05 (keeping both in balance).

* :func:`food_ranking` + :func:`draw_food_sources`: the richest magnesium and vitamin D foods per
  serving, as amounts and as a share of the RDA.
* :func:`sun_by_latitude` + :func:`draw_sun_by_latitude`: vitamin D made in the skin by the same
  short midday exposure, month by month at several latitudes, and by skin type.
* :data:`TRIAL_FINDINGS` + :func:`draw_trial_effects`: what the magnesium / vitamin D supplement
  trials found, for whom, next to what vitamin D alone is expected to do.
* :func:`comparison_rows` + :func:`comparison_table_bundle`: the article's magnesium-versus-vitamin D
  table rebuilt with numbers, sources and evidence levels.

Every function returns plain data or ``(figure, summary)``; nothing is displayed here.
"""
from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from mgdlearn.errors import InputError, InputTypeError, require_number
from mgdlearn.observations import TrialFinding, comparison_templates, trial_findings
from mgdlearn.plots.style import PALETTE, color, new_figure, style_axes
from mgdlearn.plots.timecourse import RUN_STYLES

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = [
    "MONTH_NAMES", "SunYear", "sun_by_latitude", "draw_sun_by_latitude",
    "FoodRanking", "food_ranking", "draw_food_sources",
    "TrialFinding", "TRIAL_FINDINGS", "draw_trial_effects",
    "ComparisonRow", "comparison_rows", "comparison_table_bundle", "show_comparison_table",
]

MONTH_NAMES: tuple[str, ...] = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                "Nov", "Dec")
_ROMAN = ("I", "II", "III", "IV", "V", "VI")


# --------------------------------------------------------------------------------------------
# Sun exposure by latitude, season and skin type
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SunYear:
    """Vitamin D made by one daily midday exposure, by month and latitude and by skin type.

    Attributes
    ----------
    latitudes : tuple of float
        Latitudes (deg, north positive) of the rows of ``iu_by_month``.
    iu_by_month : tuple of tuple of float
        IU made per exposure on the 15th of each month (12 values per latitude).
    skin_latitude : float
        Latitude of the skin-type comparison.
    skin_months : tuple of str
        The months compared across skin types.
    iu_by_skin_type : tuple of tuple of float
        IU made for skin types I-VI (6 values per month in ``skin_months``).
    minutes, skin_fraction, skin_type, hour : float
        The exposure: minutes in the sun, uncovered fraction of the skin, skin type of the
        latitude panel, solar time.
    """

    latitudes: tuple[float, ...]
    iu_by_month: tuple[tuple[float, ...], ...] = field(metadata={"unit": "IU", "source": "holick2007;webb1988"})
    skin_latitude: float
    skin_months: tuple[str, ...]
    iu_by_skin_type: tuple[tuple[float, ...], ...] = field(
        metadata={"unit": "IU", "source": "holick2007;webb_engelsen2006"})
    minutes: float
    skin_fraction: float
    skin_type: int
    hour: float


def sun_by_latitude(latitudes: Sequence[float] = (25.0, 42.0, 52.0, 60.0), *, minutes: float = 10.0,
                    skin_fraction: float = 0.25, skin_type: int = 2, hour: float = 12.0,
                    skin_latitude: float = 42.0, skin_months: Sequence[str] = ("April", "July")) -> SunYear:
    """Compute the data of :func:`draw_sun_by_latitude` with :func:`mgdlearn.sun.sun_estimate`.

    Parameters
    ----------
    latitudes : sequence of float
        One to five latitudes (-90 to 90 deg, north positive).
    minutes, skin_fraction, skin_type, hour
        The daily exposure (see :func:`mgdlearn.sun.sun_estimate`).
    skin_latitude : float
        Latitude of the skin-type comparison.
    skin_months : sequence of str
        One to three months compared across skin types.
    """
    from mgdlearn.sun import sun_estimate

    lats = _numbers(latitudes, "latitudes", low=-90, high=90, unit="deg", most=len(RUN_STYLES))
    months = tuple(skin_months) if not isinstance(skin_months, str) else (skin_months,)
    if not 1 <= len(months) <= 3:
        raise InputError(f"skin_months takes 1 to 3 month names such as ('April', 'July'); got {len(months)}.")

    def iu(lat: float, month: int | str, st: int) -> float:
        return sun_estimate(lat, month, minutes=minutes, skin_fraction=skin_fraction, skin_type=st, hour=hour).iu

    first = sun_estimate(lats[0], 1, minutes=minutes, skin_fraction=skin_fraction, skin_type=skin_type, hour=hour)
    by_month = tuple(tuple(iu(lat, m, first.skin_type) for m in range(1, 13)) for lat in lats)
    by_skin = tuple(tuple(iu(skin_latitude, month, st) for st in range(1, 7)) for month in months)
    names = tuple(MONTH_NAMES[sun_estimate(skin_latitude, m, minutes=0).month - 1] for m in months)
    return SunYear(latitudes=lats, iu_by_month=by_month, skin_latitude=float(skin_latitude), skin_months=names,
                   iu_by_skin_type=by_skin, minutes=first.minutes, skin_fraction=first.skin_fraction,
                   skin_type=first.skin_type, hour=first.hour)


def _lat_text(lat: float) -> str:
    return f"{abs(lat):g}° {'N' if lat >= 0 else 'S'}"


def draw_sun_by_latitude(data: SunYear, fig: "Figure | None" = None) -> tuple["Figure", str]:
    """Two panels: IU per exposure by month for each latitude; IU by skin type in chosen months.

    Returns the figure and a summary naming the vitamin D winter months of each latitude and the
    range across skin types.
    """
    if not isinstance(data, SunYear):
        raise InputTypeError(f"draw_sun_by_latitude needs the SunYear from sun_by_latitude(); got {type(data).__name__}.")
    import numpy as np

    fig, (ax_m, ax_s) = new_figure(1, 2, width=9.2, height=3.6)
    months = np.arange(1, 13)
    for (lat, values), (colour, style) in zip(zip(data.latitudes, data.iu_by_month), RUN_STYLES):
        ax_m.plot(months, values, color=colour, linestyle=style, marker="o", markersize=3,
                  label=_lat_text(lat))
    ax_m.set_xticks(months, [m[0] for m in MONTH_NAMES])
    ax_m.legend(loc="upper center", fontsize=8, ncols=len(data.latitudes))
    peak = max(max(v) for v in data.iu_by_month)
    ax_m.set_ylim(0, max(peak, 100.0) * 1.25)
    style_axes(ax_m, title=f"Through the year, skin type {_ROMAN[data.skin_type - 1]}", xlabel="month (15th)",
               ylabel="vitamin D made (IU per day)")

    width = 0.8 / len(data.skin_months)
    x = np.arange(6)
    bar_colours = (PALETTE["sky_blue"], PALETTE["orange"], PALETTE["bluish_green"])
    hatches = ("//", "", "..")
    for i, (month, values) in enumerate(zip(data.skin_months, data.iu_by_skin_type)):
        ax_s.bar(x + (i - (len(data.skin_months) - 1) / 2) * width, values, width=width,
                 color=bar_colours[i], hatch=hatches[i], edgecolor=PALETTE["black"], linewidth=0.5,
                 label=month)
    ax_s.set_xticks(x, _ROMAN)
    ax_s.legend(loc="upper right", fontsize=8)
    style_axes(ax_s, title=f"By skin type at {_lat_text(data.skin_latitude)}, same exposure",
               xlabel="Fitzpatrick skin type (I lightest, VI darkest)", ylabel="vitamin D made (IU per day)")
    fig.suptitle(f"Skin vitamin D from {data.minutes:g} min of sun at {data.hour:g} h solar time on "
                 f"{data.skin_fraction:.0%} of the skin (estimate, ±2x)", fontweight="bold")
    return fig, _sun_summary(data)


def _sun_summary(data: SunYear) -> str:
    parts = []
    for lat, values in zip(data.latitudes, data.iu_by_month):
        none = [MONTH_NAMES[i] for i, v in enumerate(values) if v < 1.0]
        peak = max(values)
        winter = (f"almost none in {_month_span(none)}" if none else "some in every month")
        parts.append(f"at {_lat_text(lat)} up to {peak:,.0f} IU, {winter}")
    skin = []
    for month, values in zip(data.skin_months, data.iu_by_skin_type):
        skin.append(f"{month}: {values[0]:,.0f} IU for type I down to {values[-1]:,.0f} IU for type VI")
    return (f"The same {data.minutes:g} minutes of midday sun on {data.skin_fraction:.0%} of the skin makes "
            + "; ".join(parts) + ". The closer to the poles, the longer the 'vitamin D winter' when the sun is "
            f"too low to make any. At {_lat_text(data.skin_latitude)}, darker skin makes less from the same "
            f"minutes ({'; '.join(skin)}). A teaching estimate, good to about a factor of 2.")


def _month_span(names: list[str]) -> str:
    """'Nov-Feb' style text for a list of month abbreviations (wrapping over the new year)."""
    idx = sorted(MONTH_NAMES.index(n) for n in names)
    if len(idx) == 12:
        return "every month"
    runs: list[list[int]] = []
    for i in idx:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    if len(runs) > 1 and runs[0][0] == 0 and runs[-1][-1] == 11:
        runs[0] = runs.pop() + runs[0]
    return ", ".join(MONTH_NAMES[r[0]] if len(r) == 1 else f"{MONTH_NAMES[r[0]]}-{MONTH_NAMES[r[-1]]}"
                     for r in runs)


def _numbers(values: Sequence[float], name: str, *, low: float, high: float, unit: str, most: int) -> tuple[float, ...]:
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise InputTypeError(f"{name} must be a list of numbers ({low:g} to {high:g} {unit}); got {type(values).__name__}.")
    out = tuple(require_number(v, name[:-1] if name.endswith("s") else name, low=low, high=high, unit=unit)
                for v in values)
    if not 1 <= len(out) <= most:
        raise InputError(f"{name} takes 1 to {most} values; got {len(out)}.")
    return out


# --------------------------------------------------------------------------------------------
# Richest foods per serving
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FoodRanking:
    """The foods richest in magnesium and in vitamin D per serving, with the reference intakes.

    Attributes
    ----------
    magnesium, vitamin_d : tuple of (label, amount, named_in_article)
        Label ``"Pumpkin seeds, roasted (1 oz)"``, amount per serving (mg; IU) and whether the
        article names the food.
    magnesium_rda, vitamin_d_rda : float
        RDA of the person compared with (mg/day; IU/day).
    person : str
        Who the RDA is for (``"female, 40 years"``).
    source : str
        Sources of the food amounts and reference intakes.
    """

    magnesium: tuple[tuple[str, float, bool], ...] = field(metadata={"unit": "mg/serving", "source": "ods_mg;usda_fdc"})
    vitamin_d: tuple[tuple[str, float, bool], ...] = field(metadata={"unit": "IU/serving", "source": "ods_vitd;usda_fdc"})
    magnesium_rda: float = field(metadata={"unit": "mg/day", "source": "ods_mg;iom1997"})
    vitamin_d_rda: float = field(metadata={"unit": "IU/day", "source": "ods_vitd;iom2011"})
    person: str
    source: str


def food_ranking(n: int = 8, age_years: float = 40.0, sex: str = "female") -> FoodRanking:
    """The ``n`` (3-15) foods of :func:`mgdlearn.nutrition.foods` richest in each nutrient per serving."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise InputTypeError(f"n must be a whole number from 3 to 15; got {type(n).__name__}.")
    count = int(require_number(n, "n", low=3, high=15))
    from mgdlearn.nutrition import Person, foods

    person = Person(age_years=age_years, sex=sex)
    table = foods()

    def top(column: str) -> tuple[tuple[str, float, bool], ...]:
        best = table.sort_values([column, "name"], ascending=[False, True]).head(count)
        return tuple((f"{r.name} ({r.serving})", float(getattr(r, column)), bool(r.named_in_article))
                     for r in best.itertuples())

    mg_dri, vd_dri = person.dri("magnesium"), person.dri("vitamin_d")
    return FoodRanking(magnesium=top("magnesium_mg_per_serving"), vitamin_d=top("vitd_iu_per_serving"),
                       magnesium_rda=float(mg_dri.rda), vitamin_d_rda=float(vd_dri.rda), person=person.describe(),
                       source=f"ods_mg;ods_vitd;usda_fdc;{mg_dri.source};{vd_dri.source}")


def draw_food_sources(data: FoodRanking, fig: "Figure | None" = None) -> tuple["Figure", str]:
    """Two bar panels: the richest magnesium and vitamin D foods per serving, as amount and % of RDA.

    Foods the article names are hatched. Returns the figure and a summary.
    """
    if not isinstance(data, FoodRanking):
        raise InputTypeError(f"draw_food_sources needs the FoodRanking from food_ranking(); got {type(data).__name__}.")
    fig, (ax_mg, ax_vd) = new_figure(1, 2, width=10.0, height=0.42 * max(len(data.magnesium), 6) + 1.4)
    panels = ((ax_mg, data.magnesium, data.magnesium_rda, "mg", "magnesium", "Magnesium per serving"),
              (ax_vd, data.vitamin_d, data.vitamin_d_rda, "IU", "vitamin_d", "Vitamin D per serving"))
    for ax, rows, rda_value, unit, series, title in panels:
        y = range(len(rows))
        for i, (label, amount, named) in enumerate(rows):
            ax.barh(i, amount, color=color(series), edgecolor=PALETTE["black"], linewidth=0.5,
                    hatch="//" if named else "")
            ax.text(amount, i, f" {amount:,.0f} {unit} ({100 * amount / rda_value:.0f} %)", va="center", fontsize=7)
        ax.set_yticks(list(y), [textwrap.fill(label, 34) for label, _, _ in rows], fontsize=7)
        ax.invert_yaxis()
        ax.set_xlim(0, max(a for _, a, _ in rows) * 1.45)
        style_axes(ax, title=f"{title}\n(% of the RDA of {rda_value:,.0f} {unit}/day)", xlabel=f"{unit} per serving",
                   ylabel="")
    fig.suptitle(f"Richest foods per serving (hatched: named in the article; RDA of a {data.person})",
                 fontweight="bold")
    return fig, _food_summary(data)


def _food_summary(data: FoodRanking) -> str:
    def listing(rows: tuple[tuple[str, float, bool], ...], unit: str, rda_value: float) -> str:
        return ", ".join(f"{label} {amount:,.0f} {unit} ({100 * amount / rda_value:.0f} %)"
                         for label, amount, _ in rows[:4])
    return (f"Per serving, the richest magnesium foods are {listing(data.magnesium, 'mg', data.magnesium_rda)}; "
            f"the richest vitamin D foods are {listing(data.vitamin_d, 'IU', data.vitamin_d_rda)} "
            f"(percentages of the RDA for a {data.person}: {data.magnesium_rda:,.0f} mg and "
            f"{data.vitamin_d_rda:,.0f} IU per day). Magnesium comes from seeds, nuts, greens and whole grains; "
            "vitamin D from a few fish, fortified foods and UV-exposed mushrooms. Hardly any food is rich in both.")


# --------------------------------------------------------------------------------------------
# What the trials found
# --------------------------------------------------------------------------------------------
#: The findings shown by :func:`draw_trial_effects` (``data/trial_findings.csv``).
TRIAL_FINDINGS: tuple[TrialFinding, ...] = trial_findings()


def draw_trial_effects(findings: Sequence[TrialFinding] | None = None,
                       fig: "Figure | None" = None) -> tuple["Figure", str]:
    """Horizontal chart of the change in serum 25(OH)D for each finding, labelled with its population.

    Numbers are bars (with the person-to-person SD as a thin line where reported); direction-only
    findings are arrows without a length claim. Returns the figure and a summary.
    """
    rows = trial_findings() if findings is None else tuple(findings)
    if not rows or not all(isinstance(f, TrialFinding) for f in rows):
        raise InputTypeError("draw_trial_effects needs one or more TrialFinding rows (see TRIAL_FINDINGS).")
    fig, ax = new_figure(width=9.0, height=0.75 * len(rows) + 1.6)
    colours = {"trial": PALETTE["blue"], "expected": color("comparison"), "direction": PALETTE["vermillion"]}
    numbers = [f.change_ng_ml for f in rows if f.change_ng_ml is not None]
    arrow = 0.45 * (max(numbers) if numbers else 6.0)
    for y, f in enumerate(rows):
        colour = colours.get(f.kind, PALETTE["black"])
        if f.change_ng_ml is not None:
            ax.barh(y, f.change_ng_ml, height=0.55, color=colour, hatch="" if f.kind == "trial" else "//",
                    edgecolor=PALETTE["black"], linewidth=0.5, alpha=0.9 if f.kind == "trial" else 0.5)
            if f.spread_ng_ml:
                ax.errorbar(f.change_ng_ml, y, xerr=f.spread_ng_ml, color=PALETTE["black"], capsize=3, lw=1)
            ax.text(f.change_ng_ml + (f.spread_ng_ml or 0) + 0.3, y,
                    f"{f.change_ng_ml:+.1f} ng/mL ({f.change_nmol_l:+.0f} nmol/L)", va="center", fontsize=8)
        else:
            ax.annotate("", xy=(f.direction * arrow, y), xytext=(0, y),
                        arrowprops=dict(arrowstyle="-|>", color=colour, lw=2.5))
            word = "rose" if f.direction > 0 else "fell" if f.direction < 0 else "no change"
            ax.text(f.direction * arrow + (0.3 if f.direction >= 0 else -0.3), y, f"{word} (direction only)",
                    va="center", ha="left" if f.direction >= 0 else "right", fontsize=8)
    ax.axvline(0, color=PALETTE["black"], lw=0.8)
    ax.set_yticks(range(len(rows)), [f.label for f in rows], fontsize=8)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    low = -arrow - 9.0
    high = max([(f.change_ng_ml or 0) + (f.spread_ng_ml or 0) for f in rows] + [arrow]) + 9
    ax.set_xlim(low, high)
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=colours["trial"], edgecolor=PALETTE["black"], label="trial arm (mean; whisker ± 1 SD between people)"),
               Patch(facecolor=colours["expected"], hatch="//", alpha=0.5, edgecolor=PALETTE["black"],
                     label="expected from vitamin D alone (dose-response data)"),
               Line2D([], [], color=colours["direction"], lw=2.5, marker=">", label="direction only (no size shown)")]
    ax.legend(handles=handles, loc="lower right", fontsize=7.5)
    style_axes(ax, title="Magnesium, vitamin D and serum 25(OH)D: what studies found, and in whom",
               xlabel="change in serum 25(OH)D over the study (ng/mL)", ylabel="")
    return fig, _trial_summary(rows)


def _trial_summary(rows: Sequence[TrialFinding]) -> str:
    parts = []
    for f in rows:
        who = f.population
        if f.change_ng_ml is not None:
            spread = f" (person-to-person SD {f.spread_ng_ml:.1f} ng/mL)" if f.spread_ng_ml else ""
            verb = "is expected to raise" if f.kind == "expected" else "raised"
            parts.append(f"{f.label.splitlines()[0]}: {f.intervention} {verb} 25(OH)D by "
                         f"{f.change_ng_ml:+.1f} ng/mL ({f.change_nmol_l:+.0f} nmol/L){spread} in {who}")
        else:
            parts.append(f"{f.label.splitlines()[0]}: with {f.intervention}, in {who}, {f.note}")
    return ("; ".join(parts) + ". Only one small trial tested magnesium plus vitamin D against vitamin D "
            "alone, in one population; its rise is about what vitamin D alone does in normal-weight people.")


# --------------------------------------------------------------------------------------------
# The article's comparison table, rebuilt with numbers
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ComparisonRow:
    """One row of the magnesium-versus-vitamin D comparison.

    Attributes
    ----------
    feature : str
        What is compared (``"Recommended intake"``).
    magnesium, vitamin_d : str
        The facts with numbers for each nutrient.
    together : str
        How the two interact for this feature.
    evidence : str
        Evidence level of the interaction claim (``established`` ... ``claim``), with a short reason.
    source : str
        Bibliography key(s) behind the row's numbers, ``";"``-separated.
    """

    feature: str
    magnesium: str
    vitamin_d: str
    together: str
    evidence: str
    source: str


def _adult_rda_span(nutrient: str) -> tuple[float, float, str]:
    """Lowest and highest adult (19+ years, not pregnant or lactating) RDA, with the sources."""
    from mgdlearn.reference_values import dri_table

    rows = [d for d in dri_table(nutrient)
            if d.life_stage == "none" and d.age_band.split("-")[0].split(" ")[0].isdigit()
            and float(d.age_band.split("-")[0].split(" ")[0]) >= 19]
    return min(d.rda for d in rows), max(d.rda for d in rows), ";".join(sorted({d.source for d in rows}))


def _food_text(foods: Sequence[tuple[str, str]], nutrient: str) -> tuple[str, set[str]]:
    """``"pumpkin seeds 156 mg per 1 oz; ..."`` for (food name, label) pairs, and the sources used."""
    from mgdlearn.nutrition import find_food

    parts, sources = [], set()
    for name, label in foods:
        f = find_food(name)
        amount = f"{f.magnesium_mg:g} mg" if nutrient == "magnesium" else f"{f.vitamin_d_iu:,.0f} IU"
        parts.append(f"{label} {amount} per {f.serving}")
        sources.add(str(f.sources.get(nutrient, "")))
    return "; ".join(parts), {s for s in sources if s}


def _author_year(key: str) -> str:
    """Author-year label that also reads well for organisations (``"Institute of Medicine 2011"``)."""
    import re

    from mgdlearn.bibliography import cite

    ref = cite(key)
    first = ref.authors.split(",")[0].strip()
    person = re.match(r"^(.*\S)\s+[A-Z]{1,4}$", first)
    if person is None:
        return f"{first} {ref.year}"
    many = "," in ref.authors
    return f"{person.group(1)}{' et al.' if many else ''} {ref.year}"


#: Foods listed in the comparison's food row: (name in the food table, label), per nutrient.
COMPARISON_FOODS = {
    "magnesium": (("pumpkin seeds", "pumpkin seeds"), ("almonds", "almonds"), ("spinach", "cooked spinach"),
                  ("black beans", "black beans"), ("avocado", "avocado")),
    "vitamin_d": (("salmon", "farmed salmon"), ("mushrooms_uv", "UV-exposed mushrooms"), ("milk", "fortified milk"),
                  ("egg", "egg"), ("tuna", "canned light tuna")),
}


def comparison_numbers() -> tuple[dict[str, object], set[str]]:
    """The numbers the comparison's text takes from the reference values and the food table, by the
    names ``data/comparison.csv`` uses, and the sources behind them."""
    from mgdlearn.reference_values import bands, normal_range, rda, ul
    from mgdlearn.units import convert

    def ug(iu: float) -> float:
        return float(convert(iu, "IU", "µg", analyte="vitamin_d"))

    mg_lo, mg_hi, mg_src = _adult_rda_span("magnesium")
    vd_adult, vd_old = rda("vitamin_d", 30), rda("vitamin_d", 75)
    mg_ul, vd_ul = ul("magnesium", 30), ul("vitamin_d", 30) or 0.0
    serum = normal_range("serum_mg", "mmol/L")
    adequate = next(b for b in bands("25ohd", "IOM", "nmol/L") if b.category == "adequate")
    mg_foods, mg_food_src = _food_text(COMPARISON_FOODS["magnesium"], "magnesium")
    vd_foods, vd_food_src = _food_text(COMPARISON_FOODS["vitamin_d"], "vitamin_d")
    numbers = {
        "serum_mg_range": f"{serum.low:g}-{serum.high:g} {serum.unit}",
        "ohd25_adequate": adequate.range_text, "ohd25_adequate_top": f"{adequate.high:g} {adequate.unit}",
        "mg_rda_adult_low": mg_lo, "mg_rda_adult_high": mg_hi,
        "vd_rda_adult": vd_adult, "vd_rda_adult_ug": ug(vd_adult), "vd_rda_71plus": vd_old, "vd_rda_71plus_ug": ug(vd_old),
        "mg_ul": mg_ul, "vd_ul": vd_ul, "vd_ul_ug": ug(vd_ul),
        "magnesium_foods": mg_foods, "vitamin_d_foods": vd_foods,
    }
    sources = {serum.source, adequate.source, mg_src, "ods_vitd;iom2011", *mg_food_src, *vd_food_src}
    return numbers, {k for text in sources for k in text.split(";") if k}


def comparison_rows() -> tuple[ComparisonRow, ...]:
    """The article's magnesium-versus-vitamin D table, row by row, with numbers and sources.

    The text is that of ``data/comparison.csv``; its numbers are read from
    :mod:`mgdlearn.reference_values` and food amounts from :mod:`mgdlearn.nutrition`, so the table
    always matches the library's data.
    """
    numbers, _ = comparison_numbers()
    return tuple(ComparisonRow(t.feature, t.magnesium.format(**numbers), t.vitamin_d.format(**numbers), t.together,
                               t.evidence, t.source) for t in comparison_templates())


_TABLE_HEADERS = ("Feature", "Magnesium", "Vitamin D", "Together", "Evidence", "Sources")


def comparison_table_bundle(rows: Sequence[ComparisonRow] | None = None) -> dict[str, str]:
    """The comparison as a MIME bundle: an HTML table and a plain-text version (for nbval and PDF)."""
    rows = comparison_rows() if rows is None else tuple(rows)
    if not rows or not all(isinstance(r, ComparisonRow) for r in rows):
        raise InputTypeError("comparison_table_bundle needs ComparisonRow rows (see comparison_rows()).")
    def cells(r: ComparisonRow) -> tuple[str, ...]:
        refs = ", ".join(_author_year(k) for k in dict.fromkeys(r.source.split(";")) if k)
        return (r.feature, r.magnesium, r.vitamin_d, r.together, r.evidence, refs)

    e = html.escape
    head = "".join(f'<th style="text-align:left;vertical-align:top">{e(h)}</th>' for h in _TABLE_HEADERS)
    body = "".join("<tr>" + "".join(f'<td style="text-align:left;vertical-align:top">{e(c)}</td>'
                                    for c in cells(r)) + "</tr>" for r in rows)
    table = (f'<table style="font-size:0.9em;max-width:60em"><caption style="caption-side:top;text-align:left">'
             f"<strong>Magnesium and vitamin D compared, with numbers</strong></caption>"
             f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    text = ["Magnesium and vitamin D compared, with numbers"]
    for r in rows:
        c = cells(r)
        text.append(f"- {c[0]}. Magnesium: {c[1]} Vitamin D: {c[2]} Together: {c[3]} "
                    f"Evidence: {c[4]}. Sources: {c[5]}.")
    return {"text/html": table, "text/plain": "\n".join(text)}


def show_comparison_table(rows: Sequence[ComparisonRow] | None = None) -> None:
    """Display :func:`comparison_table_bundle` in a notebook."""
    from IPython.display import display

    display(comparison_table_bundle(rows), raw=True)
