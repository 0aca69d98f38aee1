"""The shared pattern of every explorer: labelled controls, a pure compute, a pure draw.

An :class:`Explorer` wires controls to ``compute(**values) -> data`` (:mod:`mgdlearn.experiments`)
and ``draw(data, drawing) -> (Drawing, summary)`` (:mod:`mgdlearn.plots`): a change of any control re-runs both and puts the new
figure into an :class:`ipywidgets.Output` (by setting its state, see :meth:`Explorer.widget`). Tests call
:meth:`Explorer.render` (or set control values and read :attr:`Explorer.state`), which runs exactly
the code a slider runs. Bad input never reaches the student as a traceback: library input errors
appear as a short message inside the widget.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Mapping

from mgdlearn.errors import friendly_message_bundle
from mgdlearn.plots.frame import Drawing
from mgdlearn.plots.style import figure_bundle, png_bundle
from mgdlearn.widgets.a11y import accessibility_helper
from mgdlearn.widgets.live import LiveFigure, layout_of

if TYPE_CHECKING:  # pragma: no cover
    import ipywidgets
    from matplotlib.figure import Figure

Compute = Callable[..., Any]
Draw = Callable[[Any, "Drawing | None"], "tuple[Drawing, str]"]


def slider(label: str, unit: str, *, value: float, min: float, max: float, step: float,
           integer: bool = False, readout_format: str | None = None) -> "ipywidgets.ValueWidget":
    """A labelled slider whose description names the unit, updating on release.

    ``continuous_update=False`` re-runs the model once per move, not on every pixel.
    """
    import ipywidgets as w

    description = f"{label} ({unit})" if unit else label
    label_em = _label_em(description)
    common: dict[str, Any] = dict(
        value=value, min=min, max=max, step=step, description=description,
        continuous_update=False, style={"description_width": f"{label_em}em"},
        layout=w.Layout(width=f"{label_em + 18}em", max_width="100%"),
    )
    if integer:
        return w.IntSlider(**common)
    return w.FloatSlider(readout_format=readout_format or _format_for(step), **common)


def dropdown(label: str, options: Any, value: Any) -> "ipywidgets.Dropdown":
    """A labelled dropdown in the course layout."""
    import ipywidgets as w

    label_em = _label_em(label)
    return w.Dropdown(options=options, value=value, description=label, style={"description_width": f"{label_em}em"},
                      layout=w.Layout(width=f"{label_em + 18}em", max_width="100%"))


def toggle(label: str, value: bool) -> "ipywidgets.Checkbox":
    """A labelled checkbox in the course layout."""
    import ipywidgets as w

    return w.Checkbox(value=value, description=label, indent=False,
                      layout=w.Layout(width="34em", max_width="100%"))


def _label_em(description: str) -> int:
    """Width (em) of a control's label column: 16, or wider so a long label and its unit show whole.

    ipywidgets cuts a label that does not fit with an ellipsis, which can hide the unit; about
    0.55 em per character of JupyterLab's widget font, measured in Chromium.
    """
    import math

    return max(16, math.ceil(0.55 * len(description)) + 1)


def _align_labels(controls: Any) -> None:
    """Give the labelled controls of one explorer the widest label column among them, so the
    sliders line up under each other."""
    sized = [c for c in controls if str(getattr(getattr(c, "style", None), "description_width", "")).endswith("em")]
    if not sized:
        return
    widest = max(int(float(c.style.description_width[:-2])) for c in sized)
    for c in sized:
        c.style.description_width = f"{widest}em"
        c.layout.width = f"{widest + 18}em"


def _format_for(step: float) -> str:
    if step >= 1:
        return ".0f"
    if step >= 0.1:
        return ".1f"
    if step >= 0.01:
        return ".2f"
    return ".3f"


def message_bundle(text: str, kind: str = "error") -> dict[str, str]:
    """A MIME bundle for a short message: an input problem (``kind="error"``) or a note (``"info"``)."""
    if kind == "error":
        return friendly_message_bundle(text)
    box = ('<div style="background:#eaf3fb;border-left:4px solid #0072B2;padding:6px 10px;'
           f'max-width:44em">{html.escape(text)}</div>')
    return {"text/html": box, "text/plain": text}


def show_message(text: str, kind: str = "error") -> None:
    """Display :func:`message_bundle` in the current output."""
    from IPython.display import display

    display(message_bundle(text, kind), raw=True)


@dataclass
class ExplorerState:
    """What the explorer shows now: the last data and summary, or the message shown instead."""

    values: Mapping[str, Any]
    data: Any = field(default=None, repr=False)
    summary: str = ""
    error: str | None = None


class Explorer:
    """Controls + ``compute`` + ``draw``, shown as one widget.

    Parameters
    ----------
    title : str
        Heading shown above the controls.
    controls : mapping of str to widget
        Keyword name of ``compute`` -> the widget that supplies it (anything with a ``value``).
    compute : callable
        Pure function ``compute(**values) -> data`` (:mod:`mgdlearn.experiments`); raises
        ``ValueError``/``TypeError`` for a combination it cannot handle (shown to the student as a
        message).
    draw : callable
        Pure function ``draw(data, drawing) -> (drawing, summary)`` (the ``redraw_*`` functions of
        :mod:`mgdlearn.plots`); ``drawing`` is the :class:`~mgdlearn.plots.frame.Drawing` of the
        previous call (``None`` the first time), so draw may update its artists instead of building
        anew.
    alt : str
        Short alt text of the figure; the summary is the visible caption.
    """

    def __init__(self, title: str, controls: Mapping[str, Any], compute: Compute, draw: Draw,
                 *, alt: str) -> None:
        self.title = title
        self.controls = dict(controls)
        self.compute = compute
        self.draw = draw
        self.alt = alt
        self._drawing: Drawing | None = None
        self._live: LiveFigure | None = None  # live redraws of the drawing's figure
        self._layout: tuple | None = None  # where the first picture's layout put the axes
        self._output: ipywidgets.Output | None = None
        self.state = ExplorerState(values={})

    def values(self) -> dict[str, Any]:
        """The controls' current values, by keyword."""
        return {name: ctrl.value for name, ctrl in self.controls.items()}

    def render(self, **values: Any) -> ExplorerState:
        """Run compute and draw for ``values`` (default: the controls' values) and record the state."""
        values = values or self.values()
        try:
            data = self.compute(**values)
            self._drawing, summary = self.draw(data, self._drawing)
        except (ValueError, TypeError) as exc:
            self.state = ExplorerState(values=values, error=str(exc))
        else:
            self.state = ExplorerState(values=values, data=data, summary=summary)
        return self.state

    @property
    def figure(self) -> "Figure | None":
        """The figure as last drawn (``None`` before the first successful render).

        After the first, unmoved picture the figure is let go (see :meth:`refresh`); asking for
        it draws it again from the current data.
        """
        if self._drawing is None and self.state.data is not None and self.state.error is None:
            self._drawing, _ = self.draw(self.state.data, None)
        return None if self._drawing is None else self._drawing.figure

    @property
    def drawing(self) -> Drawing | None:
        """The figure as last drawn, with the handles of its changing artists (see :attr:`figure`)."""
        return None if self.figure is None else self._drawing

    @property
    def live(self) -> LiveFigure | None:
        """The live redraws of the current figure (``None`` until a move has drawn it live)."""
        return self._live

    def output_bundle(self, live: bool = True) -> dict[str, str]:
        """The MIME bundle the widget shows for the current state: the figure, or the message.

        ``live`` renders through a :class:`~mgdlearn.widgets.live.LiveFigure` (fast on later
        moves, keeps pixel buffers); ``False`` renders once and frees them (the first, unmoved
        picture).
        """
        if self.state.error is not None or self._drawing is None:
            return message_bundle(self.state.error or "Move a control to draw the figure.")
        fig = self._drawing.figure
        if not live:
            return figure_bundle(fig, alt=self.alt, caption=self.state.summary)
        if self._live is None or self._live.figure is not fig:
            self._live = LiveFigure(fig, layout=self._layout)
        return png_bundle(self._live.png(), self.alt, self.state.summary, with_png=False)

    def refresh(self, _change: object = None) -> None:
        """Re-run compute and draw for the controls' values and update the widget's output.

        The first picture (no control moved yet) is rendered plainly and the figure is then let
        go, so an explorer nobody touches holds neither figure nor redraw buffers (a lesson shows
        several, a hub runs many kernels); the first move draws it anew, later moves update it
        in place through the live path.
        """
        self.render()
        if self._output is not None:
            live = _change is not None
            bundle = self.output_bundle(live=live)
            self._output.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)
            if not live and self._drawing is not None:
                fig = self._drawing.figure
                self._layout = layout_of(fig)  # a few numbers that spare the first move's layout
                # emptied first: its artists and data go at once, not at Python's next full
                # garbage collection (a figure holds itself in reference cycles)
                fig.clear()
                self._drawing = None
                self._live = None

    @property
    def displayed(self) -> dict[str, str]:
        """The MIME bundle the widget's output shows now (empty before it is built)."""
        if self._output is None or not self._output.outputs:
            return {}
        return dict(self._output.outputs[0]["data"])

    def output_widget(self) -> "ipywidgets.Output":
        """The output widget the figure is shown in, wired to the controls (built once)."""
        import ipywidgets as w

        if self._output is None:
            self._output = w.Output()
            for control in self.controls.values():
                control.observe(self.refresh, names="value")
        return self._output

    def widget(self) -> "ipywidgets.VBox":
        """Build the widget: a heading, the controls, and the live output.

        The output widget's state is set directly (not through ``display`` inside the output),
        so the figure travels with the widget state only: nothing leaks into the cell's own
        output, which keeps notebooks deterministic under nbval and fast to redraw.
        """
        import ipywidgets as w

        output = self.output_widget()
        self.refresh()
        _align_labels(self.controls.values())
        heading = w.HTML(f"<h4 style='margin:4px 0'>{html.escape(self.title)}</h4>")
        # hidden, before the figure: names the sliders for screen readers, makes the figure a live
        # region (placed after the controls, so the box's text form, which nbval compares, keeps its start)
        return w.VBox([heading, w.VBox(list(self.controls.values())), accessibility_helper(), output])

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget())
