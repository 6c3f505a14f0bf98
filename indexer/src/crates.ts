// Store-wide summaries, read from the crate headers alone (one key per crate).
import { keyParts, keys, ranges, type CrateHeader } from './keys.js';
import { KeptPerStore, Store, type StoreReader } from './store.js';

export interface CrateSummary {
  id: string;
  name: string;
  version: string;
  kind: string;
  edition: string;
  root: string;
  files: number;
  items: number;
  defs: number;
  refs: number;
}

export interface StoreStats {
  crates: number;
  /** Distinct file paths: a file compiled into two crates counts once. */
  files: number;
  items: number;
  defs: number;
  refs: number;
  /** When `indexDumps` last ran, as an ISO time. */
  indexedAt?: string;
}

async function headers(store: StoreReader): Promise<CrateHeader[]> {
  const out: CrateHeader[] = [];
  for await (const [, header] of store.entries<CrateHeader>(ranges.crates())) out.push(header);
  return out;
}

/** The indexed crates, sorted by crate id. */
export async function listCrates(store: StoreReader): Promise<CrateSummary[]> {
  return (await headers(store)).map((h) => ({
    id: h.id,
    name: h.crate.name,
    version: h.crate.version,
    kind: h.crate.kind,
    edition: h.crate.edition,
    root: h.crate.root,
    files: h.files.length,
    ...h.counts,
  }));
}

export async function stats(store: StoreReader): Promise<StoreStats> {
  const all = await headers(store);
  const files = new Set<string>();
  const totals = { items: 0, defs: 0, refs: 0 };
  for (const h of all) {
    for (const f of h.files) files.add(f);
    totals.items += h.counts.items;
    totals.defs += h.counts.defs;
    totals.refs += h.counts.refs;
  }
  const indexedAt = await store.getJson<string>(keys.indexedAt());
  return { crates: all.length, files: files.size, ...totals, ...(indexedAt === undefined ? {} : { indexedAt }) };
}

// The ids of a local store's crates, kept until it is written: finding references gets a key
// per crate rather than scanning, and the scan for the ids would cost what that saves.
const keptCrateIds = new KeptPerStore((store) => readCrateIds(store));

/** The ids of the indexed crates, sorted. */
export function crateIds(store: StoreReader): Promise<string[]> {
  return store instanceof Store ? keptCrateIds.of(store) : readCrateIds(store);
}

async function readCrateIds(store: StoreReader): Promise<string[]> {
  const ids: string[] = [];
  for await (const k of store.keys(ranges.crates())) ids.push(keyParts(k)[0]);
  return ids;
}
