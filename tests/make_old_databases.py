"""Regenerate the saved journal files of old schema versions in ``tests/data``.

Run from the repository root when the fixture must change (it is committed,
so normally never)::

    .venv/bin/python tests/make_old_databases.py

``journal_v1.sqlite3`` is a true schema-1 file: it is built with the standard
``sqlite3`` module and only ``resources/migrations/0001_initial.sql``, and
rows are written with plain SQL in the layout version 1 used, not through the
current storage code. ``tests/test_migrations.py`` opens a copy with today's
code and compares every value with :data:`V1_DAYS` and
:data:`V1_USER_CATALOG`, so both read the expected values from this module.

``journal_v2.sqlite3`` is the same kind of file at schema 2 (the release
before the early warning signs): the first two scripts, the built-in catalog
of that release (:func:`release_catalog`), the v1 days plus :data:`V2_DAYS`,
and red-flag acknowledgements (:data:`V2_ACKS`). One of the patient's own
symptoms has the name of a sign added in schema 3 (:data:`V2_USER_CATALOG`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from journal.core.catalog import default_catalog, name_key  # noqa: E402
from journal.core.day import ActivityMinutes, DayEntry  # noqa: E402

DATA_DIR = Path(__file__).resolve().parent / "data"
V1_PATH = DATA_DIR / "journal_v1.sqlite3"
V1_SCRIPT = ROOT / "resources" / "migrations" / "0001_initial.sql"
V1_UPDATED_AT = "2025-03-04T08:15:00+00:00"
V2_PATH = DATA_DIR / "journal_v2.sqlite3"
V2_SCRIPT = ROOT / "resources" / "migrations" / "0002_red_flag_ack.sql"
V2_ACKED_AT = "2025-04-02T09:00:00+00:00"

#: Warning signs added to the built-in catalog in schema 3 (absent from older files).
NEW_IN_V3: frozenset[str] = frozenset(
    {
        "trouble passing or controlling urine",
        "not feeling when the bladder or bowel is full",
        "pain, numbness or weakness in both legs",
        "new problems with sexual function",
        "fever or chills with back pain",
        "unexplained weight loss",
        "pain at night that rest does not ease",
    }
)

#: The user's own catalog entries in the v1 file: (kind, name).
V1_USER_CATALOG: tuple[tuple[str, str], ...] = (
    ("activity", "Nordic walking"),
    ("trigger", "Carrying the grandchildren"),
    ("symptom", "Kribbeln im Fuß"),
)

#: The days in the v1 file, exactly as the app stores and returns them
#: (already tidied: trimmed names, quarter-hour sleep, no duplicate names).
V1_DAYS: tuple[DayEntry, ...] = (
    DayEntry(
        date=dt.date(2025, 3, 1),
        back_pain=6,
        leg_pain=3,
        pain_locations=frozenset({"lower_back_centre", "buttock_left", "thigh_left"}),
        morning_stiffness_min=45,
        sleep_hours=6.25,
        sleep_quality=4,
        stress=7,
        interference_enjoyment=5,
        interference_activity=6,
        activities=(ActivityMinutes("walking", 30), ActivityMinutes("Nordic walking", 45), ActivityMinutes("sitting", 240)),
        triggers=("prolonged sitting", "Carrying the grandchildren"),
        symptoms=("stiffness", "Kribbeln im Fuß"),
        medications=("ibuprofen 400 mg", "heat pack 20 min"),
        notes="Боль в пояснице с утра.\n腰が痛い。ألم أسفل الظهر 🙂 — «guillemets» & 'quotes'",
        questions="Should I keep walking when it flares?\nΠόσο συχνά να κάνω διατάσεις;",
    ),
    DayEntry(
        date=dt.date(2025, 3, 2),
        back_pain=8,
        leg_pain=7,
        pain_locations=frozenset({"lower_back_right", "calf_right", "foot_right"}),
        morning_stiffness_min=90,
        sleep_hours=4.5,
        sleep_quality=2,
        stress=8,
        interference_enjoyment=8,
        interference_activity=9,
        activities=(ActivityMinutes("stretching", 10),),
        triggers=("lifting", "cold or damp weather"),
        symptoms=("pain radiating down the leg", "muscle spasm"),
        medications=("paracetamol 1 g",),
        notes="Flare after lifting the shopping. 痛みが強い。",
        questions="Is the tingling in my foot a worry?",
    ),
    DayEntry(
        date=dt.date(2025, 3, 4),
        back_pain=0,
        leg_pain=0,
        pain_locations=frozenset({"lower_back_left"}),
        morning_stiffness_min=0,
        sleep_hours=8.0,
        sleep_quality=9,
        stress=1,
        interference_enjoyment=0,
        interference_activity=0,
        activities=(ActivityMinutes("swimming or water exercise", 40), ActivityMinutes("yoga", 20)),
        triggers=("stress",),
        symptoms=("limited movement",),
        medications=("none",),
        notes="Good day 😊 — עברית, हिन्दी, 한국어.",
        questions="=Can I start running again? (starts like a formula)",
    ),
)


#: The patient's own entries in the v2 file: one has the name of a schema-3 sign.
V2_USER_CATALOG: tuple[tuple[str, str], ...] = (
    *V1_USER_CATALOG,
    ("symptom", "Fever or chills with back pain"),
)

#: Days added in the v2 file (after the v1 days), with warning signs of that release.
V2_DAYS: tuple[DayEntry, ...] = (
    DayEntry(
        date=dt.date(2025, 4, 1),
        back_pain=9,
        leg_pain=8,
        symptoms=("loss of bladder or bowel control", "leg weakness"),
        notes="Went to A&E.",
    ),
    DayEntry(
        date=dt.date(2025, 4, 2),
        back_pain=7,
        symptoms=("numbness in the saddle area", "Fever or chills with back pain"),
    ),
)

#: Acknowledged red flags in the v2 file: (date, symptom name key).
V2_ACKS: tuple[tuple[dt.date, str], ...] = (
    (dt.date(2025, 4, 1), "loss of bladder or bowel control"),
    (dt.date(2025, 4, 2), "numbness in the saddle area"),
)


def release_catalog() -> list[tuple[str, str, str]]:
    """(kind, name, urgency) of the built-in catalog before schema 3."""
    return [(item.kind.value, item.name, item.urgency.value) for item in default_catalog() if item.name not in NEW_IN_V3]


def write_v1(path: Path = V1_PATH) -> Path:
    """Write the schema-1 fixture to ``path`` (replacing it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.executescript("BEGIN;\n" + V1_SCRIPT.read_text(encoding="utf-8") + "\nPRAGMA user_version = 1;\nCOMMIT;")
        connection.execute("BEGIN")
        _insert_catalog(connection, V1_USER_CATALOG)
        item_ids = {
            (kind, key): item_id for item_id, kind, key in connection.execute("SELECT id, kind, name_key FROM catalog_item")
        }
        for entry in V1_DAYS:
            _insert_day(connection, entry, item_ids)
        connection.execute("INSERT INTO setting (key, value) VALUES ('patient_name', 'Zoë Ñáñez')")
        connection.execute("COMMIT")
        connection.execute("PRAGMA journal_mode = WAL")  # as version 1 left its files
    finally:
        connection.close()
    return path


def write_v2(path: Path = V2_PATH) -> Path:
    """Write the schema-2 fixture to ``path`` (replacing it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for version, script in ((1, V1_SCRIPT), (2, V2_SCRIPT)):
            connection.executescript(
                "BEGIN;\n" + script.read_text(encoding="utf-8") + f"\nPRAGMA user_version = {version};\nCOMMIT;"
            )
        connection.execute("BEGIN")
        _insert_catalog(connection, V2_USER_CATALOG)
        item_ids = {
            (kind, key): item_id for item_id, kind, key in connection.execute("SELECT id, kind, name_key FROM catalog_item")
        }
        for entry in (*V1_DAYS, *V2_DAYS):
            _insert_day(connection, entry, item_ids)
        for date, symptom in V2_ACKS:
            connection.execute(
                "INSERT INTO red_flag_ack (day_id, symptom, acknowledged_at) SELECT id, ?, ? FROM day WHERE date = ?",
                (symptom, V2_ACKED_AT, date.isoformat()),
            )
        connection.execute("INSERT INTO setting (key, value) VALUES ('patient_name', 'Zoë Ñáñez')")
        connection.execute("COMMIT")
        connection.execute("PRAGMA journal_mode = WAL")
    finally:
        connection.close()
    return path


def _insert_catalog(connection: sqlite3.Connection, user: tuple[tuple[str, str], ...]) -> None:
    connection.executemany(
        "INSERT INTO catalog_item (kind, name, name_key, urgency, builtin) VALUES (?, ?, ?, ?, 1)",
        [(kind, name, name_key(name), urgency) for kind, name, urgency in release_catalog()],
    )
    connection.executemany(
        "INSERT INTO catalog_item (kind, name, name_key, urgency, builtin) VALUES (?, ?, ?, 'none', 0)",
        [(kind, name, name_key(name)) for kind, name in user],
    )


def _insert_day(connection: sqlite3.Connection, entry: DayEntry, item_ids: dict[tuple[str, str], int]) -> None:
    cursor = connection.execute(
        "INSERT INTO day (date, back_pain, leg_pain, pain_locations, morning_stiffness_min, "
        "sleep_hours, sleep_quality, stress, interference_enjoyment, interference_activity, "
        "notes, questions, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            entry.date.isoformat(),
            entry.back_pain,
            entry.leg_pain,
            ",".join(sorted(entry.pain_locations)),
            entry.morning_stiffness_min,
            entry.sleep_hours,
            entry.sleep_quality,
            entry.stress,
            entry.interference_enjoyment,
            entry.interference_activity,
            entry.notes,
            entry.questions,
            V1_UPDATED_AT,
        ),
    )
    day_id = cursor.lastrowid
    for position, activity in enumerate(entry.activities):
        connection.execute(
            "INSERT INTO day_activity (day_id, item_id, position, minutes) VALUES (?, ?, ?, ?)",
            (day_id, item_ids["activity", name_key(activity.name)], position, activity.minutes),
        )
    for table, kind, names in (
        ("day_trigger", "trigger", entry.triggers),
        ("day_symptom", "symptom", entry.symptoms),
    ):
        for position, name in enumerate(names):
            connection.execute(
                f"INSERT INTO {table} (day_id, item_id, position) VALUES (?, ?, ?)",
                (day_id, item_ids[kind, name_key(name)], position),
            )
    for position, text in enumerate(entry.medications):
        connection.execute(
            "INSERT INTO day_medication (day_id, position, text) VALUES (?, ?, ?)",
            (day_id, position, text),
        )


if __name__ == "__main__":
    print(f"Wrote {write_v1()}")
    print(f"Wrote {write_v2()}")
