//! Classification of shapes.

/// What sort of figure a shape is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A figure without corners.
    Round,
    /// A regular polygon with the given number of sides.
    Polygon(u32),
    /// Anything else, with a label and a side count.
    Custom { label: String, sides: u32 },
}

impl Kind {
    /// Number of straight sides (zero for round figures).
    pub fn sides(&self) -> u32 {
        use Kind::*;
        match self {
            Round => 0,
            Polygon(n) => *n,
            Custom { sides, .. } => *sides,
        }
    }

    /// A short human-readable label.
    pub fn label(&self) -> String {
        match self {
            Kind::Round => String::from("round"),
            Kind::Polygon(n) => polygon_label(*n),
            Kind::Custom { label, .. } => label.clone(),
        }
    }
}

/// Names a polygon by its side count.
fn polygon_label(sides: u32) -> String {
    match sides {
        3 => "triangle".to_string(),
        4 => "quadrilateral".to_string(),
        n => format!("{n}-gon"),
    }
}
