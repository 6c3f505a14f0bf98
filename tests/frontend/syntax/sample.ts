// A realistic Rust file touching most item forms: the seed of the fuzz test and a whole-file check.
export const SAMPLE_RS = String.raw`//! A small inventory crate used by the parser tests.
//!
//! It exercises most item forms in one file.
#![allow(dead_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate alloc;

use std::collections::{BTreeMap, HashMap};
use std::fmt::{self, Display, Formatter};
use std::sync::{Arc, Mutex};
use crate::error::{Error as InventoryError, Result};

pub mod error {
    //! Errors of the inventory.
    use std::fmt;

    /// Everything that can go wrong.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum Error {
        /// The item does not exist.
        Missing { sku: String },
        /// Not enough units.
        Short(u32, u32),
        Locked = 3,
    }

    pub type Result<T, E = Error> = std::result::Result<T, E>;

    impl fmt::Display for Error {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                Error::Missing { sku } => write!(f, "missing {sku}"),
                Error::Short(have, want) => write!(f, "short: {have} < {want}"),
                Error::Locked => f.write_str("locked"),
            }
        }
    }

    impl std::error::Error for Error {}
}

/// Largest quantity a single line may hold.
pub const MAX_QUANTITY: u32 = 10_000;
static GREETING: &str = "inventory";
static mut COUNTER: usize = 0;
const _: () = {
    assert!(MAX_QUANTITY > 0);
};

/// A stock keeping unit.
#[derive(Debug, Clone, Hash, PartialEq, Eq, PartialOrd, Ord)]
pub struct Sku(pub String);

#[derive(Debug, Default)]
pub struct Line<'a, T: Clone + 'a = u32> {
    /// Which item.
    pub sku: &'a str,
    pub(crate) quantity: T,
    notes: Vec<String>,
}

pub struct Marker;

#[repr(C)]
pub union Raw {
    pub int: u32,
    pub float: f32,
}

/// Something that can be counted.
pub trait Countable: Display + Send + Sync {
    /// How many there are.
    type Count: Copy + Into<u64>;
    const UNIT: &'static str = "pcs";

    fn count(&self) -> Self::Count;

    fn is_empty(&self) -> bool
    where
        Self: Sized,
    {
        self.count().into() == 0
    }
}

pub unsafe trait Pinned {}

/// The inventory itself.
pub struct Inventory<S = HashMap<Sku, u32>>
where
    S: Default,
{
    stock: Arc<Mutex<S>>,
    history: BTreeMap<u64, Box<dyn Fn(&Sku) -> bool + Send + 'static>>,
}

impl<S: Default> Inventory<S> {
    /// Creates an empty inventory.
    pub fn new() -> Self {
        Self { stock: Arc::new(Mutex::new(S::default())), history: BTreeMap::new() }
    }

    pub async fn refresh(&mut self, force: bool) -> Result<()> {
        if force {
            self.history.clear();
        }
        Ok(())
    }

    pub(crate) unsafe fn raw_parts(&self) -> (*const u8, usize) {
        (std::ptr::null(), 0)
    }

    fn visit<F>(&self, mut f: F) -> impl Iterator<Item = u64> + '_
    where
        F: for<'x> FnMut(&'x Sku) -> Option<u64>,
    {
        self.history.keys().copied().filter(move |k| f(&Sku(k.to_string())).is_some())
    }
}

impl Display for Sku {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl<'a> Countable for Line<'a> {
    type Count = u32;

    fn count(&self) -> u32 {
        self.quantity
    }
}

impl !Send for Marker {}
unsafe impl Pinned for Marker {}

impl Display for Line<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{} x{}", self.sku, self.quantity)
    }
}

/// Adds up quantities.
pub fn total<'a, I>(lines: I) -> u64
where
    I: IntoIterator<Item = &'a Line<'a>>,
{
    lines.into_iter().map(|l| u64::from(l.quantity)).sum()
}

pub const fn clamp<const N: usize>(values: [u32; N], (lo, hi): (u32, u32)) -> [u32; N] {
    let mut out = values;
    let mut i = 0;
    while i < N {
        if out[i] < lo { out[i] = lo; } else if out[i] > hi { out[i] = hi; }
        i += 1;
    }
    out
}

extern "C" {
    fn abs(x: i32) -> i32;
    static errno: i32;
}

unsafe extern "C" fn callback(data: *mut u8, len: usize) -> i32 {
    let _ = (data, len);
    0
}

macro_rules! sku {
    ($s:expr) => {
        $crate::Sku(String::from($s))
    };
}

thread_local! {
    static LOCAL: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_add_up() {
        let line = Line { sku: "a", quantity: 2, notes: vec![] };
        assert_eq!(total([&line]), 2);
        let _s = sku!("x");
    }
}
`;
