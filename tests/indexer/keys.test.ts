import { describe, expect, it } from 'vitest';
import { crateOfItem, deriveItemKeys, keys, nameEntryOf, ownerCode, ownerOf, storedItem, type StoredNameEntry } from '../../indexer/src/keys.js';
import { encodeDefEntry, encodeDefValue, parseDefBrief, splitDefValue } from '../../indexer/src/def-values.js';
import type { DefEntry } from '../../indexer/src/keys.js';
import { InconsistentIndexError } from '../../indexer/src/index.js';
import { prng } from '../support/random.js';
import { geometry, ids, placesIn } from './fixture.js';
import { zoo } from './trait-fixture.js';

describe('owner codes', () => {
  it('name the item relative to the id before them, and give it back with its crate', () => {
    const fn = 'cargo alloc 0.0.0 vec/Vec#push().';
    expect(ownerCode(fn, fn)).toBe('');
    expect(ownerCode(`${fn}$value@40`, fn)).toBe('<9');
    expect(ownerCode('cargo core 0.0.0 option/Option#', fn)).toBe(fn);
    expect(ownerOf(`${fn}$value@40`, '<9')).toEqual({ crate: 'cargo alloc 0.0.0', item: fn });
    expect(crateOfItem('cargo geometry:bin 0.1.0 main().')).toBe('cargo geometry:bin 0.1.0');
  });

  it('round-trip for random ids and items (property)', () => {
    const rand = prng(14);
    const word = () => Array.from({ length: 1 + Math.floor(rand() * 6) }, () => 'ab/#().<$@1 '[Math.floor(rand() * 12)]).join('');
    for (let i = 0; i < 2000; i++) {
      const item = `cargo c${Math.floor(rand() * 3)} 0.1.0 ${word()}`;
      const choice = rand();
      const id = choice < 0.3 ? item : choice < 0.7 ? item + word() : `cargo d 0.2.0 ${word()}`;
      expect(ownerOf(id, ownerCode(id, item))).toEqual({ crate: crateOfItem(item), item });
    }
  });

  it("a def key is the def's id, and its value says the def's item", () => {
    // A struct and its field: the field's value names the struct's item as `<2`.
    const { dump } = geometry();
    const record = dump.items.find((i) => i.item === ids.circle)!;
    const stored = storedItem(record);
    const defKeys = [...deriveItemKeys('cargo geometry 0.1.0', stored, placesIn(dump, record))].filter(([k]) => k.startsWith('def\0'));
    expect(defKeys.map(([k]) => k)).toEqual([keys.def(ids.circle), keys.def(ids.r)]);
    expect(defKeys.map(([k]) => k)).toEqual([`def\0${ids.circle}`, `def\0${ids.r}`]);
    for (const [k, value] of defKeys) {
      const id = k.slice('def\0'.length);
      expect(ownerOf(id, splitDefValue(value).owner)).toEqual({ crate: 'cargo geometry 0.1.0', item: ids.circle });
      expect(parseDefBrief(id, splitDefValue(value).entry).file).toBe(stored.file);
    }
    expect(splitDefValue(defKeys[1][1]).owner).toBe('<2');
  });

  it('reads back any owner code a def value starts with', () => {
    const entry: DefEntry = { file: 'src/lib.rs', kind: 'fn', name: 'f', qualname: 'c::f', nameSpan: [3, 4], visibility: 'pub', span: [0, 9] };
    for (const owner of ['', '<12', 'cargo c 0.1.0 m/impl#[Vec<"q\\">]', 'cargo c 0.1.0 "x"']) {
      const value = encodeDefValue('cargo c 0.1.0 f().', entry, owner);
      expect(splitDefValue(value)).toEqual({ owner, entry: encodeDefEntry('cargo c 0.1.0 f().', entry) });
    }
  });

  it('refuses an item whose id is not in its crate, before anything is written', () => {
    const { dump } = geometry();
    expect(() => deriveItemKeys('cargo other 0.1.0', storedItem(dump.items[0]), placesIn(dump, dump.items[0]))).toThrow(InconsistentIndexError);
  });
});

describe('what the store keeps of a record', () => {
  it('keeps only the relations a key derives from, and impl keys hold nothing but their key', async () => {
    const { dump } = zoo();
    const records = dump.items.filter((i) => i.relations.some((r) => r.kind === 'supertrait' || r.kind === 'implements'));
    expect(records.length).toBeGreaterThan(0);
    for (const record of dump.items) {
      expect(storedItem(record).relations).toEqual(record.relations.filter((r) => r.kind === 'overrides' || r.kind === 'reexports'));
      const derived = deriveItemKeys('cargo zoo 0.1.0', storedItem(record), placesIn(dump, record));
      const implKeys = [...derived].filter(([k]) => k.startsWith('impl\0'));
      expect(implKeys.length).toBe(record.impls.reduce((n, i) => n + Number(i.trait?.startsWith('cargo ') ?? false) + Number(i.selfTarget !== undefined), 0));
      for (const [, value] of implKeys) expect(value).toBe('');
    }
  });

  it('leaves out of a name set member the qualname its def id spells, and gives it back', () => {
    const { dump } = zoo();
    let left = 0;
    for (const record of dump.items) {
      for (const [k, value] of deriveItemKeys('cargo zoo 0.1.0', storedItem(record), placesIn(dump, record))) {
        if (!k.startsWith('name\0')) continue;
        const def = record.defs.find((d) => k === keys.name(d, record.item))!;
        const stored = JSON.parse(value) as StoredNameEntry;
        if (stored.length === 2) left++;
        expect(nameEntryOf(def.id, stored)).toEqual([def.kind, def.visibility, def.qualname]);
      }
    }
    expect(left).toBeGreaterThan(0);
    expect(() => nameEntryOf('cargo zoo 0.1.0 impl#[X]', ['fn', 'pub'])).toThrow(InconsistentIndexError);
  });

  it("keeps no def's attributes or parent, which no query reads", () => {
    const { dump } = geometry();
    const record = dump.items.find((i) => i.item === ids.circle)!;
    const defs = record.defs.map((d) => ({ ...d, attributes: ['derive(Debug)'], parent: 'cargo geometry 0.1.0 shapes/' }));
    const stored = storedItem({ ...record, defs });
    expect(stored.defs.map((d) => d.id)).toEqual(record.defs.map((d) => d.id));
    for (const def of stored.defs) expect(def).not.toHaveProperty('attributes');
    for (const def of stored.defs) expect(def).not.toHaveProperty('parent');
    for (const [k, value] of deriveItemKeys('cargo geometry 0.1.0', stored, placesIn(dump, record))) {
      if (k.startsWith('def\0')) expect(value).not.toMatch(/derive\(Debug\)|"parent"/);
    }
  });
});
