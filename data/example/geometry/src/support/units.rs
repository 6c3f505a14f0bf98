//! Length units. This file is loaded through a `#[path]` attribute in `lib.rs`.

use crate::Scalar;

/// Marker for lengths measured in metres.
#[derive(Debug, Clone, Copy, Default)]
pub struct Meters;

impl Meters {
    /// Metres in one foot.
    pub const PER_FOOT: Scalar = 0.3048;

    /// Converts a length in feet to metres.
    pub fn from_feet(feet: Scalar) -> Scalar {
        feet * Self::PER_FOOT
    }
}
