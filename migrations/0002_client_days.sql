-- rapport schema 2: a per-client, per-day rollup of tickets and time, for scorecards.
-- Kept in step with the event tables by triggers, inside the same transaction as every
-- write, so it can never disagree with them. A row exists only for a day with something on it.

CREATE TABLE client_days (
    client_id INTEGER NOT NULL REFERENCES clients (id),
    day       TEXT NOT NULL,
    tickets   INTEGER NOT NULL DEFAULT 0 CHECK (tickets >= 0),
    reopened  INTEGER NOT NULL DEFAULT 0 CHECK (reopened >= 0),
    admin     INTEGER NOT NULL DEFAULT 0 CHECK (admin >= 0),
    escalated INTEGER NOT NULL DEFAULT 0 CHECK (escalated >= 0),
    minutes   INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    PRIMARY KEY (client_id, day)
) STRICT, WITHOUT ROWID;

INSERT INTO client_days (client_id, day, tickets, reopened, admin, escalated)
SELECT client_id, opened_on, count(*), sum(reopen_count > 0), sum(kind = 'admin'), sum(escalated)
FROM tickets GROUP BY client_id, opened_on;

INSERT INTO client_days (client_id, day, minutes)
SELECT client_id, worked_on, sum(minutes) FROM time_entries WHERE true GROUP BY client_id, worked_on
ON CONFLICT (client_id, day) DO UPDATE SET minutes = excluded.minutes;

-- Tickets: add the new row's counts, take away the old row's.
CREATE TRIGGER tickets_days_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO client_days (client_id, day, tickets, reopened, admin, escalated)
    VALUES (NEW.client_id, NEW.opened_on, 1, NEW.reopen_count > 0, NEW.kind = 'admin', NEW.escalated)
    ON CONFLICT (client_id, day) DO UPDATE SET
        tickets = tickets + 1,
        reopened = reopened + excluded.reopened,
        admin = admin + excluded.admin,
        escalated = escalated + excluded.escalated;
END;

CREATE TRIGGER tickets_days_delete AFTER DELETE ON tickets BEGIN
    UPDATE client_days SET
        tickets = tickets - 1,
        reopened = reopened - (OLD.reopen_count > 0),
        admin = admin - (OLD.kind = 'admin'),
        escalated = escalated - OLD.escalated
    WHERE client_id = OLD.client_id AND day = OLD.opened_on;
    DELETE FROM client_days
    WHERE client_id = OLD.client_id AND day = OLD.opened_on AND tickets = 0 AND minutes = 0;
END;

CREATE TRIGGER tickets_days_update
AFTER UPDATE OF client_id, opened_on, kind, escalated, reopen_count ON tickets BEGIN
    UPDATE client_days SET
        tickets = tickets - 1,
        reopened = reopened - (OLD.reopen_count > 0),
        admin = admin - (OLD.kind = 'admin'),
        escalated = escalated - OLD.escalated
    WHERE client_id = OLD.client_id AND day = OLD.opened_on;
    DELETE FROM client_days
    WHERE client_id = OLD.client_id AND day = OLD.opened_on AND tickets = 0 AND minutes = 0;
    INSERT INTO client_days (client_id, day, tickets, reopened, admin, escalated)
    VALUES (NEW.client_id, NEW.opened_on, 1, NEW.reopen_count > 0, NEW.kind = 'admin', NEW.escalated)
    ON CONFLICT (client_id, day) DO UPDATE SET
        tickets = tickets + 1,
        reopened = reopened + excluded.reopened,
        admin = admin + excluded.admin,
        escalated = escalated + excluded.escalated;
END;

-- Time worked.
CREATE TRIGGER time_days_insert AFTER INSERT ON time_entries BEGIN
    INSERT INTO client_days (client_id, day, minutes)
    VALUES (NEW.client_id, NEW.worked_on, NEW.minutes)
    ON CONFLICT (client_id, day) DO UPDATE SET minutes = minutes + excluded.minutes;
END;

CREATE TRIGGER time_days_delete AFTER DELETE ON time_entries BEGIN
    UPDATE client_days SET minutes = minutes - OLD.minutes
    WHERE client_id = OLD.client_id AND day = OLD.worked_on;
    DELETE FROM client_days
    WHERE client_id = OLD.client_id AND day = OLD.worked_on AND tickets = 0 AND minutes = 0;
END;

CREATE TRIGGER time_days_update AFTER UPDATE OF client_id, worked_on, minutes ON time_entries BEGIN
    UPDATE client_days SET minutes = minutes - OLD.minutes
    WHERE client_id = OLD.client_id AND day = OLD.worked_on;
    DELETE FROM client_days
    WHERE client_id = OLD.client_id AND day = OLD.worked_on AND tickets = 0 AND minutes = 0;
    INSERT INTO client_days (client_id, day, minutes)
    VALUES (NEW.client_id, NEW.worked_on, NEW.minutes)
    ON CONFLICT (client_id, day) DO UPDATE SET minutes = minutes + excluded.minutes;
END;
