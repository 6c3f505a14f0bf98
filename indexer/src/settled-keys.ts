// How a batch's settles (target-refs.ts, own-ref-keys.ts, list-crates.ts, set-keys.ts,
// shared-lists.ts) write the keys they recompute from what the batch changed: a key the batch
// empties goes, and one that comes out as it was is not written.

/** Puts a key in the batch. */
export type PutKey = (key: string, value: string) => void;
/** Deletes a key in the batch. */
export type DelKey = (key: string) => void;

/** Writes `value` at `key`, whose stored value is `before`: deleted when `value` is undefined, not written when equal. */
export function writeSettled(key: string, before: string | undefined, value: string | undefined, put: PutKey, del: DelKey): void {
  if (value === undefined) {
    if (before !== undefined) del(key);
  } else if (value !== before) put(key, value);
}
