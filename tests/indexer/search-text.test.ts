// The string helpers of symbol search: queries, word starts, typo distance, what a def sits in.
import { describe, expect, it } from 'vitest';
import {
  editDistance, parentNames, parseQuery, pathIdentifiers, QualifierMatcher, startsInnerWord,
} from '../../indexer/src/search-text.js';

describe('parseQuery', () => {
  it('splits a path into qualifiers and the name, dropping empty segments', () => {
    expect(parseQuery(' HashMap::ins ')).toEqual({ name: 'ins', qualifiers: ['HashMap'] });
    expect(parseQuery('::std::collections::HashMap::')).toEqual({ name: 'HashMap', qualifiers: ['std', 'collections'] });
    expect(parseQuery('insert')).toEqual({ name: 'insert', qualifiers: [] });
    expect(parseQuery(' :: ')).toBeUndefined();
  });
});

describe('startsInnerWord', () => {
  it('finds words after underscores and at capitals, never the first word', () => {
    expect(startsInnerWord('insert_with_key', 'with')).toBe(true);
    expect(startsInnerWord('insert_with_key', 'with_k')).toBe(true);
    expect(startsInnerWord('insert_with_key', 'key')).toBe(true);
    expect(startsInnerWord('insert_with_key', 'insert')).toBe(false);
    expect(startsInnerWord('insert_with_key', 'ith')).toBe(false);
    expect(startsInnerWord('HashMap', 'map')).toBe(true);
    expect(startsInnerWord('IOError', 'error')).toBe(true);
    expect(startsInnerWord('IOError', 'oerror')).toBe(false);
    expect(startsInnerWord('Utf8Error', 'error')).toBe(true);
    expect(startsInnerWord('__rust_alloc', 'rust')).toBe(true);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps, up to a bound', () => {
    expect(editDistance('insert', 'insert', 2)).toBe(0);
    expect(editDistance('insrt', 'insert', 2)).toBe(1);
    expect(editDistance('isnert', 'insert', 2)).toBe(1);
    expect(editDistance('inzert', 'insert', 2)).toBe(1);
    expect(editDistance('hashmpa', 'hashmap', 2)).toBe(1);
    expect(editDistance('hsahmpa', 'hashmap', 2)).toBe(2);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('parentNames', () => {
  it('names the type, module or trait a def sits in, both sides of a trait impl', () => {
    expect(parentNames('std::collections::hash::map::HashMap::insert')).toEqual(['HashMap']);
    expect(parentNames('dep::HashMap')).toEqual(['dep']);
    expect(parentNames('<alloc::vec::Vec<T, A> as core::fmt::Debug>::fmt')).toEqual(['Vec', 'Debug']);
    expect(parentNames('<a::X<<T as b::Tr>::Out> as c::Into<d::Y>>::into')).toEqual(['X', 'Into']);
    expect(parentNames('core::any::dyn Any::is')).toEqual(['Any']);
    expect(parentNames('<[T]>::len')).toEqual([]);
    expect(parentNames('std')).toEqual([]);
  });
});

describe('QualifierMatcher', () => {
  const path = 'std::collections::hash::map::HashMap::insert';
  const score = (qualifiers: string[], qualname = path) => new QualifierMatcher(qualifiers).score(qualname, 'insert');

  it('wants the last qualifier on what the def sits in and the others in order along the path', () => {
    expect(pathIdentifiers(path, 'insert')).toEqual(['std', 'collections', 'hash', 'map', 'HashMap']);
    expect(score([])).toBe(0);
    expect(score(['HashMap'])).toBe(0);
    expect(score(['collections', 'HashMap'])).toBe(0);
    expect(score(['Hash'])).toBe(1);
    expect(score(['colections', 'HashMpa'])).toBe(2);
    expect(score(['map'])).toBeUndefined();
    expect(score(['HashMap', 'std'])).toBeUndefined();
    expect(score(['hash', 'collections', 'HashMap'])).toBeUndefined();
    expect(score(['Debug'], '<std::collections::hash::map::HashMap<K, V> as core::fmt::Debug>::insert')).toBe(0);
    expect(new QualifierMatcher(['HashMpa']).fitsParent('HashMap')).toBe(true);
    expect(new QualifierMatcher(['HashMpa']).fitsParent('BTreeMap')).toBe(false);
  });
});
