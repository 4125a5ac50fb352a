//! The Import view's keys: one table per step (choosing the file, the mapping, the dry
//! run's report, the run, the summary). Its dispatch, its footer and its help are read
//! from these tables, as the screens' are. The labels are names of texts in the
//! `import_view` area of the catalog.

use crossterm::event::{KeyCode, KeyEvent};

use super::{Binding, Table, ch, code, footer_entries, help_lines, text};
use crate::tui::app::import::{ImportAction as A, Step};

const MOUSE: &str = "import_view.keys.mouse";

const HELP: Binding<A> = Binding::new(
    &[ch('?'), code(KeyCode::F(1))],
    A::Help,
    "import_view.keys.help",
)
.footer("import_view.keys.help_short");

pub const CHOOSE: Table<A> = Table {
    mouse: MOUSE,
    bindings: &[
        Binding::new(
            &[ch('k'), code(KeyCode::Up)],
            A::Up,
            "import_view.keys.move",
        )
        .footer("import_view.keys.move_short"),
        Binding::also(&[ch('j'), code(KeyCode::Down)], A::Down).footer_with_above(),
        Binding::new(&[code(KeyCode::PageUp)], A::PageUp, "import_view.keys.page"),
        Binding::also(&[code(KeyCode::PageDown)], A::PageDown),
        Binding::new(
            &[ch('g'), code(KeyCode::Home)],
            A::Top,
            "import_view.keys.ends",
        ),
        Binding::also(&[ch('G'), code(KeyCode::End)], A::Bottom),
        Binding::new(
            &[code(KeyCode::Enter), code(KeyCode::Right), ch('l')],
            A::Open,
            "import_view.keys.open",
        )
        .footer("import_view.keys.open_short"),
        Binding::new(
            &[code(KeyCode::Left), code(KeyCode::Backspace), ch('h')],
            A::Parent,
            "import_view.keys.parent",
        )
        .footer("import_view.keys.parent_short"),
        Binding::new(&[ch('/')], A::TypePath, "import_view.keys.type_path")
            .footer("import_view.keys.type_path_short"),
        Binding::new(&[code(KeyCode::Tab)], A::Kind, "import_view.keys.kind")
            .footer("import_view.keys.kind_short"),
        Binding::also(&[code(KeyCode::BackTab)], A::KindBack),
        Binding::new(
            &[code(KeyCode::Esc), ch('q')],
            A::Close,
            "import_view.keys.close",
        )
        .footer("import_view.keys.close_short"),
        HELP,
    ],
};

pub const MAP: Table<A> = Table {
    mouse: MOUSE,
    bindings: &[
        Binding::new(
            &[ch('k'), code(KeyCode::Up)],
            A::Up,
            "import_view.keys.column",
        )
        .footer("import_view.keys.column_short"),
        Binding::also(&[ch('j'), code(KeyCode::Down)], A::Down).footer_with_above(),
        Binding::new(
            &[code(KeyCode::Enter)],
            A::ChooseField,
            "import_view.keys.choose_field",
        )
        .footer("import_view.keys.field_short"),
        Binding::new(
            &[code(KeyCode::Right), ch('l')],
            A::NextField,
            "import_view.keys.field",
        ),
        Binding::also(&[code(KeyCode::Left), ch('h')], A::PrevField),
        Binding::new(&[ch('x')], A::NotRead, "import_view.keys.not_read"),
        // p and d are shown with their values on the preset's line.
        Binding::new(&[ch('p')], A::Preset, "import_view.keys.preset"),
        Binding::also(&[ch('P')], A::PresetBack),
        Binding::new(&[ch('d')], A::DateFormat, "import_view.keys.date_format"),
        Binding::new(&[code(KeyCode::Tab)], A::Kind, "import_view.keys.kind"),
        Binding::also(&[code(KeyCode::BackTab)], A::KindBack),
        Binding::new(
            &[code(KeyCode::PageDown)],
            A::PageDown,
            "import_view.keys.preview",
        ),
        Binding::also(&[code(KeyCode::PageUp)], A::PageUp),
        Binding::also(&[ch('J')], A::PreviewDown),
        Binding::also(&[ch('K')], A::PreviewUp),
        Binding::new(
            &[ch('g'), code(KeyCode::Home)],
            A::Top,
            "import_view.keys.ends_columns",
        ),
        Binding::also(&[ch('G'), code(KeyCode::End)], A::Bottom),
        Binding::new(&[ch('r')], A::Run, "import_view.keys.run")
            .footer("import_view.keys.run_short"),
        Binding::new(&[ch('s')], A::Save, "import_view.keys.save")
            .footer("import_view.keys.save_short"),
        Binding::new(
            &[code(KeyCode::Esc), code(KeyCode::Backspace)],
            A::Back,
            "import_view.keys.back_to_file",
        )
        .footer("import_view.keys.back_short"),
        Binding::new(&[ch('q')], A::Close, "import_view.keys.close"),
        HELP,
    ],
};

pub const REPORT: Table<A> = Table {
    mouse: MOUSE,
    bindings: &[
        Binding::new(
            &[code(KeyCode::Enter), ch('i')],
            A::Import,
            "import_view.keys.import",
        )
        .footer("import_view.keys.import_short"),
        Binding::new(&[ch('c')], A::CreateClients, "import_view.keys.create")
            .footer("import_view.keys.create_short"),
        Binding::new(
            &[ch('k'), code(KeyCode::Up)],
            A::Up,
            "import_view.keys.scroll",
        )
        .footer("import_view.keys.scroll_short"),
        Binding::also(&[ch('j'), code(KeyCode::Down)], A::Down).footer_with_above(),
        Binding::new(&[code(KeyCode::PageUp)], A::PageUp, "import_view.keys.page"),
        Binding::also(&[code(KeyCode::PageDown)], A::PageDown),
        Binding::new(
            &[ch('g'), code(KeyCode::Home)],
            A::Top,
            "import_view.keys.ends",
        ),
        Binding::also(&[ch('G'), code(KeyCode::End)], A::Bottom),
        Binding::new(
            &[code(KeyCode::Esc), code(KeyCode::Backspace)],
            A::Back,
            "import_view.keys.back_to_mapping",
        )
        .footer("import_view.keys.back_short"),
        Binding::new(&[ch('q')], A::Close, "import_view.keys.close")
            .footer("import_view.keys.close_short"),
        HELP,
    ],
};

pub const RUNNING: Table<A> = Table {
    mouse: "",
    bindings: &[
        Binding::new(
            &[code(KeyCode::Esc), ch('q')],
            A::Close,
            "import_view.keys.running",
        )
        .footer("import_view.keys.running_short"),
        HELP,
    ],
};

pub const DONE: Table<A> = Table {
    mouse: MOUSE,
    bindings: &[
        Binding::new(
            &[code(KeyCode::Enter), code(KeyCode::Esc), ch('q')],
            A::Close,
            "import_view.keys.close",
        )
        .footer("import_view.keys.close_short"),
        Binding::new(&[ch('n')], A::Another, "import_view.keys.another")
            .footer("import_view.keys.another_short"),
        Binding::new(
            &[ch('k'), code(KeyCode::Up)],
            A::Up,
            "import_view.keys.scroll",
        )
        .footer("import_view.keys.scroll_short"),
        Binding::also(&[ch('j'), code(KeyCode::Down)], A::Down).footer_with_above(),
        Binding::new(&[code(KeyCode::PageUp)], A::PageUp, "import_view.keys.page"),
        Binding::also(&[code(KeyCode::PageDown)], A::PageDown),
        HELP,
    ],
};

/// The table of a step.
pub fn table(step: Step) -> &'static Table<A> {
    match step {
        Step::Choose => &CHOOSE,
        Step::Map => &MAP,
        Step::Report => &REPORT,
        Step::Running => &RUNNING,
        Step::Done => &DONE,
    }
}

/// A key on a step: the action of the binding that answers to it.
pub fn action(step: Step, k: &KeyEvent) -> Option<A> {
    table(step)
        .bindings
        .iter()
        .find(|b| b.keys.iter().any(|key| key.matches(k)))
        .map(|b| b.action)
}

/// A step's footer: (keys, label), in the language in force.
pub fn footer(step: Step) -> Vec<(String, &'static str)> {
    footer_entries(table(step).bindings.iter().map(|b| (b.keys, b.footer)))
}

/// Every key of a step, for its help, in the language in force.
pub fn help(step: Step) -> Vec<(String, &'static str)> {
    let t = table(step);
    let mut lines = help_lines(t.bindings);
    if !t.mouse.is_empty() {
        lines.push((crate::t!("keys.mouse_label").into(), text(t.mouse)));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::Lang;

    const STEPS: [Step; 5] = [
        Step::Choose,
        Step::Map,
        Step::Report,
        Step::Running,
        Step::Done,
    ];

    /// Every key a step's table lists dispatches its action, no press is bound twice, and
    /// every text it names is in the catalog in both languages.
    #[test]
    fn every_steps_keys_act_once_and_have_their_texts() {
        for step in STEPS {
            let mut seen = Vec::new();
            for b in table(step).bindings {
                for key in b.keys {
                    for press in key.presses() {
                        assert_eq!(action(step, &press), Some(b.action), "{step:?} {press:?}");
                        assert!(
                            !seen.contains(&(press.code, press.modifiers)),
                            "{step:?}: {press:?} twice"
                        );
                        seen.push((press.code, press.modifiers));
                    }
                }
            }
            for lang in [Lang::En, Lang::Nl] {
                crate::words::with_language(lang, || {
                    for (keys, what) in help(step).into_iter().chain(footer(step)) {
                        assert!(
                            !what.starts_with("import_view.") && !what.is_empty(),
                            "{lang:?} {step:?}: no text for {keys}: {what}"
                        );
                    }
                });
            }
        }
    }

    /// Each step's help fits the popup on an 80-column terminal in both languages: 76
    /// columns less its border and the keys' column.
    #[test]
    fn the_help_fits_80_columns() {
        for step in STEPS {
            for lang in [Lang::En, Lang::Nl] {
                crate::words::with_language(lang, || {
                    for (keys, what) in help(step) {
                        let w = unicode_width::UnicodeWidthStr::width(what);
                        assert!(w <= 76 - 2 - 16, "{lang:?} {step:?} {keys}: {what}");
                        assert!(
                            unicode_width::UnicodeWidthStr::width(keys.as_str()) < 16,
                            "{keys}"
                        );
                    }
                });
            }
        }
    }

    /// Each step's footer fits an 80-column terminal in both languages.
    #[test]
    fn the_footers_fit_80_columns() {
        for step in STEPS {
            for lang in [Lang::En, Lang::Nl] {
                let line: String = crate::words::with_language(lang, || {
                    footer(step)
                        .into_iter()
                        .map(|(k, l)| format!("{k} {l} "))
                        .collect()
                });
                let width = unicode_width::UnicodeWidthStr::width(line.trim_end()) + 1;
                assert!(width <= 80, "{lang:?} {step:?}: {width} columns: {line}");
            }
        }
        let map: Vec<String> = crate::words::with_language(Lang::En, || {
            footer(Step::Map)
                .into_iter()
                .map(|(k, l)| format!("{k} {l}"))
                .collect()
        });
        assert_eq!(
            map,
            [
                "k j column",
                "Enter field",
                "r dry run",
                "s save",
                "Esc back",
                "? help"
            ]
        );
    }
}
