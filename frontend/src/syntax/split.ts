// Splits a token range into items by balanced delimiters, before any grammar runs. An item is its
// outer attributes and docs, then everything up to a `;` at depth 0 or up to the `}` closing its
// first depth-0 `{` group (after a depth-0 `=` only a `;` ends it: `const _: () = { … };`, and
// a use tree's group does not end it: `use a::{b, c};`).
//
// Recovery, so that one broken item never hides the others:
// - delimiters are paired once per range; a closer pairs with the nearest matching opener on the
//   stack, openers it skips over stay unclosed, a closer with no opener is a stray;
// - an item whose delimiter stays unclosed ends at the next line that starts, at the item's
//   column or left of it, with an item keyword (`fn`, `pub`, `impl`, `#[`, …);
// - an item missing its `;` ends the same way at depth 0, unless the keyword continues a
//   qualifier (`pub` / `unsafe` / `extern "C"` on the line before);
// - a stray closer ends the item before it and is skipped.
import type { TokenStream } from './lexer.js';
import type { SyntaxError, TokenRange } from './ast.js';
import { TK } from './tokens.js';

export interface Delimiters {
  /** Token index of the matching delimiter, or -1 for an unclosed opener or stray closer. */
  partner: Int32Array;
  errors: SyntaxError[];
}

export interface ItemSlice {
  first: number;
  end: number;
}

export interface RangeSplit {
  /** Inner attributes (`#![…]`) and inner doc comments, in order. */
  inner: TokenRange[];
  items: ItemSlice[];
}

const OPEN_OF: Record<number, number> = { [TK[')']]: TK['('], [TK[']']]: TK['['], [TK['}']]: TK['{'] };

export function isOpener(kind: number): boolean {
  return kind === TK['('] || kind === TK['['] || kind === TK['{'];
}

export function isCloser(kind: number): boolean {
  return kind === TK[')'] || kind === TK[']'] || kind === TK['}'];
}

/** Pairs the delimiters of `[first, end)`; the partner array is indexed by absolute token index. */
export function matchDelimiters(ts: TokenStream, first: number, end: number): Delimiters {
  const partner = new Int32Array(ts.count).fill(-1);
  const errors: SyntaxError[] = [];
  const stack: number[] = [];
  const { kinds } = ts;
  for (let t = first; t < end; t++) {
    const k = kinds[t];
    if (isOpener(k)) { stack.push(t); continue; }
    if (!isCloser(k)) continue;
    const want = OPEN_OF[k];
    let s = stack.length - 1;
    while (s >= 0 && kinds[stack[s]] !== want) s--;
    if (s < 0) {
      errors.push({ offset: ts.starts[t], message: `unexpected closing delimiter '${char(k)}'` });
      continue;
    }
    for (let u = stack.length - 1; u > s; u--) unclosed(ts, stack[u], errors);
    partner[stack[s]] = t;
    partner[t] = stack[s];
    stack.length = s;
  }
  for (const t of stack) unclosed(ts, t, errors);
  errors.sort((a, b) => a.offset - b.offset);
  return { partner, errors };
}

function unclosed(ts: TokenStream, t: number, errors: SyntaxError[]): void {
  errors.push({ offset: ts.starts[t], message: `unclosed delimiter '${char(ts.kinds[t])}'` });
}

function char(kind: number): string {
  return kind === TK['('] ? '(' : kind === TK['['] ? '[' : kind === TK['{'] ? '{'
    : kind === TK[')'] ? ')' : kind === TK[']'] ? ']' : '}';
}

/** Splits `[first, end)` (a file, or the inside of a mod/trait/impl/extern body) into items. */
export function splitItems(ts: TokenStream, partner: Int32Array, first: number, end: number): RangeSplit {
  const inner: TokenRange[] = [];
  const items: ItemSlice[] = [];
  const { kinds } = ts;
  let t = first;
  while (t < end) {
    const k = kinds[t];
    if (k === TK.InnerDoc) { inner.push([t, t + 1]); t++; continue; }
    if (k === TK['#'] && kinds[t + 1] === TK['!'] && kinds[t + 2] === TK['[']) {
      const close = partner[t + 2];
      if (close > t && close < end) { inner.push([t, close + 1]); t = close + 1; continue; }
    }
    // A `;` or a closer cannot start an item: a stray closer already has its delimiter error, a
    // closer paired before `t` closes a group of an item the recovery rule cut short.
    if (k === TK[';'] || isCloser(k)) { t++; continue; }
    const item = scanItem(ts, partner, t, end);
    items.push(item);
    t = item.end;
  }
  return { inner, items };
}

export function scanItem(ts: TokenStream, partner: Int32Array, start: number, end: number): ItemSlice {
  const { kinds } = ts;
  let t = skipOuterAttrs(ts, partner, start, end);
  const column = columnOf(ts, start);
  const head = t;
  let angle = 0;
  let afterEq = false;
  for (; t < end; t++) {
    const k = kinds[t];
    if (t > head && isItemStart(ts, t, column) && !continuesQualifier(kinds[t - 1])) {
      return { first: start, end: t };
    }
    if (isOpener(k)) {
      const close = partner[t];
      if (close < t || close >= end) return { first: start, end: recoveryEnd(ts, t + 1, end, column) };
      if (k === TK['{'] && !afterEq && angle <= 0 && !isUseGroup(kinds[t - 1])) {
        return { first: start, end: close + 1 };
      }
      t = close;
      continue;
    }
    if (isCloser(k)) return { first: start, end: t };
    if (k === TK[';']) return { first: start, end: t + 1 };
    if (k === TK['<']) angle++;
    else if (k === TK['>'] && angle > 0) angle--;
    else if (k === TK['='] && angle === 0) afterEq = true;
  }
  return { first: start, end };
}

/** `use a::{b, c};` and `use {a, b};`: the group is part of the tree, the `;` ends the item. */
function isUseGroup(prevKind: number): boolean {
  return prevKind === TK['::'] || prevKind === TK.use;
}

/** Where an item with an unclosed delimiter ends: before the next item-looking line, or at `end`. */
function recoveryEnd(ts: TokenStream, from: number, end: number, column: number): number {
  for (let t = from; t < end; t++) if (isItemStart(ts, t, column)) return t;
  return end;
}

const ITEM_KEYWORDS = new Set<number>([
  TK.fn, TK.pub, TK.struct, TK.enum, TK.union, TK.trait, TK.impl, TK.mod, TK.use, TK.const,
  TK.static, TK.type, TK.extern, TK.unsafe, TK.async, TK.macro_rules, TK.OuterDoc,
]);

const QUALIFIERS = new Set<number>([
  TK.pub, TK[')'], TK.unsafe, TK.const, TK.async, TK.extern, TK.Str, TK.default, TK.safe, TK.auto,
  TK[']'], TK.OuterDoc,
]);

function continuesQualifier(prevKind: number): boolean {
  return QUALIFIERS.has(prevKind);
}

/**
 * A token that starts its line, no further right than `column`, and can start an item. `use<…>`
 * is a precise-capturing bound (`-> impl Sized\nuse<'a>`), not a use item.
 */
function isItemStart(ts: TokenStream, t: number, column: number): boolean {
  const k = ts.kinds[t];
  const next = ts.kinds[t + 1];
  const keyword = (ITEM_KEYWORDS.has(k) && !(k === TK.use && next === TK['<'])) || (k === TK['#'] && next === TK['[']);
  return keyword && startsLine(ts, t) && columnOf(ts, t) <= column;
}

function startsLine(ts: TokenStream, t: number): boolean {
  if (t === 0) return true;
  const { src } = ts;
  for (let b = ts.ends[t - 1]; b < ts.starts[t]; b++) if (src[b] === 10) return true;
  return false;
}

/** Byte column of token `t` (tabs count as one). */
export function columnOf(ts: TokenStream, t: number): number {
  const start = ts.starts[t];
  let b = start;
  while (b > 0 && ts.src[b - 1] !== 10) b--;
  return start - b;
}

/** The first token after the outer attributes and doc comments starting at `first`. */
export function skipOuterAttrs(ts: TokenStream, partner: Int32Array, first: number, end: number): number {
  const { kinds } = ts;
  let t = first;
  while (t < end) {
    if (kinds[t] === TK.OuterDoc) { t++; continue; }
    if (kinds[t] === TK['#'] && kinds[t + 1] === TK['['] && partner[t + 1] > t && partner[t + 1] < end) {
      t = partner[t + 1] + 1;
      continue;
    }
    return t;
  }
  return t;
}
