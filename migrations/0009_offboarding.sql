-- rapport schema 9: the offboarding checklist. A client's checklist starts when a decision
-- ends the relationship (do not renew, end now) and keeps, per item, the day it was done
-- and who signed off or what was noted. Which items a checklist shows comes from the
-- config; a tick is one row per item, so two windows ticking different items never undo
-- each other's. A client whose latest decision already ends the relationship gets its
-- checklist now, started on the day of that decision.

CREATE TABLE offboarding (
    client_id   INTEGER PRIMARY KEY REFERENCES clients (id),
    decision_id INTEGER REFERENCES decisions (id) ON DELETE SET NULL,
    started_on  TEXT NOT NULL CHECK (started_on IS date(started_on)),
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE offboarding_ticks (
    client_id INTEGER NOT NULL REFERENCES offboarding (client_id) ON DELETE CASCADE,
    item      TEXT NOT NULL CHECK (length(item) BETWEEN 1 AND 60),
    done_on   TEXT NOT NULL CHECK (done_on IS date(done_on)),
    by_note   TEXT CHECK (by_note IS NULL OR length(by_note) BETWEEN 1 AND 200),
    ticked_at TEXT NOT NULL,
    PRIMARY KEY (client_id, item)
) STRICT;

INSERT INTO offboarding (client_id, decision_id, started_on, created_at)
SELECT d.client_id, d.id, d.decided_on, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM decisions d
WHERE d.chosen IN ('do-not-renew', 'end-now')
  AND d.id = (SELECT d2.id FROM decisions d2 WHERE d2.client_id = d.client_id
              ORDER BY d2.decided_on DESC, d2.id DESC LIMIT 1);
