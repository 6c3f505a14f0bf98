//! Circles.

use std::f64::consts::PI;

use super::{Named, Shape};
use crate::kind::Kind;
use crate::point::Point;
use crate::Scalar;

/// A circle given by its centre and radius.
#[derive(Debug, Clone, PartialEq)]
pub struct Circle {
    /// The centre point.
    pub center: Point,
    /// Distance from the centre to the rim.
    pub radius: Scalar,
}

impl Circle {
    /// Creates a circle around `center`.
    pub fn new(center: Point, radius: Scalar) -> Self {
        Circle { center, radius }
    }

    /// Twice the radius.
    pub fn diameter(&self) -> Scalar {
        2.0 * self.radius
    }

    /// Whether `point` lies inside or on the circle.
    pub fn contains(&self, point: &Point) -> bool {
        self.center.distance(point) <= self.radius
    }
}

impl Named for Circle {
    fn name(&self) -> String {
        String::from("circle")
    }
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        PI * square!(self.radius)
    }

    fn kind(&self) -> Kind {
        Kind::Round
    }
}
