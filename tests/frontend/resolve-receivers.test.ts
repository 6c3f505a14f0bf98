// Receiver types and paths inside bodies, checked against what rustc links for the fixture
// data/resolve/receivers (the oracle agrees on every link of it): builtin types of std, Deref,
// casts, blocks, nested fns, qualified and assoc-type paths, cfg'd statements and match arms.
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFixture, refsAt, type Fixture } from './resolve-fixture.js';

const CORE = 'cargo core 0.0.0';
const OWN = 'cargo receivers 0.1.0';

let f: Fixture;
beforeAll(async () => {
  f = await analyzeFixture('receivers');
});

/** The one target of the ref at `needle`, which must not be a list of candidates. */
function target(needle: string, nth = 0): string | undefined {
  const refs = refsAt(f, needle, nth);
  expect(refs, `a ref at '${needle}'`).toHaveLength(1);
  return refs[0].target;
}

/** Ids of the defs named `name`, in source order. */
function defIds(name: string): string[] {
  return f.defs.filter((d) => d.name === name).map((d) => d.id);
}

describe('methods of slices and arrays', () => {
  it('resolves a method on a slice, and on what it returns', () => {
    expect(target('first();')).toBe(`${CORE} primitive/slice#first().`);
    expect(target('is_some()')).toBe(`${CORE} option/Option#is_some().`);
  });

  it('reaches slice methods from an array, a Vec and a type whose Deref target is a slice', () => {
    expect(target('len();\n    let m')).toBe(`${CORE} primitive/slice#len().`);
    expect(target('last()')).toBe(`${CORE} primitive/slice#last().`);
    expect(target('len();\n    n + m')).toBe(`${CORE} primitive/slice#len().`);
  });
});

describe('impls for builtin types', () => {
  it('gives a slice the items of a trait impl for [T], and the impl a slice as Self', () => {
    expect(target('total()')).toBe(`${OWN} impl#[[u8]][Total]total().`);
    expect(target('iter().map(|b|')).toBe(`${CORE} primitive/slice#iter().`);
  });
});

describe('methods of raw pointers', () => {
  it('tells *const from *mut and keeps the pointer type through add', () => {
    expect(target('add(len)')).toBe(`${CORE} ptr/const_ptr#add().`);
    expect(target('add(1).write')).toBe(`${CORE} ptr/mut_ptr#add().`);
    expect(target('write(src')).toBe(`${CORE} ptr/mut_ptr#write().`);
    expect(target('read())')).toBe(`${CORE} ptr/const_ptr#read().`);
  });

  it('resolves a qualified path on a pointer type and a method on a block', () => {
    expect(refsAt(f, 'cast_const(out)')).toEqual([expect.objectContaining({ role: 'call', target: `${CORE} ptr/mut_ptr#cast_const().` })]);
    expect(target('cast_const();')).toBe(`${CORE} ptr/mut_ptr#cast_const().`);
    expect(target('is_null()')).toBe(`${CORE} ptr/const_ptr#is_null().`);
  });

  it('keeps every same-named method as a candidate when the receiver type is unknown', () => {
    // `*back` is the pointee of a raw pointer, whose type the walk does not know.
    const [ref] = refsAt(f, 'wrapping_add(*shifted)');
    expect(ref.target).toBeUndefined();
    expect(ref.candidates).toContain(`${CORE} num/wrapping_add().`);
  });
});

describe('methods and constants of numbers', () => {
  it('names integer items after core::num, shared by every integer type', () => {
    expect(target('wrapping_add(1)')).toBe(`${CORE} num/wrapping_add().`);
    expect(target('leading_zeros')).toBe(`${CORE} num/leading_zeros().`);
    expect(target('checked_add')).toBe(`${CORE} num/checked_add().`);
    expect(target('MAX)')).toBe(`${CORE} num/MAX.`);
    expect(target('unwrap_or(')).toBe(`${CORE} option/Option#unwrap_or().`);
  });

  it('names float methods after the float type', () => {
    expect(target('sqrt')).toBe(`${CORE} primitive/f64#sqrt().`);
  });
});

describe('nested fns', () => {
  it('resolves the call, its return type before the declaration, and the nested params', () => {
    const [helper] = defIds('helper');
    expect(helper).toMatch(/nested\(\)\.\$helper@\d+$/);
    expect(target('helper(limit)')).toBe(helper);
    expect(target('pow(2)')).toBe(`${CORE} num/pow().`);
    const [v] = defIds('v');
    expect(target('v.wrapping_mul')).toBe(v);
    expect(target('wrapping_mul')).toBe(`${CORE} num/wrapping_mul().`);
    expect(target('u8) -> u8 {\n        let')).toBe(`${CORE} primitive/u8#`);
  });
});

describe('paths through types and traits', () => {
  it('reaches the bound trait of an assoc type and the trait of a qualified path', () => {
    expect(target('EMPTY\n')).toBe(`${OWN} Bits#EMPTY.`);
    expect(refsAt(f, 'names().first')).toEqual([expect.objectContaining({ role: 'call', target: `${OWN} Flags#names().` })]);
    expect(target('first().copied')).toBe(`${CORE} primitive/slice#first().`);
  });

  it('reaches items through supertraits of supertraits, of the crate and of std', () => {
    expect(target('Unit;\n}\n\nconst')).toBe(`${OWN} Base#Unit#`);
    expect(target('Item> {')).toBe(`${CORE} iter/Iterator#Item#`);
    expect(target('next_back')).toBe(`${CORE} iter/DoubleEndedIterator#next_back().`);
  });

  it('lets a where clause of a method bound a param of its impl', () => {
    expect(target('default()')).toBe(`${CORE} default/Default#default().`);
  });

  it('resolves variants through a std type alias, and a primitive hidden by a module of its name', () => {
    expect(target('Ok(())')).toBe(`${CORE} result/Result#Ok.`);
    expect(target('str, flag')).toBe(`${CORE} primitive/str#`);
  });
});

describe('statements and scopes', () => {
  it('skips a statement whose cfg is false and scopes match bindings to their arm', () => {
    const widths = defIds('width');
    expect(widths).toHaveLength(2);
    expect(target('width + lines')).toBe(widths[0]);
    expect(target('width as usize')).toBe(widths[1]);
  });

  it('takes an unsafe block in a match scrutinee for an expression, not the arms', () => {
    const [other] = defIds('other');
    expect(target('other as usize')).toBe(other);
    expect(target('read() }')).toBe(`${CORE} ptr/const_ptr#read().`);
  });

  it('reads a const block in a turbofish as values and leaves nothing of the fixture unresolved', () => {
    expect(target('LIMIT + 1')).toBe(`${OWN} LIMIT.`);
    // `&mut v` and `Vec<_>` name nothing: no ref may be left unresolved in the whole file.
    expect(f.refs.filter((r) => r.unresolved !== undefined)).toEqual([]);
  });

  it('types what vec! makes', () => {
    expect(target('push(width)')).toBe('cargo alloc 0.0.0 vec/Vec#push().');
  });

  it('links a macro path as a whole and reads every turbofish type, array types too', () => {
    expect(refsAt(f, 'core::ptr::addr_of')).toEqual([
      expect.objectContaining({ text: 'core::ptr::addr_of', role: 'macro', target: `${CORE} ptr/addr_of!` }),
    ]);
    expect(target('ptr::addr_of')).toBe(`${CORE} ptr/`);
    expect(target('i8; 4]>')).toBe(`${CORE} primitive/i8#`);
  });
});
