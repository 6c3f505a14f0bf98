pub use self::hash::map::HashMap;

mod hash;
