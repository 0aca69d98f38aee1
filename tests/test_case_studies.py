"""The case studies (``exercises/08_case_studies``): the model runs reproduce the reasoning they teach.

Case 1 (Ana): diet alone does not explain her 0.62 mmol/L at normal kidney function; the model's
average condition sizes do not either; a susceptible person on a PPI or a diuretic with a low-normal
intake does; the urine tells the two routes apart where the blood cannot; her PTH barely moves with
magnesium in the model (which misses her 75 pg/mL, as the case says). Case 2 (Mr K): calcium and
vitamin D do not correct his calcium while magnesium stays low, and magnesium does, PTH first and
calcitriol last. Then: the evidence call-outs and questions carry the levels of ``claims.csv``, and
the notebook shows the values the model uses.
"""
from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pytest

from mgdlearn.bibliography import cite
from mgdlearn.exercises import cases, tasks
from mgdlearn.model import Parameters, steady_state
from mgdlearn.reference_values import normal_range, rda

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "exercises" / "source" / "08_case_studies.py"
CLAIMS = ROOT / "mgdlearn" / "data" / "claims.csv"
HER_MG = cases.ANA["serum_mg"][0]


def _serum(state) -> float:
    return float(state["mg_serum_mmol_l"])


# --- case 1: Ana ------------------------------------------------------------------------------
def test_her_intake_is_low_normal_and_her_kidneys_are_healthy():
    intake = cases.ANA_INPUTS["magnesium_mg_per_day"]
    assert 0.6 * rda("magnesium", 58) <= intake < rda("magnesium", 58)
    assert cases.ANA_INPUTS["egfr_ml_min"] >= 90 and cases.ANA["egfr"][0] == cases.ANA_INPUTS["egfr_ml_min"]


def test_her_stand_in_matches_her_vitamin_d_status_by_construction():
    ss = steady_state(cases.ana_scenario())
    assert abs(float(ss["ohd25_ng_ml"]) - cases.ANA["25ohd"][0]) <= 1.0


def test_diet_alone_does_not_explain_her_magnesium_at_normal_kidney_function():
    ss = steady_state(cases.ana_scenario())
    assert _serum(ss) >= normal_range("serum_mg", "mmol/L").low          # her diet, no drug: normal
    need = cases.diet_only_intake_mg(HER_MG)
    assert need < 50                                                     # "below about 50 mg/day"
    assert need < 0.25 * cases.ANA_INPUTS["magnesium_mg_per_day"]
    assert abs(_serum(steady_state(cases.ana_scenario(magnesium_mg_per_day=need))) - HER_MG) < 0.005
    # the kidney is what holds it up: it lets far less of the filtered magnesium out
    low = cases.ana_scenario(magnesium_mg_per_day=need)
    assert cases.model_fe_mg_percent(steady_state(low), low) < 0.2 * cases.model_fe_mg_percent(ss, cases.ana_scenario())


def test_with_the_models_average_sizes_no_cause_on_her_list_reaches_her_value():
    table = cases.ana_hypotheses()
    mg = table["serum Mg (mmol/L)"]
    assert list(table.index) == list(cases.HYPOTHESES)
    assert (mg > HER_MG + 0.1).all()
    assert mg["PPI"] < mg["diet alone"] and mg["thiazide"] < mg["diet alone"]
    assert mg.idxmin() == "PPI and thiazide"
    fe = table["FEMg (%)"]
    assert fe["PPI"] < fe["diet alone"] < fe["thiazide"]                # the gut cause lowers FEMg, the renal one raises it


@pytest.mark.parametrize("hypothesis", ["PPI", "thiazide"])
def test_a_susceptible_person_with_a_low_normal_intake_reaches_her_value(hypothesis):
    s = cases.ana_standin(hypothesis)
    assert abs(s.row()["serum Mg (mmol/L)"] - HER_MG) <= 0.005
    assert s.fitted < s.default                                          # a stronger effect than the model's average
    assert s.scenario.magnesium_mg_per_day == cases.ANA_INPUTS["magnesium_mg_per_day"]
    assert s.scenario.conditions == cases.HYPOTHESES[hypothesis]


def test_a_loop_diuretic_in_the_same_susceptible_kidney_lowers_magnesium_at_least_as_far():
    kidney = cases.ana_standin("thiazide")
    loop = cases.ana_scenario(("loop_diuretic",))
    assert _serum(steady_state(loop, kidney.params)) <= HER_MG + 0.005
    assert _serum(steady_state(loop)) > HER_MG + 0.05                    # but not at the model's average size


def test_the_urine_tells_the_two_stand_ins_apart_where_the_blood_cannot():
    ppi, thiazide = (cases.ana_standin(h).row() for h in ("PPI", "thiazide"))
    for column in ("serum Mg (mmol/L)", "PTH (pg/mL)", "calcitriol (pmol/L)", "ionized Ca (mmol/L)"):
        assert ppi[column] == pytest.approx(thiazide[column], rel=0.01), column
    assert thiazide["urine Mg (mg/day)"] > 10 * ppi["urine Mg (mg/day)"]
    assert cases.read_fe_mg(ppi["FEMg (%)"]) == "extrarenal"
    assert thiazide["FEMg (%)"] > 2                                      # renal by the 2 % rule
    assert tasks.predict_case1_urine()[0] == "thiazide"
    # the model's kidney conserves more tightly than real kidneys (the case says so)
    assert ppi["FEMg (%)"] < cases.urine_tests()["femg_extrarenal_low"].value


def test_fe_mg_from_model_outputs_equals_the_clinical_formula():
    """The creatinine ratio of the clinical formula stands in for the filtration rate: with a
    creatinine clearance equal to the model's filtration, both give the same FEMg (same 0.7)."""
    s = cases.ana_standin("thiazide")
    state = s.state()
    plasma_l_per_day = s.params.renal_mg_filtered_l_per_day / cases.urine_tests()["filterable_fraction"].value
    gfr = plasma_l_per_day * s.scenario.egfr_ml_min / 100
    urine_l, p_cr = 1.5, 0.070                                            # any urine volume and plasma creatinine
    u_cr = gfr * p_cr / urine_l
    u_mg = float(state["mg_urine_mg_per_day"]) / 24.305 / urine_l
    clinical = cases.fe_mg_percent(u_mg, _serum(state), u_cr, p_cr)
    assert clinical == pytest.approx(cases.model_fe_mg_percent(state, s.scenario, s.params), rel=1e-3)


def test_her_fe_mg_points_outside_the_kidney():
    fe = tasks.case1_fe_mg()
    assert fe == pytest.approx(1.21, abs=0.01)
    assert cases.read_fe_mg(fe) == "extrarenal"


def test_in_the_model_her_pth_barely_moves_with_magnesium_and_misses_her_measured_value():
    normal, low = cases.ana_pth(0.85), cases.ana_pth(HER_MG)
    assert abs(low / normal - 1) < 0.10                                  # mild depletion lets PTH through
    assert cases.pth_from_calcium_alone(HER_MG) > 1.2 * low              # the calcium fall alone would raise it
    assert tasks.predict_case1_pth()[0] == "barely"
    assert low < 0.65 * cases.ANA["pth"][0]                              # the documented miss: ~40 vs 75 pg/mL
    assert low >= normal_range("pth", "pg/mL").low


def test_severe_depletion_holds_pth_down_unlike_hers():
    assert cases.ana_pth(0.40) < 0.7 * cases.ana_pth(0.85)


# --- case 2: Mr K -------------------------------------------------------------------------------
def test_his_stand_in_shows_his_calcium_at_a_higher_magnesium_than_his_and_an_inappropriate_pth():
    clamp = cases.mr_k_clamp()
    assert cases.MR_K["serum_mg"][0] < clamp < 0.5
    ss = steady_state(cases.mr_k_scenario())
    assert float(ss["ca_ion_mmol_l"]) == pytest.approx(cases.MR_K["ionized_calcium"][0], abs=0.005)
    pth = normal_range("pth", "pmol/L")
    assert pth.low <= float(ss["pth_pmol_l"]) <= pth.high                 # "normal", i.e. too low for this calcium
    kinds = {w.kind for w in ss.attrs["warnings"]}
    assert {"severe_hypomagnesaemia", "severe_hypocalcaemia"} <= kinds
    at_his_value = steady_state(cases.mr_k_scenario(serum_mg_mmol_l=cases.MR_K["serum_mg"][0]))
    assert float(at_his_value["ca_ion_mmol_l"]) < cases.MR_K["ionized_calcium"][0] - 0.2   # why the clamp is fitted


def test_calcium_and_vitamin_d_do_not_correct_his_calcium_while_magnesium_stays_low():
    res = cases.mr_k_calcium_and_vitamin_d(28)
    df = res.df
    low = normal_range("ionized_calcium", "mmol/L").low
    assert float(df["ca_ion_mmol_l"].max()) < low
    assert float(df["ohd25_nmol_l"].iloc[-1]) > float(df["ohd25_nmol_l"].iloc[0]) + 20   # the vitamin D did arrive
    assert float(df["calcitriol_pmol_l"].iloc[-1]) < 0.5 * float(steady_state(cases.mr_k_scenario(
        serum_mg_mmol_l=Parameters().mg_ref_mmol_l))["calcitriol_pmol_l"])
    assert float(df["pth_pmol_l"].max()) < normal_range("pth", "pmol/L").high
    assert tasks.predict_case2_calcium_and_vitamin_d()[0] == "no"


def test_once_magnesium_is_restored_pth_rises_first_calcium_follows_and_calcitriol_lags():
    restored = cases.mr_k_magnesium_restored(28).df["ca_ion_mmol_l"]
    with_d = cases.mr_k_calcium_and_vitamin_d(28).df["ca_ion_mmol_l"]
    assert float(restored.iloc[7] - restored.iloc[0]) > 2 * float(with_d.iloc[-1] - with_d.iloc[0])
    assert float(restored.iloc[3]) >= 1.14
    assert float(restored.iloc[28]) >= normal_range("ionized_calcium", "mmol/L").low
    days = cases.mr_k_recovery_days()
    assert days["pth_pmol_l"] <= 1 < days["ca_ion_mmol_l"] < days["calcitriol_pmol_l"] < math.inf
    assert days["calcitriol_pmol_l"] >= 14                                # weeks, as in Rude 1985
    assert tasks.predict_case2_magnesium()[0] == "magnesium"


# --- the urine-test helpers -------------------------------------------------------------------------
def test_fe_mg_refuses_what_is_not_a_concentration():
    with pytest.raises(ValueError, match="p_mg must be a positive, finite concentration"):
        cases.fe_mg_percent(0.6, 0, 8.0, 0.07)
    with pytest.raises(ValueError, match="u_cr"):
        cases.fe_mg_percent(0.6, 0.62, -8.0, 0.07)
    with pytest.raises(TypeError, match="u_mg is a number"):
        cases.fe_mg_percent("0.6", 0.62, 8.0, 0.07)
    with pytest.raises(ValueError, match="finite"):
        cases.fe_mg_percent(math.nan, 0.62, 8.0, 0.07)


def test_reading_an_fe_mg_has_a_grey_zone_between_the_two_cut_offs():
    assert [cases.read_fe_mg(x) for x in (0.5, 1.99, 2.0, 3.0, 4.0, 4.01, 15)] == [
        "extrarenal", "extrarenal", "grey zone", "grey zone", "grey zone", "renal", "renal"]
    t = cases.urine_tests()
    assert (t["femg_cutoff_2"].value, t["femg_cutoff_4"].value) == (2, 4)
    assert t["femg_extrarenal_high"].value < t["femg_renal_low"].value   # the gap the grey zone covers
    with pytest.raises(ValueError):
        cases.read_fe_mg(-1)


def test_an_unknown_stand_in_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="'PPI', 'thiazide'"):
        cases.ana_standin("alcohol")


# --- evidence and text ----------------------------------------------------------------------------
def _claims() -> dict[str, dict[str, str]]:
    with open(CLAIMS, newline="", encoding="utf-8") as fh:
        return {r["id"]: r for r in csv.DictReader(fh)}


def _cells():
    import jupytext

    return jupytext.read(SOURCE, fmt="py:percent").cells


def _badge(row: dict[str, str]) -> str:
    shorts = "; ".join(cite(k).short for k in row["source"].split(";") if k)
    return f"> **Evidence: {row['level']}** · {row['statement']} ({shorts})"


def test_every_evidence_call_out_opens_with_its_claims_badge():
    claims = _claims()
    tagged = [c for c in _cells() if "evidence" in c.metadata]
    assert len(tagged) >= 5
    for cell in tagged:
        lines = cell.source.splitlines()
        for i, claim_id in enumerate(cell.metadata["evidence"]):
            assert lines[i] == _badge(claims[claim_id]), claim_id
    shown = set(re.findall(r"\*\*Evidence: (\w+)\*\*", "\n".join(c.source for c in _cells())))
    assert shown <= {"established", "supported", "emerging", "claim"}


def test_an_evidence_question_names_its_claims_level_in_the_right_option_only():
    from mgdlearn.exercises.sources import read

    claims = _claims()
    asked = [e for e in read(SOURCE).exercises if "claim" in e.data]
    assert {e.data["claim"] for e in asked} == {"mg_cofactor_hydroxylases", "ppi_hypomagnesaemia"}
    for e in asked:
        level = claims[e.data["claim"]]["level"]
        options = dict(e.options)
        assert options[e.data["answer"]].startswith(level), e.id
        assert not any(text.startswith(level) for key, text in options.items() if key != e.data["answer"]), e.id


def test_magnesium_as_cofactor_carries_the_one_course_wide_level():
    row = _claims()["mg_cofactor_hydroxylases"]
    assert row["level"] == "emerging" and "sparse" in row["note"]


def test_each_claim_of_the_case_studies_is_taught_in_the_case_it_names():
    text = "\n".join(c.source for c in _cells())
    case1, case2 = text.split("## Case 2 ·", 1)
    sections = {"ex8 case1": case1, "ex8 case2": case2}
    mine = [r for r in _claims().values() if any(p.strip() in sections for p in r["taught_in"].split(";"))]
    assert len(mine) >= 6
    for row in mine:
        for place in (p.strip() for p in row["taught_in"].split(";") if p.strip() in sections):
            for term in (t for t in row["key_terms"].split(";") if t):
                assert term.casefold() in sections[place].casefold(), (row["id"], place, term)


def test_the_notebook_shows_the_values_the_model_and_the_checker_use():
    text = "\n".join(c.source for c in _cells() if c.cell_type == "markdown")
    shown = {"serum_mg": "0.62 mmol/L", "pth": "75 pg/mL", "25ohd": "14 ng/mL", "calcium": "2.19 mmol/L",
             "urine_mg": "0.60 mmol/L", "urine_creatinine": "8.0 mmol/L", "plasma_creatinine": "70 µmol/L"}
    for key, label in shown.items():
        value, unit = cases.ANA[key]
        assert label in text and label.endswith(unit) and float(label.split()[0]) == value, key
    for key in ("calcium", "ionized_calcium", "serum_mg", "pth", "25ohd"):
        value, unit = cases.MR_K[key]
        assert f"{value:g} {unit}" in text.replace("0.60", "0.6"), key
    assert f"{cases.ANA_INPUTS['magnesium_mg_per_day']:.0f} mg/day of magnesium" in text
