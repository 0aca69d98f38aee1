"""Accessibility of the course in JupyterLab (real Chromium): axe-core after Run All, and keyboard use.

- axe-core (WCAG 2.0/2.1 A and AA rules) over lessons 01 and 04 and exercise 01 after Run All
  Cells: no serious or critical violation inside course content (cell outputs and rendered
  markdown). JupyterLab's own page (editors, toolbars, menus) is measured too and reported in
  ``test-artifacts/axe-lab.json``, but not asserted: it is not the course's to fix.
- Keyboard only, from the top of lesson 01: Tab reaches each explorer's controls, the arrow keys
  move a slider, the figure and its caption change, and the caption sits in an ARIA live region
  that was in the page before the move (so a screen reader announces the new state).
"""
from __future__ import annotations

import os
import re
from typing import Any

import pytest
import requests

from ._axe import describe, run_axe, severe, tally, write_report
from ._support import ARTIFACTS
from .conftest import LabServer, course_source
from .test_browser_lab import PANEL, LabNotebook, _code_cells, _require_notebook

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

NOTEBOOKS = ("lessons/01_activation_pathway.ipynb", "lessons/04_when_magnesium_runs_short.ipynb",
             "exercises/01_activation_and_units.ipynb")
#: ``MGDLEARN_A11Y_ALL=1`` audits every lesson and exercise notebook (about 30 s each; used for the
#: accessibility statement's full tables, not in CI).
AUDITED = (tuple(sorted(p.relative_to(course_source()).as_posix() for folder in ("lessons", "exercises")
                        for p in (course_source() / folder).glob("[0-9][0-9]_*.ipynb")))
           if os.environ.get("MGDLEARN_A11Y_ALL") else NOTEBOOKS)
#: Course content inside JupyterLab: what the notebooks show (outputs, widgets, rendered markdown).
CONTENT = [f"{PANEL} .jp-OutputArea-output", f"{PANEL} .jp-MarkdownOutput"]


@pytest.fixture(scope="module")
def lab(lab_server: LabServer) -> LabServer:
    """The module's server, with notebook windowing off so every cell is in the page for axe."""
    url = lab_server.url("lab/api/settings/@jupyterlab/notebook-extension:tracker")
    response = requests.put(url, json={"raw": '{"windowingMode": "none"}'}, timeout=30)
    assert response.status_code in (200, 204), f"could not turn windowing off: {response.status_code} {response.text}"
    return lab_server


def _run(page: Any, lab: LabServer, rel: str) -> LabNotebook:
    nb = _require_notebook(lab, rel)
    notebook = LabNotebook(page, lab, rel).open()
    notebook.run_all_from_clean(_code_cells(nb))
    page.wait_for_timeout(1500)  # widget views render after the kernel goes idle
    return notebook


@pytest.mark.parametrize("rel", AUDITED, ids=lambda rel: rel.split("/")[-1].split("_")[0] + "-" + rel.split("/")[0])
def test_axe_finds_no_serious_or_critical_violation_in_course_content(page: Any, lab: LabServer, rel: str) -> None:
    notebook = _run(page, lab, rel)
    assert notebook.error_outputs() == [], f"{rel}: error output after Run All"
    content = run_axe(page, include=CONTENT)
    whole = run_axe(page)
    chrome = {k: n - tally(content).get(k, 0) for k, n in tally(whole).items() if n - tally(content).get(k, 0) > 0}
    name = "axe-lab-" + re.sub(r"[^A-Za-z0-9]+", "-", rel.removesuffix(".ipynb"))
    inside = {(v["id"], n["target"]) for v in content for n in v["nodes"]}
    chrome_details = [dict(v, nodes=[n for n in v["nodes"] if (v["id"], n["target"]) not in inside]) for v in whole]
    write_report(name, {"notebook": rel, "content": tally(content), "jupyterlab_chrome": chrome,
                        "content_details": content, "chrome_details": [v for v in chrome_details if v["nodes"]]})
    assert not severe(content), f"{rel}: serious/critical violations in course content:\n{describe(severe(content))}"
    # every control's label shows whole (an ellipsis could hide the unit)
    cut = page.evaluate(
        """(s) => [...document.querySelectorAll(s)].filter(l => l.textContent.trim() && l.scrollWidth > l.clientWidth + 1)
                  .map(l => l.textContent.trim())""",
        f"{PANEL} .jp-OutputArea-output .widget-label, {PANEL} .jp-OutputArea-output .widget-label-basic",
    )
    assert not cut, f"{rel}: labels cut off with an ellipsis: {cut}"


#: The visible label of a course control: sliders and menus have ``.widget-label``; a checkbox's
#: description is the ``.widget-label-basic`` around it.
LABEL_OF = """(ctrl) => {
    if (ctrl.classList.contains('widget-checkbox')) { return ctrl.querySelector('.widget-label-basic').textContent.trim(); }
    return ctrl.querySelector('.widget-label').textContent.trim(); }"""
CONTROL = ".widget-slider, .widget-dropdown, .widget-checkbox"


def _focused(page: Any) -> dict[str, Any]:
    """The focused element: which course control it belongs to and its accessible name (approximated:
    aria-labelledby, aria-label, or the <label> of a form element)."""
    return page.evaluate(
        """([labelOf, control]) => { const e = document.activeElement; const label = eval(labelOf);
            const ctrl = e && e.closest ? e.closest(control) : null;
            let name = '';
            if (e && e.getAttribute('aria-labelledby')) {
                name = e.getAttribute('aria-labelledby').split(' ')
                        .map(i => (document.getElementById(i) || {}).textContent || '').join(' ');
            } else if (e && e.getAttribute('aria-label')) { name = e.getAttribute('aria-label'); }
            else if (e && e.labels && e.labels.length) { name = e.labels[0].textContent; }
            return {tag: e ? e.tagName : '', control: ctrl ? label(ctrl) : null, name: name.trim(),
                    inEditor: !!(e && e.closest && e.closest('.cm-editor'))}; }""",
        [LABEL_OF, CONTROL],
    )


def test_keyboard_alone_reaches_and_moves_every_explorer_control_of_lesson_01(page: Any, lab: LabServer) -> None:
    rel = NOTEBOOKS[0]
    _run(page, lab, rel)
    explorers = page.locator(f"{PANEL} .jp-OutputArea-output .widget-vbox:has(.widget-output)")
    expected = page.evaluate(
        """([s, labelOf, control]) => { const label = eval(labelOf);
               return [...document.querySelectorAll(s)].flatMap(v => [...v.querySelectorAll(control)].map(label)); }""",
        [f"{PANEL} .jp-OutputArea-output .widget-vbox:has(.widget-output)", LABEL_OF, CONTROL],
    )
    assert expected, "lesson 01 shows no explorer controls after Run All"
    for label in expected:
        assert re.search(r"\(.+\)", label), f"control label {label!r} names no unit"

    # From the top: the first cell selected in command mode, then Tab only (Escape leaves an editor,
    # as JupyterLab's keyboard help says; nothing else).
    page.locator(f"{PANEL} .jp-Notebook .jp-Cell").first.locator(".jp-InputArea-prompt, .jp-Cell-inputArea").first.click()
    page.keyboard.press("Escape")
    reached: dict[str, dict[str, Any]] = {}
    tabs = escapes = 0
    for _ in range(600):
        page.keyboard.press("Tab")
        tabs += 1
        now = _focused(page)
        if now["inEditor"]:
            page.keyboard.press("Escape")
            escapes += 1
            continue
        if now["control"] in expected:
            reached.setdefault(now["control"], now)
        if len(reached) == len(expected):
            break
    write_report("keyboard-lesson01", {"controls": expected, "tab_presses": tabs, "escape_presses": escapes,
                                       "reached": reached})
    missing = [x for x in expected if x not in reached]
    assert not missing, f"Tab never reached: {missing}"
    for label, info in reached.items():
        assert label.split(" (")[0] in info["name"], f"{label}: the focused element's accessible name is {info['name']!r}"

    # Arrow keys move the first slider; the figure and caption change inside a live region that existed before.
    explorer = explorers.first
    handle = explorer.locator(".widget-slider .noUi-handle").first
    handle.focus()
    live = explorer.locator(".widget-output[aria-live='polite']")
    assert live.count() == 1, "the explorer's figure and caption are not in an aria-live region"
    live.evaluate("(el) => { el.dataset.e2eMark = 'before-move'; }")
    before = explorer.locator("figcaption").first.text_content()
    before_src = explorer.locator(".widget-output img").first.get_attribute("src")
    readout = explorer.locator(".widget-slider .widget-readout").first.text_content()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "([el, old]) => { const c = el.querySelector('figcaption'); return c && c.textContent !== old; }",
        arg=[live.element_handle(), before], timeout=60_000,
    )
    assert explorer.locator(".widget-slider .widget-readout").first.text_content() != readout
    assert explorer.locator(".widget-output img").first.get_attribute("src") != before_src, "the figure did not change"
    assert live.evaluate("(el) => el.dataset.e2eMark") == "before-move", \
        "the live region was replaced, not updated: a screen reader would not announce the change"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    explorer.screenshot(path=str(ARTIFACTS / "keyboard-lesson01-after-arrows.png"))
