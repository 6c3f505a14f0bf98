// Recognizes the edits an incremental analysis can take without resolving the workspace again:
// the old and new text of a file differ only between tokens (whitespace, plain comments), or only
// inside the braces of one fn body. Everything else is then token-for-token the same, so every
// name, signature and scope of the workspace is unchanged; positions after the edit move by the
// same number of bytes.
import type { Item, ParsedFile, TokenRange } from '../syntax/ast.js';
import type { SourceFile } from '../crate/modules.js';
import type { TokenStream } from '../syntax/lexer.js';
import { TK } from '../syntax/tokens.js';
import { matchDelimiters } from '../syntax/split.js';
import { parseBodies } from '../syntax/body/parser.js';
import { movedParse, newEnd, newStart, type Shift } from './shift.js';

export type FnItem = Extract<Item, { kind: 'fn' }>;

export interface LocalEdit extends Shift {
  /**
   * The fn whose body changed, in the old AST and in the new one: its tokens, or only what lies
   * between them (its locals moved). Absent for an edit between tokens outside any fn body.
   */
  fn?: { old: FnItem; new: FnItem };
  /** Each item of the old AST (nested ones too), with the same item in the new AST. */
  pairs: Map<Item, Item>;
}

/**
 * The local edit that turns `before` into `after` (two parses of one file), or undefined when the
 * files differ in any other way: in tokens outside a body, in two bodies, in the items of the file.
 */
export function findLocalEdit(before: SourceFile, after: SourceFile): LocalEdit | undefined {
  const { prefix, oldEnd } = changedBytes(before.ts, after.ts.src);
  const delta = after.ts.src.length - before.ts.src.length;
  const shift: Shift = { prefix, oldEnd, delta };
  const pairs = new Map<Item, Item>();

  if (onlyBetween(before.ts, after.ts, shift)) {
    if (!pairItems(before.parsed.items, after.parsed.items, shift, pairs)) return undefined;
    // Locals are named by their offset in their item, so a body whose locals moved is resolved again.
    const inFn = fnAround(before.parsed.items, before.ts, prefix, oldEnd);
    if (inFn === undefined) return { ...shift, pairs };
    return containsMacroRules(before.ts, inFn.body!) ? undefined : { ...shift, fn: { old: inFn, new: pairs.get(inFn) as FnItem }, pairs };
  }
  const oldFn = fnAround(before.parsed.items, before.ts, prefix, oldEnd);
  if (oldFn === undefined || containsMacroRules(before.ts, oldFn.body!)) return undefined;
  if (!pairItems(before.parsed.items, after.parsed.items, shift, pairs)) return undefined;
  const newFn = pairs.get(oldFn) as FnItem;
  if (newFn.body === undefined || containsMacroRules(after.ts, newFn.body)) return undefined;
  // The new body must open and close where the old one did: the edit stayed inside it.
  const [open, close] = bodyBytes(before.ts, oldFn.body!);
  const [newOpen, newClose] = bodyBytes(after.ts, newFn.body);
  if (newOpen !== open || newClose !== close + delta) return undefined;
  return { ...shift, fn: { old: oldFn, new: newFn }, pairs };
}

/**
 * `findLocalEdit` for a file of which only the old side is parsed: the edit that turns `before`
 * into the text lexed as `after`, and the parse of `after`, made from `before`'s without the item
 * grammar. Every item is the same tokens, moved: a fn body is a token range in the AST, so an
 * edit inside one moves the ranges after it and stretches those around it. Undefined for another
 * edit, or for a body the edit leaves with a syntax error. A one-shot `xref index` takes a body
 * edit so without loading the grammar (incremental/body-edits.ts).
 */
export function localEditOfTokens(before: SourceFile, after: TokenStream): { edit: LocalEdit; parsed: ParsedFile } | undefined {
  const old = before.ts;
  if (after.errors.length > 0) return undefined;
  const { prefix, oldEnd } = changedBytes(old, after.src);
  const shift: Shift = { prefix, oldEnd, delta: after.src.length - old.src.length };
  const fn = fnAround(before.parsed.items, old, prefix, oldEnd);
  if (fn !== undefined && containsMacroRules(old, fn.body!)) return undefined;
  let tokenAt = (t: number): number | undefined => t;
  if (!onlyBetween(old, after, shift)) {
    if (fn === undefined) return undefined;
    // The tokens that differ: [same, old.count - sameEnd) in the old stream. A token is the same
    // where it sits the same and its bytes are outside the changed ones.
    let same = 0;
    while (same < old.count && same < after.count && old.ends[same] <= prefix && sameToken(old, same, after, same, 0)) same++;
    let sameEnd = 0;
    const tokenDelta = after.count - old.count;
    const last = (n: number) => old.count - 1 - n;
    while (sameEnd < old.count - same && sameEnd < after.count - same && old.starts[last(sameEnd)] >= oldEnd && sameToken(old, last(sameEnd), after, after.count - 1 - sameEnd, shift.delta)) sameEnd++;
    const [open, close] = fn.body!;
    // The body's braces and all outside them are the same tokens: the changes are strictly inside.
    if (open >= same || close - 1 < old.count - sameEnd) return undefined;
    const body = matchDelimiters(after, open, close + tokenDelta);
    if (body.errors.length > 0 || body.partner[open] !== close + tokenDelta - 1) return undefined;
    const changedFrom = same;
    const changedTo = old.count - sameEnd;
    tokenAt = (t) => (t < changedFrom ? t : t >= changedTo ? t + tokenDelta : undefined);
  }
  let inside = false;
  const parsed = movedParse(before.parsed, shift, ([a, b]) => {
    const [s, e] = [tokenAt(a), b === a ? tokenAt(a) : endAt(b)];
    if (s === undefined || e === undefined) inside = true;
    return [s ?? a, e ?? b];
  });
  function endAt(b: number): number | undefined {
    const last = tokenAt(b - 1);
    return last === undefined ? undefined : last + 1;
  }
  if (inside) return undefined;
  const pairs = new Map<Item, Item>();
  pairAll(before.parsed.items, parsed.items, pairs);
  if (fn === undefined) return { edit: { ...shift, pairs }, parsed };
  const now = pairs.get(fn) as FnItem;
  if (containsMacroRules(after, now.body!)) return undefined;
  // The body the edit is in is the one thing to parse again, for its syntax errors.
  if (parseBodies(after, { items: [now], innerAttrs: [], errors: [] }, { keepTrees: false }).length > 0) return undefined;
  return { edit: { ...shift, fn: { old: fn, new: now }, pairs }, parsed };
}

/** Whether token `i` of `a` and token `j` of `b` are the same token, `delta` bytes apart. */
function sameToken(a: TokenStream, i: number, b: TokenStream, j: number, delta: number): boolean {
  return a.kinds[i] === b.kinds[j] && a.starts[i] + delta === b.starts[j] && a.ends[i] + delta === b.ends[j];
}

/** Pairs the items of two parses of the same shape, nested ones too. */
function pairAll(olds: readonly Item[], news: readonly Item[], pairs: Map<Item, Item>): void {
  olds.forEach((o, i) => {
    pairs.set(o, news[i]);
    const inner = itemsOf(o);
    if (inner !== undefined) pairAll(inner, itemsOf(news[i])!, pairs);
  });
}

/**
 * The edit that turns the tokens `before` into `after` when it touched only what lies between
 * tokens (a line above an item, a comment): the same tokens, each moved by the edit. Their parse
 * is then the same too, moved.
 */
export function editBetweenTokens(before: TokenStream, after: TokenStream): Shift | undefined {
  const { prefix, oldEnd } = changedBytes(before, after.src);
  const shift: Shift = { prefix, oldEnd, delta: after.src.length - before.src.length };
  return onlyBetween(before, after, shift) ? shift : undefined;
}

function onlyBetween(before: TokenStream, after: TokenStream, shift: Shift): boolean {
  return !tokenAcross(before, shift.prefix, shift.oldEnd) && sameTokens(before, after, shift);
}

/**
 * Whether the two token streams are the same tokens, each where `shift` takes its old offsets:
 * the edit touched only what lies between tokens. Whether two tokens touch must not change
 * either: the body parser reads `>` `>` as `>>` only when they do.
 */
function sameTokens(a: TokenStream, b: TokenStream, shift: Shift): boolean {
  if (a.count !== b.count) return false;
  for (let t = 0; t < a.count; t++) {
    if (a.kinds[t] !== b.kinds[t] || newStart(shift, a.starts[t]) !== b.starts[t] || newEnd(shift, a.ends[t]) !== b.ends[t]) return false;
    if (t > 0 && (a.ends[t - 1] === a.starts[t]) !== (b.ends[t - 1] === b.starts[t])) return false;
  }
  return true;
}

const BLOCK = 4096;

/**
 * The old bytes `[prefix, oldEnd)` that the new text replaced. When text was only inserted or
 * only deleted, it could often have been at several places (a line inserted above `//! doc`
 * matches `//` either side of the doc's start); the place between tokens is taken then.
 */
function changedBytes(ts: TokenStream, b: Uint8Array): { prefix: number; oldEnd: number } {
  const a = ts.src;
  const limit = Math.min(a.length, b.length);
  // Whole blocks compared natively first: a file is hundreds of kilobytes, an edit a few bytes.
  const same = (from: number, to: number, delta: number) => Buffer.compare(a.subarray(from, to), b.subarray(from + delta, to + delta)) === 0;
  let prefix = 0;
  while (prefix + BLOCK <= limit && same(prefix, prefix + BLOCK, 0)) prefix += BLOCK;
  while (prefix < limit && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  const delta = b.length - a.length;
  while (suffix + BLOCK <= limit && same(a.length - suffix - BLOCK, a.length - suffix, delta)) suffix += BLOCK;
  while (suffix < limit && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const removed = Math.max(0, a.length - b.length);
  if (prefix + suffix < limit) return { prefix, oldEnd: a.length - suffix };
  // Any cut in [limit - suffix, prefix] explains the edit: take the first that splits no token.
  for (let cut = limit - suffix; cut <= prefix; cut++) {
    if (!tokenAcross(ts, cut, cut + removed)) return { prefix: cut, oldEnd: cut + removed };
  }
  return { prefix, oldEnd: prefix + removed };
}

/** Whether a token has bytes in `[first, end)`, or (for an empty range) straddles `first`. */
function tokenAcross(ts: TokenStream, first: number, end: number): boolean {
  // The last token starting before `end` (or before `first` + 1 for an empty range).
  let lo = 0;
  let hi = ts.count;
  const bound = Math.max(end, first + 1);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ts.starts[mid] < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && ts.ends[lo - 1] > first && (end > first || ts.starts[lo - 1] < first);
}

/** The innermost fn whose body's braces strictly enclose the changed bytes `[first, end)`. */
function fnAround(items: readonly Item[], ts: TokenStream, first: number, end: number): FnItem | undefined {
  for (const item of items) {
    if (item.span[1] <= first || item.span[0] >= end) continue;
    if (item.kind === 'fn' && item.body !== undefined) {
      const [open, close] = bodyBytes(ts, item.body);
      return open < first && end <= close ? item : undefined;
    }
    const inner = itemsOf(item);
    return inner === undefined ? undefined : fnAround(inner, ts, first, end);
  }
  return undefined;
}

/** Byte offsets of a body's `{` and `}`. */
function bodyBytes(ts: TokenStream, body: TokenRange): [number, number] {
  return [ts.starts[body[0]], ts.starts[body[1] - 1]];
}

/**
 * Whether a body declares a macro: macro_rules scoping is textual and crate-wide here, so a
 * change to one reaches beyond its fn.
 */
function containsMacroRules(ts: TokenStream, body: TokenRange): boolean {
  for (let t = body[0]; t < body[1]; t++) if (ts.kinds[t] === TK.macro_rules) return true;
  return false;
}

function itemsOf(item: Item): Item[] | undefined {
  switch (item.kind) {
    case 'mod': return item.items;
    case 'impl': case 'trait': case 'extern_block': return item.items;
    default: return undefined;
  }
}

/** Pairs two item lists of the same shape whose spans correspond through `shift`. */
function pairItems(olds: readonly Item[], news: readonly Item[], shift: Shift, pairs: Map<Item, Item>): boolean {
  if (olds.length !== news.length) return false;
  for (let i = 0; i < olds.length; i++) {
    const [o, n] = [olds[i], news[i]];
    if (o.kind !== n.kind || newStart(shift, o.span[0]) !== n.span[0] || newEnd(shift, o.span[1]) !== n.span[1]) return false;
    pairs.set(o, n);
    const [oi, ni] = [itemsOf(o), itemsOf(n)];
    if ((oi === undefined) !== (ni === undefined)) return false;
    if (oi !== undefined && !pairItems(oi, ni!, shift, pairs)) return false;
  }
  return true;
}
