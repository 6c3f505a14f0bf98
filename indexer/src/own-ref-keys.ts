// A target's ref key for its own crate (the crate its id starts with) also says where else its
// refs are: the hashes of the candidate lists that hold the target and the ids of the other
// crates with a ref key for it, its directory (keys.ts). Finding a target's refs then starts with
// one read. In a batch two settles change such a key: TargetRefs its crate's rows, SharedLists
// its directory (a list comes or goes, or TargetRefs reports another crate's key coming or
// going); this class collects both and writes each key once.
import { compareStrings, crateOfItem, keyParts, keys } from './keys.js';
import { packInt, packString, PackedReader } from './packed-text.js';
import { writeSettled, type DelKey, type PutKey } from './settled-keys.js';
import type { Store } from './store.js';

/**
 * A target's own ref key's value: its directory, then its crate's file entries (TargetRefsValue),
 * packed (packed-text.ts): the number of members, each member, then the entries.
 */
export interface OwnRefsValue {
  /** List hashes and crate ids, sorted: a crate id has spaces, a hash none. */
  directory: string[];
  /** The file entries' text ('' for none). */
  entries: string;
}

/** Whether a member of a directory is a crate (its id has spaces) rather than a list (a hash has none). */
export function isCrateMember(member: string): boolean {
  return member.includes(' ');
}

/** Whether a ref key (`ref \0 target \0 crate`) is its target's own crate's. */
export function isOwnRefKey(key: string): boolean {
  if (!key.startsWith('ref\0')) return false;
  const [target, crate] = keyParts(key);
  return crate === crateOfItem(target);
}

/** A target's own ref key (keys.ts). */
export function ownRefKey(target: string): string {
  return keys.targetRefs(target, crateOfItem(target));
}

export function parseOwnRefs(text: string): OwnRefsValue {
  const reader = new PackedReader(text);
  const directory = directoryOf(reader);
  return { directory, entries: text.slice(reader.pos) };
}

/** The directory at the start of an own ref key's value, the reader left after it. */
export function directoryOf(reader: PackedReader): string[] {
  const count = reader.int();
  const directory: string[] = [];
  for (let i = 0; i < count; i++) directory.push(reader.string());
  return directory;
}

function ownRefsText({ directory, entries }: OwnRefsValue): string | undefined {
  if (directory.length === 0 && entries === '') return undefined;
  return packInt(directory.length) + directory.map(packString).join('') + entries;
}

export class OwnRefKeys {
  /** Own ref key → its value before the batch, as read and as parsed, and its crate's new entries, if set. */
  private readonly values = new Map<string, { before: string | undefined; stored: OwnRefsValue; entries?: string }>();
  /** Own ref key → member of its directory → whether it is one now (true) or no longer (false). */
  private readonly members = new Map<string, Map<string, boolean>>();

  constructor(private readonly store: Store) {}

  /** A key's stored value, which TargetRefs read (`before`), parsed once for both settles. */
  stored(key: string, before: string | undefined): OwnRefsValue {
    const stored = before === undefined ? { directory: [], entries: '' } : parseOwnRefs(before);
    this.values.set(key, { before, stored });
    return stored;
  }

  /** The entries TargetRefs settled for a key whose stored value it gave `stored`. */
  setEntries(key: string, entries: string): void {
    this.values.get(key)!.entries = entries;
  }

  /** Notes that `member` (a list's hash or a crate's id) is now in `target`'s directory, or no longer. */
  changeMember(target: string, member: string, held: boolean): void {
    const key = ownRefKey(target);
    let members = this.members.get(key);
    if (members === undefined) this.members.set(key, (members = new Map()));
    members.set(member, held);
  }

  async settle(put: PutKey, del: DelKey): Promise<void> {
    const unread = [...this.members.keys()].filter((key) => !this.values.has(key));
    const read = await this.store.db.getMany(unread);
    unread.forEach((key, i) => this.stored(key, read[i]));
    for (const [key, { before, stored, entries }] of this.values) {
      const value = ownRefsText({ directory: withMembers(stored.directory, this.members.get(key)), entries: entries ?? stored.entries });
      writeSettled(key, before, value, put, del);
    }
  }
}

/** A directory with the members `changes` says it now holds (true) or no longer (false), sorted. */
export function withMembers(directory: readonly string[], changes: ReadonlyMap<string, boolean> | undefined): string[] {
  const members = new Set(directory);
  for (const [member, held] of changes ?? []) {
    if (held) members.add(member);
    else members.delete(member);
  }
  return [...members].sort(compareStrings);
}
