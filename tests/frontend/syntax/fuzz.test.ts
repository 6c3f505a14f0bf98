// Property test: realistic sources with tokens deleted, duplicated, swapped or delimiters
// inserted (seeded PRNG). parseFile must never throw, must finish quickly, and every span and
// token range it returns must lie inside the file and inside its parent item.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lex, type TokenStream } from '../../../frontend/src/syntax/lexer.js';
import { parseFile } from '../../../frontend/src/syntax/parse.js';
import type { Item, ParsedFile, Range, TokenRange } from '../../../frontend/src/syntax/ast.js';
import { SAMPLE_RS } from './sample.js';
import { prng, rustFiles } from '../../support/random.js';
import { mutatedCase } from '../../support/mutate.js';

const EXAMPLE_DIR = new URL('../../../data/example', import.meta.url).pathname;
const CASES = 360;
const TIME_BOUND_MS = 500;


const SOURCES: Array<[string, Uint8Array]> = [
  ['sample', new TextEncoder().encode(SAMPLE_RS)],
  ...rustFiles(EXAMPLE_DIR).map((f): [string, Uint8Array] => [f, readFileSync(f)]),
];


const INSERTS = ['{', '}', '(', ')', '[', ']', '<', '>', ';', ',', '#', '!', 'fn', '::', '"', "'", '/*'];

function checkInside(what: string, [a, b]: Range | TokenRange, lo: number, hi: number): void {
  if (!(lo <= a && a <= b && b <= hi)) throw new Error(`${what} [${a}, ${b}] outside [${lo}, ${hi}]`);
}

function checkItems(ts: TokenStream, items: Item[], parent: TokenRange, len: number): void {
  for (const item of items) {
    checkInside(`${item.kind} tokens`, item.tokens, parent[0], parent[1]);
    checkInside(`${item.kind} span`, item.span, 0, len);
    if (item.tokens[1] > item.tokens[0]) {
      expect(item.span).toEqual([ts.starts[item.tokens[0]], ts.ends[item.tokens[1] - 1]]);
    }
    if ('name' in item && item.name) checkInside(`${item.kind} name`, item.name.span, item.span[0], item.span[1]);
    for (const a of item.attrs) checkInside('attribute', a.span, item.span[0], item.span[1]);
    if ('items' in item && item.items) checkItems(ts, item.items, item.tokens, len);
  }
}

function checkFile(ts: TokenStream, file: ParsedFile): void {
  checkItems(ts, file.items, [0, ts.count], ts.src.length);
  for (const e of file.errors) checkInside('error', [e.offset, e.offset], 0, ts.src.length);
}

describe('parser robustness', () => {
  it('parses the unmutated sources without errors', () => {
    expect(SOURCES.length).toBeGreaterThan(1);
    for (const [name, src] of SOURCES) {
      const ts = lex(src);
      const file = parseFile(ts);
      expect({ name, errors: file.errors }).toEqual({ name, errors: [] });
      checkFile(ts, file);
    }
  });

  it('finds every item kind in the sample', () => {
    const kinds = new Set<string>();
    const walk = (items: Item[]) => items.forEach((i) => { kinds.add(i.kind); if ('items' in i && i.items) walk(i.items); });
    walk(parseFile(lex(new TextEncoder().encode(SAMPLE_RS))).items);
    expect([...kinds].sort()).toEqual([
      'const', 'enum', 'extern_block', 'extern_crate', 'fn', 'impl', 'macro_call', 'macro_rules', 'mod', 'static',
      'struct', 'trait', 'type', 'union', 'use',
    ]);
  });

  it(`survives ${CASES} mutated sources`, () => {
    const rand = prng(0x5eed);
    let withErrors = 0;
    for (let c = 0; c < CASES; c++) {
      const [name, src] = mutatedCase(SOURCES, c, rand, INSERTS);
      const started = performance.now();
      const ts = lex(src);
      let file: ParsedFile;
      try {
        file = parseFile(ts);
      } catch (e) {
        throw new Error(`case ${c} (${name}) threw: ${(e as Error).stack}\n--- source ---\n${new TextDecoder().decode(src)}`);
      }
      expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
      checkFile(ts, file);
      if (file.errors.length > 0) withErrors++;
    }
    // Most mutations break something: the test would be vacuous if they never did.
    expect(withErrors).toBeGreaterThan(CASES / 4);
  });
});
