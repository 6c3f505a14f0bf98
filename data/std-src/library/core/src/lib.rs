//! A stand-in for the standard library's sources in the tests of `--std-src`: a few items at
//! their real paths (`core::option::Option` in option.rs, `Iterator` defined in
//! `core::iter::traits::iterator` and re-exported from `core::iter`, `HashMap` defined in
//! `std::collections::hash::map` and re-exported), written for these tests.

pub mod iter;
pub mod option;
