-- rapport schema 4: identity keys. A client's name, an invoice's number and a ticket's
-- reference each get a key (Unicode NFC, full case folding, white space collapsed) that
-- uniqueness and lookup use, so that spellings that look alike are one name. The keys are
-- computed in Rust (src/domain/identity.rs) by the migration's hook, which also makes the
-- unique indexes; rows whose keys clash are kept, with a key marked as a clash, and reported.

ALTER TABLE clients ADD COLUMN name_key TEXT;
ALTER TABLE invoices ADD COLUMN number_key TEXT;
ALTER TABLE tickets ADD COLUMN ref_key TEXT;
