"""The NIH ODS fact-sheet tables of food sources, row by row against the food finder.

``mgdlearn/data/ods_tables.csv`` holds the rows of the three fact-sheet tables (magnesium, vitamin D,
calcium); every row must be matched by a food of ``foods.csv`` whose amount for the fact sheet's
serving rounds to the fact sheet's figure, and a failure must name the row.
"""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

import mgdlearn
from mgdlearn.nutrition import find_food, foods, official_list
from mgdlearn.reference_values import (
    ODS_ROW_STATUS,
    ODS_TABLE_COPIES,
    ods_table,
    read_ods_table,
)

DATA = Path(mgdlearn.__file__).parent / "data" / "ods_tables.csv"
NUTRIENTS = ("magnesium", "vitamin_d", "calcium")
SOURCE = {"magnesium": "ods_mg", "vitamin_d": "ods_vitd", "calcium": "ods_ca"}
FOOD_SOURCE_COLUMN = {"magnesium": "magnesium_source", "vitamin_d": "vitd_source", "calcium": "calcium_source"}


def assert_all_rows_agree(nutrient: str, rows=None) -> None:
    """Fail with one line per fact-sheet row that no food of the finder matches within rounding."""
    problems = official_list(nutrient, rows).problems
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("nutrient", NUTRIENTS)
def test_every_fact_sheet_row_is_matched_by_a_food_that_agrees_within_rounding(nutrient):
    listing = official_list(nutrient)
    assert {r.row.rank for r in listing.rows} == {r.rank for r in ods_table(nutrient)}
    assert_all_rows_agree(nutrient)
    assert all(r.agrees and r.food is not None for r in listing.rows)


def _doctored_copy(tmp_path: Path, edits: dict[tuple[str, str], dict[str, str]]) -> Path:
    copy = tmp_path / "ods_tables.csv"
    shutil.copy(DATA, copy)
    with copy.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        columns, rows = reader.fieldnames, list(reader)
    for row in rows:
        row.update(edits.get((row["nutrient"], row["rank"]), {}))
    with copy.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return copy


def test_the_check_fails_naming_the_row_on_a_doctored_copy(tmp_path):
    # trout's 16.2 µg turned into 26.2 µg (and its IU too), pumpkin seeds matched to a food that does not exist
    copy = _doctored_copy(tmp_path, {("vitamin_d", "2"): {"value": "26.2", "value_iu": "1045"},
                                     ("magnesium", "1"): {"food_id": "pumpkin_seedz"}})
    rows = read_ods_table(copy)
    with pytest.raises(AssertionError, match=r"Vitamin D table row 2 'Trout \(rainbow\), farmed, cooked, 3 ounces' "
                                             r"\(26.2 µg \(1,045 IU\)\): the food finder's Rainbow trout"):
        assert_all_rows_agree("vitamin_d", rows)
    with pytest.raises(AssertionError, match=r"Magnesium table row 1 'Pumpkin seeds, roasted, 1 ounce' "
                                             r"\(156 mg\): no food 'pumpkin_seedz' in foods.csv"):
        assert_all_rows_agree("magnesium", rows)
    assert_all_rows_agree("calcium", rows)  # the untouched table still passes
    assert "DIFFERS" in str(official_list("vitamin_d", rows))


def test_a_doctored_value_is_caught_just_outside_rounding(tmp_path):
    # the fact sheets round: 156 mg agrees with 156.4 but 157 mg does not agree with pumpkin seeds' 156
    rows = read_ods_table(_doctored_copy(tmp_path, {("magnesium", "1"): {"value": "157"}}))
    assert official_list("magnesium", rows).problems[0].startswith("Magnesium table row 1 'Pumpkin seeds")
    row = ods_table("magnesium")[0]
    assert row.agrees(156.4) and not row.agrees(156.6)


def test_a_broken_copy_gets_a_message_naming_the_line(tmp_path):
    bad = _doctored_copy(tmp_path, {("calcium", "3"): {"value": "lots"}})
    with pytest.raises(ValueError, match=r"ods_tables.csv line \d+ \('Yogurt, fruit, low fat'\)"):
        read_ods_table(bad)


def test_the_three_tables_have_the_fact_sheets_rows_in_order():
    counts = {n: len(ods_table(n)) for n in NUTRIENTS}
    assert counts["magnesium"] == 30 and counts["vitamin_d"] == 25 and counts["calcium"] >= 19
    for nutrient in NUTRIENTS:
        rows = ods_table(nutrient)
        assert [r.rank for r in rows] == list(range(1, len(rows) + 1)), nutrient
        assert {r.source for r in rows} == {SOURCE[nutrient]}
        assert {r.unit for r in rows} == {"µg" if nutrient == "vitamin_d" else "mg"}
    first = {n: ods_table(n)[0].label for n in NUTRIENTS}
    assert first == {"magnesium": "Pumpkin seeds, roasted, 1 ounce", "vitamin_d": "Cod liver oil, 1 tablespoon",
                     "calcium": "Yogurt, plain, low fat, 8 ounces"}
    trout = ods_table("vitamin D")[1]
    assert (trout.value, trout.value_iu, trout.food_ids) == (16.2, 645, ("trout",))


def test_every_row_says_how_it_was_checked():
    for row in ods_table():
        assert row.status in ODS_ROW_STATUS, row
        assert set(row.checked_against) <= set(ODS_TABLE_COPIES), row
        if row.status == "copies agree":
            assert len(row.checked_against) >= 2, row
        assert (row.status == "no copy found") == (not row.checked_against), row
        if row.serving_g is not None:
            assert row.serving_g_source == "usda_sr28" and row.note, row


def test_each_matched_food_takes_that_nutrient_from_the_fact_sheet_and_no_other_does():
    table = foods().set_index("food_id")
    for nutrient in NUTRIENTS:
        listed = {fid for r in ods_table(nutrient) for fid in r.food_ids}
        column = FOOD_SOURCE_COLUMN[nutrient]
        for food_id in listed:
            assert table.loc[food_id, column] == SOURCE[nutrient], (nutrient, food_id)
        citing = set(table.index[table[column] == SOURCE[nutrient]])
        assert citing <= listed, f"{sorted(citing - listed)} cite {SOURCE[nutrient]} but are in no row of its table"


def test_foods_listed_at_another_serving_say_so_in_their_note():
    table = foods().set_index("food_id")
    for row in ods_table():
        if row.serving_g is not None:
            for food_id in row.food_ids:
                assert "ODS" in table.loc[food_id, "note"], food_id


@pytest.mark.parametrize("name, food_id", [
    ("trout", "trout"), ("rainbow trout", "trout"), ("sockeye", "sockeye_salmon"), ("red salmon", "sockeye_salmon"),
    ("sockeye salmon", "sockeye_salmon"), ("canned salmon", "salmon_pink_canned"), ("beef liver", "beef_liver"),
    ("liver", "beef_liver"), ("tofu", "tofu_firm"), ("soft tofu", "tofu_soft"), ("shredded wheat", "shredded_wheat"),
    ("halibut", "halibut"), ("kidney beans", "kidney_beans"), ("instant oatmeal", "oatmeal_instant"),
    ("ground beef", "ground_beef"), ("hamburger", "ground_beef"), ("skim milk", "milk_nonfat"),
    ("whole milk", "milk_whole"), ("mozzarella", "mozzarella"), ("cottage cheese", "cottage_cheese"),
    ("fruit yogurt", "yogurt_fruit"), ("raw broccoli", "broccoli_raw"),
    # the names people already used still find the same foods
    ("salmon", "salmon"), ("milk", "milk_2pct"), ("yogurt", "yogurt_plain"), ("oatmeal", "oatmeal"),
    ("broccoli", "broccoli"), ("cheese", "cheddar"),
])
def test_look_up_finds_the_fact_sheet_foods_by_the_names_people_use(name, food_id):
    assert find_food(name).food_id == food_id


def test_look_up_finds_every_fact_sheet_food_by_the_fact_sheets_own_name():
    for row in ods_table():
        assert find_food(row.label).food_id == row.food_ids[0], row.label
        assert find_food(row.food).food_id in row.food_ids, row.food


def test_the_printed_official_list_shows_each_row_its_food_and_the_check():
    text = str(official_list("Mg"))
    assert text.startswith("The official list: Magnesium: Fact Sheet for Health Professionals")
    assert " 7. Cereal, shredded wheat, 2 large biscuits: 61 mg" in text
    assert "food finder: Shredded wheat cereal, plain (2 large biscuits): 61 mg; agrees (copies agree)" in text
    assert "not the fact sheet itself" in text and "Revision date" in text
    calcium = str(official_list("calcium"))
    assert "Known gap:" in calcium and "no copy found" in calcium
    vitamin_d = official_list("vitamin D")
    assert "Sardines, Atlantic, canned in oil, with bones (2 sardines, 24 g): 1.2 µg" in str(vitamin_d)
    frame = vitamin_d.table()
    assert list(frame.columns[:4]) == ["rank", "fact_sheet_food", "serving", "fact_sheet_amount"]
    assert frame["agrees"].all() and len(frame) == 26  # the plant-milk row matches soy and almond milk


def test_official_list_refuses_an_unknown_nutrient():
    with pytest.raises(ValueError, match="nutrient 'iron' is not recognised"):
        official_list("iron")
    with pytest.raises(TypeError, match="nutrient must be text"):
        official_list(3)
