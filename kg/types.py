"""Typed records passed between pipeline stages.

read ─► clean ─► nlp ─► extract ─► resolve ─► build ─► store(s)
Article        Doc     Candidate   Statement   ArticleGraph  WriteReport

Records are frozen dataclasses: a stage never mutates what an earlier stage produced.
Character offsets always refer to ``Article.text`` (the cleaned body: title line, then
paragraphs, joined by ``\\n``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

MODALITIES = ("asserted", "reported", "negated", "hypothetical", "planned", "denied")
OBJECT_KINDS = ("entity", "proposition", "none")


@dataclass(frozen=True)
class RawArticle:
    """What a reader found in one input, before cleaning (boilerplate still in, no id)."""

    title: str
    paragraphs: tuple[str, ...]  # body paragraphs, without the title
    published: datetime | None
    published_source: str
    retrieved: datetime | None
    retrieved_source: str
    source: str
    lang: str | None = None  # given by the input or the user; detected during cleaning otherwise
    tags: tuple[str, ...] = ()
    url: str | None = None
    doc_id: str | None = None  # an id the input gives (JSONL "id"), kept as the document name in outputs


@dataclass(frozen=True)
class Article:
    """One cleaned news article. ``id`` is a hash of the normalised body: same text, same id."""

    id: str
    title: str
    paragraphs: tuple[str, ...]  # the title first (headlines carry statements), then body paragraphs
    lang: str
    lang_source: str  # "given" | "detected"
    published: datetime | None  # naive when the source gives no zone (kept as given, never guessed)
    published_source: str  # where the publication time came from, e.g. "line 1", "meta article:published_time"
    retrieved: datetime | None
    retrieved_source: str
    source: str  # path, URL or "-"
    tags: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()  # boilerplate lines that cleaning removed (for audit, never stored as body)
    doc_id: str | None = None  # the input's own id, if it has one

    @property
    def document(self) -> str:
        """Name of the document in outputs: the input's id, else the article id."""
        return self.doc_id or self.id

    @property
    def text(self) -> str:
        """The body every character offset refers to."""
        return "\n".join(self.paragraphs)

    def paragraph_starts(self) -> list[int]:
        """Offset of each paragraph in ``text``."""
        starts, pos = [], 0
        for p in self.paragraphs:
            starts.append(pos)
            pos += len(p) + 1
        return starts


@dataclass(frozen=True)
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Argument:
    """One side of a candidate statement, as the extractor found it in the text.

    ``text`` is what to resolve: the mention itself, or for a pronoun/role phrase resolved by
    coreference the antecedent's text (``surface`` keeps what the sentence said).
    """

    text: str
    span: Span  # where the argument (or the pronoun standing for it) is in the sentence
    kind: str = "entity"  # "entity" | "proposition" | "none" (no second actor: "X resigned")
    ner: str | None = None  # coarse NER hint: PER, ORG, LOC, GPE, MISC, ROLE
    surface: str | None = None  # the words in this sentence when different from ``text`` (pronoun, role)
    via: str = "direct"  # direct | apposition | coref | role | plural | quote-speaker
    role_phrase: str | None = None  # a role phrase ("le président américain") to resolve at the article's date
    antecedent: str | None = None  # for a pronoun: the antecedent's whole mention ("the Egyptian police")


@dataclass(frozen=True)
class Candidate:
    """A statement as extracted, before entity resolution."""

    subject: Argument
    relation: str  # ontology relation name, English verb lemma: invite, say, ...
    object: Argument
    modality: str  # one of MODALITIES
    evidence: Span  # the sentence (or clause) that says it
    pattern: str  # name of the rule that produced it; drives confidence
    attributed_to: Argument | None = None
    location: Argument | None = None
    trigger: str = ""  # the verb or phrase that triggered the relation
    parent: int | None = None  # index of the speech candidate this nested one came from
    event_type: str | None = None  # PLOVER type when it is not the relation's own (a speaker's own reported act)


@dataclass(frozen=True)
class Entity:
    """A canonical actor: gazetteer entry or minted from label + type."""

    iri: str
    label: str  # canonical English label (Wikidata label where known)
    type: str  # Person, Country, Organization, InternationalOrganization, GovernmentBody, MediaOutlet, ArmedGroup, Location, City
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    minted: bool = False


@dataclass(frozen=True)
class Resolution:
    """How one mention became an entity."""

    mention: str
    entity: Entity
    method: str  # exact | alias | fuzzy | role | minted | coref
    score: float = 1.0
    detail: str = ""  # e.g. the office for a role resolution, "head_of_state/USA@2025-02-12"


@dataclass(frozen=True)
class Statement:
    """A resolved statement, the unit both stores write. ``id`` is stable across runs."""

    id: str
    article_id: str
    subject: Resolution
    predicate: str
    object_kind: str  # "entity" | "proposition" | "none" (a one-actor event: no rdf:object)
    object: Resolution | None  # for entity objects
    object_text: str  # surface text of the object (the claim text for propositions, the theme or "" for none)
    modality: str
    attributed_to: Resolution | None
    location: Resolution | None
    event_type: str | None  # PLOVER
    cameo: str | None
    evidence: tuple[Span, ...]  # one or more spans when the article says it more than once
    confidence: float
    pattern: str
    nested_in: str | None = None  # id of the speech statement this one was extracted from


@dataclass(frozen=True)
class ArticleGraph:
    """Everything one article contributes to the stores (built once, written to every store)."""

    article: Article
    statements: tuple[Statement, ...]
    entities: tuple[Entity, ...]  # every entity the statements mention, deduplicated by IRI
    extractor_version: str = ""


@dataclass
class WriteReport:
    """What a store did with a batch."""

    store: str
    articles_new: int = 0
    articles_skipped: int = 0
    statements: int = 0
    entities: int = 0
    errors: list[str] = field(default_factory=list)
