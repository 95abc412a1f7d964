"""`kg view`: a self-contained HTML picture of the actor network (no CDN, no external script).

Positions come from networkx (``spring_layout`` with a fixed seed, so the same store draws the same
picture); a small inline script draws them as SVG, labels every edge with its relations, and on a
click on an edge lists each statement behind it: evidence sentence, modality, article and date.
``#edge=N`` in the URL opens edge N's statements at load (handy for links and for the browser test).
"""
from __future__ import annotations

import html
import json
from collections import defaultdict
from pathlib import Path

import networkx as nx

from .analyze import Filters, actor_graph, entities, find_node, read_rows
from .errors import KGError

WIDTH, HEIGHT, MARGIN = 1000, 680, 70


def view_data(store, name: str | None = None, filters: Filters | None = None, seed: int = 7) -> dict:
    """Nodes with positions and edges with their statements, ready for the page."""
    rows = read_rows(store, filters)
    ents = entities(store)
    g = actor_graph(rows, ents)
    if name:
        g = nx.ego_graph(g, find_node(g, name), radius=1)
    if g.number_of_nodes() == 0:
        raise KGError("nothing to draw: no statements between actors match (check the name, dates and filters)")
    place = layout(g, seed)
    by_pair = defaultdict(list)
    for r in rows:
        if r.object is not None and r.subject in g and r.object in g and r.subject != r.object:
            by_pair[tuple(sorted((r.subject, r.object)))].append(r)
    label = lambda iri: g.nodes[iri]["label"]  # noqa: E731
    nodes = [{"id": n, "label": g.nodes[n]["label"], "type": g.nodes[n]["type"], "xy": place[n]} for n in sorted(g.nodes)]
    edges = []
    for (a, b) in sorted(by_pair):
        d = g.edges[a, b]
        edges.append({"a": a, "b": b, "label": d["relations"].replace(",", ", "), "weight": d["weight"],
                      "statements": [{"subject": label(r.subject), "relation": r.relation, "object": label(r.object),
                                      "modality": r.modality, "evidence": r.evidence, "article": r.article,
                                      "title": r.title, "published": r.published} for r in by_pair[(a, b)]]})
    return {"nodes": nodes, "edges": edges}


def layout(g: nx.Graph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Page coordinates: each connected component laid out on its own (spring layout, fixed seed)
    in its own cell of a grid, largest first — one layout of a disconnected graph pushes the
    components to the corners and squeezes each of them into a dot."""
    import math

    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c))
    cols = math.ceil(math.sqrt(len(comps)))
    rows = math.ceil(len(comps) / cols)
    cw, ch = (WIDTH - 2 * MARGIN) / cols, (HEIGHT - 2 * MARGIN) / rows
    out = {}
    for i, comp in enumerate(comps):
        x0, y0 = MARGIN + (i % cols) * cw, MARGIN + (i // cols) * ch
        if len(comp) == 1:
            out[comp[0]] = (round(x0 + cw / 2, 1), round(y0 + ch / 2, 1))
            continue
        pos = nx.spring_layout(g.subgraph(comp), seed=seed, weight="weight")
        xs, ys = [pos[n][0] for n in comp], [pos[n][1] for n in comp]
        sx, sy = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        pad = 0.12  # room for labels inside the cell
        for n in comp:
            out[n] = (round(x0 + cw * (pad + (1 - 2 * pad) * (pos[n][0] - min(xs)) / sx), 1),
                      round(y0 + ch * (pad + (1 - 2 * pad) * (pos[n][1] - min(ys)) / sy), 1))
    return out


def render_html(data: dict, title: str) -> str:
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return _PAGE.replace("{{title}}", html.escape(title)).replace("{{data}}", payload) \
        .replace("{{w}}", str(WIDTH)).replace("{{h}}", str(HEIGHT))


def write_view(store, output: Path, name: str | None = None, filters: Filters | None = None) -> dict:
    """Write the HTML page; returns counts (nodes, edges, statements)."""
    data = view_data(store, name, filters)
    title = f"kg — actor network{' around ' + name if name else ''}"
    output.write_text(render_html(data, title), encoding="utf-8")
    return {"nodes": len(data["nodes"]), "edges": len(data["edges"]),
            "statements": sum(len(e["statements"]) for e in data["edges"])}


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{title}}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;display:flex;height:100vh;color:#222}
#graph{flex:1;background:#fbfbfd} #side{width:340px;overflow:auto;border-left:1px solid #ddd;padding:12px;font-size:14px}
line.edge{stroke:#8a9bb0;cursor:pointer} line.edge:hover,line.edge.sel{stroke:#d9480f}
text.elabel{font-size:11px;fill:#555;cursor:pointer;paint-order:stroke;stroke:#fbfbfd;stroke-width:3px} circle{stroke:#fff;stroke-width:2}
text.nlabel{font-size:13px;font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:3px}
.st{border-top:1px solid #eee;padding:6px 0} code{word-break:break-all} .mod{font-weight:600} .asserted{color:#2b8a3e} .reported{color:#1971c2}
.negated,.denied{color:#c92a2a} .hypothetical,.planned{color:#e67700} blockquote{margin:4px 0 4px 8px;font-style:italic}
</style></head><body>
<svg id="graph" viewBox="0 0 {{w}} {{h}}" xmlns="http://www.w3.org/2000/svg"></svg>
<div id="side"><h3>{{title}}</h3><p id="hint">Click an edge to see the statements behind it.</p><div id="detail"></div></div>
<script id="kg-data" type="application/json">{{data}}</script>
<script>
(function () {
  var data = JSON.parse(document.getElementById('kg-data').textContent);
  var svg = document.getElementById('graph'), NS = 'http://www.w3.org/2000/svg';
  var colors = {Person: '#4263eb', Country: '#2b8a3e', MediaOutlet: '#ae3ec9', InternationalOrganization: '#f08c00'};
  var at = {};
  data.nodes.forEach(function (n) { at[n.id] = n; });
  function el(name, attrs, text) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    svg.appendChild(e); return e;
  }
  function show(i) {
    var e = data.edges[i], box = document.getElementById('detail');
    box.textContent = '';
    document.querySelectorAll('line.edge').forEach(function (l) { l.classList.toggle('sel', l.dataset.edge == i); });
    var h = document.createElement('h4'); h.textContent = at[e.a].label + ' — ' + at[e.b].label + ' (' + e.weight + ' article(s))';
    box.appendChild(h);
    e.statements.forEach(function (s) {
      var d = document.createElement('div'); d.className = 'st';
      var head = document.createElement('div');
      head.textContent = s.subject + ' ' + s.relation + ' ' + s.object + ' — ';
      var m = document.createElement('span'); m.className = 'mod ' + s.modality; m.textContent = s.modality; head.appendChild(m);
      var q = document.createElement('blockquote'); q.className = 'evidence'; q.textContent = s.evidence;
      var a = document.createElement('div'); a.className = 'article';
      a.textContent = (s.published || '').slice(0, 16) + ' · ' + s.title + ' ';
      var link = document.createElement('code'); link.textContent = s.article; a.appendChild(link);
      d.appendChild(head); d.appendChild(q); d.appendChild(a); box.appendChild(d);
    });
  }
  data.edges.forEach(function (e, i) {
    var p = at[e.a].xy, q = at[e.b].xy;
    var l = el('line', {x1: p[0], y1: p[1], x2: q[0], y2: q[1], 'class': 'edge', 'stroke-width': 1.5 + 1.5 * Math.min(e.weight, 6), 'data-edge': i});
    var t = el('text', {x: (p[0] + q[0]) / 2, y: (p[1] + q[1]) / 2 - 4, 'class': 'elabel', 'text-anchor': 'middle', 'data-edge': i}, e.label);
    l.addEventListener('click', function () { show(i); });
    t.addEventListener('click', function () { show(i); });
  });
  data.nodes.forEach(function (n) {
    el('circle', {cx: n.xy[0], cy: n.xy[1], r: 11, fill: colors[n.type] || '#868e96', 'data-id': n.id});
    el('text', {x: n.xy[0], y: n.xy[1] - 16, 'class': 'nlabel', 'text-anchor': 'middle'}, n.label);
  });
  svg.setAttribute('data-rendered', data.nodes.length);
  var m = /edge=(\\d+)/.exec(location.hash);
  if (m && data.edges[+m[1]]) show(+m[1]);
})();
</script></body></html>
"""
