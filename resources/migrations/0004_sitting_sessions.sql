-- Schema version 3: sitting sessions from the sitting-break timer.
-- One row per session the patient chose to add to a day ("Add 2 h 40 min of
-- sitting with 5 breaks to today?"). Keyed by date, not by day, because the
-- session may be kept before the day itself is saved; the sitting minutes go
-- into the day's activities like any other, the breaks are counted here.

CREATE TABLE sitting_session (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
    breaks INTEGER NOT NULL CHECK (breaks BETWEEN 0 AND 1440),
    recorded_at TEXT NOT NULL
);

CREATE INDEX sitting_session_date ON sitting_session (date);
