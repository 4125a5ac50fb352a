-- rapport schema 8: scripts. Every breakup script or letter generated (guide H2-H4) is kept
-- with what it was made for: the client, the decision it put into words (none when it was
-- written from a reason alone, or the decision was taken back), the kind of decision, the
-- channel, the language, the day it was written and its text as the user last had it.

CREATE TABLE scripts (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    decision_id INTEGER REFERENCES decisions (id) ON DELETE SET NULL,
    kind        TEXT NOT NULL
                CHECK (kind IN ('end-now', 'do-not-renew', 'reprice', 'reduce-scope')),
    channel     TEXT NOT NULL CHECK (channel IN ('in-person', 'phone', 'letter', 'email')),
    language    TEXT NOT NULL CHECK (language IN ('en', 'nl')),
    written_on  TEXT NOT NULL CHECK (written_on IS date(written_on)),
    text        TEXT NOT NULL CHECK (length(text) > 0),
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX scripts_by_client ON scripts (client_id, id);
CREATE INDEX scripts_by_decision ON scripts (decision_id);
