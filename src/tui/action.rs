//! What the user asked for (actions, from keys) and what the app asks the driver to do
//! (effects, which touch the store).

use std::path::PathBuf;

use crate::domain::decide::Outcome;
use crate::domain::decide::decision::Decision;
use crate::domain::decide::walk::Answers;
use crate::domain::record::{EventRef, EventUpdate, StoredEvent};
use crate::domain::{ClientFields, ClientId, LogEntry, Undo};
use crate::tui::app::cursor::Move;
use crate::tui::forms::LogKind;

/// A user intent on the main screens, independent of which key produced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    NextScreen,
    PrevScreen,
    GoScreen(usize),
    Move(Move),
    /// Mouse: select the row under the pointer at terminal cell (column, row).
    Click(u16, u16),
    Filter,
    ClearFilter,
    SortNext,
    SortReverse,
    Add,
    Edit,
    Archive,
    QuickLog,
    Undo,
    /// Scorecards: the next window (30, 60, 90, 180, 365 days).
    NextWindow,
    /// Scorecards: the as-of date one month-end earlier or later, or back to today.
    EarlierAsOf,
    LaterAsOf,
    AsOfToday,
    /// Mark or unmark the selected client for the what-if; clear every mark.
    ToggleMark,
    ClearMarks,
    /// Pareto: rank by the next measure; show or hide the value/effort map.
    NextMeasure,
    ToggleMap,
    /// Gut check: the year before or after.
    PrevYear,
    NextYear,
    /// Gut check: edit the selected staff member's list, add a staff member, clear a list.
    EditVotes,
    AddStaff,
    ClearVotes,
    /// The file is damaged: put the newest backup back (after a confirmation).
    Restore,
    /// Open the selected client's history, to edit or void an event.
    History,
    /// Decisions: open the selected decision, read-only (from Coming up: the latest
    /// decision of the item's client).
    OpenDecision,
    /// Decisions: the keys move in the log, or in Coming up.
    FocusLog,
    FocusComingUp,
    /// Open the fire/keep walk on the selected client.
    Walk,
    /// The words for the selected client's decision (the Scripts view).
    Scripts,
    /// Open the selected client's offboarding checklist.
    Offboard,
    /// Write the portfolio report (Scorecards screen) as Markdown to the exports folder.
    ReportPortfolio,
    /// Write the selected client's report as Markdown to the exports folder.
    ReportClient,
    /// Open the Import view: a PSA's CSV export read into the database.
    Import,
}

/// A user intent in the offboarding checklist (see `keymap::OFFBOARD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffboardAction {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Tick the item (asking its day or name first where it needs one), or untick it.
    Toggle,
    /// Take back the last thing this session did (a tick, most likely).
    Undo,
    Close,
}

/// A user intent in the fire/keep walk (see `keymap::WALK`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkAction {
    Up,
    Down,
    PageUp,
    PageDown,
    Yes,
    No,
    /// Toggle the answer; the next outcome on the outcome line; edit a field.
    Toggle,
    Edit,
    /// A question back to unanswered, a field back to its default.
    Clear,
    /// Left, right: the step before or after (on the outcome line: the outcome).
    Prev,
    Next,
    /// Backspace, Enter: always the step before or after; Enter on the last one saves.
    Back,
    Forward,
    Choose(Outcome),
    /// Read the client again after another window changed it.
    Reload,
    Help,
    Leave,
    /// The words for the outcome chosen (the Scripts view).
    Scripts,
}

impl Action {
    /// True for the actions that lead to a write: refused while the file is damaged.
    pub fn writes(self) -> bool {
        matches!(
            self,
            Action::Add
                | Action::Edit
                | Action::Archive
                | Action::QuickLog
                | Action::Undo
                | Action::EditVotes
                | Action::AddStaff
                | Action::ClearVotes
        )
    }
}

impl Effect {
    /// True for the effects that write to the database.
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Effect::SaveClient { .. }
                | Effect::Archive { .. }
                | Effect::Log { .. }
                | Effect::Undo(_)
                | Effect::SaveVotes { .. }
                | Effect::SaveEvent { .. }
                | Effect::VoidEvent { .. }
                | Effect::UnvoidEvent(_)
                | Effect::SaveDecision { .. }
                | Effect::SaveDraft { .. }
                | Effect::DropDraft(_)
                | Effect::Tick { .. }
        ) || matches!(self, Effect::Import(e) if e.writes())
    }
}

/// Something done in this session that `u` can take back, newest last on the stack.
#[derive(Debug, Clone, PartialEq)]
pub enum Undoable {
    /// A logged entry, and its row as it was right after (the undo is refused if it is not
    /// still so).
    Log { undo: Undo, after: Box<StoredEvent> },
    /// An edit of a client's facts (an archive is one: its status became former).
    Edit {
        id: ClientId,
        before: Box<ClientFields>,
        after: Box<ClientFields>,
    },
    /// An edit of an event: its values before and after.
    EventEdit {
        before: Box<StoredEvent>,
        after: Box<StoredEvent>,
    },
    /// An event voided (undo restores it).
    Void(EventRef),
    /// An event restored (undo voids it again, for the same reason).
    Unvoid { id: EventRef, reason: String },
    /// A decision saved (as read back); for a prospect it took on, the expectations the
    /// client had before (undo makes it a prospect again with them).
    Decision {
        saved: Box<Decision>,
        expectations_before: Vec<String>,
    },
    /// An item of an offboarding checklist ticked or unticked: its tick before (undo puts
    /// it back) and after.
    Tick {
        client: ClientId,
        key: String,
        before: Option<crate::domain::offboard::Tick>,
        after: Option<crate::domain::offboard::Tick>,
    },
    /// A staff member's gut check of a year, as it was before and after.
    Votes {
        year: i32,
        staff: String,
        before: Vec<ClientId>,
        after: Vec<ClientId>,
    },
}

/// One entry of the undo stack: what to take back, in words, and for which client.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoEntry {
    pub what: Undoable,
    pub label: String,
    pub client: Option<ClientId>,
}

/// Work for the driver: everything that reads or writes the database.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Read the selected client's timeline.
    LoadDetail(ClientId),
    /// What the Import view asks: a folder listed, a file read, an import run.
    Import(crate::tui::app::import::ImportEffect),
    /// Add a client (`editing` None), or save an edit of one over the facts the form
    /// opened on.
    SaveClient {
        editing: Option<(ClientId, ClientFields)>,
        fields: ClientFields,
    },
    /// Read the client again and put the other window's values into the open edit form.
    RebaseEdit(ClientId),
    /// Archive a client that is still as the confirmation showed it.
    Archive {
        id: ClientId,
        expected: ClientFields,
    },
    /// Read what a log form offers to choose from, then open it.
    OpenLog {
        client: ClientId,
        kind: LogKind,
    },
    Log {
        client: ClientId,
        entry: LogEntry,
        label: String,
    },
    Undo(UndoEntry),
    /// Score every client again (the window or the as-of date changed).
    Rescore,
    /// Read a year's gut check.
    LoadVotes(i32),
    /// Replace a staff member's list of a year, if it is still `expected`.
    SaveVotes {
        year: i32,
        staff: String,
        expected: Vec<ClientId>,
        clients: Vec<ClientId>,
    },
    /// Put the current list of a staff member into the open gut check form.
    RebaseVotes {
        year: i32,
        staff: String,
    },
    /// Replace the damaged database with this backup.
    Restore(PathBuf),
    /// Read every event of a client for its history.
    LoadHistory(ClientId),
    /// Read one event and open its edit form (or the form that voids it).
    OpenEvent {
        id: EventRef,
        void: bool,
    },
    /// Read the event again and put another window's values into the open edit form.
    RebaseEvent(EventRef),
    /// Save an event's new values over what the form read.
    SaveEvent {
        seen: Box<StoredEvent>,
        update: EventUpdate,
    },
    /// Void an event that is still as read, with a reason.
    VoidEvent {
        seen: Box<StoredEvent>,
        reason: String,
    },
    /// Restore a voided event.
    UnvoidEvent(EventRef),
    /// Read a client's case (its evidence, the portfolio's measures, its last decision and
    /// draft) and open the fire/keep walk on it.
    OpenWalk(ClientId),
    /// Read the open walk's client again and carry the answers over (another window
    /// changed it).
    ReopenWalk,
    /// Save a finished walk's decision, made on the client at revision `rev`.
    SaveDecision {
        decision: Box<Decision>,
        rev: i64,
    },
    /// Keep a walk left half-way, to pick up later.
    SaveDraft {
        client: ClientId,
        answers: Box<Answers>,
    },
    /// Drop a client's draft.
    DropDraft(ClientId),
    /// What the Scripts view asks for.
    Scripts(crate::tui::app::scripts::ScriptsEffect),
    /// Write a report as Markdown to the exports folder: a client's, or (None) the
    /// portfolio's, as of the Scorecards screen's date and over its window.
    Report(Option<ClientId>),
    /// Tick an item of a client's offboarding checklist (`Some`), or untick it (`None`).
    Tick {
        client: ClientId,
        key: String,
        /// The item in words, for the message.
        label: String,
        tick: Option<crate::domain::offboard::Tick>,
    },
}
