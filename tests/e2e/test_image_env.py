"""The students' image environment, built the way the image is built, passes ``mgdlearn doctor``.

repo2docker (and so BinderHub, and the image for Zero to JupyterHub) creates a Python environment
from ``binder/runtime.txt`` and then runs ``binder/postBuild`` from the repository root. Docker is
not available here, so the test runs that same ``postBuild``, unchanged, with ``NB_PYTHON_PREFIX``
pointing at a new virtual environment, from a fresh export of this checkout (the files git
tracks). It then checks what the hub relies on: ``mgdlearn doctor`` passes, jupyterhub-singleuser
is in the hub's major version, nbgitpuller's server extension is enabled, the widgets' front end is
there, the news pop-up is off, and nbgrader is absent. Then ``deploy/nbgrader-student-side.sh``
(for a class that uses nbgrader's exchange) must add nbgrader's student side only. Both install
with ``--no-cache-dir`` (as an image should), so this downloads the packages from PyPI: a minute
or two.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .localhub import export_checkout

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def test_binder_postbuild_builds_an_environment_that_passes_doctor(tmp_path: Path) -> None:
    src = export_checkout(tmp_path / "repo")
    runtime = (src / "binder" / "runtime.txt").read_text().strip()
    assert re.fullmatch(r"python-3\.\d+", runtime), runtime
    prefix = tmp_path / "image-env"
    subprocess.run([sys.executable, "-m", "venv", str(prefix)], check=True)
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("JUPYTER", "MGDLEARN_", "JPY_", "VIRTUAL_ENV", "PYTHON")) and k != "MPLBACKEND"}
    env.update(HOME=str(home), NB_PYTHON_PREFIX=str(prefix),
               PATH=os.pathsep.join([str(prefix / "bin"), env.get("PATH", "")]))

    build = _run(["bash", "binder/postBuild"], cwd=src, env=env, timeout=1200)
    assert build.returncode == 0, f"postBuild failed:\n{build.stdout[-3000:]}\n{build.stderr[-3000:]}"
    assert "All 7 checks passed." in build.stdout, build.stdout[-2000:]

    bin_ = prefix / "bin"
    doctor = _run([str(bin_ / "mgdlearn"), "doctor"], cwd=src, env=env)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    singleuser = _run([str(bin_ / "jupyterhub-singleuser"), "--version"], cwd=src, env=env)
    assert singleuser.returncode == 0 and singleuser.stdout.strip().startswith("5."), singleuser.stdout + singleuser.stderr
    servers = _run([str(bin_ / "jupyter"), "server", "extension", "list"], cwd=src, env=env)
    listing = servers.stdout + servers.stderr
    assert re.search(r"nbgitpuller\s+\S*enabled", listing), listing
    labext = _run([str(bin_ / "jupyter"), "labextension", "list"], cwd=src, env=env)
    lab_listing = labext.stdout + labext.stderr
    assert "@jupyter-widgets/jupyterlab-manager" in lab_listing, lab_listing
    assert "nbgrader" not in (listing + lab_listing).lower(), "instructor tooling in the students' image"
    assert (prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json").is_file()
    absent = _run([str(bin_ / "python"), "-c", "import nbgrader"], cwd=src, env=env)
    assert absent.returncode != 0, "nbgrader is importable in the students' image"

    # A class using nbgrader's exchange adds the student side only.
    side = _run(["bash", "deploy/nbgrader-student-side.sh"], cwd=src, env=env, timeout=900)
    assert side.returncode == 0, f"nbgrader-student-side.sh failed:\n{side.stdout[-3000:]}\n{side.stderr[-3000:]}"
    labext = _run([str(bin_ / "jupyter"), "labextension", "list"], cwd=src, env=env)
    lab_listing = labext.stdout + labext.stderr
    disabled = lab_listing.split("Disabled extensions:", 1)[-1] if "Disabled extensions:" in lab_listing else ""
    for plugin in ("formgrader", "create-assignment", "course-list"):
        assert f"@jupyter/nbgrader:{plugin}" in disabled, lab_listing
    for plugin in ("assignment-list", "validate-assignment"):
        assert f"@jupyter/nbgrader:{plugin}" not in disabled, lab_listing
    locked = re.search(r"plugins: ([^)]*) locked", lab_listing)
    assert locked and all(f"@jupyter/nbgrader:{p}" in locked.group(1)
                          for p in ("formgrader", "create-assignment", "course-list")), lab_listing
    servers = _run([str(bin_ / "jupyter"), "server", "extension", "list"], cwd=src, env=env)
    listing = servers.stdout + servers.stderr
    assert re.search(r"nbgrader\.server_extensions\.assignment_list\s+\S*enabled", listing), listing
    assert re.search(r"nbgrader\.server_extensions\.formgrader\s+\S*disabled", listing), listing
    assert re.search(r"nbgrader\.server_extensions\.course_list\s+\S*disabled", listing), listing
    doctor = _run([str(bin_ / "mgdlearn"), "doctor"], cwd=src, env=env)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
