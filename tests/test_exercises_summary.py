"""How far a student is: the per-lesson summary that ``mgdlearn.progress()`` and ``mgdlearn progress`` show."""
from __future__ import annotations

import shutil
from pathlib import Path

from mgdlearn.exercises import bank, summary
from mgdlearn.exercises.summary import format_progress, progress_table
from mgdlearn.progress_store import ProgressStore

DATA = Path(__file__).resolve().parent / "data"


def test_format_progress_counts_solved_exercises_per_lesson(tmp_path):
    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    store.record("L1.1", "incorrect")
    store.record("L1.1", "correct")
    store.record("L1.1", "correct")
    checks = next(len(c.ids) for c in bank.collections() if c.module == "lesson01")
    exercises = next(len(c.ids) for c in bank.collections() if c.module == "ex01")
    text = format_progress(path)
    row = next(line for line in text.splitlines() if line.startswith("1 "))
    assert row.split()[-3:] == [f"1/{checks}", f"0/{exercises}", "3"]
    assert f"Progress file: {path}" in text


def test_progress_prints_a_table_outside_jupyter(tmp_path, capsys):
    summary.progress(tmp_path / "p.json")
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["Lesson", "Title", "Concept", "checks", "Exercises", "Attempts"]


def test_progress_view_has_an_html_table(tmp_path):
    bundle = summary.ProgressView(tmp_path / "p.json")._repr_mimebundle_()
    assert "<table" in bundle["text/html"] and bundle["text/plain"].startswith("Lesson")


def test_format_progress_when_saving_is_off(monkeypatch):
    monkeypatch.setenv("MGDLEARN_PROGRESS", "off")
    assert "switched off" in format_progress()


def test_public_api_names_progress_and_check(tmp_path, monkeypatch, capsys):
    import mgdlearn

    monkeypatch.setenv("MGDLEARN_PROGRESS", str(tmp_path / "p.json"))
    assert mgdlearn.progress is summary.progress
    assert mgdlearn.check("L1.1", "b") is None
    mgdlearn.progress()
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("1 "))
    assert row.split()[-3].startswith("1/")


def test_a_progress_file_written_by_mgdlearn_0_1_is_still_read(tmp_path):
    """``tests/data/progress_written_by_v0_1.json`` was saved by the checker before the summary moved
    out of the store: ten attempts over lessons 0, 1, 2, 5 and the old case study (ex6.10)."""
    path = tmp_path / "progress.json"
    shutil.copy(DATA / "progress_written_by_v0_1.json", path)
    attempts = ProgressStore(path).attempts()
    assert [(a.exercise, a.verdict) for a in attempts[:3]] == [
        ("L1.1", "incorrect"), ("L1.1", "correct"), ("L1.2", "correct")]
    assert all(a.time.startswith("2026-") and a.answer for a in attempts)
    rows = {r.lesson: r for r in progress_table(path)}
    assert (rows[1].checks_done, rows[1].exercises_done, rows[1].attempts) == (2, 2, 6)
    assert (rows[0].checks_done, rows[0].attempts) == (0, 1)  # an invalid answer is an attempt, not a solve
    assert (rows[2].exercises_done, rows[5].checks_done) == (1, 1)
    # ex6.10 belonged to the case study that moved to exercises/08 (ids caseK.N): the attempt stays in
    # the file but no row counts it (tests/test_progress_of_removed_exercises.py)
    assert [a.exercise for a in attempts].count("ex6.10") == 1
    assert sum(r.attempts for r in rows.values()) == 9
    text = format_progress(path)
    assert text.splitlines()[0].split() == ["Lesson", "Title", "Concept", "checks", "Exercises", "Attempts"]
    assert "1       The vitamin D activation pathway  2/" in text
    # and the old file takes new attempts without losing the old ones
    ProgressStore(path).record("ex1.2", "correct", "'CYP27B1'")
    assert len(ProgressStore(path).attempts()) == 11
