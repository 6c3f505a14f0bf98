// applyPatch: the store after a patch is the store a whole dump of the edited crate makes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPatch, InconsistentIndexError, loadDump, type Store } from '../../indexer/src/index.js';
import type { Dump, DumpPatch } from '../../schema/src/index.js';
import { freshSnapshot, geometry, snapshot, tempStore } from './fixture.js';

let store: Store;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
});
afterEach(() => cleanup());

const GEOMETRY = 'cargo geometry 0.1.0';

/** The patch that takes `before` to `after` for one file: the items whose records differ. */
function patchOf(before: Dump, after: Dump, path: string): DumpPatch {
  const old = new Map(before.items.map((i) => [i.item, i.fingerprint]));
  const inFile = after.items.filter((i) => i.file === path);
  return {
    crate: GEOMETRY,
    file: after.header.files.find((f) => f.path === path)!,
    fileItems: inFile.map((i) => [i.item, i.span[0], i.span[1]]),
    items: inFile.filter((i) => old.get(i.item) !== i.fingerprint),
  };
}

describe('applyPatch', () => {
  it('brings the store to what loading the edited dump gives, writing only what differs', async () => {
    const before = geometry().dump;
    await loadDump(store, before);
    const after = geometry({ areaBody: '3.0 * self.r' });
    const patch = patchOf(before, after.dump, after.shapes.path);
    expect(patch.items.map((i) => i.item)).toEqual([`${GEOMETRY} shapes/Circle#area().`]);
    const stats = await applyPatch(store, patch);
    expect(stats).toMatchObject({ itemsAdded: 0, itemsChanged: 1, itemsRemoved: 0 });
    expect(stats.keysWritten).toBeLessThan(10);
    expect(await snapshot(store)).toEqual(await freshSnapshot(after.dump));
  });

  it('moves items with the file table alone', async () => {
    const before = geometry().dump;
    await loadDump(store, before);
    const after = geometry({ padding: '\n// moved\n' });
    const patch = patchOf(before, after.dump, after.shapes.path);
    expect(patch.items).toEqual([]);
    expect(await applyPatch(store, patch)).toMatchObject({ itemsChanged: 0, keysWritten: 1 });
    expect(await snapshot(store)).toEqual(await freshSnapshot(after.dump));
  });

  it('refuses a patch for a crate or a file the store does not have, and writes nothing', async () => {
    const before = geometry().dump;
    await loadDump(store, before);
    const after = geometry({ areaBody: '3.0 * self.r' });
    const patch = patchOf(before, after.dump, after.shapes.path);
    const was = await snapshot(store);
    await expect(applyPatch(store, { ...patch, crate: 'cargo other 1.0.0' })).rejects.toThrow(InconsistentIndexError);
    await expect(applyPatch(store, { ...patch, file: { ...patch.file, path: 'geometry/src/gone.rs' } }))
      .rejects.toThrow(/geometry\/src\/gone\.rs/);
    expect(await snapshot(store)).toEqual(was);
  });
});
