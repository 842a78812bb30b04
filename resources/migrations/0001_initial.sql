-- Schema version 1: the first release.
-- Dates are ISO text (YYYY-MM-DD) so they sort and compare as dates.

CREATE TABLE day (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL UNIQUE,
    back_pain INTEGER NOT NULL CHECK (back_pain BETWEEN 0 AND 10),
    leg_pain INTEGER CHECK (leg_pain BETWEEN 0 AND 10),
    pain_locations TEXT NOT NULL DEFAULT '',
    morning_stiffness_min INTEGER CHECK (morning_stiffness_min BETWEEN 0 AND 1440),
    sleep_hours REAL CHECK (sleep_hours BETWEEN 0 AND 24),
    sleep_quality INTEGER CHECK (sleep_quality BETWEEN 0 AND 10),
    stress INTEGER CHECK (stress BETWEEN 0 AND 10),
    interference_enjoyment INTEGER CHECK (interference_enjoyment BETWEEN 0 AND 10),
    interference_activity INTEGER CHECK (interference_activity BETWEEN 0 AND 10),
    notes TEXT NOT NULL DEFAULT '',
    questions TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

CREATE TABLE catalog_item (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('activity', 'trigger', 'symptom')),
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    urgency TEXT NOT NULL DEFAULT 'none' CHECK (urgency IN ('none', 'soon', 'urgent')),
    builtin INTEGER NOT NULL DEFAULT 0,
    UNIQUE (kind, name_key)
);

CREATE TABLE day_activity (
    day_id INTEGER NOT NULL REFERENCES day (id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES catalog_item (id),
    position INTEGER NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
    PRIMARY KEY (day_id, item_id)
);

CREATE TABLE day_trigger (
    day_id INTEGER NOT NULL REFERENCES day (id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES catalog_item (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (day_id, item_id)
);

CREATE TABLE day_symptom (
    day_id INTEGER NOT NULL REFERENCES day (id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES catalog_item (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (day_id, item_id)
);

CREATE TABLE day_medication (
    day_id INTEGER NOT NULL REFERENCES day (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (day_id, position)
);

CREATE INDEX day_medication_text ON day_medication (text);

CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Marks the file as a Pain Journal database ("PJRN").
PRAGMA application_id = 1347048014;
