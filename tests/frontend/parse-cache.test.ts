// The item cache: what a re-parse after an edit reuses, what it must not reuse, and its budget.
import { describe, expect, it } from 'vitest';
import { lex } from '../../frontend/src/syntax/lexer.js';
import { parseFile } from '../../frontend/src/syntax/parse.js';
import { ItemCache } from '../../frontend/src/syntax/item-cache.js';
import { relocateItem } from '../../frontend/src/syntax/relocate.js';
import type { Item, ParsedFile } from '../../frontend/src/syntax/ast.js';
import { SAMPLE_RS } from './syntax/sample.js';

const encode = (text: string) => new TextEncoder().encode(text);

function parse(text: string, cache?: ItemCache): ParsedFile {
  return parseFile(lex(encode(text)), { cache });
}

/** What `run` did to the cache's counters. */
function counted(cache: ItemCache, run: () => void): { hits: number; misses: number } {
  const before = cache.stats();
  run();
  const after = cache.stats();
  return { hits: after.hits - before.hits, misses: after.misses - before.misses };
}

const SHAPES = `use std::fmt;

/// A circle.
pub struct Circle {
    radius: f64,
}

impl Circle {
    pub fn new(radius: f64) -> Self {
        Circle { radius }
    }

    pub fn area(&self) -> f64 {
        let r = self.radius;
        std::f64::consts::PI * r * r
    }

    pub fn scale(&mut self, by: f64) {
        self.radius *= by;
    }
}

impl fmt::Display for Circle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "circle({})", self.radius)
    }
}

pub const UNIT: Circle = Circle { radius: 1.0 };
`;

describe('re-parsing with a warm cache', () => {
  it('reuses every item of an unchanged file', () => {
    const cache = new ItemCache();
    parse(SHAPES, cache);
    let again: ParsedFile | undefined;
    expect(counted(cache, () => { again = parse(SHAPES, cache); })).toEqual({ hits: 5, misses: 0 });
    expect(again).toStrictEqual(parse(SHAPES));
  });

  it('parses only the impl and the fn whose body changed, and moves the items below', () => {
    const cache = new ItemCache();
    parse(SHAPES, cache);
    const edited = SHAPES.replace('let r = self.radius;', 'let r = self.radius;\n        let unused = 2;');
    let warm: ParsedFile | undefined;
    // Top level: use, struct, Display impl, const hit; the impl misses. Inside it: new and
    // scale hit, area misses.
    expect(counted(cache, () => { warm = parse(edited, cache); })).toEqual({ hits: 6, misses: 2 });
    const cold = parse(edited);
    expect(warm).toStrictEqual(cold);
    const unit = cold.items[4];
    expect(unit.span[0]).toBe(encode(edited).length - encode('pub const UNIT: Circle = Circle { radius: 1.0 };\n').length);
  });

  it('moves an item by the bytes and tokens inserted above it', () => {
    const cache = new ItemCache();
    const original = parse(SHAPES, cache);
    const prefix = 'const EXTRA: u8 = 1; // and a comment\n';
    const shifted = parse(prefix + SHAPES, cache);
    expect(shifted.items.slice(1)).toStrictEqual(
      original.items.map((item) => relocateItem(item, encode(prefix).length, lex(encode(prefix)).count)),
    );
    expect(shifted).toStrictEqual(parse(prefix + SHAPES));
  });

  it('does not keep items with syntax errors', () => {
    const broken = 'fn good() {}\nfn bad(x: ) {}\nstruct Also;\n';
    const cache = new ItemCache();
    const first = parse(broken, cache);
    expect(first.errors).toHaveLength(1);
    let second: ParsedFile | undefined;
    expect(counted(cache, () => { second = parse(broken, cache); })).toEqual({ hits: 2, misses: 1 });
    expect(second).toStrictEqual(first);
  });

  it('does not reuse an item whose first line moved to another column', () => {
    // Inside the mod, a line starting with an item keyword at or left of the const's column
    // ends the const: indenting the mod's first line moves the const right of `unsafe`.
    const item = 'mod m { const X: u8 =\n                    unsafe { f() }; }\n';
    const indented = `fn a() {}\n                ${item}`;
    const cache = new ItemCache();
    expect(parse(`fn a() {}\n${item}`, cache).errors).toEqual([]);
    const cold = parse(indented);
    expect(cold.errors.length).toBeGreaterThan(0);
    expect(parse(indented, cache)).toStrictEqual(cold);
  });

  it('returns copies: changing a parsed item does not change the cache', () => {
    const cache = new ItemCache();
    const rename = (file: ParsedFile) => { (file.items[1] as Extract<Item, { kind: 'struct' | 'union' }>).name.text = 'Changed'; };
    rename(parse(SHAPES, cache));
    rename(parse(SHAPES, cache));
    expect(parse(SHAPES, cache)).toStrictEqual(parse(SHAPES));
  });
});

describe('cache budget', () => {
  it('evicts the least recently used items to stay within its budget', () => {
    const sample = SAMPLE_RS;
    const probe = new ItemCache();
    parse(sample, probe);
    // Room for the sample's items and not much more.
    const cache = new ItemCache({ budgetBytes: probe.stats().bytes + 1000 });
    parse(sample, cache);
    parse(SHAPES, cache);
    expect(cache.stats().evicted).toBeGreaterThan(0);
    expect(cache.stats().bytes).toBeLessThanOrEqual(probe.stats().bytes + 1000);
    // SHAPES went in last, so its items are still there; some of the sample's are gone.
    expect(counted(cache, () => parse(SHAPES, cache)).misses).toBe(0);
    expect(counted(cache, () => parse(sample, cache)).misses).toBeGreaterThan(0);
  });
});

describe('relocateItem', () => {
  it('throws on a number field it does not know, instead of leaving it unmoved', () => {
    const item = parse(SHAPES).items[1];
    const withNewField = { ...item, nameTokens: [3, 4] } as unknown as Item;
    expect(() => relocateItem(withNewField, 10, 2)).toThrow(/'nameTokens'/);
  });

  it('moves byte ranges by the byte delta and token ranges by the token delta', () => {
    const fn = parse('fn f(x: [u8; 4]) -> Vec<u8> { vec![] }').items[0] as Extract<Item, { kind: 'fn' }>;
    const moved = relocateItem(fn, 100, 10) as typeof fn;
    expect(moved.span).toEqual([fn.span[0] + 100, fn.span[1] + 100]);
    expect(moved.name.span).toEqual([fn.name.span[0] + 100, fn.name.span[1] + 100]);
    expect(moved.tokens).toEqual([fn.tokens[0] + 10, fn.tokens[1] + 10]);
    expect(moved.body).toEqual([fn.body![0] + 10, fn.body![1] + 10]);
    expect(moved.params[0].pattern).toEqual([fn.params[0].pattern[0] + 10, fn.params[0].pattern[1] + 10]);
    const array = fn.params[0].type as Extract<typeof fn.params[0]['type'], { kind: 'array' }>;
    expect((moved.params[0].type as typeof array).len).toEqual([array.len[0] + 10, array.len[1] + 10]);
    expect(fn.span[0]).toBe(0);
  });
});
