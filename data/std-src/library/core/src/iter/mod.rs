//! Iteration: the traits live in `traits/`, and are used by their re-exported paths.

mod traits;

pub use self::traits::Iterator;
