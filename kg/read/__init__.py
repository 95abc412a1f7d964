"""Readers: turn paths (files, directories, ``-``) into ``RawArticle`` records.

Each input gives articles or ``InputError``s; one bad input never stops the others.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..types import RawArticle
from . import dated_text, html, jsonl, plain

EXTENSIONS = {".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm", ".md"}


@dataclass(frozen=True)
class ReadOptions:
    """User-given facts for inputs that lack them (plain text): never applied over what a file says."""

    published: str | None = None
    lang: str | None = None
    format: str | None = None  # auto | dated | jsonl | text | html


def expand_paths(paths: list[str]) -> Iterator[str | InputError]:
    """Files in the given order; directories recursively in sorted order (reproducible runs)."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in EXTENSIONS and not f.name.startswith("."))
            if not files:
                yield InputError(p, "directory holds no readable article files (.txt, .jsonl, .html)")
            yield from (str(f) for f in files)
        elif path.is_file():
            yield str(path)
        else:
            yield InputError(p, "no such file or directory")


def _decode(source: str, data: bytes) -> str:
    if not data.strip():
        raise InputError(source, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(source, f"not valid UTF-8 (bad byte at offset {e.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _sniff(source: str, text: str) -> str:
    suffix = Path(source).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".html", ".htm"):
        return "html"
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith(("<!doctype html", "<html", "<head", "<body", "<article")):
        return "html"
    return "dated" if dated_text.looks_dated(text) else "text"


def read_source(source: str, data: bytes, options: ReadOptions) -> Iterator[RawArticle | InputError]:
    """Articles (or errors, one per bad article) from one input's bytes."""
    try:
        text = _decode(source, data)
        fmt = options.format if options.format not in (None, "auto") else _sniff(source, text)
        if fmt == "jsonl":
            yield from jsonl.read(source, text, options)
        elif fmt == "html":
            yield html.read(source, text, options)
        elif fmt == "dated":
            yield dated_text.read(source, text, options)
        elif fmt == "text":
            yield plain.read(source, text, options)
        else:
            raise InputError(source, f"unknown input format {fmt!r} (use auto, dated, jsonl, text or html)")
    except InputError as e:
        yield e


def read_paths(paths: list[str], options: ReadOptions | None = None) -> Iterator[RawArticle | InputError]:
    """Every article under ``paths``; ``-`` reads standard input."""
    options = options or ReadOptions()
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
            continue
        if item == "-":
            data = sys.stdin.buffer.read()
            yield from read_source("-", data, options)
            continue
        try:
            data = Path(item).read_bytes()
        except OSError as e:
            yield InputError(item, f"cannot read: {e.strerror}")
            continue
        yield from read_source(item, data, options)
