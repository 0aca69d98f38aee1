"""The ``mgdlearn`` command: links, doctor findings and fixes, lab command line, light import."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from mgdlearn import cli


def _notebook(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A minimal course folder: the start notebook, one lesson and one exercise notebook."""
    root = tmp_path / "course"
    _notebook(root / "lessons" / "00_start_here.ipynb")
    _notebook(root / "lessons" / "01_activation_pathway.ipynb")
    _notebook(root / "exercises" / "01_activation.ipynb")
    return root


@pytest.fixture
def healthy_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, course: Path) -> Path:
    """Environment where every doctor check should pass: writable progress file, known course."""
    monkeypatch.setenv("MGDLEARN_PROGRESS", str(tmp_path / "state" / "progress.json"))
    monkeypatch.delenv("MGDLEARN_COURSE_ROOT", raising=False)
    monkeypatch.chdir(course)
    return course


def _failed(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """Map check name -> the text of its FAIL line plus its fix line, from doctor's output."""
    out = capsys.readouterr().out.splitlines()
    found = {}
    for i, line in enumerate(out):
        if line.strip().startswith("[FAIL]"):
            name = line.split("]", 1)[1].split(":", 1)[0].strip()
            found[name] = line + "\n" + out[i + 1]
    return found


# ------------------------------------------------------------------------ nbgitpuller-link
def test_nbgitpuller_link_matches_the_documented_format() -> None:
    link = cli.nbgitpuller_link("https://hub.example.org", repo="https://github.com/mgdlearn/mgdlearn")
    assert link == (
        "https://hub.example.org/hub/user-redirect/git-pull"
        "?repo=https%3A%2F%2Fgithub.com%2Fmgdlearn%2Fmgdlearn"
        "&urlpath=lab%2Ftree%2Fmgdlearn%2Flessons%2F00_start_here.ipynb"
        "&branch=main"
        "&targetpath=mgdlearn"
    )


@pytest.mark.parametrize("hub", ["https://hub.example.org/", "https://hub.example.org/hub", "https://hub.example.org/hub/"])
def test_nbgitpuller_link_normalises_the_hub_url(hub: str) -> None:
    assert cli.nbgitpuller_link(hub).startswith("https://hub.example.org/hub/user-redirect/git-pull?")


def test_nbgitpuller_link_query_decodes_to_what_was_asked() -> None:
    link = cli.nbgitpuller_link(
        "http://127.0.0.1:8000", repo="https://gitlab.example.org/course/mg d.git", branch="spring-2025",
        path="exercises/01 activation.ipynb",
    )
    query = parse_qs(urlsplit(link).query)
    assert query == {
        "repo": ["https://gitlab.example.org/course/mg d.git"],
        "urlpath": ["lab/tree/mg d/exercises/01 activation.ipynb"],  # repo folder without .git
        "branch": ["spring-2025"],
        "targetpath": ["mg d"],  # nbgitpuller clones into the folder urlpath opens (not "mg d.git")
    }
    assert " " not in link


@pytest.mark.parametrize("repo", ["file:///srv/courses/mgdlearn.git", "file://localhost/srv/courses/mgdlearn.git"])
def test_nbgitpuller_link_accepts_a_repository_on_the_hubs_disk(repo: str) -> None:
    query = parse_qs(urlsplit(cli.nbgitpuller_link("https://h.org", repo=repo)).query)
    assert query["repo"] == [repo]
    assert query["targetpath"] == ["mgdlearn"]
    assert query["urlpath"] == ["lab/tree/mgdlearn/lessons/00_start_here.ipynb"]


def test_nbgitpuller_link_command_prints_the_link(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["nbgitpuller-link", "--hub", "https://hub.example.org", "--branch", "dev"]) == 0
    assert capsys.readouterr().out.strip() == cli.nbgitpuller_link("https://hub.example.org", branch="dev")


@pytest.mark.parametrize(
    ("kwargs", "accepted"),
    [
        ({"hub": "hub.example.org"}, "http:// or https:// URL"),
        ({"hub": "ftp://hub.example.org"}, "http:// or https:// URL"),
        ({"hub": "https://h.org", "repo": "git@github.com:mgdlearn/mgdlearn.git"}, "or file:///absolute/path"),
        ({"hub": "https://h.org", "repo": "file://srv/mgdlearn.git"}, "or file:///absolute/path"),
        ({"hub": "https://h.org", "repo": "file:///"}, "or file:///absolute/path"),
        ({"hub": "https://h.org", "branch": "my branch"}, "branch name without spaces"),
        ({"hub": "https://h.org", "path": "../etc/passwd"}, "relative to the repository"),
        ({"hub": "https://h.org", "path": "/lessons/00_start_here.ipynb"}, "relative to the repository"),
        ({"hub": "https://h.org", "app": "notebook"}, "'lab' or 'tree'"),
    ],
)
def test_nbgitpuller_link_rejects_bad_input_naming_what_is_accepted(kwargs: dict, accepted: str) -> None:
    with pytest.raises(ValueError, match=accepted):
        cli.nbgitpuller_link(**kwargs)


def test_nbgitpuller_link_rejects_a_non_string_hub() -> None:
    with pytest.raises(TypeError, match="URL string"):
        cli.nbgitpuller_link(None)  # type: ignore[arg-type]


def test_bad_hub_url_exits_2_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["nbgitpuller-link", "--hub", "hub.example.org"]) == 2
    assert "https://hub.example.org" in capsys.readouterr().err


# ------------------------------------------------------------------------ doctor
def test_doctor_passes_in_a_complete_environment(healthy_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "All 7 checks passed." in out
    assert "FAIL" not in out


def test_doctor_reports_a_missing_widget_extension_with_the_fix(
    healthy_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty-data-path" / "labextensions"
    empty.mkdir(parents=True)
    monkeypatch.setattr(cli, "_labextension_paths", lambda: [empty])
    assert cli.main(["doctor"]) == 1
    failed = _failed(capsys)
    assert list(failed) == ["ipywidgets JupyterLab extension"]
    text = failed["ipywidgets JupyterLab extension"]
    assert str(empty) in text
    assert "pip install" in text and "jupyterlab_widgets" in text and "restart JupyterLab" in text


def test_widget_extension_is_found_through_jupyter_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ext = tmp_path / "share" / "labextensions" / "@jupyter-widgets" / "jupyterlab-manager"
    ext.mkdir(parents=True)
    (ext / "package.json").write_text("{}")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "share"))
    assert cli.find_widget_extension() == ext  # JUPYTER_PATH comes first in the data path
    assert cli.find_widget_extension([tmp_path / "nowhere"]) is None


def test_doctor_reports_an_unwritable_progress_path_with_the_fix(
    healthy_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-regular-file"
    blocker.write_text("not a folder")  # even root cannot create a folder inside a regular file
    monkeypatch.setenv("MGDLEARN_PROGRESS", str(blocker / "sub" / "progress.json"))
    assert cli.main(["doctor"]) == 1
    failed = _failed(capsys)
    assert list(failed) == ["progress file"]
    assert "is a file" in failed["progress file"]
    assert "export MGDLEARN_PROGRESS=" in failed["progress file"]


def test_doctor_accepts_a_progress_file_whose_folder_does_not_exist_yet(
    healthy_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "new" / "deeper" / "progress.json"
    monkeypatch.setenv("MGDLEARN_PROGRESS", str(target))
    result = cli.check_progress_file()
    assert result.ok, result.detail
    assert not (tmp_path / "new").exists()  # the probe leaves nothing behind
    assert list(tmp_path.glob(".mgdlearn-doctor-*")) == []


def test_doctor_reports_missing_course_notebooks_with_the_fix(
    healthy_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty-course"
    empty.mkdir()
    assert cli.main(["doctor", "--course-root", str(empty)]) == 1
    failed = _failed(capsys)
    assert list(failed) == ["course notebooks"]
    text = failed["course notebooks"]
    assert "lessons/00_start_here.ipynb" in text and "exercises/*.ipynb" in text
    assert "git clone https://github.com/mgdlearn/mgdlearn" in text and "nbgitpuller-link" in text


def test_doctor_reports_a_course_root_that_does_not_exist(
    healthy_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MGDLEARN_COURSE_ROOT", str(tmp_path / "nowhere"))
    assert cli.main(["doctor"]) == 1
    assert "is not a folder" in _failed(capsys)["course notebooks"]


def test_doctor_finds_the_course_from_a_subfolder(healthy_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(healthy_env / "exercises")
    assert cli.find_course_root() == healthy_env.resolve()
    assert cli.check_course_notebooks().detail.startswith("2 lessons and 1 exercise notebooks")


def test_doctor_reports_an_old_jupyterlab(healthy_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_dist_version", lambda name: "3.6.3" if name == "jupyterlab" else "8.1.0")
    result = cli.check_jupyterlab()
    assert not result.ok and "3.6.3" in result.detail and "jupyterlab>=4,<5" in result.fix
    assert cli.check_ipywidgets().ok


def test_doctor_reports_missing_ipywidgets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_dist_version", lambda name: None)
    result = cli.check_ipywidgets()
    assert not result.ok and "not installed" in result.detail and "ipywidgets>=8,<9" in result.fix


def test_doctor_uses_the_progress_store_default_when_no_variable_is_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = types.ModuleType("mgdlearn.progress_store")
    fake.default_progress_path = lambda: tmp_path / "default" / "progress.json"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mgdlearn.progress_store", fake)
    monkeypatch.delenv("MGDLEARN_PROGRESS", raising=False)
    assert cli.progress_path() == tmp_path / "default" / "progress.json"


# ------------------------------------------------------------------------ lab
@pytest.mark.parametrize(("euid", "has_allow_root"), [(0, True), (1000, False)])
def test_lab_command_opens_the_start_notebook_and_allows_root_only_as_root(
    course: Path, monkeypatch: pytest.MonkeyPatch, euid: int, has_allow_root: bool
) -> None:
    monkeypatch.setattr(cli.os, "geteuid", lambda: euid, raising=False)
    cmd = cli.build_lab_command(course, port=8899, no_browser=True, extra=["--ServerApp.token=t"])
    assert cmd[:3] == [sys.executable, "-m", "jupyterlab"]
    assert "--LabApp.default_url=/lab/tree/lessons/00_start_here.ipynb" in cmd
    assert cmd[-1] == "--ServerApp.token=t"  # the user's own options come last, so they win
    assert f"--ServerApp.root_dir={course}" in cmd
    assert "--port=8899" in cmd and "--no-browser" in cmd and "--ServerApp.token=t" in cmd
    assert ("--allow-root" in cmd) is has_allow_root


def test_lab_dry_run_passes_unknown_options_to_jupyter(
    course: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(course / "lessons")
    assert cli.main(["lab", "--dry-run", "--no-browser", "--ServerApp.token=abc"]) == 0
    out = capsys.readouterr().out
    assert "--ServerApp.token=abc" in out and "--no-browser" in out
    assert "--LabApp.default_url=/lab/tree/lessons/00_start_here.ipynb" in out


def test_lab_without_the_course_says_how_to_get_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MGDLEARN_COURSE_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cli, "_has_start_notebook", lambda folder: folder == tmp_path / "never")
    assert cli.main(["lab", "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert "git clone https://github.com/mgdlearn/mgdlearn" in err and "nbgitpuller" in err


def test_lab_rejects_a_notebook_outside_the_course(course: Path) -> None:
    with pytest.raises(ValueError, match="inside the course folder"):
        cli.build_lab_command(course, notebook="../elsewhere.ipynb")


def test_lab_rejects_a_bad_port(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["lab", "--port", "70000"])
    assert exit_info.value.code == 2
    assert "1 to 65535" in capsys.readouterr().err


def test_unknown_options_are_refused_outside_lab(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["doctor", "--frobnicate"])
    assert "unrecognized arguments: --frobnicate" in capsys.readouterr().err


# ------------------------------------------------------------------------ progress
def test_progress_prints_what_the_exercise_summary_formats(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = types.ModuleType("mgdlearn.exercises.summary")
    fake.format_progress = lambda: "Lesson 01: 2 of 6 exercises correct"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mgdlearn.exercises.summary", fake)
    assert cli.main(["progress"]) == 0
    assert capsys.readouterr().out == "Lesson 01: 2 of 6 exercises correct\n"


def test_progress_command_prints_the_real_summary(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MGDLEARN_")}
    env["MGDLEARN_PROGRESS"] = str(tmp_path / "progress.json")
    expected = subprocess.run(
        [sys.executable, "-c", "from mgdlearn.exercises.summary import format_progress; print(format_progress())"],
        capture_output=True, text=True, env=env, timeout=60, check=True,
    ).stdout
    done = subprocess.run(
        [sys.executable, "-m", "mgdlearn.cli", "progress"], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected and expected.strip()


# ------------------------------------------------------------------------ import cost
def test_importing_the_cli_loads_no_heavy_modules() -> None:
    code = (
        "import sys, mgdlearn.cli; "
        "heavy = [m for m in ('numpy', 'matplotlib', 'pandas', 'scipy', 'jupyter_core', 'jupyterlab', "
        "'ipywidgets', 'mgdlearn.progress_store') if m in sys.modules]; print(heavy)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"


def test_console_script_is_installed_and_runs() -> None:
    script = Path(sys.executable).parent / "mgdlearn"
    if not script.exists():
        pytest.fail(f"console script {script} missing: run `python -m pip install -e .` in the repository")
    done = subprocess.run([str(script), "nbgitpuller-link", "--hub", "https://h.example.org"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("https://h.example.org/hub/user-redirect/git-pull?repo=")


def test_doctor_accepts_progress_switched_off(monkeypatch):
    from mgdlearn import cli

    monkeypatch.setenv("MGDLEARN_PROGRESS", "off")
    result = cli.check_progress_file()
    assert result.ok and "switched off" in result.detail
