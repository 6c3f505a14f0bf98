// localEditsOfTokens: which edits an incremental analysis may take without resolving the
// workspace, and the parse it makes of the new text without parsing it, which must be the
// parser's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFileTables } from '../../schema/src/index.js';
import { lex } from '../../frontend/src/syntax/lexer.js';
import { parseFile } from '../../frontend/src/syntax/parse.js';
import { parseBodies } from '../../frontend/src/syntax/body/parser.js';
import type { Item } from '../../frontend/src/syntax/ast.js';
import type { SourceFile } from '../../frontend/src/crate/modules.js';
import { localEditsOfTokens } from '../../frontend/src/incremental/local-edit.js';
import { prng, rustFiles } from '../support/random.js';
import { mutatedCase } from '../support/mutate.js';

function source(text: string | Uint8Array): SourceFile {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const tables = buildFileTables(bytes);
  const ts = lex(bytes);
  const entry = { path: 'lib.rs', hash: String(bytes.length), bytes: bytes.length, ...tables };
  const parsed = parseFile(ts);
  parsed.errors.push(...parseBodies(ts, parsed, { keepTrees: false }), ...ts.errors.map((e) => ({ offset: e.offset, message: e.message })));
  return { abs: '/lib.rs', rel: 'lib.rs', entry, ts, parsed };
}

/** What `localEditsOfTokens` makes of an edit, after checking its parse against the parser's. */
function kind(before: string, after: string): string {
  const old = source(before);
  const now = source(after);
  const found = localEditsOfTokens(old, now.ts);
  if (found === undefined) return 'other';
  // The parse a parser gives, syntax errors included; the edited fns are that parse's.
  expect(found.parsed, after).toEqual(now.parsed);
  for (const { new: fn } of found.fns) expect(JSON.stringify(now.parsed)).toContain(JSON.stringify(fn));
  return found.fns.length === 0 ? 'between tokens' : found.fns.map((f) => `body of ${f.old.name.text}`).join(', ');
}

const BASE = 'struct S;\n\nimpl S {\n    fn f(&self) -> u8 {\n        let x = 1;\n        x >> 1\n    }\n}\n\nfn g() {}\n';

describe('localEditsOfTokens', () => {
  it('finds edits between tokens', () => {
    expect(kind(BASE, `// top\n${BASE}`)).toBe('between tokens');
    expect(kind(BASE, BASE.replace('struct S;\n\n', 'struct S;\n'))).toBe('between tokens');
    expect(kind(BASE, BASE.replace('fn g() {}', 'fn g() {} // g'))).toBe('between tokens');
    expect(kind(`//! Doc.\n${BASE}`, `// top\n//! Doc.\n${BASE}`)).toBe('between tokens');
    expect(kind(`// a\n// a\n${BASE}`, `// a\n${BASE}`)).toBe('between tokens');
  });

  it('finds edits inside fn bodies, and only there', () => {
    expect(kind(BASE, BASE.replace('let x = 1;', 'let x = 2 + 2;'))).toBe('body of f');
    // Two bodies at once.
    expect(kind(BASE, BASE.replace('let x = 1;', 'let x = 2;').replace('fn g() {}', 'fn g() { 1 }'))).toBe('body of f, body of g');
    // A syntax error in another body moves with the edit; one in the edited body is its own.
    const broken = `${BASE}fn h() { let = ; }\n`;
    expect(kind(broken, broken.replace('let x = 1;', 'let x = 2 + 2;'))).toBe('body of f');
    expect(kind(broken, broken.replace('let x = 1;', 'let x = ;'))).toBe('body of f');
    // An error at the closing brace of the edited body is that body's, found again, not kept.
    const open = `${BASE}fn h() { 1 + }\n`;
    expect(kind(open, open.replace('{ 1 + }', '{ 22 + }'))).toBe('body of h');
    // The same tokens where they were, but one of them other bytes.
    expect(kind(BASE, BASE.replace('let x = 1;', 'let x = 7;'))).toBe('body of f');
    expect(kind(BASE, BASE.replace('let x = 1;', 'let y = 1;'))).toBe('body of f');
    expect(kind(BASE, BASE.replace('fn g() {}', 'fn g() { g() }'))).toBe('body of g');
    // Text between two tokens that touched: they no longer do, so the body is parsed again.
    expect(kind(BASE, BASE.replace('fn g() {}', 'fn g() { /* empty */ }'))).toBe('body of g');
    // Two tokens that touched no longer do: `>>` becomes `> >`.
    expect(kind(BASE, BASE.replace('x >> 1', 'x > > 1'))).toBe('body of f');
  });

  it('refuses every other edit', () => {
    expect(kind(BASE, BASE.replace('-> u8', '-> u16'))).toBe('other');
    expect(kind(BASE, BASE.replace('struct S;', 'struct Sx;'))).toBe('other');
    expect(kind(BASE, BASE.replace('struct S;', 'struct T;'))).toBe('other');
    expect(kind(BASE, BASE.replace('let x = 1;', 'let x = 1; }'))).toBe('other');
    expect(kind(BASE, BASE.replace('let x = 1;', 'macro_rules! m { () => {} }'))).toBe('other');

    // Space in text a record holds as written: an attribute, a use tree, a field's type.
    const held = '#[derive(Debug, Clone)]\nstruct T { a: Vec<u8> }\n\nuse std::fmt;\n';
    expect(kind(held, held.replace('Debug, Clone', 'Debug,  Clone'))).toBe('other');
    expect(kind(held, held.replace('use std::fmt;', 'use std:: /* f */ fmt;'))).toBe('other');
    expect(kind(held, held.replace('a: Vec<u8>', 'a: Vec<u8 /* bytes */>'))).toBe('other');
    expect(kind(held, held.replace('\n\nuse', '\n// a line\n\nuse'))).toBe('between tokens');
  });

  it('parses nothing, but gets what a parse gets, for random edits inside fn bodies', () => {
    const files = rustFiles('data').map((f) => readFileSync(f)).filter((b) => source(b).parsed.errors.length === 0);
    const random = prng(20261122);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const snippets = ['let y = 1;', 'x.len()', '{', '}', '/* c */', '"s"', 'f(', ')', 'Self::new()', '', '\n'];
    let taken = 0;
    for (let c = 0; c < 300; c++) {
      const before = source(pick(files));
      const bodies = fnBodies(before.parsed.items);
      if (bodies.length === 0) continue;
      const [open, close] = pick(bodies);
      // Somewhere strictly inside the braces: before one of the body's tokens, or cutting one out.
      const t = open + 1 + Math.floor(random() * (close - open - 1));
      const at = before.ts.starts[t];
      const src = before.ts.src;
      const cut = random() < 0.3 && t < close - 1 ? before.ts.ends[t] : at;
      const piece = pick(snippets);
      const after = Buffer.concat([src.subarray(0, at), Buffer.from(piece), src.subarray(cut)]);
      const now = source(after);
      const found = localEditsOfTokens(before, now.ts);
      // Refused only for an error beyond a body's: an unclosed or stray delimiter.
      if (found === undefined) {
        expect(now.parsed.errors.length).toBeGreaterThan(0);
        continue;
      }
      // The parse a parser gives, the new body's syntax errors included; the edited fn alone.
      expect(found.parsed).toEqual(now.parsed);
      expect(found.fns.map((f) => f.old.body)).toEqual(cut === at && piece === '' ? [] : [[open, close]]);
      taken++;
    }
    // The others made a syntax error.
    expect(taken).toBeGreaterThan(60);
  });

  it('takes edits in several bodies and between tokens at once, as a formatter makes them', () => {
    const files = rustFiles('data').map((f) => readFileSync(f)).filter((b) => source(b).parsed.errors.length === 0);
    const random = prng(42);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    let several = 0;
    for (let c = 0; c < 200; c++) {
      const before = source(pick(files));
      const { ts } = before;
      if (ts.count < 2) continue;
      const bodies = fnBodies(before.parsed.items);
      // Insertions before tokens: in bodies a statement or a space; elsewhere a comment or a blank
      // line before an item (at any depth), where only positions change.
      const starts = itemStarts(before.parsed.items);
      const at = new Set<number>();
      for (let k = 1 + Math.floor(random() * 4); k > 0; k--) {
        const t = Math.floor(random() * ts.count);
        if (bodies.some(([open, close]) => open < t && t < close)) at.add(t);
        else if (starts.length > 0) at.add(pick(starts));
      }
      const sorted = [...at].sort((a, b) => b - a);
      let text = Buffer.from(ts.src);
      const touched = new Set<number>();
      for (const t of sorted) {
        const body = bodies.findIndex(([open, close]) => open < t && t < close);
        const piece = body >= 0 ? pick(['let y = 1; ', ' ', '\n    ']) : pick(['// c\n', '\n', '/* c */ ']);
        if (body >= 0) touched.add(body);
        text = Buffer.concat([text.subarray(0, ts.starts[t]), Buffer.from(piece), text.subarray(ts.starts[t])]);
      }
      const now = source(text);
      const found = localEditsOfTokens(before, now.ts);
      expect(found, text.toString()).toBeDefined();
      expect(found!.parsed).toEqual(now.parsed);
      expect(found!.fns.map((f) => f.old.body).sort()).toEqual([...touched].map((b) => bodies[b]).sort());
      if (at.size > 1) several++;
    }
    expect(several).toBeGreaterThan(50);
  });

  it('takes no edit that changes what a parse gets, whatever the edit', () => {
    const sources = rustFiles('data').map((f): [string, Uint8Array] => [f, new Uint8Array(readFileSync(f))]).filter(([, b]) => source(b).parsed.errors.length === 0);
    const random = prng(7);
    for (let c = 0; c < 300; c++) {
      const [, original] = sources[c % sources.length];
      const [, mutated] = mutatedCase(sources, c, random, ['{', '}', 'fn', 'x', ';', '//', 'impl', '(']);
      const before = source(original);
      const found = localEditsOfTokens(before, lex(mutated));
      if (found === undefined) continue;
      expect(found.parsed).toEqual(source(mutated).parsed);
    }
  });
});

/** The token ranges of every fn body in `items`, nested ones too. */
function fnBodies(items: readonly Item[]): Array<[number, number]> {
  return items.flatMap((item): Array<[number, number]> => {
    if (item.kind === 'fn') return item.body ? [item.body] : [];
    return 'items' in item && Array.isArray(item.items) ? fnBodies(item.items) : [];
  });
}

/** The first token of every item in `items`, nested ones too. */
function itemStarts(items: readonly Item[]): number[] {
  return items.flatMap((item) => [item.tokens[0], ...('items' in item && Array.isArray(item.items) ? itemStarts(item.items) : [])]);
}
