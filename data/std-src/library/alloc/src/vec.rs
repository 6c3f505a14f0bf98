/// A growable array.
pub struct Vec<T> {
    items: *mut T,
    len: usize,
}

impl<T> Vec<T> {
    pub const fn new() -> Self {
        Vec { items: 0 as *mut T, len: 0 }
    }

    pub fn push(&mut self, value: T) {
        let _ = value;
        self.len += 1;
    }

    pub fn len(&self) -> usize {
        self.len
    }
}
