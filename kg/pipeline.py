"""The pipeline as library calls: read → clean → nlp → extract → resolve → ArticleGraph."""
from __future__ import annotations

from collections.abc import Iterator

from . import __version__
from .clean import clean
from .errors import InputError, KGError
from .extract import extract_candidates
from .nlp import load_pipeline, parse, supported
from .read import ReadOptions, read_paths
from .resolve import Resolver
from .statements import argument_resolver, build_statements, entities_of
from .types import Article, ArticleGraph

EXTRACTOR_VERSION = f"kg-extract/{__version__}"
_MEDIA = {"MediaOutlet"}


def analyse(article: Article, resolver: Resolver | None = None, nlp=None) -> ArticleGraph:
    """Extract and resolve the statements of one cleaned article."""
    resolver = resolver or Resolver()
    if not supported(article.lang):
        return ArticleGraph(article, (), (), EXTRACTOR_VERSION)
    parsed = parse(article, nlp or load_pipeline(article.lang))
    resolve = argument_resolver(article, resolver)

    def key_of(arg):
        r = resolve(arg)
        gender = resolver.gaz.entries[resolver.gaz.by_iri[r.entity.iri]].gender if r.entity.iri in resolver.gaz.by_iri else None
        return r.entity.iri, gender, r.entity.type == "Person" or arg.ner in ("PER", "ROLE")

    def is_media(arg):
        return resolve(arg).entity.type in _MEDIA

    candidates = extract_candidates(article, parsed, key_of, is_media)
    statements = build_statements(article, candidates, resolve)
    return ArticleGraph(article, tuple(statements), entities_of(statements), EXTRACTOR_VERSION)


def articles(paths: list[str], options: ReadOptions | None = None) -> Iterator[Article | InputError]:
    """Cleaned articles (or one error per bad input) from paths."""
    for raw in read_paths(paths, options):
        if isinstance(raw, KGError):
            yield raw
            continue
        try:
            yield clean(raw)
        except InputError as e:
            yield e
