// Reading defs by id. A def is in its def key, but for the locals, params, closures and generic
// params of an item, which are in the item's record alone (records.ts, isRecordLocal): what
// reads a def reads it through here, and does not need to know which. Either way it is point
// reads: a def key is the def's id alone (keys.ts).
import { crateOfItem, keys, ownerOf, type DefEntry } from './keys.js';
import { localEntryInValue, recordOwnerOf } from './records.js';
import { defEntryOf, encodeDefEntry, splitDefValue, type StoredDef } from './def-values.js';
import type { StoreReader } from './store.js';

/** A def found by id, with the item whose record holds it. */
export interface DefFound {
  crate: string;
  item: string;
  entry: DefEntry;
}

/** A def's entry as its def key holds it (encodeDefEntry), and the item that holds the def. */
export interface DefText {
  crate: string;
  item: string;
  text: string;
}

/**
 * The def of each id, in order, undefined for an id the store has no def of: a record-local
 * one from the record of the item it extends (recordOwnerOf), any other from its def key.
 */
export async function defTextsById(store: StoreReader, ids: readonly string[]): Promise<Array<DefText | undefined>> {
  const owners = ids.map(recordOwnerOf);
  const values = await store.getManyText(ids.flatMap((id, i) => {
    const owner = owners[i];
    return owner === undefined ? [keys.def(id)] : [keys.item(crateOfItem(owner), owner), keys.def(id)];
  }));
  let next = 0;
  return ids.map((id, i) => {
    const owner = owners[i];
    if (owner !== undefined) {
      const record = values[next++];
      const text = record === undefined ? undefined : localText(record, owner, id);
      if (text !== undefined) {
        next++;
        return { crate: crateOfItem(owner), item: owner, text };
      }
    }
    // A local that a macro's item declares for the item it expands to is in a def key.
    const value = values[next++];
    if (value === undefined) return undefined;
    const { owner: code, entry } = splitDefValue(value);
    const { crate, item } = ownerOf(id, code);
    return { crate, item, text: entry };
  });
}

/** The def of id `id`: one, or none when the store does not have it. */
export async function defsById(store: StoreReader, id: string): Promise<DefFound[]> {
  const [found] = await defTextsById(store, [id]);
  return found === undefined ? [] : [{ crate: found.crate, item: found.item, entry: defEntryOf(id, JSON.parse(found.text) as StoredDef) }];
}

function localText(record: string, item: string, id: string): string | undefined {
  const entry = localEntryInValue(record, item, id);
  return entry === undefined ? undefined : encodeDefEntry(id, entry);
}
