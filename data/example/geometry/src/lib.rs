//! Plane geometry primitives: points, shapes and the traits they share.
//!
//! This crate is the example workspace's library half; `canvas` builds on it.

// Declared first so that the exported macros are in textual scope below.
#[macro_use]
mod macros;

pub mod kind;
pub mod ops;
pub mod point;
pub mod shapes;
#[path = "support/units.rs"]
pub mod units;

pub use kind::Kind;
pub use point::{Origin, Point};
pub use shapes::Shape;
pub use shapes::{Circle, Named, Rect};

/// `total_area` under the name the canvas crate uses.
pub use ops::total_area as sum_areas;
/// British spelling of the metre marker.
pub use units::Meters as Metres;

/// The number type used for every coordinate and length.
pub type Scalar = f64;

/// Two scalars closer than this are considered equal.
pub const EPSILON: Scalar = 1e-9;

/// Symbol printed after lengths.
pub static UNIT_SYMBOL: &str = "m";

/// Formats a length with its unit, e.g. `2.50 m`.
pub fn format_length(value: Scalar) -> String {
    format!("{value:.2} {UNIT_SYMBOL}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn circle_area_uses_pi() {
        let c = Circle::new(Point::new(0.0, 0.0), 2.0);
        assert!(ops::approx_eq(c.area(), 4.0 * std::f64::consts::PI));
    }

    #[test]
    fn rect_describes_itself() {
        let r = Rect::new(Point::from(Origin), 2.0, 3.0);
        assert_eq!(r.describe(), "rectangle with area 6.00");
    }

    #[test]
    fn renamed_reexport_sums_areas() {
        let shapes = [Rect::square(Point::new(1.0, 1.0), 2.0), Rect::new(Origin.into(), 1.0, 1.0)];
        assert!(ops::approx_eq(sum_areas(&shapes), 5.0));
    }

    #[test]
    fn macros_expand() {
        assert_eq!(square!(3), 9);
        let c = circle!(1.0, 1.0, 1.0);
        assert_eq!(c.kind(), Kind::Round);
    }
}
