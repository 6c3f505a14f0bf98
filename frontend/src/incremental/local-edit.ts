// Recognizes the edits an incremental analysis can take without resolving the workspace again:
// the old and new text of a file differ only inside fn bodies' braces, or between items
// (whitespace, plain comments), in any number of places. Everything else is then token-for-token
// the same, so every name, signature and scope of the workspace is unchanged; positions after
// each edit move by the bytes it added or removed.
import type { Attribute, FieldsShape, Item, ParsedFile, TokenRange } from '../syntax/ast.js';
import type { SourceFile } from '../crate/modules.js';
import type { TokenStream } from '../syntax/lexer.js';
import { TK } from '../syntax/tokens.js';
import { matchDelimiters } from '../syntax/split.js';
import { parseBodies } from '../syntax/body/parser.js';
import { movedParse, movedSpanAll, type Shift, type Shifts } from './shift.js';

export type FnItem = Extract<Item, { kind: 'fn' }>;

/** What `localEditsOfTokens` finds: where the text changed, the fns resolved again, the new parse. */
export interface LocalEdits {
  /** The changed byte ranges, last first (shift.ts `Shifts`). */
  shifts: Shifts;
  /** The fns whose body changed (its tokens, or only the space between them), old and new, with the edit of the body. */
  fns: Array<{ old: FnItem; new: FnItem; shift: Shift }>;
  /** Each item of the old parse (nested ones too), with the same item in the new one. */
  pairs: Map<Item, Item>;
  /** The new parse; its errors are the edited bodies', and the file's others moved. */
  parsed: ParsedFile;
}

/**
 * The edits that turn file `before` into the text lexed as `after`, when they changed only what
 * lies inside fn bodies or between items, in any number of places (a formatter's save, two fns
 * edited), and the parse of `after`, made from `before`'s without the item grammar. Every item is
 * the same tokens, moved: a fn body is a token range in the AST, so an edit inside one moves the
 * ranges after it and stretches those around it; the edited bodies are parsed again for their
 * syntax errors. Undefined for any other edit. A one-shot `xref index` takes edits so without
 * loading the grammar (incremental/body-edits.ts), and `xref watch` too (session.ts).
 */
export function localEditsOfTokens(before: SourceFile, after: TokenStream): LocalEdits | undefined {
  const old = before.ts;
  if (after.errors.length > 0) return undefined;
  const pairing = matchDelimiters(after, 0, after.count);
  if (pairing.errors.length > 0) return undefined;
  // Bytes outside [prefix, oldEnd) are the same in both texts, `delta` apart after it.
  const { prefix, oldEnd } = changedBytes(old, after.src);
  const middle = (from: number, to: number) => to >= prefix && from <= oldEnd;
  const bytesOf = (ts: TokenStream, from: number, to: number) => ts.src.subarray(from, to);
  const sameBytes = (from: number, to: number, newFrom: number, newTo: number) =>
    to - from === newTo - newFrom && (!middle(from, to) || Buffer.compare(bytesOf(old, from, to), bytesOf(after, newFrom, newTo)) === 0);
  const bodies = fnBodies(before.parsed.items);
  const shifts: Shift[] = [];
  /** Old token windows whose tokens changed, and by how many the count after them moves. */
  const windows: Array<{ from: number; to: number; delta: number }> = [];
  const edited: Array<{ fn: FnItem; shift: Shift }> = [];
  let byteDelta = 0;
  let b = 0;
  /** Set at a body's closing brace: the space before it is the body's, compared with it. */
  let afterBody = false;
  for (let i = 0, j = 0; ; i++, j++) {
    if (i === old.count || j === after.count) {
      if (i !== old.count || j !== after.count) return undefined;
      break;
    }
    const atClose = afterBody;
    afterBody = false;
    if (old.kinds[i] !== after.kinds[j] || !sameBytes(old.starts[i], old.ends[i], after.starts[j], after.ends[j])) return undefined;
    // Whether two tokens touch decides how some are read (`>` `>` as `>>`).
    if (!atClose && i > 0 && (old.ends[i - 1] === old.starts[i]) !== (after.ends[j - 1] === after.starts[j])) return undefined;
    const gap: [number, number] = [i > 0 ? old.ends[i - 1] : 0, old.starts[i]];
    if (!atClose && !sameBytes(gap[0], gap[1], gap[0] + byteDelta, after.starts[j])) {
      if (inHeldText(before, gap[0], gap[1])) return undefined;
      const delta = after.starts[j] - old.starts[i] - byteDelta;
      shifts.push({ prefix: gap[0], oldEnd: gap[1], delta });
      byteDelta += delta;
    }
    while (b < bodies.length && bodies[b].body![0] < i) b++;
    const fn = bodies[b];
    if (fn === undefined || fn.body![0] !== i) continue;
    b++;
    // A fn body: its tokens, or the space between them, may have changed, the braces not.
    const close = fn.body![1] - 1;
    const newClose = pairing.partner[j];
    if (newClose < 0 || after.kinds[newClose] !== old.kinds[close]) return undefined;
    const inside: [number, number] = [old.ends[i], old.starts[close]];
    if (close - i !== newClose - j || !sameBytes(inside[0], inside[1], after.ends[j], after.starts[newClose])) {
      const shift = { prefix: inside[0], oldEnd: inside[1], delta: after.starts[newClose] - after.ends[j] - (inside[1] - inside[0]) };
      shifts.push(shift);
      byteDelta += shift.delta;
      if (newClose - j !== close - i) windows.push({ from: i + 1, to: close, delta: newClose - j - (close - i) });
      edited.push({ fn, shift });
    }
    // On from the closing brace, which the next turn compares.
    i = close - 1;
    j = newClose - 1;
    afterBody = true;
  }
  const tail: [number, number] = [old.count > 0 ? old.ends[old.count - 1] : 0, old.src.length];
  const newTail = after.count > 0 ? after.ends[after.count - 1] : 0;
  if (!sameBytes(tail[0], tail[1], newTail, after.src.length)) shifts.push({ prefix: tail[0], oldEnd: tail[1], delta: after.src.length - newTail - (tail[1] - tail[0]) });
  const tokenAt = (t: number): number | undefined => {
    let moved = t;
    for (const w of windows) {
      if (t >= w.to) moved += w.delta;
      else if (t >= w.from) return undefined;
    }
    return moved;
  };
  const endAt = (end: number): number | undefined => {
    const last = tokenAt(end - 1);
    return last === undefined ? undefined : last + 1;
  };
  let cut = false;
  const lastFirst = [...shifts].reverse();
  const parsed = movedParse(before.parsed, lastFirst, ([a, z]) => {
    const [s, e] = [tokenAt(a), z === a ? tokenAt(a) : endAt(z)];
    if (s === undefined || e === undefined) cut = true;
    return [s ?? a, e ?? z];
  });
  if (cut) return undefined;
  const pairs = new Map<Item, Item>();
  pairAll(before.parsed.items, parsed.items, pairs);
  const fns = edited.map(({ fn, shift }) => ({ old: fn, new: pairs.get(fn) as FnItem, shift }));
  for (const { old: o, new: n } of fns) if (containsMacroRules(old, o.body!) || containsMacroRules(after, n.body!)) return undefined;
  // The bodies edits are in are the one thing to parse again, for their syntax errors; the
  // file's other errors move.
  const inEdited = (offset: number) => edited.some(({ shift }) => shift.prefix <= offset && offset <= shift.oldEnd);
  for (const e of before.parsed.errors) {
    const [at] = movedSpanAll(lastFirst, e.offset, e.offset, false);
    if (!inEdited(e.offset) && at !== undefined) parsed.errors.push({ ...e, offset: at });
  }
  if (fns.length > 0) parsed.errors.push(...parseBodies(after, { items: fns.map((f) => f.new), innerAttrs: [], errors: [] }, { keepTrees: false }));
  parsed.errors.sort((a, b) => a.offset - b.offset);
  return { shifts: lastFirst, fns, pairs, parsed };
}

/**
 * Whether the old bytes `[from, to)` of `file` are inside text the analysis keeps as written:
 * an attribute's, an impl's self type or trait (its id), a field's type, a use tree. Elsewhere
 * outside bodies only tokens count (a signature is its tokens, one space wherever there was
 * any), so space or a comment there changes nothing but positions.
 */
function inHeldText(file: SourceFile, from: number, to: number): boolean {
  const overlaps = (span: readonly [number, number]) => from < span[1] && to > span[0];
  const attrs = (list: readonly Attribute[]) => list.some((a) => overlaps(a.span));
  const fields = (shape: FieldsShape) => shape.fields.some((f) => overlaps(f.type.span) || attrs(f.attrs));
  const held = (items: readonly Item[]): boolean => items.some((item) => {
    if (!overlaps(item.span)) return false;
    if (attrs(item.attrs)) return true;
    switch (item.kind) {
      case 'impl': return overlaps(item.selfType.span) || (item.trait !== undefined && overlaps(item.trait.span)) || held(item.items);
      case 'struct': case 'union': return fields(item.fields);
      case 'enum': return item.variants.some((v) => attrs(v.attrs) || fields(v.fields));
      case 'use': return overlaps(item.tree.span);
      case 'mod': return attrs(item.innerAttrs) || held(item.items ?? []);
      case 'trait': case 'extern_block': return held(item.items);
      default: return false;
    }
  });
  return attrs(file.parsed.innerAttrs) || held(file.parsed.items);
}

/** Every fn with a body in `items`, nested ones too, in the order of their bodies. */
function fnBodies(items: readonly Item[]): FnItem[] {
  return items.flatMap((item): FnItem[] => {
    if (item.kind === 'fn') return item.body === undefined ? [] : [item];
    return fnBodies(itemsOf(item) ?? []);
  }).sort((x, y) => x.body![0] - y.body![0]);
}

/** Pairs the items of two parses of the same shape, nested ones too. */
function pairAll(olds: readonly Item[], news: readonly Item[], pairs: Map<Item, Item>): void {
  olds.forEach((o, i) => {
    pairs.set(o, news[i]);
    const inner = itemsOf(o);
    if (inner !== undefined) pairAll(inner, itemsOf(news[i])!, pairs);
  });
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

