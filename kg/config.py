"""Where things live: data directory, store path, base IRI, project data files."""
from __future__ import annotations

import os
from pathlib import Path

#: Project data shipped with the code (ontology, lexicons, gazetteer, queries).
PROJECT_ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = PROJECT_ROOT / "ontology"
QUERIES_DIR = PROJECT_ROOT / "queries"

#: Ontology namespace: fixed, so saved queries work on every store.
ONTO = "http://kg.example.org/ontology#"


def base_iri() -> str:
    """Base for article, statement and minted entity IRIs (``KG_BASE_IRI``)."""
    base = os.environ.get("KG_BASE_IRI", "http://kg.example.org/")
    return base if base.endswith(("/", "#")) else base + "/"


def data_dir() -> Path:
    """Per-user data directory (``KG_HOME``, else ``$XDG_DATA_HOME/kg``, else ``~/.local/share/kg``)."""
    if os.environ.get("KG_HOME"):
        return Path(os.environ["KG_HOME"])
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "kg"


def store_path(explicit: str | os.PathLike | None = None) -> Path:
    """The embedded RDF store: ``--store DIR``, else ``KG_STORE``, else ``<data dir>/store``."""
    if explicit:
        return Path(explicit)
    if os.environ.get("KG_STORE"):
        return Path(os.environ["KG_STORE"])
    return data_dir() / "store"
