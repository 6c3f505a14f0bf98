// Property test for the body parser: realistic files with tokens deleted, duplicated, swapped
// or replaced by delimiters and operators (seeded PRNG). parseBodies must never throw, must
// finish quickly, and every span and token range in the trees must lie inside its body.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lex, type TokenStream } from '../../../../frontend/src/syntax/lexer.js';
import { parseFile } from '../../../../frontend/src/syntax/parse.js';
import type { Item, TokenRange } from '../../../../frontend/src/syntax/ast.js';
import { fnBodyOf, parseBodies, valueOf } from '../../../../frontend/src/syntax/body/parser.js';
import { SAMPLE_RS } from '../sample.js';
import { BODIES_RS } from './sample-bodies.js';
import { prng, rustFiles } from '../../../support/random.js';
import { mutatedCase } from '../../../support/mutate.js';

const EXAMPLE_DIR = new URL('../../../../data/example', import.meta.url).pathname;
const CASES = 400;
const TIME_BOUND_MS = 500;


const enc = new TextEncoder();
const SOURCES: Array<[string, Uint8Array]> = [
  ['bodies', enc.encode(BODIES_RS)],
  ['sample', enc.encode(SAMPLE_RS)],
  ...rustFiles(EXAMPLE_DIR).map((f): [string, Uint8Array] => [f, readFileSync(f)]),
];


const INSERTS = ['{', '}', '(', ')', '[', ']', '<', '>', ';', ',', '|', '||', '&', '=', '..', '::', 'let', 'if',
  'match', '=>', '.', '?', 'as', 'move', "'a:", '#', '!', '-', '_', '@'];

/** Every `span` and token range in `tree` lies inside the byte range and token range of its body. */
function checkTree(ts: TokenStream, tree: unknown, range: TokenRange): void {
  const lo = ts.starts[range[0]];
  const hi = range[1] > range[0] ? ts.ends[range[1] - 1] : lo;
  const visit = (x: unknown, key: string, where: string): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      if ((key === 'span' || key === 'args' || key === 'tokens' || key === 'len') && typeof x[0] === 'number') {
        const [a, b] = x as [number, number];
        const [min, max] = key === 'span' ? [lo, hi] : range;
        if (!(min <= a && a <= b && b <= max)) throw new Error(`${where}.${key} [${a}, ${b}] outside [${min}, ${max}]`);
        return;
      }
      x.forEach((y) => visit(y, key, where));
      return;
    }
    const kind = (x as { kind?: unknown }).kind;
    const here = typeof kind === 'string' ? `${where}/${kind}` : where;
    for (const [k, v] of Object.entries(x)) visit(v, k, here);
  };
  visit(tree, '', '');
}

function checkItems(ts: TokenStream, items: Item[]): void {
  for (const item of items) {
    if (item.kind === 'fn' && item.body) {
      const body = fnBodyOf(item);
      expect(body).toBeDefined();
      checkTree(ts, body!.block, item.body);
    }
    if ((item.kind === 'const' || item.kind === 'static') && item.value) checkTree(ts, valueOf(item), item.value);
    if ('items' in item && item.items) checkItems(ts, item.items);
  }
}

describe('body parser robustness', () => {
  it('parses the unmutated sources without errors', () => {
    for (const [name, src] of SOURCES) {
      const ts = lex(src);
      const parsed = parseFile(ts);
      expect({ name, errors: parseBodies(ts, parsed) }).toEqual({ name, errors: [] });
      checkItems(ts, parsed.items);
    }
  });

  it(`survives ${CASES} mutated sources`, () => {
    const rand = prng(0xb0d1e5);
    let withErrors = 0;
    for (let c = 0; c < CASES; c++) {
      const [name, src] = mutatedCase(SOURCES, c, rand, INSERTS);
      const ts = lex(src);
      const parsed = parseFile(ts);
      const started = performance.now();
      let errors;
      try {
        errors = parseBodies(ts, parsed);
      } catch (e) {
        throw new Error(`case ${c} (${name}) threw: ${(e as Error).stack}\n--- source ---\n${new TextDecoder().decode(src)}`);
      }
      expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
      for (const e of errors) expect(e.offset >= 0 && e.offset <= src.length).toBe(true);
      try {
        checkItems(ts, parsed.items);
      } catch (e) {
        throw new Error(`case ${c} (${name}): ${(e as Error).message}\n--- source ---\n${new TextDecoder().decode(src)}`);
      }
      if (errors.length > 0) withErrors++;
    }
    // The test would be vacuous if the mutations never broke a body.
    expect(withErrors).toBeGreaterThan(CASES / 4);
  });

  it('stays linear on long and pathological bodies', () => {
    const statements = 'let x = a as u8 < b as u8; f(x, |y| y + 1)?;\n'.repeat(4000);
    const casts = 'x' + ' as a < b'.repeat(3000) + ';';
    for (const body of [statements, casts, 'match x {' + 'A => '.repeat(3000) + '}', '{'.repeat(3000)]) {
      const src = enc.encode(`fn f() {\n${body}\n}`);
      const ts = lex(src);
      const started = performance.now();
      parseBodies(ts, parseFile(ts));
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });
});
