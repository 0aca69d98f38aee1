"""Measure every calibration target of the teaching model (docs/model.md) and print the values.

Usage::

    python scripts/calibration_report.py            # all targets, with PASS/MISS
    python scripts/calibration_report.py --json     # machine-readable

The tests in ``tests/test_model_calibration*.py`` assert the same targets; this script prints the
numbers the documentation quotes.
"""
from __future__ import annotations

import argparse
import json
import math
import sys

import numpy as np

from mgdlearn.model import Parameters, Scenario, simulate, steady_state


def measure(p: Parameters | None = None) -> list[tuple[str, str, float | str, bool]]:
    p = p or Parameters()
    out: list[tuple[str, str, float | str, bool]] = []

    def add(name: str, band: str, value: float | str, ok: bool) -> None:
        out.append((name, band, value, bool(ok)))

    ss = lambda sc: steady_state(sc, p)  # noqa: E731
    sim = lambda sc, d, start=None: simulate(sc, d, start=start, params=p)  # noqa: E731
    n = ss(Scenario())
    add("reference 25(OH)D", "50-80", n["ohd25_nmol_l"], 50 <= n["ohd25_nmol_l"] <= 80)
    add("reference calcitriol", "48-144", n["calcitriol_pmol_l"], 48 <= n["calcitriol_pmol_l"] <= 144)
    add("reference PTH", "1.6-6.9", n["pth_pmol_l"], 1.6 <= n["pth_pmol_l"] <= 6.9)
    add("reference Mg", "0.75-0.95", n["mg_serum_mmol_l"], 0.75 <= n["mg_serum_mmol_l"] <= 0.95)
    add("reference iCa", "1.15-1.30", n["ca_ion_mmol_l"], 1.15 <= n["ca_ion_mmol_l"] <= 1.30)
    add("reference phosphate", "0.90-1.45", n["phosphate_mmol_l"], 0.9 <= n["phosphate_mmol_l"] <= 1.45)
    add("reference FGF23", "20-100", n["fgf23_ru_ml"], 20 <= n["fgf23_ru_ml"] <= 100)
    # 25(OH)D kinetics
    res = sim(Scenario(vitamin_d_iu_per_day=0, sun_iu_per_day=0), 60, Scenario())
    h = res.df["ohd25_nmol_l"].to_numpy()
    slope = np.polyfit(np.arange(10, 41), np.log(h[10:41]), 1)[0]
    add("25(OH)D half-life (days 10-40)", "10-25", math.log(2) / -slope, 10 <= math.log(2) / -slope <= 25)
    for before, after in [(600, 2000), (600, 4000), (2000, 600)]:
        h0 = ss(Scenario(vitamin_d_iu_per_day=before))["ohd25_nmol_l"]
        h1 = ss(Scenario(vitamin_d_iu_per_day=after))["ohd25_nmol_l"]
        hh = sim(Scenario(vitamin_d_iu_per_day=after), 120, Scenario(vitamin_d_iu_per_day=before)).df["ohd25_nmol_l"]
        f60 = (hh[60] - h0) / (h1 - h0)
        add(f"fraction of new SS at day 60 {before}->{after}", "0.80-0.95", f60, 0.8 <= f60 <= 0.95)
    doses = np.arange(400, 2001, 200)
    hs = np.array([ss(Scenario(vitamin_d_iu_per_day=float(d)))["ohd25_nmol_l"] for d in doses])
    per = np.diff(hs) / 2
    add("slope per 100 IU 400-2000 (min..max)", "1.2-3.0", f"{per.min():.2f}..{per.max():.2f}",
        per.min() >= 1.2 and per.max() <= 3.0)
    hd = lambda d: float(ss(Scenario(vitamin_d_iu_per_day=d))["ohd25_nmol_l"])  # noqa: E731
    lo, hi = (hd(1000) - hd(400)) / 600 * 100, (hd(6000) - hd(4000)) / 2000 * 100
    add("slope 4000-6000 < 400-1000", "hi<lo", f"{hi:.2f} vs {lo:.2f}", hi < lo)
    add("4000 IU/day 25(OH)D", "(no warning)", hd(4000), True)
    # calcitriol
    base = sim(Scenario(), 1)
    stopped = simulate(Scenario(), 1, start=base, params=p.scaled(cyp27b1_vmax=0.0))
    c = stopped.df["calcitriol_pmol_l"]
    hl = 24 * math.log(2) / math.log(c[0] / c[1])
    add("calcitriol half-life h", "4-15", hl, 4 <= hl <= 15)
    cs = []
    for sc in [Scenario(vitamin_d_iu_per_day=1000, sun_iu_per_day=0), Scenario(vitamin_d_iu_per_day=0),
               Scenario(vitamin_d_iu_per_day=4000), Scenario(vitamin_d_iu_per_day=10000)]:
        cs.append(ss(sc)["calcitriol_pmol_l"] / n["calcitriol_pmol_l"] - 1)
    add("calcitriol tight over 25(OH)D range", "+-10%", f"{min(cs):+.2f}..{max(cs):+.2f}", max(map(abs, cs)) <= 0.10)
    d = ss(Scenario(vitamin_d_iu_per_day=200, sun_iu_per_day=0))
    add("deficiency 25(OH)D<25, calcitriol<0.8, PTH up", "",
        f"{d['ohd25_nmol_l']:.1f}, {d['calcitriol_pmol_l'] / n['calcitriol_pmol_l']:.2f}, {d['pth_pmol_l']:.2f}",
        d["ohd25_nmol_l"] < 25 and d["calcitriol_pmol_l"] < 0.8 * n["calcitriol_pmol_l"] and d["pth_pmol_l"] > n["pth_pmol_l"])
    lc = ss(Scenario(calcium_mg_per_day=300))
    add("Ca 300: PTH x, calcitriol x", ">1.1, >1.05",
        f"{lc['pth_pmol_l'] / n['pth_pmol_l']:.2f}, {lc['calcitriol_pmol_l'] / n['calcitriol_pmol_l']:.2f}",
        lc["pth_pmol_l"] > 1.1 * n["pth_pmol_l"] and lc["calcitriol_pmol_l"] > 1.05 * n["calcitriol_pmol_l"])
    # Adams 1979
    dep = sim(Scenario(calcium_mg_per_day=100), 4, Scenario()).df["calcitriol_pmol_l"]
    r = dep[4] / dep[0] - 1
    add("Ca deprivation 100 mg x4 d: calcitriol change", "+0.30..+0.70", r, 0.30 <= r <= 0.70)
    load = sim(Scenario(calcium_mg_per_day=4000), 4, Scenario()).df["calcitriol_pmol_l"]
    r = load[4] / load[0] - 1
    add("Ca loading 4000 mg x4 d: calcitriol change", "-0.60..-0.25", r, -0.60 <= r <= -0.25)
    icas = [ss(Scenario(calcium_mg_per_day=ca))["ca_ion_mmol_l"] for ca in (300, 500, 1000, 1500, 2000, 2500)]
    add("iCa SS 300..2500 mg (min..max)", "1.15-1.30", f"{min(icas):.3f}..{max(icas):.3f}",
        min(icas) >= 1.15 and max(icas) <= 1.30)
    # severe depletion
    for label, sc in [("clamp 0.45", Scenario(serum_mg_mmol_l=0.45)), ("clamp 0.4", Scenario(serum_mg_mmol_l=0.4)),
                      ("intake 20", Scenario(magnesium_mg_per_day=20))]:
        s = ss(sc)
        hr = s["ohd25_nmol_l"] / n["ohd25_nmol_l"] - 1
        cr = s["calcitriol_pmol_l"] / n["calcitriol_pmol_l"]
        pr = s["pth_pmol_l"] / n["pth_pmol_l"]
        add(f"severe {label}: Mg, 25(OH)D change, calcitriol ratio, PTH ratio, iCa", "|dH|<=0.15, C<=0.7, PTH<=1, iCa<1.15",
            f"{s['mg_serum_mmol_l']:.2f}, {hr:+.3f}, {cr:.2f}, {pr:.2f}, {s['ca_ion_mmol_l']:.3f}",
            abs(hr) <= 0.15 and cr <= 0.7 and pr <= 1.0 and s["ca_ion_mmol_l"] < 1.15)
    # resistance
    def resp(clamp):
        a = ss(Scenario(serum_mg_mmol_l=clamp)); b = ss(Scenario(vitamin_d_iu_per_day=4000, serum_mg_mmol_l=clamp))
        return b["calcitriol_pmol_l"] - a["calcitriol_pmol_l"], b["ca_ion_mmol_l"] - a["ca_ion_mmol_l"]
    cn, in_ = resp(None)
    cd, id_ = resp(0.45)
    add("resistance 600->4000: dC depleted vs normal", "< half", f"{cd:.2f} vs {cn:.2f}", cd < 0.5 * cn)
    add("resistance 600->4000: diCa depleted vs normal", "< half", f"{id_:.4f} vs {in_:.4f}", id_ < 0.5 * in_)
    # mild (Fatemi)
    m = ss(Scenario(serum_mg_mmol_l=0.6))
    drop = 1 - m["calcitriol_pmol_l"] / n["calcitriol_pmol_l"]
    add("Fatemi clamp 0.6: calcitriol drop, PTH ratio, dCa", "0.10-0.35, +-0.25, 0.005-0.06",
        f"{drop:.2f}, {m['pth_pmol_l'] / n['pth_pmol_l']:.2f}, {n['ca_ion_mmol_l'] - m['ca_ion_mmol_l']:.3f}",
        0.10 <= drop <= 0.35 and abs(m["pth_pmol_l"] / n["pth_pmol_l"] - 1) <= 0.25
        and 0.005 <= n["ca_ion_mmol_l"] - m["ca_ion_mmol_l"] <= 0.06)
    alone = m["pth_pmol_l"] / m["mg_factor_pth_secretion"]
    add("Fatemi PTH from Ca fall alone > 1.05 normal", "", alone / n["pth_pmol_l"], alone > 1.05 * n["pth_pmol_l"])
    mg = sim(Scenario(magnesium_mg_per_day=10), 21, Scenario()).df["mg_serum_mmol_l"]
    add("Mg on 10 mg/day: day 3 > 0.75, day 21 0.55-0.70", "", f"{mg[3]:.3f}, {mg[21]:.3f}", mg[3] > 0.75 and 0.55 <= mg[21] <= 0.70)
    # repletion
    for label, dep_sc, rep_sc in [("intake 20->350", Scenario(magnesium_mg_per_day=20), Scenario()),
                                  ("clamp 0.45 released", Scenario(serum_mg_mmol_l=0.45), Scenario())]:
        df = sim(rep_sc, 90, dep_sc).df
        final = ss(rep_sc)
        pth2 = df["pth_pmol_l"][2]
        ca7 = df["ca_ion_mmol_l"][7]
        c7 = df["calcitriol_pmol_l"][7] / final["calcitriol_pmol_l"]
        c90 = df["calcitriol_pmol_l"][90] / final["calcitriol_pmol_l"]
        add(f"repletion {label}: PTH d2, iCa d7, calcitriol d7/final, d90/final", ">=1.6, 1.15-1.30, <0.6, >=0.85",
            f"{df['pth_pmol_l'][0]:.2f}->{pth2:.2f}, {ca7:.3f}, {c7:.2f}, {c90:.2f}",
            pth2 >= 1.6 and pth2 >= df["pth_pmol_l"][0] and 1.15 <= ca7 <= 1.30 and c7 < 0.6 and c90 >= 0.85)
    # high doses (Barger-Lux)
    for extra, lo_, hi_ in [(10_000, 110, 180), (50_000, 450, 800)]:
        res = sim(Scenario(vitamin_d_iu_per_day=min(600 + extra, 50_000)), 56, Scenario())
        rise = res.df["ohd25_nmol_l"][56] - res.df["ohd25_nmol_l"][0]
        add(f"8 weeks +{extra} IU/day rise", f"{lo_}-{hi_}", rise, lo_ <= rise <= hi_)
    tox = sim(Scenario(vitamin_d_iu_per_day=50_000), 182, Scenario())
    kinds = {w.kind for w in tox.warnings}
    add("half year 50,000: 25(OH)D, iCa, warnings", ">375, >1.30, hypercalcaemia+toxicity",
        f"{tox.final['ohd25_nmol_l']:.0f}, {tox.final['ca_ion_mmol_l']:.3f}, {sorted(kinds)}",
        tox.final["ohd25_nmol_l"] > 375 and tox.final["ca_ion_mmol_l"] > 1.30
        and {"hypercalcaemia", "vitamin_d_toxicity"} <= kinds)
    # CKD
    k = ss(Scenario(egfr_ml_min=20))
    add("CKD eGFR 20: P, FGF23 x, calcitriol x, PTH x", ">1.45, >=2, <=0.7, >=1.5",
        f"{k['phosphate_mmol_l']:.2f}, {k['fgf23_ru_ml'] / n['fgf23_ru_ml']:.2f}, "
        f"{k['calcitriol_pmol_l'] / n['calcitriol_pmol_l']:.2f}, {k['pth_pmol_l'] / n['pth_pmol_l']:.2f}",
        k["phosphate_mmol_l"] > 1.45 and k["fgf23_ru_ml"] >= 2 * n["fgf23_ru_ml"]
        and k["calcitriol_pmol_l"] <= 0.7 * n["calcitriol_pmol_l"] and k["pth_pmol_l"] >= 1.5 * n["pth_pmol_l"])
    add("CKD eGFR 20: Mg, iCa, vc", "", f"{k['mg_serum_mmol_l']:.3f}, {k['ca_ion_mmol_l']:.3f}, {k['vc_indicator']:.2f}", True)
    s15 = ss(Scenario(egfr_ml_min=15, magnesium_mg_per_day=700)); b15 = ss(Scenario(egfr_ml_min=15))
    s100 = ss(Scenario(magnesium_mg_per_day=700))
    d15 = s15["mg_serum_mmol_l"] - b15["mg_serum_mmol_l"]; d100 = s100["mg_serum_mmol_l"] - n["mg_serum_mmol_l"]
    add("+350 mg Mg at eGFR 15 vs 100: rise, level", "d15>d100, >0.95",
        f"{d15:.3f} vs {d100:.3f}, {s15['mg_serum_mmol_l']:.3f}", d15 > d100 and s15["mg_serum_mmol_l"] > 0.95)
    # conditions
    for cond in ("ppi", "loop_diuretic", "thiazide", "alcohol_use_disorder", "uncontrolled_diabetes", "chronic_diarrhoea"):
        a = ss(Scenario(conditions=(cond,)))["mg_serum_mmol_l"]
        b = ss(Scenario(conditions=(cond,), magnesium_mg_per_day=150))["mg_serum_mmol_l"]
        low = ss(Scenario(magnesium_mg_per_day=150))["mg_serum_mmol_l"]
        add(f"condition {cond}: Mg at 350, at 150 (no condition at 150)", "lower",
            f"{a:.3f}, {b:.3f} ({low:.3f})", a < n["mg_serum_mmol_l"] and b < a and b < low)
    # calcification indicator
    add("vc 0 at reference", "0", n["vc_indicator"], n["vc_indicator"] == 0)
    s2 = ss(Scenario(calcium_mg_per_day=2000, vitamin_d_iu_per_day=7000))
    add("vc 0 at 2000 mg Ca + 7000 IU", "0", f"{s2['vc_indicator']:.3f} (iCa {s2['ca_ion_mmol_l']:.3f})", s2["vc_indicator"] == 0 or s2["ca_ion_mmol_l"] > 1.30)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rows = measure()
    if args.json:
        print(json.dumps([dict(target=a, band=b, value=c, ok=d) for a, b, c, d in rows], default=float, indent=1))
    else:
        for a, b, c, d in rows:
            v = f"{c:.3f}" if isinstance(c, float) else str(c)
            print(f"{'PASS' if d else 'MISS'}  {a:70s} {b:40s} {v}")
    return 0 if all(r[3] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
