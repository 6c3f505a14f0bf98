// Token-level helpers of the body walk: reading a path, skipping what names nothing in a body
// (attributes, nested items, generic args), and the token classes the walk branches on.
import type { TokenStream } from '../syntax/lexer.js';
import { tokenText } from '../syntax/lexer.js';
import { TK, isKeywordKind } from '../syntax/tokens.js';
import type { Attribute, Path, PathSegment } from '../syntax/ast.js';
import { cfgActive, type CfgSet } from '../crate/cfg.js';

export function isPathStart(kind: number): boolean {
  return kind === TK.Ident || kind === TK.self || kind === TK.Self || kind === TK.super || kind === TK.crate
    || kind === TK['::'] || kind === TK.union || kind === TK.auto || kind === TK.default || kind === TK.safe || kind === TK.raw
    || kind === TK.macro_rules || kind === TK.ref || kind === TK.mut || kind === TK['$'];
}

export function isCompoundAssign(kind: number): boolean {
  return kind === TK['+='] || kind === TK['-='] || kind === TK['*='] || kind === TK['/='] || kind === TK['%='] || kind === TK['^='];
}

/** Tokens after which `|` is a binary operator rather than the start of a closure. */
export function isExprEnd(kind: number): boolean {
  return kind === TK.Ident || kind === TK[')'] || kind === TK[']'] || kind === TK['}'] || kind === TK.Int || kind === TK.Float
    || kind === TK.Str || kind === TK.Char || kind === TK.self || kind === TK.true || kind === TK.false || kind === TK['?'];
}

export interface ReadPath {
  path: Path;
  segments: PathSegment[];
  /** Token ranges of turbofish generic args, resolved as types. */
  generics: Array<[number, number]>;
  end: number;
}

/** Reads `a::b::<T>::c` starting at `t`; `turbofish` allows `::<…>` (expressions) or `<…>` (types). */
export function readPath(ts: TokenStream, t: number, end: number, turbofish = true): ReadPath {
  const k = ts.kinds;
  const segments: PathSegment[] = [];
  const generics: Array<[number, number]> = [];
  const start = ts.starts[t];
  let global = false;
  if (k[t] === TK['::']) { global = true; t++; }
  if (k[t] === TK['$'] && k[t + 1] === TK.crate) {
    segments.push({ name: { text: '$crate', span: [ts.starts[t], ts.ends[t + 1]] } });
    t += 2;
  } else if (t < end) {
    segments.push({ name: { text: tokenText(ts, t), span: [ts.starts[t], ts.ends[t]] } });
    t++;
  }
  for (;;) {
    if (!turbofish && k[t] === TK['<']) {
      const close = skipAngles(ts, t, end);
      generics.push([t + 1, close - 1]);
      t = close;
      continue;
    }
    if (k[t] !== TK['::']) break;
    if (k[t + 1] === TK['<']) {
      const close = skipAngles(ts, t + 1, end);
      generics.push([t + 2, close - 1]);
      t = close;
      continue;
    }
    const nk = k[t + 1];
    if (nk !== TK.Ident && nk !== TK.super && nk !== TK.self && nk !== TK.Self && !isKeywordKind(nk)) break;
    if (nk === TK['*']) break;
    segments.push({ name: { text: tokenText(ts, t + 1), span: [ts.starts[t + 1], ts.ends[t + 1]] } });
    t += 2;
  }
  const path: Path = { global, segments, span: [start, ts.ends[Math.max(0, t - 1)]] };
  return { path, segments, generics, end: t };
}

/** Index just past the `>` matching the `<` at `t`; a `;` inside `[T; N]` does not end it. */
export function skipAngles(ts: TokenStream, t: number, end: number): number {
  let depth = 0;
  let nested = 0;
  for (; t < end; t++) {
    const kk = ts.kinds[t];
    if (kk === TK['<']) depth++;
    else if (kk === TK['>']) { if (--depth === 0) return t + 1; }
    else if (kk === TK['('] || kk === TK['[']) nested++;
    else if (kk === TK[')'] || kk === TK[']']) { if (--nested < 0) return t; }
    else if (kk === TK['{'] && depth > 0 && (ts.kinds[t - 1] === TK['<'] || ts.kinds[t - 1] === TK[','])) t = skipBraces(ts, t, end) - 1;
    else if ((kk === TK[';'] && nested === 0) || kk === TK['{']) return t;
  }
  return t;
}

/** Index just past the `}` matching the `{` at `t`: a const generic argument `::<{ N + 1 }>`. */
export function skipBraces(ts: TokenStream, t: number, end: number): number {
  for (let depth = 0; t < end; t++) {
    if (ts.kinds[t] === TK['{']) depth++;
    else if (ts.kinds[t] === TK['}'] && --depth === 0) return t + 1;
  }
  return t;
}

/** The name token of a block `const X:` / `static [mut] X:`, or undefined for other uses of the keywords. */
export function blockConstName(ts: TokenStream, t: number): number | undefined {
  const k = ts.kinds;
  const nameTok = k[t] === TK.static && k[t + 1] === TK.mut ? t + 2 : t + 1;
  return k[nameTok] === TK.Ident && k[nameTok + 1] === TK[':'] ? nameTok : undefined;
}

/** Index just past an attribute `#[…]` / `#![…]` at `t`, whose contents name no value. */
export function skipAttribute(ts: TokenStream, t: number, end: number): number {
  const k = ts.kinds;
  let u = k[t + 1] === TK['!'] ? t + 2 : t + 1;
  if (k[u] !== TK['[']) return t + 1;
  for (let depth = 0; u < end; u++) {
    if (k[u] === TK['[']) depth++;
    else if (k[u] === TK[']'] && --depth === 0) return u + 1;
  }
  return u;
}

/**
 * For an attribute `#[cfg(…)]` at `hash` (ending at `after`) that is false: the index past the
 * statement, arm, field or item it disables, which names nothing rustc links. Otherwise undefined.
 */
export function inactiveStatementEnd(ts: TokenStream, cfg: CfgSet, hash: number, after: number, end: number): number | undefined {
  const k = ts.kinds;
  if (k[hash + 1] !== TK['['] || k[hash + 2] !== TK.Ident || tokenText(ts, hash + 2) !== 'cfg') return undefined;
  const attr: Attribute = { inner: false, path: 'cfg', args: [hash + 3, after - 1], text: '', span: [ts.starts[hash], ts.ends[after - 1]] };
  if (cfgActive([attr], ts, cfg)) return undefined;
  let t = after;
  while (k[t] === TK['#']) t = skipAttribute(ts, t, end);
  if (ITEM_KEYWORDS.has(k[t])) return skipItem(ts, t, end);
  for (let depth = 0; t < end; t++) {
    const kk = k[t];
    if (kk === TK['('] || kk === TK['['] || kk === TK['{']) depth++;
    else if (kk === TK[')'] || kk === TK[']'] || kk === TK['}']) {
      if (depth === 0) return t;
      // A block ends the statement unless an `else` or a method call continues it.
      if (--depth === 0 && kk === TK['}'] && k[t + 1] !== TK.else && k[t + 1] !== TK['.'] && k[t + 1] !== TK['?']) return t + 1;
    } else if ((kk === TK[';'] || kk === TK[',']) && depth === 0) return t + 1;
  }
  return t;
}

const ITEM_KEYWORDS = new Set([TK.fn, TK.struct, TK.enum, TK.impl, TK.trait, TK.mod, TK.use, TK.static, TK.macro_rules]);

/** Skips a nested item (fn, struct, impl…) inside a body: to its `;` or the end of its block. */
export function skipItem(ts: TokenStream, t: number, end: number): number {
  let depth = 0;
  for (; t < end; t++) {
    const kk = ts.kinds[t];
    if (kk === TK['(']  || kk === TK['[']) depth++;
    else if (kk === TK[')'] || kk === TK[']']) depth--;
    else if (kk === TK[';'] && depth === 0) return t + 1;
    else if (kk === TK['{'] && depth === 0) {
      let braces = 0;
      for (; t < end; t++) {
        if (ts.kinds[t] === TK['{']) braces++;
        else if (ts.kinds[t] === TK['}'] && --braces === 0) return t + 1;
      }
    }
  }
  return t;
}
