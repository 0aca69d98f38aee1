"""The four performance budgets of the course, measured on this machine.

1. Course execution: executing every notebook in ``lessons/`` and ``exercises/`` takes at most
   1.3x the floor (the same number of notebooks that only import the course's dependencies).
2. Interaction latency: slider change -> redrawn figure, in the kernel: median <= 30 ms and
   95th percentile <= 60 ms for every explorer in the lessons.
3. Kernel memory: peak RSS of a kernel after running any one lesson <= 1.25x a kernel that only
   imports the runtime dependencies, and never above 200 MB.
4. Import time: ``import mgdlearn`` <= 1.1x importing what it must load (nothing heavy).

Usage::

    python -m benchmarks                 # full run, prints the table, writes benchmarks/results.json
    python -m benchmarks --quick         # the cheap smoke version CI runs (ratios only)
    python -m benchmarks --only latency  # one budget
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.moves import percentile

ROOT = Path(__file__).resolve().parents[1]

#: The runtime dependencies a student kernel imports anyway (the floor of budgets 1 and 3).
FLOOR_IMPORTS = (
    "import numpy, scipy.integrate, scipy.optimize, pandas, ipywidgets\n"
    "import matplotlib\nfrom matplotlib.figure import Figure\n"
    "from matplotlib.backends.backend_agg import FigureCanvasAgg\n"
)


@dataclass
class Budget:
    """One measured budget: the figures, the limit and whether it was met."""

    name: str
    measured: float
    limit: float
    unit: str
    detail: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.measured <= self.limit


# -------------------------------------------------------------------------------------------
# 1 and 3: executing notebooks (time) and kernel memory
# -------------------------------------------------------------------------------------------
def course_notebooks() -> list[Path]:
    return sorted((ROOT / "lessons").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*.ipynb"))


def _floor_notebook() -> "object":
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Floor"), nbformat.v4.new_code_cell(FLOOR_IMPORTS)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


# The kernel's own peak resident memory. VmHWM starts afresh at exec, whereas ru_maxrss keeps the
# peak of the process that forked the kernel (this benchmark), which would inflate the figure.
_RSS_CELL = ("import re as _re; print(int(_re.search(r'VmHWM:\\s+(\\d+)', "
             "open('/proc/self/status').read()).group(1)))")


@dataclass
class Run:
    """One notebook executed in a fresh kernel."""

    seconds: float
    rss_mb: float | None  # the kernel's peak resident memory, when asked for
    notebook: "object"    # the executed copy, with its outputs


def printed(cell: "object") -> str:
    """The last line a code cell printed."""
    text = "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")  # type: ignore[attr-defined]
    return text.strip().splitlines()[-1]


def execute_notebook(nb: "object", cwd: Path, *, measure_rss: bool = False) -> Run:
    """Execute a copy of ``nb`` in a fresh kernel started in ``cwd``."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    if measure_rss:
        nb.cells.append(nbformat.v4.new_code_cell(_RSS_CELL))
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    seconds = time.perf_counter() - start
    rss = int(printed(nb.cells[-1])) / 1024 if measure_rss else None  # VmHWM is in KiB
    return Run(seconds, rss, nb)


def bench_course_execution(repeats: int) -> Budget:
    """Every course notebook against a floor notebook, in pairs run back to back (so a busy spell
    of the shared machine falls on both sides of the ratio), summed per repeat; median ratio."""
    import nbformat

    paths = course_notebooks()
    floor_nb = _floor_notebook()
    execute_notebook(floor_nb, ROOT)  # warm-up: disk caches, compiled bytecode
    runs = []
    for _ in range(repeats):
        course = floor = 0.0
        for path in paths:
            course += execute_notebook(nbformat.read(path, as_version=4), path.parent).seconds
            floor += execute_notebook(floor_nb, ROOT).seconds
        runs.append((course / floor, course, floor))
    ratio, course, floor = sorted(runs)[len(runs) // 2]
    return Budget("course execution (ratio to floor)", ratio, 1.3, "x",
                  {"notebooks": len(paths), "course_s": round(course, 2), "floor_s": round(floor, 2)})


def bench_kernel_memory(lessons_only: bool = True, ratios_only: bool = False) -> list[Budget]:
    import nbformat

    floor_rss = execute_notebook(_floor_notebook(), ROOT, measure_rss=True).rss_mb
    budgets = []
    paths = sorted((ROOT / "lessons").glob("*.ipynb")) if lessons_only else course_notebooks()
    for path in paths:
        rss = execute_notebook(nbformat.read(path, as_version=4), path.parent, measure_rss=True).rss_mb
        assert rss is not None and floor_rss is not None
        budgets.append(Budget(f"kernel memory {path.stem} (ratio)", rss / floor_rss, 1.25, "x",
                              {"peak_mb": round(rss, 1), "floor_mb": round(floor_rss, 1)}))
        if not ratios_only:
            budgets.append(Budget(f"kernel memory {path.stem} (peak)", rss, 200, "MB"))
    return budgets


# -------------------------------------------------------------------------------------------
# 2: interaction latency
# -------------------------------------------------------------------------------------------
def _in_kernel(code: str) -> dict:
    """Run ``code`` (which prints one JSON line last) in a fresh kernel; return what it printed."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("import json\nfrom benchmarks.moves import measure_explorer, measure_peer\n"
                                          + code)]
    return json.loads(printed(execute_notebook(nb, ROOT).notebook.cells[0]))


def _summary(results: list[dict]) -> tuple[float, float]:
    """Median over the repeats of each repeat's median and 95th percentile (first move included)."""
    times = [[r["first_ms"], *r["times_ms"]] for r in results]
    return (statistics.median(statistics.median(t) for t in times),
            statistics.median(percentile(t, 0.95) for t in times))


def bench_latency(moves: int, repeats: int, peer_moves: int = 0) -> tuple[list[Budget], dict]:
    """Median and 95th percentile of slider -> redrawn figure, per explorer, over all its sliders.

    Each explorer is measured in a fresh kernel (as a student meets it: its lesson's kernel, not
    one worn by ten other explorers), see :mod:`benchmarks.moves`: each move goes to a value its
    slider has not had before, and the comm message with the new picture is part of it. The first
    move of each explorer is counted and also reported on its own. This is repeated ``repeats``
    times (the explorers in turn, so a busy spell of the shared machine does not fall on one
    explorer only); the figures are the medians over the repeats.

    With ``peer_moves``, the first repeat also moves the same sliders of each explorer, right after
    it, ``peer_moves`` times each, redrawn as the peers of :data:`benchmarks.moves.PEERS` redraw
    (each in a fresh kernel); the second result holds their figures and our ratio to them.
    """
    from importlib.util import find_spec

    from benchmarks.moves import PEERS
    from mgdlearn.widgets import EXPLORERS

    # ipympl comes with the bench extra (`make bench`); without it that peer is left out, and said so
    available = [peer for peer in PEERS if peer != "ipympl" or find_spec("ipympl") is not None]
    if peer_moves and available != list(PEERS):
        print("ipympl is not installed (pip install -e '.[bench]'): its peer baseline is left out")
    runs: dict[str, list[dict]] = {name: [] for name in EXPLORERS}
    peer_runs: dict[str, dict[str, dict]] = {name: {} for name in EXPLORERS}
    for repeat in range(repeats):
        for name in EXPLORERS:
            runs[name].append(_in_kernel(f"print(json.dumps(measure_explorer({name!r}, {moves})))"))
            if repeat == 0 and peer_moves:
                for peer in available:
                    peer_runs[name][peer] = _in_kernel(f"print(json.dumps(measure_peer({name!r}, {peer!r}, {peer_moves})))")
    budgets = []
    peers: dict = {}
    for name, results in runs.items():
        median, p95 = _summary(results)
        by_slider = {key: round(statistics.median(r["by_slider"][key] for r in results), 1)
                     for key in results[0]["by_slider"]}
        detail = {"sliders": results[0]["sliders"], "moves": 1 + len(results[0]["times_ms"]), "repeats": len(results),
                  "first_move_ms": round(statistics.median(r["first_ms"] for r in results), 1),
                  "median_ms_by_slider": by_slider}
        budgets.append(Budget(f"latency {name} median", median, 30, "ms", detail))
        budgets.append(Budget(f"latency {name} p95", p95, 60, "ms", {"sliders": results[0]["sliders"]}))
        if peer_runs[name]:
            peers[name] = {"ours": {"median_ms": round(median, 1), "p95_ms": round(p95, 1)}}
            for peer, result in peer_runs[name].items():
                peer_median, peer_p95 = _summary([result])
                peers[name][peer] = {"median_ms": round(peer_median, 1), "p95_ms": round(peer_p95, 1),
                                     "moves": 1 + len(result["times_ms"]),
                                     "median_ratio": round(median / peer_median, 3), "p95_ratio": round(p95 / peer_p95, 3)}
    return budgets, peers


def format_peers(peers: dict) -> str:
    """The peer table: our median and p95 and each peer's, with our ratio to it."""
    names = [p for p in next(iter(peers.values())) if p != "ours"]
    rows = [("explorer", "ours median/p95 ms", *(f"{p} median/p95 ms (ratio)" for p in names))]
    for name, figures in peers.items():
        ours = figures["ours"]
        cells = [f"{ours['median_ms']:.0f} / {ours['p95_ms']:.0f}"]
        for peer in names:
            f = figures[peer]
            cells.append(f"{f['median_ms']:.0f} / {f['p95_ms']:.0f} ({f['median_ratio']:.2f}x / {f['p95_ratio']:.2f}x)")
        rows.append((name, *cells))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows)


# -------------------------------------------------------------------------------------------
# 4: import time
# -------------------------------------------------------------------------------------------
_HEAVY = ("numpy", "scipy", "pandas", "matplotlib", "ipywidgets", "IPython")


def _time_pair(code_a: str, code_b: str, repeats: int) -> tuple[float, float]:
    """Median wall time of ``python -c code`` for two snippets, run alternately to cancel drift."""
    times_a, times_b = [], []
    for _ in range(repeats):
        for code, times in ((code_a, times_a), (code_b, times_b)):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
            times.append(time.perf_counter() - start)
    return statistics.median(times_a), statistics.median(times_b)


def bench_import(repeats: int) -> list[Budget]:
    probe = ("import sys, mgdlearn; heavy = [m for m in %r if m in sys.modules]; print(','.join(heavy))" % (_HEAVY,))
    loaded = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True,
                            cwd=ROOT).stdout.strip()
    must_load = loaded.split(",") if loaded else []
    floor_code = "import " + ", ".join(must_load) if must_load else "pass"
    _time_pair("import mgdlearn", floor_code, 2)  # warm-up (bytecode caches)
    ours, floor = _time_pair("import mgdlearn", floor_code, repeats)
    return [Budget("import mgdlearn (ratio)", ours / floor, 1.1, "x",
                   {"import_ms": round(ours * 1000, 1), "floor_ms": round(floor * 1000, 1),
                    "heavy_modules_loaded": must_load})]


# -------------------------------------------------------------------------------------------
def machine_reference_ms(repeats: int = 5) -> float:
    """Median time of a fixed pure-Python loop (3 million additions), in ms.

    Not a budget: it says how fast this shared machine was during the run. The same machine has
    measured from about 260 ms to about 470 ms at different hours; absolute figures (ms, MB)
    scale with it, ratios hardly do.
    """
    code = "import time\nt = time.perf_counter()\ns = 0\nfor i in range(3_000_000):\n    s += i\nprint(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
             for _ in range(repeats)]
    return statistics.median(times) * 1000


def format_table(budgets: list[Budget]) -> str:
    rows = [("budget", "measured", "limit", "ok", "detail")]
    for b in budgets:
        rows.append((b.name, f"{b.measured:.2f} {b.unit}", f"{b.limit:g} {b.unit}", "yes" if b.ok else "NO",
                     ", ".join(f"{k}={v}" for k, v in b.detail.items())))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for r in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r[:4], widths)) + "  " + r[4])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the course's performance budgets.")
    parser.add_argument("--quick", action="store_true", help="cheap smoke version (fewer repeats)")
    parser.add_argument("--only", choices=["course", "latency", "memory", "import"], action="append")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results.json")
    parser.add_argument("--slack", type=float, default=1.0,
                        help="multiply every limit by this (CI's smoke run uses 2 to catch 2x regressions)")
    parser.add_argument("--ratios-only", action="store_true",
                        help="leave out absolute figures (ms, MB), which depend on the machine (CI smoke)")
    parser.add_argument("--peer-moves", type=int, default=None,
                        help="moves per slider of the peer baselines (default 8, 3 with --quick; 0: no peers)")
    args = parser.parse_args(argv)
    only = set(args.only or ["course", "latency", "memory", "import"])
    os.environ.setdefault("MGDLEARN_PROGRESS", str(Path(tempfile.mkdtemp()) / "progress.json"))
    budgets: list[Budget] = []
    peers: dict = {}
    peer_moves = args.peer_moves if args.peer_moves is not None else (3 if args.quick else 8)
    reference_before = machine_reference_ms()
    if "import" in only:
        budgets += bench_import(10 if args.quick else 40)
    if "latency" in only and not args.ratios_only:
        latency, peers = bench_latency(10 if args.quick else 24, 1 if args.quick else 3, peer_moves)
        budgets += latency
    if "memory" in only:
        budgets += bench_kernel_memory(ratios_only=args.ratios_only)
    if "course" in only:
        budgets += [bench_course_execution(1 if args.quick else 3)]
    for b in budgets:
        b.limit *= args.slack
    reference = (reference_before, machine_reference_ms())
    print(format_table(budgets))
    if peers:
        print("\npeer baselines (the same explorers, sliders and moves; our figure as a ratio to theirs):")
        print(format_peers(peers))
    print(f"\nmachine reference (a fixed pure-Python loop, not a budget): {reference[0]:.0f} ms before, "
          f"{reference[1]:.0f} ms after; about 260 ms on a quiet host, more when the host is busy")
    results = {"machine_reference_ms": [round(r) for r in reference],
               "budgets": [{**asdict(b), "ok": b.ok} for b in budgets], "peers": peers}
    args.json.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwritten: {args.json.relative_to(ROOT) if args.json.is_relative_to(ROOT) else args.json}")
    return 0 if all(b.ok for b in budgets) else 1


if __name__ == "__main__":
    sys.exit(main())
