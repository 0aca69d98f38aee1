"""The explorer pattern: labelled controls, the same code for sliders and tests, no tracebacks."""
from __future__ import annotations

import numpy as np

from mgdlearn.errors import InputError
from mgdlearn.plots.frame import Drawing
from mgdlearn.plots.style import new_figure, style_axes
from mgdlearn.widgets.base import Explorer, message_bundle, slider


def _compute(dose: float) -> np.ndarray:
    if dose > 4000:
        raise InputError("dose = 5000 IU/day is outside the allowed range: 0 to 4000 IU/day.")
    return np.linspace(0, dose, 5)


def _draw(data, drawing):
    if drawing is None:
        fig, ax = new_figure()
        (line,) = ax.plot(np.arange(5), data)
        style_axes(ax, title="Dose", xlabel="step", ylabel="IU/day")
        drawing = Drawing(fig, "dose", {"line": line})
    else:
        drawing.handles["line"].set_ydata(data)
    return drawing, f"Reaches {data[-1]:.0f} IU/day."


def _explorer():
    return Explorer("Demo", {"dose": slider("Vitamin D intake", "IU/day", value=600, min=0, max=5000, step=100)},
                    _compute, _draw, alt="A line of doses")


def test_slider_label_names_the_unit_and_updates_on_release():
    s = slider("Vitamin D intake", "IU/day", value=600, min=0, max=5000, step=100)
    assert s.description == "Vitamin D intake (IU/day)"
    assert s.continuous_update is False


def test_moving_the_slider_redraws_the_same_figure_with_new_data():
    ex = _explorer()
    ex.widget()  # interactive_output renders once on creation
    first = ex.figure.axes[0].lines[0].get_ydata().copy()
    assert ex.state.summary == "Reaches 600 IU/day."
    ex.controls["dose"].value = 2000
    assert ex.state.error is None and ex.state.summary == "Reaches 2000 IU/day."
    assert ex.figure.axes[0].lines[0].get_ydata()[-1] == 2000 != first[-1]


def test_invalid_combination_shows_a_message_and_keeps_the_last_figure():
    ex = _explorer()
    ex.render(dose=1000)
    fig = ex.figure
    state = ex.render(dose=5000)
    assert state.error and "0 to 4000 IU/day" in state.error
    assert ex.figure is fig


def test_error_message_is_an_alert_with_plain_text():
    bundle = message_bundle("dose is NaN")
    assert 'role="alert"' in bundle["text/html"]
    assert bundle["text/plain"] == "Please check your input: dose is NaN"


def test_widget_output_holds_the_figure_with_alt_text_and_caption():
    ex = _explorer()
    out = ex.widget().children[-1]
    ex.controls["dose"].value = 3000
    (shown,) = out.outputs
    assert shown["output_type"] == "display_data"
    assert shown["data"]["text/plain"] == "A line of doses\nReaches 3000 IU/day."
    assert 'alt="A line of doses"' in shown["data"]["text/html"]
    ex.controls["dose"].value = 4500
    assert out.outputs[0]["data"]["text/plain"].startswith("Please check your input:")


def test_an_unmoved_explorer_lets_its_figure_go_and_the_first_move_draws_it_live():
    """Memory policy: the first picture is rendered plainly and the figure freed; a move draws anew
    through the live path (HTML only), and later moves update that figure in place."""
    ex = _explorer()
    ex.widget()
    assert ex._drawing is None and ex.live is None, "no figure held before a move"
    assert "image/png" in ex.displayed, "the first picture is a plain render"
    ex.controls["dose"].value = 1000
    first = ex.figure
    assert ex.live is not None and ex.live.figure is first and "image/png" not in ex.displayed
    ex.controls["dose"].value = 1200
    assert ex.figure is first and "Reaches 1200 IU/day." in ex.displayed["text/plain"]
