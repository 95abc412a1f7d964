"""Bad input: one clear message naming the file and the problem, non-zero exit, store unchanged."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from conftest import SAMPLE, invoke

pytestmark = pytest.mark.slow


def quads(store) -> int:
    return len(ox.Store.read_only(str(store))) if store.exists() else 0


CASES = {
    "missing": (None, "no such file"),
    "empty.txt": (b"", "empty file"),
    "binary.txt": (b"\x00\x01\x02PNG\x00" * 20, "binary file"),
    "latin1.txt": ("2025-02-12 10:00:00\nTitre\nL'été à Genève".encode("latin-1"), "not valid UTF-8"),
    "bad.jsonl": (b'{"published": "2025-02-12", "title": "ok", "text": "Putin met Xi.", "lang": "en"}\n{not json\n',
                  "bad.jsonl:2: malformed JSON"),
    "date.jsonl": (b'{"published": "yesterday", "title": "t", "text": "Putin met Xi.", "lang": "en"}\n', "unparseable date"),
    "nodate.jsonl": (b'{"title": "t", "text": "Putin met Xi in Beijing.", "lang": "en"}\n', "no publication time"),
    "empty.html": (b"<html><head><title>x</title></head><body><nav>menu</nav></body></html>", "no article text"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_leaves_store_unchanged(runner, sample_store, tmp_path, name):
    data, message = CASES[name]
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    before = quads(sample_store)
    r = invoke(runner, "ingest", path, "--store", sample_store)
    assert r.exit_code != 0
    assert message in r.stderr and name in r.stderr
    if name == "bad.jsonl":  # the good line of the same file still goes in
        assert quads(sample_store) > before
    else:
        assert quads(sample_store) == before


def test_good_articles_of_a_run_still_go_in(runner, tmp_path):
    store = tmp_path / "store"
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    r = invoke(runner, "ingest", SAMPLE, bad, "--store", store)
    assert r.exit_code == 2
    assert "1 input(s) failed" in r.stderr
    assert quads(store) > 100


def test_unknown_store_target_is_refused(runner, tmp_path):
    r = invoke(runner, "ingest", SAMPLE, "--store", tmp_path / "s", "--to", "mysql")
    assert r.exit_code != 0 and "unknown store" in r.stderr
