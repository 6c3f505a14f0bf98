// The built-in std table's inherent methods of the types no path names — slices, arrays, raw
// pointers — and of integers and floats (syntax in std-table.ts), plus the Deref targets method
// calls follow. Their names follow where rustc's docs put the impl blocks: `[T]`'s methods under
// `core::slice` (`primitive/slice#len().`), `*const T`'s under `core::ptr::const_ptr`, every
// integer type's under `core::num` (one def per name shared by all integer types, as their
// docs page is one), floats' under the float type.
//
// `builtin PATH` is a type no path names (bound nowhere, out of the prelude);
// `int_method core::num::NAME` / `int_const core::num::NAME` is an inherent item of every integer
// type; `-> Self` gives a method the receiver's own type as result;
// `alias TYPE::Target = T` is the type TYPE derefs (or, for arrays, unsizes) to; `impl TRAIT
// SUPERTRAIT` makes a trait's bound reach its supertrait's items.

export const STD_TABLE_PRIMITIVE = `
builtin core::primitive::slice
method core::primitive::slice::len
method core::primitive::slice::is_empty
method core::primitive::slice::iter -> core::slice::Iter
method core::primitive::slice::iter_mut -> core::slice::IterMut
method core::primitive::slice::first -> core::option::Option
method core::primitive::slice::first_mut -> core::option::Option
method core::primitive::slice::last -> core::option::Option
method core::primitive::slice::last_mut -> core::option::Option
method core::primitive::slice::split_first -> core::option::Option
method core::primitive::slice::split_last -> core::option::Option
method core::primitive::slice::get -> core::option::Option
method core::primitive::slice::get_mut -> core::option::Option
method core::primitive::slice::get_unchecked
method core::primitive::slice::get_unchecked_mut
method core::primitive::slice::as_ptr -> core::ptr::const_ptr
method core::primitive::slice::as_mut_ptr -> core::ptr::mut_ptr
method core::primitive::slice::as_ptr_range
method core::primitive::slice::split_at
method core::primitive::slice::split_at_mut
method core::primitive::slice::contains
method core::primitive::slice::starts_with
method core::primitive::slice::ends_with
method core::primitive::slice::swap
method core::primitive::slice::reverse
method core::primitive::slice::fill
method core::primitive::slice::copy_from_slice
method core::primitive::slice::clone_from_slice
method core::primitive::slice::copy_within
method core::primitive::slice::rotate_left
method core::primitive::slice::rotate_right
method core::primitive::slice::chunks -> core::iter::Iterator
method core::primitive::slice::chunks_mut -> core::iter::Iterator
method core::primitive::slice::chunks_exact -> core::iter::Iterator
method core::primitive::slice::windows -> core::iter::Iterator
method core::primitive::slice::split -> core::iter::Iterator
method core::primitive::slice::binary_search -> core::result::Result
method core::primitive::slice::binary_search_by -> core::result::Result
method core::primitive::slice::binary_search_by_key -> core::result::Result
method core::primitive::slice::sort_unstable
method core::primitive::slice::sort_unstable_by
method core::primitive::slice::sort_unstable_by_key
method core::primitive::slice::is_ascii
method core::primitive::slice::to_vec -> alloc::vec::Vec
method core::primitive::slice::into_vec -> alloc::vec::Vec
method core::primitive::slice::sort
method core::primitive::slice::sort_by
method core::primitive::slice::sort_by_key
method core::primitive::slice::concat
method core::primitive::slice::join
impl core::slice::Iter core::iter::Iterator
impl core::slice::Iter core::iter::DoubleEndedIterator
impl core::slice::Iter core::iter::ExactSizeIterator
impl core::slice::IterMut core::iter::Iterator
impl core::slice::IterMut core::iter::DoubleEndedIterator
impl core::slice::IterMut core::iter::ExactSizeIterator
builtin core::primitive::array
alias core::primitive::array::Target = core::primitive::slice
method core::primitive::array::map
method core::primitive::array::as_slice -> core::primitive::slice
method core::primitive::array::as_mut_slice -> core::primitive::slice
method core::primitive::array::each_ref
method core::primitive::array::each_mut
alias alloc::vec::Vec::Target = core::primitive::slice
alias alloc::string::String::Target = core::primitive::str
impl alloc::vec::Vec core::convert::From
impl core::iter::DoubleEndedIterator core::iter::Iterator
impl core::iter::ExactSizeIterator core::iter::Iterator
impl core::iter::FusedIterator core::iter::Iterator
impl core::ops::DerefMut core::ops::Deref
impl core::ops::IndexMut core::ops::Index
impl core::cmp::Eq core::cmp::PartialEq
impl core::cmp::Ord core::cmp::PartialOrd
impl core::marker::Copy core::clone::Clone
impl alloc::boxed::Box core::convert::From
impl alloc::rc::Rc core::convert::From
impl alloc::sync::Arc core::convert::From
impl core::option::Option core::convert::From
builtin core::ptr::const_ptr
method core::ptr::const_ptr::is_null
method core::ptr::const_ptr::add -> Self
method core::ptr::const_ptr::sub -> Self
method core::ptr::const_ptr::offset -> Self
method core::ptr::const_ptr::byte_add -> Self
method core::ptr::const_ptr::byte_sub -> Self
method core::ptr::const_ptr::wrapping_add -> Self
method core::ptr::const_ptr::wrapping_sub -> Self
method core::ptr::const_ptr::wrapping_offset -> Self
method core::ptr::const_ptr::cast -> Self
method core::ptr::const_ptr::cast_mut -> core::ptr::mut_ptr
method core::ptr::const_ptr::read
method core::ptr::const_ptr::read_unaligned
method core::ptr::const_ptr::read_volatile
method core::ptr::const_ptr::copy_to
method core::ptr::const_ptr::copy_to_nonoverlapping
method core::ptr::const_ptr::offset_from
method core::ptr::const_ptr::as_ref -> core::option::Option
method core::ptr::const_ptr::addr
method core::ptr::const_ptr::align_offset
method core::ptr::const_ptr::is_aligned
builtin core::ptr::mut_ptr
method core::ptr::mut_ptr::is_null
method core::ptr::mut_ptr::add -> Self
method core::ptr::mut_ptr::sub -> Self
method core::ptr::mut_ptr::offset -> Self
method core::ptr::mut_ptr::byte_add -> Self
method core::ptr::mut_ptr::byte_sub -> Self
method core::ptr::mut_ptr::wrapping_add -> Self
method core::ptr::mut_ptr::wrapping_sub -> Self
method core::ptr::mut_ptr::wrapping_offset -> Self
method core::ptr::mut_ptr::cast -> Self
method core::ptr::mut_ptr::cast_const -> core::ptr::const_ptr
method core::ptr::mut_ptr::read
method core::ptr::mut_ptr::read_unaligned
method core::ptr::mut_ptr::read_volatile
method core::ptr::mut_ptr::write
method core::ptr::mut_ptr::write_unaligned
method core::ptr::mut_ptr::write_volatile
method core::ptr::mut_ptr::write_bytes
method core::ptr::mut_ptr::replace
method core::ptr::mut_ptr::swap
method core::ptr::mut_ptr::drop_in_place
method core::ptr::mut_ptr::copy_to
method core::ptr::mut_ptr::copy_to_nonoverlapping
method core::ptr::mut_ptr::copy_from
method core::ptr::mut_ptr::copy_from_nonoverlapping
method core::ptr::mut_ptr::offset_from
method core::ptr::mut_ptr::as_ref -> core::option::Option
method core::ptr::mut_ptr::as_mut -> core::option::Option
method core::ptr::mut_ptr::addr
method core::ptr::mut_ptr::align_offset
method core::ptr::mut_ptr::is_aligned
int_const core::num::MIN
int_const core::num::MAX
int_const core::num::BITS
int_method core::num::checked_add -> core::option::Option
int_method core::num::checked_sub -> core::option::Option
int_method core::num::checked_mul -> core::option::Option
int_method core::num::checked_div -> core::option::Option
int_method core::num::checked_rem -> core::option::Option
int_method core::num::checked_neg -> core::option::Option
int_method core::num::checked_shl -> core::option::Option
int_method core::num::checked_shr -> core::option::Option
int_method core::num::checked_pow -> core::option::Option
int_method core::num::checked_next_power_of_two -> core::option::Option
int_method core::num::checked_ilog10 -> core::option::Option
int_method core::num::wrapping_add -> Self
int_method core::num::wrapping_sub -> Self
int_method core::num::wrapping_mul -> Self
int_method core::num::wrapping_neg -> Self
int_method core::num::wrapping_shl -> Self
int_method core::num::wrapping_shr -> Self
int_method core::num::wrapping_pow -> Self
int_method core::num::saturating_add -> Self
int_method core::num::saturating_sub -> Self
int_method core::num::saturating_mul -> Self
int_method core::num::saturating_pow -> Self
int_method core::num::overflowing_add
int_method core::num::overflowing_sub
int_method core::num::overflowing_mul
int_method core::num::pow -> Self
int_method core::num::abs -> Self
int_method core::num::abs_diff
int_method core::num::unsigned_abs
int_method core::num::signum -> Self
int_method core::num::is_positive
int_method core::num::is_negative
int_method core::num::div_euclid -> Self
int_method core::num::rem_euclid -> Self
int_method core::num::div_ceil -> Self
int_method core::num::next_multiple_of -> Self
int_method core::num::leading_zeros
int_method core::num::trailing_zeros
int_method core::num::leading_ones
int_method core::num::trailing_ones
int_method core::num::count_ones
int_method core::num::count_zeros
int_method core::num::rotate_left -> Self
int_method core::num::rotate_right -> Self
int_method core::num::swap_bytes -> Self
int_method core::num::reverse_bits -> Self
int_method core::num::is_power_of_two
int_method core::num::next_power_of_two -> Self
int_method core::num::ilog2
int_method core::num::ilog10
int_method core::num::isqrt -> Self
int_method core::num::to_be -> Self
int_method core::num::to_le -> Self
int_method core::num::from_be -> Self
int_method core::num::from_le -> Self
int_method core::num::to_be_bytes
int_method core::num::to_le_bytes
int_method core::num::to_ne_bytes
int_method core::num::from_be_bytes -> Self
int_method core::num::from_le_bytes -> Self
int_method core::num::from_ne_bytes -> Self
int_method core::num::from_str_radix -> core::result::Result
int_method core::num::min_value -> Self
int_method core::num::max_value -> Self
int_method core::num::is_ascii
int_method core::num::is_ascii_digit
int_method core::num::is_ascii_alphabetic
int_method core::num::is_ascii_alphanumeric
int_method core::num::is_ascii_whitespace
int_method core::num::is_ascii_uppercase
int_method core::num::is_ascii_lowercase
int_method core::num::is_ascii_hexdigit
int_method core::num::to_ascii_uppercase -> Self
int_method core::num::to_ascii_lowercase -> Self
int_method core::num::eq_ignore_ascii_case
method core::primitive::f64::abs -> Self
method core::primitive::f64::sqrt -> Self
method core::primitive::f64::powi -> Self
method core::primitive::f64::powf -> Self
method core::primitive::f64::floor -> Self
method core::primitive::f64::ceil -> Self
method core::primitive::f64::round -> Self
method core::primitive::f64::trunc -> Self
method core::primitive::f64::fract -> Self
method core::primitive::f64::min -> Self
method core::primitive::f64::max -> Self
method core::primitive::f64::clamp -> Self
method core::primitive::f64::signum -> Self
method core::primitive::f64::mul_add -> Self
method core::primitive::f64::hypot -> Self
method core::primitive::f64::sin -> Self
method core::primitive::f64::cos -> Self
method core::primitive::f64::tan -> Self
method core::primitive::f64::atan2 -> Self
method core::primitive::f64::exp -> Self
method core::primitive::f64::ln -> Self
method core::primitive::f64::log10 -> Self
method core::primitive::f64::is_nan
method core::primitive::f64::is_finite
method core::primitive::f64::is_sign_negative
method core::primitive::f64::total_cmp
method core::primitive::f64::to_bits
method core::primitive::f64::from_bits -> Self
const core::primitive::f64::MAX
const core::primitive::f64::MIN
const core::primitive::f64::EPSILON
const core::primitive::f64::NAN
const core::primitive::f64::INFINITY
method core::primitive::f32::abs -> Self
method core::primitive::f32::sqrt -> Self
method core::primitive::f32::powi -> Self
method core::primitive::f32::floor -> Self
method core::primitive::f32::ceil -> Self
method core::primitive::f32::round -> Self
method core::primitive::f32::min -> Self
method core::primitive::f32::max -> Self
method core::primitive::f32::is_nan
method core::primitive::f32::to_bits
method core::primitive::f32::from_bits -> Self
const core::primitive::f32::MAX
const core::primitive::f32::MIN
const core::primitive::f32::EPSILON
`;
