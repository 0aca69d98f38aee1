"""Saved progress is never lost: atomic writes, two writers at once, corrupt files moved aside."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from mgdlearn import progress_store
from mgdlearn.progress_store import ProgressStore, ProgressWarning, default_progress_path

ROOT = Path(__file__).resolve().parents[1]


def _python(code: str, *args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


# ---------------------------------------------------------------------------------------------
# where
# ---------------------------------------------------------------------------------------------
def test_path_comes_from_the_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("MGDLEARN_PROGRESS", str(tmp_path / "mine.json"))
    assert default_progress_path() == tmp_path / "mine.json"


def test_default_path_is_in_the_per_user_data_directory(monkeypatch):
    import platformdirs

    monkeypatch.delenv("MGDLEARN_PROGRESS", raising=False)
    path = default_progress_path()
    assert path == Path(platformdirs.user_data_dir("mgdlearn", appauthor=False)) / "progress.json"


def test_saving_switched_off_gives_no_path_and_a_clear_error(monkeypatch):
    monkeypatch.setenv("MGDLEARN_PROGRESS", "off")
    assert default_progress_path() is None
    with pytest.raises(ValueError, match="switched off"):
        ProgressStore()


# ---------------------------------------------------------------------------------------------
# basic round trip
# ---------------------------------------------------------------------------------------------
def test_attempts_are_saved_in_order_with_verdicts(tmp_path):
    store = ProgressStore(tmp_path / "sub" / "progress.json")
    store.record("ex1.1", "incorrect", "'a'")
    store.record("ex1.1", "correct", "'b'")
    store.record("L1.2", "correct", "49.92")
    assert [(a.exercise, a.verdict, a.answer) for a in store.attempts()] == [
        ("ex1.1", "incorrect", "'a'"), ("ex1.1", "correct", "'b'"), ("L1.2", "correct", "49.92")]
    assert store.solved() == {"ex1.1", "L1.2"}
    assert len(store.attempts("ex1.1")) == 2


def test_missing_file_means_no_attempts_yet(tmp_path):
    assert ProgressStore(tmp_path / "none.json").attempts() == []


def test_record_refuses_non_text_ids(tmp_path):
    with pytest.raises(TypeError, match="two strings"):
        ProgressStore(tmp_path / "p.json").record(1.1, "correct")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# atomic write
# ---------------------------------------------------------------------------------------------
def test_failure_mid_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    store.record("ex1.1", "correct")
    before = path.read_bytes()

    def half_then_crash(obj, fh, **kw):
        fh.write(json.dumps(obj)[:20])
        raise OSError("disk full")

    monkeypatch.setattr(progress_store.json, "dump", half_then_crash)
    with pytest.raises(OSError, match="disk full"):
        store.record("ex1.2", "correct")
    assert path.read_bytes() == before
    assert not list(tmp_path.glob(".progress.json.*.tmp"))


def test_killed_mid_write_leaves_the_old_file_intact_and_the_next_write_cleans_up(tmp_path):
    path = tmp_path / "progress.json"
    ProgressStore(path).record("ex1.1", "correct")
    before = path.read_bytes()
    child = _python("""
        import json, sys, time
        from mgdlearn.progress_store import ProgressStore
        def stuck(obj, fh, **kw):
            fh.write(json.dumps(obj)[:30]); fh.flush()
            print("WRITING", flush=True)
            time.sleep(60)
        json.dump = stuck
        ProgressStore(sys.argv[1]).record("ex1.2", "correct")
    """, str(path))
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "WRITING"
        assert list(tmp_path.glob(".progress.json.*.tmp")), "the child should be mid-write"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert path.read_bytes() == before
    store = ProgressStore(path, lock_timeout_s=5)
    store.record("ex1.3", "correct")
    assert [a.exercise for a in store.attempts()] == ["ex1.1", "ex1.3"]
    assert not list(tmp_path.glob(".progress.json.*.tmp"))


# ---------------------------------------------------------------------------------------------
# two writers
# ---------------------------------------------------------------------------------------------
def test_two_processes_writing_200_attempts_each_lose_none(tmp_path):
    path = tmp_path / "progress.json"
    code = """
        import sys
        from mgdlearn.progress_store import ProgressStore
        store = ProgressStore(sys.argv[1], lock_timeout_s=60)
        for i in range(200):
            store.record(f"ex{sys.argv[2]}.{i % 9 + 1}", "correct" if i % 3 else "incorrect", str(i))
    """
    children = [_python(code, str(path), who) for who in ("1", "2")]
    for c in children:
        _, err = c.communicate(timeout=300)
        assert c.returncode == 0, err
    attempts = ProgressStore(path).attempts()
    assert len(attempts) == 400
    for who in ("1", "2"):
        mine = [int(a.answer) for a in attempts if a.exercise.startswith(f"ex{who}.")]
        assert mine == list(range(200))  # none lost, each writer's order kept


# ---------------------------------------------------------------------------------------------
# corruption
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]",
                                     b'{"format": "mgdlearn-progress", "version": 1, "attempts": [{"x": 1}]}', b""],
                         ids=["broken-json", "binary", "wrong-shape", "damaged-attempt", "empty"])
def test_corrupt_file_is_moved_aside_with_a_message_not_overwritten(tmp_path, content):
    path = tmp_path / "progress.json"
    path.write_bytes(content)
    messages: list[str] = []
    store = ProgressStore(path, on_message=messages.append)
    store.record("ex1.1", "correct")
    aside = tmp_path / "progress.corrupt-1.json"
    assert aside.read_bytes() == content
    assert len(messages) == 1 and str(aside) in messages[0] and "nothing was deleted" in messages[0]
    assert [a.exercise for a in store.attempts()] == ["ex1.1"]


def test_second_corruption_does_not_overwrite_the_first_one_set_aside(tmp_path):
    path = tmp_path / "progress.json"
    for n, junk in enumerate([b"junk one", b"junk two"], 1):
        path.write_bytes(junk)
        with pytest.warns(ProgressWarning, match=f"progress.corrupt-{n}.json"):
            ProgressStore(path).record("ex1.1", "correct")
    assert (tmp_path / "progress.corrupt-1.json").read_bytes() == b"junk one"
    assert (tmp_path / "progress.corrupt-2.json").read_bytes() == b"junk two"


def test_file_from_a_newer_version_is_left_untouched(tmp_path):
    path = tmp_path / "progress.json"
    newer = b'{"format": "mgdlearn-progress", "version": 99, "attempts": []}'
    path.write_bytes(newer)
    with pytest.raises(OSError, match="newer mgdlearn"):
        ProgressStore(path).record("ex1.1", "correct")
    assert path.read_bytes() == newer


def test_checker_reports_recovery_in_its_feedback(tmp_path):
    from mgdlearn.exercises.checker import Checker

    path = tmp_path / "progress.json"
    path.write_text("{oops")
    res = Checker(path).result("L1.1", "b")
    assert res.correct and any("could not be read" in n for n in res.notes)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder_still_shows_saved_progress(tmp_path):
    path = tmp_path / "ro" / "progress.json"
    ProgressStore(path).record("L1.1", "correct")
    (tmp_path / "ro" / "progress.json.lock").unlink()
    os.chmod(tmp_path / "ro", 0o555)
    try:
        assert [a.exercise for a in ProgressStore(path).attempts()] == ["L1.1"]
    finally:
        os.chmod(tmp_path / "ro", 0o755)


def test_writes_are_fast_enough_for_a_classroom(tmp_path):
    store = ProgressStore(tmp_path / "p.json")
    start = time.perf_counter()
    for i in range(50):
        store.record("ex1.1", "incorrect", str(i))
    assert (time.perf_counter() - start) / 50 < 0.25  # generous: CI disks and shared cores


def test_the_store_imports_nothing_from_the_exercises():
    """Storage sits below the exercises: no import circle with the checker."""
    import subprocess
    import sys

    code = "import sys, mgdlearn.progress_store; print([m for m in sys.modules if m.startswith('mgdlearn.exercises')])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"
