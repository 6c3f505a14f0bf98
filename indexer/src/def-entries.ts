// Reading defs by id. A def is in its def key, but for the locals, params, closures and generic
// params of an item, which are in the item's record alone (records.ts, isRecordLocal): what reads a def reads
// it through here, and does not need to know which.
import { crateOfItem, defKeyOwner, keys, ranges, type DefEntry } from './keys.js';
import {
  encodeDefEntry, entryOfMark, isRecordLocal, localEntryInValue, recordOwnerOf, relativeId, type EncodedItem, type StoredDef,
} from './records.js';
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
  const local = defs.flatMap(([id, item], i) => (isRecordLocal(item, id) ? [i] : []));
  const keyed = local.length === 0 ? defs.map((_, i) => i) : defs.flatMap(([id, item], i) => (isRecordLocal(item, id) ? [] : [i]));
  const texts: Array<string | undefined> = new Array(defs.length);
  const [fromKeys, fromRecords] = await Promise.all([
    store.getManyText(keyed.map((i) => keys.def(defs[i][0], defs[i][1]))),
    Promise.all(local.map(async (i) => {
      const [id, item] = defs[i];
      const [value] = await store.getManyText([keys.item(crateOfItem(item), item)]);
      const entry = value === undefined ? undefined : localEntryInValue(value, item, id);
      return entry === undefined ? undefined : encodeDefEntry(entry);
    })),
  ]);
  keyed.forEach((i, j) => (texts[i] = fromKeys[j]));
  local.forEach((i, j) => (texts[i] = fromRecords[j]));
  return texts;
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

/** The entry of record-local def `id` in the record of `item`, if the record has it. */
export function localEntryIn(record: EncodedItem, item: string, id: string): DefEntry | undefined {
  const relative = relativeId(item, id);
  const mark = record.defs.find(([markId]) => markId === relative);
  return mark === undefined ? undefined : entryOfMark(record.file, mark);
}
