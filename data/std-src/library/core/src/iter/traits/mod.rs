mod iterator;

pub use self::iterator::Iterator;
