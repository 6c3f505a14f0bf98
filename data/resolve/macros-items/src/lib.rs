//! Item-position macro_rules calls, expanded: the impls, fns and consts they make are items of
//! the crate, and the names in them resolve.
#[macro_use]
mod macros;

pub trait Area {
    const SIDES: u32;
    fn area(&self) -> f64;
}

pub struct Square(pub f64);
pub struct Triangle(pub f64, pub f64);

/// `Area` for each type: its side count and its area, with `$s` naming the shape.
macro_rules! impl_area {
    ($($ty:ident => $sides:literal, |$s:ident| $body:expr;)+) => {
        $(
            impl Area for $ty {
                const SIDES: u32 = $sides;
                fn area(&self) -> f64 {
                    let $s = self;
                    $body
                }
            }
        )+
    };
}

impl_area! {
    Square => 4, |s| s.0 * s.0;
    Triangle => 3, |t| t.0 * t.1 / 2.0;
}

make_getter!(side_of, Square, 0);

pub fn total() -> f64 {
    side_of(&Square(2.0)) + Triangle(1.0, 2.0).area() + f64::from(Square::SIDES)
}

consts! {
    /// Columns of the grid.
    pub WIDTH: usize = 8;
    #[cfg(feature = "absent")]
    pub HIDDEN: usize = 1;
}

pub fn cells(rows: usize) -> usize {
    rows * WIDTH
}

documented! {
    /// A documented unit type.
    pub struct Marker;
}

pub fn marker() -> Marker {
    Marker::new()
}

wrap! { fn zero; fn nothing; }

pub fn zeros() -> u8 {
    zero() + nothing()
}

/// Accessors written by a macro among the items of an impl.
macro_rules! getters {
    ($($f:ident: $t:ty),*) => {
        $(pub fn $f(&self) -> $t { self.$f })*
    };
}

pub struct Point {
    pub x: i32,
    pub y: i32,
}

impl Point {
    getters!(x: i32, y: i32);
}

pub fn sum(p: &Point) -> i32 {
    p.x() + p.y()
}

/// A module with an import and the items it is given.
macro_rules! module {
    ($name:ident { $($body:item)* }) => {
        pub mod $name {
            use super::Square;
            $($body)*
        }
    };
}

module!(shapes {
    pub fn unit() -> Square {
        Square(1.0)
    }
});

pub fn from_module() -> Square {
    shapes::unit()
}

// Matches no rule: stays a macro call.
impl_area!(not an area);
