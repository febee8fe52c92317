"""The documented contract and the code agree."""

import re

import newsprism
from newsprism.cli import app
from newsprism.store.schema import TABLES

from .conftest import REPO

DOC = (REPO / "docs" / "CONTRACT.md").read_text(encoding="utf-8")
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented():
    for command in app.registered_commands:
        name = command.name or command.callback.__name__.replace("_command", "")
        assert f"newsprism {name}" in DOC, name
        assert f"newsprism {name}" in README, name


def test_every_analysis_key_is_documented():
    d = newsprism.analyze("Title\n\nBody.").to_dict()
    for key in d:
        assert f'"{key}"' in DOC
    for key in d["article"]:
        assert re.search(rf'"{key}"', DOC), key


def test_store_tables_are_documented():
    for name in TABLES:
        assert f"`{name}`" in DOC


def test_public_api():
    assert {"analyze", "read", "Pipeline", "Store", "ReadOptions", "Analysis"} <= set(
        newsprism.__all__
    )
    assert all(hasattr(newsprism, name) for name in newsprism.__all__)
