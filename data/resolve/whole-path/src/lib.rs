//! Paths rustc links as a whole: `use` paths, trait bounds and `impl Trait for` headers.
pub mod shapes {
    pub mod traits {
        pub trait Area {
            fn area(&self) -> f64;
        }
    }
}

use crate::shapes::traits::Area;
use std::{fmt::Display, io};

pub struct Square(pub f64);

impl shapes::traits::Area for Square {
    fn area(&self) -> f64 {
        self.0 * self.0
    }
}

pub fn total<T: shapes::traits::Area>(items: &[T]) -> f64 {
    items.iter().map(Area::area).sum()
}

pub fn show(x: &dyn Display) -> io::Result<()> {
    let text: std::string::String = x.to_string();
    drop(text);
    Ok(())
}
