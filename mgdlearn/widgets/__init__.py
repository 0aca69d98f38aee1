"""Interactive explorers. :mod:`mgdlearn.widgets.base` holds the shared pattern (labelled
controls wired to a pure compute of :mod:`mgdlearn.experiments` and a pure redraw of
:mod:`mgdlearn.plots`), :mod:`mgdlearn.widgets.live` the live redraw; each other module of this
package is one concept's explorers.

:data:`EXPLORERS` names every explorer the lessons show (used by the tests and the latency
benchmark); :func:`load_explorer` builds one by name without importing the others.
"""
from __future__ import annotations

import importlib
from types import MappingProxyType
from typing import Any, Mapping

#: Explorer name -> "module:factory" (module relative to this package), in lesson order.
EXPLORERS: Mapping[str, str] = MappingProxyType({
    "status (00)": "status:status_explorer",
    "activation (01)": "activation:activation_explorer",
    "pth challenge (02)": "pth_challenge:pth_challenge_explorer",
    "loop (03)": "loop:loop_explorer",
    "loop gain (03)": "loop:loop_gain_explorer",
    "dose response (04)": "deficiency:dose_response_explorer",
    "pth response (04)": "deficiency:pth_explorer",
    "calcification (04)": "deficiency:calcification_explorer",
    "rickets (04)": "deficiency:rickets_explorer",
    "sun (05)": "sun:sun_explorer",
    "meal planner (05)": "meal_planner:meal_planner",
})


def load_explorer(name: str, **kwargs: Any) -> Any:
    """Build the explorer called ``name`` (a key of :data:`EXPLORERS`) with its default settings."""
    try:
        module_name, factory = EXPLORERS[name].split(":")
    except KeyError:
        raise ValueError(f"Unknown explorer {name!r}; known: {', '.join(EXPLORERS)}.") from None
    module = importlib.import_module(f"{__name__}.{module_name}")
    return getattr(module, factory)(**kwargs)
