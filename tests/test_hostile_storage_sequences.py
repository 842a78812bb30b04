"""Property: no sequence of ordinary actions and crashes loses a day the app confirmed saving.

Hypothesis draws sequences of save, delete, import, backup (automatic or
made by the patient), restore and crash. After every step, every day
version the app confirmed saving (a save or an import that returned) and
that the patient has not since deleted or replaced is in the journal or in
a backup the app still keeps. Restoring an older backup displaces days: they
must then be in a backup that is never thinned. A crash is the files on disk
as they were after the last commit (the journal's, its ``-wal`` and the
app's side file), put back after the journal is closed, then reopened.
Moving in is the README's "moving to another computer" done after a crash:
a copy of a journal is put over the crashed one (its ``-wal`` still there),
and from then on the journal must hold exactly the copy's days.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.core.day import DayEntry
from journal.storage.backup import backup_if_changed, backup_now, list_backups, restore_backup
from journal.storage.integrity import open_readonly
from journal.storage.journal import Journal

TODAY = dt.date(2026, 6, 30)
FIRST = dt.date(2026, 6, 1)
dates = st.integers(0, 9).map(lambda n: FIRST + dt.timedelta(days=n))
pains = st.integers(0, 10)
actions = st.one_of(
    st.tuples(st.just("save"), dates, pains),
    st.tuples(st.just("delete"), dates),
    st.tuples(st.just("import"), st.lists(st.tuples(dates, pains), min_size=1, max_size=4, unique_by=lambda pair: pair[0])),
    st.tuples(st.just("backup")),
    st.tuples(st.just("manual-backup")),
    st.tuples(st.just("restore"), st.integers(0, 50)),
    st.tuples(st.just("crash")),
    st.tuples(st.just("move-in"), st.integers(0, 50)),
)
#: Copies the patient asks for come often enough to pass any fixed number kept.
sequences = st.lists(st.one_of(actions, st.tuples(st.just("manual-backup"))), min_size=1, max_size=24)


def _versions_in(path: Path) -> set[tuple[dt.date, int]]:
    connection = open_readonly(path)
    try:
        rows = connection.execute("SELECT date, back_pain FROM day").fetchall()
    finally:
        connection.close()
    return {(dt.date.fromisoformat(date), pain) for date, pain in rows}


class Run:
    """One journal in its own folder, and the days the app has promised to keep."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "journal.sqlite3"
        self.journal = Journal.open(self.path)
        self.promised: dict[dt.date, int] = {}  # date → the version saved last (not deleted)
        self.displaced: set[tuple[dt.date, int]] = set()  # versions a restore took out of the journal
        self.manual_copies = 0

    def _crash_files(self) -> list[Path]:
        return [self.path.with_name(self.path.name + suffix) for suffix in ("", "-wal", ".identity")]

    def step(self, action: tuple) -> None:  # type: ignore[type-arg]
        kind = action[0]
        if kind == "save":
            _, date, pain = action
            self.journal.save_day(DayEntry(date=date, back_pain=pain), today=TODAY)
            self.promised[date] = pain
        elif kind == "delete":
            self.journal.delete_day(action[1])
            self.promised.pop(action[1], None)
        elif kind == "import":
            entries = [DayEntry(date=date, back_pain=pain) for date, pain in action[1]]
            self.journal.import_days(entries, replace=True, today=TODAY)
            self.promised.update(action[1])
        elif kind == "backup":
            backup_if_changed(self.path)
        elif kind == "manual-backup":
            self.manual_copies += 1
            backup_now(self.path, reason="manual")
        elif kind == "restore":
            backups = [b for b in list_backups(self.path) if not b.problem]
            if not backups:
                return
            chosen = backups[action[1] % len(backups)].path
            self.journal.close()
            before = set(self.promised.items())
            restore_backup(self.path, chosen)
            self.journal = Journal.open(self.path)
            now = {e.date: e.back_pain for e in self.journal.days()}
            self.displaced |= before - set(now.items())
            self.promised = now
        elif kind == "crash":
            self._crash()
            self.journal = Journal.open(self.path)
        elif kind == "move-in":
            backups = [b for b in list_backups(self.path) if not b.problem]
            if not backups:
                return
            copied_in = _versions_in(backups[action[1] % len(backups)].path)
            self._crash()
            shutil.copyfile(backups[action[1] % len(backups)].path, self.path)
            self.journal = Journal.open(self.path)
            self.promised = dict(copied_in)  # the patient chose to carry on from the copy

    def _crash(self) -> None:
        """Leave the files as a crash right after the last commit would (the journal is closed)."""
        snapshot = {p: p.read_bytes() for p in self._crash_files() if p.exists()}
        self.journal.close()
        for path in self._crash_files():
            path.unlink(missing_ok=True)
        self.path.with_name(self.path.name + "-shm").unlink(missing_ok=True)
        for path, data in snapshot.items():
            path.write_bytes(data)

    def check(self) -> None:
        in_journal = {(e.date, e.back_pain) for e in self.journal.days()}
        assert in_journal == set(self.promised.items())
        kept = [b for b in list_backups(self.path) if not b.problem]
        in_backups: set[tuple[dt.date, int]] = set()
        for info in kept:
            in_backups |= _versions_in(info.path)
        assert self.displaced <= in_backups | in_journal
        assert sum(1 for b in kept if b.reason == "manual") == self.manual_copies


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sequences)
@pytest.mark.slow
def test_no_sequence_of_actions_loses_a_confirmed_day(steps: list[tuple]) -> None:  # type: ignore[type-arg]
    folder = Path(tempfile.mkdtemp(prefix="pain-journal-property-"))
    run = Run(folder)
    try:
        for action in steps:
            run.step(action)
            run.check()
    finally:
        run.journal.close()
        shutil.rmtree(folder, ignore_errors=True)
