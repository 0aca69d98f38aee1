"""Start-page explorer: move a 25(OH)D result and see its status category in either unit."""
from __future__ import annotations

from typing import TYPE_CHECKING

from mgdlearn.plots.status import draw_25ohd_status
from mgdlearn.widgets.base import Explorer, dropdown, slider

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure


def compute(value: float, unit: str, scheme: str) -> tuple[float, str, str]:
    """The explorer's inputs, validated by :func:`mgdlearn.reference_values.classify_25ohd` when drawn."""
    return value, unit, scheme


def draw(data: tuple[float, str, str], fig: "Figure | None" = None) -> tuple["Figure", str]:
    """Draw the status bands with the result marked."""
    value, unit, scheme = data
    return draw_25ohd_status(value, unit=unit, scheme=scheme, fig=fig)


def status_explorer(value: float = 20.0) -> Explorer:
    """A slider for a 25(OH)D result (ng/mL), a unit and a scheme menu, and the status figure."""
    controls = {
        "value": slider("25(OH)D result", "number in the chosen unit", value=value, min=0, max=150, step=1),
        "unit": dropdown("Unit of the result", ["ng/mL", "nmol/L"], "ng/mL"),
        "scheme": dropdown("Cut-offs", [("IOM 2011 / NIH ODS", "IOM"), ("Endocrine Society 2011", "ES2011")], "IOM"),
    }
    return Explorer("Where does a 25(OH)D result fall?", controls, compute, draw,
                    alt="Status bands for serum 25(OH)D with the chosen result marked")
