// Renders the item AST back to compact Rust-like text for golden tests: names, kinds and nested
// types, never raw offsets. Token ranges (patterns, bodies, array lengths) print as their tokens.
import { lex, tokenText, type TokenStream } from '../../../frontend/src/syntax/lexer.js';
import { parseFile } from '../../../frontend/src/syntax/parse.js';
import type {
  Attribute, Bound, FieldsShape, GenericArgs, Generics, Item, ParsedFile, Path, TokenRange, TypeNode, UseTree,
} from '../../../frontend/src/syntax/ast.js';

export function parse(src: string): { ts: TokenStream; file: ParsedFile } {
  const ts = lex(new TextEncoder().encode(src));
  return { ts, file: parseFile(ts) };
}

/** Items one per line, nested items indented; errors at the end as `!error line:col message`. */
export function renderFile(src: string): string {
  const { ts, file } = parse(src);
  const lines: string[] = [];
  for (const a of file.innerAttrs) lines.push(`#![${attrText(ts, a)}]`);
  if (file.innerDocs !== undefined) lines.push(`//! ${JSON.stringify(file.innerDocs)}`);
  renderItems(ts, file.items, '', lines);
  for (const e of file.errors) lines.push(`!error ${lineCol(src, e.offset)} ${e.message}`);
  return lines.join('\n');
}

export function lineCol(src: string, offset: number): string {
  const before = new TextDecoder().decode(new TextEncoder().encode(src).subarray(0, offset));
  const lines = before.split('\n');
  return `${lines.length}:${lines[lines.length - 1].length + 1}`;
}

function renderItems(ts: TokenStream, items: Item[], indent: string, lines: string[]): void {
  for (const item of items) {
    const prefix = [
      ...item.attrs.map((a) => `#[${attrText(ts, a)}]`),
      ...(item.docs !== undefined ? [`/// ${JSON.stringify(item.docs)}`] : []),
    ];
    for (const p of prefix) lines.push(indent + p);
    lines.push(indent + (item.vis === 'private' ? '' : item.vis + ' ') + renderItem(ts, item));
    if ('items' in item && item.items) renderItems(ts, item.items, indent + '  ', lines);
  }
}

function attrText(ts: TokenStream, a: Attribute): string {
  const args = toks(ts, a.args);
  return args ? `${a.path} ${args}` : a.path;
}

function renderItem(ts: TokenStream, item: Item): string {
  switch (item.kind) {
    case 'fn': {
      const params = item.params.map((p) => {
        if (p.self) return `${p.self.ref ? '&' : ''}${p.self.mutable ? 'mut ' : ''}self${p.self.type ? ': ' + ty(ts, p.self.type) : ''}`;
        if (p.type) return `${toks(ts, p.pattern)}: ${ty(ts, p.type)}`;
        return p.pattern[1] > p.pattern[0] ? `${toks(ts, p.pattern)}: ...` : '...';
      });
      const quals = item.qualifiers.length ? ` [${item.qualifiers.join(' ')}]` : '';
      const abi = item.abi !== undefined ? ` abi=${item.abi}` : '';
      return `fn ${item.name.text}${generics(ts, item.generics)}(${params.join(', ')})${item.ret ? ' -> ' + ty(ts, item.ret) : ''}`
        + `${where(ts, item.generics)}${quals}${abi}${item.body ? ' {..}' : ';'}`;
    }
    case 'mod': return `mod ${item.name.text}${item.items ? ' {}' : ';'}${item.innerAttrs.map((a) => ` #![${attrText(ts, a)}]`).join('')}`
      + (item.innerDocs !== undefined ? ` //! ${JSON.stringify(item.innerDocs)}` : '');
    case 'use': return `use ${useTree(ts, item.tree)}`;
    case 'extern_crate': return `extern crate ${item.name.text}${item.rename ? ' as ' + item.rename.text : ''}`;
    case 'struct': case 'union':
      return `${item.kind} ${item.name.text}${generics(ts, item.generics)}${fields(ts, item.fields)}${where(ts, item.generics)}`;
    case 'enum': {
      const variants = item.variants.map((v) => {
        const docs = v.docs !== undefined ? `/// ${JSON.stringify(v.docs)} ` : '';
        const attrs = v.attrs.map((a) => `#[${attrText(ts, a)}] `).join('');
        return `${attrs}${docs}${v.name.text}${fields(ts, v.fields)}${v.discriminant ? ' = ' + toks(ts, v.discriminant) : ''}`;
      });
      return `enum ${item.name.text}${generics(ts, item.generics)}${where(ts, item.generics)} {${variants.join(', ')}}`;
    }
    case 'trait': {
      const quals = `${item.unsafe ? 'unsafe ' : ''}${item.auto ? 'auto ' : ''}`;
      const sup = item.supertraits.length ? ': ' + bounds(ts, item.supertraits) : '';
      return `${quals}trait ${item.name.text}${generics(ts, item.generics)}${sup}${where(ts, item.generics)}`;
    }
    case 'impl': {
      const head = item.trait ? `${item.negative ? '!' : ''}${path(ts, item.trait)} for ` : '';
      return `${item.unsafe ? 'unsafe ' : ''}impl${generics(ts, item.generics)} ${head}${ty(ts, item.selfType)}${where(ts, item.generics)}`;
    }
    case 'const': case 'static':
      return `${item.kind}${item.mutable ? ' mut' : ''} ${item.name.text}: ${item.type ? ty(ts, item.type) : '?'}`
        + (item.value ? ` = ${toks(ts, item.value)}` : '');
    case 'type': {
      const b = item.bounds.length ? ': ' + bounds(ts, item.bounds) : '';
      return `type ${item.name.text}${generics(ts, item.generics)}${b}${where(ts, item.generics)}${item.value ? ' = ' + ty(ts, item.value) : ''}`;
    }
    case 'macro_rules': return `macro_rules! ${item.name.text} ${abbrev(toks(ts, item.body))}`;
    case 'macro_call': return `${path(ts, item.path)}! ${abbrev(toks(ts, item.args))}`;
    case 'extern_block': return `extern${item.abi !== undefined ? ' ' + JSON.stringify(item.abi) : ''} {}`;
    case 'error': return `<error${item.name ? ' ' + item.name.text : ''}>`;
  }
}

function abbrev(s: string): string {
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
}

function fields(ts: TokenStream, f: FieldsShape): string {
  const one = (x: FieldsShape['fields'][number]) => {
    const attrs = x.attrs.map((a) => `#[${attrText(ts, a)}] `).join('');
    const docs = x.docs !== undefined ? `/// ${JSON.stringify(x.docs)} ` : '';
    const vis = x.vis === 'private' ? '' : x.vis + ' ';
    return `${attrs}${docs}${vis}${x.name ? x.name.text + ': ' : ''}${ty(ts, x.type)}`;
  };
  if (f.kind === 'unit') return '';
  if (f.kind === 'tuple') return `(${f.fields.map(one).join(', ')})`;
  return ` {${f.fields.map(one).join(', ')}}`;
}

function useTree(ts: TokenStream, t: UseTree): string {
  switch (t.kind) {
    case 'path': return path(ts, t.path) + (t.rename === undefined ? '' : ` as ${t.rename === '_' ? '_' : t.rename.text}`);
    case 'glob': return prefix(ts, t.prefix) + '*';
    case 'group': return `${prefix(ts, t.prefix)}{${t.children.map((c) => useTree(ts, c)).join(', ')}}`;
  }
}

function prefix(ts: TokenStream, p: Path): string {
  if (p.segments.length === 0) return p.global ? '::' : '';
  return path(ts, p) + '::';
}

export function path(ts: TokenStream, p: Path): string {
  const segs = p.segments.map((s) => {
    let out = s.name.text;
    if (s.generics) out += genericArgs(ts, s.generics);
    if (s.fnArgs) out += `(${s.fnArgs.inputs.map((i) => ty(ts, i)).join(', ')})${s.fnArgs.output ? ' -> ' + ty(ts, s.fnArgs.output) : ''}`;
    return out;
  });
  const q = p.qself ? `<${ty(ts, p.qself.type)}${p.qself.trait ? ' as ' + path(ts, p.qself.trait) : ''}>::` : '';
  return q + (p.global ? '::' : '') + segs.join('::');
}

function genericArgs(ts: TokenStream, g: GenericArgs): string {
  const parts = [
    ...g.args.map((a) => ty(ts, a)),
    ...g.bindings.map((b) => `${b.name.text}${b.type ? ' = ' + ty(ts, b.type) : ''}${b.bounds ? ': ' + bounds(ts, b.bounds) : ''}`),
    ...g.other.map((o) => `{${toks(ts, o)}}`),
  ];
  return `<${parts.join(', ')}>`;
}

export function ty(ts: TokenStream, t: TypeNode): string {
  switch (t.kind) {
    case 'path': return path(ts, t.path);
    case 'ref': return `&${t.lifetime ? t.lifetime.text + ' ' : ''}${t.mutable ? 'mut ' : ''}${ty(ts, t.inner)}`;
    case 'ptr': return `*${t.mutable ? 'mut' : 'const'} ${ty(ts, t.inner)}`;
    case 'slice': return `[${ty(ts, t.inner)}]`;
    case 'array': return `[${ty(ts, t.inner)}; ${toks(ts, t.len)}]`;
    case 'tuple': return `(${t.elems.map((e) => ty(ts, e)).join(', ')}${t.elems.length === 1 ? ',' : ''})`;
    case 'fn': return `fn(${t.inputs.map((i) => ty(ts, i)).join(', ')})${t.output ? ' -> ' + ty(ts, t.output) : ''}`;
    case 'impl': return `impl(${bounds(ts, t.bounds)})`;
    case 'dyn': return `dyn(${bounds(ts, t.bounds)})`;
    case 'never': return '!';
    case 'infer': return '_';
    case 'macro': return `${path(ts, t.path)}!(..)`;
    case 'other': return `?{${toks(ts, t.tokens)}}`;
  }
}

export function bounds(ts: TokenStream, bs: Bound[]): string {
  return bs.map((b) => {
    if (b.kind === 'lifetime') return b.name.text;
    if (b.kind === 'use') return 'use<..>';
    const fl = b.forLifetimes.length ? `for<${b.forLifetimes.map((l) => l.text).join(', ')}> ` : '';
    return `${fl}${b.maybe ? '?' : ''}${path(ts, b.path)}`;
  }).join(' + ');
}

function generics(ts: TokenStream, g: Generics): string {
  if (g.params.length === 0) return '';
  return '<' + g.params.map((p) => {
    if (p.kind === 'const') return `const ${p.name.text}: ${p.type ? ty(ts, p.type) : '?'}`;
    const b = p.bounds.length ? ': ' + bounds(ts, p.bounds) : '';
    return `${p.name.text}${b}${p.type ? ' = ' + ty(ts, p.type) : ''}`;
  }).join(', ') + '>';
}

function where(ts: TokenStream, g: Generics): string {
  if (g.where.length === 0) return '';
  return ' where ' + g.where.map((w) => {
    const fl = w.forLifetimes.length ? `for<${w.forLifetimes.map((l) => l.text).join(', ')}> ` : '';
    const subject = w.lifetime ? w.lifetime.text : ty(ts, w.type!);
    return `${fl}${subject}: ${bounds(ts, w.bounds)}`;
  }).join(', ');
}

/** The tokens of a range, separated by single spaces. */
export function toks(ts: TokenStream, [a, b]: TokenRange): string {
  const out: string[] = [];
  for (let t = a; t < b; t++) out.push(tokenText(ts, t));
  return out.join(' ');
}
