"""Shared helpers of the end-to-end tests: component discovery, free ports, managed processes.

A missing component (Chromium, Playwright, configurable-http-proxy, node) makes a test *skip*
with a message saying how to enable it, or *fail* when ``MGDLEARN_REQUIRE_E2E=1`` (CI).
Every process a test starts runs in its own session and is stopped by its PID (and the PIDs
of its children, recorded before stopping) even when the test fails.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Mapping, NoReturn, Sequence

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("MGDLEARN_TEST_ARTIFACTS", REPO_ROOT / "test-artifacts"))
REQUIRE_ENV = "MGDLEARN_REQUIRE_E2E"
ENABLE_HINT = (
    "run `bash scripts/install_e2e_deps.sh` (installs Debian's chromium with apt-get and "
    "configurable-http-proxy from npm into .e2e/), then re-run the tests"
)
RUNNING_AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def e2e_required() -> bool:
    """True when ``MGDLEARN_REQUIRE_E2E`` asks for a missing component to be a failure."""
    return os.environ.get(REQUIRE_ENV, "").strip().lower() not in ("", "0", "false", "no")


def component_missing(what: str, how: str = ENABLE_HINT) -> NoReturn:
    """Skip (laptop) or fail (``MGDLEARN_REQUIRE_E2E=1``) because ``what`` is missing."""
    if e2e_required():
        pytest.fail(f"{what} is missing and {REQUIRE_ENV} is set: {how}", pytrace=False)
    pytest.skip(f"{what} is missing: {how} (set {REQUIRE_ENV}=1 to turn this skip into a failure)")


def chromium_path() -> Path:
    """Debian's Chromium (``$MGDLEARN_CHROMIUM`` overrides); never a downloaded browser."""
    path = Path(os.environ.get("MGDLEARN_CHROMIUM", "/usr/bin/chromium"))
    if not (path.is_file() and os.access(path, os.X_OK)):
        component_missing(f"Chromium ({path})")
    return path


def chp_path() -> Path:
    """configurable-http-proxy from ``.e2e/node_modules`` (``$MGDLEARN_CHP`` overrides)."""
    path = Path(os.environ.get("MGDLEARN_CHP", REPO_ROOT / ".e2e" / "node_modules" / ".bin" / "configurable-http-proxy"))
    if not path.exists():
        component_missing(f"configurable-http-proxy ({path})")
    if shutil.which("node") is None:
        component_missing("node (Node.js, needed by configurable-http-proxy)", "install Node.js 20+ and npm, then " + ENABLE_HINT)
    return path


def require_module(name: str, install: str) -> None:
    """Skip or fail when the Python module ``name`` cannot be imported."""
    import importlib.util

    if importlib.util.find_spec(name) is None:
        component_missing(f"the Python package {name}", f"run `python -m pip install {install}`")


def venv_script(name: str) -> Path:
    """A console script installed next to this Python (``jupyterhub-singleuser`` ...)."""
    path = Path(sys.executable).parent / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            component_missing(f"the {name} command", "run `python -m pip install -e '.[test]'`")
        path = Path(found)
    return path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def isolated_jupyter_env(base: Path) -> dict[str, str]:
    """Environment for a Jupyter process that touches none of the user's real settings or progress."""
    # MPLBACKEND is dropped too: a test set-up may force Agg, which would stop a kernel from
    # choosing the inline backend, so figures would never reach the page.
    env = {
        k: v for k, v in os.environ.items()
        if not k.startswith(("JUPYTER", "MGDLEARN_", "JPY_")) and k != "MPLBACKEND"
    }
    for name in ("config", "runtime", "ipython", "user-settings", "workspaces", "mplconfig"):
        (base / name).mkdir(parents=True, exist_ok=True)
    env.update(
        JUPYTER_CONFIG_DIR=str(base / "config"),
        JUPYTER_RUNTIME_DIR=str(base / "runtime"),
        IPYTHONDIR=str(base / "ipython"),
        JUPYTERLAB_SETTINGS_DIR=str(base / "user-settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(base / "workspaces"),
        MGDLEARN_PROGRESS=str(base / "progress.json"),
        PYTHONUNBUFFERED="1",
    )
    return env


class ManagedProcess:
    """A server process started in its own session, stopped by PID with its children.

    Parameters
    ----------
    name : str
        Label used in messages and for the log file name.
    cmd : sequence of str
        Command line.
    cwd : Path
        Working directory.
    env : mapping
        Full environment.
    log_dir : Path
        Where ``<name>.log`` (stdout and stderr) is written.
    """

    def __init__(self, name: str, cmd: Sequence[str], cwd: Path, env: Mapping[str, str], log_dir: Path) -> None:
        self.name = name
        self.cmd = list(cmd)
        self.cwd = cwd
        self.env = dict(env)
        self.log_path = log_dir / f"{name}.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.extra_pids: set[int] = set()

    def start(self) -> "ManagedProcess":
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(
                self.cmd, cwd=self.cwd, env=self.env, stdin=subprocess.DEVNULL, stdout=log,
                stderr=subprocess.STDOUT, start_new_session=True,
            )
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None, "process not started"
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return "(no log)"

    def wait_for_http(self, url: str, timeout: float = 60.0, ok: Callable[[int], bool] = lambda s: s < 500) -> None:
        """Poll ``url`` until it answers (status accepted by ``ok``); fail with the log if it dies."""
        import requests

        deadline = time.monotonic() + timeout
        last = ""
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode if self.proc else '?'}:\n{self.log_tail()}")
            try:
                response = requests.get(url, timeout=5)
                if ok(response.status_code):
                    return
                last = f"HTTP {response.status_code}"
            except requests.RequestException as exc:
                last = type(exc).__name__
            time.sleep(0.25)
        raise TimeoutError(f"{self.name} did not answer {url} within {timeout:.0f} s ({last}):\n{self.log_tail()}")

    def stop(self, timeout: float = 20.0) -> None:
        """SIGTERM the process (then SIGKILL), and kill any child or recorded PID still alive."""
        if self.proc is None:
            return
        pids = set(self.extra_pids)
        try:
            import psutil

            pids |= {child.pid for child in psutil.Process(self.proc.pid).children(recursive=True)}
        except Exception:  # psutil missing or the process already gone
            pass
        if self.proc.poll() is None:
            _signal(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                _signal(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        for pid in pids:
            _kill_if_alive(pid)


def _signal(pid: int, sig: int) -> None:
    """Send ``sig`` to the process group led by ``pid`` (it was started in its own session)."""
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        pass
    except PermissionError:
        os.kill(pid, sig)


def _kill_if_alive(pid: int, grace: float = 5.0) -> None:
    try:
        import psutil

        proc = psutil.Process(pid)
        proc.terminate()
        try:
            proc.wait(grace)
        except psutil.TimeoutExpired:
            proc.kill()
    except Exception:  # already gone (or psutil missing: the group signal covered it)
        pass
