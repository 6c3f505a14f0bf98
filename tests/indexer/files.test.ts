import { describe, expect, it } from 'vitest';
import { FileView, findHash } from '../../indexer/src/files.js';
import type { FileItem } from '../../indexer/src/keys.js';
import { itemHash } from '../../indexer/src/target-refs.js';
import { prng } from '../support/random.js';

describe('findHash', () => {
  it('finds the first position of a hash at or after where the search starts, as a scan would (property)', () => {
    const random = prng(61);
    for (let n = 0; n < 300; n++) {
      const hashes = Uint32Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 30)).sort();
      for (let probe = 0; probe < 20; probe++) {
        const hash = Math.floor(random() * 32);
        const from = Math.floor(random() * (hashes.length + 1));
        let expected = -1;
        for (let i = from; i < hashes.length; i++) {
          if (hashes[i] === hash) {
            expected = i;
            break;
          }
          if (hashes[i] > hash) break;
        }
        expect(findHash(hashes, hash, from)).toBe(expected);
      }
    }
  });
});

describe('FileView.itemsByHash', () => {
  it("lists a table's items by hash, each with its id and start", () => {
    const items: FileItem[] = ['a', 'b', 'c', 'd', 'e'].map((name, i) => [`cargo k 0.1.0 ${name}().`, 10 * i, 10 * i + 5, 0, 1]);
    const view = new FileView('k/src/lib.rs', 'cargo k 0.1.0', { hash: '', bytes: 50, lines: 1, lineStarts: [0], multibyte: [], items });
    const { hashes, starts, ids } = view.itemsByHash;
    expect([...hashes]).toEqual(items.map(([id]) => itemHash(id)).sort((a, b) => a - b));
    for (let k = 0; k < ids.length; k++) {
      expect(hashes[k]).toBe(itemHash(ids[k]));
      expect(starts[k]).toBe(items.find(([id]) => id === ids[k])![1]);
    }
  });
});
