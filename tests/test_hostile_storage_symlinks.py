"""A journal opened through a symbolic link keeps its backups beside the real file.

Before the fix the backups folder, its bookkeeping and a restore went by the
link's own folder: a journal kept on another disk and linked from the home
folder got a second, separate set of backups beside the link, and a restore
through the link replaced the link with a regular file.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from journal.core.day import DayEntry
from journal.storage.backup import backup_if_changed, backup_now, list_backups, restore_backup, thin_backups
from journal.storage.backup_names import backups_dir
from journal.storage.journal import Journal

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links")
TODAY = dt.date(2026, 6, 30)


def _save(path: Path, pain: int, days: int = 3) -> None:
    journal = Journal.open(path)
    try:
        journal.import_days(
            [DayEntry(date=dt.date(2026, 6, 1) + dt.timedelta(days=n), back_pain=pain) for n in range(days)],
            today=TODAY,
            replace=True,
        )
    finally:
        journal.close()


def _pains(path: Path) -> set[int]:
    journal = Journal.open(path)
    try:
        return {day.back_pain for day in journal.days()}
    finally:
        journal.close()


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """(real journal in ``real/``, link to it in ``home/`` under another name)."""
    (tmp_path / "real").mkdir()
    (tmp_path / "home").mkdir()
    real = tmp_path / "real" / "journal.sqlite3"
    _save(real, pain=4)
    link = tmp_path / "home" / "my-diary.sqlite3"
    os.symlink(real, link)
    return real, link


def test_backups_through_a_link_go_beside_the_real_file(linked: tuple[Path, Path]) -> None:
    real, link = linked
    copy = backup_now(link)
    assert copy.parent == real.resolve().parent / "backups"
    assert copy.name.startswith("journal-")  # named after the real file, not the link
    assert backups_dir(link) == backups_dir(real)
    assert not (link.parent / "backups").exists()
    assert sorted(os.listdir(link.parent)) == ["my-diary.sqlite3"]


def test_the_link_and_the_real_path_share_one_set_of_backups(linked: tuple[Path, Path]) -> None:
    real, link = linked
    made = backup_if_changed(link)
    assert made is not None
    assert backup_if_changed(real) is None  # the same copy is remembered whichever path is used
    assert [info.path for info in list_backups(link)] == [info.path for info in list_backups(real)] == [made]
    thin_backups(link)
    assert made.exists()


def test_a_restore_through_a_link_restores_the_real_file_and_keeps_the_link(linked: tuple[Path, Path]) -> None:
    real, link = linked
    copy = backup_now(real)
    _save(real, pain=9)
    before = restore_backup(link, copy)
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert _pains(real) == {4}
    assert before is not None and before.parent == real.resolve().parent / "backups"
    assert _pains(before) == {9}  # what was there before the restore is kept
    assert sorted(os.listdir(link.parent)) == ["my-diary.sqlite3"]


def test_opening_through_a_folder_link_keeps_backups_in_the_real_folder(tmp_path: Path) -> None:
    real_folder = tmp_path / "usb" / "journal"
    real_folder.mkdir(parents=True)
    _save(real_folder / "journal.sqlite3", pain=5)
    os.symlink(real_folder, tmp_path / "shortcut")
    copy = backup_now(tmp_path / "shortcut" / "journal.sqlite3")
    assert copy.parent == real_folder.resolve() / "backups"
