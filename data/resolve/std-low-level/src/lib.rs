//! Standard library APIs below the prelude: atomics, non-zero integers, debug builders, str.
use core::fmt;
use core::num::NonZeroUsize;
use core::sync::atomic::{AtomicUsize, Ordering};

pub struct Counter {
    hits: AtomicUsize,
}

impl Counter {
    pub fn bump(&self) -> usize {
        self.hits.fetch_add(1, Ordering::Relaxed);
        self.hits.load(Ordering::Acquire)
    }
}

impl fmt::Debug for Counter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Counter").field("hits", &self.hits).finish()
    }
}

pub fn first_word(s: &str) -> Option<NonZeroUsize> {
    NonZeroUsize::new(s.trim().len())
}
