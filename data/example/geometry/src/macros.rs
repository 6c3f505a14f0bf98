//! Exported helper macros (available as `geometry::square!` and `geometry::circle!`).

/// Squares an expression, evaluating it only once.
#[macro_export]
macro_rules! square {
    ($x:expr) => {{
        let value = $x;
        value * value
    }};
}

/// Builds a [`Circle`](crate::Circle) from centre coordinates and a radius.
#[macro_export]
macro_rules! circle {
    ($x:expr, $y:expr, $r:expr) => {
        $crate::Circle::new($crate::Point::new($x, $y), $r)
    };
}
