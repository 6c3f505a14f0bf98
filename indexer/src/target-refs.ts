// The refs to a target are stored per crate: one key per target and crate holds the refs of
// every item of that crate to the target, by file (keys.ts). Finding the references of `Option`
// reads 6 keys on std rather than 253 (one per file) or 1,803 (one per item): the scan of many
// keys, not the refs themselves, was most of the query (bench/RESULTS.md). An item still says
// exactly what it contributes: its derived keys (deriveItemKeys) include one per-item ref key per
// target, which is never stored as such. A batch notes each item's old and new contribution, and
// before it is written `settle` rewrites each target key they touch: the stored rows, less the
// old rows of the items that changed, plus their new ones, by file. A target key's value depends
// only on the items it holds, so an incremental load and a clean build give the same keys.
// The refs through a candidate list are kept the same way, the list's hash in the target's place
// (cref keys).
import { compareStrings, keyParts } from './keys.js';
import type { ListCrates } from './list-crates.js';
import { isOwnRefKey, type OwnRefKeys } from './own-ref-keys.js';
import { InconsistentIndexError } from './errors.js';
import { packInt, packString, PackedReader } from './packed-text.js';
import { writeSettled, type DelKey, type PutKey } from './settled-keys.js';
import type { Store } from './store.js';

/**
 * A target key's value (the key of the target's own crate has its directory first,
 * own-ref-keys.ts), packed (packed-text.ts): for each file, its path, the length of its rows,
 * then its items' rows of refs to the target, each [item, length, place, length, role, place,
 * length, role…]: the item named by its hash (itemHash), then the length of the numbers that
 * follow, each ref's place a line and column relative to the item's start (item-places.ts),
 * the role an index into REF_ROLES; files sorted, a file's rows by hash then text, an item's
 * refs by position. Lengths are in characters, so a reader skips what it does not decode.
 */
export type TargetRefsValue = string;

/** One file's entry of a target key's value: its path, and where its rows are in the value. */
export interface FileEntry {
  file: string;
  /** The rows: the value's characters from `start` to `end`. */
  start: number;
  end: number;
}

/** The file entries of a target key's value (or of what follows a directory), from `pos` on. */
export function fileEntriesOf(value: string, pos = 0): FileEntry[] {
  const out: FileEntry[] = [];
  const reader = new PackedReader(value, pos);
  while (!reader.done) {
    const file = reader.string();
    const length = reader.int();
    out.push({ file, start: reader.pos, end: reader.pos + length });
    reader.pos += length;
  }
  if (reader.pos !== value.length) throw new InconsistentIndexError(`a ref key's file entry runs past its end: ${JSON.stringify(value.slice(0, 60))}`);
  return out;
}

/** The text of one file's entry: its path, then its rows. */
function fileEntryText(file: string, rows: readonly string[]): string {
  const text = rows.join('');
  return packString(file) + packInt(text.length) + text;
}

/**
 * What a target key's row names its item by: 24 bits of a hash of the item's id. A reader finds
 * the item in its file's table by it (items-arena.ts). As ids (front-coded) they were
 * 3.3 of the 5.9 MB of std's ref keys, and finding each in a map of its file's items by a string
 * built for the purpose was a quarter of the time of `Option`'s refs; a number costs neither.
 * Two items of a file may share a hash: the rows say which is which by their numbers, since each
 * is exactly what its item contributes (resolveSharedHashes in references.ts).
 */
export function itemHash(item: string): number {
  // FNV-1a over the UTF-16 units, then murmur3's finalizer so the kept top bits mix every unit.
  let h = 0x811c9dc5;
  for (let i = 0; i < item.length; i++) h = Math.imul(h ^ item.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 8;
}

/** How many values itemHash gives: they are spread evenly below this. */
export const ITEM_HASH_SPAN = 2 ** 24;

const REF = 'ref\0';

/**
 * Whether a key is an item's ref contribution (`ref \0 target \0 crate \0 item`, or `cref \0
 * list \0 crate \0 item`), which a batch gives to TargetRefs.
 */
export function isRefContribution(k: string): boolean {
  return (k.startsWith(REF) || k.startsWith('cref\0')) && keyParts(k).length === 3;
}

/** The key a contribution is folded into: its own less the item. */
function foldedKey(contribution: string): string {
  return contribution.slice(0, contribution.lastIndexOf('\0'));
}

/** One item's refs in a target key: its file, and its row's text (hash, length, refs, packed). */
interface Contribution {
  file: string;
  row: string;
}

/** An item's contribution to one target key before and after a batch; absent when it had none. */
interface Change {
  before?: Contribution;
  after?: Contribution;
}

export class TargetRefs {
  /** Target key → item → its contribution before and after the batch. */
  private readonly changes = new Map<string, Map<string, Change>>();
  /** Set when the crate had nothing stored before this batch: no target key needs reading. */
  freshCrate = false;

  constructor(
    private readonly store: Store,
    private readonly ownKeys: OwnRefKeys,
    private readonly listCrates: ListCrates,
  ) {}

  /** Notes that an item's contribution `key` goes from `before` to `after` (per-item ref entry values). */
  note(key: string, before: string | undefined, after: string | undefined): void {
    const targetKey = foldedKey(key);
    const item = key.slice(targetKey.length + 1);
    let items = this.changes.get(targetKey);
    if (items === undefined) this.changes.set(targetKey, (items = new Map()));
    let change = items.get(item);
    if (change === undefined) items.set(item, (change = {}));
    // A put and a delete of one contribution may come in either order: each end is kept.
    if (before !== undefined) change.before ??= contributionOf(item, before);
    if (after !== undefined) change.after = contributionOf(item, after);
  }

  /**
   * Writes the target keys the batch changed but its targets' own crates' keys, whose entries it
   * gives to `ownKeys`, which also write their directories (own-ref-keys.ts). Each ref key of a
   * crate other than its target's own that comes or goes joins or leaves the target's directory,
   * and each cref key its list's crates (list-crates.ts).
   */
  async settle(put: PutKey, del: DelKey): Promise<void> {
    const targetKeys = [...this.changes.keys()];
    // A crate loaded for the first time has no ref keys, but its targets' own keys may hold the
    // directories other crates' loads wrote.
    const ownKeys = new Set(targetKeys.filter(isOwnRefKey));
    const read = this.freshCrate ? [...ownKeys] : targetKeys;
    const values = await this.store.db.getMany(read);
    const stored = new Map(read.map((key, i) => [key, values[i]]));
    for (const targetKey of targetKeys) {
      const before = stored.get(targetKey);
      const own = ownKeys.has(targetKey);
      const entriesBefore = own ? this.ownKeys.stored(targetKey, before).entries : before ?? '';
      // A key's rows are a multiset: items sharing a hash may have equal rows, and an item's old
      // row goes as one of them, whichever.
      const files = rowsByFile(entriesBefore);
      for (const { before: old, after: now } of this.changes.get(targetKey)!.values()) {
        if (old !== undefined) {
          const rows = files.get(old.file);
          const at = rows?.indexOf(old.row) ?? -1;
          // The item's old record says what it wrote: a row not there means the key and the
          // record disagree, and keeping the key as it is would leave refs that are gone.
          if (at < 0) throw new InconsistentIndexError(`${JSON.stringify(targetKey)} lacks the row the old record of an item in ${old.file} wrote`);
          rows!.splice(at, 1);
        }
        if (now !== undefined) {
          const rows = files.get(now.file);
          if (rows === undefined) files.set(now.file, [now.row]);
          else rows.push(now.row);
        }
      }
      const entries = entriesText(files);
      if (own) {
        this.ownKeys.setEntries(targetKey, entries);
        continue;
      }
      const value = entries === '' ? undefined : entries;
      writeSettled(targetKey, before, value, put, del);
      if ((before === undefined) !== (value === undefined)) {
        const [targetOrList, crate] = keyParts(targetKey);
        if (targetKey.startsWith(REF)) this.ownKeys.changeMember(targetOrList, crate, value !== undefined);
        else this.listCrates.change(targetOrList, crate, value !== undefined);
      }
    }
  }
}

/** A stored target key's rows by file, each row as its text, from its file entries' text. */
function rowsByFile(entries: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  const reader = new PackedReader(entries);
  for (const { file, start, end } of fileEntriesOf(entries)) {
    const rows: string[] = [];
    for (reader.pos = start; reader.pos < end;) {
      const row = reader.pos;
      reader.int();
      const length = reader.int();
      reader.pos += length;
      rows.push(entries.slice(row, reader.pos));
    }
    if (reader.pos !== end) throw new InconsistentIndexError(`a row of a ref key runs past its file's entry: ${JSON.stringify(entries.slice(0, 60))}`);
    files.set(file, rows);
  }
  return files;
}

/** The file entries' text of a target key with these rows ('' for none). */
function entriesText(files: Map<string, string[]>): string {
  let out = '';
  const reader = new PackedReader('');
  const hashOf = (row: string) => {
    reader.text = row;
    reader.pos = 0;
    return reader.int();
  };
  for (const file of [...files.keys()].sort(compareStrings)) {
    const rows = files.get(file)!;
    if (rows.length === 0) continue;
    // By the hash each starts with, then by text, so that a key's value depends only on its rows.
    const sorted = rows.map((row) => ({ hash: hashOf(row), row })).sort((a, b) => a.hash - b.hash || compareStrings(a.row, b.row));
    out += fileEntryText(file, sorted.map(({ row }) => row));
  }
  return out;
}

/** An item's contribution from its per-item ref entry's text (its file, then its refs: encodeRefEntry). */
export function contributionOf(item: string, entry: string): Contribution {
  const reader = new PackedReader(entry);
  const file = reader.string();
  const refs = entry.slice(reader.pos);
  return { file, row: packInt(itemHash(item)) + packInt(refs.length) + refs };
}
