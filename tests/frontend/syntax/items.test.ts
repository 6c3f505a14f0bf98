// Golden tests: one construct per case, the AST rendered back to compact text (render.ts).
import { describe, expect, it } from 'vitest';
import { renderFile } from './render.js';

const r = (src: string) => renderFile(src);

describe('visibility, mod, use, extern crate', () => {
  it('renders every visibility form', () => {
    expect(r('pub fn a() {} pub(crate) fn b() {} pub(super) fn c() {} pub(self) fn d() {} pub(in crate::x) fn e() {} fn f() {}')).toBe([
      'pub fn a() {..}', 'pub(crate) fn b() {..}', 'pub(super) fn c() {..}', 'pub(self) fn d() {..}',
      'pub(in crate::x) fn e() {..}', 'fn f() {..}',
    ].join('\n'));
  });

  it('parses inline and file modules with their inner attributes and docs', () => {
    expect(r('mod a;\npub mod b {\n  //! About b.\n  #![allow(dead_code)]\n  fn inner() {}\n  mod c { struct S; }\n}')).toBe([
      'mod a;',
      'pub mod b {} #![allow ( dead_code )] //! "About b."',
      '  fn inner() {..}',
      '  mod c {}',
      '    struct S',
    ].join('\n'));
  });

  it('parses use trees: groups, globs, renames, self/super/crate, leading ::', () => {
    expect(r([
      'use std::collections::HashMap;',
      'use crate::a::{self, b as c, d::*, e::{f, g as _}};',
      'use ::std::io;',
      'use super::*;',
      'use {x, y};',
      'pub use self::m::T as U;',
      'use ::{a, b};',
    ].join('\n'))).toBe([
      'use std::collections::HashMap',
      'use crate::a::{self, b as c, d::*, e::{f, g as _}}',
      'use ::std::io',
      'use super::*',
      'use {x, y}',
      'pub use self::m::T as U',
      'use ::{a, b}',
    ].join('\n'));
  });

  it('parses extern crate with and without a rename', () => {
    expect(r('extern crate alloc;\npub extern crate core as std_core;\nextern crate self as me;')).toBe(
      'extern crate alloc\npub extern crate core as std_core\nextern crate self as me');
  });
});

describe('functions', () => {
  it('parses qualifiers, ABI, generics, params, return type and where clause', () => {
    expect(r('pub const unsafe extern "C" fn f<\'a, T: Clone + \'a, const N: usize>(x: &\'a T, mut n: [u8; N]) -> Option<T> where T: Default { None }')).toBe(
      "pub fn f<'a, T: Clone + 'a, const N: usize>(x: &'a T, mut n: [u8; N]) -> Option<T> where T: Default [const unsafe extern] abi=C {..}");
  });

  it('parses every self parameter form', () => {
    expect(r('impl S { fn a(self) {} fn b(&self) {} fn c(&mut self) {} fn d(&\'a mut self) {} fn e(mut self) {} fn f(self: Box<Self>) {} }')).toBe([
      'impl S',
      '  fn a(self) {..}', '  fn b(&self) {..}', '  fn c(&mut self) {..}', '  fn d(&mut self) {..}',
      '  fn e(mut self) {..}', '  fn f(self: Box<Self>) {..}',
    ].join('\n'));
  });

  it('keeps parameter patterns as tokens', () => {
    expect(r('fn f(_: u8, &x: &u8, (a, b): (u8, u16), Point { x, y }: Point, ref mut z: u8) {}')).toBe(
      'fn f(_: u8, & x: &u8, ( a , b ): (u8, u16), Point { x , y }: Point, ref mut z: u8) {..}');
  });

  it('parses async, safe and variadic foreign functions, and bodiless declarations', () => {
    expect(r('async fn a() {}\nunsafe extern "C" { pub safe fn b(x: i32, ...) -> i32; static C: u8; }\ntrait T { fn d(&self) -> u8; }')).toBe([
      'fn a() [async] {..}',
      'extern "C" {}',
      '  pub fn b(x: i32, ...) -> i32 [safe];',
      '  static C: u8',
      'trait T',
      '  fn d(&self) -> u8;',
    ].join('\n'));
  });
});

describe('structs, enums, unions', () => {
  it('parses named, tuple and unit structs with field visibility, attrs and docs', () => {
    expect(r('#[derive(Debug)]\npub struct P<T> { /// The x.\n pub x: T, #[serde(skip)] y: u8 }\nstruct Q(pub u8, pub(crate) String);\nstruct U;\nstruct W<T>(T) where T: Copy;')).toBe([
      '#[derive ( Debug )]',
      'pub struct P<T> {/// "The x." pub x: T, #[serde ( skip )] y: u8}',
      'struct Q(pub u8, pub(crate) String)',
      'struct U',
      'struct W<T>(T) where T: Copy',
    ].join('\n'));
  });

  it('parses enum variants with fields and discriminants', () => {
    expect(r('enum E { A, B(u8, u16), C { x: i32 }, D = 1 << 2, #[default] F, }')).toBe(
      'enum E {A, B(u8, u16), C {x: i32}, D = 1 < < 2, #[default] F}');
  });

  it('parses unions, and union as an ordinary name elsewhere', () => {
    expect(r('union U { a: u32, b: f32 }\nfn union() {}')).toBe('union U {a: u32, b: f32}\nfn union() {..}');
  });
});

describe('traits and impls', () => {
  it('parses trait headers and associated items', () => {
    expect(r('pub unsafe trait T<U>: Clone + Send where U: Copy { type A: Iterator<Item = U>; const N: usize = 3; fn f(&self) {} }\nauto trait Marker {}\ntrait Alias = Clone + Send;')).toBe([
      'pub unsafe trait T<U>: Clone + Send where U: Copy',
      '  type A: Iterator<Item = U>',
      '  const N: usize = 3',
      '  fn f(&self) {..}',
      'auto trait Marker',
      'trait Alias: Clone + Send',
    ].join('\n'));
  });

  it('parses inherent, trait, negative and unsafe impls', () => {
    expect(r('impl<T> Foo<T> { }\nimpl<T: Clone> fmt::Display for Bar<T> where T: Debug { fn fmt(&self) {} }\nimpl !Send for Q {}\nunsafe impl<T> Sync for R<T> {}\nimpl const Default for S {}')).toBe([
      'impl<T> Foo<T>',
      'impl<T: Clone> fmt::Display for Bar<T> where T: Debug',
      '  fn fmt(&self) {..}',
      'impl !Send for Q',
      'unsafe impl<T> Sync for R<T>',
      'impl Default for S',
    ].join('\n'));
  });
});

describe('consts, statics, type aliases, macros', () => {
  it('parses consts and statics, including `const _` and `static mut`', () => {
    expect(r('pub const X: u32 = 1 + 2;\nconst _: () = { assert!(true); };\nstatic mut COUNTER: usize = 0;\nstatic NAMES: [&str; 2] = ["a", "b"];')).toBe([
      'pub const X: u32 = 1 + 2',
      'const _: () = { assert ! ( true ) ; }',
      'static mut COUNTER: usize = 0',
      'static NAMES: [&str; 2] = [ "a" , "b" ]',
    ].join('\n'));
  });

  it('parses type aliases with generics, bounds and where clauses', () => {
    expect(r("type R<T> = Result<T, Error>;\ntrait G { type Item<'a>: Send where Self: 'a; }")).toBe(
      "type R<T> = Result<T, Error>\ntrait G\n  type Item<'a>: Send where Self: 'a");
  });

  it('parses macro_rules, macro 2.0 and item-level macro calls', () => {
    expect(r('macro_rules! sq { ($x:expr) => { $x * $x }; }\npub macro m($x:ty) { }\nthread_local! { static A: u8 = 0; }\nmy::mac!(a, b);\nitems![];')).toBe([
      'macro_rules! sq { ( $ x : expr ) => { $ x * $ x } ; }',
      'pub macro_rules! m ( $ x : ty ) { }',
      'thread_local! { static A : u8 = 0 ; }',
      'my::mac! ( a , b )',
      'items! [ ]',
    ].join('\n'));
  });
});

describe('file-level attributes and docs', () => {
  it('gives inner attributes and docs to the file, outer ones to the item', () => {
    expect(r('//! Crate docs.\n//! Second line.\n#![no_std]\n/// Item docs.\n#[doc = " More."]\n#[inline]\nfn f() {}')).toBe([
      '#![no_std]',
      '//! "Crate docs.\\nSecond line."',
      '#[doc = " More."]',
      '#[inline]',
      '/// "Item docs.\\nMore."',
      'fn f() {..}',
    ].join('\n'));
  });

  it('strips block doc comment gutters', () => {
    expect(r('/**\n * First.\n * Second.\n */\nstruct S;\n/** One line */\nstruct T;')).toBe(
      '/// "First.\\nSecond."\nstruct S\n/// "One line "\nstruct T');
  });
});
