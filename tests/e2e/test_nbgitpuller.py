"""nbgitpuller for real: the course reaches a student through an ``mgdlearn nbgitpuller-link`` link,
an update reaches them again, and their answers stay.

On the loopback hub of :mod:`tests.e2e.localhub` (students' servers from ``.venv-lab``, which has
nbgitpuller from PyPI), the course is served from a bare git repository made from this checkout
(``file:///…/mgdlearn.git``). A student opens the link in Chromium (Playwright, Debian's
/usr/bin/chromium), logs in, lands on the start notebook, answers exercise 1.1 and saves; the
instructor pushes a change to a lesson and to the exercise notebook's introduction; the student
opens the link again: the change arrives and the answer is kept (nbgitpuller's merge).

The conflict case (the instructor changes the very line of a cell the student changed) is
:func:`test_conflicting_edit_keeps_the_students_line_and_merges_the_rest`, through nbgitpuller's
own API (the one its "synchronizing" page calls), so what docs/instructors.md says is tested.
"""
from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from ._support import ARTIFACTS, venv_script
from .localhub import COURSE_DIR, LocalHub, git, git_pull, make_course_repo, pip_version

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

USER = "student1"
START = "lessons/00_start_here.ipynb"
EXERCISE = "exercises/01_activation_and_units.ipynb"
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
CELL = f"{PANEL} .jp-Notebook .jp-Cell"
KERNEL_IDLE = f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']"
LESSON_UPDATE = "Update for week 2: the lesson on calcitriol's feedback now starts with a recap."
EXERCISE_UPDATE = "Update for week 2: question 1.9 has a clearer unit."


def _link(hub: LocalHub, repo: str, path: str | None = None) -> str:
    """The link the instructor posts, printed by the real command."""
    cmd = [str(venv_script("mgdlearn")), "nbgitpuller-link", "--hub", hub.base_url, "--repo", repo]
    if path:
        cmd += ["--path", path]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()


def _edit_cell(path: Path, index: int, edit: Any) -> None:
    """Change one cell's source the way an editor does (nbformat writes what JupyterLab writes)."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    nb.cells[index].source = edit(nb.cells[index].source)
    nbformat.write(nb, path)


def _cell_index(nb_path: Path, pattern: str) -> int:
    cells = json.loads(nb_path.read_text(encoding="utf-8"))["cells"]
    return next(i for i, c in enumerate(cells) if re.search(pattern, "".join(c["source"])))


def _push(instructor: Path, message: str) -> None:
    git("commit", "-q", "-am", message, cwd=instructor)
    git("push", "-q", "origin", "main", cwd=instructor)


def _wait_for_notebook(page: Any, hub: LocalHub, rel: str, timeout_ms: int = 180_000) -> None:
    """Wait until JupyterLab shows ``rel`` with a connected, idle kernel."""
    page.wait_for_url(re.compile(rf"/user/{USER}/lab/tree/{re.escape(COURSE_DIR + '/' + rel)}"), timeout=timeout_ms)
    page.locator(CELL).first.wait_for(state="visible", timeout=timeout_ms)
    page.locator(KERNEL_IDLE).first.wait_for(state="attached", timeout=timeout_ms)
    deadline, stable = time.monotonic() + 60, 0
    while time.monotonic() < deadline and stable < 2:
        sessions = [s for s in hub.user_api(USER, "GET", "sessions") if s.get("path") == f"{COURSE_DIR}/{rel}"]
        kernel = hub.user_api(USER, "GET", f"kernels/{sessions[0]['kernel']['id']}") if len(sessions) == 1 else {}
        ok = kernel.get("connections", 0) >= 1 and kernel.get("execution_state") == "idle"
        stable = stable + 1 if ok else 0
        time.sleep(0.5)
    assert stable >= 2, f"no stable, connected kernel for {rel}"


def _run_cell(page: Any, index: int) -> None:
    cell = page.locator(CELL).nth(index)
    cell.locator(".jp-InputArea-prompt").click()  # select the cell (command mode)
    page.keyboard.press("Control+Enter")
    page.wait_for_function(
        "([cell]) => /\\[\\d+\\]/.test((cell.querySelector('.jp-InputArea-prompt') || {}).textContent || '')",
        arg=[cell.element_handle()], timeout=120_000,
    )


def test_link_delivers_the_course_and_an_update_keeps_the_students_answers(
    local_hub: LocalHub, browser: Any, tmp_path: Path
) -> None:
    hub = local_hub
    bare, instructor = make_course_repo(tmp_path / "git")
    repo = bare.as_uri()
    home = hub.home_root / USER / COURSE_DIR
    context = browser.new_context(viewport={"width": 1400, "height": 1200})
    context.set_default_timeout(60_000)
    page = context.new_page()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        # 1. The student opens the link, logs in, and lands on the start notebook.
        page.goto(_link(hub, repo))
        page.fill("input[name=username]", USER)
        page.fill("input[name=password]", hub.password)
        page.click("#login_submit")
        _wait_for_notebook(page, hub, START)
        assert (home / ".git").is_dir() and (home / START).is_file(), "nbgitpuller did not clone the course"
        page.screenshot(path=str(ARTIFACTS / "nbgitpuller-first-open.png"))

        # 2. They open exercise 1 (its own link), answer question 1.1, check it and save.
        page.goto(_link(hub, repo, EXERCISE))
        _wait_for_notebook(page, hub, EXERCISE)
        nb_path = home / EXERCISE
        answer_i = _cell_index(nb_path, r"^answer_1_1 = None")
        _run_cell(page, _cell_index(nb_path, r"from mgdlearn\.exercises import check"))
        editor = page.locator(CELL).nth(answer_i).locator(".cm-content")
        editor.click()
        page.keyboard.press("Control+A")
        page.keyboard.type('answer_1_1 = "b"')
        _run_cell(page, answer_i)
        check_cell = page.locator(CELL).nth(answer_i + 1)
        _run_cell(page, answer_i + 1)
        check_cell.locator(".jp-OutputArea", has_text="Correct").wait_for(timeout=60_000)
        page.keyboard.press("Control+s")
        deadline = time.monotonic() + 30
        while 'answer_1_1 = \\"b\\"' not in nb_path.read_text(encoding="utf-8") and time.monotonic() < deadline:
            time.sleep(0.25)
        assert 'answer_1_1 = \\"b\\"' in nb_path.read_text(encoding="utf-8"), "the answer was not saved"
        check_cell.screenshot(path=str(ARTIFACTS / "nbgitpuller-answer-before-update.png"))

        # 3. The instructor changes the start lesson and the exercise's introduction, and pushes.
        _edit_cell(instructor / START, 0, lambda s: s + "\n\n" + LESSON_UPDATE)
        intro = _cell_index(instructor / EXERCISE, r"^#")
        _edit_cell(instructor / EXERCISE, intro, lambda s: s + "\n\n" + EXERCISE_UPDATE)
        _push(instructor, "Week 2 updates")

        # 4. The student opens the link again: the update arrives, the answer stays.
        page.goto(_link(hub, repo))
        _wait_for_notebook(page, hub, START)
        page.locator(f"{PANEL} .jp-Notebook", has_text=LESSON_UPDATE).wait_for(timeout=60_000)
        page.screenshot(path=str(ARTIFACTS / "nbgitpuller-after-update.png"))
        saved = nb_path.read_text(encoding="utf-8")
        assert 'answer_1_1 = \\"b\\"' in saved, "the student's answer was lost by the update"
        assert EXERCISE_UPDATE in saved, "the instructor's change to the exercise notebook did not arrive"
        assert LESSON_UPDATE in (home / START).read_text(encoding="utf-8")
        log = git("log", "--format=%s", cwd=home)
        assert "Week 2 updates" in log and "Automatic commit by nbgitpuller" in log, log

        # 5. The answer is what the student sees when they come back to the exercise.
        page.goto(f"{hub.base_url}/user/{USER}/lab/tree/{COURSE_DIR}/{EXERCISE}")
        _wait_for_notebook(page, hub, EXERCISE)
        shown = page.locator(CELL).nth(answer_i).locator(".cm-content").text_content() or ""
        assert shown.strip() == 'answer_1_1 = "b"', f"the answer cell shows {shown!r}"
        page.locator(CELL).nth(answer_i + 1).screenshot(path=str(ARTIFACTS / "nbgitpuller-answer-after-update.png"))
    except Exception:
        page.screenshot(path=str(ARTIFACTS / "nbgitpuller-failure.png"))
        raise
    finally:
        context.close()
    (ARTIFACTS / "nbgitpuller-version.txt").write_text(f"nbgitpuller {pip_version(hub.user_env, 'nbgitpuller')}\n")


def test_conflicting_edit_keeps_the_students_line_and_merges_the_rest(local_hub: LocalHub, tmp_path: Path) -> None:
    """The student and the instructor change the same line of a lesson cell (and the instructor a
    second cell): nbgitpuller merges with ``-Xours``, so the student's line wins, the instructor's
    other change arrives, no conflict markers, and the notebook stays valid."""
    import nbformat

    hub = local_hub
    bare, instructor = make_course_repo(tmp_path / "git")
    hub.spawn(USER)
    git_pull(hub, USER, bare.as_uri())
    home = hub.home_root / USER / COURSE_DIR
    lesson = "lessons/01_activation_pathway.ipynb"
    title = 0  # the lesson's title cell; its first line is the title
    student_title = "# My notes: the activation pathway"
    instructor_title = "# The activation pathway (revised)"
    other = _cell_index(instructor / lesson, r"^## ")

    # The student edits the title line and saves (through the server, as JupyterLab does).
    model = hub.user_api(USER, "GET", f"contents/{COURSE_DIR}/{lesson}")
    lines = model["content"]["cells"][title]["source"].split("\n")
    model["content"]["cells"][title]["source"] = "\n".join([student_title, *lines[1:]])
    hub.user_api(USER, "PUT", f"contents/{COURSE_DIR}/{lesson}",
                 json={"type": "notebook", "format": "json", "content": model["content"]})

    # The instructor changes the same line, and another cell, and pushes.
    _edit_cell(instructor / lesson, title, lambda s: "\n".join([instructor_title, *s.split("\n")[1:]]))
    _edit_cell(instructor / lesson, other, lambda s: s + "\n\n" + LESSON_UPDATE)
    _push(instructor, "Revise lesson 1")

    output = git_pull(hub, USER, bare.as_uri())
    merged = nbformat.read(home / lesson, as_version=4)
    nbformat.validate(merged)
    text = (home / lesson).read_text(encoding="utf-8")
    assert merged.cells[title].source.split("\n")[0] == student_title, "the student's line did not survive"
    assert instructor_title not in text, "both versions of the line are in the notebook"
    assert LESSON_UPDATE in merged.cells[other].source, "the instructor's other change did not arrive"
    assert "<<<<<<<" not in text and ">>>>>>>" not in text
    assert any("Merge made by" in line or "Auto-merging" in line for line in output), output
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "nbgitpuller-conflict.log").write_text(
        f"nbgitpuller {pip_version(hub.user_env, 'nbgitpuller')}\n" + "\n".join(output) + "\n")
