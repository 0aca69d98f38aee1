"""Start-page explorer: move a 25(OH)D result and see its status category in either unit."""
from __future__ import annotations

from mgdlearn.experiments.status import compute
from mgdlearn.plots.status import redraw_25ohd_status
from mgdlearn.widgets.base import Explorer, dropdown, slider

__all__ = ["status_explorer"]


def status_explorer(value: float = 20.0) -> Explorer:
    """A slider for a 25(OH)D result (ng/mL), a unit and a scheme menu, and the status figure."""
    controls = {
        "value": slider("25(OH)D result", "number in the chosen unit", value=value, min=0, max=150, step=1),
        "unit": dropdown("Unit of the result", ["ng/mL", "nmol/L"], "ng/mL"),
        "scheme": dropdown("Cut-offs", [("IOM 2011 / NIH ODS", "IOM"), ("Endocrine Society 2011", "ES2011")], "IOM"),
    }
    return Explorer("Where does a 25(OH)D result fall?", controls, compute, redraw_25ohd_status,
                    alt="Status bands for serum 25(OH)D with the chosen result marked")
