//! A tiny drawing surface that collects `geometry` shapes and renders them as text.

pub mod render;
pub mod scene;

pub use scene::Canvas;

/// Title given to canvases created without one.
pub const DEFAULT_TITLE: &str = "untitled";
