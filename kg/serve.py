"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the RDF store (stdlib http.server).

* ``GET /sparql?query=…`` and ``POST /sparql`` (``application/x-www-form-urlencoded`` with
  ``query=…``, or ``application/sparql-query`` with the query as body); ``/`` works too.
* Results by content negotiation (``Accept``; a ``format``/``output`` parameter overrides):
  SELECT/ASK as SPARQL JSON (default), XML, CSV or TSV; CONSTRUCT/DESCRIBE as Turtle (default)
  or N-Triples (or RDF/XML).
* Read-only: the store is opened read-only and only the query operation exists — an update
  (``update=`` or ``application/sparql-update``) gets 405, anything that does not parse as a
  query gets 400.
* Timeout: the query runs (and is serialised) in a worker thread; past the limit the client gets
  503. Oxigraph has no cancellation from Python, so that thread finishes in the background (the
  pool bounds how many such queries run at once).
* As for ``kg query``: the default graph is the union of the article graphs, kg's prefixes are
  predeclared.
"""
from __future__ import annotations

import concurrent.futures as cf
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from .stores.oxigraph import PREFIXES, OxigraphStore

RESULT_TYPES = {  # media type → pyoxigraph results format
    "application/sparql-results+json": ox.QueryResultsFormat.JSON, "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML, "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
               "application/rdf+xml": ox.RdfFormat.RDF_XML}
SHORT = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
         "tsv": "text/tab-separated-values", "turtle": "text/turtle", "ttl": "text/turtle",
         "ntriples": "application/n-triples", "nt": "application/n-triples", "rdfxml": "application/rdf+xml"}
PATHS = ("/", "/sparql", "/query")


class HTTPError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def negotiate(accept: str, offers: dict, default: str) -> str:
    """The offered media type the Accept header prefers (q-values, ``*/*``, ``type/*``); 406 if none."""
    if not accept.strip():
        return default
    prefs = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        prefs.append((-q, i, fields[0].lower()))
    for neg_q, _, mt in sorted(prefs):
        if neg_q == 0:
            break
        if mt in offers:
            return mt
        if mt == "*/*":
            return default
        if mt.endswith("/*"):
            for offer in offers:
                if offer.startswith(mt[:-1]):
                    return offer
    raise HTTPError(406, f"none of the accepted types is available: {', '.join(offers)}")


def execute(store: OxigraphStore, query: str, accept: str, fmt: str | None) -> tuple[str, bytes]:
    """Run a query and serialise it: (content type, body). Raises HTTPError 400/406."""
    try:
        result = store.store.query(query, use_default_graph_as_union=True, prefixes=PREFIXES)
    except SyntaxError as e:
        raise HTTPError(400, f"not a SPARQL query (this endpoint is read-only, no updates): {e}") from None
    except (OSError, RuntimeError, ValueError) as e:
        raise HTTPError(400, f"query failed: {e}") from None
    wanted = SHORT.get((fmt or "").lower())
    graph = isinstance(result, ox.QueryTriples)
    offers = GRAPH_TYPES if graph else RESULT_TYPES
    try:
        mt = wanted if wanted in offers else negotiate(accept, offers, "text/turtle" if graph else "application/sparql-results+json")
    except HTTPError as e:
        # pyoxigraph results must be dropped on this thread: the traceback must not carry them away
        del result
        raise HTTPError(e.status, str(e)) from None
    try:
        if graph:
            body = ox.serialize(result, format=offers[mt], prefixes=PREFIXES if mt == "text/turtle" else None)
        else:
            body = result.serialize(format=offers[mt])
    except (OSError, RuntimeError, ValueError) as e:
        raise HTTPError(500, f"cannot serialise the results: {e}") from None
    charset = "; charset=utf-8" if mt.startswith("text/") or "json" in mt or "xml" in mt else ""
    return mt + charset, body


class Handler(BaseHTTPRequestHandler):
    server: "SparqlServer"
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet unless asked: the CLI prints one line at start
        if self.server.verbose:
            super().log_message(fmt, *args)

    def do_GET(self):
        self._handle(parse_qs(urlsplit(self.path).query, keep_blank_values=True), None)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        if ctype == "application/sparql-update":
            return self._error(405, "this endpoint is read-only: SPARQL Update is not accepted")
        if ctype == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
            return self._handle(params, None)
        if ctype == "application/sparql-query":
            return self._handle(params, body)
        self._error(415, "POST needs application/x-www-form-urlencoded or application/sparql-query")

    def do_PUT(self):
        self._error(405, "this endpoint is read-only")

    do_DELETE = do_PATCH = do_PUT

    def _handle(self, params: dict, body_query: str | None) -> None:
        if urlsplit(self.path).path not in PATHS:
            return self._error(404, f"no such path; query at {' or '.join(PATHS)}")
        if "update" in params:
            return self._error(405, "this endpoint is read-only: SPARQL Update is not accepted")
        queries = [body_query] if body_query is not None else params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return self._error(400, "give exactly one query (?query=… or a POST body)")
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            return self._error(400, "default-graph-uri/named-graph-uri are not supported: use GRAPH/FROM in the query")
        fmt = (params.get("format") or params.get("output") or [None])[0]
        future = self.server.pool.submit(execute, self.server.store, queries[0], self.headers.get("Accept", ""), fmt)
        try:
            ctype, payload = future.result(timeout=self.server.timeout_s)
        except cf.TimeoutError:
            return self._error(503, f"query timed out after {self.server.timeout_s:g} s")
        except HTTPError as e:
            return self._error(e.status, str(e))
        self._send(200, ctype, payload)

    def _error(self, status: int, message: str) -> None:
        extra = {"Allow": "GET, POST"} if status == 405 else {}
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), extra)

    def _send(self, status: int, ctype: str, payload: bytes, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Access-Control-Allow-Origin", "*")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(payload)


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, store: OxigraphStore, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
                 workers: int = 4, verbose: bool = False):
        super().__init__((host, port), Handler)
        self.store, self.timeout_s, self.verbose = store, timeout, verbose
        self.pool = cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sparql")

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/sparql"

    def server_close(self) -> None:
        super().server_close()
        self.pool.shutdown(wait=False, cancel_futures=True)


def open_server(store_dir: Path | None, host: str, port: int, timeout: float, verbose: bool = False) -> SparqlServer:
    """A server on the store opened read-only (``port`` 0 = any free port)."""
    return SparqlServer(OxigraphStore(store_dir, read_only=True), host, port, timeout, verbose=verbose)


def start_in_thread(server: SparqlServer) -> threading.Thread:
    """Serve in a daemon thread (tests, notebooks); stop with ``server.shutdown()``."""
    t = threading.Thread(target=server.serve_forever, name="kg-serve", daemon=True)
    t.start()
    return t
