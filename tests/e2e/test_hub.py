"""Real JupyterHub: log a student in, spawn their server, run the start lesson through its API.

JupyterHub runs on 127.0.0.1 with configurable-http-proxy (npm, in ``.e2e/node_modules``),
the dummy authenticator and the simple local-process spawner; the single-user server is
``jupyterhub-singleuser`` (``--allow-root`` as root). Enable locally with
``bash scripts/install_e2e_deps.sh``; ``MGDLEARN_REQUIRE_E2E=1`` turns a skip into a failure.
Everything started is stopped by PID at the end, also when the test fails.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import sys
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

import pytest

from ._support import (
    ARTIFACTS,
    REPO_ROOT,
    RUNNING_AS_ROOT,
    ManagedProcess,
    chp_path,
    free_port,
    isolated_jupyter_env,
    require_module,
    venv_script,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

LESSON = "lessons/00_start_here.ipynb"
USER = "student1"
SERVICE = "mgdlearn-e2e"
SERVICE_SCOPES = ["admin:users", "admin:servers", "admin:server_state", "access:servers", "read:users", "tokens"]

HUB_CONFIG = """\
# Written by tests/e2e/test_hub.py: a throw-away hub on 127.0.0.1.
c = get_config()  # noqa: F821
c.JupyterHub.bind_url = {proxy_url!r}
c.JupyterHub.hub_bind_url = {hub_url!r}
c.ConfigurableHTTPProxy.api_url = {proxy_api_url!r}
c.ConfigurableHTTPProxy.command = [{chp!r}]
c.ConfigurableHTTPProxy.pid_file = {proxy_pid_file!r}
c.JupyterHub.db_url = {db_url!r}
c.JupyterHub.cookie_secret_file = {cookie_secret_file!r}
c.JupyterHub.authenticator_class = "dummy"  # any name and password log in (testing only)
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {home_template!r}
c.Spawner.notebook_dir = {home_template!r}
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = {singleuser_args!r}
c.Spawner.default_url = "/lab"
c.Spawner.environment = {{"MGDLEARN_PROGRESS": {progress!r}}}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.JupyterHub.services = [{{"name": {service!r}, "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": {service!r}, "scopes": {scopes!r}, "services": [{service!r}]}}]
"""


class Hub:
    """A running hub: URLs, the service token and an authenticated ``requests`` session."""

    def __init__(self, process: ManagedProcess, base_url: str, token: str, password: str, home_root: Path) -> None:
        import requests

        self.process, self.base_url, self.token, self.password, self.home_root = process, base_url, token, password, home_root
        self.api = requests.Session()
        self.api.headers["Authorization"] = f"token {token}"

    def hub_api(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.api.request(method, f"{self.base_url}/hub/api/{path.lstrip('/')}", timeout=30, **kwargs)
        assert response.status_code < 400, f"{method} /hub/api/{path}: {response.status_code} {response.text[:500]}"
        return response.json() if response.content else None

    def user_api(self, method: str, path: str, **kwargs: Any) -> Any:
        url = f"{self.base_url}/user/{USER}/api/{path.lstrip('/')}"
        response = self.api.request(method, url, timeout=60, **kwargs)
        assert response.status_code < 400, f"{method} {url}: {response.status_code} {response.text[:500]}"
        return response.json() if response.content else None


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    """JupyterHub + configurable-http-proxy on free loopback ports, stopped (and checked) at the end."""
    require_module("jupyterhub", '"jupyterhub>=5"')
    require_module("websocket", "websocket-client")
    chp = chp_path()
    singleuser = venv_script("jupyterhub-singleuser")
    jupyterhub = venv_script("jupyterhub")

    proxy_port, hub_port, api_port = free_port(), free_port(), free_port()
    while len({proxy_port, hub_port, api_port}) < 3:
        hub_port, api_port = free_port(), free_port()
    token, password = secrets.token_hex(24), secrets.token_hex(8)  # the dummy authenticator accepts any password
    (tmp_path / "home").mkdir()
    config = tmp_path / "jupyterhub_config.py"
    config.write_text(
        HUB_CONFIG.format(
            proxy_url=f"http://127.0.0.1:{proxy_port}", hub_url=f"http://127.0.0.1:{hub_port}",
            proxy_api_url=f"http://127.0.0.1:{api_port}", chp=str(chp), proxy_pid_file=str(tmp_path / "proxy.pid"),
            db_url=f"sqlite:///{tmp_path / 'jupyterhub.sqlite'}", cookie_secret_file=str(tmp_path / "cookie_secret"),
            home_template=str(tmp_path / "home" / "{username}"), singleuser=str(singleuser),
            singleuser_args=["--allow-root"] if RUNNING_AS_ROOT else [], progress=str(tmp_path / "progress.json"),
            service=SERVICE, token=token, scopes=SERVICE_SCOPES,
        )
    )
    env = isolated_jupyter_env(tmp_path)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    process = ManagedProcess("jupyterhub", [str(jupyterhub), "-f", str(config)], cwd=tmp_path, env=env, log_dir=tmp_path)
    leftovers: list[int] = []
    try:
        process.start()
        process.wait_for_http(f"http://127.0.0.1:{proxy_port}/hub/api/", timeout=90, ok=lambda s: s == 200)
        pid_file = tmp_path / "proxy.pid"
        if pid_file.is_file():
            process.extra_pids.add(int(pid_file.read_text().strip()))
        yield Hub(process, f"http://127.0.0.1:{proxy_port}", token, password, tmp_path / "home")
    finally:
        watched = set(process.extra_pids)
        try:
            import psutil

            if process.alive():
                watched |= {p.pid for p in psutil.Process(process.pid).children(recursive=True)}
        except Exception:  # psutil missing or hub gone: the group signal still covers it
            pass
        process.stop()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        if process.log_path.exists():
            shutil.copy2(process.log_path, ARTIFACTS / "jupyterhub.log")
        leftovers = [pid for pid in watched | {process.pid} if _alive(pid)]
    assert not leftovers, f"processes still running after the hub was stopped: {leftovers}"


def _alive(pid: int) -> bool:
    try:
        import psutil

        return psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except Exception:
        return False


def _log_in(hub: Hub) -> None:
    """Log in through the hub's login form like a browser; check the hub API knows the user."""
    import requests

    browser = requests.Session()
    browser.get(f"{hub.base_url}/hub/login", timeout=30).raise_for_status()
    xsrf = browser.cookies.get("_xsrf")
    assert xsrf, "the login page set no _xsrf cookie"
    response = browser.post(
        f"{hub.base_url}/hub/login?next=", data={"username": USER, "password": hub.password, "_xsrf": xsrf},
        allow_redirects=False, timeout=30,
    )
    assert response.status_code == 302, f"login failed: {response.status_code} {response.text[:300]}"
    me = browser.get(f"{hub.base_url}/hub/api/user", headers={"X-XSRFToken": xsrf}, timeout=30)
    assert me.status_code == 200 and me.json()["name"] == USER, f"/hub/api/user: {me.status_code} {me.text[:300]}"

    anonymous = requests.get(f"{hub.base_url}/hub/api/user", timeout=30)
    assert anonymous.status_code == 403, "the hub API answered /hub/api/user without a login"


def _spawn(hub: Hub, timeout: float = 120.0) -> None:
    hub.hub_api("POST", f"users/{USER}/server")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        model = hub.hub_api("GET", f"users/{USER}")
        server = (model.get("servers") or {}).get("")
        if server and server.get("ready"):
            pid = (server.get("state") or {}).get("pid")
            if pid:
                hub.process.extra_pids.add(int(pid))
            return
        time.sleep(0.5)
    raise TimeoutError(f"{USER}'s server was not ready within {timeout:.0f} s:\n{hub.process.log_tail()}")


def _upload(hub: Hub, rel: str, notebook: dict[str, Any]) -> None:
    """Put the notebook into the user's server through the contents API (folders first)."""
    parts = rel.split("/")
    for i in range(1, len(parts)):
        hub.user_api("PUT", f"contents/{'/'.join(parts[:i])}", json={"type": "directory"})
    hub.user_api("PUT", f"contents/{rel}", json={"type": "notebook", "format": "json", "content": notebook})


def _execute_cells(hub: Hub, path: str) -> list[dict[str, Any]]:
    """Run every code cell of ``path`` in a new kernel over the websocket; return the iopub messages."""
    import websocket

    stored = hub.user_api("GET", f"contents/{path}")
    cells = [c for c in stored["content"]["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    assert cells, f"{path} has no code cells"
    session = hub.user_api(
        "POST", "sessions", json={"path": path, "name": Path(path).name, "type": "notebook", "kernel": {"name": "python3"}}
    )
    kernel_id, session_id = session["kernel"]["id"], uuid.uuid4().hex
    ws_url = f"{hub.base_url.replace('http', 'ws', 1)}/user/{USER}/api/kernels/{kernel_id}/channels?session_id={session_id}"
    ws = websocket.create_connection(ws_url, header=[f"Authorization: token {hub.token}"], timeout=180)
    messages: list[dict[str, Any]] = []
    try:
        for cell in cells:
            msg_id = uuid.uuid4().hex
            ws.send(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": USER, "session": session_id,
                           "date": datetime.now(timezone.utc).isoformat(), "version": "5.3"},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": "".join(cell["source"]), "silent": False, "store_history": True,
                            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
            }))
            replied = idle = False
            while not (replied and idle):
                msg = json.loads(ws.recv())
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                messages.append(msg)
                kind = msg["header"]["msg_type"]
                if msg["channel"] == "shell" and kind == "execute_reply":
                    replied = True
                    assert msg["content"]["status"] == "ok", f"cell failed:\n{''.join(cell['source'])}\n{msg['content']}"
                elif kind == "status" and msg["content"]["execution_state"] == "idle":
                    idle = True
    finally:
        ws.close()
        hub.user_api("DELETE", f"sessions/{session['id']}")
    return messages


def test_hub_spawns_a_student_server_that_runs_the_start_lesson(hub: Hub) -> None:
    notebook = json.loads((REPO_ROOT / LESSON).read_text(encoding="utf-8"))
    _log_in(hub)
    _spawn(hub)
    target = f"mgdlearn/{LESSON}"  # where an nbgitpuller link would put it
    _upload(hub, target, notebook)
    assert (hub.home_root / USER / target).is_file(), "the upload did not land in the user's home"

    messages = _execute_cells(hub, target)

    errors = [m["content"] for m in messages if m["header"]["msg_type"] == "error"]
    stderr = [m["content"]["text"] for m in messages
              if m["header"]["msg_type"] == "stream" and m["content"]["name"] == "stderr"]
    assert errors == [], f"errors while running {LESSON} on the hub: {errors}"
    assert not any("Traceback" in text for text in stderr), f"tracebacks on stderr: {stderr}"
    shown = [m["content"]["data"] for m in messages if m["header"]["msg_type"] in ("display_data", "execute_result")]
    assert any("image/png" in data for data in shown), "the lesson showed no figure"
    assert any("application/vnd.jupyter.widget-view+json" in data for data in shown), "the lesson showed no explorer"

    hub.hub_api("DELETE", f"users/{USER}/server")
