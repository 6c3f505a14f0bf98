//! Free functions over shapes.

use crate::shapes::Shape;
use crate::{Scalar, EPSILON};

/// Whether `a` and `b` are equal up to [`EPSILON`].
pub fn approx_eq(a: Scalar, b: Scalar) -> bool {
    (a - b).abs() < EPSILON
}

/// Sum of the areas of all `shapes`; works for sized shapes and trait objects alike.
pub fn total_area<'a, S, I>(shapes: I) -> f64
where
    S: Shape + ?Sized + 'a,
    I: IntoIterator<Item = &'a S>,
{
    shapes.into_iter().map(|shape| shape.area()).sum()
}

/// The larger of two shapes by area (the first one on a tie).
pub fn larger<'a, S: Shape + ?Sized>(a: &'a S, b: &'a S) -> &'a S {
    if b.area() > a.area() && !approx_eq(a.area(), b.area()) {
        b
    } else {
        a
    }
}

/// One description line per shape.
pub fn describe_all<S: Shape>(shapes: &[S]) -> Vec<String> {
    shapes.iter().map(Shape::describe).collect()
}
