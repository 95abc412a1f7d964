"""The pipeline as library calls: read → clean → nlp → extract → resolve → ArticleGraph."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby

from . import __version__
from .clean import clean
from .errors import InputError, KGError
from .extract import extract_candidates
from .nlp import ParsedParagraph, load_pipeline, normalise_for_parse, parse, supported
from .read import ReadOptions, read_paths
from .resolve import Resolver
from .statements import argument_resolver, build_statements, counterpart_resolver, entities_of
from .types import Article, ArticleGraph

EXTRACTOR_VERSION = f"kg-extract/{__version__}"
_MEDIA = {"MediaOutlet"}


def analyse(article: Article, resolver: Resolver | None = None, nlp=None,
            parsed: list[ParsedParagraph] | None = None) -> ArticleGraph:
    """Extract and resolve the statements of one cleaned article (``parsed``: its paragraphs, if
    already parsed)."""
    resolver = resolver or Resolver()
    if not supported(article.lang):
        return ArticleGraph(article, (), (), EXTRACTOR_VERSION)
    if parsed is None:
        parsed = parse(article, nlp or load_pipeline(article.lang))
    resolve = argument_resolver(article, resolver)

    def key_of(arg):
        r = resolve(arg)
        gender = resolver.gaz.entries[resolver.gaz.by_iri[r.entity.iri]].gender if r.entity.iri in resolver.gaz.by_iri else None
        return r.entity.iri, gender, r.entity.type == "Person" or arg.ner in ("PER", "ROLE")

    def is_media(arg):
        return resolve(arg).entity.type in _MEDIA

    def type_of(arg):
        r = resolve(arg)
        return None if r.entity.minted else r.entity.type

    candidates = extract_candidates(article, parsed, key_of, is_media, type_of)
    statements = build_statements(article, candidates, resolve, counterpart_resolver(article, resolver))
    return ArticleGraph(article, tuple(statements), entities_of(statements), EXTRACTOR_VERSION)


def analyse_stream(articles: Iterable[Article], resolver: Resolver | None = None) -> Iterator[ArticleGraph]:
    """ArticleGraphs in input order, the paragraphs of consecutive same-language articles parsed in one
    ``nlp.pipe`` stream (spaCy batches across articles, as it would for one long text)."""
    resolver = resolver or Resolver()
    for lang, group in groupby(articles, key=lambda a: a.lang):
        group = list(group)
        if not supported(lang):
            yield from (ArticleGraph(a, (), (), EXTRACTOR_VERSION) for a in group)
            continue
        nlp = load_pipeline(lang)
        texts = ((normalise_for_parse(p), (i, off)) for i, a in enumerate(group)
                 for p, off in zip(a.paragraphs, a.paragraph_starts()))
        docs: list[list[ParsedParagraph]] = [[] for _ in group]
        done = 0
        for doc, (i, off) in nlp.pipe(texts, as_tuples=True, batch_size=64):
            docs[i].append(ParsedParagraph(off, doc))
            while done < i:  # every paragraph of article ``done`` has been parsed
                yield analyse(group[done], resolver, parsed=docs[done])
                docs[done] = []
                done += 1
        for j in range(done, len(group)):
            yield analyse(group[j], resolver, parsed=docs[j])


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
