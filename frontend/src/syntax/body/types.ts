// Types, turbofish generic args and `<T as Trait>` heads inside bodies. They have one
// definition, the item grammar's: the body parser finds where they end by delimiter and angle
// counting, matches that sub-range of the token string against the grammar rule, and builds the
// item AST's types with build-types.ts. Plain paths (`usize`, `io::Result`) skip the grammar.
import type { GenericArgs, Path, PathSegment, TypeNode } from '../ast.js';
import { child } from '../cst.js';
import { genericArgs as buildGenericArgs, type as buildType, typePath } from '../build-types.js';
import { TK } from '../tokens.js';
import { closeOf, isNameKind, isUnderscore, nameAt, type Cursor } from './cursor.js';
import { matchRule } from './grammar-match.js';

/** A cast type longer than this is cut: it bounds the grammar's work on a broken statement. */
const CAST_WINDOW = 256;

/** The type that is exactly the tokens `[first, end)` (a `let` annotation, a closure param). */
export function typeRange(p: Cursor, first: number, end: number): TypeNode {
  if (p.fastPaths) {
    const simple = simplePathType(p, first, end);
    if (simple) return simple;
  }
  const node = matchRule(p, 'type', first, end);
  return node ? buildType(p.ts, node) : otherType(p, first, end);
}

/** The type after `as` starting at `p.pos`; moves past it. */
export function castType(p: Cursor): TypeNode {
  const first = p.pos;
  if (p.fastPaths) {
    const end = simplePathEnd(p, first, p.limit);
    const next = end < p.limit ? p.kinds[end] : -1;
    if (end > first && next !== TK['<'] && next !== TK['('] && next !== TK['!'] && next !== TK['::']) {
      p.pos = end;
      return simplePathType(p, first, end)!;
    }
  }
  const window = castWindowEnd(p, first);
  const node = matchRule(p, 'cast_type', first, window);
  if (!node) {
    p.pos = window;
    return otherType(p, first, window);
  }
  const ty = node.kids[0];
  p.pos = ty.end;
  return buildType(p.ts, ty);
}

/** The turbofish `<…>` at `p.pos` (after `::`); moves past it. */
export function turbofish(p: Cursor): GenericArgs {
  const first = p.pos;
  const end = angleEnd(p, first);
  p.pos = end;
  if (p.fastPaths) {
    const simple = simpleGenericArgs(p, first, end);
    if (simple) return simple;
  }
  const node = matchRule(p, 'generic_args', first, end);
  return node ? buildGenericArgs(p.ts, node) : { args: [], bindings: [], other: [[first, end]] };
}

/** The `<T as Trait>` of a qualified path at `p.pos`; moves past it. */
export function qualifiedSelf(p: Cursor): NonNullable<Path['qself']> {
  const first = p.pos;
  const end = angleEnd(p, first);
  p.pos = end;
  const node = matchRule(p, 'qself', first, end);
  if (!node) return { type: otherType(p, first + 1, Math.max(first + 1, end - 1)) };
  const qself: NonNullable<Path['qself']> = { type: buildType(p.ts, child(node, 'type')!) };
  const trait = child(node, 'type_path');
  if (trait) qself.trait = typePath(p.ts, trait);
  return qself;
}

/**
 * End (exclusive) of the `<…>` opened at `first`: inside types `<` and `>` always pair, and a
 * `>` inside `( )`, `[ ]` or `{ }` is skipped with its group. Unbalanced: the current limit.
 */
export function angleEnd(p: Cursor, first: number): number {
  let depth = 0;
  for (let t = first; t < p.limit; t++) {
    const k = p.kinds[t];
    if (k === TK['('] || k === TK['['] || k === TK['{']) t = closeOf(p, t);
    else if (k === TK['<']) depth++;
    else if (k === TK['>'] && --depth === 0) return t + 1;
    else if (k === TK[';']) return t;
  }
  return p.limit;
}

/**
 * How far the type after `as` may reach: `x as u8 + 1`, `x as usize < n` and `f(x as u8, y)`
 * go on after the type, and only the grammar knows where it ends, so it gets a window ending
 * at the first token no type can contain at this depth.
 */
function castWindowEnd(p: Cursor, first: number): number {
  let angle = 0;
  const cap = Math.min(p.limit, first + CAST_WINDOW);
  for (let t = first; t < cap; t++) {
    const k = p.kinds[t];
    if (k === TK['('] || k === TK['[']) { t = closeOf(p, t); continue; }
    if (k === TK['<']) { angle++; continue; }
    if (k === TK['>']) { if (angle === 0) return t; angle--; continue; }
    if (k === TK[';'] || k === TK['=>']) return t;
    if (angle === 0 && (k === TK[','] || k === TK['{'] || k === TK['='] || k === TK.as)) return t;
    if (k === TK['{']) t = closeOf(p, t);
  }
  return cap;
}

function otherType(p: Cursor, first: number, end: number): TypeNode {
  const span: [number, number] = end > first ? [p.starts[first], p.ends[end - 1]] : [p.starts[first], p.starts[first]];
  return { kind: 'other', tokens: [first, end], span };
}

function isPathWord(kind: number): boolean {
  return isNameKind(kind) || kind === TK.self || kind === TK.Self || kind === TK.super || kind === TK.crate;
}

/** End of a plain path `a::b::C` (no generics) starting at `first`, or `first` if none is there. */
function simplePathEnd(p: Cursor, first: number, end: number): number {
  let t = first;
  if (t < end && p.kinds[t] === TK['::']) t++;
  if (t >= end || !isPathWord(p.kinds[t])) return first;
  t++;
  while (t + 1 < end && p.kinds[t] === TK['::'] && isPathWord(p.kinds[t + 1])) t += 2;
  return t;
}

/** What the grammar builds for a plain path type, built directly. */
function simplePathType(p: Cursor, first: number, end: number): TypeNode | undefined {
  if (end === first || simplePathEnd(p, first, end) !== end) return undefined;
  const span: [number, number] = [p.starts[first], p.ends[end - 1]];
  if (end === first + 1 && isUnderscore(p, first)) return { kind: 'infer', span };
  const global = p.kinds[first] === TK['::'];
  const segments: PathSegment[] = [];
  for (let t = global ? first + 1 : first; t < end; t += 2) segments.push({ name: nameAt(p, t) });
  return { kind: 'path', path: { global, segments, span }, span };
}

/** `<A, b::C>`: generic args that are all plain paths. */
function simpleGenericArgs(p: Cursor, first: number, end: number): GenericArgs | undefined {
  if (p.kinds[end - 1] !== TK['>'] || end - first < 3) return undefined;
  const args: TypeNode[] = [];
  let t = first + 1;
  while (t < end - 1) {
    const argEnd = simplePathEnd(p, t, end - 1);
    if (argEnd === t) return undefined;
    args.push(simplePathType(p, t, argEnd)!);
    t = argEnd;
    if (t < end - 1 && p.kinds[t++] !== TK[',']) return undefined;
  }
  return { args, bindings: [], other: [] };
}
