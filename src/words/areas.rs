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

pub const AREAS: &[Area] = &[area!("cli"), area!("config"), area!("lang")];
