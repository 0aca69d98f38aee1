"""Real JupyterHub: a student logs in, gets a server, and the start lesson runs in it.

JupyterHub on 127.0.0.1 with configurable-http-proxy (npm, in ``.e2e/node_modules``), the dummy
authenticator and the simple local-process spawner; the single-user server is
``jupyterhub-singleuser`` from the students' environment ``.venv-lab`` (``--allow-root`` as root),
see :mod:`tests.e2e.localhub`. Enable locally with ``bash scripts/install_e2e_deps.sh`` and
``make setup-lab``; ``MGDLEARN_REQUIRE_E2E=1`` turns a skip into a failure. Everything started is
stopped by PID at the end, also when the test fails.
"""
from __future__ import annotations

import json
from typing import Any

import pytest
import requests

from ._support import REPO_ROOT
from .localhub import COURSE_DIR, KernelSession, LocalHub

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

LESSON = "lessons/00_start_here.ipynb"
USER = "student1"


def _upload(hub: LocalHub, rel: str, notebook: dict[str, Any]) -> None:
    """Put the notebook into the user's server through the contents API (folders first)."""
    parts = rel.split("/")
    for i in range(1, len(parts)):
        hub.user_api(USER, "PUT", f"contents/{'/'.join(parts[:i])}", json={"type": "directory"})
    hub.user_api(USER, "PUT", f"contents/{rel}", json={"type": "notebook", "format": "json", "content": notebook})


def test_hub_spawns_a_student_server_that_runs_the_start_lesson(local_hub: LocalHub) -> None:
    hub = local_hub
    notebook = json.loads((REPO_ROOT / LESSON).read_text(encoding="utf-8"))
    hub.log_in(USER)
    anonymous = requests.get(f"{hub.base_url}/hub/api/user", timeout=30)
    assert anonymous.status_code == 403, "the hub API answered /hub/api/user without a login"
    hub.spawn(USER)
    target = f"{COURSE_DIR}/{LESSON}"  # where an nbgitpuller link puts it
    _upload(hub, target, notebook)
    assert (hub.home_root / USER / target).is_file(), "the upload did not land in the user's home"

    session = KernelSession(hub, USER, target)
    try:
        replies = session.run_notebook()
        prefix = session.execute("import sys; print(sys.prefix)").text().strip()
    finally:
        session.close()

    errors = [e for r in replies for e in r.errors()]
    assert errors == [], f"errors while running {LESSON} on the hub: {errors}"
    shown = [m["content"]["data"] for r in replies for m in r.of_type("display_data", "execute_result")]
    assert any("image/png" in data for data in shown), "the lesson showed no figure"
    assert any("application/vnd.jupyter.widget-view+json" in data for data in shown), "the lesson showed no explorer"
    # The server and its kernels run from the students' environment, not from the one running the tests.
    assert prefix == str(hub.user_env), f"the kernel runs in {prefix}, not in the students' environment"
    hub.stop_server(USER)
