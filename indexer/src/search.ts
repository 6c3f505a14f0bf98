// Name search over the name index: exact names first, then names starting with the text,
// then names containing it; case-insensitive, alphabetical within each tier.
import { FileViews } from './files.js';
import { keyParts, keys, ranges, type DefEntry } from './keys.js';
import { entryLocation, type Location } from './queries.js';
import type { StoreReader } from './store.js';

export interface SearchOptions {
  /** Most results to return; 20 when absent. */
  limit?: number;
}

interface NameHit {
  def: string;
  crate: string;
  itemId: string;
}

export async function search(store: StoreReader, text: string, options: SearchOptions = {}): Promise<Location[]> {
  const limit = options.limit ?? 20;
  const needle = text.trim().toLowerCase();
  if (needle === '' || limit <= 0) return [];
  const picked = new Map<string, NameHit>();
  /** Keeps the key's def unless already kept; true once the limit is reached. */
  const take = (parts: string[]): boolean => {
    const [, def, crate, itemId] = parts;
    if (!picked.has(def)) picked.set(def, { def, crate, itemId });
    return picked.size >= limit;
  };

  for await (const k of store.keys(ranges.exactName(needle))) if (take(keyParts(k))) break;
  if (picked.size < limit) {
    for await (const k of store.keys(ranges.namesStartingWith(needle))) {
      const parts = keyParts(k);
      if (parts[0] !== needle && take(parts)) break;
    }
  }
  // Substring matches need every name; the name index is keys only, so this reads no values.
  if (picked.size < limit) {
    for await (const k of store.keys(ranges.allNames())) {
      const parts = keyParts(k);
      if (!parts[0].startsWith(needle) && parts[0].includes(needle) && take(parts)) break;
    }
  }

  const hits = [...picked.values()];
  const entries = await store.getManyJson<DefEntry>(hits.map((h) => keys.def(h.def, h.crate, h.itemId)));
  const views = new FileViews(store);
  const out: Location[] = [];
  for (let i = 0; i < hits.length; i++) {
    const entry = entries[i];
    if (entry !== undefined) out.push(await entryLocation(views, hits[i].def, hits[i].crate, hits[i].itemId, entry));
  }
  return out;
}
