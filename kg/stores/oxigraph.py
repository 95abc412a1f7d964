"""The embedded RDF store: pyoxigraph (Oxigraph, RocksDB on disk), one named graph per article."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path
import re

import pyoxigraph as ox

from ..config import ONTOLOGY_DIR, store_path
from ..errors import StoreError
from ..ids import article_iri
from ..rdf_build import article_quads, dt_literal, n
from ..types import ArticleGraph, WriteReport
from ..vocab import DCTERMS, KG, RDF
from .base import GraphStore

ONTOLOGY_GRAPH = "http://kg.example.org/ontology"
ARTICLE = n(KG.Article)
ISSUED = n(DCTERMS.issued)
INGESTED = n(KG.ingested)


class OxigraphStore(GraphStore):
    """Persistent RDF store under a directory (``--store DIR`` / ``KG_STORE`` / the data directory)."""

    name = "rdf"

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False, create: bool = True):
        self.path = store_path(path)
        try:
            if read_only:
                if not self.path.exists():
                    raise StoreError(f"no store at {self.path}: run `kg ingest` first (or pass --store DIR)")
                self.store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.store = ox.Store(str(self.path))
                self._ensure_ontology()
        except OSError as e:
            raise StoreError(f"cannot open the RDF store at {self.path}: {e}") from None

    def _ensure_ontology(self) -> None:
        """The ontology in its own named graph, so queries can join relation labels and PLOVER codes
        (exports of articles leave it out; it is the same file for every store)."""
        graph = ox.NamedNode(ONTOLOGY_GRAPH)
        if not self.store.contains_named_graph(graph):
            quads = [ox.Quad(t.subject, t.predicate, t.object, graph)
                     for t in ox.parse(path=str(ONTOLOGY_DIR / "kg.ttl"), format=ox.RdfFormat.TURTLE)]
            self.store.extend(quads)

    @classmethod
    def memory(cls) -> "OxigraphStore":
        self = cls.__new__(cls)
        self.path, self.store = None, ox.Store()
        return self

    # -- writing -------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.store.contains_named_graph(ox.NamedNode(article_iri(article_id)))

    def write(self, graphs: Sequence[ArticleGraph], ingested: datetime | None = None) -> WriteReport:
        """Each article in one transaction; an article already present is skipped."""
        report = WriteReport(self.name)
        stamp = dt_literal((ingested or datetime.now(timezone.utc)).replace(microsecond=0))
        for g in graphs:
            if self.has_article(g.article.id):
                report.articles_skipped += 1
                continue
            name = ox.NamedNode(article_iri(g.article.id))
            quads = article_quads(g) + [ox.Quad(name, INGESTED, stamp, name)]
            try:
                self.store.extend(quads)  # transactional: all of the article or nothing
            except OSError as e:
                report.errors.append(f"{g.article.source}: store write failed: {e}")
                continue
            report.articles_new += 1
            report.statements += len(g.statements)
            report.entities += len(g.entities)
        return report

    def load_file(self, path: Path, fmt: ox.RdfFormat) -> None:
        """Load an RDF file (an export) in one transaction."""
        try:
            quads = list(ox.parse(path=str(path), format=fmt))
            self.store.extend(quads)
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(f"{path}: cannot load: {e}") from None

    def flush(self) -> None:
        if self.path is not None:
            self.store.flush()

    def close(self) -> None:
        self.store = None

    # -- reading -------------------------------------------------------------------------------
    def query(self, sparql: str, params: dict[str, ox.NamedNode | ox.Literal] | None = None, *, union: bool = True):
        """Run SPARQL with parameters bound as RDF terms (never pasted into the text as strings).

        Oxigraph's own substitution only accepts projected variables, so parameters become a
        ``VALUES`` block at the start of the outermost group, each value serialised by pyoxigraph
        as an N-Triples term (escaping is the RDF library's, not ours).
        """
        from ..errors import QueryError

        if params:
            sparql = bind_values(sparql, params)
        try:
            return self.store.query(sparql, use_default_graph_as_union=union, prefixes=PREFIXES)
        except SyntaxError as e:
            raise QueryError(f"invalid SPARQL: {e}") from None
        except (OSError, RuntimeError) as e:
            raise QueryError(f"query failed: {e}") from None

    def articles(self) -> list[tuple[str, datetime | None, datetime | None]]:
        """(graph IRI, published, ingested) for every article, sorted by IRI."""
        rows = self.store.query(
            "SELECT ?g ?issued ?ingested WHERE { GRAPH ?g { ?g a kg:Article OPTIONAL { ?g dcterms:issued ?issued } "
            "OPTIONAL { ?g kg:ingested ?ingested } } }", prefixes=PREFIXES)
        out = []
        for r in rows:
            out.append((r["g"].value, _dt(r["issued"]), _dt(r["ingested"])))
        return sorted(out)

    def graph_quads(self, graph_iris: Iterable[str]) -> list[ox.Quad]:
        quads = []
        for g in graph_iris:
            quads.extend(self.store.quads_for_pattern(None, None, None, ox.NamedNode(g)))
        return quads

    def __len__(self) -> int:
        return len(self.store)


_SPARQL_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\s]*>'
    r"|#[^\n]*"
    r"|\{"
    r"|[^\"'<#{]+"
    r"|.",
    re.S,
)


def bind_values(sparql: str, params: dict) -> str:
    """Insert ``VALUES (?a ?b) { (term term) }`` right after the first ``{`` outside strings, IRIs and comments."""
    from ..errors import QueryError

    for m in _SPARQL_TOKEN.finditer(sparql):
        if m.group() == "{":
            pos = m.end()
            break
    else:
        raise QueryError("cannot bind parameters: the query has no group pattern { … }")
    names = " ".join(f"?{k}" for k in params)
    terms = " ".join(str(v) for v in params.values())
    return f"{sparql[:pos]} VALUES ({names}) {{ ({terms}) }} {sparql[pos:]}"


def _dt(term) -> datetime | None:
    if term is None:
        return None
    try:
        return datetime.fromisoformat(term.value.replace("Z", "+00:00"))
    except ValueError:
        return None


PREFIXES = {
    "kg": str(KG._NS), "rdf": str(RDF._NS), "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "dcterms": "http://purl.org/dc/terms/", "prov": "http://www.w3.org/ns/prov#", "schema": "http://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#", "oa": "http://www.w3.org/ns/oa#",
    "xsd": "http://www.w3.org/2001/XMLSchema#", "wd": "http://www.wikidata.org/entity/", "owl": "http://www.w3.org/2002/07/owl#",
}
