//! Item macros used by lib.rs, which sees them through `#[macro_use]`.

/// A free fn reading one field of a tuple struct.
macro_rules! make_getter {
    ($name:ident, $ty:ty, $field:tt) => {
        pub fn $name(value: &$ty) -> f64 {
            value.$field
        }
    };
}

/// Constants, each with its attributes and visibility.
macro_rules! consts {
    ($($(#[$m:meta])* $vis:vis $name:ident : $t:ty = $e:expr;)*) => {
        $($(#[$m])* $vis const $name: $t = $e;)*
    };
}

/// A unit struct with its docs, and a constructor.
macro_rules! documented {
    ($(#[$m:meta])* $v:vis struct $name:ident;) => {
        $(#[$m])*
        $v struct $name;

        impl $name {
            pub fn new() -> Self {
                $name
            }
        }
    };
}

/// Hands its tokens to another macro: an expansion that expands again.
macro_rules! wrap {
    ($($t:tt)*) => {
        zero_fns! { $($t)* }
    };
}

macro_rules! zero_fns {
    ($(fn $f:ident;)*) => {
        $(pub fn $f() -> u8 { 0 })*
    };
}
