// The crates with refs through a candidate list, one key per list (`lcrates \0 <list>`, keys.ts):
// finding a target's refs through the lists holding it then reads the cref keys there are, where
// it read one per list and crate (30 reads for the 5 lists of `DoubleEndedIterator::next_back`,
// 25 of them of nothing). TargetRefs reports each cref key that comes or goes, and before the
// batch is written `settle` rewrites the lists' keys; a list's key is there while it names a crate.
import { keys } from './keys.js';
import { withMembers } from './own-ref-keys.js';
import { writeSettled, type DelKey, type PutKey } from './settled-keys.js';
import type { Store } from './store.js';

/** The crates a list's key names; none when it is absent. */
export function listCratesOf(value: string | undefined): string[] {
  return value === undefined ? [] : (JSON.parse(value) as string[]);
}

export class ListCrates {
  /** List → crate → whether it has a cref key for the list now (true) or no longer (false). */
  private readonly changes = new Map<string, Map<string, boolean>>();

  constructor(private readonly store: Store) {}

  change(list: string, crate: string, held: boolean): void {
    let crates = this.changes.get(list);
    if (crates === undefined) this.changes.set(list, (crates = new Map()));
    crates.set(crate, held);
  }

  async settle(put: PutKey, del: DelKey): Promise<void> {
    const lists = [...this.changes.keys()];
    if (lists.length === 0) return;
    const listKeys = lists.map(keys.listCrates);
    const stored = await this.store.db.getMany(listKeys);
    lists.forEach((list, i) => {
      const crates = withMembers(listCratesOf(stored[i]), this.changes.get(list));
      writeSettled(listKeys[i], stored[i], crates.length === 0 ? undefined : JSON.stringify(crates), put, del);
    });
  }
}
