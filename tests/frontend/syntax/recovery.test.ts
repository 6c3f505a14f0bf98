// Broken input: errors stay local to their item, messages name tokens, unbalanced delimiters
// do not hide the items after them.
import { describe, expect, it } from 'vitest';
import { lineCol, parse, renderFile } from './render.js';

function summary(src: string) {
  const { file } = parse(src);
  return {
    items: file.items.map((i) => `${i.kind}${'name' in i && i.name ? ' ' + i.name.text : ''}`),
    errors: file.errors.map((e) => `${lineCol(src, e.offset)} ${e.message}`),
  };
}

describe('syntax errors stay inside their item', () => {
  it('keeps the good items around a broken one, with one error on its line', () => {
    const src = [
      'fn good_one() -> u8 { 1 }',
      '',
      'pub struct Broken { x: u8 y: u8 }',
      '',
      'impl Thing { fn method(&self) {} }',
      'fn good_two() {}',
    ].join('\n');
    expect(summary(src)).toEqual({
      items: ['fn good_one', 'error Broken', 'impl', 'fn good_two'],
      errors: ["3:27 expected one of '}', ',', '=', '+', '::', '(', '<' but found 'y'"],
    });
  });

  it('keeps an impl and its other methods when one method is broken', () => {
    const src = 'impl S {\n    fn a(&self) {}\n    fn b(x) {}\n    fn c(&self) {}\n}\n';
    expect(renderFile(src)).toBe([
      'impl S',
      '  fn a(&self) {..}',
      '  <error b>',
      '  fn c(&self) {..}',
      "!error 3:11 expected one of ':', '{', '[', '(' but found ')'",
    ].join('\n'));
  });

  it('reports a missing `;` at the next item and keeps that item', () => {
    expect(summary('use a::b\nfn c() {}\n')).toEqual({
      items: ['error', 'fn c'],
      errors: ["2:1 expected one of ';', 'as', '::' but found 'fn'"],
    });
  });

  it('reports the end of file', () => {
    expect(summary('struct S')).toEqual({
      items: ['error S'],
      errors: ["1:9 expected one of ';', 'where', '(', '{', '<' but found end of file"],
    });
  });

  it('folds type and identifier positions into words', () => {
    expect(summary('fn f() -> {}').errors).toEqual(["1:11 expected type but found '{'"]);
    expect(summary('fn 3() {}').errors).toEqual(["1:4 expected identifier but found '3'"]);
    expect(summary('#[inline]').errors).toEqual(['1:10 expected item but found end of file']);
  });
});

describe('unbalanced delimiters', () => {
  it('an unclosed fn body does not swallow the items after it', () => {
    const src = [
      'fn a() {',
      '    if x {',
      '        y();',
      '}',
      '',
      'fn b() {}',
      'struct C;',
    ].join('\n');
    expect(summary(src)).toEqual({
      items: ['fn a', 'fn b', 'struct C'],
      errors: ["1:8 unclosed delimiter '{'"],
    });
  });

  it('an unclosed call inside a method leaves the impl and its methods intact', () => {
    const src = 'impl S {\n    fn a(&self) {\n        foo(\n    }\n    fn b(&self) {}\n}\nfn c() {}\n';
    expect(renderFile(src)).toBe([
      'impl S',
      '  fn a(&self) {..}',
      '  fn b(&self) {..}',
      'fn c() {..}',
      "!error 3:12 unclosed delimiter '('",
    ].join('\n'));
  });

  it('an unclosed mod keeps the items of the mod and the ones after it', () => {
    const src = 'mod m {\n    fn a() {\n        if x {\n    }\n    fn b() {}\n}\nfn c() {}\n';
    const { file } = parse(src);
    expect(file.items.map((i) => i.kind + ' ' + ('name' in i ? i.name?.text : ''))).toEqual(['mod m', 'fn c']);
    const mod = file.items[0];
    if (mod.kind !== 'mod') throw new Error('not a mod');
    expect(mod.items!.map((i) => i.kind + ' ' + ('name' in i ? i.name?.text : ''))).toEqual(['fn a', 'fn b']);
    expect(file.errors).toHaveLength(1);
    expect(file.errors[0].message).toBe("unclosed delimiter '{'");
  });

  it('an unclosed parameter list makes an error item, reported once', () => {
    expect(summary('fn a(x: u8 {}\nfn b() {}\n')).toEqual({
      items: ['error a', 'fn b'],
      errors: ["1:5 unclosed delimiter '('"],
    });
  });

  it('a closer left behind by a recovery cut does not stall the splitter', () => {
    expect(summary('fn a() {\n    foo(\nfn b() {}\n    );\nstruct C;\n')).toEqual({
      items: ['fn a', 'fn b', 'struct C'],
      errors: ["1:8 unclosed delimiter '{'"],
    });
  });

  it('a stray closer is reported and skipped', () => {
    expect(summary('fn a() {}\n}\nfn b() {}\n')).toEqual({
      items: ['fn a', 'fn b'],
      errors: ["2:1 unexpected closing delimiter '}'"],
    });
  });

  it('a mismatched closer inside a body is reported without losing the item', () => {
    expect(summary('fn a() { foo(] }\nfn b() {}\n')).toEqual({
      items: ['fn a', 'fn b'],
      errors: ["1:13 unclosed delimiter '('", "1:14 unexpected closing delimiter ']'"],
    });
  });
});
