"""Fixtures of the end-to-end tests: a throw-away JupyterLab server and a Chromium page."""
from __future__ import annotations

import json
import os
import secrets
import shutil
import sys
from pathlib import Path
from typing import Iterator

import pytest

from ._support import (
    ARTIFACTS,
    REPO_ROOT,
    RUNNING_AS_ROOT,
    ManagedProcess,
    chromium_path,
    free_port,
    isolated_jupyter_env,
    require_module,
)
from .localhub import LocalHub, lab_venv

#: Chromium flags that work headless as root in a container (see docs/instructors.md).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
]
OVERRIDES = REPO_ROOT / "scripts" / "jupyterlab-overrides.json"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """Keep each phase's report on the item so fixtures can tell a failed test at teardown."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def course_source() -> Path:
    """Where the notebooks under test come from (``$MGDLEARN_E2E_COURSE`` or this checkout)."""
    return Path(os.environ.get("MGDLEARN_E2E_COURSE", REPO_ROOT)).resolve()


def _app_settings_dir(dest: Path) -> Path:
    """A copy of JupyterLab's app settings folder with the news pop-up override merged in."""
    from jupyterlab.commands import get_app_dir

    original = Path(get_app_dir()) / "settings"
    if original.is_dir():
        shutil.copytree(original, dest, dirs_exist_ok=True)
    dest.mkdir(parents=True, exist_ok=True)
    target = dest / "overrides.json"
    merged = json.loads(target.read_text()) if target.is_file() else {}
    for plugin, values in json.loads(OVERRIDES.read_text()).items():
        merged.setdefault(plugin, {}).update(values)
    target.write_text(json.dumps(merged, indent=2))
    return dest


class LabServer:
    """A running JupyterLab: ``url(path)`` adds the token; ``root`` is the served course copy."""

    def __init__(self, process: ManagedProcess, port: int, token: str, root: Path, progress: Path) -> None:
        self.process, self.port, self.token, self.root, self.progress = process, port, token, root, progress

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}?token={self.token}"


@pytest.fixture(scope="module")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """JupyterLab on 127.0.0.1 with a token, serving a temporary copy of the course notebooks.

    Its settings, workspaces, runtime files and progress file all live in a temporary folder;
    the news pop-up is disabled through an ``overrides.json`` in a temporary app settings folder.
    """
    require_module("jupyterlab", '"jupyterlab>=4,<5"')
    base = tmp_path_factory.mktemp("lab")
    root = base / "course"
    source = course_source()
    for folder in ("lessons", "exercises"):
        if (source / folder).is_dir():
            shutil.copytree(source / folder, root / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    root.mkdir(exist_ok=True)
    env = isolated_jupyter_env(base)
    port, token = free_port(), secrets.token_hex(16)
    cmd = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        "--ServerApp.port_retries=0", f"--ServerApp.token={token}", f"--ServerApp.root_dir={root}",
        f"--LabApp.app_settings_dir={_app_settings_dir(base / 'app-settings')}",
        f"--LabApp.user_settings_dir={base / 'user-settings'}", f"--LabApp.workspaces_dir={base / 'workspaces'}",
    ]
    if RUNNING_AS_ROOT:
        cmd.append("--allow-root")
    server = ManagedProcess("jupyterlab", cmd, cwd=root, env=env, log_dir=base)
    try:
        server.start()
        server.wait_for_http(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=90, ok=lambda s: s == 200)
        yield LabServer(server, port, token, root, Path(env["MGDLEARN_PROGRESS"]))
    finally:
        server.stop()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        if server.log_path.exists():
            shutil.copy2(server.log_path, ARTIFACTS / "jupyterlab-server.log")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (no browser download: ``executable_path`` is given)."""
    executable = chromium_path()
    require_module("playwright", '"playwright>=1.45"')
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh page (1400x1400); on failure a screenshot goes to test-artifacts/."""
    context = browser.new_context(viewport={"width": 1400, "height": 1400})  # type: ignore[attr-defined]
    context.set_default_timeout(30_000)
    pg = context.new_page()
    messages: list[str] = []
    pg.on("pageerror", lambda exc: messages.append(f"page error: {exc}"))
    pg.on("console", lambda msg: messages.append(f"console {msg.type}: {msg.text}") if msg.type in ("error", "warning") else None)
    pg.console_messages_seen = messages  # type: ignore[attr-defined]
    try:
        yield pg
    finally:
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            (ARTIFACTS / f"{request.node.name}-console.log").write_text("\n".join(messages) + "\n")
            try:
                pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}-failure.png"))
            except Exception:  # the page may be gone; the report already says why
                pass
        context.close()


@pytest.fixture
def local_hub(tmp_path: Path) -> Iterator[LocalHub]:
    """JupyterHub + configurable-http-proxy on free loopback ports; students' servers from ``.venv-lab``.

    Stopped at the end (its log copied to test-artifacts/), and checked: no process it started is
    left running.
    """
    hub = LocalHub(tmp_path / "hub", lab_venv())
    leftovers: list[int] = []
    try:
        hub.start()
        yield hub
    finally:
        leftovers = hub.stop()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        if hub.process is not None and hub.process.log_path.exists():
            shutil.copy2(hub.process.log_path, ARTIFACTS / "jupyterhub.log")
    assert not leftovers, f"processes still running after the hub was stopped: {leftovers}"
