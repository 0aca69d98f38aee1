"""Instructors can grade the exercises with the standard nbgrader workflow.

For each assignment, in a temporary course directory: ``generate_assignment`` makes the student
version (no solution text, no hidden tests), ``autograde`` gives the instructor solution full marks
and the unanswered student version zero, and ``generate_feedback`` writes feedback.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "exercises" / "solutions"
ASSIGNMENTS = sorted(p.name for p in SOLUTIONS.iterdir() if p.is_dir() and p.name.startswith("ex"))


def test_repository_nbgrader_config_points_at_the_instructor_notebooks():
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    source = Path(config.CourseDirectory.source_directory)
    assert source == SOLUTIONS and source.is_dir()
    assert ASSIGNMENTS == sorted(f"ex{p.name[:2]}" for p in (ROOT / "exercises" / "source").glob("[0-9][0-9]_*.py"))
    assert "ex08" in ASSIGNMENTS, "the case studies are an assignment"
    assert config.CourseDirectory.course_id == "mgdlearn"
    assert Path(config.Exchange.root).is_relative_to(ROOT / "nbgrader_work")


def _solution_lines(notebook: Path) -> list[str]:
    import nbformat

    lines = []
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type == "code" and "### BEGIN SOLUTION" in cell.source:
            region = cell.source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
            lines += [line.strip() for line in region.splitlines() if len(line.strip()) > 12]
    return lines


#: ex4.8 (3 points) has no answer in model v2 until its authors give it new numbers (issue 13;
#: see V1_PREMISE in test_exercises_bank.py), so the ex04 solution cannot score full marks yet.
_V1_PREMISE = {"ex04": "ex4.8 needs new numbers for model v2 (issue 13)"}


@pytest.mark.slow
@pytest.mark.parametrize("assignment", [pytest.param(a, marks=pytest.mark.xfail(reason=_V1_PREMISE[a], strict=False))
                                        if a in _V1_PREMISE else a for a in ASSIGNMENTS])
def test_nbgrader_round_trip_gives_full_marks_to_the_solution_and_zero_to_a_blank_copy(
        assignment, tmp_path, monkeypatch):
    import nbformat
    from nbgrader.api import Gradebook
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

    # nbgrader runs the `alembic` command of its environment; kernels must not touch real progress.
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    monkeypatch.setenv("MGDLEARN_PROGRESS", "off")
    root = tmp_path / "course"
    shutil.copytree(SOLUTIONS / assignment, root / "source" / assignment)
    c = Config()
    c.CourseDirectory.course_id = "mgdlearn-test"
    c.CourseDirectory.root = str(root)
    c.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"
    c.Exchange.root = str(tmp_path / "exchange")
    (tmp_path / "exchange").mkdir()
    c.ExecutePreprocessor.timeout = 300
    api = NbGraderAPI(coursedir=CourseDirectory(config=c), config=c)

    result = api.generate_assignment(assignment, force=True, create=True)
    assert result["success"], result.get("log", "") + result.get("error", "")
    (notebook,) = sorted((root / "source" / assignment).glob("*.ipynb"))
    released = root / "release" / assignment / notebook.name
    release_cells = nbformat.read(released, as_version=4).cells
    release_text = "\n".join(c.source for c in release_cells)
    assert "BEGIN SOLUTION" not in release_text and "HIDDEN TESTS" not in release_text
    assert "assert grade(" not in release_text
    release_code = "\n".join(c.source for c in release_cells if c.cell_type == "code")  # prompts may show scaffolds
    leaked = [line for line in _solution_lines(notebook) if line in release_code]
    assert not leaked, f"solution text in the student version: {leaked}"

    for student, copy_from in (("instructor", notebook), ("blank", released)):
        target = root / "submitted" / student / assignment
        target.mkdir(parents=True)
        shutil.copy(copy_from, target / notebook.name)
        result = api.autograde(assignment, student, force=True, create=True)
        assert result["success"], result.get("log", "") + result.get("error", "")

    with Gradebook(c.CourseDirectory.db_url, c.CourseDirectory.course_id) as gb:
        full = gb.find_submission(assignment, "instructor")
        blank = gb.find_submission(assignment, "blank")
        assert full.max_score > 0
        assert full.score == full.max_score, f"solution scored {full.score} of {full.max_score}"
        assert blank.score == 0

    result = api.generate_feedback(assignment, "instructor", force=True)
    assert result["success"], result.get("log", "")
    assert list((root / "feedback" / "instructor" / assignment).glob("*.html"))
