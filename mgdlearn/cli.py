"""The ``mgdlearn`` command: open the course, show progress, check the set-up, make hub links.

Usage
-----
``mgdlearn lab [--port P] [--no-browser] [--course-root DIR] [extra jupyter args]``
    Open JupyterLab on ``lessons/00_start_here.ipynb`` of the course.
``mgdlearn progress``
    Print the saved progress (:func:`mgdlearn.exercises.summary.format_progress`).
``mgdlearn doctor [--course-root DIR]``
    Check Python, JupyterLab, ipywidgets and its JupyterLab extension, matplotlib, the progress
    file and the course notebooks; print a fix for each problem; exit status 1 if any failed.
``mgdlearn nbgitpuller-link --hub URL [--repo URL] [--branch B] [--path P]``
    Print the nbgitpuller link that clones the course into a hub user's home and opens it
    (``--repo`` may be ``file:///path/to/repo.git`` for a repository on the hub's own disk).

The module imports only the standard library at import time (a hub starts many processes);
Jupyter, matplotlib and the progress store are imported inside the commands that need them.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable, Sequence
from urllib.parse import quote, urlsplit

#: Where the course lives; the repository students clone or nbgitpuller pulls.
DEFAULT_REPO = "https://github.com/mgdlearn/mgdlearn"
#: The notebook every student starts with (relative to the course root).
START_NOTEBOOK = "lessons/00_start_here.ipynb"
#: Oldest Python the package supports (``requires-python`` in pyproject.toml).
MIN_PYTHON = (3, 10)
#: Environment variable naming the course folder explicitly.
COURSE_ROOT_ENV = "MGDLEARN_COURSE_ROOT"
#: Environment variable naming the progress file (read by :mod:`mgdlearn.progress_store` too).
PROGRESS_ENV = "MGDLEARN_PROGRESS"
#: The ipywidgets 8 front-end extension, as installed by ``jupyterlab_widgets``.
WIDGET_EXTENSION = "@jupyter-widgets/jupyterlab-manager"

_GET_NOTEBOOKS = (
    "get the course notebooks with `git clone {repo}` and run `mgdlearn lab` inside the clone, "
    "or, on a JupyterHub, open the link printed by `mgdlearn nbgitpuller-link --hub URL`"
)


# --------------------------------------------------------------------------------------------
# Course root
# --------------------------------------------------------------------------------------------
def _has_start_notebook(folder: Path) -> bool:
    return (folder / START_NOTEBOOK).is_file()


def find_course_root(explicit: str | os.PathLike[str] | None = None, start: Path | None = None) -> Path | None:
    """Return the course folder (the one holding ``lessons/``), or ``None`` if none is found.

    Parameters
    ----------
    explicit : path, optional
        A folder given by the user (``--course-root``); returned as is when it is a directory,
        whether or not it holds the notebooks (``doctor`` then reports what is missing).
    start : Path, optional
        Where to start looking upwards (default: the current directory).

    Notes
    -----
    Search order: ``explicit``; ``$MGDLEARN_COURSE_ROOT``; the first of ``start`` and its parents
    that holds ``lessons/00_start_here.ipynb``; the checkout that contains this package (an
    editable install). A wheel install without a checkout finds nothing.
    """
    for given in (explicit, os.environ.get(COURSE_ROOT_ENV) or None):
        if given is not None:
            path = Path(given).expanduser()
            return path.resolve() if path.is_dir() else None
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if _has_start_notebook(folder):
            return folder
    checkout = Path(__file__).resolve().parent.parent
    if _has_start_notebook(checkout):
        return checkout
    return None


# --------------------------------------------------------------------------------------------
# nbgitpuller link
# --------------------------------------------------------------------------------------------
def _require_http_url(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a URL string such as https://hub.example.org; got {type(value).__name__}")
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{what} must be an http:// or https:// URL such as https://hub.example.org; got {value!r}")
    return value.strip()


def _require_repo_url(value: object) -> str:
    """A git URL nbgitpuller can clone: http(s), or ``file:///path`` (a repository on the hub's own disk)."""
    if isinstance(value, str) and urlsplit(value.strip()).scheme == "file":
        parts = urlsplit(value.strip())
        if parts.netloc not in ("", "localhost") or not parts.path.startswith("/") or parts.path.rstrip("/") == "":
            raise ValueError(
                f"--repo must be an http:// or https:// URL, or file:///absolute/path/to/repo.git; got {value!r}"
            )
        return value.strip()
    try:
        return _require_http_url(value, "--repo")
    except ValueError:
        raise ValueError(
            f"--repo must be an http:// or https:// URL such as {DEFAULT_REPO}, "
            f"or file:///absolute/path/to/repo.git; got {value!r}"
        ) from None


def nbgitpuller_link(
    hub: str,
    repo: str = DEFAULT_REPO,
    branch: str = "main",
    path: str = START_NOTEBOOK,
    app: str = "lab",
) -> str:
    """Return an nbgitpuller link that pulls ``repo`` into the user's home and opens ``path``.

    Parameters
    ----------
    hub : str
        Base URL of the JupyterHub (``https://hub.example.org``; a trailing ``/hub`` is accepted).
    repo : str
        Git repository URL: http or https, or ``file:///path`` for a repository on the hub's own
        disk (a single-machine hub).
    branch : str
        Branch to pull.
    path : str
        File or folder to open, relative to the repository root.
    app : {"lab", "tree"}
        ``"lab"`` opens JupyterLab, ``"tree"`` the classic file tree of Notebook 7.

    Returns
    -------
    str
        ``{hub}/hub/user-redirect/git-pull?repo=...&urlpath=lab/tree/<repo-dir>/<path>&branch=...
        &targetpath=<repo-dir>`` with every query value percent-encoded. ``<repo-dir>`` is the
        repository's name without ``.git``; ``targetpath`` makes nbgitpuller clone into that folder
        (left to itself, nbgitpuller 1.3 names the folder after the URL's last part, ``.git``
        included, and ``urlpath`` would then point at a folder that does not exist).

    Raises
    ------
    ValueError
        If the hub URL is not http(s), the repository URL not http(s) or ``file:///``, the
        branch is empty or has spaces, the path is absolute or
        leaves the repository, or ``app`` is not ``"lab"`` or ``"tree"``.
    """
    hub_url = _require_http_url(hub, "--hub").rstrip("/")
    if hub_url.endswith("/hub"):
        hub_url = hub_url[: -len("/hub")]
    repo_url = _require_repo_url(repo).rstrip("/")
    if not isinstance(branch, str) or not branch.strip() or any(c.isspace() for c in branch.strip()):
        raise ValueError(f"--branch must be a git branch name without spaces, such as 'main'; got {branch!r}")
    if app not in ("lab", "tree"):
        raise ValueError(f"--app must be 'lab' or 'tree'; got {app!r}")
    if not isinstance(path, str):
        raise TypeError(f"--path must be a relative path string such as {START_NOTEBOOK!r}")
    rel = PurePosixPath(path.strip().replace("\\", "/"))
    if rel.is_absolute() or ".." in rel.parts:
        raise ValueError(f"--path must be relative to the repository and stay inside it, such as {START_NOTEBOOK!r}; got {path!r}")
    repo_dir = repo_url.rsplit("/", 1)[-1]
    repo_dir = repo_dir[: -len(".git")] if repo_dir.endswith(".git") else repo_dir
    if not repo_dir:
        raise ValueError(f"--repo must end with the repository name, such as {DEFAULT_REPO}; got {repo!r}")
    urlpath = f"{app}/tree/{repo_dir}" + ("" if str(rel) == "." else f"/{rel}")
    query = "&".join(
        f"{key}={quote(value, safe='')}"
        for key, value in (("repo", repo_url), ("urlpath", urlpath), ("branch", branch.strip()), ("targetpath", repo_dir))
    )
    return f"{hub_url}/hub/user-redirect/git-pull?{query}"


# --------------------------------------------------------------------------------------------
# lab
# --------------------------------------------------------------------------------------------
def _running_as_root() -> bool:
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and geteuid() == 0


def build_lab_command(
    course_root: Path,
    *,
    notebook: str = START_NOTEBOOK,
    port: int | None = None,
    no_browser: bool = False,
    extra: Sequence[str] = (),
) -> list[str]:
    """Return the ``jupyter lab`` command line that opens ``notebook`` in ``course_root``.

    ``--allow-root`` is added when running as root (JupyterLab refuses to start otherwise).
    Run the command with ``cwd=course_root``.

    Raises
    ------
    ValueError
        If ``port`` is not in 1..65535 or ``notebook`` is not a file inside ``course_root``.
    """
    if port is not None and (isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536):
        raise ValueError(f"--port must be a whole number from 1 to 65535; got {port!r}")
    target = (course_root / notebook).resolve()
    if not target.is_file() or course_root.resolve() not in target.parents:
        raise ValueError(f"notebook {notebook!r} is not a file inside the course folder {course_root}")
    rel = target.relative_to(course_root.resolve()).as_posix()
    cmd = [
        sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={course_root}",
        # the URL JupyterLab prints and opens points straight at the notebook
        f"--LabApp.default_url=/lab/tree/{quote(rel)}",
    ]
    if port is not None:
        cmd.append(f"--port={port}")
    if no_browser:
        cmd.append("--no-browser")
    if _running_as_root() and "--allow-root" not in extra:
        cmd.append("--allow-root")
    cmd.extend(extra)
    return cmd


def _cmd_lab(args: argparse.Namespace, extra: list[str]) -> int:
    root = find_course_root(args.course_root)
    if root is None or not (root / args.notebook).is_file():
        where = f"in {root}" if root is not None else "here or in any parent folder"
        print(f"mgdlearn lab: the course notebook {args.notebook} was not found {where};", file=sys.stderr)
        print("  " + _GET_NOTEBOOKS.format(repo=DEFAULT_REPO) + ".", file=sys.stderr)
        return 1
    cmd = build_lab_command(root, notebook=args.notebook, port=args.port, no_browser=args.no_browser, extra=extra)
    if args.dry_run:
        print(" ".join(_shell_quote(part) for part in cmd))
        return 0
    try:
        return subprocess.call(cmd, cwd=root)
    except KeyboardInterrupt:
        return 130


def _shell_quote(part: str) -> str:
    import shlex

    return shlex.quote(part)


# --------------------------------------------------------------------------------------------
# progress
# --------------------------------------------------------------------------------------------
def _cmd_progress(args: argparse.Namespace, extra: list[str]) -> int:
    # lazy: the command imports only the standard library at start (a hub starts many processes)
    from mgdlearn.exercises.summary import format_progress

    print(format_progress())
    return 0


# --------------------------------------------------------------------------------------------
# doctor
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DoctorCheck:
    """Outcome of one ``mgdlearn doctor`` check.

    Attributes
    ----------
    name : str
        What was checked (``"JupyterLab"``).
    ok : bool
        Whether the check passed.
    detail : str
        What was found.
    fix : str
        How to fix it ("" when ``ok``).
    """

    name: str
    ok: bool
    detail: str
    fix: str = ""


def _dist_version(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None


def _major(version: str) -> int:
    head = version.split(".", 1)[0]
    return int(head) if head.isdigit() else -1


def check_python() -> DoctorCheck:
    """Python is new enough for the course (3.10 or newer)."""
    found = ".".join(str(p) for p in sys.version_info[:3])
    need = ".".join(str(p) for p in MIN_PYTHON)
    ok = sys.version_info[:2] >= MIN_PYTHON
    return DoctorCheck(
        "Python", ok, f"Python {found} at {sys.executable} (need {need} or newer)",
        "" if ok else f"install Python {need} or newer, then `python -m pip install mgdlearn` in it",
    )


def check_jupyterlab() -> DoctorCheck:
    """JupyterLab 4 is installed in this environment."""
    found = _dist_version("jupyterlab")
    ok = found is not None and _major(found) == 4
    detail = f"JupyterLab {found}" if found else "JupyterLab is not installed in this Python"
    return DoctorCheck(
        "JupyterLab", ok, detail + " (need 4.x)",
        "" if ok else f'run `{Path(sys.executable).name} -m pip install "jupyterlab>=4,<5"`',
    )


def check_ipywidgets() -> DoctorCheck:
    """ipywidgets 8 is installed (the explorers' sliders)."""
    found = _dist_version("ipywidgets")
    ok = found is not None and _major(found) == 8
    detail = f"ipywidgets {found}" if found else "ipywidgets is not installed in this Python"
    return DoctorCheck(
        "ipywidgets", ok, detail + " (need 8.x)",
        "" if ok else f'run `{Path(sys.executable).name} -m pip install "ipywidgets>=8,<9"`',
    )


def _labextension_paths() -> list[Path]:
    """Folders where JupyterLab looks for prebuilt extensions (the Jupyter data path)."""
    from jupyter_core.paths import jupyter_path

    return [Path(p) for p in jupyter_path("labextensions")]


def find_widget_extension(paths: Sequence[Path] | None = None) -> Path | None:
    """Return the folder of the ipywidgets JupyterLab extension, or ``None`` if absent.

    Parameters
    ----------
    paths : sequence of Path, optional
        ``labextensions`` folders to search (default: the Jupyter data path, which honours
        ``JUPYTER_PATH`` and ``JUPYTER_DATA_DIR``).
    """
    for base in _labextension_paths() if paths is None else paths:
        candidate = Path(base) / WIDGET_EXTENSION
        if (candidate / "package.json").is_file():
            return candidate
    return None


def check_widget_extension() -> DoctorCheck:
    """The ipywidgets front-end extension is where JupyterLab finds it."""
    paths = _labextension_paths()
    found = find_widget_extension(paths)
    if found is not None:
        return DoctorCheck("ipywidgets JupyterLab extension", True, f"{WIDGET_EXTENSION} in {found.parent.parent}")
    searched = ", ".join(str(p) for p in paths) or "(no folders)"
    return DoctorCheck(
        "ipywidgets JupyterLab extension", False,
        f"{WIDGET_EXTENSION} not found in the Jupyter data path: {searched}; sliders would show as "
        "'Error displaying widget' or as plain text",
        f'run `{Path(sys.executable).name} -m pip install "jupyterlab_widgets>=3,<4"` in the Python that runs '
        "JupyterLab (no `jupyter lab build` needed), then restart JupyterLab and reload the page",
    )


def check_matplotlib() -> DoctorCheck:
    """matplotlib imports and its Agg backend renders a figure (what the inline backend uses)."""
    fix = (
        f'run `{Path(sys.executable).name} -m pip install "matplotlib>=3.7"`; if MPLBACKEND is set, '
        "unset it (`unset MPLBACKEND`)"
    )
    try:
        import matplotlib
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        fig = Figure(figsize=(1, 1), dpi=20)
        canvas = FigureCanvasAgg(fig)
        fig.add_subplot().plot([0, 1], [0, 1])
        canvas.draw()
        width, height = canvas.get_width_height()
        pixels = bytes(canvas.buffer_rgba())
    except Exception as exc:  # any import or rendering failure is the finding
        return DoctorCheck("matplotlib", False, f"cannot render a figure: {type(exc).__name__}: {exc}", fix)
    if width * height == 0 or len(set(pixels)) < 2:
        return DoctorCheck("matplotlib", False, "the Agg backend produced an empty image", fix)
    return DoctorCheck("matplotlib", True, f"matplotlib {matplotlib.__version__}, Agg renders ({width}x{height} px)")


def progress_path() -> Path | None:
    """The progress file the course will write (``None`` when saving is switched off).

    The same rule as :func:`mgdlearn.progress_store.default_progress_path`:
    ``$MGDLEARN_PROGRESS`` (``off`` switches saving off), else the per-user data folder.
    """
    # lazy: the command imports only the standard library at start (a hub starts many processes)
    from mgdlearn.progress_store import default_progress_path

    path = default_progress_path()
    return None if path is None else Path(path)


def _probe_writable(path: Path) -> str | None:
    """Return why ``path`` cannot be written, or ``None`` if it can (nothing is left behind)."""
    import tempfile

    if path.is_dir():
        return f"{path} is a folder, not a file"
    folder = path.parent
    existing = folder
    while not existing.exists():
        if existing.parent == existing:
            return f"no part of {folder} exists"
        existing = existing.parent
    if not existing.is_dir():
        return f"{existing} is a file, so the folder {folder} cannot be created"
    try:
        with tempfile.NamedTemporaryFile(dir=existing, prefix=".mgdlearn-doctor-"):
            pass
        if path.exists():
            with open(path, "ab"):
                pass
    except OSError as exc:
        return f"cannot write in {existing}: {exc.strerror or exc}"
    return None


def check_progress_file() -> DoctorCheck:
    """The progress file (or the folder it will be created in) can be written."""
    fix = (
        f"point {PROGRESS_ENV} at a file in a folder you can write, e.g. "
        f"`export {PROGRESS_ENV}=$HOME/mgdlearn-progress.json`, or fix the folder's permissions"
    )
    try:
        path = progress_path()
    except Exception as exc:  # the progress store itself is broken or missing
        return DoctorCheck(
            "progress file", False, f"cannot locate the progress file: {type(exc).__name__}: {exc}",
            f"reinstall the package (`python -m pip install --force-reinstall mgdlearn`) or set {PROGRESS_ENV}",
        )
    if path is None:
        return DoctorCheck("progress file", True, f"saving progress is switched off ({PROGRESS_ENV}=off)")
    problem = _probe_writable(path)
    if problem is None:
        return DoctorCheck("progress file", True, f"{path} is writable")
    return DoctorCheck("progress file", False, f"{path} is not writable: {problem}; saved progress would be lost", fix)


def check_course_notebooks(course_root: str | os.PathLike[str] | None = None) -> DoctorCheck:
    """The course notebooks (``lessons/`` with the start notebook, ``exercises/``) are present."""
    fix = _GET_NOTEBOOKS.format(repo=DEFAULT_REPO) + f" (or pass --course-root DIR / set {COURSE_ROOT_ENV})"
    root = find_course_root(course_root)
    if root is None:
        given = course_root or os.environ.get(COURSE_ROOT_ENV)
        where = f"{given} is not a folder" if given else f"no {START_NOTEBOOK} in {Path.cwd()} or its parents"
        return DoctorCheck("course notebooks", False, f"course folder not found: {where}", fix)
    lessons = sorted((root / "lessons").glob("*.ipynb"))
    exercises = sorted((root / "exercises").glob("*.ipynb"))
    missing = []
    if not (root / START_NOTEBOOK).is_file():
        missing.append(START_NOTEBOOK)
    if not exercises:
        missing.append("exercises/*.ipynb")
    if missing:
        return DoctorCheck("course notebooks", False, f"missing in {root}: {', '.join(missing)}", fix)
    return DoctorCheck(
        "course notebooks", True, f"{len(lessons)} lessons and {len(exercises)} exercise notebooks in {root}"
    )


def run_doctor(course_root: str | os.PathLike[str] | None = None) -> list[DoctorCheck]:
    """Run every environment check and return the results in display order."""
    checks: list[Callable[[], DoctorCheck]] = [
        check_python,
        check_jupyterlab,
        check_ipywidgets,
        check_widget_extension,
        check_matplotlib,
        check_progress_file,
        lambda: check_course_notebooks(course_root),
    ]
    return [check() for check in checks]


def format_report(results: Sequence[DoctorCheck]) -> str:
    """Render doctor results as text: one line per check, a ``fix:`` line under each failure."""
    lines = ["mgdlearn doctor: checking this environment for the course"]
    for result in results:
        lines.append(f"  [{'ok' if result.ok else 'FAIL'}] {result.name}: {result.detail}")
        if not result.ok:
            lines.append(f"         fix: {result.fix}")
    failed = sum(not r.ok for r in results)
    lines.append(
        f"All {len(results)} checks passed." if not failed
        else f"{failed} of {len(results)} checks failed; apply the fixes above and run `mgdlearn doctor` again."
    )
    return "\n".join(lines)


def _cmd_doctor(args: argparse.Namespace, extra: list[str]) -> int:
    results = run_doctor(args.course_root)
    print(format_report(results))
    return 0 if all(r.ok for r in results) else 1


def _cmd_link(args: argparse.Namespace, extra: list[str]) -> int:
    print(nbgitpuller_link(args.hub, repo=args.repo, branch=args.branch, path=args.path, app=args.app))
    return 0


# --------------------------------------------------------------------------------------------
# entry point
# --------------------------------------------------------------------------------------------
def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to 65535, not {text!r}") from None
    if not 0 < value < 65536:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to 65535, not {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``mgdlearn`` command."""
    parser = argparse.ArgumentParser(
        prog="mgdlearn", description="The magnesium and vitamin D course: open it, check your set-up, share it."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    lab = sub.add_parser(
        "lab", help="open JupyterLab on the course's start notebook",
        description="Open JupyterLab on the course. Unknown options are passed on to `jupyter lab`.",
    )
    lab.add_argument("--port", type=_port, help="port for JupyterLab (default: Jupyter's, 8888 or the next free)")
    lab.add_argument("--no-browser", action="store_true", help="do not open a browser window")
    lab.add_argument("--course-root", metavar="DIR", help="the course folder (default: found from here)")
    lab.add_argument("--notebook", default=START_NOTEBOOK, help=f"notebook to open (default: {START_NOTEBOOK})")
    lab.add_argument("--dry-run", action="store_true", help="print the jupyter command instead of running it")
    lab.set_defaults(func=_cmd_lab)

    progress = sub.add_parser("progress", help="print your saved progress")
    progress.set_defaults(func=_cmd_progress)

    doctor = sub.add_parser("doctor", help="check this environment and say how to fix each problem")
    doctor.add_argument("--course-root", metavar="DIR", help="the course folder (default: found from here)")
    doctor.set_defaults(func=_cmd_doctor)

    link = sub.add_parser("nbgitpuller-link", help="print the nbgitpuller link that opens the course on a hub")
    link.add_argument("--hub", required=True, help="the JupyterHub's URL, e.g. https://hub.example.org")
    link.add_argument("--repo", default=DEFAULT_REPO,
                      help=f"git repository: http(s) URL or file:///path on the hub (default: {DEFAULT_REPO})")
    link.add_argument("--branch", default="main", help="branch (default: main)")
    link.add_argument("--path", default=START_NOTEBOOK, help=f"file to open (default: {START_NOTEBOOK})")
    link.add_argument("--app", choices=("lab", "tree"), default="lab", help="interface to open (default: lab)")
    link.set_defaults(func=_cmd_link)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``mgdlearn`` command with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    args, extra = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    if extra and extra[0] == "--":
        extra = extra[1:]
    if extra and args.command != "lab":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return args.func(args, extra)
    except (ValueError, TypeError) as exc:
        print(f"mgdlearn {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `mgdlearn progress | head`: the reader left; stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover - `python -m mgdlearn.cli`
    sys.exit(main())
