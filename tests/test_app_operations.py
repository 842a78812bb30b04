"""The operations of journal.app the window and the command line share, tested without Qt on real files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from journal.app import backups, days, opening, settings
from journal.app.changes import JournalChange
from journal.app.journal_file import Journal, JournalInUseError
from journal.core.catalog import CatalogKind
from journal.core.day import DayEntry

DAY = dt.date(2026, 3, 10)


def _journal(path: Path, *entries: DayEntry) -> Journal:
    journal = Journal.open(path)
    if entries:
        journal.import_days(list(entries))
    return journal


def test_saving_a_day_says_what_changed_and_reads_the_catalog_only_for_a_new_name(db_path: Path) -> None:
    journal = _journal(db_path)
    try:
        known = {(i.kind, i.name.casefold()) for i in opening.form_catalog(journal)}
        plain = days.save_day(journal, DayEntry(DAY, 4), known=known)
        assert plain.value.back_pain == 4
        assert plain.change == JournalChange(frozenset({DAY}))
        assert plain.caches.catalog is None and plain.caches.logged_added == frozenset({DAY})

        named = days.save_day(journal, DayEntry(DAY, 5, triggers=("garden work",)), known=known)
        assert named.change.catalog and named.caches.catalog is not None
        assert "garden work" in {i.name for i in named.caches.catalog if i.kind is CatalogKind.TRIGGER}
    finally:
        journal.close()


def test_deleting_and_bringing_back_a_day(db_path: Path) -> None:
    journal = _journal(db_path, DayEntry(DAY, 6, notes="kept"))
    try:
        removed = days.delete_day(journal, DAY)
        assert removed.value is not None and removed.value.notes == "kept"
        assert removed.caches.logged_removed == frozenset({DAY}) and journal.day(DAY) is None
        back = days.bring_back_day(journal, removed.value)
        assert back.value.notes == "kept" and journal.day(DAY) is not None
    finally:
        journal.close()


def test_the_last_day_before_looks_back_past_gaps(db_path: Path) -> None:
    long_ago = DAY - dt.timedelta(days=200)
    journal = _journal(db_path, DayEntry(long_ago, 3), DayEntry(DAY, 4))
    try:
        found = days.last_day_before(journal, DAY)
        assert found is not None and found.date == long_ago
        assert days.last_day_before(journal, long_ago) is None
    finally:
        journal.close()


def test_a_read_only_journal_remembers_no_preference(db_path: Path) -> None:
    _journal(db_path, DayEntry(DAY, 4)).close()
    db_path.chmod(0o444)
    db_path.parent.chmod(0o555)
    try:
        journal = Journal.open(db_path)
        if not journal.read_only:  # root may write anyway: nothing to test here
            journal.close()
            pytest.skip("the file is writable for this user")
        settings.set_setting(journal, "report.patient_name", "Alex")
        assert settings.setting(journal, "report.patient_name") is None
        journal.close()
    finally:
        db_path.parent.chmod(0o755)
        db_path.chmod(0o644)


def test_the_lock_is_kept_when_held_and_refused_to_a_second_holder(db_path: Path, tmp_path: Path) -> None:
    lock = opening.lock_journal(db_path)
    try:
        assert opening.lock_journal(db_path, lock) is lock
        with pytest.raises(JournalInUseError):
            opening.lock_journal(db_path)
        other = opening.lock_journal(tmp_path / "other.sqlite3", lock)  # a lock on another file replaces it
        assert other is not lock and not lock.held
        other.release()
    finally:
        lock.release()


def test_restore_reopens_the_journal_with_the_backups_days(db_path: Path) -> None:
    journal = _journal(db_path, DayEntry(DAY, 4))
    copy = backups.backup_to(db_path, db_path.parent / "copy.sqlite3")
    assert backups.describe_backup(copy).entry_count == 1
    journal.save_day(DayEntry(DAY + dt.timedelta(days=1), 5))
    with opening.lock_journal(db_path):
        restored = backups.restore(journal, copy)
    saved, reopened = restored.value
    try:
        assert restored.change.everything
        assert reopened.logged == frozenset({DAY}) and restored.caches.logged == frozenset({DAY})
        assert saved is not None and backups.describe_backup(saved).entry_count == 2  # the state before is kept
        assert [b.path for b in backups.list_backups(db_path)] == [saved]
    finally:
        reopened.journal.close()


def test_closing_backs_up_only_a_journal_with_days_that_changed(db_path: Path) -> None:
    empty = _journal(db_path)
    assert backups.close_and_back_up(empty, back_up=True) is None  # nothing to keep yet
    first = backups.close_and_back_up(_journal(db_path, DayEntry(DAY, 4)), back_up=True)
    assert first is not None and first.parent == backups.backup_folder(db_path)
    assert backups.close_and_back_up(Journal.open(db_path), back_up=True) is None  # unchanged since
    assert backups.close_and_back_up(_journal(db_path, DayEntry(DAY + dt.timedelta(days=1), 5)), back_up=False) is None


def test_recovering_a_damaged_journal_sets_it_aside_and_restores_the_newest_good_backup(db_path: Path) -> None:
    journal = _journal(db_path, DayEntry(DAY, 4))
    assert backups.backup_if_changed(journal) is not None
    journal.close()
    db_path.write_bytes(b"not a journal any more" * 100)
    with opening.lock_journal(db_path):
        used, kept = backups.recover_damaged(db_path)
    assert used is not None and kept is not None and kept.name.startswith("journal.sqlite3.damaged-")
    reopened = opening.open_journal(db_path)
    try:
        assert reopened.logged == frozenset({DAY})
    finally:
        reopened.journal.close()
