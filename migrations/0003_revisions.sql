-- rapport schema 3: a revision number per client, raised by every change to the client or
-- to anything recorded about it, whoever makes it. A window that shows the data asks which
-- revisions moved since it last looked (after SQLite's data_version says another
-- connection wrote), and reads those clients again, not everything.

ALTER TABLE clients ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;

-- recursive_triggers is off, so the UPDATE inside does not fire this trigger again.
CREATE TRIGGER clients_rev AFTER UPDATE ON clients WHEN NEW.rev IS OLD.rev BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id = NEW.id;
END;

CREATE TRIGGER tickets_rev_insert AFTER INSERT ON tickets BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id = NEW.client_id;
END;
CREATE TRIGGER tickets_rev_update AFTER UPDATE ON tickets BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id IN (OLD.client_id, NEW.client_id);
END;
CREATE TRIGGER tickets_rev_delete AFTER DELETE ON tickets BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id = OLD.client_id;
END;

CREATE TRIGGER invoices_rev_insert AFTER INSERT ON invoices BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id = NEW.client_id;
END;
CREATE TRIGGER invoices_rev_update AFTER UPDATE ON invoices BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id IN (OLD.client_id, NEW.client_id);
END;
CREATE TRIGGER invoices_rev_delete AFTER DELETE ON invoices BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id = OLD.client_id;
END;

CREATE TRIGGER time_rev_insert AFTER INSERT ON time_entries BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id = NEW.client_id;
END;
CREATE TRIGGER time_rev_update AFTER UPDATE ON time_entries BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id IN (OLD.client_id, NEW.client_id);
END;
CREATE TRIGGER time_rev_delete AFTER DELETE ON time_entries BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id = OLD.client_id;
END;

CREATE TRIGGER recommendations_rev_insert AFTER INSERT ON recommendations BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id = NEW.client_id;
END;
CREATE TRIGGER recommendations_rev_update AFTER UPDATE ON recommendations BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id IN (OLD.client_id, NEW.client_id);
END;
CREATE TRIGGER recommendations_rev_delete AFTER DELETE ON recommendations BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id = OLD.client_id;
END;

CREATE TRIGGER incidents_rev_insert AFTER INSERT ON incidents BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id = NEW.client_id;
END;
CREATE TRIGGER incidents_rev_update AFTER UPDATE ON incidents BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id IN (OLD.client_id, NEW.client_id);
END;
CREATE TRIGGER incidents_rev_delete AFTER DELETE ON incidents BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id = OLD.client_id;
END;

CREATE TRIGGER staff_votes_rev_insert AFTER INSERT ON staff_votes BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id = NEW.client_id;
END;
CREATE TRIGGER staff_votes_rev_update AFTER UPDATE ON staff_votes BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id IN (OLD.client_id, NEW.client_id);
END;
CREATE TRIGGER staff_votes_rev_delete AFTER DELETE ON staff_votes BEGIN
    UPDATE clients SET rev = rev + 1 WHERE id = OLD.client_id;
END;
