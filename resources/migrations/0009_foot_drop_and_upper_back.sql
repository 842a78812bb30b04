-- Schema version 7: two more warning signs.
-- "foot drop or cannot lift the front of the foot" (urgent; NICE CKS
-- "Sciatica (lumbar radiculopathy): red flags") and "pain in the upper back
-- or between the shoulder blades" (see a doctor soon; NICE CKS low back pain
-- red flags, NICE NG234) join the built-in symptom catalog of journals made
-- before them, exactly as 0003_warning_signs.sql did for the earlier signs:
-- a patient's own entry with one of these names (ignoring case) becomes the
-- built-in sign, keeping their spelling; days, notes and acknowledgements
-- are not touched. The why-texts and sources live in resources/catalog.toml;
-- keep the two in step (tests/test_migrations.py checks they agree).
-- A new journal runs this on an empty catalog and inserts nothing.
-- A read-only journal still waiting for this step opens as it is, without the two signs.
--
-- Data only: the tables are unchanged.

CREATE TEMP TABLE warning_sign (name TEXT PRIMARY KEY, urgency TEXT NOT NULL);

INSERT INTO warning_sign (name, urgency) VALUES
    ('foot drop or cannot lift the front of the foot', 'urgent'),
    ('pain in the upper back or between the shoulder blades', 'soon');

UPDATE catalog_item
SET urgency = (SELECT w.urgency FROM warning_sign AS w WHERE w.name = catalog_item.name_key),
    builtin = 1
WHERE kind = 'symptom' AND name_key IN (SELECT name FROM warning_sign);

INSERT INTO catalog_item (kind, name, name_key, urgency, builtin)
SELECT 'symptom', w.name, w.name, w.urgency, 1
FROM warning_sign AS w
WHERE EXISTS (SELECT 1 FROM catalog_item)
  AND w.name NOT IN (SELECT name_key FROM catalog_item WHERE kind = 'symptom');

DROP TABLE warning_sign;
