"""What the adapters share to read a file: its text, JSON, and names as the journal keeps them."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Final

from journal.core.catalog import CatalogKind, default_catalog, name_key, tidy_name
from journal.core.day import HELPED_WORDS
from journal.formats.importers.parsed import ForeignImportError, SourceDay

#: The journal's own list separator: a ';' inside an imported name becomes ','.
_RESERVED: Final = ";"


def decode_text(source: str, data: bytes) -> str:
    """The file as text: UTF-8 (with or without a byte-order mark) or UTF-16/32 with one.

    Raises:
        ForeignImportError: naming the line of the first byte that is not UTF-8.
    """
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        encoding = "utf-32"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ForeignImportError(
            source,
            [
                (
                    f"line {line}",
                    f"the file is not {encoding.upper().removesuffix('-SIG')} text (an unreadable byte at position "
                    f"{error.start:,}); export it again from {source}, or save it as UTF-8",
                )
            ],
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ForeignImportError(source, [(f"line {line}", "the file contains NUL bytes; it is not a text export")])
    return text


def load_json(source: str, text: str) -> Any:
    """Parsed JSON, or :class:`ForeignImportError` naming the line and column where it breaks."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ForeignImportError(
            source,
            [(f"line {error.lineno}, column {error.colno}", f"the file is not complete JSON ({error.msg})")],
        ) from None
    except RecursionError:
        raise ForeignImportError(source, [("", "the file's JSON is nested too deeply to be an export")]) from None


@lru_cache(maxsize=16_384)
def clean_name(raw: str) -> str:
    """An imported name as the journal stores names: trimmed, single-spaced, ';' made ','."""
    return tidy_name(raw.replace(_RESERVED, ","))


@lru_cache(maxsize=16_384)
def _key(name: str) -> str:
    """:func:`name_key`, remembered: an export repeats the same few names thousands of times."""
    return name_key(name)


@lru_cache(maxsize=1)
def _relief_names() -> dict[str, str]:
    return {name_key(item.name): item.name for item in default_catalog() if item.kind is CatalogKind.RELIEF}


def relief_name(raw: str) -> str | None:
    """The journal's own relief name (heat, rest, TENS, …) that ``raw`` is, ignoring case; else None."""
    return _relief_names().get(_key(clean_name(raw)))


def helped_rating(raw: object) -> int | None:
    """0/1/2 when ``raw`` is one of the journal's own rating words (“helped a lot”, “helped a
    little”, “did not help”), ignoring case and spacing; anything else is no rating (None)."""
    if not isinstance(raw, str):
        return None
    words = " ".join(raw.lower().split())
    return next((value for value, word in HELPED_WORDS.items() if word == words), None)


def add_relief(day: SourceDay, name: str, helped: int | None) -> None:
    """Record a relief use; a later rating fills in a missing one, never replaces one."""
    if day.relief.get(name) is None:
        day.relief[name] = helped


def add_name(names: list[str], raw: str) -> None:
    name = clean_name(raw)
    if name and _key(name) not in {_key(n) for n in names}:
        names.append(name)
