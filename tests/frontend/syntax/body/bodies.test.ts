// parseBodies over a parsed file: which bodies it parses, how the trees are attached to the
// items, and how its errors relate to the item parser's.
import { describe, expect, it } from 'vitest';
import { lex } from '../../../../frontend/src/syntax/lexer.js';
import { parseFile } from '../../../../frontend/src/syntax/parse.js';
import type { Item } from '../../../../frontend/src/syntax/ast.js';
import { fnBodyOf, parseBodies, valueOf } from '../../../../frontend/src/syntax/body/parser.js';
import { lineCol } from '../render.js';
import { block, expr, pat } from './render.js';

function parseAll(src: string) {
  const ts = lex(new TextEncoder().encode(src));
  const file = parseFile(ts);
  const errors = parseBodies(ts, file);
  return { ts, file, errors: errors.map((e) => `${lineCol(src, e.offset)} ${e.message}`) };
}

function find(items: Item[], name: string): Item {
  for (const item of items) {
    if ('name' in item && item.name && typeof item.name !== 'string' && item.name.text === name) return item;
    if ('items' in item && item.items) {
      const found = find(item.items, name);
      if (found) return found;
    }
  }
  return undefined as unknown as Item;
}

describe('parseBodies', () => {
  const src = [
    'const A: u8 = 1 + 2;',
    'static B: &str = "b";',
    'enum E { X = A as isize, Y }',
    'mod m { pub unsafe extern "C" fn f(mut a: u8, (b, _): (u8, u8), args: ...) -> u8 { a + b } }',
    'trait T { fn d(&self) -> u8 { 0 } const C: u8 = 3; fn r(&mut self); }',
    'impl T for () { fn d(&self) -> u8 { fn nested() -> u8 { 7 } nested() } }',
    'extern "C" { fn ext(x: u8); static Z: u8; }',
  ].join('\n');
  const { ts, file, errors } = parseAll(src);

  it('parses every body without errors', () => {
    expect(file.errors).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('attaches const and static values and discriminants', () => {
    expect(expr(ts, valueOf(find(file.items, 'A'))!)).toBe('(+ 1 2)');
    expect(expr(ts, valueOf(find(file.items, 'B'))!)).toBe('"b"');
    const e = find(file.items, 'E');
    if (e.kind !== 'enum') throw new Error('expected an enum');
    expect(expr(ts, valueOf(e.variants[0])!)).toBe('(as A isize)');
    expect(valueOf(e.variants[1])).toBeUndefined();
    expect(expr(ts, valueOf(find(file.items, 'C'))!)).toBe('3');
  });

  it('keeps no trees for a syntax check, and finds the same errors', () => {
    const broken = `${src}\nfn g() { let = ; }\nconst K: u8 = 1 +;`;
    const checked = lex(new TextEncoder().encode(broken));
    const checkedFile = parseFile(checked);
    const kept = parseAll(broken).errors;
    const errors = parseBodies(checked, checkedFile, { keepTrees: false }).map((e) => `${lineCol(broken, e.offset)} ${e.message}`);
    expect(kept.length).toBe(2);
    expect(errors).toEqual(kept);
    expect(fnBodyOf(find(checkedFile.items, 'f'))).toBeUndefined();
    expect(valueOf(find(checkedFile.items, 'A'))).toBeUndefined();
  });

  it('attaches fn params and bodies, in mods, traits and impls', () => {
    const f = fnBodyOf(find(file.items, 'f'))!;
    expect(f.params.map((p) => pat(ts, p))).toEqual(['mut a', '(tuple b _)', 'args']);
    expect(block(ts, f.block)).toBe('{(+ a b)}');
    const d = fnBodyOf(find(file.items, 'd'))!;
    expect(d.params.map((p) => pat(ts, p))).toEqual(['self']);
    expect(fnBodyOf(find(file.items, 'r'))).toBeUndefined();
    expect(fnBodyOf(find(file.items, 'ext'))).toBeUndefined();
  });

  it('parses the bodies of items declared inside bodies', () => {
    const impl = file.items.find((i) => i.kind === 'impl')!;
    if (impl.kind !== 'impl') throw new Error('expected an impl');
    const outer = fnBodyOf(impl.items[0])!;
    const stmt = outer.block.stmts[0];
    if (stmt.kind !== 'item') throw new Error('expected an item statement');
    expect(block(ts, fnBodyOf(stmt.item)!.block)).toBe('{7}');
  });

  it('reports errors at absolute offsets, nested items included', () => {
    const broken = parseAll('fn a() {}\nfn b() {\n    let x = 1 +;\n    fn c() { if {} }\n}\nconst D: u8 = 1 2;');
    expect(broken.errors).toEqual([
      "3:16 expected expression but found ';'",
      "4:20 expected '{' but found '}'",
      "6:17 expected end of expression but found '2'",
    ]);
  });

  it('leaves delimiter errors to the item parser', () => {
    const broken = parseAll('fn a() {\n    let x = (1;\n}\n');
    expect(broken.file.errors.map((e) => e.message)).toContain("unclosed delimiter '('");
    expect(broken.errors.every((e) => !e.includes('unclosed'))).toBe(true);
  });
});
