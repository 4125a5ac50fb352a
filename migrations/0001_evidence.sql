-- rapport schema 1: clients and their evidence, kept as dated events.
-- Money is integer cents; dates are ISO 'YYYY-MM-DD' text, checked by SQLite's date().
-- Append-only: never edit a migration that has shipped; add the next file instead.

-- Marks the file as a rapport database (0x52415054, "RAPT"), so other SQLite files are refused.
PRAGMA application_id = 1380012116;

CREATE TABLE clients (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
    contact_name       TEXT,
    email              TEXT,
    phone              TEXT,
    mrr_cents          INTEGER NOT NULL DEFAULT 0 CHECK (mrr_cents >= 0),
    seats              INTEGER NOT NULL DEFAULT 0 CHECK (seats >= 0),
    contract_start     TEXT CHECK (contract_start IS date(contract_start)),
    contract_end       TEXT CHECK (contract_end IS date(contract_end)),
    notice_days        INTEGER CHECK (notice_days >= 0),
    prepaid            INTEGER NOT NULL DEFAULT 0 CHECK (prepaid IN (0, 1)),
    payment_terms_days INTEGER NOT NULL DEFAULT 30 CHECK (payment_terms_days >= 0),
    segment            TEXT,
    status             TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'prospect', 'former')),
    notes              TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    CHECK (contract_end IS NULL OR contract_start IS NULL OR contract_end >= contract_start)
) STRICT;

CREATE TABLE tickets (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id),
    opened_on    TEXT NOT NULL CHECK (opened_on IS date(opened_on)),
    closed_on    TEXT CHECK (closed_on IS date(closed_on) AND closed_on >= opened_on),
    kind         TEXT NOT NULL CHECK (kind IN ('incident', 'request', 'admin')),
    escalated    INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0, 1)),
    reopen_count INTEGER NOT NULL DEFAULT 0 CHECK (reopen_count >= 0),
    external_ref TEXT,
    UNIQUE (client_id, external_ref)
) STRICT;
CREATE INDEX tickets_by_client_opened ON tickets (client_id, opened_on);

CREATE TABLE invoices (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id),
    number       TEXT NOT NULL,
    issued_on    TEXT NOT NULL CHECK (issued_on IS date(issued_on)),
    due_on       TEXT NOT NULL CHECK (due_on IS date(due_on) AND due_on >= issued_on),
    paid_on      TEXT CHECK (paid_on IS date(paid_on) AND paid_on >= issued_on),
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    disputed     INTEGER NOT NULL DEFAULT 0 CHECK (disputed IN (0, 1)),
    external_ref TEXT,
    UNIQUE (client_id, number),
    UNIQUE (client_id, external_ref)
) STRICT;
CREATE INDEX invoices_by_client_issued ON invoices (client_id, issued_on);

CREATE TABLE time_entries (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id),
    worked_on    TEXT NOT NULL CHECK (worked_on IS date(worked_on)),
    minutes      INTEGER NOT NULL CHECK (minutes > 0),
    note         TEXT,
    external_ref TEXT,
    UNIQUE (client_id, external_ref)
) STRICT;
CREATE INDEX time_by_client_worked ON time_entries (client_id, worked_on);

CREATE TABLE recommendations (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id),
    made_on      TEXT NOT NULL CHECK (made_on IS date(made_on)),
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    security     INTEGER NOT NULL DEFAULT 0 CHECK (security IN (0, 1)),
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'implemented', 'ignored')),
    decided_on   TEXT CHECK (decided_on IS date(decided_on) AND decided_on >= made_on),
    external_ref TEXT,
    UNIQUE (client_id, external_ref),
    CHECK ((status = 'open') = (decided_on IS NULL))
) STRICT;
CREATE INDEX recommendations_by_client ON recommendations (client_id, made_on);

CREATE TABLE incidents (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id),
    occurred_on  TEXT NOT NULL CHECK (occurred_on IS date(occurred_on)),
    kind         TEXT NOT NULL CHECK (kind IN ('abuse', 'disrespect', 'security', 'unreasonable_demand', 'other')),
    note         TEXT,
    external_ref TEXT,
    UNIQUE (client_id, external_ref)
) STRICT;
CREATE INDEX incidents_by_client ON incidents (client_id, occurred_on);

-- The yearly gut check (guide O2): each staff member names up to five worst clients.
CREATE TABLE staff_votes (
    id        INTEGER PRIMARY KEY,
    year      INTEGER NOT NULL CHECK (year BETWEEN 1970 AND 9999),
    staff     TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(staff)) > 0),
    client_id INTEGER NOT NULL REFERENCES clients (id),
    rank      INTEGER NOT NULL CHECK (rank BETWEEN 1 AND 5),
    UNIQUE (year, staff, rank),
    UNIQUE (year, staff, client_id)
) STRICT;
CREATE INDEX staff_votes_by_client ON staff_votes (client_id, year);
