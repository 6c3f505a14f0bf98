//! Plain-text rendering of a canvas.

use geometry::{format_length, Shape};

use crate::scene::Canvas;

/// Renders a header, one line per shape and a total.
pub fn render(canvas: &Canvas) -> String {
    let mut lines = vec![header(canvas)];
    lines.extend(canvas.shapes().iter().map(|shape| bullet(shape.as_ref())));
    lines.push(footer(canvas));
    lines.join("\n")
}

/// The first line: the canvas name and its shape count.
fn header(canvas: &Canvas) -> String {
    let count = canvas.shapes().len();
    format!("{} ({count} shapes)", canvas.describe())
}

/// One shape, with its kind label.
fn bullet(shape: &dyn Shape) -> String {
    let label = shape.kind().label();
    format!("  - {} [{label}]", shape.describe())
}

/// The last line: the total area and the side of an equal-area square.
fn footer(canvas: &Canvas) -> String {
    let side = canvas.area().sqrt();
    format!("total area {:.2}, as a square of side {}", canvas.area(), format_length(side))
}
