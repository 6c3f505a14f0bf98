// The built-in table of the standard library: the names a crate reaches without indexing std's
// sources (the preludes, primitive types, common paths). Each line is `kind path`; a path under
// `std::` that names a core or alloc item is a re-export of it, written `reexport std::x = core::x`;
// `impl TYPE TRAIT` lets `Type::method` and `value.method()` reach the trait's methods;
// `KIND PATH -> TYPE` records what a call of a fn, method or macro returns; `alias PATH = TYPE`
// is a type alias (its members are TYPE's). std-table-low-level.ts continues the table
// (std::sync is declared there), std-table-primitive.ts ends it with slices, pointers and numbers.
// Ids follow the same grammar as indexed code, with std's own version (0.0.0 in its Cargo.toml),
// so refs stay valid when std's sources are indexed instead.

export const STD_VERSION = '0.0.0';

export const STD_TABLE = `
mod core::option
enum core::option::Option
variant core::option::Option::Some
variant core::option::Option::None
mod core::result
enum core::result::Result
variant core::result::Result::Ok
variant core::result::Result::Err
mod core::clone
trait core::clone::Clone
method core::clone::Clone::clone
derive core::clone::Clone
mod core::marker
trait core::marker::Copy
derive core::marker::Copy
trait core::marker::Send
trait core::marker::Sync
trait core::marker::Sized
trait core::marker::Unpin
struct core::marker::PhantomData
mod core::default
trait core::default::Default
method core::default::Default::default
derive core::default::Default
mod core::cmp
trait core::cmp::PartialEq
method core::cmp::PartialEq::eq
derive core::cmp::PartialEq
trait core::cmp::Eq
derive core::cmp::Eq
trait core::cmp::PartialOrd
method core::cmp::PartialOrd::partial_cmp
derive core::cmp::PartialOrd
trait core::cmp::Ord
method core::cmp::Ord::cmp
derive core::cmp::Ord
enum core::cmp::Ordering
mod core::hash
trait core::hash::Hash
derive core::hash::Hash
trait core::hash::Hasher
mod core::fmt
trait core::fmt::Debug
derive core::fmt::Debug
trait core::fmt::Display
method core::fmt::Display::fmt
struct core::fmt::Formatter
alias core::fmt::Result = core::result::Result
mod core::convert
trait core::convert::From
method core::convert::From::from
trait core::convert::Into
method core::convert::Into::into
trait core::convert::TryFrom
trait core::convert::TryInto
trait core::convert::AsRef
method core::convert::AsRef::as_ref
trait core::convert::AsMut
mod core::ops
trait core::ops::Drop
trait core::ops::Fn
trait core::ops::FnMut
trait core::ops::FnOnce
trait core::ops::Deref
trait core::ops::DerefMut
trait core::ops::Add
trait core::ops::Sub
trait core::ops::Mul
trait core::ops::Div
trait core::ops::Index
struct core::ops::Range
mod core::iter
trait core::iter::Iterator
method core::iter::Iterator::next
method core::iter::Iterator::map
method core::iter::Iterator::filter
method core::iter::Iterator::sum
method core::iter::Iterator::collect
method core::iter::Iterator::fold
method core::iter::Iterator::count
trait core::iter::IntoIterator
method core::iter::IntoIterator::into_iter
type core::iter::IntoIterator::Item
type core::iter::IntoIterator::IntoIter
trait core::iter::Extend
trait core::iter::FromIterator
trait core::iter::DoubleEndedIterator
trait core::iter::ExactSizeIterator
mod core::mem
fn core::mem::drop
fn core::mem::swap
fn core::mem::replace
fn core::mem::take
mod core::f64
mod core::f64::consts
const core::f64::consts::PI
const core::f64::consts::E
mod core::f32
mod core::f32::consts
const core::f32::consts::PI
mod core::primitive
primitive core::primitive::bool
primitive core::primitive::char
primitive core::primitive::str
primitive core::primitive::u8
primitive core::primitive::u16
primitive core::primitive::u32
primitive core::primitive::u64
primitive core::primitive::u128
primitive core::primitive::usize
primitive core::primitive::i8
primitive core::primitive::i16
primitive core::primitive::i32
primitive core::primitive::i64
primitive core::primitive::i128
primitive core::primitive::isize
primitive core::primitive::f32
primitive core::primitive::f64
macro core::panic
macro core::assert
macro core::assert_eq
macro core::assert_ne
macro core::debug_assert
macro core::debug_assert_eq
macro core::debug_assert_ne
macro core::matches
macro core::write
macro core::writeln
macro core::todo
macro core::unimplemented
macro core::unreachable
macro core::concat
macro core::stringify
macro core::line
macro core::file
macro core::column
macro core::cfg
macro core::env
macro core::include_str
macro core::include_bytes
macro core::format_args
mod alloc::string
struct alloc::string::String
fn alloc::string::String::new
method alloc::string::String::push_str
trait alloc::string::ToString
method alloc::string::ToString::to_string
mod alloc::vec
struct alloc::vec::Vec
fn alloc::vec::Vec::new
fn alloc::vec::Vec::with_capacity
method alloc::vec::Vec::push
method alloc::vec::Vec::len
mod alloc::boxed
struct alloc::boxed::Box
fn alloc::boxed::Box::new
mod alloc::borrow
trait alloc::borrow::ToOwned
method alloc::borrow::ToOwned::to_owned
enum alloc::borrow::Cow
mod alloc::rc
struct alloc::rc::Rc
mod alloc::sync
struct alloc::sync::Arc
mod alloc::collections
struct alloc::collections::BTreeMap
struct alloc::collections::BTreeSet
struct alloc::collections::VecDeque
macro alloc::format -> alloc::string::String
macro alloc::vec -> alloc::vec::Vec
mod std::collections
struct std::collections::HashMap
fn std::collections::HashMap::new
fn std::collections::HashMap::with_capacity
method std::collections::HashMap::insert -> core::option::Option
method std::collections::HashMap::get -> core::option::Option
method std::collections::HashMap::get_mut -> core::option::Option
method std::collections::HashMap::remove -> core::option::Option
method std::collections::HashMap::contains_key
method std::collections::HashMap::entry
method std::collections::HashMap::len
method std::collections::HashMap::is_empty
struct std::collections::HashSet
mod std::io
mod std::fs
mod std::path
struct std::path::Path
struct std::path::PathBuf
mod std::env
mod std::process
mod std::thread
macro std::println
macro std::print
macro std::eprintln
macro std::eprint
macro std::dbg
impl alloc::string::String core::convert::From
impl alloc::string::String core::clone::Clone
impl alloc::string::String core::default::Default
impl alloc::string::String alloc::string::ToString
impl alloc::vec::Vec core::iter::IntoIterator
impl alloc::vec::Vec core::clone::Clone
impl alloc::vec::Vec core::default::Default
impl alloc::vec::Vec core::iter::Extend
impl alloc::vec::Vec core::iter::FromIterator
impl core::option::Option core::clone::Clone
impl core::option::Option core::default::Default
reexport std::option = core::option
reexport std::result = core::result
reexport std::clone = core::clone
reexport std::marker = core::marker
reexport std::default = core::default
reexport std::cmp = core::cmp
reexport std::hash = core::hash
reexport std::fmt = core::fmt
reexport std::convert = core::convert
reexport std::ops = core::ops
reexport std::iter = core::iter
reexport std::mem = core::mem
reexport std::f64 = core::f64
reexport std::f32 = core::f32
reexport std::primitive = core::primitive
reexport std::string = alloc::string
reexport std::vec = alloc::vec
reexport std::boxed = alloc::boxed
reexport std::borrow = alloc::borrow
reexport std::rc = alloc::rc
reexport std::collections::BTreeMap = alloc::collections::BTreeMap
reexport std::collections::BTreeSet = alloc::collections::BTreeSet
reexport std::collections::VecDeque = alloc::collections::VecDeque
reexport std::format = alloc::format
reexport std::panic = core::panic
reexport std::assert = core::assert
reexport std::assert_eq = core::assert_eq
reexport std::assert_ne = core::assert_ne
reexport std::debug_assert = core::debug_assert
reexport std::debug_assert_eq = core::debug_assert_eq
reexport std::debug_assert_ne = core::debug_assert_ne
reexport std::matches = core::matches
reexport std::write = core::write
reexport std::writeln = core::writeln
reexport std::todo = core::todo
reexport std::unimplemented = core::unimplemented
reexport std::unreachable = core::unreachable
reexport std::concat = core::concat
reexport std::stringify = core::stringify
reexport std::line = core::line
reexport std::file = core::file
reexport std::column = core::column
reexport std::cfg = core::cfg
reexport std::env = core::env
reexport std::include_str = core::include_str
reexport std::include_bytes = core::include_bytes
reexport std::format_args = core::format_args
`;

/** The prelude of every edition (std::prelude::v1), plus what 2021 adds. */
export const PRELUDE = [
  'core::option::Option', 'core::option::Option::Some', 'core::option::Option::None',
  'core::result::Result', 'core::result::Result::Ok', 'core::result::Result::Err',
  'core::clone::Clone', 'core::marker::Copy', 'core::marker::Send', 'core::marker::Sync', 'core::marker::Sized',
  'core::marker::Unpin', 'core::default::Default', 'core::cmp::PartialEq', 'core::cmp::Eq', 'core::cmp::PartialOrd',
  'core::cmp::Ord', 'core::fmt::Debug', 'core::hash::Hash', 'core::convert::From', 'core::convert::Into',
  'core::convert::AsRef', 'core::convert::AsMut', 'core::ops::Drop', 'core::ops::Fn', 'core::ops::FnMut',
  'core::ops::FnOnce', 'core::iter::Iterator', 'core::iter::IntoIterator', 'core::iter::Extend',
  'core::iter::DoubleEndedIterator', 'core::iter::ExactSizeIterator', 'core::mem::drop',
  'alloc::string::String', 'alloc::string::ToString', 'alloc::vec::Vec', 'alloc::boxed::Box', 'alloc::borrow::ToOwned',
];

export const PRELUDE_2021 = ['core::convert::TryFrom', 'core::convert::TryInto', 'core::iter::FromIterator'];

/** Macros every crate can call by bare name (std's `#[macro_export]`s and built-ins). */
export const PRELUDE_MACROS = [
  'std::println', 'std::print', 'std::eprintln', 'std::eprint', 'std::dbg', 'alloc::format', 'alloc::vec',
  'core::panic', 'core::assert', 'core::assert_eq', 'core::assert_ne', 'core::debug_assert', 'core::debug_assert_eq',
  'core::debug_assert_ne', 'core::matches', 'core::write', 'core::writeln', 'core::todo', 'core::unimplemented',
  'core::unreachable', 'core::concat', 'core::stringify', 'core::line', 'core::file', 'core::column', 'core::cfg',
  'core::env', 'core::include_str', 'core::include_bytes', 'core::format_args',
];
