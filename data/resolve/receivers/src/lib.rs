//! Receiver types the body walk infers: slices, arrays, raw pointers, numbers, Deref targets.
use core::fmt;
use core::ops::Deref;
use core::str;

pub struct Stack {
    items: Vec<u32>,
}

pub struct Wrapper(Stack);

impl Deref for Wrapper {
    type Target = [u32];
    fn deref(&self) -> &[u32] {
        &self.0.items
    }
}

impl Stack {
    pub fn top(&self) -> Option<&u32> {
        self.items.last()
    }
}

pub fn slices(data: &[u8], grid: [u16; 4], w: &Wrapper) -> usize {
    let first = data.first();
    let n = grid.len();
    let m = w.len();
    n + m + first.is_some() as usize
}

/// # Safety
/// `base` and `out` are valid for `len + 3` bytes.
pub unsafe fn pointers(base: *const u8, out: *mut u8, len: usize) -> u8 {
    let src = base.add(len);
    out.add(1).write(src.read());
    let back = <*mut u8>::cast_const(out);
    let shifted = unsafe { out.add(2) }.cast_const();
    let byte = unsafe { *back };
    byte.wrapping_add(*shifted)
}

pub fn numbers(x: u32, f: f64) -> u64 {
    let wide = (x as u64).wrapping_add(1);
    let zeros = 5usize.leading_zeros();
    let _ = f.sqrt();
    wide.checked_add(u64::MAX).unwrap_or(zeros as u64)
}

pub fn nested(limit: u8) -> u8 {
    return helper(limit).pow(2);

    fn helper(v: u8) -> u8 {
        let doubled = v.wrapping_mul(2);
        doubled
    }
}

pub trait Bits: Copy {
    const EMPTY: Self;
}

impl Bits for u8 {
    const EMPTY: u8 = 0;
}

pub trait Flags {
    type Bits: Bits;
    fn names() -> &'static [&'static str];
    fn empty_bits() -> Self::Bits {
        Self::Bits::EMPTY
    }
}

pub fn first_name<T: Flags>() -> Option<&'static str> {
    <T as Flags>::names().first().copied()
}

pub struct Pair<L, R>(pub L, pub R);

impl<L, R> Pair<L, R> {
    pub fn left_or_default(self) -> L
    where
        L: Default,
    {
        L::default()
    }
}

pub fn text(s: &str, flag: Option<u8>) -> usize {
    #[cfg(target_endian = "little")]
    let width = s.len();
    #[cfg(target_endian = "big")]
    let width = 0;
    let mut lines = vec![1];
    lines.push(width);
    match flag {
        Some(width) => width as usize,
        _ => width + lines.len(),
    }
}

pub fn transmuted(bytes: [u8; 4]) -> [i8; 4] {
    let addr = core::ptr::addr_of!(bytes);
    let _ = addr.is_null();
    unsafe { core::mem::transmute::<[u8; 4], [i8; 4]>(bytes) }
}

pub fn done() -> fmt::Result {
    fmt::Result::Ok(())
}

pub trait Total {
    fn total(&self) -> u64;
}

impl Total for [u8] {
    fn total(&self) -> u64 {
        self.iter().map(|b| *b as u64).sum()
    }
}

pub fn sum_all(data: &[u8]) -> u64 {
    data.total()
}

pub trait Base {
    type Unit;
}

pub trait Middle: Base {}

pub trait Top: Middle {
    fn unit(&self) -> Self::Unit;
}

const LIMIT: usize = 3;

fn const_arg<const N: usize>() -> usize {
    N
}

fn reverse(x: &mut Vec<u8>) {
    x.reverse();
}

pub fn blocks(items: &mut [u8]) -> usize {
    let n = const_arg::<{ LIMIT + 1 }>();
    let mut v: Vec<_> = items.to_vec();
    reverse(&mut v);
    match unsafe { items.as_ptr().read() } {
        0 => n,
        other => other as usize,
    }
}

pub fn next_item<I: DoubleEndedIterator>(mut it: I) -> Option<I::Item> {
    it.next_back()
}
