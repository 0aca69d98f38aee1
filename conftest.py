"""Shared test set-up: never touch a real student's saved progress."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "tests"))

# Notebook kernels started by nbval inherit this environment; point progress at a throw-away file.
os.environ.setdefault("MGDLEARN_PROGRESS", str(Path(tempfile.mkdtemp(prefix="mgdlearn-test-")) / "progress.json"))
os.environ.setdefault("PYTHONHASHSEED", "0")
