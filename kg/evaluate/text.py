"""Text normalisation for the scorer: label folding, content words, the half-of-words rule."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from kg.config import ONTOLOGY_DIR
from kg.errors import DataError

STOPWORDS_FILE = ONTOLOGY_DIR / "stopwords.tsv"
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Case-fold, NFKC-normalise and collapse whitespace: the form labels are compared in."""
    if not text:
        return ""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


@lru_cache(maxsize=4)
def load_stopwords(path: Path = STOPWORDS_FILE) -> dict[str, frozenset[str]]:
    """Read ``lang<TAB>word`` rows (``#`` comments, a ``lang word`` header) into sets per language."""
    words: dict[str, set[str]] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError(f"{path}: cannot read stop words ({exc.strerror})") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0] or not parts[1]:
            raise DataError(f"{path}:{n}: expected 'lang<TAB>word', got {line!r}")
        if parts == ["lang", "word"]:
            continue
        words.setdefault(parts[0], set()).add(fold(parts[1]))
    return {lang: frozenset(ws) for lang, ws in words.items()}


def stopwords_for(lang: str | None) -> frozenset[str]:
    """Stop words of ``lang``; the union of all languages when the language is unknown."""
    table = load_stopwords()
    if lang in table:
        return table[lang]
    return frozenset().union(*table.values())


def content_words(text: str | None, lang: str | None) -> list[str]:
    """Distinct content words of ``text`` in order: folded, stop words and punctuation removed.

    One-letter tokens (initials such as "U.S.", elisions) are dropped too, unless nothing else
    is left; if only stop words are left, all words count, so no gold string is vacuous.
    """
    tokens = list(dict.fromkeys(_WORD.findall(fold(text))))
    stop = stopwords_for(lang)
    content = [t for t in tokens if t not in stop]
    longer = [t for t in content if len(t) > 1]
    return longer or content or tokens


def covers_half(words: list[str], predicted: str | None) -> bool:
    """True when at least half of ``words`` appear in ``predicted``.

    A word "appears" when the folded, whitespace-collapsed predicted text contains it starting
    at a word boundary: "israeli" appears in "Israelis" (plurals, demonyms) but "us" does not
    appear in "business". An empty word list is covered by anything.
    """
    if not words:
        return True
    text = fold(predicted)
    if not text:
        return False
    found = sum(1 for w in words if re.search(r"(?<!\w)" + re.escape(w), text))
    return 2 * found >= len(words)
