import { describe, expect, it } from 'vitest';
import { FileView } from '../../indexer/src/files.js';
import { BY_HASH, compacted, findHash, ItemsArena } from '../../indexer/src/items-arena.js';
import type { FileItem } from '../../indexer/src/keys.js';
import { ITEM_HASH_SPAN, itemHash } from '../../indexer/src/target-refs.js';
import { prng } from '../support/random.js';

describe('findHash', () => {
  it('finds the first position of a hash at or after where the search starts, as a scan would, in a slice anywhere in an arena (property)', () => {
    const random = prng(61);
    for (let n = 0; n < 600; n++) {
      // Small spans make runs of one hash; the full span, hashes spread as itemHash spreads them.
      const span = n % 2 === 0 ? 30 : ITEM_HASH_SPAN;
      const hashes = Uint32Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * span)).sort();
      // Other items before and after the slice, with hashes that would mislead a search past it.
      const base = Math.floor(random() * 5);
      const after = Math.floor(random() * 5);
      const table = new Int32Array((base + hashes.length + after) * BY_HASH.stride);
      for (let k = 0; k < base + hashes.length + after; k++) table[k * BY_HASH.stride + BY_HASH.hash] = k < base ? span : k >= base + hashes.length ? 0 : hashes[k - base];
      for (let probe = 0; probe < 20; probe++) {
        const hash = random() < 0.5 && hashes.length > 0 ? hashes[Math.floor(random() * hashes.length)] : Math.floor(random() * (span + 2));
        const from = Math.floor(random() * (hashes.length + 1));
        let expected = -1;
        for (let i = from; i < hashes.length; i++) {
          if (hashes[i] === hash) {
            expected = i;
            break;
          }
          if (hashes[i] > hash) break;
        }
        expect(findHash(table, base, hashes.length, hash, from)).toBe(expected);
      }
    }
  });
});

/** A view of `names`' fns, one every 10 bytes on lines of 20. */
function viewOf(crate: string, names: string[]): FileView {
  const items: FileItem[] = names.map((name, i) => [`cargo ${crate} 0.1.0 ${name}().`, 10 * i, 10 * i + 5, 0, 1]);
  const bytes = 10 * names.length;
  const lineStarts = Array.from({ length: Math.ceil(bytes / 20) }, (_, i) => 20 * i);
  return new FileView(`${crate}/src/lib.rs`, `cargo ${crate} 0.1.0`, { hash: '', bytes, lines: lineStarts.length, lineStarts, multibyte: [], items });
}

/** A view's items by hash, as [hash, id, start, line, col], read through its arena. */
function itemsOf(view: FileView): Array<[number, string, number, number, number]> {
  const { table, ids } = view.byHash();
  return Array.from({ length: view.hashCount }, (_, k) => {
    const at = (view.hashBase + k) * BY_HASH.stride;
    return [table[at + BY_HASH.hash], ids[view.hashBase + k], table[at + BY_HASH.start], table[at + BY_HASH.line], table[at + BY_HASH.col]];
  });
}

const expectedItems = (view: FileView) => view.table.items
  .map(([id, start]): [number, string, number, number, number] => [itemHash(id), id, start, Math.floor(start / 20), (start % 20) + 1])
  .sort((a, b) => a[0] - b[0]);

describe('items by hash', () => {
  it("list a table's items by hash, each with its id, start, line and column", () => {
    const view = viewOf('k', ['a', 'b', 'c', 'd', 'e']);
    expect(itemsOf(view)).toEqual(expectedItems(view));
  });

  it('share an arena between views, grow it, and move to a compacted one but for the views let go of', () => {
    const shared = { arena: new ItemsArena(4) };
    const views = Array.from({ length: 40 }, (_, v) => viewOf(`c${v}`, Array.from({ length: 1 + (v % 7) }, (_, i) => `f${i}`)));
    for (const view of views) {
      view.keptIn = shared;
      view.byHash();
    }
    // Grown from room for 4 items, and every slice still reads the same.
    expect(new Set(views.map((v) => v.hashArena))).toEqual(new Set([shared.arena]));
    for (const view of views) expect(itemsOf(view)).toEqual(expectedItems(view));
    const old = shared.arena;
    const [letGo, kept] = [views.filter((_, v) => v % 3 === 0), views.filter((_, v) => v % 3 !== 0)];
    for (const view of letGo) old.release({ arena: old, base: view.hashBase, count: view.hashCount });
    shared.arena = compacted(old, kept);
    for (const view of kept) expect(view.hashArena).toBe(shared.arena);
    for (const view of letGo) expect(view.hashArena).toBe(old);
    for (const view of views) expect(itemsOf(view)).toEqual(expectedItems(view));
    expect(shared.arena.ids.length).toBe(kept.reduce((n, v) => n + v.hashCount, 0));
  });

  it('are wasteful once most of a big arena is let go of', () => {
    const arena = new ItemsArena();
    const view = viewOf('big', Array.from({ length: 70000 }, (_, i) => `f${i}`));
    view.keptIn = { arena };
    view.byHash();
    expect(arena.wasteful).toBe(false);
    arena.release({ arena, base: view.hashBase, count: view.hashCount });
    expect(arena.wasteful).toBe(true);
  });
});
