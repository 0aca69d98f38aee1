"""A class on one hub, reduced for CI: N students (``$MGDLEARN_CLASS_SIZE``, default 8) arrive two
seconds apart, each runs a lesson, makes 10 slider moves and checks 5 answers (see
:mod:`tests.e2e.class_load`, which also runs the full class of 30 from the command line).

No timing is asserted (the machine is shared; the figures are for docs/instructors.md): the run
must finish within its deadline with no error, every move and answer done, and every student's
server and kernels measured. The report goes to ``test-artifacts/class-load-N.{txt,json}``.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ._support import ARTIFACTS
from .class_load import format_report, run_class

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

STUDENTS = int(os.environ.get("MGDLEARN_CLASS_SIZE", "8"))
MOVES, ANSWERS = 10, 5


def test_a_class_works_through_a_lesson_on_one_hub_without_errors(tmp_path: Path) -> None:
    report = run_class(STUDENTS, base=tmp_path, stagger=2.0, moves=MOVES, answers=ANSWERS,
                       deadline=120 + 60 * STUDENTS, log_copy=ARTIFACTS / f"class-load-{STUDENTS}.log")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    text = format_report(report)
    (ARTIFACTS / f"class-load-{STUDENTS}.txt").write_text(text + "\n")
    (ARTIFACTS / f"class-load-{STUDENTS}.json").write_text(json.dumps(report, indent=1) + "\n")
    print(text)

    assert report["errors"] == [], "\n".join(report["errors"][:20])
    assert report["moves_done"] + report["moves_without_picture"] == STUDENTS * MOVES
    assert report["moves_done"] >= STUDENTS * MOVES * 0.7, "most moves should redraw a picture"
    assert report["answers_correct"] == STUDENTS * ANSWERS
    assert report["spawn_s"]["n"] == STUDENTS
    assert all(s["server_pid"] and s["done"] for s in report["students_detail"])
    assert report["memory_mb"]["lesson_kernel_rss"]["n"] == STUDENTS, "a lesson kernel was not measured"
    assert report["memory_mb"]["exercise_kernel_rss"]["n"] == STUDENTS, "an exercise kernel was not measured"
    assert report["memory_mb"]["total_pss"] > 0
