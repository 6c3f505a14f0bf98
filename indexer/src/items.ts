// Reading item records. A record names the candidate list of each ambiguous ref by its hash
// (records.ts); readItems reads the lists in, for the merge, which needs whole records. Queries
// read records without them (one read fewer) and fetch a list only when they need it.
import type { Def } from '../../schema/src/index.js';
import { InconsistentIndexError } from './errors.js';
import { keys, type StoredItem } from './keys.js';
import { decodeDefs, decodeItem, parseItem, parseItemHead, type DecodedItem, type EncodedItem } from './records.js';
import type { StoreReader } from './store.js';

/**
 * The records of `ids` in `crate`, in order, undefined for an id the store has no record of. A
 * ref with a candidate list comes without candidates; the record's `lists` has its hash.
 */
export async function readRecords(store: StoreReader, crate: string, ids: readonly string[]): Promise<Array<DecodedItem | undefined>> {
  const encoded = await readEncoded(store, crate, ids);
  return encoded.map((e, i) => (e === undefined ? undefined : decodeItem(ids[i], e)));
}

/** The records of `ids` in `crate` as stored, for a reader that decodes only what it needs. */
export async function readEncoded(store: StoreReader, crate: string, ids: readonly string[]): Promise<Array<EncodedItem | undefined>> {
  const texts = await store.getManyText(ids.map((id) => keys.item(crate, id)));
  return texts.map((text) => (text === undefined ? undefined : parseItem(text)));
}

export async function readRecord(store: StoreReader, crate: string, id: string): Promise<DecodedItem | undefined> {
  return (await readRecords(store, crate, [id]))[0];
}

/**
 * The file and defs of each item of `items` (crate and id), undefined for an item the store has
 * no record of; the refs, most of a record, are not even parsed.
 */
export async function readDefs(store: StoreReader, items: ReadonlyArray<{ crate: string; itemId: string }>): Promise<Array<{ file: string; defs: Def[] } | undefined>> {
  const texts = await store.getManyText(items.map(({ crate, itemId }) => keys.item(crate, itemId)));
  return texts.map((text, i) => {
    if (text === undefined) return undefined;
    const head = parseItemHead(text);
    return { file: head.file, defs: decodeDefs(items[i].itemId, head) };
  });
}

/** Whole records: readRecords with the candidate lists read in. */
export async function readItems(store: StoreReader, crate: string, ids: readonly string[]): Promise<Array<StoredItem | undefined>> {
  const decoded = await readRecords(store, crate, ids);
  const hashes = [...new Set(decoded.flatMap((d) => (d ? [...d.lists.values()] : [])))];
  const lists = await readLists(store, hashes);
  for (const d of decoded) {
    for (const [index, hash] of d?.lists ?? []) d!.item.refs[index].candidates = lists.get(hash);
  }
  return decoded.map((d) => d?.item);
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
