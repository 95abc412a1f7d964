"""Helpers shared by the readers."""
from __future__ import annotations

import re
from datetime import datetime

from ..dates import parse_timestamp
from ..errors import InputError


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Non-empty lines (news bodies put one paragraph per line), whitespace-trimmed."""
    return tuple(p for p in (re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")) if p)


def timestamp(source: str, value, what: str, line: int | None = None) -> datetime:
    try:
        return parse_timestamp(value)
    except (ValueError, OverflowError, OSError) as e:
        raise InputError(source, f"{what}: {e}", line) from None


def user_published(source: str, options) -> tuple[datetime, str]:
    """The ``--published`` option, required where the input carries no date."""
    if not options.published:
        raise InputError(source, "no publication date in the input: pass --published YYYY-MM-DDTHH:MM")
    return timestamp(source, options.published, "--published"), "--published option"
