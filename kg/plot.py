"""`kg plot timeline NAME`: a PNG time line of an actor's statements (matplotlib, Agg backend)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from .analyze import Filters, entities, read_rows
from .errors import KGError

COLORS = {"asserted": "#2b8a3e", "reported": "#1971c2", "negated": "#c92a2a", "denied": "#862e9c",
          "hypothetical": "#e67700", "planned": "#f59f00"}


def plot_timeline(store, name: str, output: Path, filters: Filters | None = None) -> int:
    """One marker per statement involving the actor: x = publication day, y = relation, colour = modality.

    Returns the number of statements drawn. PNG metadata is fixed so the file is reproducible.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from .inspect import actor_iri

    iri = actor_iri(name)
    ents = entities(store)
    rows = [r for r in read_rows(store, filters) if iri in (r.subject, r.object, r.attributed_to) and r.day]
    if not rows:
        raise KGError(f"no dated statements with {name!r} ({iri}) in the store for these filters")
    label = ents.get(iri, {}).get("label", name)
    relations = sorted({r.relation for r in rows})
    fig, ax = plt.subplots(figsize=(9, 1.6 + 0.45 * len(relations)), dpi=100)
    seen_mod = set()
    for r in rows:
        other = r.object if r.subject == iri else r.subject
        x, y = date.fromisoformat(r.day), relations.index(r.relation)
        ax.scatter([x], [y], s=70, color=COLORS.get(r.modality, "#868e96"), zorder=3,
                   label=r.modality if r.modality not in seen_mod else None)
        seen_mod.add(r.modality)
        text = ents.get(other, {}).get("label", "") if other else f"“{r.object_text[:30]}”"
        ax.annotate(text, (x, y), textcoords="offset points", xytext=(6, 6), fontsize=8)
    ax.set_yticks(range(len(relations)), relations)
    ax.set_ylim(-0.7, len(relations) - 0.3)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(f"Statements involving {label}")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(output, format="png", metadata={"Software": None})
    plt.close(fig)
    return len(rows)
