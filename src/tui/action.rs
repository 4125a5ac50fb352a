//! What the user asked for (actions, from keys) and what the app asks the driver to do
//! (effects, which touch the store).

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
}

/// Work for the driver: everything that reads or writes the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Read the selected client's timeline.
    LoadDetail(ClientId),
    SaveClient {
        id: Option<ClientId>,
        fields: ClientFields,
    },
    Archive {
        id: ClientId,
        name: String,
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
    Undo {
        undo: Undo,
        label: String,
        client: ClientId,
    },
    /// Score every client again (the window or the as-of date changed).
    Rescore,
    /// Read a year's gut check.
    LoadVotes(i32),
    SaveVotes {
        year: i32,
        staff: String,
        clients: Vec<ClientId>,
    },
}
