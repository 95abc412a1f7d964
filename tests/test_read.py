"""Readers, one per input format, and the cleaning step."""
from __future__ import annotations

import io
import json
import sys
from datetime import datetime, timedelta, timezone

import pytest

from conftest import SAMPLE
from kg.clean import clean
from kg.errors import InputError
from kg.read import ReadOptions, read_paths


def read_one(path, **opts):
    items = list(read_paths([str(path)], ReadOptions(**opts)))
    assert len(items) == 1, items
    return items[0]


def test_sample_format():
    raw = read_one(SAMPLE)
    assert raw.published == datetime(2025, 2, 12, 21, 36) and raw.published.tzinfo is None
    assert raw.retrieved == datetime(2025, 2, 13, 8, 14, 49, tzinfo=timezone.utc)
    assert raw.tags == ("Parle", "guerre", "lUkraine", "Poutine", "invite", "Trump", "Moscou")
    a = clean(raw)
    assert a.lang == "fr" and a.lang_source == "detected"
    assert "Taz peut lire" not in a.text and "Soutien maintenant" not in a.text and "#Parle" not in a.text
    assert a.text.startswith("Les présidents des États-Unis") and a.text.endswith("troupes internationales.")
    assert a.removed and a.removed[0].startswith("Taz peut lire chacun")


def test_article_id_is_a_hash_of_the_normalised_body(tmp_path):
    a = clean(read_one(SAMPLE))
    copy = tmp_path / "copy.txt"
    copy.write_text(SAMPLE.read_text(encoding="utf-8").replace("\n", "  \n"), encoding="utf-8")
    assert clean(read_one(copy)).id == a.id
    changed = tmp_path / "changed.txt"
    changed.write_text(SAMPLE.read_text(encoding="utf-8").replace("Moscou", "Minsk"), encoding="utf-8")
    assert clean(read_one(changed)).id != a.id


def test_jsonl(tmp_path):
    p = tmp_path / "feed.jsonl"
    rows = [{"url": "https://example.org/a", "published": "2025-03-01T10:00:00+01:00", "title": "A",
             "text": "Para one.\nPara two.", "lang": "en", "retrieved": 1740819600},
            {"url": "https://example.org/b", "published": "2025-03-02", "title": "B", "text": "Other text.", "lang": "en"}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    a, b = list(read_paths([str(p)]))
    assert a.published == datetime(2025, 3, 1, 10, tzinfo=timezone(timedelta(hours=1)))
    assert a.retrieved.tzinfo is not None and a.paragraphs == ("Para one.", "Para two.") and a.source == "https://example.org/a"
    assert b.published == datetime(2025, 3, 2) and b.retrieved is None


def test_jsonl_bad_line_names_the_line(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text('{"published": "2025-01-01", "text": "ok", "title": "t"}\n\n{oops\n', encoding="utf-8")
    items = list(read_paths([str(p)]))
    assert isinstance(items[1], InputError) and items[1].line == 3 and "malformed JSON" in str(items[1])


def test_plain_text_needs_published(tmp_path):
    p = tmp_path / "note.txt"
    p.write_text("A title\nSome body text about Paris.\n", encoding="utf-8")
    assert isinstance(read_one(p), InputError)
    raw = read_one(p, published="2025-04-01T09:00", lang="en")
    assert raw.title == "A title" and raw.published == datetime(2025, 4, 1, 9) and raw.lang == "en"
    assert raw.published_source == "--published option"


def test_html_main_text_and_date(tmp_path):
    body = " ".join(["The minister met the ambassador in Paris to discuss the crisis."] * 6)
    html = f"""<!doctype html><html lang="en"><head><title>Talks in Paris</title>
<meta property="article:published_time" content="2025-02-12T21:36:00+01:00"></head>
<body><nav>Home | World</nav><article><h1>Talks in Paris</h1><p>{body}</p><p>{body}</p></article>
<footer>Subscribe to our newsletter</footer></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    raw = read_one(p)
    assert raw.published == datetime(2025, 2, 12, 21, 36, tzinfo=timezone(timedelta(hours=1)))
    assert "The minister met the ambassador" in " ".join(raw.paragraphs)
    assert "Home | World" not in " ".join(raw.paragraphs)


def test_directories_are_recursive_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "1.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "ignore.bin").write_bytes(b"\x00")
    sources = [r.source for r in read_paths([str(tmp_path)])]
    assert sources == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.txt")]


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SAMPLE.read_bytes())))
    raw = read_one("-")
    assert raw.source == "-" and raw.title.startswith("Les présidents")


@pytest.mark.parametrize("value", ["2025-02-30", "yesterday", "12/02/2025 9pm"])
def test_unparseable_dates_are_errors(tmp_path, value):
    p = tmp_path / "x.txt"
    p.write_text("Title\nBody of the text.\n", encoding="utf-8")
    item = read_one(p, published=value)
    assert isinstance(item, InputError) and "unparseable date" in str(item)
