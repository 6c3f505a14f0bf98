pub use core::option;
pub use alloc::vec;

pub mod collections;
