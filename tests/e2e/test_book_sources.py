"""How the book adapts the notebooks (no browser): explorers, concept checks, launch links, quizzes."""
from __future__ import annotations

import base64
import html
import json
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from ._support import REPO_ROOT, require_module

LESSON_01 = "lessons/01_activation_pathway.ipynb"


def _nb(rel: str) -> dict:
    return json.loads((REPO_ROOT / rel).read_text(encoding="utf-8"))


def _html(cell: dict) -> str:
    return "".join("".join(o.get("data", {}).get("text/html", "")) for o in cell.get("outputs", []))


def test_explorers_become_launch_notes_and_checks_become_quizzes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MGDLEARN_HUB_URL", raising=False)
    from book.build import WIDGET_MIME, adapt_notebook

    book = adapt_notebook(_nb(LESSON_01), LESSON_01)
    outputs = [o for c in book["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]
    assert not any(WIDGET_MIME in o.get("data", {}) for o in outputs), "a live widget output is left"
    notes = [c for c in book["cells"] if "mgdlearn-explorer-note" in _html(c)]
    assert len(notes) == 1 and "figure below" in _html(notes[0])
    quizzes = {m.group(1): c for c in book["cells"] for m in [re.search(r'data-exercise="([^"]+)"', _html(c))] if m}
    assert set(quizzes) == {"L1.1", "L1.2", "L1.4"}, "multiple choice and numeric checks are quizzes"
    assert all("remove-input" in c["metadata"]["tags"] for c in quizzes.values())
    l13 = next(c for c in book["cells"] if 'check("L1.3"' in "".join(c.get("source", "")))
    assert "needs a running Python kernel" in _html(l13), "a short answer says where it can be checked"
    # every notebook page starts with a launch line
    assert "mybinder.org" in "".join(book["cells"][1]["source"])


def test_hub_link_is_the_nbgitpuller_link_when_the_hub_is_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MGDLEARN_HUB_URL", "https://hub.example.org")
    from book.build import launch_html

    links = re.findall(r'href="([^"]+)"', launch_html(LESSON_01).replace("&amp;", "&"))
    hub = next(u for u in links if u.startswith("https://hub.example.org/hub/user-redirect/git-pull"))
    query = parse_qs(urlsplit(hub).query)
    assert query["urlpath"][0].endswith(LESSON_01) and query["repo"][0].startswith("https://github.com/")
    monkeypatch.delenv("MGDLEARN_HUB_URL")
    assert len(re.findall(r"href=", launch_html(LESSON_01))) == 1, "no hub link without MGDLEARN_HUB_URL"


def test_every_lesson_quiz_has_one_right_option_and_the_checkers_words(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("MGDLEARN_PROGRESS", str(tmp_path / "progress.json"))
    from book.quizzes import quiz_for, quiz_html
    from mgdlearn.exercises import check_result
    from mgdlearn.exercises.bank import collections

    ids = [i for c in collections() if c.kind == "concept checks" for i in c.ids]
    made = 0
    for exercise_id in ids:
        quiz = quiz_for(exercise_id)  # also verifies numeric intervals against the checker
        if quiz is None:
            continue
        made += 1
        blob = re.search(r'data-questions="([^"]+)"', quiz_html(exercise_id)).group(1)
        assert json.loads(base64.b64decode(blob).decode("utf-8")) == [quiz]
        if quiz["type"] == "multiple_choice":
            right = [a for a in quiz["answers"] if a["correct"]]
            assert len(right) == 1
            key = right[0]["answer"].split(")")[0]
            assert check_result(exercise_id, key).correct
            for a in quiz["answers"]:
                message = check_result(exercise_id, a["answer"].split(")")[0]).message
                assert html.escape(message) in a["feedback"]
    assert made >= 18, f"only {made} of {len(ids)} lesson checks became quizzes"


def test_bibliography_page_lists_every_reference() -> None:
    from book.build import bibliography_page
    from mgdlearn.bibliography import REFERENCES

    page = bibliography_page()
    assert all(f"**[{key}]**" in page for key in REFERENCES)


def test_jupyterquiz_is_vendored_from_the_installed_package(tmp_path) -> None:
    require_module("jupyterquiz", '-e ".[book]"')
    from book.build import vendor_jupyterquiz

    out = vendor_jupyterquiz(tmp_path)
    js = (out / "jupyterquiz.js").read_text()
    assert "function show_questions" in js and "check_mc" in js and "check_numeric" in js
    assert (out / "styles.css").read_text().strip()
    assert "cdn" not in unquote(js.split("MathJax")[0]).lower()
