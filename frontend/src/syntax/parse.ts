// The item-layer parser: pairs delimiters, splits the file into items, matches each item on its
// own against the item grammar and builds the AST. Bodies of mods, traits, impls and extern
// blocks are split and parsed the same way, so a syntax error stays inside its item. With an
// item cache, an item parsed before (same bytes, wherever it sat) is reused instead.
import type { TokenStream } from './lexer.js';
import type { Attribute, Item, Name, ParsedFile, SyntaxError, TokenRange } from './ast.js';
import { matchDelimiters, skipOuterAttrs, splitItems, type ItemSlice } from './split.js';
import { condenseItem } from './condense.js';
import { matchShape, placeTree } from './shape-memo.js';
import { matchError } from './errors.js';
import { attrsAndDocs } from './docs.js';
import { buildItem, type BodyItems, type ItemContext } from './build-items.js';
import { nameOf, spanOf } from './build-types.js';
import { tokenText } from './lexer.js';
import { TK } from './tokens.js';
import type { ItemCache } from './item-cache.js';

export interface ParseOptions {
  /** Items of earlier parses to reuse; the items parsed now are added to it. */
  cache?: ItemCache;
  /**
   * The file's delimiter pairs (split.ts `matchDelimiters` over the whole file), when the caller
   * has them: the body parser parses the items inside fn bodies one run at a time, and pairing
   * the whole file again for each run cost it a fifth of its time on std.
   */
  partner?: Int32Array;
}

export function parseFile(ts: TokenStream, options: ParseOptions = {}): ParsedFile {
  return parseItems(ts, [0, ts.count], options);
}

/** Delimiter pairs of the whole file, kept for the body parser, outside the AST (which crosses threads as JSON). */
const partners = new WeakMap<ParsedFile, Int32Array>();

/** The delimiter pairs `parseFile` computed for `parsed`, if it parsed a whole file in this thread. */
export function delimiterPairsOf(parsed: ParsedFile): Int32Array | undefined {
  return partners.get(parsed);
}

/** Parses the items of a token range: a whole file, or the inside of a body on its own. */
export function parseItems(ts: TokenStream, range: TokenRange, options: ParseOptions = {}): ParsedFile {
  const [first, end] = range;
  const delimiters = options.partner ? { partner: options.partner, errors: [] } : matchDelimiters(ts, first, end);
  const errors: SyntaxError[] = [...delimiters.errors];
  const ctx: ItemContext = {
    ts,
    partner: delimiters.partner,
    parseBody: (a, b) => parseRange(ctx, errors, options.cache, a, b),
  };
  const parsed = parseRange(ctx, errors, options.cache, first, end);
  errors.sort((a, b) => a.offset - b.offset);
  const file: ParsedFile = { items: parsed.items, innerAttrs: parsed.innerAttrs, errors };
  if (parsed.innerDocs !== undefined) file.innerDocs = parsed.innerDocs;
  if (first === 0 && end === ts.count) partners.set(file, delimiters.partner);
  return file;
}

function parseRange(
  ctx: ItemContext, errors: SyntaxError[], cache: ItemCache | undefined, first: number, end: number,
): BodyItems {
  const split = splitItems(ctx.ts, ctx.partner, first, end);
  const innerAttrs: Attribute[] = [];
  const docs: string[] = [];
  for (const [a, b] of split.inner) {
    const found = attrsAndDocs(ctx.ts, ctx.partner, a, b);
    innerAttrs.push(...found.attrs);
    if (found.docs !== undefined) docs.push(found.docs);
  }
  const items = split.items.map((slice) => (cache ? cachedItem(ctx, errors, cache, slice) : parseItem(ctx, errors, slice)));
  const body: BodyItems = { items, innerAttrs };
  if (docs.length > 0) body.innerDocs = docs.join('\n');
  return body;
}

function cachedItem(ctx: ItemContext, errors: SyntaxError[], cache: ItemCache, slice: ItemSlice): Item {
  const key = cache.keyOf(ctx.ts, slice.first, slice.end);
  const hit = cache.get(key, ctx.ts, slice.first);
  if (hit) return hit;
  const errorsBefore = errors.length;
  const item = parseItem(ctx, errors, slice);
  if (errors.length === errorsBefore) cache.set(key, ctx.ts, ctx.partner, slice.first, slice.end, item);
  return item;
}

function parseItem(ctx: ItemContext, errors: SyntaxError[], slice: ItemSlice): Item {
  const { ts, partner } = ctx;
  // Outer attributes and doc comments are read from the tokens (docs.ts), not from the tree, so
  // they stay out of the grammar's input: items that differ only in them then share a shape.
  const head = skipOuterAttrs(ts, partner, slice.first, slice.end);
  const condensed = condenseItem(ts, partner, head, slice.end);
  // An unclosed or stray delimiter already has its error from matchDelimiters.
  if (condensed.broken) return errorItem(ctx, slice);
  const found = matchShape('item', condensed.text);
  if (!found.ok) {
    if ('tooDeep' in found) errors.push({ offset: ts.starts[slice.first], message: 'syntax nested too deeply' });
    else errors.push(matchError(ts, found.failure, condensed.map));
    return errorItem(ctx, slice);
  }
  const tree = placeTree(found.tree, condensed.map);
  tree.first = slice.first;
  tree.kids[0] = { rule: 'attrs', first: slice.first, end: head, kids: [] };
  return buildItem(ctx, tree, slice.first, slice.end);
}

/** An item that did not parse, with what a token scan can still tell: attributes, docs, name. */
function errorItem(ctx: ItemContext, slice: ItemSlice): Item {
  const { ts, partner } = ctx;
  const head = skipOuterAttrs(ts, partner, slice.first, slice.end);
  const item: Item = {
    ...attrsAndDocs(ts, partner, slice.first, head),
    vis: ts.kinds[head] === TK.pub && head < slice.end ? 'pub' : 'private',
    span: spanOf(ts, slice.first, slice.end),
    tokens: [slice.first, slice.end],
    kind: 'error',
  };
  const name = spotName(ts, head, slice.end);
  if (name) item.name = name;
  return item;
}

const NAMING_KEYWORDS = new Set<number>([
  TK.fn, TK.struct, TK.enum, TK.union, TK.trait, TK.mod, TK.type, TK.const, TK.static,
]);

/** The identifier after the first naming keyword (`fn NAME`, `macro_rules! NAME`), before any group. */
function spotName(ts: TokenStream, from: number, end: number): Name | undefined {
  const { kinds } = ts;
  for (let t = from; t + 1 < end; t++) {
    const k = kinds[t];
    if (k === TK['('] || k === TK['{'] || k === TK['['] || k === TK[';'] || k === TK['=']) return undefined;
    let at = -1;
    if (NAMING_KEYWORDS.has(k)) at = t + 1;
    else if (k === TK.macro_rules && kinds[t + 1] === TK['!']) at = t + 2;
    if (at >= 0 && at < end && kinds[at] === TK.Ident && tokenText(ts, at) !== '_') {
      return nameOf(ts, { rule: 'name', first: at, end: at + 1, kids: [] });
    }
  }
  return undefined;
}
