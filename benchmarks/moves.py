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

Two peer baselines move the same sliders of the same explorers, with the same compute and the same
figures, the way other course material redraws (:func:`measure_peer`):

* ``"interactive_output"`` -- how most course notebooks do it (Neuromatch's, for one):
  :func:`ipywidgets.interactive_output` calls a function that draws the figure from scratch and
  shows it as ``plt.show()`` does under the inline backend (``display(fig)``: a full Agg draw and a
  PNG through ``print_figure(..., bbox_inches="tight")``), into the output widget.
* ``"ipympl"`` -- matplotlib's own widget backend: the figure lives on an ipympl ``Canvas`` and each
  move updates its artists in place and calls ``canvas.draw_idle()``. Without a browser nobody
  answers the "draw" request that sends, so the harness answers it as the front end would
  (``canvas.handle_event({"type": "draw"})``): ipympl's server side then runs a full Agg draw,
  the PNG of the changed pixels (``get_diff_image``) and the comm message with it. The browser's
  own work (decoding, painting) is in neither our figures nor these.
"""
from __future__ import annotations

import random
import statistics
import time
from typing import Any, Callable

PEERS = ("interactive_output", "ipympl")


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


def _sliders(controls: dict[str, Any]) -> list[tuple[str, Any]]:
    return [(key, c) for key, c in controls.items() if hasattr(c, "min") and hasattr(c, "max")]


def _time_moves(controls: dict[str, Any], moves: int, seed: int) -> dict[str, Any]:
    """Move every slider of ``controls`` (see the module docstring); whatever observes them redraws."""
    sliders = _sliders(controls)
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
    return {"first_ms": round(first or 0.0, 1), "times_ms": [round(t, 2) for t in times], "by_slider": by_slider,
            "sliders": len(sliders)}


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
    result = _time_moves(explorer.controls, moves, seed)
    _close(box)
    return result


def measure_peer(name: str, peer: str, moves: int = 8, seed: int = 0) -> dict[str, Any]:
    """Time the same slider moves of explorer ``name`` redrawn the way ``peer`` (one of :data:`PEERS`)
    redraws; the same compute and figures as the explorer. Returns what :func:`measure_explorer` does."""
    from mgdlearn.widgets import load_explorer

    if peer not in PEERS:
        raise ValueError(f"peer must be one of {PEERS}; got {peer!r}")
    explorer = load_explorer(name)
    for control in explorer.controls.values():  # the explorer's own wiring (the meal planner wires at once)
        try:
            control.unobserve(explorer.refresh, names="value")
        except ValueError:
            pass
    setup = _interactive_output if peer == "interactive_output" else _ipympl
    box = setup(explorer.compute, explorer.draw, explorer.controls)
    result = _time_moves(explorer.controls, moves, seed)
    _close(box)
    return result


def _interactive_output(compute: Callable, draw: Callable, controls: dict[str, Any]) -> Any:
    """interactive_output with a function that draws anew and shows the figure as plt.show() does."""
    import ipywidgets as w
    from IPython import get_ipython
    from IPython.display import display

    get_ipython().run_line_magic("matplotlib", "inline")  # as such notebooks start: a shown Figure is a PNG

    def show(**values: Any) -> None:
        try:
            data = compute(**values)
        except (ValueError, TypeError) as exc:
            print(exc)
            return
        drawing, _ = draw(data, None)  # a new figure on every move
        display(drawing.figure)  # what plt.show() does for each figure under the inline backend

    out = w.interactive_output(show, controls)
    box = w.VBox([*controls.values(), out])
    display(box)
    return box


def _ipympl(compute: Callable, draw: Callable, controls: dict[str, Any]) -> Any:
    """The figure on an ipympl Canvas, updated in place, with canvas.draw_idle() on every move."""
    import ipywidgets as w
    from ipympl.backend_nbagg import Canvas, FigureManager
    from IPython.display import display

    state: dict[str, Any] = {"drawing": None, "canvas": None}
    box = w.VBox(list(controls.values()))

    def attach(drawing: Any) -> Any:
        canvas = Canvas(drawing.figure)
        FigureManager(canvas, 1)
        canvas.syncing_data_url = False  # as once the front end says it is there ("initialized")
        box.children = (*controls.values(), canvas)
        state.update(drawing=drawing, canvas=canvas)
        return canvas

    def redraw(_change: object = None) -> None:
        try:
            data = compute(**{k: c.value for k, c in controls.items()})
        except (ValueError, TypeError):
            return
        drawing, _ = draw(data, state["drawing"])
        canvas = state["canvas"] if drawing is state["drawing"] else attach(drawing)
        canvas.draw_idle()                      # asks the front end for a redraw ...
        canvas.handle_event({"type": "draw"})   # ... which answers: Agg draw, diff PNG, comm message

    redraw()
    display(box)
    for control in controls.values():
        control.observe(redraw, names="value")
    return box


def _close(widget: Any) -> None:
    """Close a widget and everything inside it (frees the kernel side of the explorer)."""
    for child in getattr(widget, "children", ()):
        _close(child)
    widget.close()
