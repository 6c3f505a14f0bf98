// The refs to a target are stored per file: one key per target, crate and file holds the refs of
// every item of that file to the target (keys.ts), so that finding the references of `Option`
// reads 253 keys on std, not 1,803. An item still says exactly what it contributes: its derived
// keys (deriveItemKeys) include one per-item ref key per target, which is never stored as such. A
// batch notes each item's old and new contribution, and before it is written `settle` rewrites
// each file key they touch: the stored entries, less the items that let go, plus the items' new
// refs, in item order. A file key's value depends only on the items it holds, so an incremental
// load and a clean build give the same keys.
import { keyParts, keys, LIST_MARK } from './keys.js';
import type { RefSpanRow } from './records.js';
import type { Store } from './store.js';

/** A file key's value: each item's refs to the target, as [item, [relStart, length, role]…], by item id. */
export type FileRefsValue = Array<[item: string, ...refs: RefSpanRow[]]>;

/** Whether a key is an item's ref contribution (`ref \0 target \0 crate \0 item`), which a batch gives to FileRefs. */
export function isRefContribution(k: string): boolean {
  return k.startsWith('ref\0') && keyParts(k)[1] !== LIST_MARK;
}

export class FileRefs {
  /** File key → item → the JSON text of its rows (`[s,l,"role"],…`), or null when it no longer refers to the target there. */
  private readonly changes = new Map<string, Map<string, string | null>>();
  /** Set when the crate had nothing stored before this batch: no file key needs reading. */
  freshCrate = false;

  constructor(private readonly store: Store) {}

  /** Notes that an item's contribution `key` goes from `before` to `after` (per-item ref entry values). */
  note(key: string, before: string | undefined, after: string | undefined): void {
    const [target, crate, item] = keyParts(key);
    if (before !== undefined) this.change(target, crate, item, before, false);
    if (after !== undefined) this.change(target, crate, item, after, true);
  }

  private change(target: string, crate: string, item: string, entry: string, present: boolean): void {
    // Cut, not parsed: a full load notes every ref of a crate, and parsing them all cost a third of it.
    const { file, rows } = splitEntry(entry);
    const fileKey = keys.fileRefs(target, crate, file);
    let items = this.changes.get(fileKey);
    if (items === undefined) this.changes.set(fileKey, (items = new Map()));
    // An item's old contribution is noted before its new one, which wins.
    items.set(item, present ? rows : null);
  }

  async settle(put: (key: string, value: string) => void, del: (key: string) => void): Promise<void> {
    const fileKeys = [...this.changes.keys()];
    const stored = this.freshCrate ? [] : await this.store.db.getMany(fileKeys);
    fileKeys.forEach((fileKey, i) => {
      const before = stored[i];
      const items = new Map<string, string>(
        before === undefined ? [] : (JSON.parse(before) as FileRefsValue).map(([item, ...rows]) => [item, JSON.stringify(rows).slice(1, -1)]),
      );
      for (const [item, rows] of this.changes.get(fileKey)!) {
        if (rows === null) items.delete(item);
        else items.set(item, rows);
      }
      if (items.size === 0) {
        if (before !== undefined) del(fileKey);
        return;
      }
      const sorted = [...items].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const value = `[${sorted.map(([item, rows]) => `[${JSON.stringify(item)}${rows === '' ? '' : `,${rows}`}]`).join(',')}]`;
      if (value !== before) put(fileKey, value);
    });
  }
}

/** A per-item ref entry's text (`["file",[s,l,"role"],…]`, records.ts) cut into its file and its rows' text. */
function splitEntry(entry: string): { file: string; rows: string } {
  // The file is a JSON string: it ends at the first quote that no backslash escapes.
  let end = 2;
  while (entry[end] !== '"') end += entry[end] === '\\' ? 2 : 1;
  return { file: JSON.parse(entry.slice(1, end + 1)) as string, rows: entry.slice(end + 2, -1) };
}
