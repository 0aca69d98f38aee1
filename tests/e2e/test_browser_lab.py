"""Real browser: a student opens lesson 01 and exercise 01 in JupyterLab (Chromium + Playwright).

Enable locally with ``bash scripts/install_e2e_deps.sh``; CI sets ``MGDLEARN_REQUIRE_E2E=1`` so a
missing Chromium fails instead of skipping. The notebooks are served from a temporary copy
(``$MGDLEARN_E2E_COURSE`` picks another course folder, ``$MGDLEARN_E2E_LESSON`` and
``$MGDLEARN_E2E_EXERCISE`` other notebooks). Screenshots land in ``test-artifacts/``.
"""
from __future__ import annotations

import ast
import json
import os
import re
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from ._support import ARTIFACTS, component_missing
from .conftest import LabServer, course_source

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

LESSON = os.environ.get("MGDLEARN_E2E_LESSON", "lessons/01_activation_pathway.ipynb")
#: Answers typed, in turn, into the first exercise's answer cell (Python literals, JSON list).
#: ex1.1 asks which form a vitamin D blood test measures: "c" (calcitriol) is the typical
#: mistake, "b" (25(OH)D) is right. The expected feedback comes from mgdlearn.exercises itself.
EXERCISE_ANSWERS: list[str] = json.loads(os.environ.get("MGDLEARN_E2E_ANSWERS", '["\\"c\\"", "\\"b\\""]'))
CHECK_CALL = re.compile(r"""check\(\s*["']([^"']+)["']\s*,\s*([A-Za-z_]\w*)\s*\)""")

#: The notebook in the visible tab; every selector is scoped to it.
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
STDERR_OUTPUT = f'{PANEL} .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
KERNEL_IDLE = f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']"
CELL = f"{PANEL} .jp-Notebook .jp-Cell"
PROMPT = f"{PANEL} .jp-Notebook .jp-InputArea-prompt"
OUTPUT = f"{PANEL} .jp-Notebook .jp-OutputArea-output"


def _exercise_path() -> str:
    if "MGDLEARN_E2E_EXERCISE" in os.environ:
        return os.environ["MGDLEARN_E2E_EXERCISE"]
    found = sorted((course_source() / "exercises").glob("01_*.ipynb"))
    return f"exercises/{found[0].name}" if found else "exercises/01_*.ipynb"


def _require_notebook(server: LabServer, rel: str) -> dict[str, Any]:
    path = server.root / rel
    if not path.is_file():
        component_missing(f"the notebook {rel} in {course_source()}", "write it, or point MGDLEARN_E2E_COURSE/"
                          "MGDLEARN_E2E_LESSON/MGDLEARN_E2E_EXERCISE at a notebook to test")
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


class LabNotebook:
    """The notebook open in a JupyterLab page, driven like a student would (menus, keys, mouse)."""

    def __init__(self, page: Any, server: LabServer, rel: str) -> None:
        self.page, self.server, self.rel = page, server, rel

    def open(self) -> "LabNotebook":
        # A workspace of its own, so tabs another test left open are not restored next to this one.
        self.page.goto(self.server.url(f"lab/workspaces/e2e-{uuid.uuid4().hex[:12]}/tree/{self.rel}"))
        self.page.locator(CELL).first.wait_for(state="visible", timeout=60_000)
        self.page.locator(KERNEL_IDLE).first.wait_for(state="attached", timeout=60_000)
        self.wait_for_connected_kernel()
        return self

    def wait_for_connected_kernel(self, timeout: float = 60.0) -> None:
        """Wait until the server shows one idle kernel for this notebook with the page connected.

        JupyterLab may start a kernel and swap it for another while the page loads; cells run
        during the swap are silently dropped, so the test waits for a stable, connected kernel.
        """
        import requests

        deadline, stable, last = time.monotonic() + timeout, 0, ""
        while time.monotonic() < deadline:
            sessions = requests.get(self.server.url("api/sessions"), timeout=10).json()
            kernels = [x["kernel"]["id"] for x in sessions if x.get("path") == self.rel]
            if len(kernels) == 1:
                kernel = requests.get(self.server.url(f"api/kernels/{kernels[0]}"), timeout=10).json()
                ready = kernel.get("connections", 0) >= 1 and kernel.get("execution_state") == "idle"
                state = f"{kernels[0]}:{ready}"
                stable = stable + 1 if ready and state == last else 0
                last = state
                if stable >= 2:
                    return
            time.sleep(0.5)
        raise TimeoutError(f"no stable connected kernel for {self.rel} within {timeout:.0f} s (last: {last})")

    def menu(self, menu: str, item: str) -> None:
        self.page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{re.escape(menu)}$")).click()
        self.page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}$")).click()

    def cell(self, index: int) -> Any:
        return self.page.locator(CELL).nth(index)

    def wait_until_executed(self, code_indices: list[int], timeout_ms: int = 120_000) -> None:
        """Wait until each listed cell shows an execution count and the kernel is idle."""
        self.page.wait_for_function(
            """([cellSel, promptSel, idleSel, indices]) => {
                const cells = document.querySelectorAll(cellSel);
                const done = indices.every(i => cells[i] && /\\[\\d+\\]/.test(
                    (cells[i].querySelector('.jp-InputArea-prompt') || {}).textContent || ''));
                const busy = [...document.querySelectorAll(promptSel)].some(p => p.textContent.includes('*'));
                return done && !busy && document.querySelector(idleSel) !== null;
            }""",
            arg=[CELL, PROMPT, KERNEL_IDLE, code_indices],
            timeout=timeout_ms,
        )

    def run_all_from_clean(self, code_indices: list[int]) -> None:
        """Clear every output (so nothing saved can pass for fresh output), then Run All Cells."""
        self.menu("Edit", "Clear Outputs of All Cells")
        self.page.wait_for_function(
            "(s) => document.querySelectorAll(s).length === 0", arg=OUTPUT
        )
        for _ in range(2):  # a Run All sent while the kernel reconnects is lost: send it again
            self.menu("Run", "Run All Cells")
            try:
                self.page.wait_for_function(
                    """(s) => [...document.querySelectorAll(s)].some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))""",
                    arg=PROMPT,
                    timeout=20_000,
                )
                break
            except Exception as exc:  # playwright's TimeoutError
                if "Timeout" not in type(exc).__name__:
                    raise
        self.wait_until_executed(code_indices)

    def error_outputs(self) -> list[str]:
        texts = self.page.locator(STDERR_OUTPUT).all_text_contents()
        # textContent, not innerText: cells scrolled out of view are not laid out, and innerText skips them
        notebook_text = self.page.locator(f"{PANEL} .jp-Notebook").text_content() or ""
        for marker in ("Traceback", "Error displaying widget", "Failed to load model"):
            if marker in notebook_text:
                texts.append(f"page shows {marker!r}")
        return texts


def _code_cells(nb: dict[str, Any]) -> list[int]:
    return [i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code" and _source(c).strip()]


# ------------------------------------------------------------------------------------------
def test_lesson_slider_redraws_the_plot_without_errors(page: Any, lab_server: LabServer) -> None:
    nb = _require_notebook(lab_server, LESSON)
    lab = LabNotebook(page, lab_server, LESSON).open()
    lab.run_all_from_clean(_code_cells(nb))

    slider = page.locator(f"{PANEL} .widget-slider").first
    slider.wait_for(state="visible", timeout=60_000)
    explorer_cell = slider.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' jp-Cell ')][1]")
    image = explorer_cell.locator(".jp-OutputArea-output img").first
    image.wait_for(state="visible", timeout=60_000)
    assert lab.error_outputs() == [], "error output after Run All Cells"

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    stem = Path(LESSON).stem
    explorer_cell.scroll_into_view_if_needed()
    before_src = image.get_attribute("src")
    before_pixels = image.screenshot()
    explorer_cell.screenshot(path=str(ARTIFACTS / f"{stem}-before-slider.png"))

    handle = slider.locator(".noUi-handle").first
    at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
    readout = explorer_cell.locator(".widget-readout").first
    before_readout = readout.text_content()
    handle.focus()
    handle.press("Home" if at_max else "End")  # continuous_update=False: the release updates the plot

    page.wait_for_function(
        """([cell, old]) => {
            const img = cell.querySelector('.jp-OutputArea-output img');
            return img !== null && img.complete && img.naturalWidth > 0 && img.getAttribute('src') !== old;
        }""",
        arg=[explorer_cell.element_handle(), before_src],
        timeout=60_000,
    )
    lab.wait_until_executed(_code_cells(nb))
    image = explorer_cell.locator(".jp-OutputArea-output img").first
    after_pixels = image.screenshot()
    explorer_cell.screenshot(path=str(ARTIFACTS / f"{stem}-after-slider.png"))

    assert readout.text_content() != before_readout, "the slider's value did not change"
    assert image.get_attribute("src") != before_src, "the plot's image data did not change"
    assert after_pixels != before_pixels, "the plot's pixels did not change"
    assert lab.error_outputs() == [], "error output after moving the slider"


def _normalise(text: str) -> str:
    return " ".join(text.split())


def test_exercise_check_gives_feedback_on_a_typed_answer(
    page: Any, lab_server: LabServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rel = _exercise_path()
    nb = _require_notebook(lab_server, rel)
    cells = nb["cells"]
    check_i, found = next(
        ((i, m) for i, c in enumerate(cells) if c["cell_type"] == "code" for m in [CHECK_CALL.search(_source(c))] if m),
        (None, None),
    )
    assert check_i is not None and found is not None, f"{rel} has no check(\"id\", variable) cell"
    exercise_id, variable = found.groups()
    assigns = re.compile(rf"^\s*{re.escape(variable)}\s*=", re.MULTILINE)
    answer_i = next((i for i in range(check_i - 1, -1, -1) if assigns.search(_source(cells[i]))), None)
    assert answer_i is not None, f"no cell of {rel} assigns {variable} before its check cell"

    # What the checker says for each answer, computed here (throw-away progress file).
    monkeypatch.setenv("MGDLEARN_PROGRESS", str(tmp_path / "expected-progress.json"))
    from mgdlearn.exercises import check_result

    lab = LabNotebook(page, lab_server, rel).open()
    lab.run_all_from_clean(_code_cells(nb))
    check_cell = lab.cell(check_i)
    shown = (check_cell.locator(".jp-OutputArea").text_content() or "")
    assert "not answered" in shown.lower(), f"before an answer the check should say so; it shows {shown!r}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    for attempt, value in enumerate(EXERCISE_ANSWERS, start=1):
        expected = check_result(exercise_id, ast.literal_eval(value))
        typed = f"{variable} = {value}"
        editor = lab.cell(answer_i).locator(".cm-content")
        editor.click()
        page.keyboard.press("Control+A")
        page.keyboard.type(typed)
        assert (editor.text_content() or "").strip() == typed, "the answer cell does not hold what was typed"
        page.keyboard.press("Control+Enter")
        lab.wait_until_executed([answer_i])

        check_cell.locator(".jp-InputArea-prompt").click()  # select the check cell (command mode)
        page.keyboard.press("Control+Enter")
        page.wait_for_function(
            "([cell, old]) => { const o = cell.querySelector('.jp-OutputArea');"
            " return o && o.textContent.trim() && o.textContent !== old; }",
            arg=[check_cell.element_handle(), shown],
            timeout=60_000,
        )
        lab.wait_until_executed([answer_i, check_i])
        shown = (check_cell.locator(".jp-OutputArea").text_content() or "")
        check_cell.screenshot(path=str(ARTIFACTS / f"{Path(rel).stem}-{exercise_id}-attempt{attempt}.png"))

        feedback = _normalise(shown)
        assert _normalise(expected.message) in feedback, f"{typed}: feedback {feedback!r} lacks {expected.message!r}"
        if expected.correct:
            assert re.search(r"\bCorrect\b", feedback), f"{typed}: feedback {feedback!r} does not say Correct"
        else:
            assert "Correct." not in feedback and "Not yet" in feedback, f"{typed}: feedback {feedback!r}"
    assert lab.error_outputs() == [], "error output in the exercise notebook"
