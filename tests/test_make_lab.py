"""The README's main command (`make lab`) starts JupyterLab serving the course, in the students'
environment (``.venv-lab``), whose JupyterLab shows no instructor tooling (no nbgrader)."""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lab_venv() -> Path:
    """The students' environment `make test` set up (``$MGDLEARN_LAB_VENV``, else ``.venv-lab``)."""
    return Path(os.environ.get("MGDLEARN_LAB_VENV") or ROOT / ".venv-lab").resolve()


def _federated_extensions(page: str) -> list[str]:
    """Names of the prebuilt JupyterLab extensions a /lab page loads (its page config)."""
    found = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', page, re.S)
    assert found, "the /lab page has no jupyter-config-data"
    return [ext["name"] for ext in json.loads(found.group(1)).get("federated_extensions", [])]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_lab_serves_the_course_without_instructor_tooling(tmp_path):
    lab_venv = _lab_venv()
    if not (lab_venv / ".installed-lab").is_file():
        pytest.skip(f"the students' environment {lab_venv} is not set up: run `make test` (or `make setup-lab`)")
    port, token = _free_port(), "mgdlearn-test-token"
    lab_args = f"--no-browser --ip=127.0.0.1 --port={port} --ServerApp.token={token}"
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    # LAB_VENV points make at the environment `make test` set up, so nothing is installed twice.
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "lab", f"LAB_VENV={lab_venv}", f"LAB_ARGS={lab_args}"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        status = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                status, _ = _get(f"http://127.0.0.1:{port}/api/status?token={token}")
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        assert status == 200, f"JupyterLab did not start: {proc.stdout.read().decode() if proc.poll() is not None else ''}"
        status, page = _get(f"http://127.0.0.1:{port}/lab?token={token}")
        assert status == 200 and "JupyterLab" in page
        status, body = _get(f"http://127.0.0.1:{port}/api/contents/lessons/00_start_here.ipynb?token={token}&content=0")
        assert status == 200 and '"type": "notebook"' in body.replace('":"', '": "')
        # The server runs from the students' environment, not from the one running the tests.
        extensions = _federated_extensions(page)
        assert "@jupyter-widgets/jupyterlab-manager" in extensions, extensions  # the sliders' front end
        assert not [e for e in extensions if "nbgrader" in e], f"nbgrader's menus in the students' lab: {extensions}"
        status, _ = _get(f"http://127.0.0.1:{port}/formgrader?token={token}")
        assert status == 404, f"nbgrader's formgrader answers in the students' lab (HTTP {status})"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
