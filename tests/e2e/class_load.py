"""A class on one hub: N students arrive (staggered), each runs a lesson, moves sliders, checks answers.

Everything runs on loopback: the hub of :mod:`tests.e2e.localhub` (students' servers from
``.venv-lab``), the course in a bare git repository made from this checkout. Each student, in a
thread of their own, starting ``stagger`` seconds after the one before:

1. gets a server (``POST /hub/api/users/NAME/server``, timed until it is ready: *spawn time*);
2. pulls the course with nbgitpuller (its API, as the link's page does);
3. opens a lesson (lessons 01-05 in turn, so every explorer is used) and runs it top to bottom in a
   kernel, over the kernel websocket, as JupyterLab does;
4. makes ``moves`` slider moves on the lesson's first explorer, its sliders in turn: a widget
   ``comm_msg`` "update", exactly what the browser sends, timed until the kernel is idle again with
   the new picture sent (*move latency*, over the moves that redraw: a slider only a button reads,
   such as the meal planner's "Sun and other sources", redraws nothing and is counted apart);
5. opens the matching exercise notebook, runs its first cell (the imports) and checks ``answers``
   answers (the instructor solutions), each of which must say "Correct";
6. keeps both notebooks open until every student is done, so memory is measured with the whole
   class on the hub at once (RSS, USS and PSS of each server and kernel, from /proc).

Run it (from the repository root, in the test environment)::

    .venv/bin/python -m tests.e2e.class_load --students 30 --json test-artifacts/class-load-30.json

``tests/e2e/test_class_load.py`` runs it with 8 students inside ``make test``. Loopback only;
bounded by ``--deadline`` seconds; it stops admitting students when the machine's available
memory falls below ``--min-free-mb`` (counted as an error), so it cannot starve the machine.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ._support import REPO_ROOT
from .localhub import (
    COURSE_DIR,
    KernelSession,
    LocalHub,
    git_pull,
    lab_venv,
    make_course_repo,
    next_slider_value,
    pip_version,
    solution_answers,
)

LESSONS = [
    ("lessons/01_activation_pathway.ipynb", "exercises/01_activation_and_units.ipynb", "ex01"),
    ("lessons/02_magnesium_beyond_activation.ipynb", "exercises/02_magnesium_beyond_activation.ipynb", "ex02"),
    ("lessons/03_bidirectional_loop.ipynb", "exercises/03_the_bidirectional_loop.ipynb", "ex03"),
    ("lessons/04_when_magnesium_runs_short.ipynb", "exercises/04_when_magnesium_runs_short.ipynb", "ex04"),
    ("lessons/05_keeping_both_in_balance.ipynb", "exercises/05_keeping_both_in_balance.ipynb", "ex05"),
]
CORRECT = re.compile(r"\bCorrect\b")


@dataclass
class Student:
    """What one student did and met."""

    name: str
    lesson: str
    exercise: str
    spawn_s: float = 0.0
    pull_s: float = 0.0
    lesson_run_s: float = 0.0
    moves_ms: list[float] = field(default_factory=list)  # moves that sent a new picture
    moves_without_picture: list[str] = field(default_factory=list)  # sliders whose move redraws nothing
    move_kernel_cpu_ms: float = 0.0  # the lesson kernel's CPU time over all moves
    checks_ms: list[float] = field(default_factory=list)
    correct: int = 0
    errors: list[str] = field(default_factory=list)
    server_pid: int = 0
    kernel_ids: dict[str, str] = field(default_factory=dict)  # "lesson"/"exercise" -> kernel id
    done: bool = False


def _kernel_pid(server_pid: int, kernel_id: str) -> int | None:
    """The kernel process of ``kernel_id`` among the server's children (its connection file names it)."""
    import psutil

    try:
        for child in psutil.Process(server_pid).children(recursive=True):
            if any(kernel_id in part for part in child.cmdline()):
                return child.pid
    except psutil.Error:
        pass
    return None


def _cpu_ms(pid: int | None) -> float:
    import psutil

    if pid is None:
        return 0.0
    try:
        t = psutil.Process(pid).cpu_times()
        return (t.user + t.system) * 1000.0
    except psutil.Error:
        return 0.0


def _memory(pid: int) -> dict[str, float]:
    """RSS, USS, PSS and peak RSS (VmHWM) of a process, in MB."""
    import psutil

    proc = psutil.Process(pid)
    full = proc.memory_full_info()
    status = Path(f"/proc/{pid}/status").read_text()
    hwm = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]
    return {"rss_mb": full.rss / 2**20, "uss_mb": full.uss / 2**20, "pss_mb": getattr(full, "pss", 0) / 2**20,
            "peak_mb": hwm}


def _mem_available_mb() -> float:
    text = Path("/proc/meminfo").read_text()
    return int(re.search(r"MemAvailable:\s+(\d+)", text).group(1)) / 1024  # type: ignore[union-attr]


def _one_student(hub: LocalHub, student: Student, repo: str, moves: int, answers: list[tuple[str, str]],
                 release: threading.Event, hold_timeout: float) -> None:
    sessions: list[KernelSession] = []
    try:
        student.spawn_s = hub.spawn(student.name)
        student.server_pid = hub.server_pid(student.name)
        started = time.perf_counter()
        git_pull(hub, student.name, repo)
        student.pull_s = time.perf_counter() - started

        lesson = KernelSession(hub, student.name, f"{COURSE_DIR}/{student.lesson}")
        sessions.append(lesson)
        student.kernel_ids["lesson"] = lesson.kernel_id
        started = time.perf_counter()
        for reply in lesson.run_notebook():
            student.errors += [f"lesson cell: {e}" for e in reply.errors()]
        student.lesson_run_s = time.perf_counter() - started

        explorers = lesson.explorers()
        if not explorers:
            student.errors.append(f"{student.lesson} showed no explorer with a slider")
        # The moves go to the lesson's first explorer, its sliders in turn (as a student tries it).
        sliders = [(cid, lesson.widgets[cid]) for cid in (explorers[0] if explorers else [])]
        kernel_pid = _kernel_pid(student.server_pid, lesson.kernel_id)
        cpu_before = _cpu_ms(kernel_pid)
        for k in range(moves if sliders else 0):
            comm_id, state = sliders[k % len(sliders)]
            reply = lesson.move(comm_id, next_slider_value(state, k // len(sliders)))
            student.errors += [f"move {k}: {e}" for e in reply.errors()]
            redrawn = [m for m in reply.messages
                       if (m["header"]["msg_type"] == "comm_msg" and m["content"].get("comm_id") != comm_id)
                       or m["header"]["msg_type"] in ("display_data", "update_display_data", "clear_output")]
            if redrawn:
                student.moves_ms.append(reply.seconds * 1000.0)
            else:  # a slider read by a button only (the meal planner's "Sun and other sources (model)")
                student.moves_without_picture.append(str(state.get("description")))
        if moves and not student.moves_ms:
            student.errors.append(f"none of {moves} moves in {student.lesson} sent a new picture")
        student.move_kernel_cpu_ms = _cpu_ms(kernel_pid) - cpu_before

        exercise = KernelSession(hub, student.name, f"{COURSE_DIR}/{student.exercise}")
        sessions.append(exercise)
        student.kernel_ids["exercise"] = exercise.kernel_id
        stored = hub.user_api(student.name, "GET", f"contents/{COURSE_DIR}/{student.exercise}")
        first = next(c for c in stored["content"]["cells"] if c["cell_type"] == "code")  # the notebook's imports
        setup = exercise.execute("".join(first["source"]) if isinstance(first["source"], list) else first["source"])
        student.errors += [f"exercise set-up: {e}" for e in setup.errors()]
        for answer, check in answers:
            exercise.execute(answer)
            reply = exercise.execute(check)
            student.checks_ms.append(reply.seconds * 1000.0)
            student.errors += [f"check: {e}" for e in reply.errors()]
            shown = reply.text()
            if CORRECT.search(shown) and "Not yet" not in shown:
                student.correct += 1
            else:
                student.errors.append(f"{check!r} did not say Correct: {shown[:200]!r}")
        student.done = True
        if not release.wait(hold_timeout):
            student.errors.append("held open past the deadline")
    except Exception as exc:  # every failure of a student counts as an error of the run
        student.errors.append(f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}")
        student.done = True
    finally:
        for session in sessions:
            try:
                session.close()
            except Exception as exc:
                student.errors.append(f"closing {session.path}: {exc}")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else float("nan")


def _summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}
    return {"n": len(values), "median": round(statistics.median(values), 1), "p95": round(_percentile(values, 0.95), 1),
            "max": round(max(values), 1)}


class _Sampler(threading.Thread):
    """Every second: available memory, load average, and the summed RSS/PSS of the hub's processes."""

    def __init__(self, hub: LocalHub) -> None:
        super().__init__(daemon=True)
        self.hub, self.stop_event = hub, threading.Event()
        self.min_available_mb = _mem_available_mb()
        self.max_load1 = os.getloadavg()[0]
        self.max_rss_mb = 0.0

    def run(self) -> None:
        while not self.stop_event.wait(1.0):
            self.min_available_mb = min(self.min_available_mb, _mem_available_mb())
            self.max_load1 = max(self.max_load1, os.getloadavg()[0])
            total = 0.0
            for proc in self.hub.processes():
                try:
                    total += proc.memory_info().rss / 2**20
                except Exception:
                    pass
            self.max_rss_mb = max(self.max_rss_mb, total)


def run_class(students: int, *, base: Path, stagger: float = 2.0, moves: int = 10, answers: int = 5,
              deadline: float = 1800.0, min_free_mb: float = 1500.0, log_copy: Path | None = None) -> dict[str, Any]:
    """Run the class scenario (see the module docstring); return the report as a dict."""
    from benchmarks.suite import machine_reference_ms

    reference_before = machine_reference_ms()
    load_before = os.getloadavg()
    available_before = _mem_available_mb()
    bare, _ = make_course_repo(base / "git")
    repo = bare.as_uri()
    solutions = {key: solution_answers(next((REPO_ROOT / "exercises" / "solutions" / key).glob("*.ipynb")), answers)
                 for _, _, key in LESSONS}
    hub = LocalHub(base / "hub", lab_venv(), spawn_timeout=int(min(deadline, 600)))
    roster = [Student(f"student{i + 1:02d}", LESSONS[i % len(LESSONS)][0], LESSONS[i % len(LESSONS)][1])
              for i in range(students)]
    release = threading.Event()
    errors: list[str] = []
    leftovers: list[int] = []
    started = time.monotonic()
    memory: dict[str, Any] = {}
    sampler = _Sampler(hub)
    try:
        hub.start()
        sampler.start()
        threads = []
        for i, student in enumerate(roster):
            key = LESSONS[i % len(LESSONS)][2]
            if len(solutions[key]) < answers:
                student.errors.append(f"only {len(solutions[key])} answers found in the {key} solutions")
            if _mem_available_mb() < min_free_mb:
                student.errors.append(f"not admitted: the machine had less than {min_free_mb:.0f} MB available")
                student.done = True
                continue
            thread = threading.Thread(target=_one_student, name=student.name, daemon=True,
                                      args=(hub, student, repo, moves, solutions[key], release, deadline))
            thread.start()
            threads.append(thread)
            time.sleep(stagger)
        while not all(s.done for s in roster):
            if time.monotonic() - started > deadline:
                errors.append(f"the class did not finish within {deadline:.0f} s")
                break
            time.sleep(0.5)
        class_done_s = time.monotonic() - started
        # The whole class on the hub at once: measure every process.
        per_student = []
        for student in roster:
            if not student.server_pid:
                continue
            entry: dict[str, Any] = {"name": student.name, "lesson": student.lesson}
            try:
                entry["server"] = _memory(student.server_pid)
                for role, kernel_id in student.kernel_ids.items():
                    pid = _kernel_pid(student.server_pid, kernel_id)
                    if pid is not None:
                        entry[f"{role}_kernel"] = _memory(pid)
            except Exception as exc:
                errors.append(f"memory of {student.name}: {exc}")
            per_student.append(entry)
        hub_procs = {"hub": hub.process.pid if hub.process else 0, "proxy": hub.proxy_pid or 0}
        memory = {"per_student": per_student,
                  "hub": _memory(hub_procs["hub"]) if hub_procs["hub"] else {},
                  "proxy": _memory(hub_procs["proxy"]) if hub_procs["proxy"] else {},
                  "total_pss_mb": 0.0, "total_rss_mb": 0.0,
                  "machine_used_mb": available_before - _mem_available_mb()}
        for proc in hub.processes():
            try:
                full = proc.memory_full_info()
                memory["total_pss_mb"] += getattr(full, "pss", 0) / 2**20
                memory["total_rss_mb"] += full.rss / 2**20
            except Exception:
                pass
        cpu_total_s = 0.0
        for proc in hub.processes():
            try:
                t = proc.cpu_times()
                cpu_total_s += t.user + t.system + t.children_user + t.children_system
            except Exception:
                pass
        release.set()
        for thread in threads:
            thread.join(timeout=120)
        for student in roster:
            if student.server_pid:
                try:
                    hub.stop_server(student.name)
                except Exception as exc:
                    errors.append(f"stopping {student.name}'s server: {exc}")
    finally:
        release.set()
        sampler.stop_event.set()
        leftovers = hub.stop()
        if log_copy is not None and hub.process is not None and hub.process.log_path.exists():
            log_copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(hub.process.log_path, log_copy)  # the hub's, the servers' and the kernels' log
    if leftovers:
        errors.append(f"processes left running after the hub stopped: {leftovers}")
    errors += [f"{s.name}: {e}" for s in roster for e in s.errors]
    reference_after = machine_reference_ms()

    def kernels(role: str, key: str) -> list[float]:
        return [e[f"{role}_kernel"][key] for e in memory.get("per_student", []) if f"{role}_kernel" in e]

    student_rss = [e["server"]["rss_mb"] + sum(e[k]["rss_mb"] for k in ("lesson_kernel", "exercise_kernel") if k in e)
                   for e in memory.get("per_student", []) if "server" in e]
    student_uss = [e["server"]["uss_mb"] + sum(e[k]["uss_mb"] for k in ("lesson_kernel", "exercise_kernel") if k in e)
                   for e in memory.get("per_student", []) if "server" in e]
    by_lesson: dict[str, list[float]] = {}
    for e in memory.get("per_student", []):
        if "lesson_kernel" in e:
            by_lesson.setdefault(Path(e["lesson"]).stem, []).append(e["lesson_kernel"]["rss_mb"])
    all_moves = [m for s in roster for m in s.moves_ms]
    return {
        "students": students, "stagger_s": stagger, "moves_per_student": moves, "answers_per_student": answers,
        "cpus": os.cpu_count(), "class_done_s": round(class_done_s, 1),
        "machine_reference_ms": [round(reference_before), round(reference_after)],
        "load_average": {"before": [round(x, 2) for x in load_before], "max_1min_during": round(sampler.max_load1, 2),
                         "after": [round(x, 2) for x in os.getloadavg()]},
        "versions": {name: pip_version(hub.user_env, name) for name in ("jupyterhub", "jupyterlab", "ipykernel",
                                                                        "nbgitpuller", "ipywidgets", "matplotlib")},
        "spawn_s": _summary([s.spawn_s for s in roster if s.spawn_s]),
        "nbgitpuller_clone_s": _summary([s.pull_s for s in roster if s.pull_s]),
        "lesson_run_s": _summary([s.lesson_run_s for s in roster if s.lesson_run_s]),
        "move_ms": _summary(all_moves),
        "first_move_ms": _summary([s.moves_ms[0] for s in roster if s.moves_ms]),
        "move_kernel_cpu_ms": _summary([s.move_kernel_cpu_ms / len(s.moves_ms) for s in roster if s.moves_ms]),
        "check_ms": _summary([c for s in roster for c in s.checks_ms]),
        "moves_done": len(all_moves), "answers_correct": sum(s.correct for s in roster),
        "moves_without_picture": sum(len(s.moves_without_picture) for s in roster),
        "memory_mb": {
            "server_rss": _summary([e["server"]["rss_mb"] for e in memory.get("per_student", []) if "server" in e]),
            "lesson_kernel_rss": _summary(kernels("lesson", "rss_mb")),
            "lesson_kernel_peak": _summary(kernels("lesson", "peak_mb")),
            "lesson_kernel_rss_by_lesson": {k: round(statistics.median(v), 1) for k, v in sorted(by_lesson.items())},
            "exercise_kernel_rss": _summary(kernels("exercise", "rss_mb")),
            "student_rss": _summary(student_rss),
            "student_uss": _summary(student_uss),
            "hub_rss": round(memory.get("hub", {}).get("rss_mb", 0.0), 1),
            "proxy_rss": round(memory.get("proxy", {}).get("rss_mb", 0.0), 1),
            "total_pss": round(memory.get("total_pss_mb", 0.0), 1),
            "total_rss": round(memory.get("total_rss_mb", 0.0), 1),
            "max_total_rss_sampled": round(sampler.max_rss_mb, 1),
            "machine_used_delta": round(memory.get("machine_used_mb", 0.0), 1),
            "machine_min_available": round(sampler.min_available_mb, 1),
        },
        "cpu_s_total": round(cpu_total_s, 1),
        "errors": errors,
        "students_detail": [asdict(s) for s in roster],
    }


def format_report(report: dict[str, Any]) -> str:
    """The report as a few readable lines."""
    m = report["memory_mb"]

    def s(d: dict[str, float], unit: str) -> str:
        return f"median {d.get('median')} {unit}, p95 {d.get('p95')} {unit}, max {d.get('max')} {unit}" if d.get("n") else "-"

    lines = [
        f"class of {report['students']} on one hub ({report['cpus']} CPUs), a student every {report['stagger_s']} s; "
        f"all done after {report['class_done_s']} s",
        f"machine reference {report['machine_reference_ms'][0]} ms before, {report['machine_reference_ms'][1]} ms after; "
        f"load average before {report['load_average']['before']}, max during {report['load_average']['max_1min_during']}, "
        f"after {report['load_average']['after']}",
        f"versions: {', '.join(f'{k} {v}' for k, v in report['versions'].items())}",
        f"spawn time: {s(report['spawn_s'], 's')}",
        f"nbgitpuller clone: {s(report['nbgitpuller_clone_s'], 's')}",
        f"lesson run (all cells): {s(report['lesson_run_s'], 's')}",
        f"slider move -> new picture ({report['moves_done']} moves; {report['moves_without_picture']} more moved "
        f"a slider that redraws nothing): {s(report['move_ms'], 'ms')}",
        f"  first move of each student: {s(report['first_move_ms'], 'ms')}",
        f"  lesson kernel CPU per move: {s(report['move_kernel_cpu_ms'], 'ms')}",
        f"answer checks ({report['answers_correct']} correct): {s(report['check_ms'], 'ms')}",
        f"memory per student (server + lesson kernel + exercise kernel), RSS: {s(m['student_rss'], 'MB')}",
        f"  unique to the student (USS): {s(m['student_uss'], 'MB')}",
        f"  server RSS {s(m['server_rss'], 'MB')}",
        f"  lesson kernel RSS {s(m['lesson_kernel_rss'], 'MB')}; peak {s(m['lesson_kernel_peak'], 'MB')}",
        f"  lesson kernel RSS by lesson (median MB): {m['lesson_kernel_rss_by_lesson']}",
        f"  exercise kernel RSS {s(m['exercise_kernel_rss'], 'MB')}",
        f"hub {m['hub_rss']} MB, proxy {m['proxy_rss']} MB; total with the class on: PSS {m['total_pss']} MB, "
        f"RSS {m['total_rss']} MB (sampled max {m['max_total_rss_sampled']} MB); machine's used memory "
        f"+{m['machine_used_delta']} MB, lowest available {m['machine_min_available']} MB",
        f"CPU time of the hub, servers and kernels: {report['cpu_s_total']} s",
        f"errors: {len(report['errors'])}",
    ]
    lines += [f"  {e}" for e in report["errors"][:20]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--stagger", type=float, default=2.0, help="seconds between two students' arrivals")
    parser.add_argument("--moves", type=int, default=10)
    parser.add_argument("--answers", type=int, default=5)
    parser.add_argument("--deadline", type=float, default=1800.0, help="seconds the whole run may take")
    parser.add_argument("--min-free-mb", type=float, default=1500.0)
    parser.add_argument("--json", type=Path, help="write the full report here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mgdlearn-class-") as tmp:
        report = run_class(args.students, base=Path(tmp), stagger=args.stagger, moves=args.moves, answers=args.answers,
                           deadline=args.deadline, min_free_mb=args.min_free_mb,
                           log_copy=args.json.with_suffix(".log") if args.json else None)
    print(format_report(report))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1) + "\n")
    return 0 if not report["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
