-- Schema version 7: what looks like one name is one name.
--
-- Names could differ by characters that show nothing (a zero-width joiner or
-- space, a direction mark, a soft hyphen) or by look-alike letters (a Cyrillic
-- "с" in "cold"), and the NFC step (schema 6) brought a day's medications to
-- NFC without merging the ones that became the same, leaving duplicate rows.
-- This step removes invisible characters from stored names, re-keys every
-- catalog entry with journal.core.catalog.name_key (which now ignores invisible
-- characters, reads full-width letters as letters and look-alike Cyrillic or
-- Greek letters mixed into Latin as Latin) and merges entries that become the
-- same exactly as schema 6 does, and keeps one medication per day and name.
--
-- tidy_name(text) and name_key(text) are the core's functions, provided by
-- journal.storage.schema.apply_migrations. Running the step again changes
-- nothing.
--
-- Data only: the tables are unchanged.

UPDATE day_medication SET text = tidy_name(text) WHERE text IS NOT tidy_name(text);

-- One medication per day and name: the first written is kept.
DELETE FROM day_medication
WHERE EXISTS (
    SELECT 1 FROM day_medication d
    WHERE d.day_id = day_medication.day_id AND d.position < day_medication.position
      AND name_key(d.text) = name_key(day_medication.text));

-- Each catalog entry's new key, and the entry it merges into.
CREATE TEMP TABLE one_key AS
SELECT id, kind, builtin, name_key(name) AS new_key FROM catalog_item;

CREATE INDEX temp.one_key_by_key ON one_key (kind, new_key);

CREATE TEMP TABLE one_merge AS
SELECT k.id AS old_id,
       (SELECT s.id FROM one_key s WHERE s.kind = k.kind AND s.new_key = k.new_key
        ORDER BY s.builtin DESC, s.id LIMIT 1) AS new_id
FROM one_key k;

DELETE FROM one_merge WHERE old_id = new_id;

-- Activities: minutes of merged entries are added to the kept entry's on the same day...
UPDATE day_activity
SET minutes = min(1440, minutes + (
    SELECT sum(a.minutes) FROM day_activity a JOIN one_merge m ON a.item_id = m.old_id
    WHERE a.day_id = day_activity.day_id AND m.new_id = day_activity.item_id))
WHERE EXISTS (
    SELECT 1 FROM day_activity a JOIN one_merge m ON a.item_id = m.old_id
    WHERE a.day_id = day_activity.day_id AND m.new_id = day_activity.item_id);

-- ...and become the kept entry's on days that had only merged ones.
INSERT INTO day_activity (day_id, item_id, position, minutes)
SELECT a.day_id, m.new_id, min(a.position), min(1440, sum(a.minutes))
FROM day_activity a JOIN one_merge m ON a.item_id = m.old_id
WHERE NOT EXISTS (SELECT 1 FROM day_activity b WHERE b.day_id = a.day_id AND b.item_id = m.new_id)
GROUP BY a.day_id, m.new_id;

DELETE FROM day_activity WHERE item_id IN (SELECT old_id FROM one_merge);

INSERT OR IGNORE INTO day_trigger (day_id, item_id, position)
SELECT t.day_id, m.new_id, t.position FROM day_trigger t JOIN one_merge m ON t.item_id = m.old_id
ORDER BY t.position;

DELETE FROM day_trigger WHERE item_id IN (SELECT old_id FROM one_merge);

INSERT OR IGNORE INTO day_symptom (day_id, item_id, position)
SELECT t.day_id, m.new_id, t.position FROM day_symptom t JOIN one_merge m ON t.item_id = m.old_id
ORDER BY t.position;

DELETE FROM day_symptom WHERE item_id IN (SELECT old_id FROM one_merge);

-- The kept entry takes the most urgent level of those merged into it; a warning
-- sign is never hidden (schema 5), so a merged-in warning level shows it again.
UPDATE catalog_item
SET hidden = 0
WHERE id IN (SELECT m.new_id FROM one_merge m JOIN catalog_item c ON c.id = m.old_id WHERE c.urgency <> 'none');

UPDATE catalog_item
SET urgency = (
    SELECT CASE max(CASE c.urgency WHEN 'urgent' THEN 2 WHEN 'soon' THEN 1 ELSE 0 END)
           WHEN 2 THEN 'urgent' WHEN 1 THEN 'soon' ELSE 'none' END
    FROM catalog_item c
    WHERE c.id = catalog_item.id OR c.id IN (SELECT old_id FROM one_merge WHERE new_id = catalog_item.id))
WHERE id IN (SELECT new_id FROM one_merge);

DELETE FROM catalog_item WHERE id IN (SELECT old_id FROM one_merge);

UPDATE catalog_item SET name = tidy_name(name), name_key = name_key(name)
WHERE name IS NOT tidy_name(name) OR name_key IS NOT name_key(name);

-- Acknowledgements are stored by the symptom's key; one per day and key is kept.
UPDATE OR IGNORE red_flag_ack SET symptom = name_key(symptom) WHERE symptom IS NOT name_key(symptom);

DELETE FROM red_flag_ack WHERE symptom IS NOT name_key(symptom);

-- Hidden medication names (schema 5) are kept by key too.
INSERT OR IGNORE INTO hidden_medication (name_key, name)
SELECT name_key(name), tidy_name(name) FROM hidden_medication
WHERE name_key IS NOT name_key(name) OR name IS NOT tidy_name(name);

DELETE FROM hidden_medication WHERE name_key IS NOT name_key(name) OR name IS NOT tidy_name(name);

DROP TABLE one_merge;
DROP TABLE one_key;
