// Copies of an item with every position in it mapped: byte ranges (`span`) and token ranges
// (`tokens`, `body`, `args`, …). The item cache uses it to move a cached item to where its
// tokens are now, so it must know every field of ast.ts that holds a position. It does not
// trust a list it could outgrow silently: a number under a field it does not know throws, so
// a new position field fails the cache tests instead of drifting.
import type { Item, Range, TokenRange } from './ast.js';

/** Fields holding a byte range. */
const BYTE_RANGE_FIELDS = new Set(['span']);
/** Fields holding a token range; `args` and `value` hold an AST node in some shapes instead. */
const TOKEN_RANGE_FIELDS = new Set(['tokens', 'body', 'args', 'pattern', 'value', 'len', 'discriminant']);
/** Fields holding a list of token ranges. */
const TOKEN_RANGE_LIST_FIELDS = new Set(['other']);
/** Numeric fields that are not positions. */
const PLAIN_NUMBER_FIELDS = new Set(['index']);

export interface RangeMaps {
  bytes(range: Range): Range;
  tokens(range: TokenRange): TokenRange;
}

/** A deep copy of `item` with every byte range and token range passed through `maps`. */
export function mapItemRanges(item: Item, maps: RangeMaps): Item {
  return mapValue(item, 'item', maps) as Item;
}

/** `item` moved by `byteDelta` bytes and `tokenDelta` tokens, as a new copy. */
export function relocateItem(item: Item, byteDelta: number, tokenDelta: number): Item {
  return mapItemRanges(item, {
    bytes: ([a, b]) => [a + byteDelta, b + byteDelta],
    tokens: ([a, b]) => [a + tokenDelta, b + tokenDelta],
  });
}

function mapValue(value: unknown, field: string, maps: RangeMaps): unknown {
  if (typeof value !== 'object') {
    if (typeof value !== 'number' || PLAIN_NUMBER_FIELDS.has(field)) return value;
    throw new Error(`relocateItem: field '${field}' holds a number it does not know how to move (see relocate.ts)`);
  }
  if (value === null) return value;
  if (Array.isArray(value)) {
    if (isNumberPair(value)) {
      if (BYTE_RANGE_FIELDS.has(field)) return maps.bytes(value);
      if (TOKEN_RANGE_FIELDS.has(field)) return maps.tokens(value);
    }
    if (TOKEN_RANGE_LIST_FIELDS.has(field)) return value.map((r: TokenRange) => maps.tokens(r));
    return value.map((v) => mapValue(v, field, maps));
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in source) out[key] = mapValue(source[key], key, maps);
  return out;
}

function isNumberPair(value: unknown[]): value is [number, number] {
  return value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number';
}
