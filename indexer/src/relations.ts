// The methods overriding a trait method, which find-references and impls walk to (the method an
// impl method overrides is in its def key, DefEntry.overrides): one set key (set-keys.ts).
import { keys } from './keys.js';
import { membersOf } from './set-keys.js';
import type { StoreReader } from './store.js';

/** The distinct methods overriding trait method `id`, sorted. */
export async function overridersOf(store: StoreReader, id: string): Promise<string[]> {
  const [value] = await store.getManyText([keys.overriders(id)]);
  return [...new Set(membersOf(value).map(([overrider]) => overrider))];
}
