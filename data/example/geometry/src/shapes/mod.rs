//! Shapes and the traits they implement.

mod circle;
mod rect;

pub use self::circle::Circle;
pub use self::rect::Rect;

use crate::kind::Kind;

/// Anything that has a display name.
pub trait Named {
    /// The display name, e.g. `"circle"`.
    fn name(&self) -> String;
}

/// A closed plane figure. Every shape is also [`Named`] (a supertrait).
pub trait Shape: Named {
    /// The enclosed area.
    fn area(&self) -> f64;

    /// What sort of figure this is.
    fn kind(&self) -> Kind;

    /// A one-line summary built from the name and the area.
    fn describe(&self) -> String {
        let name = self.name();
        let area = self.area();
        format!("{name} with area {area:.2}")
    }
}
