//! The areas of texts, each a pair of files under `assets/words/`. A new area is a new pair
//! of files and a line here.

pub struct Area {
    pub name: &'static str,
    pub en: &'static str,
    pub nl: &'static str,
}

macro_rules! area {
    ($name:literal) => {
        Area {
            name: $name,
            en: include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/assets/words/en/",
                $name,
                ".toml"
            )),
            nl: include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/assets/words/nl/",
                $name,
                ".toml"
            )),
        }
    };
}

pub const AREAS: &[Area] = &[
    area!("app"),
    area!("cli"),
    area!("clients"),
    area!("commands"),
    area!("config"),
    area!("decide"),
    area!("decisions"),
    area!("dump"),
    area!("errors"),
    area!("evidence"),
    area!("export"),
    area!("fields"),
    area!("forms"),
    area!("gut_check"),
    area!("history"),
    area!("import"),
    area!("import_view"),
    area!("keys"),
    area!("lang"),
    area!("offboard"),
    area!("pareto"),
    area!("reasons"),
    area!("scorecards"),
    area!("screens"),
    area!("script"),
    area!("scripts"),
    area!("store"),
    area!("valid"),
    area!("walk"),
];
