// The second half of the built-in std table (syntax in std-table.ts): the APIs that libraries
// below the application level name most — pointers, memory, cells, atomics, allocation,
// formatting builders, io traits — and the common methods of Option, Result, Iterator and str.
// `fn PATH -> TYPE` gives a call's result type, so chains like `f.debug_struct(..).field(..)`
// keep resolving; `alias A = T` is a type alias whose members are T's.

export const STD_TABLE_LOW_LEVEL = `
method core::option::Option::is_some
method core::option::Option::is_none
method core::option::Option::is_some_and
method core::option::Option::unwrap
method core::option::Option::expect
method core::option::Option::unwrap_or
method core::option::Option::unwrap_or_else
method core::option::Option::unwrap_or_default
method core::option::Option::unwrap_unchecked
method core::option::Option::map -> core::option::Option
method core::option::Option::map_or
method core::option::Option::map_or_else
method core::option::Option::and_then -> core::option::Option
method core::option::Option::or -> core::option::Option
method core::option::Option::or_else -> core::option::Option
method core::option::Option::ok_or -> core::result::Result
method core::option::Option::ok_or_else -> core::result::Result
method core::option::Option::as_ref -> core::option::Option
method core::option::Option::as_mut -> core::option::Option
method core::option::Option::as_deref -> core::option::Option
method core::option::Option::take -> core::option::Option
method core::option::Option::replace -> core::option::Option
method core::option::Option::filter -> core::option::Option
method core::option::Option::cloned -> core::option::Option
method core::option::Option::copied -> core::option::Option
method core::option::Option::insert
method core::option::Option::get_or_insert_with
method core::option::Option::iter
method core::result::Result::is_ok
method core::result::Result::is_err
method core::result::Result::ok -> core::option::Option
method core::result::Result::err -> core::option::Option
method core::result::Result::unwrap
method core::result::Result::expect
method core::result::Result::unwrap_err
method core::result::Result::unwrap_or
method core::result::Result::unwrap_or_else
method core::result::Result::unwrap_or_default
method core::result::Result::map -> core::result::Result
method core::result::Result::map_err -> core::result::Result
method core::result::Result::and_then -> core::result::Result
method core::result::Result::or_else -> core::result::Result
method core::result::Result::as_ref -> core::result::Result
variant core::cmp::Ordering::Less
variant core::cmp::Ordering::Equal
variant core::cmp::Ordering::Greater
method core::cmp::Ord::max
method core::cmp::Ord::min
fn core::cmp::min
fn core::cmp::max
struct core::cmp::Reverse
method core::fmt::Debug::fmt
trait core::fmt::Write
method core::fmt::Write::write_str
method core::fmt::Write::write_char
method core::fmt::Write::write_fmt
trait core::fmt::LowerHex
trait core::fmt::UpperHex
trait core::fmt::Binary
trait core::fmt::Octal
trait core::fmt::Pointer
struct core::fmt::Arguments
struct core::fmt::Error
enum core::fmt::Alignment
variant core::fmt::Alignment::Left
variant core::fmt::Alignment::Right
variant core::fmt::Alignment::Center
struct core::fmt::DebugStruct
method core::fmt::DebugStruct::field -> core::fmt::DebugStruct
method core::fmt::DebugStruct::finish
method core::fmt::DebugStruct::finish_non_exhaustive
struct core::fmt::DebugTuple
method core::fmt::DebugTuple::field -> core::fmt::DebugTuple
method core::fmt::DebugTuple::finish
struct core::fmt::DebugList
method core::fmt::DebugList::entry -> core::fmt::DebugList
method core::fmt::DebugList::entries -> core::fmt::DebugList
method core::fmt::DebugList::finish
struct core::fmt::DebugSet
method core::fmt::DebugSet::entry -> core::fmt::DebugSet
method core::fmt::DebugSet::entries -> core::fmt::DebugSet
method core::fmt::DebugSet::finish
struct core::fmt::DebugMap
method core::fmt::DebugMap::entry -> core::fmt::DebugMap
method core::fmt::DebugMap::entries -> core::fmt::DebugMap
method core::fmt::DebugMap::finish
method core::fmt::Formatter::write_str
method core::fmt::Formatter::write_fmt
method core::fmt::Formatter::pad
method core::fmt::Formatter::pad_integral
method core::fmt::Formatter::width
method core::fmt::Formatter::precision
method core::fmt::Formatter::fill
method core::fmt::Formatter::align
method core::fmt::Formatter::alternate
method core::fmt::Formatter::sign_plus
method core::fmt::Formatter::debug_struct -> core::fmt::DebugStruct
method core::fmt::Formatter::debug_tuple -> core::fmt::DebugTuple
method core::fmt::Formatter::debug_list -> core::fmt::DebugList
method core::fmt::Formatter::debug_set -> core::fmt::DebugSet
method core::fmt::Formatter::debug_map -> core::fmt::DebugMap
method core::hash::Hash::hash
method core::hash::Hasher::write
method core::hash::Hasher::finish
trait core::hash::BuildHasher
enum core::convert::Infallible
fn core::convert::identity
method core::convert::TryFrom::try_from
method core::convert::TryInto::try_into
method core::convert::AsMut::as_mut
method core::ops::Drop::drop
type core::ops::Deref::Target
method core::ops::Deref::deref
method core::ops::DerefMut::deref_mut
method core::ops::Index::index
trait core::ops::IndexMut
method core::ops::IndexMut::index_mut
trait core::ops::Not
trait core::ops::Neg
trait core::ops::Rem
trait core::ops::BitAnd
trait core::ops::BitOr
trait core::ops::BitXor
trait core::ops::Shl
trait core::ops::Shr
trait core::ops::AddAssign
trait core::ops::SubAssign
trait core::ops::BitAndAssign
trait core::ops::BitOrAssign
trait core::ops::BitXorAssign
trait core::ops::RangeBounds
method core::ops::RangeBounds::start_bound
method core::ops::RangeBounds::end_bound
enum core::ops::Bound
variant core::ops::Bound::Included
variant core::ops::Bound::Excluded
variant core::ops::Bound::Unbounded
struct core::ops::RangeInclusive
struct core::ops::RangeFrom
struct core::ops::RangeTo
struct core::ops::RangeFull
enum core::ops::ControlFlow
type core::iter::Iterator::Item
method core::iter::Iterator::take -> core::iter::Iterator
method core::iter::Iterator::skip -> core::iter::Iterator
method core::iter::Iterator::enumerate -> core::iter::Iterator
method core::iter::Iterator::fuse -> core::iter::Iterator
method core::iter::Iterator::cloned -> core::iter::Iterator
method core::iter::Iterator::copied -> core::iter::Iterator
method core::iter::Iterator::rev -> core::iter::Iterator
method core::iter::Iterator::zip -> core::iter::Iterator
method core::iter::Iterator::chain -> core::iter::Iterator
method core::iter::Iterator::filter_map -> core::iter::Iterator
method core::iter::Iterator::flat_map -> core::iter::Iterator
method core::iter::Iterator::take_while -> core::iter::Iterator
method core::iter::Iterator::skip_while -> core::iter::Iterator
method core::iter::Iterator::step_by -> core::iter::Iterator
method core::iter::Iterator::peekable -> core::iter::Iterator
method core::iter::Iterator::inspect -> core::iter::Iterator
method core::iter::Iterator::by_ref -> core::iter::Iterator
method core::iter::Iterator::for_each
method core::iter::Iterator::any
method core::iter::Iterator::all
method core::iter::Iterator::find
method core::iter::Iterator::position
method core::iter::Iterator::last
method core::iter::Iterator::nth
method core::iter::Iterator::max
method core::iter::Iterator::min
method core::iter::Iterator::size_hint
method core::iter::DoubleEndedIterator::next_back
method core::iter::ExactSizeIterator::len
method core::iter::Extend::extend
method core::iter::FromIterator::from_iter
trait core::iter::FusedIterator
fn core::iter::repeat -> core::iter::Iterator
fn core::iter::once -> core::iter::Iterator
fn core::iter::empty -> core::iter::Iterator
fn core::iter::from_fn -> core::iter::Iterator
fn core::mem::forget
fn core::mem::size_of
fn core::mem::size_of_val
fn core::mem::align_of
fn core::mem::align_of_val
fn core::mem::needs_drop
fn core::mem::transmute
fn core::mem::transmute_copy
fn core::mem::zeroed
fn core::mem::discriminant
union core::mem::MaybeUninit
fn core::mem::MaybeUninit::new
fn core::mem::MaybeUninit::uninit
fn core::mem::MaybeUninit::zeroed
method core::mem::MaybeUninit::write
method core::mem::MaybeUninit::as_ptr -> core::ptr::const_ptr
method core::mem::MaybeUninit::as_mut_ptr -> core::ptr::mut_ptr
method core::mem::MaybeUninit::assume_init
method core::mem::MaybeUninit::assume_init_ref
method core::mem::MaybeUninit::assume_init_mut
method core::mem::MaybeUninit::assume_init_read
struct core::mem::ManuallyDrop
fn core::mem::ManuallyDrop::new
fn core::mem::ManuallyDrop::into_inner
fn core::mem::ManuallyDrop::drop
fn core::mem::ManuallyDrop::take
mod core::ptr
struct core::ptr::NonNull
fn core::ptr::NonNull::new -> core::option::Option
fn core::ptr::NonNull::new_unchecked -> core::ptr::NonNull
fn core::ptr::NonNull::dangling -> core::ptr::NonNull
method core::ptr::NonNull::as_ptr -> core::ptr::mut_ptr
method core::ptr::NonNull::as_ref
method core::ptr::NonNull::as_mut
method core::ptr::NonNull::cast -> core::ptr::NonNull
method core::ptr::NonNull::add -> core::ptr::NonNull
fn core::ptr::null -> core::ptr::const_ptr
fn core::ptr::null_mut -> core::ptr::mut_ptr
fn core::ptr::copy
fn core::ptr::copy_nonoverlapping
fn core::ptr::read
fn core::ptr::read_unaligned
fn core::ptr::write
fn core::ptr::write_unaligned
fn core::ptr::write_bytes
fn core::ptr::drop_in_place
fn core::ptr::swap
fn core::ptr::eq
fn core::ptr::slice_from_raw_parts -> core::ptr::const_ptr
fn core::ptr::slice_from_raw_parts_mut -> core::ptr::mut_ptr
macro core::ptr::addr_of -> core::ptr::const_ptr
macro core::ptr::addr_of_mut -> core::ptr::mut_ptr
mod core::cell
struct core::cell::Cell
fn core::cell::Cell::new -> core::cell::Cell
method core::cell::Cell::get
method core::cell::Cell::set
method core::cell::Cell::take
method core::cell::Cell::replace
method core::cell::Cell::get_mut
method core::cell::Cell::into_inner
struct core::cell::UnsafeCell
fn core::cell::UnsafeCell::new -> core::cell::UnsafeCell
fn core::cell::UnsafeCell::raw_get -> core::ptr::mut_ptr
method core::cell::UnsafeCell::get -> core::ptr::mut_ptr
method core::cell::UnsafeCell::get_mut
method core::cell::UnsafeCell::into_inner
struct core::cell::RefCell
fn core::cell::RefCell::new -> core::cell::RefCell
method core::cell::RefCell::borrow
method core::cell::RefCell::borrow_mut
method core::cell::RefCell::into_inner
struct core::cell::OnceCell
mod core::sync
mod core::sync::atomic
enum core::sync::atomic::Ordering
variant core::sync::atomic::Ordering::Relaxed
variant core::sync::atomic::Ordering::Release
variant core::sync::atomic::Ordering::Acquire
variant core::sync::atomic::Ordering::AcqRel
variant core::sync::atomic::Ordering::SeqCst
fn core::sync::atomic::fence
struct core::sync::atomic::Atomic
fn core::sync::atomic::Atomic::new
method core::sync::atomic::Atomic::load
method core::sync::atomic::Atomic::store
method core::sync::atomic::Atomic::swap
method core::sync::atomic::Atomic::compare_exchange
method core::sync::atomic::Atomic::compare_exchange_weak
method core::sync::atomic::Atomic::fetch_add
method core::sync::atomic::Atomic::fetch_sub
method core::sync::atomic::Atomic::fetch_and
method core::sync::atomic::Atomic::fetch_or
method core::sync::atomic::Atomic::fetch_update
method core::sync::atomic::Atomic::get_mut
method core::sync::atomic::Atomic::into_inner
alias core::sync::atomic::AtomicBool = core::sync::atomic::Atomic
alias core::sync::atomic::AtomicPtr = core::sync::atomic::Atomic
alias core::sync::atomic::AtomicUsize = core::sync::atomic::Atomic
alias core::sync::atomic::AtomicIsize = core::sync::atomic::Atomic
alias core::sync::atomic::AtomicU8 = core::sync::atomic::Atomic
alias core::sync::atomic::AtomicU16 = core::sync::atomic::Atomic
alias core::sync::atomic::AtomicU32 = core::sync::atomic::Atomic
alias core::sync::atomic::AtomicU64 = core::sync::atomic::Atomic
alias core::sync::atomic::AtomicI32 = core::sync::atomic::Atomic
alias core::sync::atomic::AtomicI64 = core::sync::atomic::Atomic
mod core::num
struct core::num::NonZero
fn core::num::NonZero::new -> core::option::Option
fn core::num::NonZero::new_unchecked -> core::num::NonZero
method core::num::NonZero::get
method core::num::NonZero::leading_zeros
method core::num::NonZero::trailing_zeros
alias core::num::NonZeroUsize = core::num::NonZero
alias core::num::NonZeroU8 = core::num::NonZero
alias core::num::NonZeroU16 = core::num::NonZero
alias core::num::NonZeroU32 = core::num::NonZero
alias core::num::NonZeroU64 = core::num::NonZero
alias core::num::NonZeroU128 = core::num::NonZero
alias core::num::NonZeroIsize = core::num::NonZero
alias core::num::NonZeroI32 = core::num::NonZero
alias core::num::NonZeroI64 = core::num::NonZero
struct core::num::ParseIntError
struct core::num::Wrapping
mod core::str
trait core::str::FromStr
method core::str::FromStr::from_str
fn core::str::from_utf8 -> core::result::Result
fn core::str::from_utf8_unchecked -> core::primitive::str
struct core::str::Utf8Error
struct core::str::Chars
mod core::slice
fn core::slice::from_raw_parts -> core::primitive::slice
fn core::slice::from_raw_parts_mut -> core::primitive::slice
struct core::slice::Iter
method core::slice::Iter::as_slice
struct core::slice::IterMut
mod core::alloc
struct core::alloc::Layout
fn core::alloc::Layout::new -> core::alloc::Layout
fn core::alloc::Layout::from_size_align -> core::result::Result
fn core::alloc::Layout::from_size_align_unchecked -> core::alloc::Layout
fn core::alloc::Layout::array -> core::result::Result
method core::alloc::Layout::size
method core::alloc::Layout::align
struct core::alloc::LayoutError
trait core::alloc::GlobalAlloc
mod core::panic
trait core::panic::UnwindSafe
trait core::panic::RefUnwindSafe
struct core::panic::Location
fn core::panic::Location::caller -> core::panic::Location
method core::panic::Location::file
method core::panic::Location::line
method core::panic::Location::column
struct core::panic::AssertUnwindSafe
mod core::error
trait core::error::Error
method core::error::Error::source
method core::error::Error::description
method core::error::Error::cause
mod core::hint
fn core::hint::unreachable_unchecked
fn core::hint::spin_loop
fn core::hint::black_box
mod core::any
trait core::any::Any
struct core::any::TypeId
fn core::any::type_name
mod core::borrow
trait core::borrow::Borrow
method core::borrow::Borrow::borrow
trait core::borrow::BorrowMut
method core::borrow::BorrowMut::borrow_mut
mod core::ffi
struct core::ffi::CStr
mod core::time
struct core::time::Duration
macro core::module_path
macro core::compile_error
macro core::option_env
macro core::include
method alloc::vec::Vec::as_ptr -> core::ptr::const_ptr
method alloc::vec::Vec::as_mut_ptr -> core::ptr::mut_ptr
method alloc::vec::Vec::as_slice -> core::primitive::slice
method alloc::vec::Vec::capacity
method alloc::vec::Vec::is_empty
method alloc::vec::Vec::set_len
method alloc::vec::Vec::reserve
method alloc::vec::Vec::reserve_exact
method alloc::vec::Vec::pop -> core::option::Option
method alloc::vec::Vec::clear
method alloc::vec::Vec::truncate
method alloc::vec::Vec::insert
method alloc::vec::Vec::remove
method alloc::vec::Vec::extend_from_slice
method alloc::vec::Vec::drain -> core::iter::Iterator
method alloc::vec::Vec::into_boxed_slice
fn alloc::vec::Vec::from_raw_parts -> alloc::vec::Vec
method alloc::string::String::as_str -> core::primitive::str
method alloc::string::String::len
method alloc::string::String::is_empty
method alloc::string::String::push
method alloc::string::String::capacity
method alloc::string::String::clear
method alloc::string::String::into_bytes
fn alloc::string::String::with_capacity -> alloc::string::String
fn alloc::boxed::Box::into_raw -> core::ptr::mut_ptr
fn alloc::boxed::Box::from_raw -> alloc::boxed::Box
fn alloc::boxed::Box::leak
fn alloc::boxed::Box::pin
mod alloc::alloc
fn alloc::alloc::alloc -> core::ptr::mut_ptr
fn alloc::alloc::alloc_zeroed -> core::ptr::mut_ptr
fn alloc::alloc::dealloc
fn alloc::alloc::realloc -> core::ptr::mut_ptr
fn alloc::alloc::handle_alloc_error
reexport alloc::alloc::Layout = core::alloc::Layout
reexport alloc::alloc::GlobalAlloc = core::alloc::GlobalAlloc
reexport alloc::borrow::Borrow = core::borrow::Borrow
reexport alloc::borrow::BorrowMut = core::borrow::BorrowMut
struct alloc::rc::Weak
struct alloc::sync::Weak
method core::primitive::str::len
method core::primitive::str::is_empty
method core::primitive::str::as_bytes -> core::primitive::slice
method core::primitive::str::as_ptr -> core::ptr::const_ptr
method core::primitive::str::chars -> core::iter::Iterator
method core::primitive::str::char_indices -> core::iter::Iterator
method core::primitive::str::bytes -> core::iter::Iterator
method core::primitive::str::lines -> core::iter::Iterator
method core::primitive::str::split -> core::iter::Iterator
method core::primitive::str::splitn -> core::iter::Iterator
method core::primitive::str::rsplit -> core::iter::Iterator
method core::primitive::str::split_whitespace -> core::iter::Iterator
method core::primitive::str::split_at
method core::primitive::str::starts_with
method core::primitive::str::ends_with
method core::primitive::str::contains
method core::primitive::str::find -> core::option::Option
method core::primitive::str::rfind -> core::option::Option
method core::primitive::str::strip_prefix -> core::option::Option
method core::primitive::str::strip_suffix -> core::option::Option
method core::primitive::str::trim -> core::primitive::str
method core::primitive::str::trim_start -> core::primitive::str
method core::primitive::str::trim_end -> core::primitive::str
method core::primitive::str::trim_matches -> core::primitive::str
method core::primitive::str::trim_start_matches -> core::primitive::str
method core::primitive::str::trim_end_matches -> core::primitive::str
method core::primitive::str::parse -> core::result::Result
method core::primitive::str::get -> core::option::Option
method core::primitive::str::is_char_boundary
method core::primitive::str::eq_ignore_ascii_case
method core::primitive::str::to_lowercase -> alloc::string::String
method core::primitive::str::to_uppercase -> alloc::string::String
method core::primitive::str::replace -> alloc::string::String
method core::primitive::str::repeat -> alloc::string::String
impl core::primitive::str core::convert::AsRef
impl core::primitive::str alloc::string::ToString
impl core::primitive::str alloc::borrow::ToOwned
impl core::primitive::u8 core::convert::From
impl core::primitive::u16 core::convert::From
impl core::primitive::u32 core::convert::From
impl core::primitive::u64 core::convert::From
impl core::primitive::u128 core::convert::From
impl core::primitive::usize core::convert::From
impl core::primitive::i8 core::convert::From
impl core::primitive::i16 core::convert::From
impl core::primitive::i32 core::convert::From
impl core::primitive::i64 core::convert::From
impl core::primitive::i128 core::convert::From
impl core::primitive::isize core::convert::From
impl core::primitive::f32 core::convert::From
impl core::primitive::f64 core::convert::From
impl core::primitive::usize core::convert::TryFrom
impl core::primitive::u32 core::convert::TryFrom
impl core::primitive::u64 core::convert::TryFrom
impl core::primitive::u8 core::convert::TryFrom
impl core::primitive::usize core::str::FromStr
impl core::primitive::u64 core::str::FromStr
impl core::primitive::u32 core::str::FromStr
impl core::primitive::i64 core::str::FromStr
impl core::primitive::f64 core::str::FromStr
impl core::primitive::bool core::str::FromStr
impl alloc::string::String core::str::FromStr
impl core::primitive::usize core::default::Default
impl core::primitive::u64 core::default::Default
impl core::primitive::u32 core::default::Default
impl core::primitive::bool core::default::Default
trait std::io::Read
method std::io::Read::read
method std::io::Read::read_exact
method std::io::Read::read_to_end
method std::io::Read::read_to_string
trait std::io::Write
method std::io::Write::write
method std::io::Write::write_all
method std::io::Write::write_fmt
method std::io::Write::flush
trait std::io::BufRead
method std::io::BufRead::fill_buf
method std::io::BufRead::consume
method std::io::BufRead::read_line
method std::io::BufRead::lines -> core::iter::Iterator
trait std::io::Seek
struct std::io::Error
enum std::io::ErrorKind
alias std::io::Result = core::result::Result
fn std::io::stdin
fn std::io::stdout
fn std::io::stderr
reexport std::error = core::error
reexport std::ptr = core::ptr
reexport std::cell = core::cell
reexport std::num = core::num
reexport std::str = core::str
reexport std::slice = core::slice
reexport std::hint = core::hint
reexport std::any = core::any
mod std::alloc
reexport std::alloc::Layout = core::alloc::Layout
reexport std::alloc::GlobalAlloc = core::alloc::GlobalAlloc
reexport std::alloc::alloc = alloc::alloc::alloc
reexport std::alloc::alloc_zeroed = alloc::alloc::alloc_zeroed
reexport std::alloc::dealloc = alloc::alloc::dealloc
reexport std::alloc::realloc = alloc::alloc::realloc
reexport std::alloc::handle_alloc_error = alloc::alloc::handle_alloc_error
mod std::sync
reexport std::sync::Arc = alloc::sync::Arc
reexport std::sync::Weak = alloc::sync::Weak
reexport std::sync::atomic = core::sync::atomic
struct std::sync::Mutex
method std::sync::Mutex::lock
struct std::sync::RwLock
method std::sync::RwLock::read
method std::sync::RwLock::write
struct std::sync::Once
method std::sync::Once::call_once
struct std::sync::OnceLock
struct std::sync::Condvar
mod std::panic
reexport std::panic::UnwindSafe = core::panic::UnwindSafe
reexport std::panic::RefUnwindSafe = core::panic::RefUnwindSafe
reexport std::panic::Location = core::panic::Location
reexport std::panic::AssertUnwindSafe = core::panic::AssertUnwindSafe
fn std::panic::catch_unwind
fn std::panic::resume_unwind
struct std::thread::Thread
method std::thread::Thread::id
method std::thread::Thread::name
method std::thread::Thread::unpark
struct std::thread::JoinHandle
method std::thread::JoinHandle::join
fn std::thread::spawn -> std::thread::JoinHandle
fn std::thread::current -> std::thread::Thread
fn std::thread::park
fn std::thread::sleep
fn std::thread::yield_now
mod std::ffi
struct std::ffi::OsStr
struct std::ffi::OsString
struct std::ffi::CString
reexport std::ffi::CStr = core::ffi::CStr
mod std::time
reexport std::time::Duration = core::time::Duration
struct std::time::Instant
fn std::process::exit
fn std::process::abort
fn std::env::args
fn std::env::var
reexport std::module_path = core::module_path
reexport std::compile_error = core::compile_error
reexport std::option_env = core::option_env
reexport std::include = core::include
`;
