//! `draw`: builds a small scene and prints it.

use canvas::render::render;
use canvas::Canvas;
use geometry::{Circle, Shape};
use geometry::{Metres, Origin, Point, Rect};

fn main() {
    let unit = Circle::new(Point::new(0.0, 0.0), 1.0);
    let unit_area = unit.area();
    let ring = geometry::circle!(4.0, 4.0, 2.0);
    let floor = Rect::from_feet(Point::from(Origin), 10.0, 12.0);
    let tile = Rect::square(Point::new(5.0, 0.0), 1.5);

    let mut scene = Canvas::new("demo");
    scene.add(unit).add(ring).add(floor).add(tile);

    println!("{}", render(&scene));
    let biggest = scene.largest().map(|shape| shape.describe());
    println!("largest: {}", biggest.unwrap_or_default());
    println!("unit circle area: {unit_area:.4}");
    println!("three feet: {:.4} m", Metres::from_feet(3.0));
    println!("squared: {}", geometry::square!(scene.shapes().len()));
}
