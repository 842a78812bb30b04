"""Backup copies of the journal: take them, thin them, list them, restore one.

Copies are made with SQLite's online backup API, which reads one consistent
snapshot even while the app is writing, through the app's one atomic writer
(:mod:`journal.files.atomic`: a private temporary file that is synced
and then renamed into place), so a copy is either complete or absent, and a
full disk leaves nothing behind. They
live in a ``backups`` folder beside the database (0700; files 0600) — the
real file, when the journal is opened through a symbolic link — named
``<stem>-YYYY-MM-DDTHH-MM-SS[-N][-reason].sqlite3`` in local time, and are
self-contained single files (rollback-journal mode, no ``-wal``).

Routine copies (no reason) are thinned to the newest of each of the last 7
days, 4 ISO weeks and 12 months that have one. Copies the patient asked for
(File → Back up now…, tag ``manual``) and those taken before an upgrade or a
restore carry a reason, and the app never deletes them: only the patient
does. Thinning applies to automatic copies alone.

"Has anything changed since the last backup?" is answered by a content
fingerprint: a hash of every row of every table plus the schema version,
computed from the copy just written and remembered in
``backups/<stem>.last-backup.json``. Unlike ``PRAGMA data_version`` it
survives restarts; unlike a count or the newest ``updated_at`` it also sees
deletions, catalog entries, settings and acknowledgements; unlike SQLite's
file change counter it is meaningful in WAL mode. It costs one read of the
database (about 40 ms for ten years of days).

Listing the copies is in :mod:`journal.storage.backup_listing` and thinning them in
:mod:`journal.storage.backup_thinning`; the names callers use are re-exported here.

Nothing here logs, and only the standard library is used (cheap to import).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from journal.core.errors import UserError
from journal.files.atomic import make_private_dirs, write_atomically, write_bytes_atomically
from journal.files.failures import REASON_WORDS, reason_for
from journal.storage import integrity, schema, wal_guard
from journal.storage.backup_listing import BackupInfo as BackupInfo
from journal.storage.backup_listing import describe_backup as describe_backup
from journal.storage.backup_listing import list_backups as list_backups
from journal.storage.backup_names import backups_dir, real_journal
from journal.storage.backup_names import new_backup_path as _new_backup_path
from journal.storage.backup_thinning import KEEP_DAILY as KEEP_DAILY
from journal.storage.backup_thinning import KEEP_MONTHLY as KEEP_MONTHLY
from journal.storage.backup_thinning import KEEP_WEEKLY as KEEP_WEEKLY
from journal.storage.backup_thinning import keep_backups as keep_backups
from journal.storage.backup_thinning import thin_backups as thin_backups
from journal.storage.failures import tolerant_text
from journal.storage.paths import check_path, is_read_only
from journal.storage.schema import DamagedDatabaseError

# --- fingerprint ----------------------------------------------------------------------


def content_fingerprint(connection: sqlite3.Connection) -> str:
    """A hash of the schema version and every row of every table (see module docstring)."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(repr(schema.read_version(connection)).encode())
    tables = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    for name, sql in tables:
        digest.update(f"\x00{name}\x00{sql}\x00".encode())
        width = len(connection.execute(f'SELECT * FROM "{name}" LIMIT 0').description)
        order = ", ".join(str(i) for i in range(1, width + 1))
        for row in connection.execute(f'SELECT * FROM "{name}" ORDER BY {order}'):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def _state_file(db_path: Path) -> Path:
    return backups_dir(db_path) / f"{real_journal(db_path).stem}.last-backup.json"


def _remember(db_path: Path, backup: Path, fingerprint: str) -> None:
    state = _state_file(db_path)
    text = json.dumps({"backup": backup.name, "fingerprint": fingerprint})
    write_bytes_atomically(state, text.encode("utf-8"))


def _remembered(db_path: Path) -> tuple[str, str] | None:
    try:
        data = json.loads(_state_file(db_path).read_text(encoding="utf-8"))
        return str(data["backup"]), str(data["fingerprint"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


# --- copying --------------------------------------------------------------------------


def _copy_database(
    source: sqlite3.Connection,
    target: Path,
    *,
    journal_mode: str,
    before_replace: Callable[[], None] | None = None,
) -> str:
    """Copy ``source`` into ``target`` through the atomic writer; return the copy's fingerprint.

    ``before_replace`` runs once the copy is complete and synced, just before
    it is renamed onto ``target`` (see :func:`write_atomically`).

    Raises:
        UserError: the copy could not be written (``target`` is as it was).
    """
    fingerprints: list[str] = []

    def write(tmp: Path) -> None:
        destination = sqlite3.connect(tmp, isolation_level=None)
        destination.text_factory = tolerant_text
        try:
            source.backup(destination)
            destination.execute(f"PRAGMA journal_mode = {journal_mode}")
            fingerprints.append(content_fingerprint(destination))
        finally:
            destination.close()

    write_atomically(target, write, before_replace=before_replace)
    return fingerprints[0]


def _connect_reading(db_path: Path) -> sqlite3.Connection:
    """A connection for reading a journal that may be open elsewhere (waits up to 10 s).

    When its log holds anything the connection is read-only, so closing it
    never checkpoints that log into the main file (see
    :mod:`journal.storage.wal_guard`); otherwise it is a normal one, which
    leaves no empty ``-wal``/``-shm`` behind.
    """
    real = Path(db_path).resolve()
    wal = real.with_name(real.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        uri = f"{real.as_uri()}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=10)
    else:
        connection = sqlite3.connect(real, isolation_level=None, timeout=10)
    connection.text_factory = tolerant_text
    connection.execute("PRAGMA busy_timeout = 10000")
    return connection


def _connect_healthy(db_path: Path) -> sqlite3.Connection:
    """A normal connection to a journal that has just passed :func:`integrity.check_file`."""
    connection = sqlite3.connect(db_path, isolation_level=None, timeout=10)
    connection.text_factory = tolerant_text
    connection.execute("PRAGMA busy_timeout = 10000")
    return connection


def backup_now(db_path: Path, dest: Path | None = None, *, reason: str = "") -> Path:
    """Copy the journal at ``db_path`` and return the copy's path.

    Without ``dest`` the copy goes into the backups folder (and becomes the
    reference for :func:`backup_if_changed`); with it, to exactly ``dest``,
    which must not exist yet. ``reason`` tags the name (lowercase words and
    hyphens) and keeps the copy out of routine thinning.

    Raises:
        DamagedDatabaseError: the journal fails the quick check (nothing is copied).
        UserError: no journal, or ``dest`` exists or cannot be written.
    """
    db_path = Path(db_path)
    if reason and not re.fullmatch(r"[a-z][a-z0-9-]*", reason):
        raise ValueError(f"a backup reason is lowercase words and hyphens, not {reason!r}")
    check_path(db_path)
    if not is_read_only(db_path):
        wal_guard.set_aside_foreign_wal(db_path)  # never copy another file's log into a backup
    integrity.check_file(db_path, allow_newer=True)
    if dest is None:
        target = _new_backup_path(db_path, reason)
    else:
        target = Path(dest)
        from journal.storage.protected import refuse_journal_files

        refuse_journal_files(target, db_path, what="backup", into_backups=True)
        if target.exists():
            raise UserError(f"{target} already exists; choose a new file name.")
        if not target.parent.is_dir():
            raise UserError(f"The folder {target.parent} does not exist.")
    from journal.storage.scratch import sweep_partial_copies

    sweep_partial_copies(target.parent)  # the hidden half-copy of a backup that was killed
    # Never a writable connection: closing one may checkpoint (and a read-only file is not ours to write).
    source = integrity.open_readonly(db_path) if is_read_only(db_path) else _connect_reading(db_path)
    try:
        fingerprint = _copy_database(source, target, journal_mode="DELETE")
    finally:
        source.close()
    if dest is None:
        _remember(db_path, target, fingerprint)
    return target


def backup_if_changed(db_path: Path) -> Path | None:
    """Back up and thin unless nothing changed since the last backup; return the new copy or None.

    Raises:
        DamagedDatabaseError: the journal fails the quick check.
    """
    db_path = Path(db_path)
    check_path(db_path)
    if not is_read_only(db_path):
        wal_guard.set_aside_foreign_wal(db_path)
    integrity.check_file(db_path, allow_newer=True)
    remembered = _remembered(db_path)
    if remembered and (backups_dir(db_path) / remembered[0]).is_file():
        connection = _connect_reading(db_path)
        try:
            if content_fingerprint(connection) == remembered[1]:
                return None
        finally:
            connection.close()
    made = backup_now(db_path)
    thin_backups(db_path)
    return made


# --- restoring ------------------------------------------------------------------------


def _is_absent(db_path: Path) -> bool:
    """No journal there: no file, or an empty one without a ``-wal`` holding data."""
    wal = integrity.side_files(db_path)[0]
    return all(not path.exists() or path.stat().st_size == 0 for path in (db_path, wal))


def verify_backup(backup_path: Path) -> int:
    """Check that ``backup_path`` can be restored; return its schema version.

    The one check every restore goes through (the window's and the command
    line's): the file exists, is not empty, is a Pain Journal of a version
    this app can open, and passes SQLite's full ``integrity_check``.

    Raises:
        UserError (NotAJournalError, DamagedDatabaseError, TooNewError): it cannot be restored.
    """
    backup_path = Path(backup_path)
    if not backup_path.is_file():
        raise UserError(f"No such backup file: {backup_path}")
    if backup_path.stat().st_size == 0:
        raise schema.NotAJournalError(
            f"{backup_path} is empty, so it is not a Pain Journal backup. Your journal was not changed."
        )
    try:
        version = integrity.check_file(backup_path, full=True)
    except schema.NotAJournalError as error:
        raise schema.NotAJournalError(f"{backup_path} is not a Pain Journal backup.") from error
    if version == 0:
        raise schema.NotAJournalError(f"{backup_path} holds no journal, so it cannot be restored.")
    return version


def _restore_into(db_path: Path, backup_path: Path) -> None:
    """Overwrite a healthy journal's contents in one transaction via the backup API."""
    source = integrity.open_readonly(backup_path)
    wal_guard.mark_unsettled(db_path)  # the backup API may checkpoint into the main file
    destination = _connect_healthy(db_path)
    try:
        # SQLite cannot copy into a WAL database with another page size (it
        # reports "readonly database"): copy in rollback mode, which takes the
        # backup's page size, still in one transaction, then return to WAL.
        other_page_size = (
            source.execute("PRAGMA page_size").fetchone()[0] != destination.execute("PRAGMA page_size").fetchone()[0]
        )
        if other_page_size:
            destination.execute("PRAGMA journal_mode = DELETE")
        source.backup(destination)
        if other_page_size:
            destination.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error as error:  # a full disk, or another process is writing
        raise UserError(
            f"Could not restore into {db_path}: {REASON_WORDS[reason_for(error)]}. Your journal was not changed."
        ) from None
    finally:
        destination.close()
        source.close()


def _restore_as_new_file(db_path: Path, backup_path: Path, before_replace: Callable[[], None] | None = None) -> None:
    """Write ``db_path`` as a complete copy of the backup, then rename it into place.

    Only folders that do not exist yet are created (0700); an existing folder
    keeps its permissions.
    """
    make_private_dirs(db_path.parent)
    source = integrity.open_readonly(backup_path)
    try:
        _copy_database(source, db_path, journal_mode="WAL", before_replace=before_replace)
    finally:
        source.close()


def _replace_damaged(db_path: Path, backup_path: Path) -> Path:
    """Restore over a damaged journal; return where the damaged file is kept.

    The restored copy is written and synced first; only then does the damaged
    file get its ``.damaged-<time>`` name (and its side files), and the copy is
    renamed over it. A crash at any point leaves a journal file in place.
    """
    kept: list[Path] = []
    _restore_as_new_file(db_path, backup_path, lambda: kept.append(integrity.keep_damaged_copy(db_path)))
    return kept[0]


def restore_backup(db_path: Path, backup_path: Path) -> Path | None:
    """Replace the journal's contents with a verified backup; return where the old state went.

    The backup must pass :func:`verify_backup`. The current journal is first
    copied into the backups folder (tag ``before-restore``) or, if it is
    damaged, kept under a ``.damaged-<time>`` name; the returned path is that
    copy (None if there was no journal). Writing happens in one SQLite
    transaction, or by renaming a finished file, so a crash leaves either the
    old or the new contents, and never no journal. The caller holds the
    journal lock and has closed its own connections; an older backup is
    upgraded when next opened.

    Raises:
        UserError: the backup is missing, is the journal itself, or is not a
            usable journal; or the disk is full (the journal was not changed).
    """
    # Through a link, the real file is restored (the link stays a link).
    db_path, backup_path = real_journal(db_path), Path(backup_path)
    verify_backup(backup_path)
    if is_read_only(db_path):
        raise UserError(f"{db_path} is read-only, so it cannot be restored over. It was not changed.")
    if db_path.exists() and os.path.samefile(backup_path, db_path):
        raise UserError(f"{backup_path} is the journal itself; choose a backup copy.")
    if _is_absent(db_path):
        for path in integrity.side_files(db_path):
            path.unlink(missing_ok=True)
        _restore_as_new_file(db_path, backup_path)
        return None
    try:
        saved: Path = backup_now(db_path, reason="before-restore")
    except DamagedDatabaseError:
        return _replace_damaged(db_path, backup_path)
    _restore_into(db_path, backup_path)
    return saved


def backup_before_upgrade(db_path: Path, from_version: int, to_version: int) -> None:
    """The default ``before_upgrade`` hook: a tagged copy (``before-v<N>``) in the backups folder."""
    backup_now(db_path, reason=f"before-v{to_version}")


def quarantine_and_restore_newest(db_path: Path) -> Path | None:
    """Set the damaged journal aside (:func:`quarantine`) and restore the newest backup
    that passes the full check; return that backup's path.

    Returns None, changing nothing, when there is no good backup.
    """
    db_path = Path(db_path)
    for info in list_backups(db_path):
        if info.problem:
            continue
        try:
            integrity.check_file(info.path, full=True)
        except UserError:
            continue
        restore_backup(db_path, info.path)  # sets the damaged file aside itself
        return info.path
    return None
