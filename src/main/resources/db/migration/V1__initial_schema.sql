-- ClockFace schema, version 1. Times are epoch milliseconds UTC (INTEGER); enums are upper-case TEXT
-- with CHECK constraints so a bad value fails at the database, not later in a timesheet.

CREATE TABLE person (
    id            INTEGER PRIMARY KEY,
    employee_no   TEXT    NOT NULL UNIQUE,
    name          TEXT,                                  -- NULL once the person is erased
    collection    TEXT    NOT NULL DEFAULT 'default',    -- site / group
    status        TEXT    NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE', 'ERASED')),
    pin_hash      TEXT,
    consent_text  TEXT,
    consent_at    INTEGER,
    consent_by    TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX person_collection_status ON person (collection, status);
CREATE INDEX person_name ON person (name COLLATE NOCASE);

-- embedding: AES-256-GCM ciphertext of the little-endian float32 vector (see store.Crypto)
CREATE TABLE template (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    model_id    TEXT    NOT NULL,
    dim         INTEGER NOT NULL CHECK (dim > 0),
    embedding   BLOB    NOT NULL,
    quality     REAL,
    source      TEXT    NOT NULL CHECK (source IN ('live', 'upload', 'import')),
    created_at  INTEGER NOT NULL
);
CREATE INDEX template_person ON template (person_id);
CREATE INDEX template_model ON template (model_id, person_id);

-- Every check-in attempt, successful or not. evidence: encrypted JPEG of the decisive frame.
CREATE TABLE check_event (
    id              INTEGER PRIMARY KEY,
    at              INTEGER NOT NULL,
    kiosk           TEXT    NOT NULL,
    person_id       INTEGER REFERENCES person (id) ON DELETE SET NULL,
    decision        TEXT    NOT NULL,
    outcome         TEXT    NOT NULL,
    liveness_score  REAL,
    match_score     REAL,
    signals         TEXT CHECK (signals IS NULL OR json_valid(signals)),
    evidence        BLOB,
    capsule_path    TEXT,
    review_state    TEXT    NOT NULL DEFAULT 'NONE' CHECK (review_state IN ('NONE', 'PENDING', 'APPROVED', 'REJECTED')),
    reviewed_by     TEXT,
    reviewed_at     INTEGER,
    note            TEXT
);
CREATE INDEX check_event_review ON check_event (review_state, at);
CREATE INDEX check_event_person ON check_event (person_id, at);
CREATE INDEX check_event_at ON check_event (at);

-- Punches are never deleted: corrections change status (audited) or add a MANUAL punch that names
-- the punch it corrects. hash = sha256(prev_hash | immutable fields), see store.PunchRepository.
CREATE TABLE punch (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('IN', 'OUT')),
    at              INTEGER NOT NULL,
    zone            TEXT    NOT NULL,
    kiosk           TEXT    NOT NULL,
    source          TEXT    NOT NULL CHECK (source IN ('FACE', 'PIN', 'MANUAL')),
    status          TEXT    NOT NULL CHECK (status IN ('CONFIRMED', 'PENDING', 'REJECTED', 'DELETED')),
    check_event_id  INTEGER REFERENCES check_event (id),
    corrects_id     INTEGER REFERENCES punch (id),
    note            TEXT,
    created_at      INTEGER NOT NULL,
    prev_hash       TEXT    NOT NULL,
    hash            TEXT    NOT NULL UNIQUE
);
CREATE INDEX punch_person_at ON punch (person_id, at);
CREATE INDEX punch_at ON punch (at);
CREATE INDEX punch_check_event ON punch (check_event_id);

-- A guard for honest mistakes; the hash chain is what detects deliberate edits.
CREATE TRIGGER punch_no_delete BEFORE DELETE ON punch
BEGIN
    SELECT RAISE(ABORT, 'punches are never deleted; set status DELETED instead');
END;
CREATE TRIGGER punch_immutable BEFORE UPDATE OF id, person_id, kind, at, zone, kiosk, source, check_event_id,
    corrects_id, created_at, prev_hash, hash ON punch
BEGIN
    SELECT RAISE(ABORT, 'a punch''s recorded fields never change; add a correcting punch instead');
END;

CREATE TABLE audit (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    actor   TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    target  TEXT,
    detail  TEXT CHECK (detail IS NULL OR json_valid(detail))
);
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_target ON audit (target, at);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE admin (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    secret_hash   TEXT    NOT NULL,
    failed_tries  INTEGER NOT NULL DEFAULT 0,
    locked_until  INTEGER,
    created_at    INTEGER NOT NULL
);
