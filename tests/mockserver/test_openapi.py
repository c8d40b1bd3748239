"""The published contract (docs/OPENAPI) and the app's router describe the same routes."""

from __future__ import annotations

from pathlib import Path

import yaml

from mockserver.app import make_app
from mockserver.config import Config

OPENAPI = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"
METHODS = {"get", "put", "post", "delete", "patch"}


def documented() -> set[tuple[str, str]]:
    spec = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
    assert spec["openapi"].startswith("3.")
    return {(method.upper(), path) for path, item in spec["paths"].items() for method in item if method in METHODS}


def routed() -> set[tuple[str, str]]:
    app = make_app(Config(rol="gemeente"))
    return {(route.method, route.resource.canonical) for route in app.router.routes()
            if route.method not in ("HEAD", "OPTIONS")}


def test_every_documented_route_exists_and_vice_versa():
    assert documented() == routed()


def test_every_operation_documents_its_responses():
    spec = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                assert operation.get("operationId") and operation.get("responses"), (method, path)
