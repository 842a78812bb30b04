"""Hostile input: files and catalogs far bigger than any journal needs.

``import /dev/zero`` once read until memory ran out, a named pipe hung the
import, and a 1.7 MB CSV with 120,000 distinct trigger names made the window
take two minutes to start. Limits now refuse such input with a clear message,
and the form's cost no longer grows with the size of a catalog.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from journal.cli import EXIT_USER_ERROR, main
from journal.core.catalog import MAX_CATALOG_NAMES, CatalogKind
from journal.core.day import DayEntry
from journal.core.errors import UserError
from journal.formats.csv_io import MAX_CELL_CHARS, CsvImportError, parse_csv, read_csv_file, read_limited
from journal.storage.journal import Journal

TODAY = dt.date.today()


def many_names_csv(count: int) -> bytes:
    """One row per day, 40 new trigger names on each (the per-day limit)."""
    lines = ["date,back_pain,triggers"]
    rows = (count + 39) // 40
    for row in range(rows):
        names = ";".join(f"trigger {row * 40 + i:06d}" for i in range(40) if row * 40 + i < count)
        lines.append(f"{(TODAY - dt.timedelta(days=row)).isoformat()},4,{names}")
    return ("\n".join(lines) + "\n").encode()


def test_dev_zero_is_refused_without_reading_it() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    with pytest.raises(CsvImportError, match="not an ordinary file"):
        read_csv_file(Path("/dev/zero"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "days.csv"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    worker = threading.Thread(
        target=lambda: outcome.append(pytest.raises(CsvImportError, read_csv_file, fifo).value), daemon=True
    )
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # unblock the reader before failing
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a named pipe hung")
    assert "not an ordinary file" in str(outcome[0])


def test_cli_import_of_dev_zero_is_one_line(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    assert main(["import", "/dev/zero", "--db", str(db_path)]) == EXIT_USER_ERROR
    assert "not an ordinary file" in capsys.readouterr().err


def test_a_file_that_grows_past_the_limit_is_cut_off(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"x" * 2001)
    with pytest.raises(CsvImportError, match="larger than"):
        read_limited(path, limit=2000)
    assert read_limited(path, limit=2001) == b"x" * 2001


def test_a_giant_line_gets_a_plain_message() -> None:
    data = b'date,back_pain,notes\n2026-06-01,4,"' + b"a" * (MAX_CELL_CHARS + 10) + b'"\n'
    with pytest.raises(CsvImportError) as caught:
        parse_csv(data, today=TODAY)
    assert f"longer than {MAX_CELL_CHARS:,} characters" in str(caught.value)
    assert "field limit" not in str(caught.value)


def test_an_import_that_would_overfill_a_catalog_writes_nothing(tmp_path: Path) -> None:
    data = many_names_csv(MAX_CATALOG_NAMES + 100)
    parsed = parse_csv(data, today=TODAY)
    journal = Journal.open(tmp_path / "j.sqlite3")
    before = len(journal.catalog(CatalogKind.TRIGGER))
    with pytest.raises(UserError, match=f"at most {MAX_CATALOG_NAMES:,} trigger names"):
        journal.import_days(parsed.entries)
    assert journal.count() == 0 and len(journal.catalog(CatalogKind.TRIGGER)) == before
    journal.close()


@pytest.mark.slow
def test_cli_import_of_120000_names_is_refused_quickly(db_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "names.csv"
    source.write_bytes(many_names_csv(120_000))
    assert source.stat().st_size > 1_000_000
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from journal.cli import main; sys.exit(main(sys.argv[1:]))",
            "import",
            str(source),
            "--db",
            str(db_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == EXIT_USER_ERROR, done.stderr
    assert "at most" in done.stderr and "Traceback" not in done.stderr


def test_the_form_shows_a_bounded_number_of_chips(qtbot: QtBot, tmp_path: Path) -> None:
    """A journal that already holds a huge catalog (from before the limit) still opens quickly:
    the form offers its first names, the ticked ones and every red-flag symptom."""
    from journal.ui.today.form import MAX_CHIPS, DayForm

    path = tmp_path / "big.sqlite3"
    journal = Journal.open(path)
    journal.import_days([DayEntry(TODAY, 3, triggers=("my own",))])
    journal.close()
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO catalog_item (kind, name, name_key, urgency, builtin) VALUES ('trigger', ?, ?, 'none', 0)",
            [(f"junk {i}", f"junk {i}") for i in range(20_000)],
        )
    journal = Journal.open(path)
    form = DayForm()
    qtbot.addWidget(form)
    form.set_entry(TODAY, journal.day(TODAY))
    form.set_catalogs(
        journal.catalog(CatalogKind.ACTIVITY),
        journal.catalog(CatalogKind.TRIGGER),
        journal.catalog(CatalogKind.SYMPTOM),
        journal.medication_names(),
    )
    names = form.triggers.names()
    assert len(names) <= MAX_CHIPS + 1
    assert "my own" in form.triggers.checked()
    from journal.core.about_you import not_offered
    from journal.core.catalog import name_key

    # Every warning sign offered to this person (one needs an About-you answer first).
    urgent = [
        i.name
        for i in journal.catalog(CatalogKind.SYMPTOM)
        if i.urgency.value != "none" and name_key(i.name) not in not_offered(None)
    ]
    assert urgent and set(urgent) <= set(form.symptoms.names())
    journal.close()


def test_the_window_reads_a_bounded_catalog(tmp_path: Path) -> None:
    """The window's catalog query has a limit per kind, and still holds every red-flag symptom."""
    from journal.ui.session import FORM_CATALOG_LIMIT, form_catalog

    path = tmp_path / "big.sqlite3"
    Journal.open(path).close()
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO catalog_item (kind, name, name_key, urgency, builtin) VALUES (?, ?, ?, 'none', 0)",
            [(kind, f"junk {i}", f"junk {i}") for kind in ("trigger", "symptom") for i in range(3_000)],
        )
        connection.execute(
            "INSERT INTO catalog_item (kind, name, name_key, urgency, builtin) "
            "VALUES ('symptom', 'my own alarm', 'my own alarm', 'urgent', 0)"
        )
    journal = Journal.open(path)
    try:
        everything = journal.catalog()
        shown = form_catalog(journal)
        for kind in CatalogKind:
            assert len([i for i in shown if i.kind is kind]) <= FORM_CATALOG_LIMIT + 20
        assert len(everything) > 6_000
        urgent = {i.name for i in everything if i.urgency.value != "none"}
        assert "my own alarm" in urgent and urgent <= {i.name for i in shown}
        assert [i.name for i in shown if i.kind is CatalogKind.TRIGGER] == [
            i.name for i in everything if i.kind is CatalogKind.TRIGGER
        ][:FORM_CATALOG_LIMIT]
    finally:
        journal.close()
