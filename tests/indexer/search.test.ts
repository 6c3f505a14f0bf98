// Symbol search on a small two-crate store: qualified queries, tiers and their order, typos,
// filters, and the vocabulary the load path keeps next to the items.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDump, removeCrate, search, type SearchOptions, type Store } from '../../indexer/src/index.js';
import type { DefKind, ItemRecord, Visibility } from '../../schema/src/index.js';
import { prng } from '../support/random.js';
import { makeDump, makeItem, Source, tempStore } from './fixture.js';

let store: Store;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
});
afterEach(() => cleanup());

interface Fn {
  name: string;
  qualname: string;
  kind?: DefKind;
  visibility?: Visibility;
}

/** One crate whose items are one-line fns at `root`: each def's name is found in its line. */
function crate(name: string, root: string, defs: Fn[]) {
  const src = new Source(root, defs.map((d, i) => `fn d${i}_${d.name}() {}\n`).join(''));
  const items: ItemRecord[] = defs.map((d, i) => {
    const id = `cargo ${name} 0.1.0 d${i}().`;
    const item = makeItem(id, 'fn', src, src.between(`fn d${i}_`, '{}'), [
      { id, kind: d.kind ?? 'method', name: d.name, qualname: d.qualname, at: src.find(d.name, 0, src.find(`fn d${i}_`)[0]) },
    ]);
    item.defs[0].visibility = d.visibility ?? 'pub';
    return item;
  });
  return makeDump(name, [src], items);
}

const COLL: Fn[] = [
  { name: 'HashMap', qualname: 'coll::HashMap', kind: 'struct' },
  { name: 'insert', qualname: 'coll::HashMap::insert' },
  { name: 'insert_many', qualname: 'coll::HashMap::insert_many' },
  { name: 'ins_private', qualname: 'coll::HashMap::ins_private', visibility: 'private' },
  { name: 'HashSet', qualname: 'coll::HashSet', kind: 'struct' },
  { name: 'insert', qualname: 'coll::HashSet::insert' },
  { name: 'try_insert', qualname: 'coll::try_insert', kind: 'fn' },
  { name: 'fmt', qualname: '<coll::HashMap<K> as core::fmt::Debug>::fmt', visibility: 'private' },
  { name: 'read_to_string', qualname: 'coll::io::read_to_string', kind: 'fn' },
  { name: 'invert', qualname: 'coll::Bits::invert' },
];
/** A dependency outside the workspace: its root is not under the workspace root. */
const DEP: Fn[] = [
  { name: 'HashMap', qualname: 'dep::HashMap', kind: 'struct' },
  { name: 'insert', qualname: 'dep::HashMap::insert' },
];

async function loadBoth(coll: Fn[] = COLL): Promise<void> {
  await loadDump(store, crate('coll', 'coll/src/lib.rs', coll));
  await loadDump(store, crate('dep', '../registry/dep/src/lib.rs', DEP));
}

async function found(query: string, options: SearchOptions = {}): Promise<string[]> {
  return (await search(store, query, options)).map((h) => `${h.match} ${h.qualname}`);
}

describe('search', () => {
  beforeEach(() => loadBoth());

  it('ranks exact names, then prefixes, then later words; workspace crates before dependencies', async () => {
    // No typo guesses (`invert`) when the name exists as typed.
    expect(await found('insert')).toEqual([
      'exact coll::HashMap::insert', 'exact coll::HashSet::insert', 'exact dep::HashMap::insert',
      'prefix coll::HashMap::insert_many', 'word coll::try_insert',
    ]);
  });

  it('matches the segments before the name against what the def sits in', async () => {
    // Public before private within the prefix tier, and the workspace's before the dependency's.
    expect(await found('HashMap::ins')).toEqual([
      'prefix coll::HashMap::insert', 'prefix coll::HashMap::insert_many', 'prefix dep::HashMap::insert',
      'prefix coll::HashMap::ins_private',
    ]);
    expect(await found('coll::HashMap::insert')).toEqual(['exact coll::HashMap::insert', 'prefix coll::HashMap::insert_many']);
    // A trait impl's method sits in both its type and its trait, and is as public as the trait.
    expect(await found('Debug::fmt')).toEqual(['exact <coll::HashMap<K> as core::fmt::Debug>::fmt']);
    expect(await found('HashMap::fmt')).toEqual(['exact <coll::HashMap<K> as core::fmt::Debug>::fmt']);
    expect(await found('io::insert')).toEqual([]);
  });

  it('tolerates a typo in the name and in the path', async () => {
    expect(await found('HashMpa::insrt')).toEqual(['fuzzy coll::HashMap::insert', 'fuzzy dep::HashMap::insert']);
    // Closest first: one typo from `insert`, two from `invert`.
    expect(await found('insrt')).toEqual([
      'fuzzy coll::HashMap::insert', 'fuzzy coll::HashSet::insert', 'fuzzy dep::HashMap::insert', 'fuzzy coll::Bits::invert',
    ]);
    for (const typo of ['insrt', 'isnert', 'insery', 'innsert', 'insetr']) {
      expect((await search(store, typo))[0], typo).toMatchObject({ match: 'fuzzy', name: 'insert' });
    }
    expect(await found('raed_to_strng')).toEqual(['fuzzy coll::io::read_to_string']);
    // Too far, or too short to guess at.
    expect(await found('invertible')).toEqual([]);
    expect(await found('io::isn')).toEqual([]);
  });

  it('filters by kind and by crate', async () => {
    expect(await found('insert', { kinds: ['fn'] })).toEqual(['word coll::try_insert']);
    expect(await found('HashMap', { kinds: ['struct'], crate: 'dep' })).toEqual(['exact dep::HashMap']);
    expect(await found('insert', { crate: 'cargo dep 0.1.0' })).toEqual(['exact dep::HashMap::insert']);
    expect(await found('insert', { crate: 'nosuch' })).toEqual([]);
  });

  it('gives the first hits of a longer list whatever the limit', async () => {
    // Enough names per tier for several read batches, of mixed lengths, visibility and crates.
    const random = prng(6);
    const many = (crateName: string): Fn[] => Array.from({ length: 40 }, (_, i) => {
      const name = `ins${'x'.repeat(Math.floor(random() * 6))}_${i}`;
      const parent = random() < 0.5 ? 'HashMap' : 'Other';
      return { name, qualname: `${crateName}::${parent}::${name}`, visibility: random() < 0.4 ? 'private' : 'pub' };
    });
    await loadDump(store, crate('many', 'many/src/lib.rs', many('many')));
    await loadDump(store, crate('far', '../far/src/lib.rs', many('far')));
    for (const query of ['insert', 'ins', 'HashMap::ins', 'i', 'hash', 'insrt', 'x_1']) {
      const all = await search(store, query, { limit: 200 });
      for (const limit of [1, 2, 3, 5, 8, 13, 21]) {
        expect(await search(store, query, { limit }), `${query} ${limit}`).toEqual(all.slice(0, limit));
      }
    }
  });

  it('locates each hit at its name', async () => {
    const [hit] = await search(store, 'try_insert');
    expect(hit).toMatchObject({ file: 'coll/src/lib.rs', line: 7, col: 7, endLine: 7, endCol: 17, kind: 'fn', id: 'cargo coll 0.1.0 d6().' });
  });
});

describe('the vocabulary', () => {
  const vocabularyKeys = async () => {
    const out: string[] = [];
    for await (const k of store.keys({ gte: 'vocab\0', lt: 'vocab\0\u{10ffff}' })) out.push(k.split('\0')[1]);
    return out;
  };

  it('is written with the items, follows their changes and goes with the crate', async () => {
    await loadBoth();
    expect(await vocabularyKeys()).toEqual(['cargo coll 0.1.0', 'cargo dep 0.1.0']);
    const [[, text]] = await store.db.iterator({ gte: 'vocab\0cargo dep', lt: 'vocab\0cargo dep\u{10ffff}' }).all();
    expect(JSON.parse(text)).toEqual({ workspace: false, names: 'HashMap\ninsert', parents: 'dep\nHashMap' });

    // The same store answers from the new vocabulary once a load changed it.
    expect(await found('try_insert')).toEqual(['exact coll::try_insert']);
    const renamed = COLL.map((d) => (d.name === 'try_insert' ? { ...d, name: 'try_put', qualname: 'coll::try_put' } : d));
    await loadBoth(renamed);
    expect(await found('try_insert')).toEqual([]);
    expect(await found('try_put')).toEqual(['exact coll::try_put']);
    expect(await vocabularyKeys()).toEqual(['cargo coll 0.1.0', 'cargo dep 0.1.0']);

    await removeCrate(store, 'cargo dep 0.1.0');
    expect(await vocabularyKeys()).toEqual(['cargo coll 0.1.0']);
    expect(await found('insert', { crate: 'dep' })).toEqual([]);
  });
});
