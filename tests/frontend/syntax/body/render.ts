// Renders body trees as compact S-expressions for golden tests: operators and node kinds in
// prefix position, names and literals as their source text, types and paths as render.ts
// prints them. A missing range end prints as `~`.
import { lex, type TokenStream } from '../../../../frontend/src/syntax/lexer.js';
import type { Range, TokenRange } from '../../../../frontend/src/syntax/ast.js';
import type { Block, Expr, Pat, Stmt } from '../../../../frontend/src/syntax/body/ast.js';
import { parseBlock, parseExpr, type BodyOptions } from '../../../../frontend/src/syntax/body/parser.js';
import { lineCol, path, toks, ty } from '../render.js';

function text(ts: TokenStream, [a, b]: Range): string {
  return new TextDecoder().decode(ts.src.subarray(a, b));
}

export function expr(ts: TokenStream, e: Expr): string {
  const r = (x: Expr) => expr(ts, x);
  const opt = (x: Expr | undefined) => (x ? r(x) : '~');
  const label = (l: { text: string } | undefined) => (l ? l.text + ' ' : '');
  switch (e.kind) {
    case 'lit': return text(ts, e.span);
    case 'path': return path(ts, e.path);
    case 'underscore': return '_';
    case 'unary': return `(${e.op} ${r(e.expr)})`;
    case 'ref': return `(&${e.raw ? 'raw ' + (e.mutable ? 'mut' : 'const') : e.mutable ? 'mut' : ''} ${r(e.expr)})`;
    case 'box': return `(box ${r(e.expr)})`;
    case 'binary': case 'assign': return `(${e.op} ${r(e.lhs)} ${r(e.rhs)})`;
    case 'range': return `(${e.inclusive ? '..=' : '..'} ${opt(e.start)} ${opt(e.end)})`;
    case 'cast': return `(as ${r(e.expr)} ${ty(ts, e.type)})`;
    case 'try': return `(? ${r(e.expr)})`;
    case 'await': return `(await ${r(e.expr)})`;
    case 'call': return `(call ${[e.callee, ...e.args].map(r).join(' ')})`;
    case 'method': {
      const withArgs = path(ts, { global: false, segments: [{ name: e.name, generics: e.generics }], span: e.span });
      const name = e.generics ? `${e.name.text}::${withArgs.slice(e.name.text.length)}` : e.name.text;
      return `(method ${[r(e.receiver), name, ...e.args.map(r)].join(' ')})`;
    }
    case 'field': return `(field ${r(e.expr)} ${e.name.text})`;
    case 'index': return `(index ${r(e.expr)} ${r(e.index)})`;
    case 'paren': return `(paren ${r(e.expr)})`;
    case 'tuple': return `(tuple${e.elems.map((x) => ' ' + r(x)).join('')})`;
    case 'array': return `(array${e.elems.map((x) => ' ' + r(x)).join('')})`;
    case 'repeat': return `(repeat ${r(e.value)} ${r(e.len)})`;
    case 'struct': {
      const fields = e.fields.map((f) => (f.value ? ` (${f.name.text} ${r(f.value)})` : ` (${f.name.text})`));
      const rest = e.rest ? ` (..${e.base ? ' ' + r(e.base) : ''})` : '';
      return `(struct ${path(ts, e.path)}${fields.join('')}${rest})`;
    }
    case 'block': return `${label(e.label)}${e.modifier ? e.modifier + ' ' : ''}${block(ts, e.block)}`;
    case 'if': return `(if ${r(e.cond)} ${block(ts, e.then)}${e.else ? ' ' + r(e.else) : ''})`;
    case 'let': return `(let ${pat(ts, e.pat)} ${r(e.expr)})`;
    case 'match': {
      const arms = e.arms.map((a) => ` (${pat(ts, a.pat)}${a.guard ? ' if ' + r(a.guard) : ''} => ${r(a.body)})`);
      return `(match ${r(e.scrutinee)}${arms.join('')})`;
    }
    case 'loop': return `(loop ${label(e.label)}${block(ts, e.body)})`;
    case 'while': return `(while ${label(e.label)}${r(e.cond)} ${block(ts, e.body)})`;
    case 'for': return `(for ${label(e.label)}${pat(ts, e.pat)} ${r(e.iter)} ${block(ts, e.body)})`;
    case 'break': return `(break${e.label ? ' ' + e.label.text : ''}${e.value ? ' ' + r(e.value) : ''})`;
    case 'continue': return `(continue${e.label ? ' ' + e.label.text : ''})`;
    case 'return': case 'yield': case 'become': return `(${e.kind}${e.value ? ' ' + r(e.value) : ''})`;
    case 'closure': {
      const params = e.params.map((p) => pat(ts, p.pat) + (p.type ? ': ' + ty(ts, p.type) : '')).join(', ');
      const flags = `${e.move ? 'move ' : ''}${e.async ? 'async ' : ''}`;
      return `(closure ${flags}|${params}|${e.ret ? ' -> ' + ty(ts, e.ret) : ''} ${r(e.body)})`;
    }
    case 'macro': return `${path(ts, e.path)}!${toks(ts, e.args)}`;
    case 'error': return '<error>';
  }
}

export function block(ts: TokenStream, b: Block): string {
  const inner = b.innerAttrs?.length ? b.innerAttrs.map((a) => `#![${a.path}] `).join('') : '';
  return `{${inner}${b.stmts.map((s) => stmt(ts, s)).join(' ')}}`;
}

function stmt(ts: TokenStream, s: Stmt): string {
  const attrs = 'attrs' in s && s.attrs ? s.attrs.map((a) => `#[${a.path}] `).join('') : '';
  switch (s.kind) {
    case 'let': {
      const type = s.type ? ': ' + ty(ts, s.type) : '';
      const init = s.init ? ' = ' + expr(ts, s.init) : '';
      const els = s.else ? ' else ' + block(ts, s.else) : '';
      return `${attrs}(let ${pat(ts, s.pat)}${type}${init}${els});`;
    }
    case 'expr': return `${attrs}${expr(ts, s.expr)}${s.semi ? ';' : ''}`;
    case 'item': return `(item ${s.item.kind}${'name' in s.item && s.item.name ? ' ' + s.item.name.text : ''})`;
  }
}

export function pat(ts: TokenStream, p: Pat): string {
  const r = (x: Pat) => pat(ts, x);
  switch (p.kind) {
    case 'wild': return '_';
    case 'rest': return '..';
    case 'ident': {
      const name = `${p.byRef ? 'ref ' : ''}${p.mutable ? 'mut ' : ''}${p.name.text}`;
      return p.sub ? `(@ ${name} ${r(p.sub)})` : name;
    }
    case 'lit': return text(ts, p.span);
    case 'range': return `(${p.inclusive ? '..=' : '..'} ${p.start ? r(p.start) : '~'} ${p.end ? r(p.end) : '~'})`;
    case 'ref': return `(&${p.mutable ? 'mut' : ''} ${r(p.inner)})`;
    case 'box': return `(box ${r(p.inner)})`;
    case 'tuple': return `(tuple${p.elems.map((x) => ' ' + r(x)).join('')})`;
    case 'slice': return `(slice${p.elems.map((x) => ' ' + r(x)).join('')})`;
    case 'path': return path(ts, p.path);
    case 'tuple_struct': return `(${path(ts, p.path)}${p.elems.map((x) => ' ' + r(x)).join('')})`;
    case 'struct': {
      const fields = p.fields.map((f) => (f.shorthand ? ` ${r(f.pat)}` : ` (${f.name.text}: ${r(f.pat)})`));
      return `{${path(ts, p.path)}${fields.join('')}${p.rest ? ' ..' : ''}}`;
    }
    case 'or': return `(| ${p.alts.map(r).join(' ')})`;
    case 'macro': return `${path(ts, p.path)}!${toks(ts, p.args)}`;
    case 'const_block': return `(const ${block(ts, p.block)})`;
    case 'error': return '<error>';
  }
}

export interface Rendered {
  tree: string;
  errors: string[];
  ts: TokenStream;
}

/** Parses `src` as the statements of a block and renders them without the outer braces. */
export function renderBody(src: string, options: BodyOptions = {}): Rendered {
  const full = `{${src}}`;
  const ts = lex(new TextEncoder().encode(full));
  const { block: b, errors } = parseBlock(ts, [0, ts.count], options);
  // Offsets are reported in `src`, without the brace added around it.
  const at = (offset: number) => lineCol(src, Math.max(0, Math.min(offset - 1, src.length)));
  return { tree: block(ts, b).slice(1, -1), errors: errors.map((e) => `${at(e.offset)} ${e.message}`), ts };
}

/** Parses `src` as one expression. */
export function renderExpr(src: string, options: BodyOptions = {}): Rendered {
  const ts = lex(new TextEncoder().encode(src));
  const range: TokenRange = [0, ts.count];
  const { expr: e, errors } = parseExpr(ts, range, options);
  return { tree: expr(ts, e), errors: errors.map((x) => `${lineCol(src, x.offset)} ${x.message}`), ts };
}

/** Parses a block with and without the fast paths, so a test can check both built the same tree. */
export function parseBothWays(src: string): { fast: ReturnType<typeof parseBlock>; slow: ReturnType<typeof parseBlock> } {
  const ts = lex(new TextEncoder().encode(src));
  return {
    fast: parseBlock(ts, [0, ts.count], { fastPaths: true }),
    slow: parseBlock(ts, [0, ts.count], { fastPaths: false }),
  };
}
