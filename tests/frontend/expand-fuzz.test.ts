// Property tests: expansion never throws and always ends. Random token soup (unbalanced
// delimiters, stray `$`, doc comments) as the input of every rule of the fixture's macros and
// as macro definitions themselves; then the fixture crate with its tokens mutated, analyzed
// whole, whose every ref and def must land inside its item (the dump writer drops, with a
// warning, what does not); and a macro that would expand without end.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../frontend/src/index.js';
import { treesOf } from '../../frontend/src/expand/tokens.js';
import { matchRule } from '../../frontend/src/expand/matcher.js';
import { transcribe, TranscribeError } from '../../frontend/src/expand/transcribe.js';
import { expansionFile } from '../../frontend/src/expand/stream.js';
import { readRules } from '../../frontend/src/expand/rules.js';
import { EXPANSION_LIMITS } from '../../frontend/src/expand/driver.js';
import { prng } from '../support/random.js';
import { mutatedCase } from '../support/mutate.js';
import { sourceFile } from '../support/macro-source.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../data/resolve/macros-items');
const FILES = ['src/lib.rs', 'src/macros.rs'];
const VOCABULARY = [
  'a', 'b', 'Square', 'u8', 'fn', 'impl', 'for', 'pub', 'crate', 'struct', 'as', 'mut', 'const', 'self', '_',
  ',', ';', ':', '::', '=>', '->', '=', '+', '*', '?', '$', '#', '!', '<', '>', '&', '|', '.', '-',
  '(', ')', '[', ']', '{', '}', '1', '2.5', '"s"', "'c'", "'a", '/// d\n',
];
const TIME_BOUND_MS = 1000;

const UNDELIMITED = VOCABULARY.filter((t) => !'()[]{}'.includes(t));

/** Random tokens; `balanced` leaves delimiters out, so that `$($t:tt)*` takes any of it. */
function soup(rand: () => number, length: number, balanced = false): string {
  const words = balanced ? UNDELIMITED : VOCABULARY;
  return Array.from({ length }, () => words[Math.floor(rand() * words.length)]).join(' ');
}

/** Every step of an expansion of `file`'s macros against `input`, as the driver takes them. */
function expandAll(rulesText: string, input: string): number {
  const file = sourceFile(`macro_rules! m { ${rulesText} }\nm!(${input});\n`);
  let made = 0;
  for (const item of file.parsed.items) {
    if (item.kind !== 'macro_rules') continue;
    const trees = treesOf(file, item.body[0], item.body[1], false);
    const call = file.parsed.items.find((i) => i.kind === 'macro_call');
    if (!trees || call?.kind !== 'macro_call') continue;
    const args = treesOf(file, call.args[0] + 1, call.args[1] - 1, true);
    if (!args) continue;
    for (const rule of readRules(trees)) {
      const env = matchRule(rule.matcher, args, { edition2021: true, budget: 50_000 });
      if (!env) continue;
      try {
        const out = expansionFile(transcribe(rule.transcriber, env, 50_000), { file, span: [call.span[0], call.span[1]] }, 1);
        made += out.ts.count;
      } catch (e) {
        if (!(e instanceof TranscribeError)) throw e;
      }
      break;
    }
  }
  return made;
}

/** The rules of the fixture's macros, as text. */
function fixtureRules(): string[] {
  const out: string[] = [];
  for (const f of FILES) {
    const file = sourceFile(readFileSync(path.join(FIXTURE, f), 'utf8'), f);
    for (const item of file.parsed.items) {
      if (item.kind !== 'macro_rules') continue;
      const text = new TextDecoder().decode(file.ts.src.subarray(file.ts.starts[item.body[0] + 1], file.ts.ends[item.body[1] - 2]));
      out.push(text);
    }
  }
  return out;
}

describe('expansion on random input', () => {
  const rules = fixtureRules();

  it('reads the fixture rules it fuzzes', () => {
    expect(rules.length).toBeGreaterThanOrEqual(6);
  });

  it('never throws and ends quickly, whatever the input of a rule', () => {
    const rand = prng(4);
    let expanded = 0;
    for (let c = 0; c < 400; c++) {
      const input = soup(rand, 1 + Math.floor(rand() * 30), c % 2 === 1);
      const started = performance.now();
      expect(() => { if (expandAll(rules[(c >> 1) % rules.length], input) > 0) expanded++; }, input).not.toThrow();
      expect(performance.now() - started, input).toBeLessThan(TIME_BOUND_MS);
    }
    // Soup that matches (`$($t:tt)*` takes any balanced input) goes through to the parser too.
    expect(expanded).toBeGreaterThan(20);
  });

  it('never throws on random rules', () => {
    const rand = prng(11);
    for (let c = 0; c < 300; c++) {
      const rule = `(${soup(rand, Math.floor(rand() * 8))}) => { ${soup(rand, Math.floor(rand() * 12))} }`;
      const input = soup(rand, Math.floor(rand() * 10));
      expect(() => expandAll(rule, input), `${rule} / ${input}`).not.toThrow();
    }
  });
});

describe('the fixture crate, mutated', () => {
  it('analyzes every mutant without throwing or misplacing a span', async () => {
    const sources = FILES.map((f): [string, Uint8Array] => [f, readFileSync(path.join(FIXTURE, f))]);
    const inserts = ['$', '$x', '(', ')', '{', '}', ',', ';', '*', '+', 'macro_rules!', '=>', 'impl_area!', 'wrap!'];
    const rand = prng(7);
    for (let c = 0; c < 24; c++) {
      const dir = mkdtempSync(path.join(tmpdir(), 'xref-expand-fuzz-'));
      cpSync(FIXTURE, dir, { recursive: true });
      const [name, src] = mutatedCase(sources, c, rand, inserts);
      writeFileSync(path.join(dir, name), src);
      const result = await analyzeWorkspace(dir, { useCargo: false, outDir: path.join(dir, 'dumps') });
      expect(result.warnings, `case ${c} (${name})`).toEqual([]);
    }
  });
});

describe('limits', () => {
  it('stops a macro that calls itself twice, and analyzes the rest of the crate', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xref-expand-bomb-'));
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(path.join(dir, 'src/lib.rs'), 'macro_rules! bomb { () => { bomb!(); bomb!(); }; }\nbomb!();\npub fn ok() {}\n');
    const saved = EXPANSION_LIMITS.crateExpansions;
    EXPANSION_LIMITS.crateExpansions = 300;
    try {
      const started = performance.now();
      const result = await analyzeWorkspace(dir, { useCargo: false, outDir: path.join(dir, 'dumps') });
      expect(performance.now() - started).toBeLessThan(10_000);
      const text = readFileSync(result.dumpFiles[0], 'utf8');
      expect(text).toContain('"id":"cargo macros_items 0.1.0 ok()."');
      // 300 expansions of two calls each, and the call written in the file.
      expect(text.split('"kind":"macro_call"').length - 1).toBe(601);
    } finally {
      EXPANSION_LIMITS.crateExpansions = saved;
    }
  });
});
