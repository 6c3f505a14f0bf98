// The impls of a trait or type, the methods overriding a trait method, the defs of one name and
// the defs a re-export path names are each one key: a set of members, each member one item's
// contribution (keys.ts, deriveItemKeys, names it as a key of its own, `impl \0 trait \0
// <trait> \0 <impl> \0 <owner>`, which is never stored). Reading them is one point read, where a
// range over a key per member was a trip to LevelDB's threads, and the keys were 33,000 of std's
// 181,000 (bench/RESULTS.md, eleventh session); resolving a path by three range reads was a
// quarter of `refs core::option::Option`, and one read in a hundred waited milliseconds on the
// threads (fourteenth session). A member of a name set carries a value (the def's kind,
// visibility and qualname), the others none. A batch notes each member an item puts or lets go
// of, and before it is written `settle` rewrites each set they touch. A set's value depends only
// on its members, so an incremental load and a clean build give the same keys. A set takes
// members from every crate, so this relies on batches being written one at a time (load.ts,
// patch.ts), as the candidate lists do.
import { compareStrings, SEP } from './keys.js';
import { writeSettled, type DelKey, type PutKey } from './settled-keys.js';
import type { Store } from './store.js';

/**
 * A set key's value: its members, each the two parts after the set's key, then what its value
 * says (a JSON array, spread; nothing for an empty value), sorted by those two parts.
 */
export type SetMembers<Extra extends unknown[] = []> = Array<[member: string, owner: string, ...extra: Extra]>;

/** The namespaces of set keys, and how many parts a member key has (the set key's, plus member and owner). */
const SET_NAMESPACES: ReadonlyArray<[prefix: string, parts: number]> = [['impl\0', 5], ['relto\0', 5], ['name\0', 4], ['qual\0', 4]];

/** Whether `k` is a member of a set key, which a batch gives to SetKeys. */
export function isSetMember(k: string): boolean {
  for (const [prefix, parts] of SET_NAMESPACES) if (k.startsWith(prefix)) return partCount(k) === parts;
  return false;
}

function partCount(k: string): number {
  let n = 1;
  for (let i = k.indexOf(SEP); i >= 0; i = k.indexOf(SEP, i + 1)) n++;
  return n;
}

/** The members of a set key's value; none when it is absent. */
export function membersOf<Extra extends unknown[] = []>(value: string | undefined): SetMembers<Extra> {
  return value === undefined ? [] : (JSON.parse(value) as SetMembers<Extra>);
}

export class SetKeys {
  /**
   * Set key → member (`member \0 owner`) → the member's value when the batch puts it (a JSON
   * array, or '' for none), false when it lets it go.
   */
  private readonly changes = new Map<string, Map<string, string | false>>();

  constructor(private readonly store: Store) {}

  note(memberKey: string, value: string | false): void {
    const owner = memberKey.lastIndexOf(SEP);
    const at = memberKey.lastIndexOf(SEP, owner - 1);
    const setKey = memberKey.slice(0, at);
    const member = memberKey.slice(at + 1);
    let members = this.changes.get(setKey);
    if (members === undefined) this.changes.set(setKey, (members = new Map()));
    // A member some item puts stays, whatever else the batch lets go of.
    if (value !== false || !members.has(member)) members.set(member, value);
  }

  async settle(put: PutKey, del: DelKey): Promise<void> {
    const setKeys = [...this.changes.keys()];
    if (setKeys.length === 0) return;
    const stored = await this.store.db.getMany(setKeys);
    setKeys.forEach((setKey, i) => {
      const members = new Map<string, unknown[]>();
      for (const [member, owner, ...extra] of membersOf<unknown[]>(stored[i])) members.set(`${member}${SEP}${owner}`, extra);
      for (const [member, value] of this.changes.get(setKey)!) {
        if (value === false) members.delete(member);
        else members.set(member, value === '' ? [] : (JSON.parse(value) as unknown[]));
      }
      const sorted = [...members.keys()].sort(compareStrings);
      const value = sorted.length === 0 ? undefined : JSON.stringify(sorted.map((m) => [...m.split(SEP), ...members.get(m)!]));
      writeSettled(setKey, stored[i], value, put, del);
    });
  }
}
