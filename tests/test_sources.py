"""Sources: every citation resolves to a readable title, and patients never see a file name."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.core import insights
from journal.core.catalog import default_catalog
from journal.core.guidance import SOURCE_FILES, load_library
from journal.core.redflags import WHEN_TO_SEE_A_DOCTOR
from journal.core.sources import (
    Source,
    UnknownSourceError,
    citation,
    document_files,
    parse_label,
    readable,
    work_for,
    works,
)

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def all_citations() -> list[tuple[str, Source]]:
    """(where, source) for every citation the app can show."""
    found = [(item.id, source) for item in load_library().items for source in item.sources]
    found += [(item.name, source) for item in default_catalog() for source in item.sources]
    found += [("redflags", WHEN_TO_SEE_A_DOCTOR)]
    found += [(label, parse_label(label)) for label in (insights.PACING_SOURCE, insights.SITTING_SOURCE)]
    return found


def test_every_citation_resolves_to_a_readable_title() -> None:
    citations = all_citations()
    assert len(citations) > 100
    for where, source in citations:
        work = work_for(source)  # raises if sources.toml does not list it
        text = citation(source)
        assert text.startswith(work.title), where
        assert ".txt" not in text and "_" not in work.title, where


def test_every_document_is_listed_with_a_title_and_every_guideline_in_full() -> None:
    assert set(document_files()) == set(SOURCE_FILES)
    for work in works().values():
        assert work.title.strip() and work.title != work.key
        if work.external:
            assert work.organisation and work.year and work.url.startswith("https://"), work.key
        else:
            assert work.key.endswith(".txt")
            assert work.kind or work.author, work.key


def test_the_examples_from_the_issue_read_as_asked() -> None:
    assert citation(Source("000_32feb4238e8fab95.txt", "When to See a Doctor")) == (
        "Lumbar disc calcification (patient article), When to See a Doctor"
    )
    assert citation(Source("001_fd13b853fb6b8d97.txt")) == (
        "How to relieve stiffness in the lower back caused by lumbar disc herniation?, Wang Fei, Orthopedics, 2025"
    )
    assert citation(Source("000_32feb4238e8fab95.txt", "When to See a Doctor"), html=True) == (
        "<i>Lumbar disc calcification</i> (patient article), When to See a Doctor"
    )
    assert citation(Source("nice-cks-sciatica-red-flags")) == (
        "Sciatica (lumbar radiculopathy): red flags, NICE Clinical Knowledge Summaries, 2018"
    )


def test_an_unlisted_source_is_refused_and_unknown_labels_are_kept() -> None:
    with pytest.raises(UnknownSourceError):
        citation(Source("elsewhere.txt", "X"))
    assert readable("000_32feb4238e8fab95.txt, Activity Pacing") == (
        "Lumbar disc calcification (patient article), Activity Pacing"
    )
    assert readable("something else") == "something else"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="source documents not beside the repo")
def test_catalog_citations_name_real_headings() -> None:
    for item in default_catalog():
        for source in item.sources:
            if source.file not in SOURCE_FILES:
                continue
            lines = [line.strip() for line in (SEEDS / source.file).read_text().splitlines()]
            assert source.section in lines, (item.name, source)
            if source.part:
                start = lines.index(source.section)
                assert any(line.startswith(source.part) for line in lines[start:]), (item.name, source)


def test_the_reader_shows_titles_not_file_names() -> None:
    from journal.ui.guidance.reader import item_html

    for item in load_library().items:
        html = item_html(item)
        assert ".txt" not in html, item.id
        assert "From: <i>" in html, item.id
