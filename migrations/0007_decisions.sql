-- rapport schema 7: decisions. Each walk through the fire/keep questions ends in a decision
-- kept whole: the outcome proposed and the one chosen (with why, when they differ), the
-- reasons with their guide codes, every answer, the evidence as it stood, and what the
-- decision leaves to do (a review date, a new MRR, an exit plan, a prospect's conditions).
-- A walk left half-way is kept as a draft per client. A prospect taken on keeps the
-- expectations it accepted on its client record.

CREATE TABLE decisions (
    id                   INTEGER PRIMARY KEY,
    client_id            INTEGER NOT NULL REFERENCES clients (id),
    decided_on           TEXT NOT NULL CHECK (decided_on IS date(decided_on)),
    proposed             TEXT NOT NULL,
    chosen               TEXT NOT NULL,
    override_reason      TEXT,
    reasons              TEXT NOT NULL,
    answers              TEXT NOT NULL,
    snapshot             TEXT NOT NULL,
    notes                TEXT,
    review_on            TEXT CHECK (review_on IS date(review_on)),
    proposed_mrr_cents   INTEGER CHECK (proposed_mrr_cents >= 0),
    end_on               TEXT CHECK (end_on IS date(end_on)),
    notice_by            TEXT CHECK (notice_by IS date(notice_by)),
    prepaid_refund_cents INTEGER NOT NULL DEFAULT 0 CHECK (prepaid_refund_cents >= 0),
    conditions           TEXT NOT NULL DEFAULT '[]',
    created_at           TEXT NOT NULL
) STRICT;
CREATE INDEX decisions_by_client ON decisions (client_id, decided_on);

CREATE TABLE decision_drafts (
    client_id INTEGER PRIMARY KEY REFERENCES clients (id),
    answers   TEXT NOT NULL,
    saved_at  TEXT NOT NULL
) STRICT;

ALTER TABLE clients ADD COLUMN expectations TEXT;

CREATE TRIGGER decisions_rev_insert AFTER INSERT ON decisions BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id = NEW.client_id;
END;
CREATE TRIGGER decisions_rev_delete AFTER DELETE ON decisions BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id = OLD.client_id;
END;
