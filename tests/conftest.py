"""Shared fixtures: the repo's paths and hand-written inputs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSPRISM_SHARED", REPO.parent / "shared"))
SEED = SHARED / "seed" / "000_b9e8d1aa8b426156.txt"
EXAMPLES = REPO / "examples"
sys.path.insert(0, str(REPO))  # the eval package


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", help="run slow tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
