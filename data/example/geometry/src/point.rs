//! Points in the plane.

use crate::Scalar;

/// A point given by its `x` and `y` coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point(pub Scalar, pub Scalar);

/// The origin, as a unit struct that converts into a [`Point`].
#[derive(Debug, Clone, Copy)]
pub struct Origin;

impl Point {
    /// Creates a point from its coordinates.
    pub fn new(x: Scalar, y: Scalar) -> Self {
        Point(x, y)
    }

    /// Euclidean distance to `other`.
    pub fn distance(&self, other: &Point) -> Scalar {
        let dx = self.0 - other.0;
        let dy = self.1 - other.1;
        (square!(dx) + square!(dy)).sqrt()
    }
}

impl From<Origin> for Point {
    fn from(_: Origin) -> Self {
        Point::new(0.0, 0.0)
    }
}
