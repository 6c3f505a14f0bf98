use core::option::Option;

/// A hash map.
pub struct HashMap<K, V> {
    len: usize,
    last: Option<(K, V)>,
}

impl<K, V> HashMap<K, V> {
    pub fn new() -> HashMap<K, V> {
        HashMap { len: 0, last: Option::None }
    }

    pub fn insert(&mut self, k: K, v: V) -> Option<V> {
        self.len += 1;
        self.last = Option::Some((k, v));
        Option::None
    }
}
