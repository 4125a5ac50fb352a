//! The built-in templates, embedded in the binary: per language a script for each kind and
//! channel (`en/end-now.letter.txt`) and the shared pieces they include (`en/_greeting.txt`).

macro_rules! builtin {
    ($($name:literal),+ $(,)?) => {
        &[$(($name, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/templates/", $name)))),+]
    };
}

/// Every built-in template by name, relative to the templates folder.
pub const BUILTIN: &[(&str, &str)] = builtin![
    "en/_letterhead.txt",
    "en/_greeting.txt",
    "en/_sign_off.txt",
    "en/_transition.txt",
    "en/_referrals.txt",
    "en/_refund.txt",
    "en/_new_fee.txt",
    "en/end-now.in-person.txt",
    "en/end-now.phone.txt",
    "en/end-now.letter.txt",
    "en/end-now.email.txt",
    "en/do-not-renew.in-person.txt",
    "en/do-not-renew.phone.txt",
    "en/do-not-renew.letter.txt",
    "en/do-not-renew.email.txt",
    "en/reprice.in-person.txt",
    "en/reprice.phone.txt",
    "en/reprice.letter.txt",
    "en/reprice.email.txt",
    "en/reduce-scope.in-person.txt",
    "en/reduce-scope.phone.txt",
    "en/reduce-scope.letter.txt",
    "en/reduce-scope.email.txt",
    "nl/_letterhead.txt",
    "nl/_greeting.txt",
    "nl/_sign_off.txt",
    "nl/_transition.txt",
    "nl/_referrals.txt",
    "nl/_refund.txt",
    "nl/_new_fee.txt",
    "nl/end-now.in-person.txt",
    "nl/end-now.phone.txt",
    "nl/end-now.letter.txt",
    "nl/end-now.email.txt",
    "nl/do-not-renew.in-person.txt",
    "nl/do-not-renew.phone.txt",
    "nl/do-not-renew.letter.txt",
    "nl/do-not-renew.email.txt",
    "nl/reprice.in-person.txt",
    "nl/reprice.phone.txt",
    "nl/reprice.letter.txt",
    "nl/reprice.email.txt",
    "nl/reduce-scope.in-person.txt",
    "nl/reduce-scope.phone.txt",
    "nl/reduce-scope.letter.txt",
    "nl/reduce-scope.email.txt",
];

/// The built-in template named `name`.
pub fn get(name: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}
