-- Schema version 3: the early warning signs.
-- The early signs of cauda equina syndrome (NICE CKS "Sciatica (lumbar
-- radiculopathy): red flags") and three "see a doctor soon" signs join the
-- built-in symptom catalog of journals made before them. Kept signs get
-- their current name and urgency. The patient's days, their own catalog
-- entries' names and their red-flag acknowledgements are not touched; the
-- why-texts and sources live in resources/catalog.toml, not in the file.
--
-- resources/catalog.toml is the list for new journals: keep the two in step
-- (tests/test_migrations.py checks they agree). A new journal runs this on
-- an empty catalog and inserts nothing; its catalog is then seeded from
-- catalog.toml in the file's order.
--
-- If the patient already added a symptom with one of these names (ignoring
-- case), that entry becomes the built-in warning sign, keeping the name as
-- they typed it, so the days that record it are flagged too.

CREATE TEMP TABLE warning_sign (name TEXT PRIMARY KEY, urgency TEXT NOT NULL);

INSERT INTO warning_sign (name, urgency) VALUES
    ('unsteady walking', 'soon'),
    ('numbness or tingling in legs', 'soon'),
    ('leg weakness', 'soon'),
    ('fever or chills with back pain', 'soon'),
    ('unexplained weight loss', 'soon'),
    ('pain at night that rest does not ease', 'soon'),
    ('loss of bladder or bowel control', 'urgent'),
    ('trouble passing or controlling urine', 'urgent'),
    ('not feeling when the bladder or bowel is full', 'urgent'),
    ('numbness in the saddle area', 'urgent'),
    ('pain, numbness or weakness in both legs', 'urgent'),
    ('new problems with sexual function', 'urgent'),
    ('progressive leg weakness', 'urgent'),
    ('severe pain after a fall or injury', 'urgent');

-- Kept built-in signs take the catalog's spelling of the name (before the
-- next step makes the patient's own same-named entries built in too).
UPDATE catalog_item
SET name = name_key
WHERE kind = 'symptom' AND builtin = 1 AND name <> name_key
  AND name_key IN (SELECT name FROM warning_sign);

-- Kept signs, and the patient's own entries with a sign's name: current urgency, built in.
UPDATE catalog_item
SET urgency = (SELECT w.urgency FROM warning_sign AS w WHERE w.name = catalog_item.name_key),
    builtin = 1
WHERE kind = 'symptom' AND name_key IN (SELECT name FROM warning_sign);

-- New signs, in an existing journal only (a new one is seeded from catalog.toml).
INSERT INTO catalog_item (kind, name, name_key, urgency, builtin)
SELECT 'symptom', w.name, w.name, w.urgency, 1
FROM warning_sign AS w
WHERE EXISTS (SELECT 1 FROM catalog_item)
  AND w.name NOT IN (SELECT name_key FROM catalog_item WHERE kind = 'symptom');

DROP TABLE warning_sign;
