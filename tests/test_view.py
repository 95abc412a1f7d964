"""`kg view` and `kg plot`: the HTML page renders in headless Chromium; the PNG is written."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest

from conftest import invoke
from fixture_graph import build_store, memory_store
from kg.errors import KGError
from kg.view import view_data, write_view

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)


def dump_dom(page, tmp_path, fragment: str = "") -> str:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
           "--dump-dom", page.as_uri() + fragment]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=True).stdout


def test_view_data_is_deterministic_and_filtered():
    s = memory_store()
    a, b = view_data(s), view_data(s)
    assert a == b
    assert [n["label"] for n in a["nodes"]] == ["Donald Trump", "Emmanuel Macron", "Volodymyr Zelenskyy", "Vladimir Putin"]
    ego = view_data(s, "Macron")
    assert {n["label"] for n in ego["nodes"]} == {"Emmanuel Macron", "Donald Trump", "Volodymyr Zelenskyy"}
    early = view_data(s, None, __import__("kg.analyze", fromlist=["Filters"]).Filters(end="2025-02-10"))
    assert [(e["label"], e["statements"][0]["evidence"]) for e in early["edges"]] == [
        ("invite", "Vladimir Poutine a invité Donald Trump à Moscou.")]
    with pytest.raises(KGError, match="nothing to draw"):
        view_data(s, None, __import__("kg.analyze", fromlist=["Filters"]).Filters(end="2000-01-01"))


def test_page_is_self_contained(tmp_path):
    page = tmp_path / "g.html"
    write_view(memory_store(), page)
    text = page.read_text()
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|https?://(?!www\.w3\.org/2000/svg|kg\.example|www\.wikidata)", text)
    data = json.loads(re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', text, re.S).group(1))
    assert len(data["nodes"]) == 4 and len(data["edges"]) == 5


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; .ci/run does)")
def test_chromium_renders_nodes_edge_labels_and_evidence(tmp_path, runner):
    store = build_store(tmp_path / "store")
    page = tmp_path / "graph.html"
    res = invoke(runner, "view", "-o", page, "--store", store)
    assert res.exit_code == 0, res.output
    data = json.loads(re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page.read_text(), re.S).group(1))
    edge = next(i for i, e in enumerate(data["edges"]) if {"call", "invite", "meet"} <= set(e["label"].split(", ")))
    dom = dump_dom(page, tmp_path, f"#edge={edge}")
    svg = re.search(r'<svg id="graph".*?</svg>', dom, re.S).group(0)
    assert 'data-rendered="4"' in svg  # the script ran and drew every node
    labels = re.findall(r'<text[^>]*class="nlabel"[^>]*>([^<]+)</text>', svg)
    assert sorted(labels) == ["Donald Trump", "Emmanuel Macron", "Vladimir Putin", "Volodymyr Zelenskyy"]
    assert "call, invite, meet" in re.findall(r'class="elabel"[^>]*>([^<]+)<', svg)
    detail = re.search(r'<div id="detail">(.*?)<script', dom, re.S).group(1)
    assert "The Kremlin denied that Putin had invited Trump." in detail  # the evidence of the clicked edge
    assert "denied" in detail and "fx-a3" in detail


def test_plot_timeline_png(tmp_path, runner):
    store = build_store(tmp_path / "store")
    out = tmp_path / "t.png"
    res = invoke(runner, "plot", "timeline", "Trump", "-o", out, "--store", store)
    assert res.exit_code == 0, res.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and "6 statements" in res.output
    res = invoke(runner, "plot", "timeline", "Nobody Known", "-o", out, "--store", store)
    assert res.exit_code == 1
