-- rapport schema 5: correcting the record. A ticket gets a subject. Every event (ticket,
-- invoice, time entry, recommendation, incident) can be voided with a reason: it stays in
-- the file and in the timeline, struck through, but counts nowhere any more. The rollup's
-- triggers count only rows that are not voided, and follow a row voided or restored.

ALTER TABLE tickets ADD COLUMN subject TEXT;

ALTER TABLE tickets ADD COLUMN voided_at TEXT;
ALTER TABLE tickets ADD COLUMN void_reason TEXT;
ALTER TABLE invoices ADD COLUMN voided_at TEXT;
ALTER TABLE invoices ADD COLUMN void_reason TEXT;
ALTER TABLE time_entries ADD COLUMN voided_at TEXT;
ALTER TABLE time_entries ADD COLUMN void_reason TEXT;
ALTER TABLE recommendations ADD COLUMN voided_at TEXT;
ALTER TABLE recommendations ADD COLUMN void_reason TEXT;
ALTER TABLE incidents ADD COLUMN voided_at TEXT;
ALTER TABLE incidents ADD COLUMN void_reason TEXT;

DROP TRIGGER tickets_days_insert;
DROP TRIGGER tickets_days_delete;
DROP TRIGGER tickets_days_update;
DROP TRIGGER time_days_insert;
DROP TRIGGER time_days_delete;
DROP TRIGGER time_days_update;

-- Tickets: add the new row's counts, take away the old row's, each only while not voided.
CREATE TRIGGER tickets_days_insert AFTER INSERT ON tickets WHEN NEW.voided_at IS NULL BEGIN
    INSERT INTO client_days (client_id, day, tickets, reopened, admin, escalated)
    VALUES (NEW.client_id, NEW.opened_on, 1, NEW.reopen_count > 0, NEW.kind = 'admin', NEW.escalated)
    ON CONFLICT (client_id, day) DO UPDATE SET
        tickets = tickets + 1,
        reopened = reopened + excluded.reopened,
        admin = admin + excluded.admin,
        escalated = escalated + excluded.escalated;
END;

CREATE TRIGGER tickets_days_delete AFTER DELETE ON tickets WHEN OLD.voided_at IS NULL BEGIN
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
AFTER UPDATE OF client_id, opened_on, kind, escalated, reopen_count, voided_at ON tickets BEGIN
    UPDATE client_days SET
        tickets = tickets - 1,
        reopened = reopened - (OLD.reopen_count > 0),
        admin = admin - (OLD.kind = 'admin'),
        escalated = escalated - OLD.escalated
    WHERE client_id = OLD.client_id AND day = OLD.opened_on AND OLD.voided_at IS NULL;
    DELETE FROM client_days
    WHERE client_id = OLD.client_id AND day = OLD.opened_on AND tickets = 0 AND minutes = 0;
    INSERT INTO client_days (client_id, day, tickets, reopened, admin, escalated)
    SELECT NEW.client_id, NEW.opened_on, 1, NEW.reopen_count > 0, NEW.kind = 'admin', NEW.escalated
    WHERE NEW.voided_at IS NULL
    ON CONFLICT (client_id, day) DO UPDATE SET
        tickets = tickets + 1,
        reopened = reopened + excluded.reopened,
        admin = admin + excluded.admin,
        escalated = escalated + excluded.escalated;
END;

-- Time worked, the same way.
CREATE TRIGGER time_days_insert AFTER INSERT ON time_entries WHEN NEW.voided_at IS NULL BEGIN
    INSERT INTO client_days (client_id, day, minutes)
    VALUES (NEW.client_id, NEW.worked_on, NEW.minutes)
    ON CONFLICT (client_id, day) DO UPDATE SET minutes = minutes + excluded.minutes;
END;

CREATE TRIGGER time_days_delete AFTER DELETE ON time_entries WHEN OLD.voided_at IS NULL BEGIN
    UPDATE client_days SET minutes = minutes - OLD.minutes
    WHERE client_id = OLD.client_id AND day = OLD.worked_on;
    DELETE FROM client_days
    WHERE client_id = OLD.client_id AND day = OLD.worked_on AND tickets = 0 AND minutes = 0;
END;

CREATE TRIGGER time_days_update
AFTER UPDATE OF client_id, worked_on, minutes, voided_at ON time_entries BEGIN
    UPDATE client_days SET minutes = minutes - OLD.minutes
    WHERE client_id = OLD.client_id AND day = OLD.worked_on AND OLD.voided_at IS NULL;
    DELETE FROM client_days
    WHERE client_id = OLD.client_id AND day = OLD.worked_on AND tickets = 0 AND minutes = 0;
    INSERT INTO client_days (client_id, day, minutes)
    SELECT NEW.client_id, NEW.worked_on, NEW.minutes
    WHERE NEW.voided_at IS NULL
    ON CONFLICT (client_id, day) DO UPDATE SET minutes = minutes + excluded.minutes;
END;
