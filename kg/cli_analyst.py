"""Analyst commands (`kg queries`, `kg analyze`, `kg view`, `kg plot`, `kg serve`), registered on the main app."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the analyst commands to ``app`` (called once by kg.cli)."""
