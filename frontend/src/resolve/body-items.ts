// Items and `use` declarations inside a body. Items are visible in their whole block, so they are
// declared before the walk; a nested fn is parsed then, so calls before it know its return type,
// and its signature and body are resolved when the walk reaches it (it sees no outer locals).
import { localDescriptor } from '../../../schema/src/index.js';
import { tokenText } from '../syntax/lexer.js';
import { TK } from '../syntax/tokens.js';
import { parseItems } from '../syntax/parse.js';
import type { Item, Path } from '../syntax/ast.js';
import type { DefInfo, LexicalScope, Namespace } from './model.js';
import { addDef } from './collect.js';
import { unalias } from './paths.js';
import { genericsRefs, genericsScope, typeDef, typeRefs } from './types.js';
import { blockConstName, readPath, skipItem, type ReadPath } from './body-tokens.js';
import type { BodyContext } from './body-types.js';

type FnItem = Extract<Item, { kind: 'fn' }>;

/** A nested fn declared before the walk, waiting for the walk to reach its `fn` token. */
interface NestedFn {
  item: FnItem;
  lex: LexicalScope;
  end: number;
}

/** The walk of a nested fn's body: a resolver of its own, sharing the enclosing record. */
export interface NestedBody {
  declareParam(pattern: [number, number], type?: DefInfo): void;
  resolve(first: number, end: number): void;
}

/** Nested fns by the index of their `fn` token, shared by the resolvers of one outermost body. */
export type NestedFns = Map<number, NestedFn>;

/** What an item keyword in a block declares. */
const BLOCK_ITEM_KINDS: Record<number, { kind: 'const' | 'static' | 'fn' | 'struct' | 'enum' | 'trait' | 'mod'; ns: Namespace }> = {
  [TK.const]: { kind: 'const', ns: 'value' }, [TK.static]: { kind: 'static', ns: 'value' }, [TK.fn]: { kind: 'fn', ns: 'value' },
  [TK.struct]: { kind: 'struct', ns: 'type' }, [TK.enum]: { kind: 'enum', ns: 'type' }, [TK.trait]: { kind: 'trait', ns: 'type' },
  [TK.mod]: { kind: 'mod', ns: 'type' },
};

/**
 * Declares the items of `[first, end)` (`const`, `static`, `fn`, a type) as defs of the enclosing
 * record, named from the rest of the body like module items (the whole body, as a simplification
 * of the block).
 */
export function declareBlockItems(ctx: BodyContext, first: number, end: number, nested: NestedFns): void {
  const { ts } = ctx;
  const k = ts.kinds;
  for (let t = first; t < end; t++) {
    const spec = BLOCK_ITEM_KINDS[k[t]];
    if (!spec) continue;
    const nameTok = spec.ns === 'value' && spec.kind !== 'fn' ? blockConstName(ts, t) : k[t + 1] === TK.Ident ? t + 1 : undefined;
    if (nameTok === undefined) continue;
    const name = tokenText(ts, nameTok);
    const span: [number, number] = [ts.starts[nameTok], ts.ends[nameTok]];
    const def = addDef(ctx.place, ctx.record, {
      id: ctx.record.id + localDescriptor(name, span[0] - ctx.record.span[0]),
      kind: spec.kind, name, qualname: name, span, nameSpan: span, vis: 'private', ns: spec.ns,
    });
    const names = ctx.lex.blockNames!;
    names.set(name, [def, ...(names.get(name) ?? []).filter((d) => d.ns !== spec.ns)]);
    if (spec.kind === 'fn') declareNestedFn(ctx, def, t, end, nested);
  }
}

function declareNestedFn(ctx: BodyContext, def: DefInfo, t: number, end: number, nested: NestedFns): void {
  const itemEnd = skipItem(ctx.ts, t, end);
  const item = parseItems(ctx.ts, [t, itemEnd]).items[0];
  if (item?.kind !== 'fn') return;
  const lex = genericsScope(ctx.place, ctx.record, item.generics, ctx.lex, def);
  if (item.ret) def.returnType = { type: item.ret, scope: lex };
  nested.set(t, { item, lex, end: itemEnd });
}

/** Resolves the nested fn whose `fn` token is `t`; returns the index past it. */
export function nestedFn(ctx: BodyContext, t: number, end: number, nested: NestedFns, walker: (lex: LexicalScope) => NestedBody): number {
  const fn = nested.get(t);
  // `fn(u8) -> u8` is a type; a nested fn that did not parse names nothing we could resolve.
  if (!fn) return ctx.ts.kinds[t + 1] === TK.Ident ? skipItem(ctx.ts, t, end) : t + 1;
  const { item, lex } = fn;
  genericsRefs(item.generics, lex, ctx.record);
  const body = walker(lex);
  for (const p of item.params) {
    if (p.type) typeRefs(p.type, lex, ctx.record);
    if (!p.self) body.declareParam(p.pattern, typeDef(p.type, lex));
  }
  if (item.ret) typeRefs(item.ret, lex, ctx.record);
  if (item.body) body.resolve(item.body[0], item.body[1]);
  return fn.end;
}

/** `use a::b;`, `use a::*;` or one level of group, `use a::{b, c as d};`, in a block. */
export function blockUse(ctx: BodyContext, t: number, end: number): number {
  const { ts } = ctx;
  const k = ts.kinds;
  let u = t + 1;
  while (u < end && k[u] !== TK[';']) u++;
  const prefix = readPath(ts, t + 1, u, false);
  if (k[prefix.end] !== TK['::'] || k[prefix.end + 1] !== TK['{']) {
    blockUseLeaf(ctx, prefix, 0);
    return u + 1;
  }
  const before = ctx.record.refs.length;
  for (let v = prefix.end + 2; v < u && k[v] !== TK['}'];) {
    const leaf = readPath(ts, v, u, false);
    if (leaf.end === v) { v++; continue; }
    const segments = [...prefix.segments, ...leaf.segments];
    const path: Path = { global: prefix.path.global, segments, span: [prefix.path.span[0], leaf.path.span[1]] };
    blockUseLeaf(ctx, { ...leaf, path, segments }, prefix.segments.length);
    v = leaf.end;
    while (v < u && k[v] !== TK[','] && k[v] !== TK['}']) v++;
    if (k[v] === TK[',']) v++;
  }
  // Every leaf emitted the shared prefix's refs: keep one per span.
  const seen = new Set<number>();
  const added = ctx.record.refs.splice(before).filter((r) => !seen.has(r.span[0]) && seen.add(r.span[0]));
  ctx.record.refs.push(...added);
  return u + 1;
}

function blockUseLeaf(ctx: BodyContext, path: ReadPath, ownFrom: number): void {
  const { ts } = ctx;
  const glob = ts.kinds[path.end] === TK['::'] && ts.kinds[path.end + 1] === TK['*'];
  const segs = ctx.resolveAndEmit(path, glob ? 'type' : 'value', 'import', true, ownFrom);
  const names = ctx.lex.blockNames!;
  if (glob) {
    for (const owner of segs) {
      for (const [name, defs] of unalias(owner).members) names.set(name, [...(names.get(name) ?? []), ...defs]);
      const scope = unalias(owner).scope;
      if (scope) for (const ns of ['type', 'value', 'macro'] as const) for (const [name, b] of scope.names[ns]) names.set(name, [...(names.get(name) ?? []), ...b.defs]);
    }
  } else if (segs.length > 0) {
    const renamed = ts.kinds[path.end] === TK.as ? tokenText(ts, path.end + 1) : path.segments.at(-1)!.name.text;
    names.set(renamed, segs);
  }
}
