"""Thinning routine backup copies: the newest of each of the last 7 days, 4 ISO weeks and 12 months
is kept, copies with a reason are never deleted, and half-written copies a crash left are cleared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path

from journal.storage.backup_listing import backup_files
from journal.storage.backup_names import backups_dir, real_journal

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


def keep_backups(
    stamps: Iterable[dt.datetime],
    *,
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> set[dt.datetime]:
    """Which backup times to keep: the newest, and the newest of each of the last
    ``daily`` days, ``weekly`` ISO weeks and ``monthly`` months that have one.

    Pure; keeping what it returns and applying it again keeps the same set.
    """
    ordered = sorted(set(stamps), reverse=True)
    keep = set(ordered[:1])
    buckets: list[tuple[int, Callable[[dt.datetime], Hashable]]] = [
        (daily, lambda t: t.date()),
        (weekly, lambda t: tuple(t.isocalendar())[:2]),
        (monthly, lambda t: (t.year, t.month)),
    ]
    for limit, bucket in buckets:
        seen: list[Hashable] = []
        for stamp in ordered:
            key = bucket(stamp)
            if seen and seen[-1] == key:
                continue
            if len(seen) == limit:
                break
            seen.append(key)
            keep.add(stamp)
    return keep


def thin_backups(db_path: Path) -> list[Path]:
    """Delete routine backups that :func:`keep_backups` drops, and temporary files
    a crash left behind over an hour ago; return what was deleted.

    Tagged copies (made by the patient, or before a restore or an upgrade)
    are never deleted.
    """
    files = backup_files(db_path)
    routine = [(key, path) for key, reason, path in files if not reason]
    kept = keep_backups(key[0] for key, _path in routine)
    doomed: list[Path] = []
    seen: set[dt.datetime] = set()
    for (taken, _n, _mtime), path in routine:  # newest first: the first of a second is the one kept
        if taken in kept and taken not in seen:
            seen.add(taken)
        else:
            doomed.append(path)
    doomed.extend(_stale_temporary_files(db_path))
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def _stale_temporary_files(db_path: Path, age: dt.timedelta = dt.timedelta(hours=1)) -> list[Path]:
    """Half-written copies left by a crash mid-backup or mid-restore, in the backups folder or
    beside the journal (never a copy still being written)."""
    cutoff = (dt.datetime.now() - age).timestamp()
    db_path = real_journal(db_path)
    places = [
        (backups_dir(db_path), f".{Path(db_path).stem}"),
        (Path(db_path).parent, f".{Path(db_path).name}."),
    ]
    stale = []
    for folder, prefix in places:
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path.name.startswith(prefix) and ".part" in path.name:
                try:
                    if path.stat().st_mtime < cutoff:
                        stale.append(path)
                except FileNotFoundError:
                    continue
    return stale
