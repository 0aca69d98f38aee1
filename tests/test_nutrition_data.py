"""The food table: values match their cited sources, every value has a source, units are in the names."""
from __future__ import annotations

import csv
import math
import subprocess
import sys
from pathlib import Path

import pytest

from mgdlearn.bibliography import REFERENCES
from mgdlearn.nutrition import find_food, foods

CHECKS = Path(__file__).parent / "data" / "foods_source_check.csv"
NUTRIENT_SOURCE = {"magnesium": "magnesium_source", "calcium": "calcium_source", "vitd": "vitd_source",
                   "serving": "serving_g_source"}


def _checks() -> list[dict[str, str]]:
    with CHECKS.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def table():
    return foods().set_index("food_id")


@pytest.mark.parametrize("check", _checks(), ids=lambda c: f"{c['food_id']}-{c['column']}")
def test_sampled_values_match_the_figures_of_their_cited_source(table, check):
    row = table.loc[check["food_id"]]
    value = float(row[check["column"]]) * float(check["scale"])
    low, high, tol = float(check["source_low"]), float(check["source_high"]), float(check["tolerance"])
    assert low * (1 - tol) - 1e-9 <= value <= high * (1 + tol) + 1e-9, (
        f"{check['food_id']} {check['column']} = {value:g}, but {check['source']} gives "
        f"{low:g}-{high:g} for '{check['source_item']}'")
    nutrient_col = NUTRIENT_SOURCE[check["column"].split("_")[0]]
    assert row[nutrient_col] == check["cited_as"]
    if check.get("ndb_number"):
        assert row["ndb_number"] == check["ndb_number"], "the check and the table name the same SR food"


def test_the_source_check_table_covers_each_fact_sheet_and_many_rows():
    checks = _checks()
    assert {c["source"] for c in checks} >= {"ods_mg", "ods_vitd", "ods_ca", "dga2020_calcium", "usda_sr28"}
    assert len({c["food_id"] for c in checks}) >= 25


def test_every_value_citing_usda_sr28_is_in_the_check_table(table):
    """Each per-100 g value taken from SR28 is pinned to the SR28 figure in the check table."""
    checked = {(c["food_id"], c["column"]) for c in _checks() if c["source"] == "usda_sr28"}
    for food_id, row in table.iterrows():
        for nutrient, col in (("magnesium", "magnesium_mg_per_100g"), ("calcium", "calcium_mg_per_100g"),
                              ("vitd", "vitd_ug_per_100g")):
            if row[f"{nutrient}_source"] == "usda_sr28":
                assert (food_id, col) in checked, (food_id, col)


def test_every_value_names_a_source_key_from_the_bibliography(table):
    for food_id, row in table.iterrows():
        keys = row["source"].split(";")
        assert keys and all(k in REFERENCES for k in keys), food_id
        for col in ("magnesium_source", "calcium_source", "vitd_source"):
            assert row[col] in REFERENCES, (food_id, col)
            assert row[col] in keys, (food_id, col)
        if not math.isnan(row["serving_g"]):
            assert row["serving_g_source"] in REFERENCES, food_id
        nutrient_sources = (row["magnesium_source"], row["calcium_source"], row["vitd_source"])
        if "usda_fdc" in nutrient_sources:
            assert row["fdc_description"], f"{food_id}: values from FoodData Central name the FDC food"
            assert "not verified" in row["note"], f"{food_id}: unchecked FoodData Central values are flagged"
        if "usda_sr28" in keys:
            assert row["fdc_description"], f"{food_id}: values from SR28 name the SR food"
            assert len(row["ndb_number"]) == 5 and row["ndb_number"].isdigit(), (
                f"{food_id}: values from SR28 give the 5-digit NDB number")


def test_units_are_stated_in_every_numeric_column_name(table):
    numeric = table.select_dtypes("number").columns
    units = ("_mg_per_serving", "_mg_per_100g", "_ug_per_serving", "_ug_per_100g", "_iu_per_serving", "_g")
    assert len(numeric) >= 8
    for col in numeric:
        assert col.endswith(units), col


def test_per_100g_and_per_serving_values_agree_through_the_serving_weight(table):
    pairs = [("magnesium_mg_per_serving", "magnesium_mg_per_100g", 0.6),
             ("calcium_mg_per_serving", "calcium_mg_per_100g", 0.6),
             ("vitd_ug_per_serving", "vitd_ug_per_100g", 0.01)]
    for food_id, row in table.iterrows():
        grams = row["serving_g"]
        for per_serving, per_100g, abs_tol in pairs:
            if math.isnan(grams):
                assert math.isnan(row[per_100g]), food_id
                continue
            assert row[per_serving] == pytest.approx(row[per_100g] * grams / 100, rel=0.01, abs=abs_tol), (
                food_id, per_serving)


def test_vitamin_d_iu_is_forty_times_the_micrograms(table):
    assert (table["vitd_iu_per_serving"] - 40 * table["vitd_ug_per_serving"]).abs().max() <= 0.5


def test_table_has_forty_foods_and_every_food_the_article_names(table):
    assert len(table) >= 40
    assert table.index.is_unique
    named = ["spinach", "almonds", "pumpkin seeds", "black beans", "avocado", "salmon", "tuna",
             "fortified milk", "fortified cereal", "eggs"]
    for name in named:
        assert table.loc[find_food(name).food_id, "named_in_article"], name
    groups = set(table["group"])
    assert {"leafy greens", "nuts and seeds", "whole grains", "legumes"} <= groups


def test_table_includes_uv_mushrooms_fortified_plant_milks_and_low_magnesium_staples(table):
    uv = table[table["name"].str.contains("UV-exposed") & ~table["name"].str.contains("not UV")]
    assert len(uv) >= 1 and (uv["vitd_ug_per_serving"] > 5).all()
    plain = table.loc["mushrooms_portabella"]
    assert plain["vitd_ug_per_serving"] < 0.5, "ordinary mushrooms contrast with UV-exposed ones"
    plant_milks = table[table["group"] == "plant milks"]
    assert len(plant_milks) >= 2
    assert (plant_milks["vitd_ug_per_serving"] > 0).all() and (plant_milks["calcium_mg_per_serving"] >= 250).all()
    assert (table["magnesium_mg_per_serving"] <= 12).sum() >= 5


def test_foods_returns_a_copy_that_callers_may_change(table):
    first = foods()
    first.loc[:, "magnesium_mg_per_serving"] = -1
    assert (foods()["magnesium_mg_per_serving"] >= 0).all()


def test_importing_nutrition_and_sun_does_not_import_pandas_or_scipy():
    code = ("import sys, mgdlearn.nutrition, mgdlearn.sun; "
            "print(sorted(m for m in ('pandas', 'scipy', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
