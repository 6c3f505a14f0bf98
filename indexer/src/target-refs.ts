// The refs to a target are stored per crate: one key per target and crate holds the refs of
// every item of that crate to the target, by file (keys.ts). Finding the references of `Option`
// reads 6 keys on std rather than 253 (one per file) or 1,803 (one per item): the scan of many
// keys, not the refs themselves, was most of the query (bench/RESULTS.md). An item still says
// exactly what it contributes: its derived keys (deriveItemKeys) include one per-item ref key per
// target, which is never stored as such. A batch notes each item's old and new contribution, and
// before it is written `settle` rewrites each target key they touch: the stored entries, less
// the items that let go, plus the items' new refs, by file and item. A target key's value
// depends only on the items it holds, so an incremental load and a clean build give the same keys.
// The refs through a candidate list are kept the same way, the list's hash in the target's place
// (cref keys).
import { compareStrings, keyParts } from './keys.js';
import { relativeId, sharedPrefixLength } from './records.js';
import { closingQuote } from './json-text.js';
import type { Store } from './store.js';

/**
 * A target key's value: for each file, its items' refs to the target, as [item, relStart, length,
 * role, relStart, length, role…] with the item id relative to the crate's (itemInCrate) and the
 * role an index into REF_ROLES; files sorted, a file's items by id, an item's refs by position.
 * Flat numbers rather than a tuple per ref: `Option`'s 2,000 refs parse as a few hundred arrays.
 * An item but a file's first is written as what it shares with the one before (frontCoded).
 */
export type TargetRefsValue = Array<[file: string, ...items: ItemRefRow[]]>;

export type ItemRefRow = [item: string, ...refs: number[]];

/** An item id relative to its crate: `+vec/Vec#push().` in crate `cargo alloc 0.0.0`. */
export function itemInCrate(crate: string, item: string): string {
  return relativeId(`${crate} `, item);
}

/**
 * Whether a key is an item's ref contribution (`ref \0 target \0 crate \0 item`, or `cref \0
 * list \0 crate \0 item`), which a batch gives to TargetRefs.
 */
export function isRefContribution(k: string): boolean {
  return (k.startsWith('ref\0') || k.startsWith('cref\0')) && keyParts(k).length === 3;
}

/** The key a contribution is folded into: its own less the item. */
function foldedKey(contribution: string): string {
  return contribution.slice(0, contribution.lastIndexOf('\0'));
}

/** One item's refs in a target key: its file and the text of its numbers (`s,l,r,…`). */
interface Contribution {
  file: string;
  rows: string;
}

export class TargetRefs {
  /** Target key → item (relative) → what it contributes, or null when it no longer refers to the target. */
  private readonly changes = new Map<string, Map<string, Contribution | null>>();
  /** Set when the crate had nothing stored before this batch: no target key needs reading. */
  freshCrate = false;

  constructor(private readonly store: Store) {}

  /** Notes that an item's contribution `key` goes from `before` to `after` (per-item ref entry values). */
  note(key: string, before: string | undefined, after: string | undefined): void {
    const [, crate, item] = keyParts(key);
    const targetKey = foldedKey(key);
    let items = this.changes.get(targetKey);
    if (items === undefined) this.changes.set(targetKey, (items = new Map()));
    // An item's new contribution wins over its old one, whichever is noted first.
    const relative = itemInCrate(crate, item);
    if (after !== undefined) items.set(relative, splitEntry(after));
    else if (before !== undefined && !items.has(relative)) items.set(relative, null);
  }

  async settle(put: (key: string, value: string) => void, del: (key: string) => void): Promise<void> {
    const targetKeys = [...this.changes.keys()];
    const stored = this.freshCrate ? [] : await this.store.db.getMany(targetKeys);
    targetKeys.forEach((targetKey, i) => {
      const before = stored[i];
      const items = before === undefined ? new Map<string, Contribution>() : contributionsOf(before);
      for (const [item, contribution] of this.changes.get(targetKey)!) {
        if (contribution === null) items.delete(item);
        else items.set(item, contribution);
      }
      if (items.size === 0) {
        if (before !== undefined) del(targetKey);
        return;
      }
      const value = targetValue(items);
      if (value !== before) put(targetKey, value);
    });
  }
}

/** A stored target key's items and what each contributes. */
function contributionsOf(text: string): Map<string, Contribution> {
  const items = new Map<string, Contribution>();
  for (const [file, ...rows] of JSON.parse(text) as TargetRefsValue) {
    let previous = '';
    for (const [written, ...numbers] of rows) {
      previous = itemOfRow(written, previous);
      items.set(previous, { file, rows: numbers.join(',') });
    }
  }
  return items;
}

function targetValue(items: Map<string, Contribution>): string {
  const byFile = new Map<string, Array<[string, string]>>();
  for (const [item, { file, rows }] of items) {
    const list = byFile.get(file);
    if (list === undefined) byFile.set(file, [[item, rows]]);
    else list.push([item, rows]);
  }
  const files = [...byFile.keys()].sort(compareStrings);
  return `[${files.map((file) => {
    const rows = byFile.get(file)!.sort(([a], [b]) => compareStrings(a, b));
    let previous = '';
    return `[${JSON.stringify(file)},${rows.map(([item, numbers]) => {
      const written = frontCoded(item, previous);
      previous = item;
      return `[${JSON.stringify(written)}${numbers === '' ? '' : `,${numbers}`}]`;
    }).join(',')}]`;
  }).join(',')}]`;
}

/**
 * An item id relative to its crate (`+rc/Rc#new().`) as a target key's row writes it after
 * `previous`: `12:new().` for one that shares 12 characters with it. A file's items are sorted,
 * and share their module paths: as ids in full they were 1.0 of the 2.0 MB of std's ref keys.
 */
export function frontCoded(item: string, previous: string): string {
  const shared = sharedPrefixLength(item, previous);
  return shared < MIN_SHARED ? item : `${shared}:${item.slice(shared)}`;
}

/** Less than this is written in full: `3:x` is no shorter than what it stands for. */
const MIN_SHARED = 4;

/** The item id a row writes as `written` after `previous` (frontCoded). */
export function itemOfRow(written: string, previous: string): string {
  const first = written.charCodeAt(0);
  if (first < ZERO || first > NINE) return written;
  const colon = written.indexOf(':');
  return previous.slice(0, Number(written.slice(0, colon))) + written.slice(colon + 1);
}

const ZERO = '0'.charCodeAt(0);
const NINE = '9'.charCodeAt(0);

/** A per-item ref entry's text (`["file",s,l,r,…]`, records.ts) cut into its file and its numbers' text. */
function splitEntry(entry: string): Contribution {
  const end = closingQuote(entry, 1);
  return { file: JSON.parse(entry.slice(1, end + 1)) as string, rows: entry.slice(end + 2, -1) };
}
