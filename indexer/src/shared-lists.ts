// A candidate list's key (clist) is shared by every item whose refs use the list (keys.ts), so
// an item's old keys cannot simply be deleted with it. A batch notes the list keys its items want
// and let go of, and the cref keys it writes and deletes; before the batch is written, `settle`
// puts the lists an item uses for the first time and deletes those no cref key uses any more,
// and adds or takes each such list in the directories of its candidates. The store then holds a
// list exactly while some item uses it, whatever order the items were loaded in, so an
// incremental load and a clean build give the same keys. The lists holding a target are in the
// directory its own ref key starts with (own-ref-keys.ts).
import { InconsistentIndexError } from './errors.js';
import { isSharedKey, listOfKey, ranges } from './keys.js';
import type { OwnRefKeys } from './own-ref-keys.js';
import type { DelKey, PutKey } from './settled-keys.js';
import type { Store } from './store.js';

const CREF = 'cref\0';

export class SharedLists {
  private readonly wanted = new Map<string, string>();
  private readonly released = new Set<string>();
  private readonly crefsDeleted = new Set<string>();
  private readonly listsWritten = new Set<string>();
  constructor(
    private readonly store: Store,
    private readonly ownKeys: OwnRefKeys,
  ) {}

  /** Notes a put; true when the key is shared and left to `settle`. */
  notePut(key: string, value: string): boolean {
    if (isSharedKey(key)) {
      this.wanted.set(key, value);
      return true;
    }
    if (key.startsWith(CREF)) this.listsWritten.add(listOfKey(key));
    return false;
  }

  /** Notes a delete; true when the key is shared and left to `settle`. */
  noteDel(key: string): boolean {
    if (isSharedKey(key)) {
      this.released.add(key);
      return true;
    }
    if (key.startsWith(CREF)) this.crefsDeleted.add(key);
    return false;
  }

  async settle(put: PutKey, del: DelKey): Promise<void> {
    const hold = (candidates: string, list: string, held: boolean) => {
      for (const target of JSON.parse(candidates) as string[]) this.ownKeys.changeMember(target, list, held);
    };
    const wantedKeys = [...this.wanted.keys()];
    const stored = await this.store.db.getMany(wantedKeys);
    wantedKeys.forEach((k, i) => {
      const value = this.wanted.get(k)!;
      if (stored[i] === undefined) {
        put(k, value);
        hold(value, listOfKey(k), true);
      } else if (stored[i] !== value) throw new InconsistentIndexError(`two candidate lists have the hash ${listOfKey(k)}`);
    });
    const used = new Map<string, boolean>();
    const gone: string[] = [];
    for (const k of this.released) {
      if (this.wanted.has(k)) continue;
      const list = listOfKey(k);
      if (!used.has(list)) used.set(list, await this.inUse(list));
      if (!used.get(list)) gone.push(k);
    }
    const goneValues = await this.store.db.getMany(gone);
    gone.forEach((k, i) => {
      if (goneValues[i] === undefined) return;
      del(k);
      hold(goneValues[i], listOfKey(k), false);
    });
  }

  /** Whether some cref key of `list` is left once the batch is written. */
  private async inUse(list: string): Promise<boolean> {
    if (this.listsWritten.has(list)) return true;
    for await (const k of this.store.keys(ranges.candidateRefs(list))) if (!this.crefsDeleted.has(k)) return true;
    return false;
  }
}
