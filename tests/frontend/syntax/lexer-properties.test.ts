// Property and fuzz tests for the lexer, with a seeded PRNG so every failure reproduces: random
// bytes, random token soups and mutated real-looking sources. The invariants: lexing never
// throws and is deterministic; tokens are non-empty, in order, non-overlapping and inside the
// input; every byte outside a token is whitespace or inside a plain comment (checked by a scanner
// written independently of the lexer); `text` has one character per token; and lexing the two
// halves of a split at whitespace gives the tokens of the whole.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lex, type TokenStream } from '../../../frontend/src/syntax/lexer.js';
import { TOKEN_CHARS } from '../../../frontend/src/syntax/tokens.js';
import { SAMPLE_RS } from './sample.js';
import { prng, rustFiles } from '../../support/random.js';

const enc = (s: string) => new TextEncoder().encode(s);


function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

// ---- an independent trivia scanner: whitespace and comments that are not doc comments ----

function whitespaceLength(src: Uint8Array, i: number): number {
  const b = src[i];
  if (b === 0x20 || (b >= 0x09 && b <= 0x0d)) return 1;
  if (b === 0xc2 && src[i + 1] === 0x85) return 2;
  if (b === 0xe2 && src[i + 1] === 0x80 && [0x8e, 0x8f, 0xa8, 0xa9].includes(src[i + 2])) return 3;
  return 0;
}

const startsWith = (src: Uint8Array, i: number, s: string) => [...s].every((c, k) => src[i + k] === c.charCodeAt(0));

/** Where the whitespace and plain comments starting at `i` end; `ws` collects ASCII blanks outside comments. */
function triviaEnd(src: Uint8Array, i: number, ws: number[] = []): number {
  for (;;) {
    const w = whitespaceLength(src, i);
    if (w > 0) { if (w === 1) ws.push(i); i += w; continue; }
    if (startsWith(src, i, '//')) {
      if (startsWith(src, i, '//!') || (startsWith(src, i, '///') && !startsWith(src, i, '////'))) return i;
      while (i < src.length && src[i] !== 0x0a) i++;
      continue;
    }
    if (startsWith(src, i, '/*')) {
      if (startsWith(src, i, '/*!') || (startsWith(src, i, '/**') && !startsWith(src, i, '/***') && !startsWith(src, i, '/**/'))) return i;
      let depth = 0;
      do {
        if (startsWith(src, i, '/*')) { depth++; i += 2; } else if (startsWith(src, i, '*/')) { depth--; i += 2; } else i++;
      } while (depth > 0 && i < src.length);
      continue;
    }
    return i;
  }
}

/**
 * Checks the invariants of `ts` over `src` and returns the offsets of ASCII whitespace bytes that
 * lie between tokens. With `preamble`, the bytes before the first token are not checked (a
 * shebang or frontmatter may sit there).
 */
function checkInvariants(src: Uint8Array, ts: TokenStream, preamble = false): number[] {
  const fail = (msg: string) => { throw new Error(`${msg}\n--- source ---\n${new TextDecoder().decode(src)}`); };
  if (ts.kinds.length !== ts.count || ts.starts.length !== ts.count || ts.ends.length !== ts.count) fail('array lengths differ from count');
  if (ts.text.length !== ts.count) fail(`text has ${ts.text.length} chars for ${ts.count} tokens`);
  const ws: number[] = [];
  let prevEnd = 0;
  for (let t = 0; t <= ts.count; t++) {
    const start = t < ts.count ? ts.starts[t] : src.length;
    if (t < ts.count) {
      if (ts.text[t] !== TOKEN_CHARS[ts.kinds[t]]) fail(`text char of token ${t} does not match its kind`);
      if (!(ts.starts[t] < ts.ends[t] && ts.ends[t] <= src.length)) fail(`token ${t} [${ts.starts[t]}, ${ts.ends[t]}) is empty or outside the input`);
      if (start < prevEnd) fail(`token ${t} starts at ${start}, before the previous token ends at ${prevEnd}`);
    }
    const gapChecked = !(preamble && t === 0);
    if (gapChecked && triviaEnd(src, prevEnd, ws) !== start) fail(`bytes [${prevEnd}, ${start}) are not whitespace or plain comments`);
    if (t < ts.count) prevEnd = ts.ends[t];
  }
  for (const e of ts.errors) if (!(e.offset >= 0 && e.offset <= src.length)) fail(`error offset ${e.offset} outside the input`);
  return ws.filter((p) => p < src.length);
}

function snapshot(ts: TokenStream) {
  return { kinds: Array.from(ts.kinds), starts: Array.from(ts.starts), ends: Array.from(ts.ends), text: ts.text, errors: ts.errors };
}

/** Lexing `src[0, at)` and `src[at, …)` on their own and shifting the second gives the whole. */
function checkSplit(src: Uint8Array, at: number): void {
  const whole = snapshot(lex(src));
  const a = snapshot(lex(src.subarray(0, at)));
  const b = snapshot(lex(src.subarray(at)));
  expect({
    kinds: [...a.kinds, ...b.kinds],
    starts: [...a.starts, ...b.starts.map((s) => s + at)],
    ends: [...a.ends, ...b.ends.map((e) => e + at)],
    text: a.text + b.text,
    errors: [...a.errors, ...b.errors.map((e) => ({ ...e, offset: e.offset + at }))],
  }).toEqual(whole);
}

/** A split point is fair unless the second half would start with frontmatter. */
function splitIsFair(src: Uint8Array, at: number): boolean {
  let i = at;
  while (whitespaceLength(src, i) > 0) i += whitespaceLength(src, i);
  return !startsWith(src, i, '---');
}

// ---- token soups ----

const FRAGMENTS = [
  'a', 'foo_bar', '_', 'é', 'ñandú', '日本', 'r#type', 'self', 'Self', 'fn', 'async', 'dyn', 'union', 'macro_rules',
  "'a", "'static", "'_", "'r#a", "'é", "'a'", String.raw`'\''`, String.raw`'\\'`, `'"'`, String.raw`'\u{1F600}'`, "'日'",
  String.raw`b'\''`, "b'a'", '"abc"', String.raw`"a\"b"`, '"a\\\nb"', '"é日"', 'r"a"', 'r#"a"b"#', 'r##"a"#b"##',
  'b"ab"', 'br#"a"#', 'c"ab"', 'cr#"a"#', '"a"suf',
  '1', '1u8', '0x_ff', '1e10', '2.5E+3', '1.0e-3f64', '1.', '1..2', '1.foo', '1.0', '0b1010', '0o17', '1_000', '1f32',
  ';', ',', '.', '@', '#', '~', '?', ':', '$', '=', '!', '<', '>', '-', '&', '|', '+', '*', '/', '^', '%',
  '::', '->', '=>', '==', '!=', '..', '...', '..=', '+=', '-=', '*=', '/=', '%=', '^=', '<=', '>>=', '&&',
  '(', ')', '[', ']', '{', '}',
  '/* c */', '/* a /* b */ c */', '/**/', '/***/', '/** d */', '/*! x */', '/*!*/',
  '// x\n', '/// d\n', '//// x\n', '//! x\n', '€', '\\', '\u00a0', '\u2028',
];

function soup(rand: () => number, touching: boolean): string[] {
  const len = 1 + Math.floor(rand() * 60);
  const out: string[] = [];
  for (let k = 0; k < len; k++) out.push(FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)]);
  return touching ? out : out.map((f) => f + (rand() < 0.8 ? ' ' : '\n'));
}

// ---- mutation fuzzing of real-looking sources ----


const LEXER_STRESS_RS = String.raw`#!/usr/bin/env cargo
---
[dependencies]
---
//! Lexer corner cases in one file.
/** outer */ /*! inner */ /* a /* nested */ comment */
fn f<'a, 'b: 'a>(x: &'a str, r#type: u8) -> char {
    let s = r##"raw "# still"##; let b = br#"x"#; let c = c"hi"; let d = b'\'';
    let n = 1u8 + 0x_ff + 0b1010 + 0o17; let g = 1e10 + 1.0e-3f64 + 1. + 2.5E+3;
    let t = x.0.1; for i in 1..=2 {} 'outer: loop { break 'outer; }
    let 日本 = "é日"; let e = '\u{1F600}'; let q = '\'';
    a::<Vec<Vec<u8>>>(); a -= 1; a => b; a != b; a ..= b; a ... b;
    'x'
}
`;

const SEEDS: Uint8Array[] = [
  enc(SAMPLE_RS),
  enc(LEXER_STRESS_RS),
  ...rustFiles(new URL('../../../data/example', import.meta.url).pathname).map((f) => new Uint8Array(readFileSync(f))),
];

const INSERTS = ['"', "'", '/*', '*/', '//', '///', 'r#"', '"#', "b'", 'br"', 'c"', '\\', '#!', '---\n', '\n', 'é', '日', '😀', '\u2028', '.', '0x', '1e', "'r#"];

function mutate(src: Uint8Array, rand: () => number): Uint8Array {
  const at = Math.floor(rand() * (src.length + 1));
  const to = Math.min(src.length, at + Math.floor(rand() * 16));
  switch (Math.floor(rand() * 5)) {
    case 0: return concat([src.subarray(0, at), enc(INSERTS[Math.floor(rand() * INSERTS.length)]), src.subarray(at)]);
    case 1: return concat([src.subarray(0, at), src.subarray(to)]);
    case 2: return concat([src.subarray(0, to), src.subarray(at, to), src.subarray(to)]);
    case 3: return concat([src.subarray(0, at), new Uint8Array([Math.floor(rand() * 256)]), src.subarray(at)]);
    default: return src.subarray(0, at);
  }
}

describe('lexer properties', () => {
  it('holds its invariants on the unmutated seeds, which lex without errors', () => {
    for (const src of SEEDS) {
      const ts = lex(src);
      checkInvariants(src, ts, true);
      expect(ts.errors).toEqual([]);
    }
  });

  it('holds its invariants on 1,000 random byte strings', () => {
    const rand = prng(0xb17e5);
    for (let c = 0; c < 1000; c++) {
      const bytes = new Uint8Array(Math.floor(rand() * 200));
      // Half the cases are printable ASCII, where comments, strings and punctuation are dense.
      const ascii = c % 2 === 0;
      for (let k = 0; k < bytes.length; k++) bytes[k] = ascii ? 0x20 + Math.floor(rand() * 95) : Math.floor(rand() * 256);
      const src = concat([enc('x '), bytes]);
      const ts = lex(src);
      checkInvariants(src, ts);
      expect(snapshot(lex(src))).toEqual(snapshot(ts));
    }
  });

  it('holds its invariants on 1,000 token soups, and a soup of whitespace-separated fragments lexes fragment by fragment', () => {
    const rand = prng(0x50a9);
    for (let c = 0; c < 1000; c++) {
      const touching = c % 2 === 0;
      const parts = soup(rand, touching);
      const src = enc('x ' + parts.join(''));
      checkInvariants(src, lex(src));
      if (touching) continue;
      // Lexing fragment by fragment is the split property applied at every separator.
      const whole = snapshot(lex(src));
      const kinds: number[] = [...snapshot(lex(enc('x '))).kinds];
      let at = 2;
      for (const p of parts) {
        kinds.push(...snapshot(lex(enc(p))).kinds);
        at += enc(p).length;
      }
      expect(at).toBe(src.length);
      expect(whole.kinds).toEqual(kinds);
    }
  });

  it('lexes the halves of a split at whitespace like the whole', () => {
    const rand = prng(0x5911);
    let splits = 0;
    const sources = [...SEEDS];
    for (let c = 0; c < 300; c++) sources.push(enc('x ' + soup(rand, false).join('')));
    for (const src of sources) {
      const blanks = checkInvariants(src, lex(src), true).filter((p) => splitIsFair(src, p));
      for (let k = 0; k < 5 && blanks.length > 0; k++) {
        checkSplit(src, blanks[Math.floor(rand() * blanks.length)]);
        splits++;
      }
    }
    expect(splits).toBeGreaterThan(1000);
  });

  it('survives 2,000 seeded mutations of real-looking sources in bounded time', () => {
    const rand = prng(0xf022);
    let withErrors = 0;
    const started = performance.now();
    let slowest = 0;
    for (let c = 0; c < 2000; c++) {
      let src = SEEDS[c % SEEDS.length];
      const rounds = 1 + Math.floor(rand() * 4);
      for (let m = 0; m < rounds; m++) src = mutate(src, rand);
      const t0 = performance.now();
      const ts = lex(src);
      slowest = Math.max(slowest, performance.now() - t0);
      checkInvariants(src, ts, true);
      if (ts.errors.length > 0) withErrors++;
    }
    expect(slowest).toBeLessThan(100);
    expect(performance.now() - started).toBeLessThan(10_000);
    // The fuzz would be vacuous if the mutations never produced a lexical error.
    expect(withErrors).toBeGreaterThan(100);
  });
});
