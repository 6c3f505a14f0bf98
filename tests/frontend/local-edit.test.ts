// findLocalEdit: which edits an incremental analysis may take without resolving the workspace.
import { describe, expect, it } from 'vitest';
import { buildFileTables } from '../../schema/src/index.js';
import { lex } from '../../frontend/src/syntax/lexer.js';
import { parseFile } from '../../frontend/src/syntax/parse.js';
import type { SourceFile } from '../../frontend/src/crate/modules.js';
import { findLocalEdit } from '../../frontend/src/incremental/local-edit.js';

function source(text: string): SourceFile {
  const bytes = new TextEncoder().encode(text);
  const tables = buildFileTables(bytes);
  const ts = lex(bytes);
  const entry = { path: 'lib.rs', hash: text, bytes: bytes.length, ...tables };
  return { abs: '/lib.rs', rel: 'lib.rs', entry, ts, parsed: parseFile(ts) };
}

function kind(before: string, after: string): string {
  const edit = findLocalEdit(source(before), source(after));
  return edit === undefined ? 'other' : edit.fn === undefined ? 'between tokens' : `body of ${edit.fn.old.name.text}`;
}

const BASE = 'struct S;\n\nimpl S {\n    fn f(&self) -> u8 {\n        let x = 1;\n        x >> 1\n    }\n}\n\nfn g() {}\n';

describe('findLocalEdit', () => {
  it('finds edits between tokens', () => {
    expect(kind(BASE, `// top\n${BASE}`)).toBe('between tokens');
    expect(kind(BASE, BASE.replace('struct S;\n\n', 'struct S;\n'))).toBe('between tokens');
    expect(kind(BASE, BASE.replace('fn g() {}', 'fn g() {} // g'))).toBe('between tokens');
    expect(kind(`//! Doc.\n${BASE}`, `// top\n//! Doc.\n${BASE}`)).toBe('between tokens');
    expect(kind(`// a\n// a\n${BASE}`, `// a\n${BASE}`)).toBe('between tokens');
  });

  it('finds edits inside one fn body, and only there', () => {
    expect(kind(BASE, BASE.replace('let x = 1;', 'let x = 2 + 2;'))).toBe('body of f');
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
    expect(kind(BASE, BASE.replace('let x = 1;', 'let x = 2;').replace('fn g() {}', 'fn g() { 1 }'))).toBe('other');
  });
});
