// Types inside a body and the light receiver-type inference of the body walk: the def a type's
// tokens name, what a call returns, and the methods and fields a receiver reaches, through Deref
// (`Vec` → `[T]`, a crate's `impl Deref`) when its own type has none of that name.
import type { RefRole } from '../../../schema/src/index.js';
import type { TokenStream } from '../syntax/lexer.js';
import { tokenText } from '../syntax/lexer.js';
import { TK } from '../syntax/tokens.js';
import type { DefInfo, ItemRecordDraft, LexicalScope, Namespace, Place } from './model.js';
import { lookupMember, lookupName, unalias } from './paths.js';
import { typeDef } from './types.js';
import { builtinType, returnsReceiver } from './builtins.js';
import { isPathStart, readPath, skipBraces, type ReadPath } from './body-tokens.js';

/** What the helpers of the body walk need from it. */
export interface BodyContext {
  readonly place: Place;
  readonly record: ItemRecordDraft;
  readonly lex: LexicalScope;
  readonly ts: TokenStream;
  /** Resolves a path read from tokens, emits its refs; returns the last segment's defs. */
  resolveAndEmit(path: ReadPath, ns: Namespace, role: RefRole, inUse?: boolean, wholeFrom?: number): DefInfo[];
}

/** A type in a body (let annotation, closure param, cast): refs for its paths, and its def. */
export function typeAt(ctx: BodyContext, t: number, end: number, stopAtPipe = false): { end: number; def?: DefInfo } {
  const u = typeTokens(ctx, t, end, false, stopAtPipe);
  return { end: u, def: typeDefOfTokens(ctx.ts, t, u, ctx.lex) };
}

/** A cast's target type `as T`: refs for its paths, where it ends, and its def. */
export function castType(ctx: BodyContext, t: number, end: number): { end: number; def?: DefInfo } {
  const u = typeTokens(ctx, t, end, true);
  return { end: u, def: typeDefOfTokens(ctx.ts, t, u, ctx.lex) };
}

/**
 * The def the type in tokens `[start, end)` names: references look through to their pointee,
 * raw pointers, slices and arrays are the std table's builtin types.
 */
export function typeDefOfTokens(ts: TokenStream, start: number, end: number, lex: LexicalScope): DefInfo | undefined {
  const k = ts.kinds;
  let t = start;
  while (t < end && (k[t] === TK['&'] || k[t] === TK.Lifetime || k[t] === TK["'static"] || k[t] === TK.mut || k[t] === TK.dyn || k[t] === TK.impl)) t++;
  if (t >= end) return undefined;
  const crate = lex.module.crate;
  if (k[t] === TK['*']) return builtinType(crate, k[t + 1] === TK.mut ? 'mut_ptr' : 'const_ptr');
  if (k[t] === TK['[']) {
    for (let u = t + 1, depth = 0; u < end; u++) {
      if (k[u] === TK['('] || k[u] === TK['['] || k[u] === TK['<']) depth++;
      else if (k[u] === TK[')'] || k[u] === TK[']'] || k[u] === TK['>']) depth--;
      else if (k[u] === TK[';'] && depth === 0) return builtinType(crate, 'array');
    }
    return builtinType(crate, 'slice');
  }
  if (!isPathStart(k[t])) return undefined;
  const path = readPath(ts, t, end);
  return typeDef({ kind: 'path', path: path.path, span: path.path.span }, lex);
}

/**
 * Resolves every path in a type's tokens as a type (in an array length `[T; N]`, as a value);
 * returns where the type ends.
 */
export function typeTokens(ctx: BodyContext, t: number, end: number, castOnly: boolean, stopAtPipe = false): number {
  const { ts } = ctx;
  const k = ts.kinds;
  let angle = 0;
  let depth = 0;
  /** The bracket depth of the array length being read, or -1. */
  let lengthAt = -1;
  for (; t < end; t++) {
    const kk = k[t];
    if (kk === TK['<']) { angle++; continue; }
    if (kk === TK['>']) { if (angle === 0) return t; angle--; continue; }
    if (kk === TK['('] || kk === TK['[']) { depth++; continue; }
    if (kk === TK[')'] || kk === TK[']']) {
      if (depth === 0) return t;
      if (--depth < lengthAt) lengthAt = -1;
      continue;
    }
    if (kk === TK[';'] && depth > 0) { lengthAt = depth; continue; }
    if (angle === 0 && depth === 0 && (kk === TK['='] || kk === TK[';'] || kk === TK[','] || kk === TK['{'] || kk === TK['}'] || (stopAtPipe && kk === TK['|']))) return t;
    if (castOnly && angle === 0 && depth === 0 && !isPathStart(kk) && kk !== TK['::'] && kk !== TK['&'] && kk !== TK.mut && kk !== TK['*'] && kk !== TK.const) return t;
    if (isPathStart(kk) && !(kk === TK.mut || kk === TK.dyn || kk === TK.impl || kk === TK.const)) {
      const path = readPath(ts, t, end, false);
      const inferred = path.segments.length === 1 && path.segments[0].name.text === '_';
      if (lengthAt >= 0) ctx.resolveAndEmit(path, 'value', k[path.end] === TK['('] ? 'call' : 'read');
      else if (!inferred) ctx.resolveAndEmit(path, 'type', 'type');
      t = path.end - 1;
      if (castOnly && angle === 0 && depth === 0 && k[path.end] !== TK['<']) return path.end;
    }
  }
  return t;
}

/** Generic args `A, B, Item = C`: each is a type, but a const block `{ N + 1 }` holds values. */
export function typeList(ctx: BodyContext, first: number, end: number): void {
  const k = ctx.ts.kinds;
  for (let t = first; t < end; t++) {
    if (k[t] !== TK['{']) {
      t = typeTokens(ctx, t, end, false);
      continue;
    }
    const close = skipBraces(ctx.ts, t, end);
    for (let u = t + 1; u < close - 1; u++) {
      if (!isPathStart(k[u])) continue;
      const path = readPath(ctx.ts, u, close - 1);
      ctx.resolveAndEmit(path, 'value', k[path.end] === TK['('] ? 'call' : 'read');
      u = path.end - 1;
    }
    t = close - 1;
  }
}

/** What a call of `d` on a receiver of type `recv` returns: a fn's return type, a tuple struct's own type. */
export function resultTypeOf(d: DefInfo | undefined, recv?: DefInfo): DefInfo | undefined {
  if (!d) return undefined;
  if (d.def.kind === 'struct') return d;
  if (returnsReceiver(d)) return recv;
  if (d.returns) return d.returns;
  return d.returnType ? typeDef(d.returnType.type, d.returnType.scope) : undefined;
}

/** The type of a value path: a const's or field's declared type, a unit struct itself. */
export function valueTypeOf(d: DefInfo): DefInfo | undefined {
  if (d.def.kind === 'struct') return d;
  return d.declaredType ? typeDef(d.declaredType.type, d.declaredType.scope) : undefined;
}

/** How many Deref steps a receiver may take: `Box<Vec<T>>` is already looked through by `typeDef`. */
const MAX_DEREFS = 4;

/** The methods named `name` a receiver of type `recv` reaches, itself first, then through Deref. */
export function methodsOf(recv: DefInfo, name: string): DefInfo[] {
  let cur: DefInfo | undefined = recv;
  for (let n = 0; cur && n < MAX_DEREFS; n++) {
    const found = lookupMember(cur, name, 'value').filter((d) => d.def.kind === 'method' || d.def.kind === 'fn');
    if (found.length > 0) return found;
    cur = derefTarget(cur);
  }
  return [];
}

/** The field `name` of a receiver of type `recv`, itself first, then through Deref. */
export function fieldOf(recv: DefInfo, name: string): DefInfo | undefined {
  let cur: DefInfo | undefined = recv;
  for (let n = 0; cur && n < MAX_DEREFS; n++) {
    const found = unalias(cur).fields.get(name);
    if (found) return found;
    cur = derefTarget(cur);
  }
  return undefined;
}

/** What `d` derefs to: its `Target` (a std table alias, or the assoc type of a crate's `impl Deref`). */
function derefTarget(d: DefInfo): DefInfo | undefined {
  const target = unalias(d).scope ? undefined : lookupMember(d, 'Target', 'type').find((t) => t.def.kind === 'type_alias' || t.def.kind === 'assoc_type');
  if (!target) return undefined;
  if (target.aliasOf) return unalias(target);
  return target.declaredType ? typeDef(target.declaredType.type, target.declaredType.scope) : undefined;
}

const INT_SUFFIX = /(?:[iu](?:8|16|32|64|128|size)|f32|f64)$/;

/** The type of a number literal with a suffix (`1usize`, `0.5f32`); unsuffixed ones are left unknown. */
export function literalType(ts: TokenStream, t: number, lex: LexicalScope): DefInfo | undefined {
  const text = tokenText(ts, t);
  if (/^0[xob]/i.test(text) && /f(?:32|64)$/.test(text)) return undefined;
  const m = INT_SUFFIX.exec(text);
  return m ? lookupName(m[0], lex, 'type')[0] : undefined;
}

