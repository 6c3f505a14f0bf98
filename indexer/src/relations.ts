// The methods overriding a trait method, which find-references and impls walk to (the method an
// impl method overrides is in its def key, DefEntry.overrides).
import { defTextsById } from './def-entries.js';
import { keyParts, ranges } from './keys.js';
import { parseDefBrief } from './records.js';
import type { StoreReader } from './store.js';

/**
 * The distinct methods overriding trait method `id`, sorted. They are keys found by a range
 * read, which waits for LevelDB's threads (and one wait in a hundred took milliseconds here,
 * bench/RESULTS.md, eleventh session), so a method that is no trait's is told by point reads
 * first: `…fmt/Debug#fmt().` can be overridden only if `…fmt/Debug#` is a trait.
 */
export async function overridersOf(store: StoreReader, id: string): Promise<string[]> {
  if (!(await mayBeOverridden(store, id))) return [];
  const out = new Set<string>();
  for await (const k of store.keys(ranges.overridersOf(id))) out.add(keyParts(k)[2]);
  return [...out];
}

/** A method of a type: its type's id, then its name (`…Vec#push().` → `…Vec#`). */
const MEMBER_METHOD = /^(.*#)(?:[A-Za-z_][A-Za-z0-9_]*|`(?:[^`]|``)*`)\(\)\.$/;

/**
 * False when `id` is surely no trait's method: a fn, an impl's method (`…impl#[Vec<T>]push().`),
 * or a method of an indexed type that is not a trait. A trait the store lacks (another
 * workspace's) may still have overriders here, which the front end resolved to it.
 */
async function mayBeOverridden(store: StoreReader, id: string): Promise<boolean> {
  const owner = MEMBER_METHOD.exec(id)?.[1];
  if (owner === undefined) return false;
  const [found] = await defTextsById(store, [owner]);
  return found === undefined || parseDefBrief(found.text).kind === 'trait';
}
