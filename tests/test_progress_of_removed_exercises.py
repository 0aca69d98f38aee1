"""Saved attempts at exercises that no longer exist: kept in the file, counted nowhere, never a crash.

The case study that was ``exercises/06_case_study.ipynb`` (ids ``ex6.1`` ... ``ex6.10``) moved to
``exercises/08_case_studies.ipynb`` with new questions and new ids (``case1.N``, ``case2.N``).
Students' progress files still hold their attempts at the old ids.
``tests/data/progress_with_old_case_study_attempts.json`` is such a file, as the checker wrote it
before the move: 16 attempts, 14 of them at ``ex6.N``.

The last test is a guard for later: the new lesson-6 exercise notebook takes the ``ex6.N`` ids again
with different questions (``notes/wave2-conventions.md`` §1). An old correct ``ex6.3`` (a unit
conversion) must not count as solving the new ``ex6.3``; on this branch no lesson-6 exercises exist,
and once they do, the course needs exercise revisions (attempts saved before an id changed meaning
are kept but not counted) for this test to keep passing.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mgdlearn.exercises import bank
from mgdlearn.exercises.checker import Checker
from mgdlearn.exercises.summary import format_progress, progress_table
from mgdlearn.progress_store import ProgressStore

DATA = Path(__file__).resolve().parent / "data"
OLD_IDS = [f"ex6.{n}" for n in range(1, 11)]


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    path = tmp_path / "progress.json"
    shutil.copy(DATA / "progress_with_old_case_study_attempts.json", path)
    return path


def _old(attempts) -> list:
    return [a for a in attempts if a.exercise in OLD_IDS]


def test_the_file_holds_attempts_at_every_old_case_study_id(old_file):
    attempts = ProgressStore(old_file).attempts()
    assert len(attempts) == 16
    assert sorted({a.exercise for a in _old(attempts)}, key=lambda i: int(i.split(".")[1])) == OLD_IDS
    assert sum(a.verdict == "correct" for a in _old(attempts)) == 10


def test_the_old_ids_are_gone_from_the_bank_and_checking_one_says_so(old_file, capsys):
    known = {i for c in bank.collections() for i in c.ids}
    assert not known & set(OLD_IDS) or any(c.lesson == 6 for c in bank.collections()), \
        "only a new lesson-6 notebook may bring ex6.N ids back"
    if not known & set(OLD_IDS):
        with pytest.raises(ValueError, match="There is no exercise 'ex6.3'"):
            bank.get("ex6.3")
    before = old_file.read_bytes()
    Checker(old_file).check("ex6.3", 0.617)           # what an old copy of the notebook would run
    out = capsys.readouterr().out
    assert "Traceback" not in out and "ex6.3" in out
    if not known & set(OLD_IDS):
        assert old_file.read_bytes() == before, "an unknown id is not saved as an attempt"


def test_reading_progress_changes_nothing_and_does_not_crash(old_file, capsys, monkeypatch):
    from mgdlearn import cli

    before = old_file.read_bytes()
    rows = progress_table(old_file)
    text = format_progress(old_file)
    monkeypatch.setenv("MGDLEARN_PROGRESS", str(old_file))
    assert cli.main(["progress"]) == 0
    assert capsys.readouterr().out.strip() == text
    assert rows and text.splitlines()[0].split()[0] == "Lesson"
    assert old_file.read_bytes() == before, "reading progress never rewrites the file"


def test_new_attempts_are_appended_and_every_old_attempt_is_kept(old_file):
    checker = Checker(old_file)
    assert checker.result("case1.7", "b").correct
    assert checker.result("ex1.2", "CYP27B1").correct
    attempts = ProgressStore(old_file).attempts()
    assert len(attempts) == 18 and len(_old(attempts)) == 14
    assert [a.exercise for a in attempts[-2:]] == ["case1.7", "ex1.2"]
    rows = {r.lesson: r for r in progress_table(old_file)}
    assert rows[8].exercises_done == 1 and rows[8].attempts == 1        # the case studies count their own ids


def test_no_row_counts_the_old_case_study_attempts(old_file):
    """Guard: the old ``ex6.N`` attempts count for no exercise, now or once lesson 6 brings ``ex6.N`` back."""
    attempts = ProgressStore(old_file).attempts()
    rows = progress_table(old_file)
    assert sum(r.attempts for r in rows) == len(attempts) - len(_old(attempts))
    assert sum(r.exercises_done + r.checks_done for r in rows) == 2          # L1.1 and ex1.1, nothing else
    assert all(r.exercises_done == 0 and r.attempts == 0 for r in rows if r.lesson == 6)
