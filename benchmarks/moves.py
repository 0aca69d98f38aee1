"""Slider moves timed inside a running kernel (budget 2), the way a student makes them.

:func:`measure_explorer` runs in a real IPython kernel (``python -m benchmarks`` executes it there
through nbclient): the explorer's widget is displayed, so its output widget has a real comm and
every redraw is serialised and sent as in JupyterLab. Each move sets a slider's value as the
browser does (``control.value = v``), which runs the explorer's observer: compute, draw, PNG,
and the comm message with the new picture.

Every move goes to a value that slider has not had before (alternately the nearest unvisited step
and a jump to a random unvisited one, seeded), so results remembered from earlier moves never
flatter the figures; the slider then goes back to its default, unmeasured, before the next one.
The explorer's very first move, which draws its figure anew (see
:meth:`mgdlearn.widgets.base.Explorer.refresh`), is also reported on its own.
"""
from __future__ import annotations

import random
import statistics
import time
from typing import Any


def walk(steps: int, start: int, moves: int, seed: int) -> list[int]:
    """Positions ``0..steps`` to visit from ``start``, none twice: alternately the nearest unvisited
    position and a random unvisited one; at most ``moves`` positions."""
    rng = random.Random(seed)
    unvisited = set(range(steps + 1)) - {start}
    here, out = start, []
    while unvisited and len(out) < moves:
        if len(out) % 2 == 0:
            here = min(unvisited, key=lambda p: (abs(p - here), p))
        else:
            here = rng.choice(sorted(unvisited))
        unvisited.discard(here)
        out.append(here)
    return out


def percentile(values: list[float], q: float) -> float:
    """The ``q``-quantile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure_explorer(name: str, moves: int = 24, seed: int = 0) -> dict[str, Any]:
    """Time slider moves of the explorer called ``name`` (a key of ``mgdlearn.widgets.EXPLORERS``).

    Returns
    -------
    dict
        ``first_ms`` (the first move), ``times_ms`` (every later move), ``by_slider`` (median ms
        per slider, later moves) and ``sliders``.
    """
    from IPython.display import display

    from mgdlearn.widgets import load_explorer

    explorer = load_explorer(name)
    box = explorer.widget()
    display(box)
    sliders = [(key, c) for key, c in explorer.controls.items() if hasattr(c, "min") and hasattr(c, "max")]
    first: float | None = None
    times: list[float] = []
    by_slider: dict[str, float] = {}
    for index, (key, control) in enumerate(sliders):
        default = control.value
        steps = max(1, round((control.max - control.min) / control.step))
        start = round((control.value - control.min) / control.step)
        mine = []
        for position in walk(steps, start, moves + (1 if first is None else 0), seed + index):
            value = type(control.value)(min(control.max, control.min + position * control.step))
            t0 = time.perf_counter()
            control.value = value
            elapsed = (time.perf_counter() - t0) * 1000.0
            if first is None:
                first = elapsed
            else:
                mine.append(elapsed)
        control.value = default
        by_slider[key] = round(statistics.median(mine), 1)
        times += mine
    _close(box)
    return {"first_ms": round(first or 0.0, 1), "times_ms": [round(t, 2) for t in times], "by_slider": by_slider,
            "sliders": len(sliders)}


def _close(widget: Any) -> None:
    """Close a widget and everything inside it (frees the kernel side of the explorer)."""
    for child in getattr(widget, "children", ()):
        _close(child)
    widget.close()
