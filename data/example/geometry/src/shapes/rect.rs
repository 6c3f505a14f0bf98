//! Axis-aligned rectangles.

use super::{Named, Shape};
use crate::kind::Kind::{self, Polygon};
use crate::ops::approx_eq;
use crate::point::Point;
use crate::units::Meters;
use crate::Scalar;

/// An axis-aligned rectangle given by its lower-left corner and its size.
#[derive(Debug, Clone, PartialEq)]
pub struct Rect {
    /// The lower-left corner.
    pub origin: Point,
    /// Extent along the x axis.
    pub width: Scalar,
    /// Extent along the y axis.
    pub height: Scalar,
}

impl Rect {
    /// Creates a rectangle with its lower-left corner at `origin`.
    pub fn new(origin: Point, width: Scalar, height: Scalar) -> Self {
        Rect { origin, width, height }
    }

    /// Creates a square with sides of length `side`.
    pub fn square(origin: Point, side: Scalar) -> Self {
        Self::new(origin, side, side)
    }

    /// Creates a rectangle from a size given in feet.
    pub fn from_feet(origin: Point, width: Scalar, height: Scalar) -> Self {
        Rect::new(origin, Meters::from_feet(width), Meters::from_feet(height))
    }

    /// Whether both sides have the same length.
    pub fn is_square(&self) -> bool {
        approx_eq(self.width, self.height)
    }
}

impl Named for Rect {
    fn name(&self) -> String {
        if self.is_square() {
            "square".to_string()
        } else {
            "rectangle".to_string()
        }
    }
}

impl Shape for Rect {
    fn area(&self) -> f64 {
        self.width * self.height
    }

    fn kind(&self) -> Kind {
        Polygon(4)
    }
}
