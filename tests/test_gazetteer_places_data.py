"""Structure checks for the country / organisation / place gazetteer data files.

These read the TSV files directly (no project code), so a malformed row fails here
before it can reach the resolver.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

GAZETTEER = Path(__file__).resolve().parent.parent / "ontology" / "gazetteer"
QID = re.compile(r"^Q[0-9]+$")
ISO3 = re.compile(r"^[A-Z]{3}$")

COLUMNS = {
    "countries.tsv": ["id", "type", "wikidata", "label", "label_fr", "label_de", "aliases", "adjectives", "iso2"],
    "organizations.tsv": ["id", "type", "wikidata", "label", "label_fr", "label_de", "aliases", "country"],
    "places.tsv": ["id", "type", "wikidata", "label", "label_fr", "label_de", "aliases", "country"],
}
TYPES = {
    "countries.tsv": {"Country"},
    "organizations.tsv": {"InternationalOrganization", "GovernmentBody", "MediaOutlet", "ArmedGroup",
                          "PoliticalParty", "Organization"},
    "places.tsv": {"City", "Region", "Location"},
}


def read_tsv(name: str) -> tuple[list[str], list[str], list[dict[str, str]]]:
    """Return (comment lines, header, rows) of one gazetteer file."""
    text = (GAZETTEER / name).read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[-1] == "", f"{name} must end with a newline"
    lines = lines[:-1]
    comments = [line for line in lines if line.startswith("#")]
    body = [line for line in lines if not line.startswith("#")]
    header = body[0].split("\t")
    rows = []
    for lineno, line in enumerate(body[1:], start=2):
        cells = line.split("\t")
        assert len(cells) == len(header), f"{name}: data line {lineno} has {len(cells)} cells: {line!r}"
        rows.append(dict(zip(header, cells)))
    return comments, header, rows


@pytest.fixture(scope="module", params=sorted(COLUMNS))
def table(request):
    name = request.param
    return (name, *read_tsv(name))


def test_header_and_comment(table):
    name, comments, header, rows = table
    assert header == COLUMNS[name]
    assert comments, f"{name} needs a header comment naming its sources"
    joined = "\n".join(comments)
    assert "Wikidata" in joined and "CC0" in joined
    assert rows


def test_ids_unique_and_nonempty(table):
    name, _, _, rows = table
    ids = [r["id"] for r in rows]
    assert all(ids)
    dupes = {i for i in ids if ids.count(i) > 1}
    assert not dupes, f"{name}: duplicate ids {sorted(dupes)}"


def test_ids_unique_across_files():
    seen: dict[str, str] = {}
    for name in COLUMNS:
        for row in read_tsv(name)[2]:
            assert row["id"] not in seen, f"id {row['id']} in both {seen.get(row['id'])} and {name}"
            seen[row["id"]] = name


def test_types_and_labels(table):
    name, _, _, rows = table
    for r in rows:
        assert r["type"] in TYPES[name], f"{name}: bad type {r['type']!r} for {r['id']}"
        for col in ("label", "label_fr", "label_de"):
            assert r[col].strip(), f"{name}: empty {col} for {r['id']}"
            assert r[col] == r[col].strip()


def test_wikidata_ids_format_and_unique(table):
    name, _, _, rows = table
    qids = [r["wikidata"] for r in rows if r["wikidata"]]
    bad = [q for q in qids if not QID.match(q)]
    assert not bad, f"{name}: malformed Q-ids {bad}"
    dupes = {q for q in qids if qids.count(q) > 1}
    assert not dupes, f"{name}: one Q-id on several rows {sorted(dupes)}"


def test_multivalued_cells_are_clean(table):
    name, _, _, rows = table
    for r in rows:
        for col in ("aliases", "adjectives"):
            if col not in r or not r[col]:
                continue
            parts = r[col].split("|")
            assert all(p and p == p.strip() for p in parts), f"{name}: empty or padded {col} item in {r['id']}"
            assert len(parts) == len(set(parts)), f"{name}: repeated {col} item in {r['id']}"
        for value in r.values():
            assert unicodedata.is_normalized("NFC", value), f"{name}: non-NFC text in {r['id']}"


def test_country_column_points_to_countries(table):
    name, _, _, rows = table
    if name == "countries.tsv":
        return
    countries = {r["id"] for r in read_tsv("countries.tsv")[2]}
    for r in rows:
        if r["country"]:
            assert ISO3.match(r["country"]) and r["country"] in countries, f"{name}: bad country for {r['id']}"


def test_countries_cover_iso_3166():
    import pycountry

    rows = {r["id"]: r for r in read_tsv("countries.tsv")[2]}
    for c in pycountry.countries:
        assert c.alpha_3 in rows, f"missing ISO country {c.alpha_3}"
        assert rows[c.alpha_3]["iso2"] == c.alpha_2
    for iso3, row in rows.items():
        assert ISO3.match(iso3)
        assert re.match(r"^[A-Z]{2}$", row["iso2"])


def test_country_anchors():
    rows = {r["id"]: r for r in read_tsv("countries.tsv")[2]}
    expected = {"USA": ("Q30", "United States", "États-Unis", "Vereinigte Staaten"),
                "RUS": ("Q159", "Russia", "Russie", "Russland"),
                "UKR": ("Q212", "Ukraine", "Ukraine", "Ukraine"),
                "DEU": ("Q183", "Germany", "Allemagne", "Deutschland"),
                "FRA": ("Q142", "France", "France", "Frankreich")}
    for iso3, (qid, en, fr, de) in expected.items():
        r = rows[iso3]
        assert (r["wikidata"], r["label"], r["label_fr"], r["label_de"]) == (qid, en, fr, de)
    for iso3, label in {"GBR": "United Kingdom", "KOR": "South Korea", "IRN": "Iran", "SYR": "Syria",
                        "VNM": "Vietnam"}.items():
        assert rows[iso3]["label"] == label


def test_country_adjective_inflections():
    rows = {r["id"]: r for r in read_tsv("countries.tsv")[2]}

    def adjs(iso3):
        return set(rows[iso3]["adjectives"].split("|"))

    assert {"américain", "américaine", "américains", "américaines", "American", "Americans"} <= adjs("USA")
    assert {"amerikanisch", "amerikanische", "amerikanischen", "amerikanischer", "amerikanisches",
            "amerikanischem"} <= adjs("USA")
    assert {"grec", "grecque", "grecs", "grecques"} <= adjs("GRC")
    assert {"turc", "turque", "turcs", "turques"} <= adjs("TUR")
    assert {"ukrainien", "ukrainienne", "ukrainiens", "ukrainiennes"} <= adjs("UKR")
    assert {"israélien", "israélienne"} <= adjs("ISR")
    assert {"britannique", "britanniques"} <= adjs("GBR")
    assert {"deutsch", "deutsche", "allemand", "allemande"} <= adjs("DEU")
    assert "UK" in rows["GBR"]["aliases"].split("|")
    curated = [r for r in rows.values() if r["adjectives"]]
    assert len(curated) >= 80


def test_expected_organisations_and_places():
    orgs = {r["id"]: r for r in read_tsv("organizations.tsv")[2]}
    assert orgs["nato"]["wikidata"] == "Q7184" and "OTAN" in {orgs["nato"]["label_fr"]}
    assert orgs["moscow-kremlin"]["label"] == "Moscow Kremlin"
    kremlin = orgs["moscow-kremlin"]
    names = {kremlin["label_fr"], kremlin["label_de"], *kremlin["aliases"].split("|")}
    assert {"Kremlin", "Kreml"} <= names
    assert orgs["wagner-group"]["type"] == "ArmedGroup"
    assert orgs["truth-social"]["type"] == "Organization"
    assert orgs["tass"]["type"] == "MediaOutlet" and "ITAR-TASS" in orgs["tass"]["aliases"].split("|")
    for r in orgs.values():
        if r["type"] == "InternationalOrganization":
            assert r["country"] == "", r["id"]
    places = {r["id"]: r for r in read_tsv("places.tsv")[2]}
    assert (places["moscow"]["wikidata"], places["kyiv"]["wikidata"], places["brussels"]["wikidata"]) == \
        ("Q649", "Q1899", "Q239")
    assert places["middle-east"]["type"] == "Location"
    assert places["kyiv"]["label_de"] == "Kiew"


def test_no_alias_shared_between_two_entities_in_a_file(table):
    """An alias naming two entities of one file would make resolution a coin toss."""
    name, _, _, rows = table
    owner: dict[str, str] = {}
    clashes = []
    for r in rows:
        names = {r["label"], r["label_fr"], r["label_de"], *filter(None, r["aliases"].split("|"))}
        for n in names:
            if n in owner and owner[n] != r["id"]:
                clashes.append((n, owner[n], r["id"]))
            owner.setdefault(n, r["id"])
    assert not clashes, f"{name}: names used by two entities: {clashes[:10]}"
