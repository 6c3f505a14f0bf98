//! Names inside fn bodies: block items, nested lets, turbofish args, array lengths, `||`.
use core::marker::PhantomData;

macro_rules! unit {
    ($name:ident) => {
        pub struct $name;
    };
}

unit!(Marker);

pub struct Buf<T, const N: usize> {
    items: [T; N],
    marker: PhantomData<T>,
}

pub fn scaled(value: u32) -> u32 {
    let doubled = twice(value);
    return doubled * SCALE;

    const SCALE: u32 = 10;

    #[inline]
    fn twice(x: u32) -> u32 {
        x * 2
    }
}

pub fn split(flag: bool) -> (u32, u32) {
    let (mut low, high) = if flag {
        let inner = 1;
        (inner, 2)
    } else {
        (3, 4)
    };
    low += high;
    (low, high)
}

pub fn never(flag: bool) -> Result<u32, ()> {
    enum Void {}
    let _ = Ok::<u32, Void>(1);
    if flag || scaled(1) > 2 { Ok(0) } else { Err(()) }
}

impl<T: Copy, const N: usize> Buf<T, N> {
    pub fn new(fill: T) -> Self {
        use core::{marker, mem};
        let _ = mem::size_of::<T>();
        let _: marker::PhantomData<T> = PhantomData;
        Buf { items: [fill; N], marker: PhantomData }
    }
}

pub trait Named {
    const NAME: &'static str;
}

pub struct Wrap<B>(pub B);

impl<B: Named> Wrap<B> {
    pub fn name(&self) -> &'static str {
        B::NAME
    }
}
