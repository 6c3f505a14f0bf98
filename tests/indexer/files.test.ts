import { describe, expect, it } from 'vitest';
import { BY_HASH, FileView, findHash } from '../../indexer/src/files.js';
import type { FileItem } from '../../indexer/src/keys.js';
import { ITEM_HASH_SPAN, itemHash } from '../../indexer/src/target-refs.js';
import { prng } from '../support/random.js';

describe('findHash', () => {
  it('finds the first position of a hash at or after where the search starts, as a scan would (property)', () => {
    const random = prng(61);
    for (let n = 0; n < 600; n++) {
      // Small spans make runs of one hash; the full span, hashes spread as itemHash spreads them.
      const span = n % 2 === 0 ? 30 : ITEM_HASH_SPAN;
      const hashes = Uint32Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * span)).sort();
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
        const table = new Int32Array(hashes.length * BY_HASH.stride);
        hashes.forEach((h, k) => (table[k * BY_HASH.stride + BY_HASH.hash] = h));
        expect(findHash({ table, ids: [] }, hash, from)).toBe(expected);
      }
    }
  });
});

describe('FileView.itemsByHash', () => {
  it("lists a table's items by hash, each with its id, start and start line", () => {
    const items: FileItem[] = ['a', 'b', 'c', 'd', 'e'].map((name, i) => [`cargo k 0.1.0 ${name}().`, 10 * i, 10 * i + 5, 0, 1]);
    // Lines of 20 bytes.
    const view = new FileView('k/src/lib.rs', 'cargo k 0.1.0', { hash: '', bytes: 50, lines: 3, lineStarts: [0, 20, 40], multibyte: [], items });
    const { table, ids } = view.itemsByHash;
    const field = (k: number, at: number) => table[k * BY_HASH.stride + at];
    expect(ids.map((_, k) => field(k, BY_HASH.hash))).toEqual(items.map(([id]) => itemHash(id)).sort((a, b) => a - b));
    for (let k = 0; k < ids.length; k++) {
      expect(field(k, BY_HASH.hash)).toBe(itemHash(ids[k]));
      expect(field(k, BY_HASH.start)).toBe(items.find(([id]) => id === ids[k])![1]);
      expect(field(k, BY_HASH.line)).toBe(Math.floor(field(k, BY_HASH.start) / 20));
    }
  });
});
