-- Schema version 11: pain-now readings.
-- Back and leg pain as felt at one moment, any number a day ("Pain now" in the
-- tray menu, the window's shortcut and the Today tab). Keyed by date, not by
-- day: a reading may come before the day itself is rated, and the day's own
-- rating stays the unit of the statistics. ``time`` is the local time of day
-- as HH:MM.

CREATE TABLE IF NOT EXISTS pain_reading (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    time TEXT NOT NULL CHECK (length(time) = 5 AND time BETWEEN '00:00' AND '23:59'),
    back_pain INTEGER NOT NULL CHECK (back_pain BETWEEN 0 AND 10),
    leg_pain INTEGER CHECK (leg_pain BETWEEN 0 AND 10),
    recorded_at TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS pain_reading_date ON pain_reading (date, time);
