"""Beyond one machine: what can be checked of the Zero to JupyterHub deployment without Kubernetes.

Kubernetes and Helm cannot run here. What Helm itself checks before it renders anything is checked
instead: ``deploy/values.yaml`` is merged over the chart's default values and validated against the
chart's values schema, both copied from chart 4.4.0 into ``tests/e2e/data/z2jh-4.4.0/`` (no
download at test time). The schema forbids unknown keys almost everywhere, so a misspelt key fails
(tested too). The image environment is built and checked in ``test_image_env.py``.
"""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from ._support import REPO_ROOT

CHART_VERSION = "4.4.0"
CHART_DATA = Path(__file__).parent / "data" / f"z2jh-{CHART_VERSION}"
VALUES = REPO_ROOT / "deploy" / "values.yaml"
PVC = REPO_ROOT / "deploy" / "nbgrader-exchange-pvc.yaml"


def _yaml(path: Path) -> Any:
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _helm_merge(base: Any, override: Any) -> Any:
    """Helm's merge of a values file over the chart's: maps merge key by key, anything else replaces;
    a null value removes the chart's key."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            if value is None:
                merged.pop(key, None)
            else:
                merged[key] = _helm_merge(base.get(key), value)
        return merged
    return copy.deepcopy(override)


def _validate(values: dict[str, Any]) -> list[str]:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((CHART_DATA / "values.schema.json").read_text())
    defaults = json.loads((CHART_DATA / "values.json").read_text())["values"]
    merged = _helm_merge(defaults, values)
    validator = jsonschema.Draft7Validator(schema)
    return [f"{'.'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in validator.iter_errors(merged)]


def _bytes(quantity: str) -> float:
    """A Kubernetes memory quantity (``512M``, ``1G``, ``1Gi``) in bytes."""
    number, unit = re.fullmatch(r"([\d.]+)\s*([KMGT]i?)?", str(quantity)).groups()  # type: ignore[union-attr]
    scale = {None: 1, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40}
    return float(number) * scale[unit]


def test_values_file_passes_the_charts_own_schema() -> None:
    values = _yaml(VALUES)
    assert isinstance(values, dict)
    assert _validate(values) == []


def test_the_schema_check_catches_a_misspelt_or_mistyped_key() -> None:
    values = _yaml(VALUES)
    misspelt = copy.deepcopy(values)
    misspelt["singleuser"]["memroy"] = misspelt["singleuser"].pop("memory")
    assert any("memroy" in e for e in _validate(misspelt))
    mistyped = copy.deepcopy(values)
    mistyped["singleuser"]["cpu"]["limit"] = "1000m"  # the chart wants a number here
    assert any("singleuser.cpu.limit" in e for e in _validate(mistyped))
    wrong_level = copy.deepcopy(values)
    wrong_level["cull"]["idleTimeout"] = 3600
    assert any("idleTimeout" in e for e in _validate(wrong_level))


def test_values_carry_the_sizing_culling_and_exchange_the_guide_describes() -> None:
    values = _yaml(VALUES)
    user = values["singleuser"]
    guarantee, limit = _bytes(user["memory"]["guarantee"]), _bytes(user["memory"]["limit"])
    # docs/instructors.md section 5: a student with a lesson and an exercise open ~380 MB (p95 ~430)
    assert 430e6 <= guarantee < limit <= 2e9
    assert 0 < user["cpu"]["guarantee"] < user["cpu"]["limit"] <= 2
    assert values["cull"]["enabled"] is True and 600 <= values["cull"]["timeout"] <= 4 * 3600
    assert user["defaultUrl"] == "/lab"
    assert user["image"]["name"] and isinstance(user["image"]["tag"], str)
    mounts = {m["name"]: m["mountPath"] for m in user["storage"]["extraVolumeMounts"]}
    claims = {v["name"]: v["persistentVolumeClaim"]["claimName"] for v in user["storage"]["extraVolumes"]}
    config = user["extraFiles"]["nbgrader-config"]
    assert re.search(rf'c\.Exchange\.root = "{re.escape(mounts["nbgrader-exchange"])}"', config["stringData"])
    compile(config["stringData"], "nbgrader_config.py", "exec")  # it is Python that nbgrader will run

    pvc = _yaml(PVC)
    assert pvc["kind"] == "PersistentVolumeClaim" and pvc["apiVersion"] == "v1"
    assert pvc["metadata"]["name"] == claims["nbgrader-exchange"]
    assert pvc["spec"]["accessModes"] == ["ReadWriteMany"], "every user pod mounts the exchange at once"


def test_recorded_chart_is_the_one_the_values_file_names() -> None:
    assert f"chart {CHART_VERSION}" in (CHART_DATA / "values.schema.json").read_text()[:400]
    head = VALUES.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert f"--version {CHART_VERSION}" in head and f"chart \"jupyterhub\" {CHART_VERSION}" in head
