//! A large, deterministic portfolio for the benchmark: a few big clients and many small ones,
//! some needy, some slow to pay, some that ignore advice, over the 18 months up to the as-of
//! date. Rows go straight into SQLite in one transaction through `Store::bulk_load`; the
//! triggers keep the per-day rollup in step as they do for every write.

use chrono::{Days, NaiveDate};
use rapport::domain::{
    Cents, ClientFields, ClientId, ClientStatus, IncidentKind, NewIncident, NewInvoice,
    NewRecommendation, NewTicket, NewTimeEntry, RecStatus, TicketKind,
};
use rapport::store::{BulkWriter, Store};

/// How many rows of each kind.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub clients: usize,
    pub tickets: usize,
    pub invoices: usize,
    pub time_entries: usize,
}

/// What the issue asks for.
pub const FULL: Size = Size {
    clients: 1_000,
    tickets: 1_000_000,
    invoices: 200_000,
    time_entries: 500_000,
};

/// Many small clients (`RAPPORT_BENCH_PORTFOLIO=many-small`): where the size of
/// `scorecard --json`'s output, and the memory it takes, show.
pub const MANY_SMALL: Size = Size {
    clients: 10_000,
    tickets: 200_000,
    invoices: 60_000,
    time_entries: 100_000,
};

/// For `cargo test --benches`: the same shapes, small enough to run in a blink.
pub const SMOKE: Size = Size {
    clients: 24,
    tickets: 12_000,
    invoices: 2_400,
    time_entries: 6_000,
};

/// Bump when the generator changes, so a cached database is not reused.
pub const VERSION: u32 = 2;
const SEED: u64 = 0x5241_5054;
/// The evidence spans this many days, ending on the as-of date.
const SPAN_DAYS: u64 = 546;

/// Splits `total` in proportion to `weights`, exactly (largest remainder).
fn share(total: usize, weights: &[f64]) -> Vec<usize> {
    let sum: f64 = weights.iter().sum();
    let exact: Vec<f64> = weights.iter().map(|w| w / sum * total as f64).collect();
    let mut counts: Vec<usize> = exact.iter().map(|e| e.floor() as usize).collect();
    let mut left = total - counts.iter().sum::<usize>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let ra = exact[a] - exact[a].floor();
        let rb = exact[b] - exact[b].floor();
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for i in order {
        if left == 0 {
            break;
        }
        counts[i] += 1;
        left -= 1;
    }
    counts
}

#[derive(Debug, Clone, Copy)]
enum Payer {
    Good,
    Slow,
    Bad,
}

/// One client's character: size, neediness, habits.
struct Profile {
    seats: u32,
    /// Tickets per seat, relative.
    need: f64,
    /// The first day (offset from the start) with evidence.
    since: u64,
    /// < 1: busier lately; > 1: quieter lately.
    skew: f64,
    payer: Payer,
    terms: u64,
    price: f64,
    stubborn: f64,
    admin: f64,
    escalate: f64,
    reopen: f64,
}

impl Profile {
    fn draw(rng: &mut fastrand::Rng) -> Self {
        let u = rng.f64();
        let seats = if u < 0.05 {
            120 + rng.u32(0..480)
        } else if u < 0.30 {
            30 + rng.u32(0..90)
        } else {
            5 + rng.u32(0..25)
        };
        let payer = match rng.f64() {
            p if p < 0.75 => Payer::Good,
            p if p < 0.93 => Payer::Slow,
            _ => Payer::Bad,
        };
        Self {
            seats,
            need: 0.3 + 2.5 * rng.f64().powi(3),
            since: if rng.f64() < 0.8 {
                0
            } else {
                rng.u64(0..SPAN_DAYS - 60)
            },
            skew: 0.6 + rng.f64(),
            payer,
            terms: if rng.f64() < 0.2 { 14 } else { 30 },
            price: 0.6 + rng.f64(),
            stubborn: rng.f64().powi(3) * 0.9,
            admin: 0.05 + 0.2 * rng.f64(),
            escalate: 0.01 + 0.05 * rng.f64(),
            reopen: 0.03 + 0.12 * rng.f64(),
        }
    }

    /// A day offset in the client's span, leaning to the start or the end by `skew`.
    fn day(&self, rng: &mut fastrand::Rng) -> u64 {
        let len = SPAN_DAYS - self.since;
        self.since + ((len as f64 * rng.f64().powf(self.skew)) as u64).min(len - 1)
    }

    fn uniform_day(&self, rng: &mut fastrand::Rng) -> u64 {
        rng.u64(self.since..SPAN_DAYS)
    }
}

/// Writes the portfolio through `w`, client by client, each client's rows in date order.
pub fn write(w: &mut BulkWriter<'_>, size: Size, as_of: NaiveDate) -> rapport::store::Result<()> {
    let mut rng = fastrand::Rng::with_seed(SEED);
    let start = as_of - Days::new(SPAN_DAYS - 1);
    let date = |off: u64| start + Days::new(off);
    let last = SPAN_DAYS - 1;

    let profiles: Vec<Profile> = (0..size.clients).map(|_| Profile::draw(&mut rng)).collect();
    let ticket_w: Vec<f64> = profiles
        .iter()
        .map(|p| f64::from(p.seats) * p.need)
        .collect();
    let time_w: Vec<f64> = ticket_w.iter().map(|w| w * (0.5 + rng.f64())).collect();
    let invoice_w: Vec<f64> = profiles
        .iter()
        .map(|p| f64::from(p.seats).powf(0.6) * (0.5 + rng.f64()))
        .collect();
    let tickets = share(size.tickets, &ticket_w);
    let times = share(size.time_entries, &time_w);
    let invoices = share(size.invoices, &invoice_w);

    let mut ids = Vec::with_capacity(size.clients);
    for (i, p) in profiles.iter().enumerate() {
        let status = match rng.f64() {
            s if s < 0.04 => ClientStatus::Former,
            s if s < 0.06 => ClientStatus::Prospect,
            _ => ClientStatus::Active,
        };
        let id = w.client(&ClientFields {
            name: format!("Client {:04}", i + 1),
            contact_name: None,
            email: None,
            phone: None,
            mrr: Cents(i64::from(p.seats) * rng.i64(2_500..6_000)),
            seats: p.seats,
            contract_start: Some(date(p.since)),
            contract_end: None,
            notice_days: Some(90),
            prepaid: false,
            payment_terms_days: p.terms as u32,
            segment: None,
            status,
            notes: None,
        })?;
        ids.push(id);

        let mut days: Vec<u64> = (0..tickets[i]).map(|_| p.day(&mut rng)).collect();
        days.sort_unstable();
        for d in days {
            let kind = match rng.f64() {
                k if k < p.admin => TicketKind::Admin,
                k if k < p.admin + 0.3 => TicketKind::Request,
                _ => TicketKind::Incident,
            };
            let closed = d + rng.u64(0..10);
            w.ticket(
                id,
                &NewTicket {
                    opened_on: date(d),
                    closed_on: (closed <= last).then(|| date(closed)),
                    kind,
                    escalated: rng.f64() < p.escalate,
                    reopen_count: if rng.f64() < p.reopen {
                        rng.u32(1..4)
                    } else {
                        0
                    },
                    external_ref: None,
                    subject: None,
                },
            )?;
        }

        let mut days: Vec<u64> = (0..times[i]).map(|_| p.day(&mut rng)).collect();
        days.sort_unstable();
        for d in days {
            w.time(
                id,
                &NewTimeEntry {
                    worked_on: date(d),
                    minutes: 15 * rng.u32(1..13),
                    note: None,
                    external_ref: None,
                },
            )?;
        }

        let mut days: Vec<u64> = (0..invoices[i]).map(|_| p.uniform_day(&mut rng)).collect();
        days.sort_unstable();
        for (n, d) in days.into_iter().enumerate() {
            // Days from issue to payment: good payers within terms (now and then a few
            // days over), slow ones around the due date, bad ones weeks late or never.
            let lag = match p.payer {
                Payer::Good if rng.f64() < 0.01 => Some(p.terms + rng.u64(1..8)),
                Payer::Good => Some(rng.u64(1..=p.terms)),
                Payer::Slow => Some(p.terms - 10 + rng.u64(0..26)),
                Payer::Bad if rng.f64() < 0.08 => None,
                Payer::Bad => Some(p.terms + rng.u64(10..91)),
            };
            let paid = lag.map(|l| d + l).filter(|&on| on <= last);
            w.invoice(
                id,
                &NewInvoice {
                    number: Some(format!("INV-{:06}", n + 1)),
                    issued_on: date(d),
                    due_on: date(d + p.terms),
                    paid_on: paid.map(date),
                    amount: Cents((p.price * f64::from(rng.u32(10_000..90_000))) as i64),
                    disputed: rng.f64() < 0.02,
                    external_ref: None,
                },
            )?;
        }

        for n in 0..rng.usize(0..11) {
            let made = p.uniform_day(&mut rng);
            let open = made + 21 > last && rng.bool();
            let status = if open {
                RecStatus::Open
            } else if rng.f64() < p.stubborn {
                RecStatus::Ignored
            } else {
                RecStatus::Implemented
            };
            w.recommendation(
                id,
                &NewRecommendation {
                    made_on: date(made),
                    title: format!("Advice {}", n + 1),
                    security: rng.f64() < 0.3,
                    status,
                    decided_on: (!open).then(|| date((made + rng.u64(1..61)).min(last))),
                    external_ref: None,
                },
            )?;
        }

        if rng.f64() < 0.15 {
            for _ in 0..rng.usize(1..5) {
                let kind = match rng.f64() {
                    k if k < 0.4 => IncidentKind::Other,
                    k if k < 0.5 => IncidentKind::Abuse,
                    k if k < 0.65 => IncidentKind::Disrespect,
                    k if k < 0.85 => IncidentKind::Security,
                    _ => IncidentKind::UnreasonableDemand,
                };
                w.incident(
                    id,
                    &NewIncident {
                        occurred_on: date(p.uniform_day(&mut rng)),
                        kind,
                        note: None,
                    },
                )?;
            }
        }
    }

    // Two yearly gut checks: each staff member names five of the neediest, most stubborn.
    let mut worst: Vec<usize> = (0..size.clients).collect();
    worst.sort_by(|&a, &b| {
        let s = |i: usize| profiles[i].need + profiles[i].stubborn;
        s(b).total_cmp(&s(a))
    });
    worst.truncate((size.clients / 15).max(5));
    for year in [2025, 2026] {
        for staff in ["Sanne", "Joris", "Tom", "Eva", "Noor", "Bram"] {
            let mut pool = worst.clone();
            rng.shuffle(&mut pool);
            let named: Vec<ClientId> = pool.iter().take(5).map(|&i| ids[i]).collect();
            w.votes(year, staff, &named)?;
        }
    }
    Ok(())
}

/// Creates the database at `path` (which must not exist yet) with the portfolio in it.
pub fn create(path: &std::path::Path, size: Size, as_of: NaiveDate) -> rapport::store::Result<()> {
    let mut store = Store::open(path)?;
    store.bulk_load(|w| write(w, size, as_of))
}
