// Error messages and recovery: an error is recorded with its byte offset, the broken statement
// (or match arm) is skipped, and what follows is still parsed.
import { describe, expect, it } from 'vitest';
import { renderBody, renderExpr } from './render.js';

describe('body syntax errors', () => {
  it.each([
    ['f(a, )+;', "1:8 expected expression but found ';'"],
    ['let x = ;', "1:9 expected expression but found ';'"],
    ['x.;', "1:3 expected identifier but found ';'"],
    ['if a b {}', "1:6 expected '{' but found 'b'"],
    ['match x { A }', "1:13 expected '=>' but found '}'"],
    ['match x { A B }', "1:13 expected one of '|', '@', '{', '::', '(', '!', '..', '...', '..=' but found 'B'"],
    ['S { a: 1 b: 2 };', "1:10 expected ',' or '}' but found 'b'"],
    ['let x: = 1;', "1:8 expected type but found '='"],
    ['x.f::<u8>;', "1:10 expected '(' but found ';'"],
    ['f() g()', "1:5 expected ';' but found 'g'"],
    ['let (a b) = v;', "1:8 expected one of ')', ',', '|', '@', '{', '::', '(', '!', '..', '...', '..=' but found 'b'"],
    ["'a: f()", "1:5 expected 'loop', 'while', 'for' or '{' but found 'f'"],
    ['let x = a..=;', "1:13 expected expression but found ';'"],
  ])('%s', (src, error) => {
    expect(renderBody(src).errors).toEqual([error]);
  });

  it('goes on after a broken statement', () => {
    const { tree, errors } = renderBody('let a = 1 +; let b = 2; f(b)');
    expect(errors).toEqual(["1:12 expected expression but found ';'"]);
    expect(tree).toBe('(let b = 2); (call f b)');
  });

  it('reports each broken statement of a block once', () => {
    const { tree, errors } = renderBody('a + ;\nlet = 2;\nc(,);\nd()');
    expect(errors.map((e) => e.slice(0, 3))).toEqual(['1:5', '2:5', '3:3']);
    expect(tree).toBe('(call d)');
  });

  it('keeps an error inside a nested block local to that block', () => {
    const { tree, errors } = renderBody('if a { let x = ; b } c');
    expect(errors).toEqual(["1:16 expected expression but found ';'"]);
    expect(tree).toBe('(if a {b}) c');
  });

  it('goes on with the next match arm after a broken one', () => {
    const { tree, errors } = renderBody('match x { A => f(,), B => 2, C D => 3, E => 4 }');
    expect(errors).toEqual([
      "1:18 expected expression but found ','",
      "1:32 expected one of '|', '@', '{', '::', '(', '!', '..', '...', '..=' but found 'D'",
    ]);
    expect(tree).toBe('(match x (B => 2) (E => 4))');
  });

  it('continues after a missing semicolon when a statement follows', () => {
    const { tree, errors } = renderBody('let a = 1\nlet b = 2;');
    expect(errors).toEqual(["2:1 expected ';' but found 'let'"]);
    expect(tree).toBe('(let a = 1); (let b = 2);');
  });

  it('reports leftover tokens after a whole expression', () => {
    expect(renderExpr('1 + 2 3').errors).toEqual(["1:7 expected end of expression but found '3'"]);
  });

  it('bounds nesting depth instead of overflowing the stack', () => {
    const deep = '('.repeat(5000) + ')'.repeat(5000);
    expect(renderExpr(deep).errors).toEqual(['1:201 expression nested too deeply']);
    expect(renderBody('-'.repeat(5000) + 'x').errors).toEqual(['1:200 expression nested too deeply']);
  });

  it('survives unclosed delimiters', () => {
    const { errors } = renderBody('f(a; let b = [1, 2; g()');
    expect(errors).toEqual([
      "1:2 unclosed delimiter '('",
      "1:4 expected ',' or ')' but found ';'",
      "1:14 unclosed delimiter '['",
    ]);
  });
});
