// Goto-implementation: the impl blocks of a trait or of a type, and the methods overriding a
// trait method. Reads the impl and overriders indexes, the records of the items holding the impl
// blocks (an impl key says which block, its item's record what the block is), then the file
// tables to place the results.
import { InconsistentIndexError } from './errors.js';
import { FileViews, type LineRange } from './files.js';
import { readEncoded } from './items.js';
import { keys, ownerOf, type ImplLink } from './keys.js';
import { implsOf } from './records.js';
import { locateDef, type Location } from './locate.js';
import { overridersOf } from './relations.js';
import { membersOf } from './set-keys.js';
import type { StoreReader } from './store.js';

/** An impl block; the range is the whole item that holds it, attributes and docs included. */
export interface ImplLocation extends LineRange {
  file: string;
  crate: string;
  /** The impl's id, `…/impl#[SelfType][Trait]`. */
  id: string;
  /** Why it is listed: it implements the target trait (`trait`), or its self type is the target (`self`). */
  link: ImplLink;
  /** The trait's id, or its path as written when it did not resolve; absent for an inherent impl. */
  trait?: string;
  /** The self type as written. */
  selfType: string;
  selfTarget?: string;
  /** Ids of the associated items the impl defines. */
  items: string[];
}

/**
 * What implements `targetId`. Each list is empty when it does not apply, so one call serves
 * any kind of def:
 * - impls: for a trait, the impl blocks implementing it; for a type, the impl blocks for it,
 *   inherent and trait impls alike (`link` tells the two cases apart for a trait that is also
 *   a self type, as in `impl dyn Shape`). Sorted by file then position.
 * - methods: for a trait method, the impl methods overriding it. Sorted by file then position.
 */
export interface Implementations {
  impls: ImplLocation[];
  methods: Location[];
}

export async function implementations(store: StoreReader, targetId: string): Promise<Implementations> {
  const views = new FileViews(store);
  const impls: ImplLocation[] = [];
  for (const link of ['trait', 'self'] as const) {
    const [value] = await store.getManyText([keys.impls(link, targetId)]);
    const found = membersOf(value).map(([implId, owner]) => {
      const { crate, item } = ownerOf(implId, owner);
      return { implId, crate, itemId: item };
    });
    const records = await Promise.all(found.map(({ crate, itemId }) => readEncoded(store, crate, [itemId]).then(([record]) => record)));
    for (const [i, { implId, crate, itemId }] of found.entries()) {
      const record = records[i];
      const impl = record === undefined ? undefined : implsOf(itemId, record).find((candidate) => candidate.id === implId);
      if (impl === undefined) throw new InconsistentIndexError(`an impl key names ${implId}, which the record of ${itemId} does not hold`);
      const view = await views.get(record!.file, crate);
      const [start, end] = view.itemSpan(itemId);
      impls.push({ file: record!.file, ...view.range(start, [0, end - start]), crate, link, ...impl });
    }
  }
  const methods: Location[] = [];
  for (const overrider of await overridersOf(store, targetId)) {
    methods.push(...(await locateDef(store, views, overrider)));
  }
  impls.sort(byPosition);
  methods.sort(byPosition);
  return { impls, methods };
}

function byPosition(a: LineRange & { file: string; id: string }, b: LineRange & { file: string; id: string }): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.col - b.col || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
