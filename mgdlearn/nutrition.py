"""Foods, a day's intake against the reference intakes, the Ca:Mg ratio and closing a magnesium gap.

The food table (``mgdlearn/data/foods.csv``, read with :func:`foods`) holds 66 foods with
magnesium, calcium and vitamin D per serving and per 100 g, among them every food of the NIH ODS
fact-sheet tables of food sources (``mgdlearn/data/ods_tables.csv``; :func:`official_list` prints each
table row next to its food). Every value names its source
(``magnesium_source``, ``calcium_source``, ``vitd_source``; ``source`` lists all keys of the row):
per-serving figures from the NIH ODS fact-sheet tables (``ods_mg``, ``ods_vitd``, ``ods_ca``) or the
Dietary Guidelines calcium table (``dga2020_calcium``), per-100 g figures and serving weights from
the USDA National Nutrient Database for Standard Reference, Release 28 (``usda_sr28``; the SR food
is named in ``fdc_description`` and numbered in ``ndb_number``, which FoodData Central also
indexes; the few values not found there still cite ``usda_fdc`` and say so in ``note``); the other
column of each pair is derived with the serving weight (``per_100g_basis`` says which is which).
``fdc_id`` is left empty where the FoodData Central id has not been verified. Values are
typical of one product or preparation: fortified foods differ by brand, so check labels.

Main API
--------
``foods()``                          the food table (a copy; pandas DataFrame)
``find_food(name)``                  forgiving look-up; unknown names get "did you mean ..."
``day_intake(meals, supplements)``   total a day's foods (servings or grams) and supplements
``assess(meals, person, supplements)``  compare the totals with the RDA/AI and UL of ``person``
``ca_mg_ratio(calcium_mg, magnesium_mg)``  the calcium-to-magnesium ratio, with its evidence level
``close_gap(meals, person, ...)``   fewest servings that lift magnesium to the RDA within every UL
``to_scenario(intake, sun_iu_per_day)``  the model :class:`mgdlearn.model.Scenario` of a day's diet
``official_list(nutrient)``         the ODS fact sheet's food table, each row matched to a food
                                    (``print_official_list(nutrient)`` prints it)

Meals are given as a mapping ``{"almonds": 1, "spinach": 2}`` (food -> servings), or as a list of
``("almonds", 1)`` pairs, ``{"food": "almonds", "grams": 50}`` dicts or :class:`MealItem` objects.
Supplements are entered separately (:class:`Supplements`) because the magnesium UL applies to
supplements and medicines only, never to magnesium in food.

This is a teaching tool, not dietary or medical advice (:data:`CAVEAT`).

Examples
--------
>>> from mgdlearn.nutrition import assess, Person
>>> a = assess({"pumpkin seeds": 1, "spinach": 1, "black beans": 1}, Person(age_years=30, sex="female"))
>>> round(a.status("magnesium").total)
294
>>> a.status("magnesium").status
'below RDA'
"""
from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from mgdlearn.bibliography import cite
from mgdlearn.errors import InputError, InputTypeError, require_number
from mgdlearn.model import Scenario
from mgdlearn.reference_values import ODS_ROW_STATUS, ODS_TABLE_GAPS, dri, nutrient_key, ods_table
from mgdlearn.units import convert

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "CAVEAT",
    "NUTRIENTS",
    "RATIO_CONSTANTS",
    "Food",
    "MealItem",
    "Supplements",
    "Person",
    "IntakeLine",
    "DayIntake",
    "NutrientStatus",
    "CaMgRatio",
    "Assessment",
    "GapPlan",
    "foods",
    "food_names",
    "find_food",
    "search_foods",
    "day_intake",
    "assess",
    "ca_mg_ratio",
    "close_gap",
    "to_scenario",
    "OfficialRow",
    "OfficialList",
    "official_list",
    "print_official_list",
]

#: Shown with every gap-closing suggestion and in the meal planner.
CAVEAT = ("Teaching calculation, not medical or dietary advice: reference intakes (RDA/AI, UL) are the "
          "official NIH ODS / IOM values for healthy people; needs differ with illness, medicines and "
          "pregnancy. Ask a doctor or registered dietitian before changing your diet or taking supplements.")

#: The nutrients tracked: name -> (label, unit used by mgdlearn.reference_values).
NUTRIENTS: Mapping[str, tuple[str, str]] = MappingProxyType({
    "magnesium": ("magnesium", "mg/day"),
    "calcium": ("calcium", "mg/day"),
    "vitamin_d": ("vitamin D", "IU/day"),
})

_COLUMNS = (
    "food_id", "name", "aliases", "group", "serving", "serving_g", "serving_g_source",
    "magnesium_mg_per_serving", "magnesium_source", "calcium_mg_per_serving", "calcium_source",
    "vitd_ug_per_serving", "vitd_iu_per_serving", "vitd_source", "magnesium_mg_per_100g",
    "calcium_mg_per_100g", "vitd_ug_per_100g", "per_100g_basis", "fdc_id", "fdc_description",
    "named_in_article", "source", "note",
)


@dataclass(frozen=True)
class _RatioConstant:
    value: float
    unit: str
    source: str
    note: str


#: Ca:Mg intake-ratio landmarks (a hypothesis, not a guideline), each with its source.
RATIO_CONSTANTS: Mapping[str, _RatioConstant] = MappingProxyType({
    "low": _RatioConstant(1.7, "mg/mg", "rosanoff2016",
                          "below ~1.7 argued to be unfavourable (observational, hypothesis)"),
    "target_low": _RatioConstant(2.0, "mg/mg", "dai2018;rosanoff2016",
                                 "lower end of the proposed target (Dai et al. 2018 trial design)"),
    "target_high": _RatioConstant(2.5, "mg/mg", "dai2018",
                                  "upper end of the proposed target (Dai et al. 2018 trial design)"),
    "high": _RatioConstant(2.8, "mg/mg", "rosanoff2016",
                           "above ~2.8 argued to be unfavourable (observational, hypothesis)"),
})


# ---------------------------------------------------------------------------------------------
# The food table
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Food:
    """One food of the table, per serving.

    Attributes
    ----------
    food_id : str
        Identifier (``"pumpkin_seeds"``).
    name : str
        Display name (``"Pumpkin seeds, roasted"``).
    group : str
        Food group (``"nuts and seeds"``, ``"leafy greens"`` ...).
    serving : str
        Household measure of one serving (``"1 oz"``).
    serving_g : float or None
        Grams in one serving (``None`` where the label decides, e.g. fortified cereal).
    magnesium_mg, calcium_mg, vitamin_d_ug : float
        Amount per serving.
    sources : mapping
        Nutrient (``"magnesium"``, ``"calcium"``, ``"vitamin_d"``, ``"serving_g"``) -> source key.
    aliases : tuple of str
        Other names the look-up accepts.
    note : str
        Caveats (fortification varies, poor absorption ...).
    """

    food_id: str
    name: str
    group: str
    serving: str
    serving_g: float | None = field(metadata={"unit": "g", "source": "usda_sr28"})
    magnesium_mg: float = field(metadata={"unit": "mg/serving", "source": "see sources"})
    calcium_mg: float = field(metadata={"unit": "mg/serving", "source": "see sources"})
    vitamin_d_ug: float = field(metadata={"unit": "µg/serving", "source": "see sources"})
    sources: Mapping[str, str] = field(default_factory=dict, compare=False)
    aliases: tuple[str, ...] = ()
    note: str = ""

    @property
    def vitamin_d_iu(self) -> float:
        """Vitamin D per serving in IU (1 µg = 40 IU)."""
        return float(convert(self.vitamin_d_ug, "µg", "IU", analyte="vitamin_d"))

    def amount(self, nutrient: str) -> float:
        """Amount per serving of ``"magnesium"`` (mg), ``"calcium"`` (mg) or ``"vitamin_d"`` (µg)."""
        key = _nutrient(nutrient)
        return {"magnesium": self.magnesium_mg, "calcium": self.calcium_mg, "vitamin_d": self.vitamin_d_ug}[key]

    def __str__(self) -> str:
        grams = "" if self.serving_g is None else f" ({self.serving_g:g} g)"
        return (f"{self.name}, {self.serving}{grams}: magnesium {self.magnesium_mg:g} mg, calcium "
                f"{self.calcium_mg:g} mg, vitamin D {self.vitamin_d_ug:g} µg ({self.vitamin_d_iu:g} IU)")


def _data_path() -> Any:
    return resources.files("mgdlearn").joinpath("data", "foods.csv")


@lru_cache(maxsize=1)
def _table() -> "pd.DataFrame":
    """The food table as read (cached; never handed out, :func:`foods` returns copies)."""
    import pandas as pd

    with _data_path().open("r", encoding="utf-8") as fh:
        df = pd.read_csv(fh, dtype={"fdc_id": "string", "ndb_number": "string", "aliases": "string",
                                    "note": "string", "fdc_description": "string",
                                    "serving_g_source": "string"},
                         keep_default_na=True)
    missing = [c for c in _COLUMNS if c not in df.columns]
    if missing:  # pragma: no cover - guarded by tests of the shipped file
        raise RuntimeError(f"foods.csv lacks columns {missing}")
    for col in ("aliases", "note", "fdc_description", "fdc_id", "ndb_number", "serving_g_source"):
        if col in df.columns:
            df[col] = df[col].fillna("")
    df["named_in_article"] = df["named_in_article"].astype(str).str.lower().eq("true")
    return df


def foods() -> "pd.DataFrame":
    """Return the food table (a fresh copy, safe to modify), one row per food.

    Columns carry their unit in the name (``magnesium_mg_per_serving``, ``vitd_ug_per_100g`` ...)
    and each nutrient has a ``*_source`` column with its reference key.
    """
    return _table().copy()


@lru_cache(maxsize=1)
def _foods() -> tuple[Food, ...]:
    out = []
    for row in _table().itertuples(index=False):
        grams = None if (row.serving_g is None or math.isnan(row.serving_g)) else float(row.serving_g)
        out.append(Food(
            food_id=row.food_id, name=row.name, group=row.group, serving=row.serving, serving_g=grams,
            magnesium_mg=float(row.magnesium_mg_per_serving), calcium_mg=float(row.calcium_mg_per_serving),
            vitamin_d_ug=float(row.vitd_ug_per_serving),
            sources=MappingProxyType({"magnesium": row.magnesium_source, "calcium": row.calcium_source,
                                      "vitamin_d": row.vitd_source, "serving_g": row.serving_g_source}),
            aliases=tuple(a.strip() for a in str(row.aliases).split(";") if a.strip()),
            note=str(row.note),
        ))
    return tuple(out)


def _norm(text: str) -> str:
    text = text.lower().replace("_", " ").replace("-", " ")
    text = re.sub(r"[^\w% ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1)
def _index() -> Mapping[str, str]:
    """Normalised id / name / alias -> food_id (first food wins for a shared alias)."""
    idx: dict[str, str] = {}
    for f in _foods():
        for key in (f.food_id, f.name, *f.aliases):
            idx.setdefault(_norm(key), f.food_id)
    return MappingProxyType(idx)


@lru_cache(maxsize=1)
def _fact_sheet_names() -> Mapping[str, str]:
    """Normalised food name of each ODS fact-sheet row (with and without its serving) -> food_id.

    Used for exact look-ups only, so a student can type a name as the fact sheet prints it.
    """
    idx: dict[str, str] = {}
    for row in ods_table():
        for key in (row.food, row.label):
            if row.food_ids:
                idx.setdefault(_norm(key), row.food_ids[0])
    return MappingProxyType(idx)


@lru_cache(maxsize=1)
def _by_id() -> Mapping[str, Food]:
    return MappingProxyType({f.food_id: f for f in _foods()})


def food_names() -> tuple[str, ...]:
    """Display names of all foods, in table order (for menus)."""
    return tuple(f.name for f in _foods())


def search_foods(text: str, limit: int = 8) -> tuple[Food, ...]:
    """Foods whose id, name or aliases contain ``text`` (case-insensitive), best first."""
    if not isinstance(text, str):
        raise InputTypeError(f"search text must be a string such as 'beans'; got {type(text).__name__}.")
    n = int(require_number(limit, "limit", low=1, high=100))
    q = _norm(text)
    hits = [f for f in _foods() if any(q in _norm(k) for k in (f.food_id, f.name, *f.aliases))]
    if not hits:
        close = difflib.get_close_matches(q, list(_index()), n=n, cutoff=0.5)
        hits = list(dict.fromkeys(_by_id()[_index()[c]] for c in close))
    return tuple(hits[:n])


def find_food(name: str | Food) -> Food:
    """Return the food called ``name`` (id, name or alias; case, spaces and plurals forgiven).

    A food is also found by its name in the NIH ODS fact-sheet tables (``"Liver, beef, braised"``;
    see :func:`official_list`).

    Raises
    ------
    InputTypeError
        If ``name`` is not a string.
    InputError
        If no food matches; the message suggests the closest names ("did you mean ...").
    """
    if isinstance(name, Food):
        return name
    if not isinstance(name, str):
        raise InputTypeError(f"a food is named by text such as 'almonds' or 'black beans'; got {type(name).__name__}.")
    q = _norm(name)
    if not q:
        raise InputError("the food name is empty. Type a food such as 'almonds'; foods() lists them all.")
    idx = _index()
    for key in (q, q.rstrip("s"), q + "s", q + "es"):
        if key in idx:
            return _by_id()[idx[key]]
    if q in _fact_sheet_names():
        return _by_id()[_fact_sheet_names()[q]]
    contains = list(dict.fromkeys(fid for key, fid in idx.items() if q in key))
    if len(contains) == 1:
        return _by_id()[contains[0]]
    if contains:
        names = ", ".join(repr(_by_id()[fid].name) for fid in contains[:6])
        raise InputError(f"{name!r} matches several foods: {names}. Which one did you mean?")
    close = difflib.get_close_matches(q, list(idx), n=6, cutoff=0.55)
    suggestions = list(dict.fromkeys(_by_id()[idx[c]].name for c in close))[:3]
    hint = f" Did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
    raise InputError(f"unknown food {name!r}.{hint} foods() lists all {len(_foods())} foods; "
                     "search_foods('...') finds them by part of the name.")


# ---------------------------------------------------------------------------------------------
# A day's intake
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MealItem:
    """One food in a day's meals: give ``servings`` or ``grams`` (not both).

    Attributes
    ----------
    food : str
        Food name, id or alias (see :func:`find_food`).
    servings : float, optional
        Number of servings (0-50).
    grams : float, optional
        Amount in grams (0-5000), for foods with a serving weight.
    """

    food: str
    servings: float | None = field(default=None, metadata={"unit": "servings", "source": "input"})
    grams: float | None = field(default=None, metadata={"unit": "g", "source": "input"})


@dataclass(frozen=True)
class Supplements:
    """Daily supplements and medicines (the magnesium UL applies to these only).

    Attributes
    ----------
    magnesium_mg : float
        Magnesium from supplements and medicines (antacids, laxatives), 0-5000 mg/day.
    calcium_mg : float
        Calcium from supplements, 0-5000 mg/day.
    vitamin_d_iu : float
        Vitamin D from supplements, 0-100000 IU/day (1 µg = 40 IU).
    """

    magnesium_mg: float = field(default=0.0, metadata={"unit": "mg/day", "source": "input"})
    calcium_mg: float = field(default=0.0, metadata={"unit": "mg/day", "source": "input"})
    vitamin_d_iu: float = field(default=0.0, metadata={"unit": "IU/day", "source": "input"})

    def __post_init__(self) -> None:
        for name, label, unit, high in (("magnesium_mg", "supplement magnesium", "mg/day", 5000),
                                        ("calcium_mg", "supplement calcium", "mg/day", 5000),
                                        ("vitamin_d_iu", "supplement vitamin D", "IU/day", 100000)):
            object.__setattr__(self, name, require_number(getattr(self, name), label, low=0, high=high, unit=unit))


@dataclass(frozen=True)
class Person:
    """Who the reference intakes are for (see :func:`mgdlearn.reference_values.dri`).

    Attributes
    ----------
    age_years : float
        Age in years (0-120).
    sex : str
        ``"female"`` or ``"male"``.
    pregnant, lactating : bool
        Pregnancy or lactation (females 14-50 only).
    """

    age_years: float = field(default=30.0, metadata={"unit": "years", "source": "input"})
    sex: str = "female"
    pregnant: bool = False
    lactating: bool = False

    def dri(self, nutrient: str) -> Any:
        """The :class:`mgdlearn.reference_values.DRI` of ``nutrient`` for this person."""
        return dri(nutrient, self.age_years, self.sex, pregnant=self.pregnant, lactating=self.lactating)

    def describe(self) -> str:
        """Short description such as ``"female, 30 years, pregnant"``."""
        stage = ", pregnant" if self.pregnant else ", breastfeeding" if self.lactating else ""
        return f"{self.sex}, {self.age_years:g} years{stage}"


@dataclass(frozen=True)
class IntakeLine:
    """One food of a day's intake, with the amounts it supplies."""

    food_id: str
    name: str
    servings: float = field(metadata={"unit": "servings", "source": "input"})
    grams: float | None = field(metadata={"unit": "g", "source": "usda_sr28"})
    magnesium_mg: float = field(metadata={"unit": "mg", "source": "foods.csv"})
    calcium_mg: float = field(metadata={"unit": "mg", "source": "foods.csv"})
    vitamin_d_ug: float = field(metadata={"unit": "µg", "source": "foods.csv"})


@dataclass(frozen=True)
class DayIntake:
    """Foods and supplements of one day, with totals.

    Food totals and supplement amounts are kept apart because the magnesium UL applies to
    supplements only.
    """

    lines: tuple[IntakeLine, ...]
    supplements: Supplements = Supplements()

    @property
    def food_magnesium_mg(self) -> float:
        """Magnesium from food (mg)."""
        return float(sum(x.magnesium_mg for x in self.lines))

    @property
    def food_calcium_mg(self) -> float:
        """Calcium from food (mg)."""
        return float(sum(x.calcium_mg for x in self.lines))

    @property
    def food_vitamin_d_ug(self) -> float:
        """Vitamin D from food (µg)."""
        return float(sum(x.vitamin_d_ug for x in self.lines))

    @property
    def food_vitamin_d_iu(self) -> float:
        """Vitamin D from food (IU)."""
        return float(convert(self.food_vitamin_d_ug, "µg", "IU", analyte="vitamin_d"))

    def food(self, nutrient: str) -> float:
        """Amount from food in the DRI unit (mg for minerals, IU for vitamin D)."""
        key = _nutrient(nutrient)
        return {"magnesium": self.food_magnesium_mg, "calcium": self.food_calcium_mg,
                "vitamin_d": self.food_vitamin_d_iu}[key]

    def supplement(self, nutrient: str) -> float:
        """Amount from supplements in the DRI unit."""
        key = _nutrient(nutrient)
        s = self.supplements
        return {"magnesium": s.magnesium_mg, "calcium": s.calcium_mg, "vitamin_d": s.vitamin_d_iu}[key]

    def total(self, nutrient: str) -> float:
        """Food plus supplements in the DRI unit."""
        return self.food(nutrient) + self.supplement(nutrient)

    def table(self) -> "pd.DataFrame":
        """One row per food plus a supplements row and a total row."""
        import pandas as pd

        rows = [dict(food=x.name, servings=x.servings, grams=x.grams, magnesium_mg=x.magnesium_mg,
                     calcium_mg=x.calcium_mg, vitamin_d_iu=x.vitamin_d_ug * 40.0) for x in self.lines]
        s = self.supplements
        rows.append(dict(food="supplements", servings=None, grams=None, magnesium_mg=s.magnesium_mg,
                         calcium_mg=s.calcium_mg, vitamin_d_iu=s.vitamin_d_iu))
        rows.append(dict(food="total", servings=None, grams=None, magnesium_mg=self.total("magnesium"),
                         calcium_mg=self.total("calcium"), vitamin_d_iu=self.total("vitamin_d")))
        return pd.DataFrame(rows)


def _nutrient(nutrient: object) -> str:
    if not isinstance(nutrient, str):
        raise InputTypeError(f"nutrient must be text: one of {', '.join(NUTRIENTS)}; got {type(nutrient).__name__}.")
    key = _norm(nutrient).replace(" ", "_")
    key = {"mg": "magnesium", "ca": "calcium", "vitamin_d": "vitamin_d", "vitd": "vitamin_d", "d": "vitamin_d"}.get(key, key)
    if key not in NUTRIENTS:
        raise InputError(f"unknown nutrient {nutrient!r}. Choose one of: {', '.join(NUTRIENTS)}.")
    return key


def _items(meals: object) -> list[MealItem]:
    """Normalise the accepted meal formats to a list of MealItem."""
    if meals is None:
        return []
    if isinstance(meals, (MealItem, str)):
        meals = [meals]
    if isinstance(meals, Mapping):
        if "food" in meals and ("servings" in meals or "grams" in meals):
            meals = [meals]
        else:
            return [MealItem(food=k, servings=v) for k, v in meals.items()]
    if not isinstance(meals, Iterable):
        raise InputTypeError(
            "meals must be a mapping {food: servings}, a list of (food, servings) pairs, "
            f"dicts {{'food': ..., 'servings'/'grams': ...}} or MealItem objects; got {type(meals).__name__}.")
    out: list[MealItem] = []
    for item in meals:
        if isinstance(item, MealItem):
            out.append(item)
        elif isinstance(item, str):
            out.append(MealItem(food=item, servings=1.0))
        elif isinstance(item, Mapping):
            unknown = set(item) - {"food", "servings", "grams"}
            if "food" not in item or unknown:
                raise InputError(f"a meal entry dict needs 'food' and 'servings' or 'grams'; got keys {sorted(item)}.")
            out.append(MealItem(food=item["food"], servings=item.get("servings"), grams=item.get("grams")))
        elif isinstance(item, Sequence) and len(item) == 2:
            out.append(MealItem(food=item[0], servings=item[1]))
        else:
            raise InputTypeError(
                f"cannot read meal entry {item!r}: use ('almonds', 1), {{'food': 'almonds', 'grams': 30}} "
                "or MealItem('almonds', servings=1).")
    return out


def _line(item: MealItem) -> IntakeLine:
    food = find_food(item.food)
    if item.servings is not None and item.grams is not None:
        raise InputError(f"{food.name}: give servings or grams, not both.")
    if item.grams is not None:
        grams = require_number(item.grams, f"grams of {food.name}", low=0, high=5000, unit="g")
        if food.serving_g is None:
            raise InputError(f"{food.name}: the weight of a serving differs by product, so enter servings "
                             f"({food.serving}) instead of grams.")
        servings = grams / food.serving_g
    else:
        raw = 1.0 if item.servings is None else item.servings
        servings = require_number(raw, f"servings of {food.name}", low=0, high=50, unit="servings")
        grams = None if food.serving_g is None else servings * food.serving_g
    return IntakeLine(food_id=food.food_id, name=food.name, servings=servings, grams=grams,
                      magnesium_mg=servings * food.magnesium_mg, calcium_mg=servings * food.calcium_mg,
                      vitamin_d_ug=servings * food.vitamin_d_ug)


def _supplements(supplements: Supplements | Mapping[str, float] | None) -> Supplements:
    if supplements is None:
        return Supplements()
    if isinstance(supplements, Supplements):
        return supplements
    if isinstance(supplements, Mapping):
        try:
            return Supplements(**supplements)
        except TypeError:
            raise InputError("supplements accepts magnesium_mg, calcium_mg and vitamin_d_iu; "
                             f"got {sorted(supplements)}.") from None
    raise InputTypeError(f"supplements must be Supplements(...) or a dict; got {type(supplements).__name__}.")


def day_intake(meals: Any, supplements: Supplements | Mapping[str, float] | None = None) -> DayIntake:
    """Total a day's meals and supplements.

    Parameters
    ----------
    meals
        ``{"almonds": 1, "spinach": 2}`` (servings), a list of ``(food, servings)`` pairs, dicts
        ``{"food": ..., "grams": ...}`` or :class:`MealItem` objects. A food may appear twice.
    supplements : Supplements or dict, optional
        ``Supplements(magnesium_mg=..., calcium_mg=..., vitamin_d_iu=...)``.

    Raises
    ------
    InputError, InputTypeError
        Unknown foods (with suggestions), negative or NaN amounts, wrong types.
    """
    if isinstance(meals, DayIntake):
        return meals if supplements is None else DayIntake(meals.lines, _supplements(supplements))
    return DayIntake(tuple(_line(i) for i in _items(meals)), _supplements(supplements))


# ---------------------------------------------------------------------------------------------
# Ratio and comparison with the reference intakes
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CaMgRatio:
    """Calcium-to-magnesium intake ratio (mg/mg) and what can honestly be said about it."""

    ratio: float = field(metadata={"unit": "mg/mg", "source": "input"})
    band: str
    interpretation: str
    evidence: str = "hypothesis"
    source: str = "rosanoff2016;dai2018"

    def __str__(self) -> str:
        return f"Ca:Mg = {self.ratio:.2f} ({self.band}). {self.interpretation}"


def ca_mg_ratio(calcium_mg: float, magnesium_mg: float) -> CaMgRatio:
    """Calcium-to-magnesium ratio of a day's intake, with an interpretation and its evidence level.

    Rosanoff, Dai and Shapses (2016) argued that ratios below about 1.7 or above about 2.8 may be
    unfavourable, and Dai et al. (2018) designed their trial around a target near 2.0-2.5. This is a
    **hypothesis** from observational data and one trial's design: no guideline sets a ratio, and
    meeting the RDA of each mineral matters more.

    Raises
    ------
    InputError
        If an amount is negative or NaN, or magnesium is 0 (the ratio is undefined).
    """
    ca = require_number(calcium_mg, "calcium intake", low=0, high=100000, unit="mg/day")
    mg = require_number(magnesium_mg, "magnesium intake", low=0, high=100000, unit="mg/day")
    if mg == 0:
        raise InputError("magnesium intake is 0 mg/day, so the Ca:Mg ratio is undefined; add foods with magnesium.")
    r = ca / mg
    k = {name: c.value for name, c in RATIO_CONSTANTS.items()}
    honest = (" This ratio is a hypothesis (observational studies and one trial's design; Rosanoff 2016, "
              "Dai 2018), not a guideline: meeting the RDA for both minerals matters more than the ratio.")
    if r < k["low"]:
        band = "low"
        text = (f"Below about {k['low']:g}: relatively little calcium for the magnesium eaten; check that "
                "calcium reaches its RDA.")
    elif r > k["high"]:
        band = "high"
        text = (f"Above about {k['high']:g}: much more calcium than magnesium, the pattern the article warns "
                "about; more magnesium-rich foods would lower it.")
    elif k["target_low"] <= r <= k["target_high"]:
        band = "near the proposed target"
        text = f"Within the proposed target of about {k['target_low']:g}-{k['target_high']:g}."
    else:
        band = "within the proposed range"
        text = (f"Between {k['low']:g} and {k['high']:g}, outside the narrower target of "
                f"{k['target_low']:g}-{k['target_high']:g}.")
    return CaMgRatio(ratio=r, band=band, interpretation=text + honest)


@dataclass(frozen=True)
class NutrientStatus:
    """One nutrient of a day compared with the person's reference intakes.

    ``compared_to_ul`` is what the UL is checked against: supplements only for magnesium, the
    total for calcium and vitamin D.
    """

    nutrient: str
    unit: str
    food: float
    supplements: float
    total: float
    rda: float
    kind: str
    ul: float | None
    ul_applies_to: str
    compared_to_ul: float
    source: str

    @property
    def percent_of_rda(self) -> float:
        """Total intake as a percentage of the RDA (or AI)."""
        return 100.0 * self.total / self.rda

    @property
    def over_ul(self) -> bool:
        """True if the amount the UL applies to exceeds it."""
        return self.ul is not None and self.compared_to_ul > self.ul

    @property
    def status(self) -> str:
        """``"above UL"``, ``"meets RDA"`` (or ``"meets AI"``) or ``"below RDA"`` (``"below AI"``)."""
        if self.over_ul:
            return "above UL"
        return f"meets {self.kind}" if self.total >= self.rda else f"below {self.kind}"

    def message(self) -> str:
        """One sentence about this nutrient."""
        label = NUTRIENTS[self.nutrient][0]
        u = self.unit.replace("/day", "")
        text = (f"{label[0].upper() + label[1:]}: {self.total:,.0f} {u} ({self.percent_of_rda:.0f} % of the "
                f"{self.kind} of {self.rda:,.0f} {u})")
        if self.over_ul:
            what = "supplements" if self.ul_applies_to.startswith("supplements") else "total intake"
            text += f"; {what} of {self.compared_to_ul:,.0f} {u} exceed the UL of {self.ul:,.0f} {u}"
        elif self.ul is not None and self.ul_applies_to.startswith("supplements"):
            text += f"; the UL of {self.ul:,.0f} {u} applies to supplements only"
        return text + "."


@dataclass(frozen=True)
class Assessment:
    """A day's intake compared with one person's reference intakes, and its Ca:Mg ratio."""

    intake: DayIntake
    person: Person
    statuses: tuple[NutrientStatus, ...]
    ratio: CaMgRatio | None

    def status(self, nutrient: str) -> NutrientStatus:
        """The :class:`NutrientStatus` of ``nutrient``."""
        key = _nutrient(nutrient)
        return next(s for s in self.statuses if s.nutrient == key)

    def table(self) -> "pd.DataFrame":
        """One row per nutrient: food, supplements, total, RDA/AI, UL and status."""
        import pandas as pd

        return pd.DataFrame([dict(nutrient=s.nutrient, unit=s.unit, food=s.food, supplements=s.supplements,
                                  total=s.total, rda=s.rda, kind=s.kind, ul=s.ul, ul_applies_to=s.ul_applies_to,
                                  percent_of_rda=s.percent_of_rda, status=s.status, source=s.source)
                             for s in self.statuses])

    def summary(self) -> str:
        """A paragraph: each nutrient against its reference values, and the ratio."""
        parts = [s.message() for s in self.statuses]
        if self.ratio is not None:
            parts.append(f"Ca:Mg ratio {self.ratio.ratio:.2f} ({self.ratio.band}).")
        return f"For a {self.person.describe()}: " + " ".join(parts)


def _person(person: Person | Mapping[str, Any] | None) -> Person:
    if person is None:
        return Person()
    if isinstance(person, Person):
        return person
    if isinstance(person, Mapping):
        try:
            return Person(**person)
        except TypeError:
            raise InputError(f"person accepts age_years, sex, pregnant and lactating; got {sorted(person)}.") from None
    raise InputTypeError(f"person must be Person(...) or a dict; got {type(person).__name__}.")


def assess(meals: Any, person: Person | Mapping[str, Any] | None = None,
           supplements: Supplements | Mapping[str, float] | None = None) -> Assessment:
    """Compare a day's intake with the RDA/AI and UL of ``person`` (default: a 30-year-old woman).

    The magnesium UL (350 mg/day from 9 years) is checked against supplements only; the calcium and
    vitamin D ULs against the total of food and supplements.
    """
    intake = day_intake(meals, supplements)
    who = _person(person)
    statuses = []
    for key in NUTRIENTS:
        d = who.dri(key)
        applies = str(d.ul_applies_to)
        supp_only = applies.startswith("supplements")
        statuses.append(NutrientStatus(
            nutrient=key, unit=d.unit, food=intake.food(key), supplements=intake.supplement(key),
            total=intake.total(key), rda=float(d.rda), kind=d.kind, ul=None if d.ul is None else float(d.ul),
            ul_applies_to=applies, compared_to_ul=intake.supplement(key) if supp_only else intake.total(key),
            source=d.source))
    mg, ca = intake.total("magnesium"), intake.total("calcium")
    ratio = ca_mg_ratio(ca, mg) if mg > 0 else None
    return Assessment(intake=intake, person=who, statuses=tuple(statuses), ratio=ratio)


# ---------------------------------------------------------------------------------------------
# Closing a magnesium gap (integer program)
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GapPlan:
    """Result of :func:`close_gap`.

    Attributes
    ----------
    feasible : bool
        True if magnesium reaches the RDA within every UL (also True when nothing is needed).
    added : tuple of (food name, servings)
        Servings to add (empty if none are needed or none can do it).
    before, after : Assessment
        The day as given, and with the added servings (``after`` is ``before`` when infeasible).
    message : str
        What was found, in words (why not, if infeasible).
    caveat : str
        Always :data:`CAVEAT`.
    """

    feasible: bool
    added: tuple[tuple[str, int], ...]
    before: Assessment
    after: Assessment
    message: str
    caveat: str = CAVEAT

    @property
    def total_servings(self) -> int:
        """Number of servings added."""
        return int(sum(n for _, n in self.added))

    def summary(self) -> str:
        """Message and caveat."""
        return f"{self.message}\n{self.caveat}"


def _allowed(allowed_foods: Iterable[str] | None) -> list[Food]:
    if allowed_foods is None:
        return list(_foods())
    if isinstance(allowed_foods, str):
        allowed_foods = [allowed_foods]
    if not isinstance(allowed_foods, Iterable):
        raise InputTypeError(f"allowed_foods must be a list of food names; got {type(allowed_foods).__name__}.")
    chosen = list(dict.fromkeys(find_food(n) for n in allowed_foods))
    if not chosen:
        raise InputError("allowed_foods is empty: name at least one food, or pass None to allow all foods.")
    return chosen


def close_gap(meals: Any, person: Person | Mapping[str, Any] | None = None,
              supplements: Supplements | Mapping[str, float] | None = None, *,
              allowed_foods: Iterable[str] | None = None, max_servings_per_food: int = 4) -> GapPlan:
    """Suggest the fewest whole servings of foods that lift magnesium to the RDA without passing a UL.

    A small integer program (``scipy.optimize.milp``): minimise the number of added servings
    subject to total magnesium >= RDA, total calcium <= UL and total vitamin D (food and
    supplements) <= UL, with 0..``max_servings_per_food`` servings of each allowed food. Ties go
    to magnesium-richer foods. Magnesium from food has no UL (the UL is for supplements only).

    Parameters
    ----------
    meals, person, supplements
        As for :func:`assess`.
    allowed_foods : list of str, optional
        Only suggest these foods (a preference list); default: any food in the table.
    max_servings_per_food : int
        At most this many servings of one food (1-10).

    Returns
    -------
    GapPlan
        ``feasible=False`` with a message naming the allowed foods when the gap cannot be closed.
    """
    before = assess(meals, person, supplements)
    if isinstance(max_servings_per_food, bool) or not isinstance(max_servings_per_food, int):
        raise InputTypeError("max_servings_per_food must be a whole number from 1 to 10; "
                             f"got {type(max_servings_per_food).__name__}.")
    cap = int(require_number(max_servings_per_food, "max_servings_per_food", low=1, high=10))
    candidates = _allowed(allowed_foods)
    mg_s, ca_s, vd_s = (before.status(k) for k in ("magnesium", "calcium", "vitamin_d"))
    need = mg_s.rda - mg_s.total
    names = ", ".join(f.name for f in candidates) if allowed_foods is not None else "any food in the table"

    def plan(feasible: bool, added: tuple[tuple[str, int], ...], message: str) -> GapPlan:
        if not added:
            return GapPlan(feasible, added, before, before, message)
        extra = list(before.intake.lines) + [_line(MealItem(n, servings=float(k))) for n, k in added]
        after = assess(DayIntake(tuple(extra), before.intake.supplements), before.person)
        return GapPlan(feasible, added, before, after, message)

    if need <= 0:
        return plan(True, (), f"Magnesium already meets the {mg_s.kind} ({mg_s.total:,.0f} of {mg_s.rda:,.0f} "
                              "mg/day): no foods need to be added.")
    over = [s for s in (ca_s, vd_s) if s.over_ul]
    if over:
        what = " and ".join(NUTRIENTS[s.nutrient][0] for s in over)
        return plan(False, (), f"The gap cannot be closed this way: {what} is already above its UL, so no food "
                               "may be added without staying over it. Lower that first.")
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp

    useful = [f for f in candidates if f.magnesium_mg > 0]
    if not useful:
        return plan(False, (), f"The gap cannot be closed with the allowed foods: {names} (none contains magnesium).")
    mg = np.array([f.magnesium_mg for f in useful])
    ca = np.array([f.calcium_mg for f in useful])
    vd = np.array([f.vitamin_d_iu for f in useful])
    rows, lb, ub = [mg], [need], [np.inf]
    if ca_s.ul is not None:
        rows.append(ca); lb.append(-np.inf); ub.append(ca_s.ul - ca_s.compared_to_ul)
    if vd_s.ul is not None:
        rows.append(vd); lb.append(-np.inf); ub.append(vd_s.ul - vd_s.compared_to_ul)
    constraints = LinearConstraint(np.vstack(rows), np.array(lb), np.array(ub))
    bounds = Bounds(np.zeros(len(useful)), np.full(len(useful), float(cap)))
    integrality = np.ones(len(useful))
    cost = 1.0 - 1e-3 * mg / mg.max()  # fewest servings first; ties to magnesium-richer foods
    res = milp(cost, constraints=constraints, bounds=bounds, integrality=integrality)
    if res.status != 0 or res.x is None:
        best = milp(-mg, constraints=LinearConstraint(np.vstack(rows[1:]), np.array(lb[1:]), np.array(ub[1:]))
                    if len(rows) > 1 else None, bounds=bounds, integrality=integrality)
        reach = max(0.0, float(-best.fun)) if best.status == 0 else float(mg.sum() * cap)
        return plan(False, (), (
            f"The gap cannot be closed with the allowed foods: {names} (at most {cap} servings each). "
            f"Magnesium is {mg_s.total:,.0f} of {mg_s.rda:,.0f} mg/day; these foods can add at most "
            f"{reach:,.0f} mg within the calcium and vitamin D ULs. Allow more foods or more servings."))
    counts = np.rint(res.x).astype(int)
    added = tuple((f.name, int(n)) for f, n in zip(useful, counts) if n > 0)
    listing = ", ".join(f"{n} x {name} ({find_food(name).serving})" for name, n in added)
    p = plan(True, added, "")
    mg_after = p.after.status("magnesium").total
    return GapPlan(True, added, before, p.after, (
        f"Adding {sum(n for _, n in added)} serving(s) - {listing} - lifts magnesium from {mg_s.total:,.0f} to "
        f"{mg_after:,.0f} mg/day (the {mg_s.kind} is {mg_s.rda:,.0f}) while calcium and vitamin D stay within "
        "their ULs."))


# ---------------------------------------------------------------------------------------------
# The official lists: the NIH ODS fact-sheet tables, row by row against the food finder
# ---------------------------------------------------------------------------------------------
_FACT_SHEETS: Mapping[str, str] = MappingProxyType({
    "magnesium": "Magnesium", "vitamin_d": "Vitamin D", "calcium": "Calcium"})


@dataclass(frozen=True)
class OfficialRow:
    """One row of an ODS fact-sheet table next to one of its foods in the food finder.

    Attributes
    ----------
    row : mgdlearn.reference_values.OdsFoodRow
        The fact sheet's row.
    food : Food or None
        The matched food of :func:`foods` (``None`` if the row names no food that exists).
    grams : float or None
        Grams of the fact sheet's serving used for the comparison (``None``: the food's own serving).
    amount : float or None
        The food finder's amount for the fact sheet's serving, in ``row.unit``.
    amount_iu : float or None
        Vitamin D only: the same amount in IU.
    agrees : bool
        True if ``amount`` rounds to the fact sheet's figure.
    problem : str
        ``""`` if the row agrees, otherwise what is wrong, naming the row.
    """

    row: Any
    food: Food | None
    grams: float | None = field(metadata={"unit": "g", "source": "see row"})
    amount: float | None = field(metadata={"unit": "see row", "source": "foods.csv"})
    amount_iu: float | None = field(metadata={"unit": "IU", "source": "foods.csv"})
    agrees: bool
    problem: str

    def finder_text(self) -> str:
        """The matched food and its amount, such as ``"Rainbow trout, farmed, cooked (3 oz): 16.2 µg (648 IU)"``."""
        if self.food is None or self.amount is None:
            return "no matching food"
        serving = self.food.serving if self.grams is None else f"{self.row.serving}, {self.grams:g} g"
        digits = 0 if self.row.unit == "mg" else 1
        text = f"{self.food.name} ({serving}): {self.amount:,.{digits}f} {self.row.unit}"
        if self.amount_iu is not None:
            text += f" ({self.amount_iu:,.{0 if self.amount_iu >= 10 or self.amount_iu == 0 else 1}f} IU)"
        return text


@dataclass(frozen=True)
class OfficialList:
    """An ODS fact sheet's table of food sources, each row matched to a food of the finder.

    ``str(list)`` (or :func:`print_official_list`) prints it; :meth:`table` gives a DataFrame.
    """

    nutrient: str
    rows: tuple[OfficialRow, ...]

    @property
    def problems(self) -> tuple[str, ...]:
        """One message per row that no food matches within rounding (empty if all agree)."""
        return tuple(r.problem for r in self.rows if r.problem)

    def table(self) -> "pd.DataFrame":
        """One row per fact-sheet row and matched food: the fact sheet's food, serving and amount, the
        matched food, its amount for that serving, whether they agree, and how the row was checked."""
        import pandas as pd

        return pd.DataFrame([dict(
            rank=r.row.rank, fact_sheet_food=r.row.food, serving=r.row.serving, fact_sheet_amount=r.row.amount_text,
            food_id=None if r.food is None else r.food.food_id, food=None if r.food is None else r.food.name,
            food_amount=r.amount, unit=r.row.unit, agrees=r.agrees, status=r.row.status,
            checked_against=";".join(r.row.checked_against), revision=r.row.revision or None, source=r.row.source)
            for r in self.rows])

    def __str__(self) -> str:
        if not self.rows:
            return f"No rows for {self.nutrient}."
        ref = cite(self.rows[0].row.source)
        revisions = sorted({r.row.revision for r in self.rows if r.row.revision})
        count = len({r.row.rank for r in self.rows})
        lines = [f"The official list: {ref.title} (NIH Office of Dietary Supplements), "
                 f"table of selected food sources, {count} rows.",
                 f"Revision date: {', '.join(revisions) if revisions else 'not given by the copies checked'}. "
                 f"{ref.url}",
                 "Rows were checked against public copies of the table, not the fact sheet itself (status)."]
        if ODS_TABLE_GAPS.get(self.nutrient):
            lines.append(f"Known gap: {ODS_TABLE_GAPS[self.nutrient]}.")
        lines.append("")
        shown = None
        for r in self.rows:
            if r.row is not shown:
                lines.append(f"{r.row.rank:>2}. {r.row.label}: {r.row.amount_text}")
                shown = r.row
            mark = "agrees" if r.agrees else "DIFFERS"
            lines.append(f"    food finder: {r.finder_text()}; {mark} ({r.row.status})")
        used = dict.fromkeys(r.row.status for r in self.rows)
        lines += ["", "Status: " + "; ".join(f"{k}: {ODS_ROW_STATUS.get(k, k)}" for k in used) + ".",
                  "Amounts are typical of one product or preparation; fortified foods differ by brand "
                  "(check the label)."]
        return "\n".join(lines)


def _match(row: Any) -> tuple[OfficialRow, ...]:
    """Put one fact-sheet row next to each of its foods and compare the amounts within rounding."""
    where = f"{_FACT_SHEETS[row.nutrient]} table row {row.rank} '{row.label}' ({row.amount_text})"
    if not row.food_ids:
        return (OfficialRow(row, None, None, None, None, False, f"{where}: no food is named (food_id is empty)"),)
    out = []
    for food_id in row.food_ids:
        food = _by_id().get(food_id)
        if food is None:
            out.append(OfficialRow(row, None, None, None, None, False, f"{where}: no food '{food_id}' in foods.csv"))
            continue
        scale, grams = 1.0, None
        if row.serving_g is not None:
            if food.serving_g is None:
                out.append(OfficialRow(row, food, None, None, None, False,
                                       f"{where}: {food.name} has no serving weight to scale to {row.serving_g:g} g"))
                continue
            scale, grams = row.serving_g / food.serving_g, row.serving_g
        amount = food.amount(row.nutrient) * scale
        amount_iu = food.vitamin_d_iu * scale if row.nutrient == "vitamin_d" else None
        ok = row.agrees(amount, amount_iu, rel_tol=0.01 if grams is not None else 0.0)
        problem = "" if ok else (f"{where}: the food finder's {food.name} gives "
                                 f"{amount:.3g} {row.unit} for that serving")
        out.append(OfficialRow(row, food, grams, amount, amount_iu, ok, problem))
    return tuple(out)


def official_list(nutrient: str, rows: Sequence[Any] | None = None) -> OfficialList:
    """The ODS fact sheet's table of food sources of ``nutrient``, each row matched to a food of the finder.

    Parameters
    ----------
    nutrient : str
        ``"magnesium"``, ``"vitamin_d"`` or ``"calcium"`` (``"Mg"``, ``"vitamin D"``, ``"Ca"`` ...).
    rows : sequence of OdsFoodRow, optional
        Rows to match instead of the shipped table (for example
        ``mgdlearn.reference_values.read_ods_table(path)`` of an edited copy).

    Returns
    -------
    OfficialList
        Printable; ``.problems`` names every row whose food does not agree within rounding.

    Examples
    --------
    >>> from mgdlearn.nutrition import official_list
    >>> official_list("vitamin D").rows[1].finder_text()
    'Rainbow trout, farmed, cooked (3 oz): 16.2 µg (648 IU)'
    """
    key = nutrient_key(nutrient)
    chosen = ods_table(key) if rows is None else tuple(r for r in rows if r.nutrient == key)
    return OfficialList(nutrient=key, rows=tuple(m for r in chosen for m in _match(r)))


def print_official_list(nutrient: str) -> None:
    """Print :func:`official_list` of ``nutrient``: each fact-sheet row, its food and whether they agree."""
    print(official_list(nutrient))


# ---------------------------------------------------------------------------------------------
# Hand-off to the model
# ---------------------------------------------------------------------------------------------
def to_scenario(meals: Any, sun_iu_per_day: float = 0.0,
                supplements: Supplements | Mapping[str, float] | None = None) -> Any:
    """The :class:`mgdlearn.model.Scenario` of a day's diet (repeated every day) and sun.

    Vitamin D from food and supplements becomes ``vitamin_d_iu_per_day``; magnesium and calcium
    (food and supplements) become ``magnesium_mg_per_day`` and ``calcium_mg_per_day``.
    """
    intake = day_intake(meals, supplements)
    sun = require_number(sun_iu_per_day, "sun vitamin D", low=0, high=50000, unit="IU/day")
    return Scenario(vitamin_d_iu_per_day=intake.total("vitamin_d"), sun_iu_per_day=sun,
                    magnesium_mg_per_day=intake.total("magnesium"), calcium_mg_per_day=intake.total("calcium"))
