// Property test of the item cache: after one to three random line edits (inserted, deleted,
// duplicated, re-indented or changed lines, above, inside and below items) of realistic
// sources, a parse with the warm cache must equal a parse without it, errors included. One
// cache serves every file and edit, so items move between positions, files and nesting levels.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { lex } from '../../frontend/src/syntax/lexer.js';
import { parseFile } from '../../frontend/src/syntax/parse.js';
import { ItemCache } from '../../frontend/src/syntax/item-cache.js';
import { SAMPLE_RS } from './syntax/sample.js';
import { prng, rustFiles } from '../support/random.js';

const EXAMPLE_DIR = new URL('../../data/example', import.meta.url).pathname;
const CASES_PER_FILE = 40;

const SOURCES: Array<[string, string]> = [
  ['sample', SAMPLE_RS],
  ...rustFiles(EXAMPLE_DIR).map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
];

const NEW_LINES = [
  '', '// a comment', '    let edited = 1;', 'fn inserted() {}', '    #[inline]', '/// A doc line.',
  '}', '{', 'pub struct Added;', '    fn method(&self) -> u8 { 0 }', 'impl Added {', 'use crate::x::{a, b};',
  'mod m { const X: u8 =', '        unsafe { 1 }; }',
];

/** One random line edit; returns what it did, for the failure message. */
function editLines(lines: string[], rand: () => number): string {
  const at = Math.floor(rand() * lines.length);
  switch (Math.floor(rand() * 6)) {
    case 0: {
      const line = NEW_LINES[Math.floor(rand() * NEW_LINES.length)];
      lines.splice(at, 0, line);
      return `insert ${JSON.stringify(line)} at line ${at + 1}`;
    }
    case 1: lines.splice(at, 1); return `delete line ${at + 1}`;
    case 2: lines.splice(at, 0, lines[at] ?? ''); return `duplicate line ${at + 1}`;
    case 3: lines[at] = '    ' + (lines[at] ?? ''); return `indent line ${at + 1}`;
    case 4: lines[at] = (lines[at] ?? '').replace(/^ {1,4}/, ''); return `dedent line ${at + 1}`;
    default: {
      const line = lines[at] ?? '';
      const col = Math.floor(rand() * (line.length + 1));
      lines[at] = line.slice(0, col) + 'z' + line.slice(col);
      return `insert 'z' at ${at + 1}:${col + 1}`;
    }
  }
}

/** The path to the first difference between two values, or undefined when they are equal. */
function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d !== undefined) return d;
  }
  return `${path}: differ in a way the walk does not see`;
}

describe('parsing with a warm item cache', () => {
  it('equals parsing without one, after every random edit', () => {
    const rand = prng(0xcac4e);
    const cache = new ItemCache();
    let cases = 0;
    let withErrors = 0;
    for (const [name, original] of SOURCES) {
      parseFile(lex(new TextEncoder().encode(original)), { cache });
      for (let c = 0; c < CASES_PER_FILE; c++) {
        const lines = original.split('\n');
        const done: string[] = [];
        const rounds = 1 + Math.floor(rand() * 3);
        for (let r = 0; r < rounds; r++) done.push(editLines(lines, rand));
        const src = new TextEncoder().encode(lines.join('\n'));
        const warm = parseFile(lex(src), { cache });
        const cold = parseFile(lex(src));
        const difference = firstDifference(warm, cold);
        if (difference !== undefined) {
          throw new Error(`${name} after ${done.join('; ')}:\n${difference}\n--- source ---\n${lines.join('\n')}`);
        }
        cases++;
        if (cold.errors.length > 0) withErrors++;
      }
    }
    const { hits, misses } = cache.stats();
    expect(cases).toBe(SOURCES.length * CASES_PER_FILE);
    // Not vacuous: most items came from the cache, some edits broke the syntax.
    console.log(hits, misses, withErrors, cases);
    expect(hits).toBeGreaterThan(4 * misses);
    expect(withErrors).toBeGreaterThan(cases / 10);
    expect(withErrors).toBeLessThan(cases);
  });
});
