//! Edition 2015 (no `edition` key): `use` paths start at the crate root, where std is implicit.
use std::convert::AsRef;
use std::fmt;

pub struct Name(String);

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn missing() {
    let _ = ::nowhere::Thing;
}
