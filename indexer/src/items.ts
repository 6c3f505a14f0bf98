// Reading item records. A record names its defs, whose details are in their def keys (but for
// its own locals', which it holds, records.ts), and the candidate list of each ambiguous ref by
// its hash (records.ts); readRecords reads the defs in, readItems the lists too, for the merge,
// which needs whole records. Queries read records without them and fetch a def or a list only
// when they need it.
import { InconsistentIndexError } from './errors.js';
import { keys, type StoredItem } from './keys.js';
import { decodeItem, defIdsOf, entryOfMark, parseItem, type DecodedItem, type EncodedItem } from './records.js';
import { defEntryOf, defOfEntry, splitDefValue, type StoredDef } from './def-values.js';
import type { Relation } from '../../schema/src/index.js';
import type { StoreReader } from './store.js';

/**
 * The records of `ids` in `crate`, in order, undefined for an id the store has no record of. A
 * ref with a candidate list comes without candidates; the record's `lists` has its hash.
 */
export async function readRecords(store: StoreReader, crate: string, ids: readonly string[]): Promise<Array<DecodedItem | undefined>> {
  const encoded = await readEncoded(store, crate, ids);
  const defIds = encoded.map((e, i) => (e === undefined ? [] : defIdsOf(ids[i], e)));
  // A record-local def's entry is in its mark; the others' are read from their def keys.
  const locals = encoded.map((e) => (e === undefined ? [] : e.defs.map((mark) => entryOfMark(e.file, mark))));
  const entries = await store.getManyText(defIds.flatMap((list, i) => list.flatMap((def, m) => (locals[i][m] === undefined ? [keys.def(def)] : []))));
  let next = 0;
  return encoded.map((e, i) => {
    if (e === undefined) return undefined;
    // What each keyed def overrides is in its def key, not in the record (records.ts).
    const overrides: Relation[] = [];
    const defs = defIds[i].map((def, m) => {
      const local = locals[i][m];
      if (local !== undefined) return defOfEntry(def, local);
      const text = entries[next++];
      if (text === undefined) throw new InconsistentIndexError(`no def key for ${def} of ${ids[i]}`);
      const entry = defEntryOf(def, JSON.parse(splitDefValue(text).entry) as StoredDef);
      for (const to of entry.overrides ?? []) overrides.push({ kind: 'overrides', from: def, to });
      return defOfEntry(def, entry);
    });
    return decodeItem(ids[i], e, defs, overrides);
  });
}

/** The records of `ids` in `crate` as stored, for a reader that decodes only what it needs. */
export async function readEncoded(store: StoreReader, crate: string, ids: readonly string[]): Promise<Array<EncodedItem | undefined>> {
  const texts = await store.getManyText(ids.map((id) => keys.item(crate, id)));
  return texts.map((text) => (text === undefined ? undefined : parseItem(text)));
}

export async function readRecord(store: StoreReader, crate: string, id: string): Promise<DecodedItem | undefined> {
  return (await readRecords(store, crate, [id]))[0];
}

/** Whole records: readRecords with the candidate lists read in. */
export async function readItems(store: StoreReader, crate: string, ids: readonly string[]): Promise<Array<StoredItem | undefined>> {
  return (await readStampedItems(store, crate, ids)).map((d) => d?.item);
}

/** readItems, each record with its stamp, which a reload compares with the dump's (itemStamp). */
export async function readStampedItems(store: StoreReader, crate: string, ids: readonly string[]): Promise<Array<{ item: StoredItem; stamp: string } | undefined>> {
  const decoded = await readRecords(store, crate, ids);
  const hashes = [...new Set(decoded.flatMap((d) => (d ? [...d.lists.values()] : [])))];
  const lists = await readLists(store, hashes);
  for (const d of decoded) {
    for (const [index, hash] of d?.lists ?? []) d!.item.refs[index].candidates = lists.get(hash);
  }
  return decoded;
}

/** The candidate lists of `hashes`; a missing one means the store is inconsistent. */
export async function readLists(store: StoreReader, hashes: readonly string[]): Promise<Map<string, string[]>> {
  if (hashes.length === 0) return new Map();
  const lists = await store.getManyJson<string[]>(hashes.map((h) => keys.candidateList(h)));
  return new Map(hashes.map((hash, i) => {
    const list = lists[i];
    if (list === undefined) throw new InconsistentIndexError(`no candidate list ${hash}`);
    return [hash, list];
  }));
}
