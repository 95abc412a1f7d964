"""Query parameters from ``--param name=value``: bound as RDF terms or Cypher values, never pasted."""
from __future__ import annotations

import re
from datetime import date, datetime

import pyoxigraph as ox

from .errors import QueryError

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPES = ("string", "iri", "int", "float", "date", "datetime", "bool")


def split_params(items: list[str] | None) -> dict[str, str]:
    out = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not _NAME.match(name.split(":")[0]):
            raise QueryError(f"bad --param {item!r}: use name=value (name: letters, digits, _)")
        out[name] = value
    return out


def infer_type(value: str) -> str:
    if value.startswith("<") and value.endswith(">") or re.match(r"^https?://\S+$", value):
        return "iri"
    if re.fullmatch(r"-?\d+", value):
        return "int"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "date"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?", value):
        return "datetime"
    return "string"


def rdf_term(value: str, type_: str | None = None) -> ox.NamedNode | ox.Literal:
    """An RDF term for a parameter value (``name:type=value`` or inferred)."""
    type_ = type_ or infer_type(value)
    try:
        if type_ == "iri":
            return ox.NamedNode(value.strip("<>"))
        if type_ == "int":
            return ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD + "integer"))
        if type_ == "float":
            return ox.Literal(str(float(value)), datatype=ox.NamedNode(XSD + "decimal"))
        if type_ == "date":
            return ox.Literal(date.fromisoformat(value).isoformat(), datatype=ox.NamedNode(XSD + "date"))
        if type_ == "datetime":
            return ox.Literal(datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat(),
                              datatype=ox.NamedNode(XSD + "dateTime"))
        if type_ == "bool":
            return ox.Literal("true" if value.lower() in ("1", "true", "yes") else "false", datatype=ox.NamedNode(XSD + "boolean"))
        if type_ == "string":
            return ox.Literal(value)
    except ValueError as e:
        raise QueryError(f"parameter value {value!r} is not a valid {type_}: {e}") from None
    raise QueryError(f"unknown parameter type {type_!r} (one of {', '.join(TYPES)})")


def rdf_params(items: list[str] | None, declared: dict[str, str] | None = None) -> dict[str, ox.NamedNode | ox.Literal]:
    """``--param`` items as SPARQL substitutions; ``name:type=value`` forces a type."""
    out = {}
    for key, value in split_params(items).items():
        name, _, type_ = key.partition(":")
        out[name] = rdf_term(value, type_ or (declared or {}).get(name))
    return out


def cypher_params(items: list[str] | None, declared: dict[str, str] | None = None) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in split_params(items).items():
        name, _, type_ = key.partition(":")
        type_ = type_ or (declared or {}).get(name) or ("int" if re.fullmatch(r"-?\d+", value) else "string")
        out[name] = int(value) if type_ == "int" else float(value) if type_ == "float" else value
    return out
