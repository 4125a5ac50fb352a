//! What a file holds (its kind) and the rapport fields its columns can feed. A field's
//! `name` is also its column header in the generic CSV format, the one `export --format
//! csv` writes and `import` reads with no preset.

/// What one import file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportKind {
    Clients,
    Tickets,
    Invoices,
    Time,
    Recommendations,
}

impl ImportKind {
    pub const ALL: [ImportKind; 5] = [
        ImportKind::Clients,
        ImportKind::Tickets,
        ImportKind::Invoices,
        ImportKind::Time,
        ImportKind::Recommendations,
    ];

    /// As the CLI names it: `clients`, `tickets`, `invoices`, `time`, `recommendations`.
    pub fn name(self) -> &'static str {
        match self {
            ImportKind::Clients => "clients",
            ImportKind::Tickets => "tickets",
            ImportKind::Invoices => "invoices",
            ImportKind::Time => "time",
            ImportKind::Recommendations => "recommendations",
        }
    }

    pub fn parse(s: &str) -> Option<ImportKind> {
        let s = s.trim().to_lowercase();
        Self::ALL.into_iter().find(|k| k.name() == s)
    }

    /// The fields a column of this kind of file can feed, in the generic format's order.
    pub fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            ImportKind::Clients => &[
                Name,
                Contact,
                FirstName,
                LastName,
                Email,
                Phone,
                Mrr,
                Seats,
                ContractStart,
                ContractEnd,
                NoticeDays,
                Prepaid,
                PaymentTermsDays,
                Segment,
                Status,
                Notes,
            ],
            ImportKind::Tickets => &[
                Client, Ref, Subject, Opened, Closed, Kind, Category, Status, Escalated, Reopens,
            ],
            ImportKind::Invoices => &[
                Client, Number, Ref, Issued, Due, Paid, PaidFlag, Amount, Disputed,
            ],
            ImportKind::Time => &[Client, Ref, Worked, Minutes, Hours, Note],
            ImportKind::Recommendations => &[Client, Ref, Made, Title, Security, Status, Decided],
        }
    }
}

/// A rapport field one column can feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    // Every kind but clients.
    /// The client's name, matched with the identity rules (case, accents, spaces).
    Client,
    /// The PSA's own id of the row (ticket number, invoice id, time entry id): what makes
    /// a second import of the same file add nothing.
    Ref,

    // Clients.
    Name,
    Contact,
    /// First and last name, joined into the contact when there is no contact column.
    FirstName,
    LastName,
    Email,
    Phone,
    Mrr,
    Seats,
    ContractStart,
    ContractEnd,
    NoticeDays,
    Prepaid,
    PaymentTermsDays,
    Segment,
    /// Per kind: a client's active, prospect or former; a ticket's PSA status (values
    /// that mean escalated, reopened); a recommendation's open, implemented or ignored.
    Status,
    Notes,

    // Tickets.
    Subject,
    Opened,
    Closed,
    /// The ticket type, mapped to incident, request or admin by [`super::ValueRules`].
    Kind,
    /// A second type column (an issue type, a category): values that mean admin work.
    Category,
    /// A yes/no column.
    Escalated,
    /// A counter of reopens.
    Reopens,

    // Invoices.
    Number,
    Issued,
    Due,
    /// The date it was paid.
    Paid,
    /// A yes/no "is paid" column, for exports that carry no payment date.
    PaidFlag,
    Amount,
    Disputed,

    // Time.
    Worked,
    Minutes,
    Hours,
    Note,

    // Recommendations.
    Made,
    Title,
    Security,
    Decided,
}

impl Field {
    /// Its column header in the generic format, and its name in `--map COLUMN=FIELD`.
    pub fn name(self) -> &'static str {
        use Field::*;
        match self {
            Client => "client",
            Ref => "ref",
            Name => "name",
            Contact => "contact",
            FirstName => "first_name",
            LastName => "last_name",
            Email => "email",
            Phone => "phone",
            Mrr => "mrr",
            Seats => "seats",
            ContractStart => "contract_start",
            ContractEnd => "contract_end",
            NoticeDays => "notice_days",
            Prepaid => "prepaid",
            PaymentTermsDays => "payment_terms_days",
            Segment => "segment",
            Status => "status",
            Notes => "notes",
            Subject => "subject",
            Opened => "opened",
            Closed => "closed",
            Kind => "kind",
            Category => "category",
            Escalated => "escalated",
            Reopens => "reopens",
            Number => "number",
            Issued => "issued",
            Due => "due",
            Paid => "paid",
            PaidFlag => "paid_flag",
            Amount => "amount",
            Disputed => "disputed",
            Worked => "date",
            Minutes => "minutes",
            Hours => "hours",
            Note => "note",
            Made => "made",
            Title => "title",
            Security => "security",
            Decided => "decided",
        }
    }

    /// The field of `kind` with this name.
    pub fn parse(kind: ImportKind, s: &str) -> Option<Field> {
        let s = s.trim().to_lowercase();
        kind.fields().iter().copied().find(|f| f.name() == s)
    }
}
