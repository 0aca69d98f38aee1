"""Food look-up, intake calculator, comparison with reference intakes, Ca:Mg ratio and gap closing."""
from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mgdlearn.nutrition import (
    CAVEAT,
    MealItem,
    Person,
    Supplements,
    assess,
    ca_mg_ratio,
    close_gap,
    day_intake,
    find_food,
    food_names,
    search_foods,
)


# --- look-up -------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, food_id", [
    ("almonds", "almonds"), (" Almond ", "almonds"), ("PUMPKIN-SEEDS", "pumpkin_seeds"),
    ("pepitas", "pumpkin_seeds"), ("black bean", "black_beans"), ("Spinach, raw", "spinach_raw"),
    ("uv mushrooms", "mushrooms_uv"), ("soymilk", "soy_milk"), ("eggs", "egg"),
])
def test_find_food_forgives_case_spacing_plurals_and_aliases(name, food_id):
    assert find_food(name).food_id == food_id


def test_unknown_food_gets_did_you_mean_suggestions():
    with pytest.raises(ValueError, match=r"unknown food 'spinnach'\. Did you mean 'Spinach"):
        find_food("spinnach")
    with pytest.raises(ValueError, match="Did you mean 'Almonds"):
        find_food("almondz")


def test_ambiguous_food_lists_the_candidates():
    with pytest.raises(ValueError, match="matches several foods: .*Black beans"):
        find_food("beans")


def test_food_name_of_wrong_type_or_empty_is_refused():
    with pytest.raises(TypeError, match="text such as 'almonds'"):
        find_food(3)
    with pytest.raises(ValueError, match="empty"):
        find_food("   ")


def test_search_finds_foods_by_part_of_the_name():
    ids = {f.food_id for f in search_foods("milk")}
    assert {"milk_2pct", "soy_milk", "almond_milk"} <= ids
    assert len(food_names()) >= 40


# --- intake ----------------------------------------------------------------------------------
def test_day_intake_totals_servings_of_each_food():
    day = day_intake({"almonds": 2, "spinach": 1})
    assert day.food_magnesium_mg == pytest.approx(2 * 80 + 78)
    assert day.food_calcium_mg == pytest.approx(2 * 76 + 122)


def test_day_intake_accepts_grams_pairs_dicts_and_meal_items():
    day = day_intake([("almonds", 1), {"food": "almonds", "grams": 28.35}, MealItem("banana", servings=2)])
    assert day.food_magnesium_mg == pytest.approx(80 + 80 + 64)
    assert day.lines[1].servings == pytest.approx(1.0)


def test_vitamin_d_from_food_is_reported_in_iu():
    day = day_intake({"cod liver oil": 1})
    assert day.food_vitamin_d_ug == pytest.approx(34.0)
    assert day.total("vitamin_d") == pytest.approx(1360.0)


def test_supplements_are_kept_apart_from_food():
    day = day_intake({"almonds": 1}, Supplements(magnesium_mg=200, vitamin_d_iu=1000))
    assert day.food("magnesium") == pytest.approx(80)
    assert day.supplement("magnesium") == pytest.approx(200)
    assert day.total("magnesium") == pytest.approx(280)
    assert day.total("vitamin_d") == pytest.approx(1000)
    table = day.table()
    assert list(table["food"])[-2:] == ["supplements", "total"]


@pytest.mark.parametrize("meals, error, pattern", [
    ({"almonds": -1}, ValueError, r"servings of Almonds.*allowed range: 0 to 50"),
    ({"almonds": math.nan}, ValueError, "NaN"),
    ({"almonds": "two"}, TypeError, "must be a number"),
    ({"almonds": True}, TypeError, "must be a number"),
    ([{"food": "almonds", "grams": -5}], ValueError, "grams of Almonds"),
    ([{"food": "fortified cereal", "grams": 30}], ValueError, "enter servings"),
    ([MealItem("almonds", servings=1, grams=28)], ValueError, "not both"),
    ([{"food": "almonds", "cups": 1}], ValueError, "needs 'food' and 'servings' or 'grams'"),
    (42, TypeError, "meals must be a mapping"),
    ({"chocolate cake": 1}, ValueError, "unknown food"),
])
def test_bad_meal_input_raises_a_helpful_error(meals, error, pattern):
    with pytest.raises(error, match=pattern):
        day_intake(meals)


@pytest.mark.parametrize("kwargs, error", [
    ({"magnesium_mg": -10}, ValueError), ({"vitamin_d_iu": math.nan}, ValueError),
    ({"calcium_mg": "500"}, TypeError),
])
def test_bad_supplements_are_refused(kwargs, error):
    with pytest.raises(error):
        Supplements(**kwargs)


# --- comparison with reference intakes ---------------------------------------------------------
def test_assess_compares_totals_with_the_persons_rda_and_ul():
    a = assess({"pumpkin seeds": 1, "spinach": 1, "black beans": 1}, Person(age_years=30, sex="female"))
    mg = a.status("magnesium")
    assert mg.total == pytest.approx(294)
    assert (mg.rda, mg.kind, mg.status) == (310, "RDA", "below RDA")
    man = assess({"pumpkin seeds": 1, "spinach": 1, "black beans": 1}, Person(age_years=40, sex="male"))
    assert man.status("magnesium").rda == 420
    assert "Magnesium: 294 mg" in a.summary()


def test_magnesium_ul_counts_supplements_only():
    lots_of_food = assess({"pumpkin seeds": 4}, Person(30, "male"))
    assert lots_of_food.status("magnesium").total > 600
    assert lots_of_food.status("magnesium").status == "meets RDA"
    pills = assess({"banana": 1}, Person(30, "male"), Supplements(magnesium_mg=400))
    assert pills.status("magnesium").status == "above UL"
    assert "supplements of 400 mg exceed the UL of 350 mg" in pills.status("magnesium").message()


def test_vitamin_d_and_calcium_ul_count_food_and_supplements():
    a = assess({"salmon": 1}, Person(30, "female"), Supplements(vitamin_d_iu=3700))
    assert a.status("vitamin_d").compared_to_ul == pytest.approx(3700 + find_food("salmon").vitamin_d_iu)
    assert a.status("vitamin_d").status == "above UL"
    b = assess({"yogurt": 4}, Person(60, "female"), Supplements(calcium_mg=600))
    assert b.status("calcium").status == "above UL"  # UL 2,000 mg/day from 51 years


def test_assess_refuses_impossible_people():
    with pytest.raises(ValueError, match="pregnancy values exist only for females"):
        assess({"almonds": 1}, Person(30, "male", pregnant=True))
    with pytest.raises(ValueError, match="sex"):
        assess({"almonds": 1}, Person(30, "robot"))


# --- Ca:Mg ratio ---------------------------------------------------------------------------------
@pytest.mark.parametrize("ca, mg, band", [
    (400, 300, "low"), (600, 320, "within the proposed range"), (700, 300, "near the proposed target"),
    (1200, 300, "high"),
])
def test_ca_mg_ratio_bands(ca, mg, band):
    r = ca_mg_ratio(ca, mg)
    assert r.ratio == pytest.approx(ca / mg)
    assert r.band == band


def test_ca_mg_ratio_states_that_it_is_a_hypothesis_not_a_guideline():
    r = ca_mg_ratio(1000, 400)
    assert r.evidence == "hypothesis"
    assert "hypothesis" in r.interpretation and "not a guideline" in r.interpretation
    assert set(r.source.split(";")) == {"rosanoff2016", "dai2018"}


def test_ca_mg_ratio_is_undefined_without_magnesium():
    with pytest.raises(ValueError, match="undefined"):
        ca_mg_ratio(500, 0)
    with pytest.raises(ValueError):
        ca_mg_ratio(-1, 300)
    assert assess({"cod liver oil": 1}).ratio is None


# --- closing the gap ---------------------------------------------------------------------------
def _within_uls(plan) -> bool:
    return not any(s.over_ul for s in plan.after.statuses)


def test_close_gap_lifts_magnesium_to_the_rda_within_every_ul():
    plan = close_gap({"white rice": 2, "milk": 1, "chicken breast": 1}, Person(35, "male"))
    assert plan.feasible and plan.added
    assert plan.after.status("magnesium").total >= 420
    assert _within_uls(plan)
    assert plan.caveat == CAVEAT and "not medical" in plan.summary()


def test_close_gap_uses_the_fewest_servings_of_the_preferred_foods():
    allowed = ["almonds", "spinach", "banana"]
    plan = close_gap({"white rice": 1}, Person(30, "female"), allowed_foods=allowed)
    need = 310 - 10
    per = [find_food(n).magnesium_mg for n in allowed]
    fewest = min(sum(c) for c in itertools.product(range(5), repeat=3)
                 if sum(n * m for n, m in zip(c, per)) >= need)
    assert plan.total_servings == fewest
    assert {name for name, _ in plan.added} <= {find_food(n).name for n in allowed}
    assert all(n <= 4 for _, n in plan.added)


def test_close_gap_respects_max_servings_per_food():
    plan = close_gap({}, Person(30, "female"), allowed_foods=["pumpkin seeds", "almonds"], max_servings_per_food=1)
    assert not plan.feasible  # 156 + 80 < 310
    plan2 = close_gap({}, Person(30, "female"), allowed_foods=["pumpkin seeds", "almonds"], max_servings_per_food=2)
    assert plan2.feasible and all(n <= 2 for _, n in plan2.added)


def test_close_gap_reports_when_the_allowed_foods_cannot_close_it():
    plan = close_gap({"white rice": 2}, Person(30, "female"), allowed_foods=["apple", "carrot"])
    assert not plan.feasible and plan.added == ()
    assert "cannot be closed with the allowed foods: Apple, with skin, Carrot, raw" in plan.message
    assert plan.caveat == CAVEAT


def test_close_gap_never_pushes_calcium_past_its_ul():
    # 8 cups of milk leave ~150 mg of calcium headroom: yogurt and cheese would cross the UL.
    plan = close_gap({"milk": 8}, Person(30, "female"), allowed_foods=["yogurt", "cheddar"])
    assert not plan.feasible
    assert "within the calcium and vitamin D ULs" in plan.message
    ok = close_gap({"milk": 8}, Person(30, "female"), allowed_foods=["yogurt", "pumpkin seeds"])
    assert ok.feasible and _within_uls(ok)
    assert "Yogurt, plain, low fat" not in dict(ok.added)


def test_close_gap_with_nothing_to_do_or_a_ul_already_exceeded():
    done = close_gap({"pumpkin seeds": 3}, Person(30, "female"))
    assert done.feasible and done.added == () and "already meets" in done.message
    over = close_gap({"banana": 1}, Person(30, "female"), Supplements(vitamin_d_iu=5000))
    assert not over.feasible and "already above its UL" in over.message


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(servings=st.lists(st.integers(0, 3), min_size=4, max_size=4),
       vit_d=st.sampled_from([0, 2000, 3800]), age=st.sampled_from([10, 30, 60, 80]))
def test_close_gap_never_proposes_exceeding_a_ul(servings, vit_d, age):
    meals = dict(zip(["milk", "yogurt", "salmon", "white rice"], servings))
    plan = close_gap(meals, Person(age, "female"), Supplements(vitamin_d_iu=vit_d))
    if plan.added:
        assert plan.feasible and _within_uls(plan)
        assert plan.after.status("magnesium").total >= plan.after.status("magnesium").rda
    assert plan.caveat == CAVEAT


@pytest.mark.parametrize("kwargs, error", [
    ({"max_servings_per_food": 0}, ValueError), ({"max_servings_per_food": 2.5}, TypeError),
    ({"allowed_foods": []}, ValueError), ({"allowed_foods": ["almondz"]}, ValueError),
    ({"allowed_foods": 7}, TypeError),
])
def test_close_gap_refuses_bad_options(kwargs, error):
    with pytest.raises(error):
        close_gap({"banana": 1}, Person(30, "female"), **kwargs)


# --- hand-off to the model ---------------------------------------------------------------------
def test_to_scenario_hands_the_days_totals_and_sun_to_the_model():
    from mgdlearn.nutrition import to_scenario
    from mgdlearn.sun import sun_iu_per_day

    sun = sun_iu_per_day(42, "July", minutes=4)
    sc = to_scenario({"salmon": 1, "almonds": 2}, sun_iu_per_day=sun, supplements=Supplements(magnesium_mg=100))
    assert sc.magnesium_mg_per_day == pytest.approx(26 + 2 * 80 + 100)
    assert sc.calcium_mg_per_day == pytest.approx(13 + 2 * 76)
    assert sc.vitamin_d_iu_per_day == pytest.approx(find_food("salmon").vitamin_d_iu)
    assert sc.sun_iu_per_day == pytest.approx(sun)
    with pytest.raises(ValueError, match="sun vitamin D"):
        to_scenario({"salmon": 1}, sun_iu_per_day=-1)
