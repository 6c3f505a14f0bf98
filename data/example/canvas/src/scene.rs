//! The canvas: an ordered collection of boxed shapes.

use geometry::shapes::Named;
use geometry::{Kind, Shape};

/// A titled list of shapes of any type.
pub struct Canvas {
    /// Shown in the rendered header.
    pub title: String,
    shapes: Vec<Box<dyn Shape>>,
}

impl Canvas {
    /// Creates an empty canvas.
    pub fn new(title: &str) -> Self {
        Canvas { title: title.to_string(), shapes: Vec::new() }
    }

    /// Adds a shape; returns `self` so calls can be chained.
    pub fn add<S: Shape + 'static>(&mut self, shape: S) -> &mut Self {
        self.shapes.push(Box::new(shape));
        self
    }

    /// The shapes in insertion order.
    pub fn shapes(&self) -> &[Box<dyn Shape>] {
        &self.shapes
    }

    /// The shape with the largest area, if any.
    pub fn largest(&self) -> Option<&dyn Shape> {
        let mut boxed = self.shapes.iter().map(|shape| shape.as_ref());
        let first = boxed.next()?;
        Some(boxed.fold(first, geometry::ops::larger))
    }
}

impl Default for Canvas {
    fn default() -> Self {
        Canvas::new(crate::DEFAULT_TITLE)
    }
}

impl Named for Canvas {
    fn name(&self) -> String {
        format!("canvas '{}'", self.title)
    }
}

/// A canvas is itself a shape: its area is the sum of the areas it holds.
impl Shape for Canvas {
    fn area(&self) -> f64 {
        geometry::sum_areas(self.shapes.iter().map(|shape| shape.as_ref()))
    }

    fn kind(&self) -> Kind {
        let sides = self.shapes.iter().map(|shape| shape.kind().sides()).sum();
        Kind::Custom { label: self.title.clone(), sides }
    }
}
