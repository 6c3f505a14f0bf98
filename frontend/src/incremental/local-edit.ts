// Recognizes the edits an incremental analysis can take without resolving the workspace again:
// the old and new text of a file differ only between tokens (whitespace, plain comments), or only
// inside the braces of one fn body. Everything else is then token-for-token the same, so every
// name, signature and scope of the workspace is unchanged; positions after the edit move by the
// same number of bytes.
import type { Item, TokenRange } from '../syntax/ast.js';
import type { SourceFile } from '../crate/modules.js';
import type { TokenStream } from '../syntax/lexer.js';
import { TK } from '../syntax/tokens.js';
import { newEnd, newStart, type Shift } from './shift.js';

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

/**
 * The old bytes `[prefix, oldEnd)` that the new text replaced. When text was only inserted or
 * only deleted, it could often have been at several places (a line inserted above `//! doc`
 * matches `//` either side of the doc's start); the place between tokens is taken then.
 */
function changedBytes(ts: TokenStream, b: Uint8Array): { prefix: number; oldEnd: number } {
  const a = ts.src;
  const limit = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
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
