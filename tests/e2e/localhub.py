"""A JupyterHub on loopback for the hub tests and the class load test, and clients that talk to it.

The hub (and configurable-http-proxy) run from the environment running the tests; the students'
single-user servers run from the students' environment, ``.venv-lab`` (what a hub's user image
holds: the course, jupyterhub-singleuser and nbgitpuller; no nbgrader), found by
:func:`lab_venv`. Users log in with the dummy authenticator and each gets a home folder of their
own under the hub's temporary folder (the simple local-process spawner). Everything the hub
started is stopped by PID at the end (:meth:`LocalHub.stop`), also when a test fails.

Clients:

* :class:`KernelSession`: a notebook session in a student's server, driven over the kernel
  websocket the way JupyterLab drives it (execute requests, widget ``comm_msg`` updates).
* :func:`git_pull`: nbgitpuller's own API (the event stream its "synchronizing" page reads).
* :func:`make_course_repo`: a bare git repository of the course made from this checkout.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ._support import (
    REPO_ROOT,
    RUNNING_AS_ROOT,
    ManagedProcess,
    chp_path,
    component_missing,
    free_port,
    isolated_jupyter_env,
    require_module,
    venv_script,
)

SERVICE = "mgdlearn-e2e"
SERVICE_SCOPES = ["admin:users", "admin:servers", "admin:server_state", "access:servers", "read:users", "tokens"]
#: Where an nbgitpuller link puts the course in a student's home (``targetpath`` of the link).
COURSE_DIR = "mgdlearn"

HUB_CONFIG = """\
# Written by tests/e2e/localhub.py: a throw-away hub on 127.0.0.1.
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
c.Spawner.environment = {environment!r}
c.Spawner.start_timeout = {timeout}
c.Spawner.http_timeout = {timeout}
c.JupyterHub.services = [{{"name": {service!r}, "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": {service!r}, "scopes": {scopes!r}, "services": [{service!r}]}}]
"""


def lab_venv() -> Path:
    """The students' environment (``$MGDLEARN_LAB_VENV``, else ``.venv-lab`` of this checkout).

    Skips (or fails under ``MGDLEARN_REQUIRE_E2E=1``) when it has no ``jupyterhub-singleuser``.
    """
    path = Path(os.environ.get("MGDLEARN_LAB_VENV") or REPO_ROOT / ".venv-lab").resolve()
    if not (path / "bin" / "jupyterhub-singleuser").exists():
        component_missing(
            f"the students' environment with jupyterhub-singleuser ({path})",
            "run `make setup-lab` (or `make test`, which sets it up), or point MGDLEARN_LAB_VENV at an "
            "environment where `pip install -e \".[hub]\"` was run",
        )
    return path


def pip_version(venv: Path, package: str) -> str:
    """The version of ``package`` installed in ``venv`` ("" if it is not)."""
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c",
         f"import importlib.metadata as m; print(m.version({package!r}))"],
        capture_output=True, text=True,
    )
    return done.stdout.strip() if done.returncode == 0 else ""


# ------------------------------------------------------------------------------------------
# The hub
# ------------------------------------------------------------------------------------------
class LocalHub:
    """A running hub on loopback: URLs, the service token and an authenticated ``requests`` session.

    Parameters
    ----------
    base : Path
        A temporary folder for the hub's database, logs and the users' homes (``base/home/NAME``).
    user_env : Path
        The virtual environment the single-user servers run from.
    spawn_timeout : int
        Seconds a server may take to start (``Spawner.start_timeout`` and ``http_timeout``).
    """

    def __init__(self, base: Path, user_env: Path, spawn_timeout: int = 120) -> None:
        self.base, self.user_env, self.spawn_timeout = base, user_env, spawn_timeout
        self.home_root = base / "home"
        self.token = secrets.token_hex(24)
        self.password = secrets.token_hex(8)  # the dummy authenticator accepts any password
        self.process: ManagedProcess | None = None
        self.base_url = ""
        self.proxy_pid: int | None = None
        self._watched: set[int] = set()
        self._local = threading.local()

    @property
    def api(self) -> Any:
        """A ``requests`` session with the service token, one per thread (the load test runs many)."""
        session = getattr(self._local, "session", None)
        if session is None:
            import requests
            from requests.adapters import HTTPAdapter
            from urllib3.util.retry import Retry

            session = self._local.session = requests.Session()
            session.headers["Authorization"] = f"token {self.token}"
            # Like a browser, retry an idempotent request once when a kept-alive connection turns
            # out to be closed before any answer came (the proxy closes idle ones after 5 s);
            # POST (spawns, new sessions) is never retried.
            retry = Retry(total=2, connect=2, read=1, status=0, other=0, backoff_factor=0.2,
                          allowed_methods=frozenset({"GET", "HEAD", "PUT", "DELETE"}), raise_on_status=False)
            session.mount("http://", HTTPAdapter(max_retries=retry))
        return session

    # -- life cycle ---------------------------------------------------------------------------
    def start(self) -> "LocalHub":
        require_module("jupyterhub", '"jupyterhub>=5,<6"')
        require_module("websocket", "websocket-client")
        chp = chp_path()
        jupyterhub = venv_script("jupyterhub")
        singleuser = self.user_env / "bin" / "jupyterhub-singleuser"
        ports: set[int] = set()
        while len(ports) < 3:
            ports.add(free_port())
        proxy_port, hub_port, api_port = sorted(ports)
        self.home_root.mkdir(parents=True, exist_ok=True)
        env = isolated_jupyter_env(self.base)
        test_bin = str(Path(sys.executable).parent)
        rest = [p for p in env.get("PATH", "").split(os.pathsep) if p and p != test_bin]
        env["PATH"] = os.pathsep.join([test_bin, *rest])
        # The students' servers find their own environment's tools first (a terminal, git, pip).
        user_environment = {"PATH": os.pathsep.join([str(self.user_env / "bin"), *rest])}
        config = self.base / "jupyterhub_config.py"
        config.write_text(
            HUB_CONFIG.format(
                proxy_url=f"http://127.0.0.1:{proxy_port}", hub_url=f"http://127.0.0.1:{hub_port}",
                proxy_api_url=f"http://127.0.0.1:{api_port}", chp=str(chp),
                proxy_pid_file=str(self.base / "proxy.pid"),
                db_url=f"sqlite:///{self.base / 'jupyterhub.sqlite'}",
                cookie_secret_file=str(self.base / "cookie_secret"),
                home_template=str(self.home_root / "{username}"), singleuser=str(singleuser),
                singleuser_args=["--allow-root"] if RUNNING_AS_ROOT else [], environment=user_environment,
                timeout=self.spawn_timeout, service=SERVICE, token=self.token, scopes=SERVICE_SCOPES,
            )
        )
        self.process = ManagedProcess("jupyterhub", [str(jupyterhub), "-f", str(config)], cwd=self.base, env=env,
                                      log_dir=self.base)
        self.process.start()
        self.base_url = f"http://127.0.0.1:{proxy_port}"
        self.process.wait_for_http(f"{self.base_url}/hub/api/", timeout=90, ok=lambda s: s == 200)
        pid_file = self.base / "proxy.pid"
        if pid_file.is_file():
            self.proxy_pid = int(pid_file.read_text().strip())
            self.process.extra_pids.add(self.proxy_pid)
        return self

    def processes(self) -> list[Any]:
        """psutil handles of the hub and everything it started (proxy, servers, kernels)."""
        import psutil

        assert self.process is not None
        found = []
        try:
            root = psutil.Process(self.process.pid)
            found = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            pass
        if self.proxy_pid is not None and all(p.pid != self.proxy_pid for p in found):
            try:
                found.append(psutil.Process(self.proxy_pid))
            except psutil.NoSuchProcess:
                pass
        return found

    def stop(self) -> list[int]:
        """Stop the hub, the proxy and every server and kernel; return PIDs still alive after it."""
        if self.process is None:
            return []
        watched = {p.pid for p in self.processes()} | self._watched
        self.process.extra_pids |= watched
        self.process.stop()
        return [pid for pid in watched | {self.process.pid} if _alive(pid)]

    # -- REST ---------------------------------------------------------------------------------
    def hub_api(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.api.request(method, f"{self.base_url}/hub/api/{path.lstrip('/')}", timeout=60, **kwargs)
        assert response.status_code < 400, f"{method} /hub/api/{path}: {response.status_code} {response.text[:500]}"
        return response.json() if response.content else None

    def user_api(self, user: str, method: str, path: str, **kwargs: Any) -> Any:
        url = f"{self.base_url}/user/{user}/api/{path.lstrip('/')}"
        response = self.api.request(method, url, timeout=120, **kwargs)
        assert response.status_code < 400, f"{method} {url}: {response.status_code} {response.text[:500]}"
        return response.json() if response.content else None

    def spawn(self, user: str, timeout: float | None = None) -> float:
        """Create ``user`` if needed, start their server, wait until it is ready; return seconds.

        Waits on the hub's spawn-progress event stream, as the browser's "server starting" page
        does (not by polling, which would load the hub more than a class of browsers does).
        Raises ``RuntimeError`` with the hub's message when the spawn fails.
        """
        started = time.monotonic()
        limit = timeout or self.spawn_timeout + 30
        response = self.api.get(f"{self.base_url}/hub/api/users/{user}", timeout=60)
        if response.status_code == 404:
            self.hub_api("POST", f"users/{user}")
        self.hub_api("POST", f"users/{user}/server")
        url = f"{self.base_url}/hub/api/users/{user}/server/progress"
        last: dict[str, Any] = {}
        with self.api.get(url, stream=True, timeout=limit) as events:
            if events.status_code != 200:
                raise RuntimeError(f"{user}'s server failed to start (progress: HTTP {events.status_code} "
                                   f"{events.text[:300]})")
            for raw in events.iter_lines(decode_unicode=True):
                if time.monotonic() - started > limit:
                    break
                if not raw or not raw.startswith("data:"):
                    continue
                last = json.loads(raw[len("data:"):].strip())
                if last.get("failed"):
                    raise RuntimeError(f"{user}'s server failed to start: {last.get('message')}")
                if last.get("ready"):
                    break
        server = (self.hub_api("GET", f"users/{user}").get("servers") or {}).get("")
        if not (server and server.get("ready")):
            raise TimeoutError(f"{user}'s server was not ready within {limit:.0f} s (last event: {last})")
        pid = (server.get("state") or {}).get("pid")
        if pid:
            self._watched.add(int(pid))
        return time.monotonic() - started

    def server_pid(self, user: str) -> int:
        server = (self.hub_api("GET", f"users/{user}").get("servers") or {}).get("") or {}
        return int((server.get("state") or {})["pid"])

    def stop_server(self, user: str) -> None:
        self.hub_api("DELETE", f"users/{user}/server")

    def log_in(self, user: str) -> Any:
        """Log in through the hub's login form like a browser; return the logged-in ``requests`` session."""
        import requests

        browser = requests.Session()
        browser.get(f"{self.base_url}/hub/login", timeout=30).raise_for_status()
        xsrf = browser.cookies.get("_xsrf")
        assert xsrf, "the login page set no _xsrf cookie"
        response = browser.post(
            f"{self.base_url}/hub/login?next=", data={"username": user, "password": self.password, "_xsrf": xsrf},
            allow_redirects=False, timeout=30,
        )
        assert response.status_code == 302, f"login failed: {response.status_code} {response.text[:300]}"
        me = browser.get(f"{self.base_url}/hub/api/user", headers={"X-XSRFToken": xsrf}, timeout=30)
        assert me.status_code == 200 and me.json()["name"] == user, f"/hub/api/user: {me.status_code} {me.text[:300]}"
        return browser

    def log_tail(self, chars: int = 4000) -> str:
        return self.process.log_tail(chars) if self.process else "(hub not started)"


def _alive(pid: int) -> bool:
    try:
        import psutil

        return psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except Exception:
        return False


# ------------------------------------------------------------------------------------------
# The course as a git repository, and nbgitpuller
# ------------------------------------------------------------------------------------------
GIT_IDENTITY = ["-c", "user.name=mgdlearn instructor", "-c", "user.email=instructor@example.org",
                "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"]


def git(*args: str, cwd: Path) -> str:
    """Run ``git`` with a fixed identity (none of the machine's settings needed); return stdout."""
    done = subprocess.run(["git", *GIT_IDENTITY, *args], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, f"git {' '.join(args)} failed in {cwd}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def export_checkout(dest: Path, source: Path = REPO_ROOT) -> Path:
    """Copy the files git tracks in ``source`` (their working-tree content) to ``dest``: what a fresh
    clone would hold, with this checkout's uncommitted edits. Returns ``dest``."""
    if shutil.which("git") is None:
        component_missing("git", "install git (apt-get install git)")
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=source, capture_output=True, check=True).stdout
    for rel in filter(None, listed.decode().split("\0")):
        src = source / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    return dest


def make_course_repo(dest: Path, source: Path = REPO_ROOT) -> tuple[Path, Path]:
    """Make ``dest/mgdlearn.git`` (bare, branch ``main``) from the files git tracks in ``source``.

    The working-tree content of each tracked file is used, so uncommitted lesson edits are what
    the students get. Returns ``(bare, instructor)``: the bare repository and the instructor's
    clone of it, where a test edits lessons and pushes them.
    """
    work = export_checkout(dest / "course-src", source)
    git("init", "-q", "-b", "main", cwd=work)
    git("add", "-A", cwd=work)
    git("commit", "-q", "-m", "Course as of this checkout", cwd=work)
    bare = dest / "mgdlearn.git"
    git("clone", "-q", "--bare", str(work), str(bare), cwd=dest)
    instructor = dest / "instructor"
    git("clone", "-q", bare.as_uri(), str(instructor), cwd=dest)
    shutil.rmtree(work)
    return bare, instructor


def git_pull(hub: LocalHub, user: str, repo: str, branch: str = "main", targetpath: str = COURSE_DIR,
             timeout: float = 300) -> list[str]:
    """Pull ``repo`` into ``user``'s home with nbgitpuller's API; return its output lines.

    This is the event stream nbgitpuller's "synchronizing" page reads after a student opens a link.
    """
    url = f"{hub.base_url}/user/{user}/git-pull/api"
    params = {"repo": repo, "branch": branch, "targetpath": targetpath}
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    with hub.api.get(url, params=params, stream=True, timeout=timeout) as response:
        assert response.status_code == 200, f"git-pull: HTTP {response.status_code} {response.text[:300]}"
        for raw in response.iter_lines(decode_unicode=True):
            if time.monotonic() > deadline:
                raise TimeoutError(f"nbgitpuller did not finish within {timeout:.0f} s: {lines[-5:]}")
            if not raw or not raw.startswith("data:"):
                continue
            event = json.loads(raw[len("data:"):].strip())
            if event.get("output"):
                lines.append(event["output"].rstrip())
            if event.get("phase") == "error":
                raise RuntimeError(f"nbgitpuller failed: {event.get('message')}\n" + "\n".join(lines[-20:]))
            if event.get("phase") == "finished":
                return lines
    raise RuntimeError("nbgitpuller's stream ended without 'finished':\n" + "\n".join(lines[-20:]))


# ------------------------------------------------------------------------------------------
# A notebook session over the kernel websocket
# ------------------------------------------------------------------------------------------
SLIDER_MODELS = {"IntSliderModel", "FloatSliderModel", "FloatLogSliderModel", "SelectionSliderModel"}


@dataclass
class Reply:
    """What the kernel sent in answer to one request (until it went idle)."""

    seconds: float
    messages: list[dict[str, Any]] = field(default_factory=list)

    def of_type(self, *kinds: str) -> list[dict[str, Any]]:
        return [m for m in self.messages if m["header"]["msg_type"] in kinds]

    def errors(self) -> list[str]:
        """Error outputs, failed replies and tracebacks on stderr."""
        found = [f"{m['content'].get('ename')}: {m['content'].get('evalue')}" for m in self.of_type("error")]
        found += [f"reply status {m['content'].get('status')}" for m in self.of_type("execute_reply")
                  if m["content"].get("status") != "ok"]
        found += [m["content"]["text"][:500] for m in self.of_type("stream")
                  if m["content"].get("name") == "stderr" and "Traceback" in m["content"].get("text", "")]
        return found

    def text(self) -> str:
        """Every text the kernel showed: streams, and the text/plain and text/html of displays."""
        parts = [m["content"].get("text", "") for m in self.of_type("stream")]
        for m in self.of_type("display_data", "execute_result", "update_display_data"):
            data = m["content"].get("data", {})
            parts += [data.get("text/plain", ""), data.get("text/html", "")]
        return "\n".join(parts)


class KernelSession:
    """A notebook open in a student's server: a kernel and one websocket, as JupyterLab has.

    Widget models the kernel opens (``comm_open`` of ``jupyter.widget``) are collected in
    :attr:`widgets` (comm id -> state), so a test can move sliders as the browser does.
    """

    def __init__(self, hub: LocalHub, user: str, path: str, timeout: float = 300) -> None:
        import websocket

        self.hub, self.user, self.path, self.timeout = hub, user, path, timeout
        session = hub.user_api(user, "POST", "sessions", json={
            "path": path, "name": Path(path).name, "type": "notebook", "kernel": {"name": "python3"}})
        self.session_id, self.kernel_id = session["id"], session["kernel"]["id"]
        self.client_session = uuid.uuid4().hex
        ws_url = (f"{hub.base_url.replace('http', 'ws', 1)}/user/{user}/api/kernels/{self.kernel_id}/channels"
                  f"?session_id={self.client_session}")
        self.ws = websocket.create_connection(ws_url, header=[f"Authorization: token {hub.token}"], timeout=timeout)
        self.widgets: dict[str, dict[str, Any]] = {}
        self.views: list[str] = []  # model ids of the widgets the notebook displayed, in order

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.hub.user_api(self.user, "DELETE", f"sessions/{self.session_id}")

    def _send(self, msg_type: str, content: dict[str, Any]) -> str:
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "username": self.user, "session": self.client_session,
                       "date": datetime.now(timezone.utc).isoformat(), "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [], "content": content,
        }))
        return msg_id

    def _collect(self, msg_id: str, started: float, want_reply: str | None) -> Reply:
        """Read until the kernel is idle for ``msg_id`` (and its ``want_reply`` shell reply came)."""
        reply = Reply(0.0)
        replied, idle = want_reply is None, False
        deadline = started + self.timeout
        while not (replied and idle):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.user}: no idle from the kernel within {self.timeout:.0f} s ({self.path})")
            msg = json.loads(self.ws.recv())
            kind = msg["header"]["msg_type"]
            if kind == "comm_open" and msg["content"].get("target_name") == "jupyter.widget":
                self.widgets[msg["content"]["comm_id"]] = dict(msg["content"]["data"].get("state", {}))
            if kind in ("display_data", "execute_result"):
                view = msg["content"].get("data", {}).get("application/vnd.jupyter.widget-view+json")
                if view and view.get("model_id"):
                    self.views.append(view["model_id"])
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            reply.messages.append(msg)
            if msg["channel"] == "shell" and kind == want_reply:
                replied = True
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
        reply.seconds = time.perf_counter() - started
        return reply

    def execute(self, code: str) -> Reply:
        """Run ``code`` as a cell; wait for its reply and for the kernel to go idle."""
        started = time.perf_counter()
        msg_id = self._send("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False,
            "stop_on_error": True})
        return self._collect(msg_id, started, "execute_reply")

    def run_notebook(self) -> list[Reply]:
        """Run every non-empty code cell of the stored notebook, top to bottom."""
        stored = self.hub.user_api(self.user, "GET", f"contents/{self.path}")
        cells = [c for c in stored["content"]["cells"] if c["cell_type"] == "code" and _source(c).strip()]
        assert cells, f"{self.path} has no code cells"
        return [self.execute(_source(c)) for c in cells]

    def sliders(self) -> dict[str, dict[str, Any]]:
        """The slider models the notebook opened (comm id -> state)."""
        return {cid: s for cid, s in self.widgets.items() if s.get("_model_name") in SLIDER_MODELS}

    def explorers(self) -> list[list[str]]:
        """For each displayed widget (an explorer), in display order, the comm ids of its sliders."""
        found = []
        for root in self.views:
            seen: set[str] = set()
            stack = [root]
            while stack:
                cid = stack.pop()
                if cid in seen or cid not in self.widgets:
                    continue
                seen.add(cid)
                for value in self.widgets[cid].values():
                    for item in value if isinstance(value, list) else [value]:
                        if isinstance(item, str) and item.startswith("IPY_MODEL_"):
                            stack.append(item[len("IPY_MODEL_"):])
            sliders = [cid for cid in self.widgets if cid in seen and self.widgets[cid].get("_model_name") in SLIDER_MODELS]
            if sliders:
                found.append(sliders)
        return found

    def move(self, comm_id: str, state: dict[str, Any]) -> Reply:
        """Send a widget state change as the browser does (``comm_msg`` "update"); wait until idle.

        The time is from sending to the kernel going idle: the explorer has recomputed, redrawn and
        sent its new picture by then.
        """
        started = time.perf_counter()
        msg_id = self._send("comm_msg", {"comm_id": comm_id,
                                         "data": {"method": "update", "state": state, "buffer_paths": []}})
        reply = self._collect(msg_id, started, None)
        self.widgets[comm_id].update(state)
        return reply


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def next_slider_value(state: dict[str, Any], k: int) -> dict[str, Any]:
    """A new value for a slider model, on its step grid and different from the current one.

    ``k`` picks the position (deterministic): positions are spread over the slider's range.
    """
    model = state["_model_name"]
    if model == "SelectionSliderModel":
        n = len(state.get("_options_labels", []))
        index = (int(state.get("index", 0)) + 1 + k) % max(n, 1)
        if index == state.get("index"):
            index = (index + 1) % n
        return {"index": index}
    lo, hi, step = float(state["min"]), float(state["max"]), float(state.get("step") or 1)
    steps = max(1, round((hi - lo) / step))
    current = state["value"] if model != "FloatLogSliderModel" else None
    # golden-ratio stride: successive moves land far apart, like a student trying the range
    position = int(round(((k + 1) * 0.618034 % 1.0) * steps))
    for offset in range(steps + 1):
        p = (position + offset) % (steps + 1)
        if model == "FloatLogSliderModel":
            value = float(state.get("base", 10)) ** (lo + p * step)
            if abs(value - float(state["value"])) > 1e-12 * max(1.0, abs(value)):
                return {"value": value}
            continue
        value: float | int = lo + p * step
        value = int(round(value)) if model == "IntSliderModel" else round(min(hi, value), 10)
        if value != current:
            return {"value": value}
    raise ValueError(f"slider {state.get('description')!r} has a single value")


def solution_answers(notebook: Path, count: int) -> list[tuple[str, str]]:
    """The first ``count`` (answer code, check code) pairs of an instructor (nbgrader) notebook.

    The answer is the solution cell as the instructor wrote it; the check cell without its hidden
    tests (what a student's notebook runs).
    """
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    pairs = []
    answer: str | None = None
    for cell in cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell["cell_type"] != "code":
            continue
        if meta.get("solution") and not meta.get("grade"):
            answer = _source(cell)
        elif meta.get("grade") and answer is not None:
            check = _source(cell).split("### BEGIN HIDDEN TESTS")[0].strip()
            pairs.append((answer, check))
            answer = None
        if len(pairs) == count:
            break
    return pairs
