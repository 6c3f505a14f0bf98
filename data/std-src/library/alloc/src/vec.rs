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

/// An iterator that moves out of a vector.
pub struct IntoIter<T> {
    vec: Vec<T>,
}

impl<T> Iterator for IntoIter<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        None
    }
}

/// The first item of an iterator, through the trait by its prelude name.
pub fn first<I: Iterator>(mut iter: I) -> Option<I::Item> {
    Iterator::next(&mut iter)
}
