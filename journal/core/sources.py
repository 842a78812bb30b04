"""Where advice comes from, in words a patient can read.

``resources/content/sources.toml`` lists the source documents (by file name)
and the few external guidelines (by id) that content and catalog entries
cite. A :class:`Source` names one of them and a section; :func:`citation`
turns it into "Lumbar disc calcification (patient article), When to See a
Doctor". Patients never see a file name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from journal.core.resources import load_toml

SOURCES_FILE: Final = "content/sources.toml"


@dataclass(frozen=True, slots=True)
class Source:
    """One citation: a document file or external source id, its section, optional sub-heading."""

    file: str  # a document's file name, or an external source's id (see sources.toml)
    section: str = ""
    part: str = ""

    @property
    def label(self) -> str:
        """Technical label for checks and logs (``000_….txt, Section: Part``); not for patients."""
        where = f"{self.section}: {self.part}" if self.part else self.section
        return f"{self.file}, {where}" if where else self.file


@dataclass(frozen=True, slots=True)
class Work:
    """A document or external source as listed in sources.toml."""

    key: str  # file name or external id
    title: str
    kind: str = ""
    author: str = ""
    field: str = ""
    publisher: str = ""
    organisation: str = ""
    year: int | None = None
    url: str = ""

    @property
    def external(self) -> bool:
        return bool(self.organisation)

    def describe(self, *, html: bool = False) -> str:
        """ "Title (kind)" or "Title, Author, Field, Year" or "Title, Organisation, Year"."""
        from html import escape  # here: the window reads this module before its first frame

        title = f"<i>{escape(self.title)}</i>" if html else self.title
        if self.external:
            extras = [self.organisation, str(self.year or "")]
        elif self.author:
            extras = [self.author, self.field or self.publisher, str(self.year or "")]
        else:
            kind = f" ({self.kind})" if self.kind else ""
            return title + (escape(kind) if html else kind)
        tail = ", ".join(extra for extra in extras if extra)
        return f"{title}, {escape(tail) if html else tail}" if tail else title


class UnknownSourceError(KeyError):
    """A citation names a document or external source that sources.toml does not list."""


def _work(key: str, raw: Mapping[str, Any]) -> Work:
    return Work(
        key=key,
        title=str(raw["title"]).strip(),
        kind=str(raw.get("kind", "")),
        author=str(raw.get("author", "")),
        field=str(raw.get("field", "")),
        publisher=str(raw.get("publisher", "")),
        organisation=str(raw.get("organisation", "")),
        year=raw.get("year"),
        url=str(raw.get("url", "")),
    )


@cache
def works() -> dict[str, Work]:
    """Every citable work by key (document file name or external id), as in sources.toml."""
    data = load_toml(SOURCES_FILE)
    found: dict[str, Work] = {}
    for raw in data.get("document", []):
        found[raw["file"]] = _work(raw["file"], raw)
    for raw in data.get("external", []):
        found[raw["id"]] = _work(raw["id"], raw)
    return found


def document_files() -> tuple[str, ...]:
    """The source documents' file names, in sources.toml order."""
    return tuple(key for key, work in works().items() if not work.external)


def work_for(source: Source) -> Work:
    """The work a citation names; :class:`UnknownSourceError` if it is not listed."""
    try:
        return works()[source.file]
    except KeyError:
        raise UnknownSourceError(f"{source.file!r} is not listed in {SOURCES_FILE}") from None


def citation(source: Source, *, html: bool = False) -> str:
    """What a patient reads: the work's title and the section, never a file name.

    ``html`` puts the title in italics and escapes the rest.
    """
    where = f"{source.section}: {source.part}" if source.part else source.section
    text = work_for(source).describe(html=html)
    if where and html:
        from html import escape

        text += ", " + escape(where)
    elif where:
        text += ", " + where
    return text


def citations(sources: Iterable[Source], *, html: bool = False) -> str:
    """Several citations, each once, joined by "; "."""
    return "; ".join(dict.fromkeys(citation(source, html=html) for source in sources))


def citations_by_work(sources: Iterable[Source]) -> str:
    """Several citations, each work named once with its sections after it, for a short line.

    "Title, Organisation, Year (Red flags: a, b); Other title, …, Year (Section)": a
    section's parts are listed after the section, each once, in the order given.
    """
    by_work: dict[str, dict[str, list[str]]] = {}
    for source in sources:
        parts = by_work.setdefault(source.file, {}).setdefault(source.section, [])
        if source.part and source.part not in parts:
            parts.append(source.part)
    found = []
    for key, sections in by_work.items():
        where = ", ".join(
            f"{section}: {', '.join(parts)}" if parts else section for section, parts in sections.items() if section
        )
        title = work_for(Source(key)).describe()
        found.append(f"{title} ({where})" if where else title)
    return "; ".join(found)


def parse_label(label: str) -> Source:
    """A ``"file, Section"`` label (as older code writes sources) as a :class:`Source`."""
    file, _, where = label.partition(", ")
    section, _, part = where.partition(": ")
    return Source(file.strip(), section.strip(), part.strip())


def readable(label: str) -> str:
    """``"000_….txt, Activity Pacing"`` as a patient reads it; text that is not a label is kept."""
    source = parse_label(label)
    if source.file not in works():
        return label
    return citation(source)


__all__ = [
    "Source",
    "UnknownSourceError",
    "Work",
    "citation",
    "citations",
    "citations_by_work",
    "document_files",
    "parse_label",
    "readable",
    "work_for",
    "works",
]
