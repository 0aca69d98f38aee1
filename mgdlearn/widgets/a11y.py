"""Accessible names for ipywidgets sliders, and a live region for each explorer's figure.

ipywidgets 8 draws a slider as a ``<label>`` beside a noUiSlider handle (``role="slider"``) that
nothing ties to the label, so a screen reader announces a bare number and axe-core reports
``aria-input-field-name`` for every slider (ipywidgets issue #2650; there is no trait for it:
``tooltip`` only sets the label's ``title``, ``description_allow_html`` only its markup). Dropdowns
and text boxes are fine: ipywidgets links their ``<label for>``.

:func:`accessibility_helper` is a hidden :class:`ipywidgets.Output` holding a short script, put
into an explorer's box once. JupyterLab (and Notebook 7) render an Output widget's outputs as
trusted, so the script runs when the box is shown; it only touches that box:

- each slider handle gets ``aria-labelledby`` pointing at its visible label (which names the unit);
- every other ``Output`` of the box (the figure and its caption) becomes a polite ARIA live region,
  so the new caption is announced after a move: the region stays in the page while its content
  changes, as screen readers need;
- a ``MutationObserver`` on the box applies both again when ipywidgets redraws a slider.

Where scripts do not run (nbviewer, a PDF, the static book) nothing happens and nothing is shown.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import ipywidgets

__all__ = ["SCRIPT", "accessibility_helper"]

#: Runs with ``element`` = the output node (JupyterLab's JavaScript renderer provides it).
SCRIPT = r"""
(function (element) {
  var tries = 0;
  function apply(box) {
    box.querySelectorAll('.widget-slider').forEach(function (slider) {
      var label = slider.querySelector('.widget-label');
      var text = label ? label.textContent.trim() : '';
      if (!text) { return; }
      if (!label.id) { label.id = 'mgdlearn-label-' + Math.random().toString(36).slice(2, 10); }
      slider.querySelectorAll('.noUi-handle').forEach(function (handle) {
        if (handle.getAttribute('aria-labelledby') !== label.id) { handle.setAttribute('aria-labelledby', label.id); }
      });
    });
    box.querySelectorAll('.widget-output').forEach(function (out) {
      if (out.contains(element) || out.getAttribute('aria-live') === 'polite') { return; }
      out.setAttribute('aria-live', 'polite');
    });
  }
  function start() {
    var own = element.closest ? element.closest('.widget-output') : null;
    var box = own && own.parentElement ? own.parentElement.closest('.widget-vbox, .widget-box') : null;
    if (!box) {
      if (tries++ < 200) { window.requestAnimationFrame(start); }
      return;
    }
    apply(box);
    if (!box.dataset.mgdlearnA11y) {
      box.dataset.mgdlearnA11y = 'on';
      new MutationObserver(function () { apply(box); }).observe(box, {childList: true, subtree: true});
    }
  }
  start();
})(element);
"""


def accessibility_helper() -> "ipywidgets.Output":
    """A hidden Output widget whose script names the box's sliders and makes its figures live regions."""
    import ipywidgets as w

    helper = w.Output(layout=w.Layout(display="none"))
    helper.outputs = ({"output_type": "display_data", "metadata": {},
                       "data": {"application/javascript": SCRIPT, "text/plain": ""}},)
    return helper
