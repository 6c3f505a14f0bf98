// The impls of a trait or type, and the methods overriding a trait method, are each one key: a
// set of members, each member one item's contribution (keys.ts, deriveItemKeys, names it as a key
// of its own, `impl \0 trait \0 <trait> \0 <impl> \0 <owner>`, which is never stored). Reading
// them is one point read, where a range over a key per member was a trip to LevelDB's threads,
// and the keys were 33,000 of std's 181,000 (bench/RESULTS.md, eleventh session). A batch notes
// each member an item puts or lets go of, and before it is written `settle` rewrites each set
// they touch. A set's value depends only on its members, so an incremental load and a clean
// build give the same keys. A set takes members from every crate, so this relies on batches
// being written one at a time (load.ts, patch.ts), as the candidate lists do.
import { compareStrings, SEP } from './keys.js';
import type { Store } from './store.js';

/** A set key's value: its members, each the two parts after the set's key, sorted. */
export type SetMembers = Array<[member: string, owner: string]>;

const SET_NAMESPACES = ['impl\0', 'relto\0'];

/** Whether `k` is a member of a set key (`impl` or `relto` with five parts), which a batch gives to SetKeys. */
export function isSetMember(k: string): boolean {
  return SET_NAMESPACES.some((ns) => k.startsWith(ns)) && k.split(SEP).length === 5;
}

/** The members of a set key's value; none when it is absent. */
export function membersOf(value: string | undefined): SetMembers {
  return value === undefined ? [] : (JSON.parse(value) as SetMembers);
}

export class SetKeys {
  /** Set key → member (`member \0 owner`) → whether the batch puts it (true) or lets it go. */
  private readonly changes = new Map<string, Map<string, boolean>>();

  constructor(private readonly store: Store) {}

  note(memberKey: string, present: boolean): void {
    const parts = memberKey.split(SEP);
    const setKey = parts.slice(0, 3).join(SEP);
    const member = `${parts[3]}${SEP}${parts[4]}`;
    let members = this.changes.get(setKey);
    if (members === undefined) this.changes.set(setKey, (members = new Map()));
    // A member some item puts stays, whatever else the batch lets go of.
    if (present || !members.has(member)) members.set(member, present);
  }

  async settle(put: (key: string, value: string) => void, del: (key: string) => void): Promise<void> {
    const setKeys = [...this.changes.keys()];
    if (setKeys.length === 0) return;
    const stored = await this.store.db.getMany(setKeys);
    setKeys.forEach((setKey, i) => {
      const members = new Set(membersOf(stored[i]).map(([member, owner]) => `${member}${SEP}${owner}`));
      for (const [member, present] of this.changes.get(setKey)!) {
        if (present) members.add(member);
        else members.delete(member);
      }
      if (members.size === 0) {
        if (stored[i] !== undefined) del(setKey);
        return;
      }
      const value = JSON.stringify([...members].sort(compareStrings).map((m) => m.split(SEP)));
      if (value !== stored[i]) put(setKey, value);
    });
  }
}
