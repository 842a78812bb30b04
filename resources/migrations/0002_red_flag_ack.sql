-- Schema version 2: red-flag acknowledgements.
-- When a day records a symptom that needs a clinician, the app shows a
-- warning until the patient acknowledges it; this remembers that they did,
-- per day and symptom, so the warning is not repeated for the same day.
-- ``symptom`` is the symptom's name key (journal.core.catalog.name_key).
-- The primary key starts with day_id, so it also serves per-day lookups and
-- the cascade when a day is deleted; no further index is needed.

CREATE TABLE red_flag_ack (
    day_id INTEGER NOT NULL REFERENCES day (id) ON DELETE CASCADE,
    symptom TEXT NOT NULL CHECK (symptom <> ''),
    acknowledged_at TEXT NOT NULL,
    PRIMARY KEY (day_id, symptom)
) WITHOUT ROWID;
