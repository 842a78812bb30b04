-- Schema version 10: one more warning sign.
-- "sudden severe back pain after a cough, lift or minor strain" (see a doctor
-- soon; the same day with osteoporosis or long-term steroid tablets, as the
-- person may say in About you; NICE CKS low back pain, red flags: suspected
-- osteoporotic vertebral fracture) joins the built-in symptom catalog of
-- journals made before it, exactly as 0009 did for its two signs: a patient's
-- own entry with this name (ignoring case) becomes the built-in sign, keeping
-- their spelling; days, notes and acknowledgements are not touched. The
-- why-text and source live in resources/catalog.toml; keep the two in step
-- (tests/test_migrations.py checks they agree).
-- A new journal runs this on an empty catalog and inserts nothing.
--
-- Data only: the tables are unchanged.

CREATE TEMP TABLE warning_sign (name TEXT PRIMARY KEY, urgency TEXT NOT NULL);

INSERT INTO warning_sign (name, urgency) VALUES
    ('sudden severe back pain after a cough, lift or minor strain', 'soon');

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
