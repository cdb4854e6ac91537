-- Approved timesheet periods: no correction may touch a punch whose workday lies in one.
-- Days are ISO dates (YYYY-MM-DD) of the workday, inclusive; person_id NULL locks everybody.
CREATE TABLE period_lock (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER REFERENCES person (id),
    from_day   TEXT    NOT NULL CHECK (from_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    to_day     TEXT    NOT NULL CHECK (to_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND to_day >= from_day),
    locked_by  TEXT    NOT NULL,
    locked_at  INTEGER NOT NULL
);
CREATE INDEX period_lock_days ON period_lock (to_day, from_day);
