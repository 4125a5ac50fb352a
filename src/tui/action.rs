//! What the user asked for (actions, from keys) and what the app asks the driver to do
//! (effects, which touch the store).

use crate::domain::{ClientFields, ClientId, LogEntry, Undo};
use crate::tui::forms::LogKind;

/// A user intent on the main screens, independent of which key produced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    NextScreen,
    PrevScreen,
    GoScreen(usize),
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Filter,
    ClearFilter,
    SortNext,
    SortReverse,
    Add,
    Edit,
    Archive,
    QuickLog,
    Undo,
    /// Mouse: select the row under the pointer at terminal cell (column, row).
    Click(u16, u16),
    ScrollUp,
    ScrollDown,
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
    },
}
