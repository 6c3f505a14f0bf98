// The methods overriding a trait method, which find-references and impls walk to (the method an
// impl method overrides is in its def key, DefEntry.overrides).
import { keyParts, ranges } from './keys.js';
import type { StoreReader } from './store.js';

/** The distinct methods overriding trait method `id`, sorted. */
export async function overridersOf(store: StoreReader, id: string): Promise<string[]> {
  const out = new Set<string>();
  for await (const k of store.keys(ranges.overridersOf(id))) out.add(keyParts(k)[2]);
  return [...out];
}
