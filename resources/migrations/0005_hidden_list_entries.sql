-- Schema version 5: the patient can hide entries of their lists (Manage lists).
-- A hidden trigger, symptom or activity stays in the catalog and on every
-- past day that recorded it; the Today form only stops offering it.
-- Medications are free text on each day, so their hidden names are kept
-- apart, by name key (the app's one definition of "the same name").
-- Warning signs are never hidden: the app refuses, and the file does too.

ALTER TABLE catalog_item ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0
    CHECK (hidden IN (0, 1) AND NOT (hidden = 1 AND urgency <> 'none'));

CREATE TABLE hidden_medication (
    name_key TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
