-- Schema version 6: text saved before names and notes were normalised is now NFC.
--
-- Versions before 1.0 stored text as the keyboard or the CSV file gave it, so a
-- note or a name typed with a decomposed accent ("e" + U+0301) may be in NFD,
-- and "Café" composed and decomposed may be two catalog entries. This step
-- brings every text column to NFC and merges catalog entries whose names
-- become the same (ignoring case, as the catalog always has), keeping every
-- day's links: a day that had both keeps one link, an activity's minutes are
-- added up (at most a whole day), and the merged entry keeps the most urgent
-- warning level of the two. The kept entry is the built-in one, else the
-- oldest. A red-flag acknowledgement follows its symptom's name key.
--
-- nfc(text) and name_key(text) are Python functions that
-- journal.storage.schema.apply_migrations provides on the connection
-- (unicodedata NFC, and journal.core.catalog.name_key). Running the step again
-- changes nothing. Like every step it runs in one transaction, after the
-- automatic "before-v6" backup copy of an existing journal. A read-only
-- journal that still waits for this step opens read-only as it is.
--
-- Data only: the tables are unchanged.

UPDATE day SET notes = nfc(notes), questions = nfc(questions)
WHERE notes IS NOT nfc(notes) OR questions IS NOT nfc(questions);

UPDATE day_medication SET text = nfc(text) WHERE text IS NOT nfc(text);

UPDATE setting SET value = nfc(value) WHERE value IS NOT nfc(value);

-- Each catalog entry's new key, and the entry it merges into.
CREATE TEMP TABLE nfc_key AS
SELECT id, kind, builtin, name_key(name) AS new_key FROM catalog_item;

CREATE INDEX temp.nfc_key_by_key ON nfc_key (kind, new_key);

CREATE TEMP TABLE nfc_merge AS
SELECT k.id AS old_id,
       (SELECT s.id FROM nfc_key s WHERE s.kind = k.kind AND s.new_key = k.new_key
        ORDER BY s.builtin DESC, s.id LIMIT 1) AS new_id
FROM nfc_key k;

DELETE FROM nfc_merge WHERE old_id = new_id;

-- Activities: minutes of merged entries are added to the kept entry's on the same day...
UPDATE day_activity
SET minutes = min(1440, minutes + (
    SELECT sum(a.minutes) FROM day_activity a JOIN nfc_merge m ON a.item_id = m.old_id
    WHERE a.day_id = day_activity.day_id AND m.new_id = day_activity.item_id))
WHERE EXISTS (
    SELECT 1 FROM day_activity a JOIN nfc_merge m ON a.item_id = m.old_id
    WHERE a.day_id = day_activity.day_id AND m.new_id = day_activity.item_id);

-- ...and become the kept entry's on days that had only merged ones.
INSERT INTO day_activity (day_id, item_id, position, minutes)
SELECT a.day_id, m.new_id, min(a.position), min(1440, sum(a.minutes))
FROM day_activity a JOIN nfc_merge m ON a.item_id = m.old_id
WHERE NOT EXISTS (SELECT 1 FROM day_activity b WHERE b.day_id = a.day_id AND b.item_id = m.new_id)
GROUP BY a.day_id, m.new_id;

DELETE FROM day_activity WHERE item_id IN (SELECT old_id FROM nfc_merge);

INSERT OR IGNORE INTO day_trigger (day_id, item_id, position)
SELECT t.day_id, m.new_id, t.position FROM day_trigger t JOIN nfc_merge m ON t.item_id = m.old_id
ORDER BY t.position;

DELETE FROM day_trigger WHERE item_id IN (SELECT old_id FROM nfc_merge);

INSERT OR IGNORE INTO day_symptom (day_id, item_id, position)
SELECT t.day_id, m.new_id, t.position FROM day_symptom t JOIN nfc_merge m ON t.item_id = m.old_id
ORDER BY t.position;

DELETE FROM day_symptom WHERE item_id IN (SELECT old_id FROM nfc_merge);

-- The kept entry takes the most urgent level of those merged into it; a warning
-- sign is never hidden (schema 5), so a merged-in warning level shows it again.
UPDATE catalog_item
SET hidden = 0
WHERE id IN (SELECT m.new_id FROM nfc_merge m JOIN catalog_item c ON c.id = m.old_id WHERE c.urgency <> 'none');

UPDATE catalog_item
SET urgency = (
    SELECT CASE max(CASE c.urgency WHEN 'urgent' THEN 2 WHEN 'soon' THEN 1 ELSE 0 END)
           WHEN 2 THEN 'urgent' WHEN 1 THEN 'soon' ELSE 'none' END
    FROM catalog_item c
    WHERE c.id = catalog_item.id OR c.id IN (SELECT old_id FROM nfc_merge WHERE new_id = catalog_item.id))
WHERE id IN (SELECT new_id FROM nfc_merge);

DELETE FROM catalog_item WHERE id IN (SELECT old_id FROM nfc_merge);

UPDATE catalog_item SET name = nfc(name), name_key = name_key(name)
WHERE name IS NOT nfc(name) OR name_key IS NOT name_key(name);

-- Acknowledgements are stored by the symptom's key; one per day and key is kept.
UPDATE OR IGNORE red_flag_ack SET symptom = name_key(symptom) WHERE symptom IS NOT name_key(symptom);

DELETE FROM red_flag_ack WHERE symptom IS NOT name_key(symptom);

-- Hidden medication names (schema 5) are kept by key too.
INSERT OR IGNORE INTO hidden_medication (name_key, name)
SELECT name_key(nfc(name)), nfc(name) FROM hidden_medication
WHERE name_key IS NOT name_key(nfc(name)) OR name IS NOT nfc(name);

DELETE FROM hidden_medication WHERE name_key IS NOT name_key(name) OR name IS NOT nfc(name);

DROP TABLE nfc_merge;
DROP TABLE nfc_key;
