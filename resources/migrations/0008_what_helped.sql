-- Schema version 7: what helped, treatments over time, and what the person can do.
-- Relief (heat, rest, a walk, TENS…) is what a person does *because of* pain,
-- so it is its own catalog kind, never a trigger. A day records the relief
-- used, each with an optional rating of how much it helped: 0 not at all,
-- 1 a little, 2 a lot (NULL: not rated). A medication gets the same optional
-- rating.
--
-- SQLite cannot change a CHECK constraint in place, so the catalog and the
-- three tables that refer to it are copied into new tables, the old ones
-- dropped (the referring ones first, so no foreign key is ever broken) and
-- the new ones renamed; renaming a table rewrites the references to it.
--
-- resources/catalog.toml is the list for new journals (its [[relief]]
-- entries and their sources): keep the names below in step. A new journal
-- runs this on an empty catalog and inserts nothing.
--
-- The person's own triggers named "rest" or "lying down" (ignoring case) move to
-- relief with every day that recorded them, keeping the name as typed.

CREATE TABLE catalog_item_v7 (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('activity', 'trigger', 'symptom', 'relief')),
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    urgency TEXT NOT NULL DEFAULT 'none' CHECK (urgency IN ('none', 'soon', 'urgent')),
    builtin INTEGER NOT NULL DEFAULT 0,
    hidden INTEGER NOT NULL DEFAULT 0
        CHECK (hidden IN (0, 1) AND NOT (hidden = 1 AND urgency <> 'none')),
    UNIQUE (kind, name_key)
);

INSERT INTO catalog_item_v7 (id, kind, name, name_key, urgency, builtin, hidden)
SELECT id, kind, name, name_key, urgency, builtin, hidden FROM catalog_item;

CREATE TABLE day_activity_v7 (
    day_id INTEGER NOT NULL REFERENCES day (id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES catalog_item_v7 (id),
    position INTEGER NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
    PRIMARY KEY (day_id, item_id)
);

INSERT INTO day_activity_v7 SELECT day_id, item_id, position, minutes FROM day_activity;

CREATE TABLE day_trigger_v7 (
    day_id INTEGER NOT NULL REFERENCES day (id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES catalog_item_v7 (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (day_id, item_id)
);

INSERT INTO day_trigger_v7 SELECT day_id, item_id, position FROM day_trigger;

CREATE TABLE day_symptom_v7 (
    day_id INTEGER NOT NULL REFERENCES day (id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES catalog_item_v7 (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (day_id, item_id)
);

INSERT INTO day_symptom_v7 SELECT day_id, item_id, position FROM day_symptom;

CREATE TABLE day_relief (
    day_id INTEGER NOT NULL REFERENCES day (id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES catalog_item_v7 (id),
    position INTEGER NOT NULL,
    helped INTEGER CHECK (helped IN (0, 1, 2)),
    PRIMARY KEY (day_id, item_id)
);

DROP TABLE day_activity;
DROP TABLE day_trigger;
DROP TABLE day_symptom;
DROP TABLE catalog_item;

ALTER TABLE catalog_item_v7 RENAME TO catalog_item;
ALTER TABLE day_activity_v7 RENAME TO day_activity;
ALTER TABLE day_trigger_v7 RENAME TO day_trigger;
ALTER TABLE day_symptom_v7 RENAME TO day_symptom;

-- Looking up the days that record an item (Manage lists, merging) by item.
CREATE INDEX day_relief_item ON day_relief (item_id);

ALTER TABLE day_medication ADD COLUMN helped INTEGER CHECK (helped IN (0, 1, 2));

CREATE TEMP TABLE relief_name (name TEXT PRIMARY KEY, name_key TEXT NOT NULL);

INSERT INTO relief_name (name, name_key) VALUES
    ('heat', 'heat'),
    ('cold', 'cold'),
    ('rest', 'rest'),
    ('lying down', 'lying down'),
    ('stretching', 'stretching'),
    ('a walk', 'a walk'),
    ('massage', 'massage'),
    ('TENS', 'tens');

-- The person's own triggers named "rest" or "lying down" become relief (keeping the
-- name as typed), built in like the rest, and the days that recorded them keep them:
-- those are done because of pain, never a cause of it. Other relief names stay as
-- the person logged them ("cold" or "heat" as a trigger may mean the weather); the
-- person can move them in Manage lists.
UPDATE catalog_item
SET kind = 'relief', builtin = 1
WHERE kind = 'trigger' AND builtin = 0 AND name_key(name) IN ('rest', 'lying down');

INSERT INTO day_relief (day_id, item_id, position, helped)
SELECT t.day_id, t.item_id, t.position, NULL
FROM day_trigger AS t JOIN catalog_item AS c ON c.id = t.item_id
WHERE c.kind = 'relief';

DELETE FROM day_trigger
WHERE item_id IN (SELECT id FROM catalog_item WHERE kind = 'relief');

-- The built-in relief, in an existing journal only (a new one is seeded from catalog.toml).
INSERT INTO catalog_item (kind, name, name_key, urgency, builtin)
SELECT 'relief', r.name, r.name_key, 'none', 1
FROM relief_name AS r
WHERE EXISTS (SELECT 1 FROM catalog_item)
  AND r.name_key NOT IN (SELECT name_key(name) FROM catalog_item WHERE kind = 'relief')
ORDER BY r.rowid;

DROP TABLE relief_name;

-- Treatments over time: a name, the day it started and, once it stopped, its
-- last day (physiotherapy, a new medicine, an injection, a brace, a change
-- at work). Dates are ISO text, like day.date.
CREATE TABLE treatment (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> ''),
    start_date TEXT NOT NULL,
    end_date TEXT CHECK (end_date IS NULL OR end_date >= start_date)
);

-- What the person can do, asked once a week or fortnight: minutes of sitting,
-- standing and walking before pain makes them stop, and one activity of their
-- own choosing with how hard it is now (0 as before, 10 cannot at all).
-- One check per date; a later answer on the same date replaces it.
CREATE TABLE function_check (
    date TEXT PRIMARY KEY,
    sit_min INTEGER CHECK (sit_min BETWEEN 0 AND 1440),
    stand_min INTEGER CHECK (stand_min BETWEEN 0 AND 1440),
    walk_min INTEGER CHECK (walk_min BETWEEN 0 AND 1440),
    activity TEXT NOT NULL DEFAULT '',
    activity_score INTEGER CHECK (activity_score BETWEEN 0 AND 10),
    recorded_at TEXT NOT NULL
);
