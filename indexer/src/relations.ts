// The relation index walked from either end: what points at a def (the methods overriding a
// trait method, the types implementing a trait) and what a def points at (the trait method an
// impl method overrides, a trait's supertraits).
import type { RelationKind } from '../../schema/src/index.js';
import { keyParts, ranges } from './keys.js';
import type { StoreReader } from './store.js';

/** One relation as some item's record states it. */
export interface RelationHit {
  kind: RelationKind;
  from: string;
  to: string;
  /** The crate and item whose record holds the relation. */
  crate: string;
  itemId: string;
}

/** Relations of `kind` whose `to` is `id`, sorted by `from`. */
export async function relationsTo(store: StoreReader, kind: RelationKind, id: string): Promise<RelationHit[]> {
  const out: RelationHit[] = [];
  for await (const k of store.keys(ranges.relationsTo(kind, id))) {
    const [, , from, crate, itemId] = keyParts(k);
    out.push({ kind, from, to: id, crate, itemId });
  }
  return out;
}

/** Relations of `kind` whose `from` is `id`, sorted by `to`. */
export async function relationsFrom(store: StoreReader, kind: RelationKind, id: string): Promise<RelationHit[]> {
  const out: RelationHit[] = [];
  for await (const k of store.keys(ranges.relationsFrom(kind, id))) {
    const [, , to, crate, itemId] = keyParts(k);
    out.push({ kind, from: id, to, crate, itemId });
  }
  return out;
}

/** The distinct ids at the other end of some relations, in first-seen order. */
export function distinctEnds(hits: RelationHit[], end: 'from' | 'to'): string[] {
  return [...new Set(hits.map((h) => h[end]))];
}
