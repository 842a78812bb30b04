"""What every importer from another app shares, by one name: the parsed file, the text and the preview.

An adapter (one module per app) is a pure parser: bytes in, a
:class:`ParsedImport` out, with every scored item it found, what it could not
bring across and why, and each problem named by line or entry. Nothing here
touches the journal file. The parts live by what they hold:

- :mod:`journal.formats.importers.parsed`: the parsed file, scales and the import error;
- :mod:`journal.formats.importers.reading_aids`: the file's text and JSON, and names as the journal keeps them;
- :mod:`journal.formats.importers.preview`: the days under the person's choice of pain;
- :mod:`journal.formats.importers.pain_now`: several timed pain entries a day as pain-now readings.

This module names them all, so the adapters and older imports need one line.
"""

from __future__ import annotations

from journal.formats.importers.parsed import (
    MAX_REPORTED_PROBLEMS,
    ZERO_TO_TEN,
    ForeignImportError,
    ParsedImport,
    Reading,
    Scale,
    SourceDay,
    conversion_words,
    to_ten,
)
from journal.formats.importers.preview import PainChoice, Preview, build_preview
from journal.formats.importers.reading_aids import (
    add_name,
    add_relief,
    clean_name,
    decode_text,
    helped_rating,
    load_json,
    relief_name,
)

__all__ = [
    "MAX_REPORTED_PROBLEMS",
    "ZERO_TO_TEN",
    "ForeignImportError",
    "PainChoice",
    "ParsedImport",
    "Preview",
    "Reading",
    "Scale",
    "SourceDay",
    "add_name",
    "add_relief",
    "build_preview",
    "clean_name",
    "conversion_words",
    "decode_text",
    "helped_rating",
    "load_json",
    "relief_name",
    "to_ten",
]
