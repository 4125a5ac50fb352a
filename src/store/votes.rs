//! The staff gut check (guide O2): each staff member names up to five worst clients a year.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{Result, Store, StoreError};
use crate::domain::{ClientId, ClientStatus, StaffVote, check_named, check_votes};

impl Store {
    /// Replaces `staff`'s list for `year` with `clients`, worst first (rank 1..=5). An empty
    /// list clears it. More than five clients, one client twice, or a client the staff
    /// member cannot name that year ([`crate::domain::may_be_named`]: a former client not
    /// already on the list, whose contract ended before that year) is refused.
    pub fn set_votes(&mut self, year: i32, staff: &str, clients: &[ClientId]) -> Result<()> {
        self.write(|tx| set_votes_in(tx, year, staff, clients))
    }

    /// Replaces `staff`'s list for `year`, if it is still `expected` (what the form showed
    /// when it opened); another window's change in between is refused, not overwritten.
    pub fn set_votes_if(
        &mut self,
        year: i32,
        staff: &str,
        expected: &[ClientId],
        clients: &[ClientId],
    ) -> Result<()> {
        self.write(|tx| {
            let current = list_in(tx, year, staff)?;
            if current != expected {
                return Err(StoreError::Conflict {
                    what: crate::t!("store.votes.what", staff = staff.trim(), year = year),
                    changes: crate::tn!("store.votes.changes", current.len()),
                });
            }
            set_votes_in(tx, year, staff, clients)
        })
    }

    /// One staff member's list of a year, worst first.
    pub fn staff_list(&self, year: i32, staff: &str) -> Result<Vec<ClientId>> {
        list_in(self.conn(), year, staff)
    }

    /// The years that have a gut check, oldest first.
    pub fn gut_check_years(&self) -> Result<Vec<i32>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT DISTINCT year FROM staff_votes ORDER BY year")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every vote cast for `year`, by staff member (any case) and rank.
    pub fn votes(&self, year: i32) -> Result<Vec<StaffVote>> {
        let mut stmt = self.conn().prepare(
            "SELECT year, staff, client_id, rank FROM staff_votes WHERE year = ?1
             ORDER BY staff COLLATE NOCASE, rank",
        )?;
        let rows = stmt.query_map([year], |r| {
            Ok(StaffVote {
                year: r.get(0)?,
                staff: r.get(1)?,
                client_id: ClientId(r.get(2)?),
                rank: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn list_in(conn: &Connection, year: i32, staff: &str) -> Result<Vec<ClientId>> {
    let mut stmt = conn.prepare_cached(
        "SELECT client_id FROM staff_votes WHERE year = ?1 AND staff = ?2 ORDER BY rank",
    )?;
    let rows = stmt.query_map(params![year, staff.trim()], |r| Ok(ClientId(r.get(0)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What the gut check rule needs to know of a client: its name, status and contract end.
/// A client that is not (or no longer) there is refused.
fn named_in(conn: &Connection, id: ClientId) -> Result<(String, ClientStatus, Option<NaiveDate>)> {
    let row = conn
        .prepare_cached("SELECT name, status, contract_end FROM clients WHERE id = ?1")?
        .query_row([id.0], |r| {
            Ok((
                r.get(0)?,
                super::sql::enum_col(r, 1, ClientStatus::parse)?,
                r.get(2)?,
            ))
        })
        .optional()?;
    row.ok_or_else(|| StoreError::NotFound(crate::t!("store.client_gone", id = id.0)))
}

/// Replaces one staff member's list inside a write, with every check `set_votes` makes.
pub(super) fn set_votes_in(
    tx: &Transaction<'_>,
    year: i32,
    staff: &str,
    clients: &[ClientId],
) -> Result<()> {
    let staff = check_votes(year, staff, clients)?;
    let listed = list_in(tx, year, &staff)?;
    for client in clients {
        let (name, status, contract_end) = named_in(tx, *client)?;
        check_named(year, &name, status, contract_end, listed.contains(client))?;
    }
    tx.execute(
        "DELETE FROM staff_votes WHERE year = ?1 AND staff = ?2",
        params![year, staff],
    )?;
    for (rank, client) in (1..).zip(clients) {
        tx.execute(
            "INSERT INTO staff_votes (year, staff, client_id, rank) VALUES (?1, ?2, ?3, ?4)",
            params![year, staff, client.0, rank],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ClientDraft, ClientFields};

    fn store_with(names: &[&str]) -> (tempfile::TempDir, Store, Vec<ClientId>) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("votes.db")).unwrap();
        let ids = names
            .iter()
            .map(|n| {
                let f: ClientFields = ClientDraft {
                    name: (*n).into(),
                    ..ClientDraft::new_client()
                }
                .validate()
                .unwrap();
                store.add_client(&f).unwrap()
            })
            .collect();
        (dir, store, ids)
    }

    fn listed(store: &Store, year: i32) -> Vec<(String, i64, u8)> {
        store
            .votes(year)
            .unwrap()
            .into_iter()
            .map(|v| (v.staff, v.client_id.0, v.rank))
            .collect()
    }

    #[test]
    fn a_new_list_replaces_the_old_one_for_that_staff_member_and_year() {
        let (_dir, mut store, ids) = store_with(&["A", "B", "C"]);
        store.set_votes(2026, "Sanne", &[ids[0], ids[1]]).unwrap();
        store.set_votes(2026, "Joris", &[ids[2]]).unwrap();
        store.set_votes(2025, "Sanne", &[ids[2]]).unwrap();
        store.set_votes(2026, " sanne ", &[ids[1], ids[2]]).unwrap();
        let got = listed(&store, 2026);
        assert_eq!(
            got,
            vec![
                ("Joris".into(), ids[2].0, 1),
                ("sanne".into(), ids[1].0, 1),
                ("sanne".into(), ids[2].0, 2),
            ]
        );
        assert_eq!(listed(&store, 2025), vec![("Sanne".into(), ids[2].0, 1)]);
        store.set_votes(2026, "Joris", &[]).unwrap();
        assert_eq!(listed(&store, 2026).len(), 2);
    }

    #[test]
    fn a_former_client_is_refused_unless_on_the_list_already_or_a_client_that_year() {
        let (_dir, mut store, ids) = store_with(&["Acme", "Globex"]);
        let former = |d: &mut ClientDraft, end: &str| {
            d.status = "former".into();
            d.contract_end = end.into();
        };
        let mut add = |name: &str, end: &str| {
            let mut d = ClientDraft {
                name: name.into(),
                ..ClientDraft::new_client()
            };
            former(&mut d, end);
            store.add_client(&d.validate().unwrap()).unwrap()
        };
        let (jansen, smit) = (add("Jansen", "2025-10-31"), add("Smit", ""));
        // Gone before 2026, not on Tom's list: refused, naming the client; nothing written.
        for gone in [jansen, smit] {
            match store.set_votes(2026, "Tom", &[ids[0], gone]) {
                Err(StoreError::Invalid(e)) => {
                    let message = e.for_field("gut check list").unwrap();
                    assert!(message.contains("former client"), "{message}");
                }
                other => panic!("expected a validation error, got {other:?}"),
            }
        }
        assert!(listed(&store, 2026).is_empty());
        // A client until October 2025: last year's gut check may name it.
        store.set_votes(2025, "Tom", &[jansen, ids[0]]).unwrap();
        // On a list before it was archived, a client stays on it when the list changes.
        store.set_votes(2026, "Tom", &[ids[1]]).unwrap();
        let globex = ids[1];
        let fields = store.client(globex).unwrap().fields;
        store.archive_client(globex, &fields).unwrap();
        store.set_votes(2026, "tom", &[globex, ids[0]]).unwrap();
        assert_eq!(
            listed(&store, 2026),
            vec![("tom".into(), globex.0, 1), ("tom".into(), ids[0].0, 2)]
        );
        // ... but not on someone else's list.
        assert!(matches!(
            store.set_votes(2026, "Sanne", &[globex]),
            Err(StoreError::Invalid(_))
        ));
    }

    #[test]
    fn six_clients_duplicates_and_unknown_clients_are_refused_and_nothing_changes() {
        let (_dir, mut store, ids) = store_with(&["A", "B", "C", "D", "E", "F"]);
        store.set_votes(2026, "Tom", &[ids[0]]).unwrap();
        let six = store.set_votes(2026, "Tom", &ids).unwrap_err();
        match six {
            StoreError::Invalid(e) => {
                assert!(e.for_field("gut check list").unwrap().contains("at most"))
            }
            other => panic!("expected a validation error, got {other:?}"),
        }
        let twice = store.set_votes(2026, "Tom", &[ids[1], ids[1]]).unwrap_err();
        assert!(matches!(twice, StoreError::Invalid(e) if e.for_field("gut check list").is_some()));
        let unknown = store.set_votes(2026, "Tom", &[ids[1], ClientId(999)]);
        assert!(matches!(unknown, Err(StoreError::NotFound(_))));
        assert_eq!(listed(&store, 2026), vec![("Tom".into(), ids[0].0, 1)]);
    }
}
