import { describe, expect, it } from 'vitest';
import { InconsistentIndexError } from '../../indexer/src/errors.js';
import { packInt, packInts, packString, PackedReader } from '../../indexer/src/packed-text.js';
import { prng } from '../support/random.js';

describe('packed text', () => {
  it('reads back any integers and strings written in a row (property)', () => {
    const random = prng(2026_11_22);
    const draw = () => {
      const magnitude = [8, 64, 2 ** 10, 2 ** 24, 2 ** 31][Math.floor(random() * 5)];
      const n = Math.floor(random() * magnitude);
      return random() < 0.3 && n > 0 ? -n : n;
    };
    for (let round = 0; round < 500; round++) {
      const items: Array<number | string> = Array.from({ length: Math.floor(random() * 12) }, () =>
        random() < 0.8 ? draw() : 'é/😀\0"\\,'.slice(0, Math.floor(random() * 8)));
      const text = items.map((x) => (typeof x === 'number' ? packInt(x) : packString(x))).join('');
      const reader = new PackedReader(text);
      expect(items.map((x) => (typeof x === 'number' ? reader.int() : reader.string()))).toEqual(items);
      expect(reader.done).toBe(true);
    }
  });

  it('writes small numbers in one printable ASCII character each', () => {
    const text = packInts([0, -1, 1, -16, 15, 2 ** 31 - 1, -(2 ** 31)]);
    expect(packInts([0, -1, 1, -16, 15])).toHaveLength(5);
    expect([...text].every((c) => c >= '0' && c <= 'o')).toBe(true);
  });

  it('refuses text that is no packed number, and a string cut short', () => {
    expect(() => new PackedReader('{').int()).toThrow(InconsistentIndexError);
    // A number whose last character says more follow.
    expect(() => new PackedReader(packInt(1000).slice(0, 1)).int()).toThrow(InconsistentIndexError);
    expect(() => new PackedReader(packString('abc').slice(0, 3)).string()).toThrow(InconsistentIndexError);
  });
});
