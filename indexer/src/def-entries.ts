// Reading defs by id. A def is in its def key, but for the locals, params, closures and generic
// params of an item, which are in the item's record alone (records.ts, isRecordLocal): what
// reads a def reads it through here, and does not need to know which.
import { crateOfItem, defKeyOwner, keys, ranges } from './keys.js';
import { encodeDefEntry, isRecordLocal, localEntryInValue, recordOwnerOf, type StoredDef } from './records.js';
import type { StoreReader } from './store.js';

/** A def found by id, with the item whose record holds it. */
export interface DefFound {
  crate: string;
  item: string;
  stored: StoredDef;
}

/**
 * The def key texts of some defs, each named by its id and its item, in order; undefined for a
 * def the store does not have. A record-local def's text is made from its item's record.
 */
export async function readDefTexts(store: StoreReader, defs: ReadonlyArray<readonly [id: string, item: string]>): Promise<Array<string | undefined>> {
  const local = defs.map(([id, item]) => isRecordLocal(item, id));
  const values = await store.getManyText(defs.map(([id, item], i) => (local[i] ? keys.item(crateOfItem(item), item) : keys.def(id, item))));
  return values.map((value, i) => {
    if (!local[i] || value === undefined) return value;
    const entry = localEntryInValue(value, defs[i][1], defs[i][0]);
    return entry === undefined ? undefined : encodeDefEntry(entry);
  });
}

/**
 * Every def of id `id`, one per item that has it (an id compiled into two crates has two): a
 * record-local one from the record of the item it extends, the others from their def keys.
 */
export async function defsById(store: StoreReader, id: string): Promise<DefFound[]> {
  const found: DefFound[] = [];
  const item = recordOwnerOf(id);
  if (item !== undefined) {
    const crate = crateOfItem(item);
    const [value] = await store.getManyText([keys.item(crate, item)]);
    const entry = value === undefined ? undefined : localEntryInValue(value, item, id);
    if (entry !== undefined) found.push({ crate, item, stored: JSON.parse(encodeDefEntry(entry)) as StoredDef });
  }
  for await (const [k, stored] of store.entries<StoredDef>(ranges.defsOf(id))) found.push({ ...defKeyOwner(k), stored });
  return found;
}
