"""Shared fixtures: a CLI runner, stores in temp dirs, the sample ingested once per session."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest_neo4j import *  # noqa: F401,F403  (the Bolt server and hand-built graphs)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_4de0b466c5bc5281.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """No test touches the user's data directory."""
    monkeypatch.setenv("KG_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.delenv("KG_STORE", raising=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str, input: str | bytes | None = None):
    from kg.cli import app

    return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)


@pytest.fixture(scope="session")
def sample_store_master(tmp_path_factory) -> Path:
    """The sample ingested once (through the CLI) into a store that tests copy, never change."""
    from kg.cli import app

    path = tmp_path_factory.mktemp("sample") / "store"
    old = os.environ.get("KG_HOME")
    os.environ["KG_HOME"] = str(path.parent)
    try:
        result = CliRunner().invoke(app, ["ingest", str(SAMPLE), "--store", str(path)], catch_exceptions=False)
    finally:
        if old is None:
            os.environ.pop("KG_HOME", None)
        else:
            os.environ["KG_HOME"] = old
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def sample_store(sample_store_master, tmp_path) -> Path:
    """A private copy of the ingested sample store."""
    dest = tmp_path / "store"
    shutil.copytree(sample_store_master, dest)
    return dest
