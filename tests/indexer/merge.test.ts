import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defById, definitionsAt, indexDumps, loadDump, references, resolveTarget, stats } from '../../indexer/src/index.js';
import { keys, ownerCode } from '../../indexer/src/keys.js';
import { InconsistentIndexError } from '../../indexer/src/errors.js';
import { fileEntriesOf, itemHash } from '../../indexer/src/target-refs.js';
import { directoryOf, isOwnRefKey, parseOwnRefs } from '../../indexer/src/own-ref-keys.js';
import { PackedReader } from '../../indexer/src/packed-text.js';
import { serializeDump, type Dump } from '../../schema/src/index.js';
import type { Span } from '../../schema/src/index.js';
import { app, freshSnapshot, geometry, ids, makeDump, makeItem, snapshot, Source, storeEachTest } from './fixture.js';

const current = storeEachTest();

const itemKey = (crate: string, item: string) => `item\0${crate}\0${item}`;

/**
 * A ref key's file entries (target-refs.ts), its directory left out when it is its target's own
 * crate's: each its file and its rows, [hash, ...numbers] each.
 */
function fileEntries(key: string, value: string): Array<[string, number[][]]> {
  const reader = new PackedReader(value);
  if (isOwnRefKey(key)) directoryOf(reader);
  return fileEntriesOf(value, reader.pos).map(({ file, start, end }) => {
    const rows: number[][] = [];
    for (reader.pos = start; reader.pos < end;) {
      const hash = reader.int();
      const rowEnd = reader.int() + reader.pos;
      const numbers = [hash];
      while (reader.pos < rowEnd) numbers.push(reader.int());
      rows.push(numbers);
    }
    return [file, rows];
  });
}

/** How many refs an item's numbers in a target key hold: [place, length, role], or [place, short role] for a ref that spans its target's name (item-places.ts). */
function refCount(numbers: number[]): number {
  let count = 0;
  for (let i = 0; i < numbers.length; i += numbers[i + 1] < 0 ? 2 : 3) count++;
  return count;
}
const GEOMETRY = 'cargo geometry 0.1.0';

async function writeDump(name: string, dump: Dump | string): Promise<string> {
  const file = join(current.dir, name);
  await writeFile(file, typeof dump === 'string' ? dump : serializeDump(dump));
  return file;
}

describe('loadDump', () => {
  it('writes every key of a new crate, and nothing when the same dump is loaded again', async () => {
    const first = await loadDump(current.store, geometry().dump);
    expect(first).toMatchObject({ itemsAdded: geometry().dump.items.length, itemsChanged: 0, itemsRemoved: 0, keysDeleted: 0 });
    const keysAfterFirst = (await snapshot(current.store)).size - 1; // less meta\0format
    expect(first.keysWritten).toBe(keysAfterFirst);
    const again = await loadDump(current.store, geometry().dump);
    expect(again).toEqual({ itemsAdded: 0, itemsChanged: 0, itemsRemoved: 0, keysWritten: 0, keysDeleted: 0 });
  });

  it('moving an item rewrites only its file table', async () => {
    await loadDump(current.store, geometry().dump);
    const before = await current.store.db.get(itemKey(GEOMETRY, ids.cafe));
    const moved = geometry({ padding: '\n\n// two lines up\n' });
    const result = await loadDump(current.store, moved.dump);
    expect(result).toEqual({ itemsAdded: 0, itemsChanged: 0, itemsRemoved: 0, keysWritten: 1, keysDeleted: 0 });
    expect(await current.store.db.get(itemKey(GEOMETRY, ids.cafe))).toBe(before);
    expect(await current.store.db.get(`file\0${moved.shapes.path}\0${GEOMETRY}`)).toContain(moved.shapes.entry().hash);

    const [fn] = moved.shapes.find('pub fn café');
    const name = moved.shapes.position(moved.shapes.find('café', 0, fn));
    const result2 = await definitionsAt(current.store, moved.shapes.path, name.line, name.col);
    expect(result2).toMatchObject({ status: 'found', locations: [{ id: ids.cafe, ...name }] });
    expect(await snapshot(current.store)).toEqual(await freshSnapshot(moved.dump));
  });

  it('a query after a load reads the new file tables, not ones a query before it kept', async () => {
    const before = geometry();
    await loadDump(current.store, before.dump);
    const at = (g: ReturnType<typeof geometry>) => g.shapes.position(g.shapes.find('café', 0, g.shapes.find('pub fn café')[0]));
    const old = at(before);
    expect(await definitionsAt(current.store, before.shapes.path, old.line, old.col)).toMatchObject({ status: 'found', locations: [{ id: ids.cafe, ...old }] });
    const moved = geometry({ padding: '\n\n// two lines up\n' });
    await loadDump(current.store, moved.dump);
    const now = at(moved);
    expect(now.line).toBe(old.line + 3);
    expect(await definitionsAt(current.store, moved.shapes.path, now.line, now.col)).toMatchObject({ status: 'found', locations: [{ id: ids.cafe, ...now }] });
  });

  it('a changed item rewrites only the keys that differ', async () => {
    await loadDump(current.store, geometry().dump);
    const edited = geometry({ areaBody: '3.0 * self.r' });
    const result = await loadDump(current.store, edited.dump);
    // The item's record and ref-to-field keys change, and its def key (the fn's span ends
    // elsewhere); its name set does not. Outside the item: the file table (the bytes moved) and
    // the crate header (one ref fewer).
    expect(result).toEqual({ itemsAdded: 0, itemsChanged: 1, itemsRemoved: 0, keysWritten: 5, keysDeleted: 0 });
    const refs = await references(current.store, ids.r);
    expect(refs.filter((r) => r.item === ids.area)).toHaveLength(1);
    expect(await snapshot(current.store)).toEqual(await freshSnapshot(edited.dump));
  });

  it('removing an item deletes exactly the keys it wrote', async () => {
    await loadDump(current.store, geometry().dump);
    await loadDump(current.store, app().dump);
    const result = await loadDump(current.store, geometry({ withoutCafe: true }).dump);
    // Deleted: item, def, name and the old vocabulary. Written: the file table (the text
    // changed), the crate header (its item count did), the vocabulary (without café), and the
    // crate's refs to Circle and to r, which other items of the crate still hold.
    expect(result).toEqual({ itemsAdded: 0, itemsChanged: 0, itemsRemoved: 1, keysWritten: 5, keysDeleted: 4 });

    const stored = await snapshot(current.store);
    const all = [...stored.keys()];
    const parts = all.map((k) => k.split('\0'));
    expect(parts.filter((p) => p.at(-1) === ids.cafe && p[0] !== 'ref')).toEqual([]);
    const refHolders = all.filter((k) => k.startsWith('ref\0'))
      .flatMap((k) => fileEntries(k, stored.get(k)!).flatMap(([, rows]) => rows.map(([hash]) => hash)));
    expect(refHolders.length).toBeGreaterThan(0);
    expect(refHolders).not.toContain(itemHash(ids.cafe));
    expect(parts.filter((p) => p[0] === 'def' && p.includes(ids.cafe))).toEqual([]);
    expect(all.filter((k) => ['name', 'qual'].includes(k.split('\0')[0]) && stored.get(k)!.includes(ids.cafe))).toEqual([]);
    // app's ambiguous call still names café as a candidate: its list stays, and so does the
    // key of app's refs through that list.
    const lists = parseOwnRefs(stored.get(`ref\0${ids.cafe}\0${GEOMETRY}`)!).directory;
    expect(lists).toHaveLength(1);
    expect(parts.filter((p) => p[0] === 'cref' && p[1] === lists[0])).toEqual([['cref', lists[0], 'cargo app 0.1.0']]);
    expect(await snapshot(current.store)).toEqual(await freshSnapshot(geometry({ withoutCafe: true }).dump, app().dump));
  });

  // A macro's items declare fn x; the one declaring it changes from one load to the next. A def
  // key is the def's id alone, so its old item's delete and its new item's put hit one key.
  const lib = new Source('mv/src/lib.rs', 'm!(x);\nm!(x);\n');
  const x = 'cargo mv 0.1.0 x().';
  const [first, second] = ['cargo mv 0.1.0 m!#1', 'cargo mv 0.1.0 m!#2'];
  const dumpWith = (holder: string) => makeDump('mv', [lib], [first, second].map((id, n) => makeItem(
    id, 'macro_call', lib, lib.find('m!(x);', n),
    id === holder ? [{ id: x, kind: 'fn', name: 'x', qualname: 'mv::x', at: lib.find('x', n) }] : [],
  )));
  it.each([[first, second], [second, first]])('moves a def from item %s to item %s, whichever the load meets first', async (from, to) => {
    await loadDump(current.store, dumpWith(from));
    // Its member of the `x` name set names its item: the set is rewritten, no key deleted.
    expect(await loadDump(current.store, dumpWith(to))).toMatchObject({ itemsChanged: 2, keysDeleted: 0 });
    expect(await current.store.getJson(keys.names('x'))).toEqual([[x, ownerCode(x, to), 'fn', 'pub']]);
    expect(await defById(current.store, x)).toMatchObject({ itemId: to, def: { id: x, kind: 'fn' } });
    expect(await snapshot(current.store)).toEqual(await freshSnapshot(dumpWith(to)));
  });

  it('refuses to merge an item whose old row its ref key lacks, and writes nothing', async () => {
    await loadDump(current.store, geometry().dump);
    // `area`'s `self.r` rows are gone from the key of `r`: the store no longer matches what
    // the item's record says it wrote.
    const key = `ref\0${ids.r}\0${GEOMETRY}`;
    expect(await current.store.db.get(key)).toBeDefined();
    await current.store.db.del(key);
    const before = await snapshot(current.store);
    await expect(loadDump(current.store, geometry({ areaBody: '3.0 * self.r' }).dump)).rejects.toThrow(InconsistentIndexError);
    expect(await snapshot(current.store)).toEqual(before);
  });

  it("rewrites a name set's member whose value changes, and a path finds the def by its new qualname", async () => {
    // The same def, member of the same set, its qualname first the one its id spells (left out
    // of the member), then another (kept in it).
    const withQualname = (qualname: string) => makeDump('mv', [lib], [makeItem(first, 'macro_call', lib, lib.find('m!(x);', 0), [
      { id: x, kind: 'fn', name: 'x', qualname, at: lib.find('x', 0) },
    ])]);
    await loadDump(current.store, withQualname('mv::x'));
    expect(await current.store.getJson(keys.names('x'))).toEqual([[x, ownerCode(x, first), 'fn', 'pub']]);
    expect(await resolveTarget(current.store, 'mv::x')).toEqual([x]);
    await loadDump(current.store, withQualname('mv::inner::x'));
    expect(await current.store.getJson(keys.names('x'))).toEqual([[x, ownerCode(x, first), 'fn', 'pub', 'mv::inner::x']]);
    expect(await resolveTarget(current.store, 'mv::x')).toEqual([]);
    expect(await resolveTarget(current.store, 'mv::inner::x')).toEqual([x]);
    expect(await resolveTarget(current.store, 'inner::x')).toEqual([x]);
    expect(await snapshot(current.store)).toEqual(await freshSnapshot(withQualname('mv::inner::x')));
  });

  it("keeps a crate's refs to a target in one key, by file and item, across items that change, move and go", async () => {
    const T = 'cargo moves 0.1.0 T#';
    const item = (id: string) => `cargo moves 0.1.0 ${id}().`;
    // Files whose fns all use T; `layout` says which fns each file has, and how many uses of T.
    const dumpOf = (layout: Record<string, Array<[string, number]>>) => {
      const sources = Object.entries(layout).map(([file, fns]) =>
        new Source(`moves/src/${file}`, fns.map(([fn, uses]) => `fn ${fn}() { ${'T; '.repeat(uses)}}\n`).join('')));
      const items = sources.flatMap((source, f) => Object.values(layout)[f].map(([fn, uses]) => {
        const span = source.find(`fn ${fn}()`);
        const whole: Span = [span[0], source.text.indexOf('\n', span[0])];
        const refs = Array.from({ length: uses }, (_, i) => ({ at: source.find('T', i, span[0]), role: 'path' as const, target: T }));
        return makeItem(item(fn), 'fn', source, whole, [], refs);
      }));
      return makeDump('moves', sources, items);
    };
    // The one key's files, each with its items (by name; a row names its item by hash, and the
    // rows come by hash) and their numbers of refs.
    const names = new Map(['f', 'g', 'h'].map((fn) => [itemHash(item(fn)), `${fn}()`]));
    const refKeys = async () => {
      const found = [...(await snapshot(current.store))].filter(([k]) => k.startsWith(`ref\0${T}\0`));
      expect(found.map(([k]) => k)).toEqual(found.length === 0 ? [] : [`ref\0${T}\0cargo moves 0.1.0`]);
      return found.flatMap(([k, v]) => fileEntries(k, v)
        .map(([file, items]) => {
          const hashes = items.map(([hash]) => hash);
          expect(hashes).toEqual([...hashes].sort((a, b) => a - b));
          return [file, items.map(([hash, ...refs]) => [names.get(hash), refCount(refs)]).sort()];
        }));
    };
    await loadDump(current.store, dumpOf({ 'a.rs': [['f', 1], ['g', 2]], 'b.rs': [['h', 1]] }));
    expect(await refKeys()).toEqual([
      ['moves/src/a.rs', [['f()', 1], ['g()', 2]]], ['moves/src/b.rs', [['h()', 1]]],
    ]);
    // g moves to b.rs with one use less, h goes, f changes.
    const after = dumpOf({ 'a.rs': [['f', 3]], 'b.rs': [['g', 1]] });
    await loadDump(current.store, after);
    expect(await refKeys()).toEqual([['moves/src/a.rs', [['f()', 3]]], ['moves/src/b.rs', [['g()', 1]]]]);
    expect(await snapshot(current.store)).toEqual(await freshSnapshot(after));
    const found = await references(current.store, T);
    expect(found.map((r) => [r.file, r.item])).toEqual([...Array(3).fill(['moves/src/a.rs', item('f')]), ['moves/src/b.rs', item('g')]]);
    // The last item of a file that refers to T goes: the file leaves the key.
    await loadDump(current.store, dumpOf({ 'a.rs': [['f', 0]], 'b.rs': [['g', 1]] }));
    expect(await refKeys()).toEqual([['moves/src/b.rs', [['g()', 1]]]]);
    // And the last item of the crate: the key goes.
    await loadDump(current.store, dumpOf({ 'a.rs': [['f', 0]], 'b.rs': [['g', 0]] }));
    expect(await refKeys()).toEqual([]);
  });

  // Two fns of one file whose ids share a hash, found by trying names; both names have five
  // digits, so that two fns of one body have equal rows in the key.
  const clashing = (() => {
    const seen = new Map<number, string>();
    for (let n = 10000; ; n++) {
      const name = `f${n}`;
      const hash = itemHash(`cargo clash 0.1.0 ${name}().`);
      const other = seen.get(hash);
      if (other !== undefined) return [other, name];
      seen.set(hash, name);
    }
  })();
  it(`tells apart the refs of items whose ids share a hash (${clashing.join(', ')}), whichever loads and goes`, async () => {
    const T = 'cargo clash 0.1.0 T#';
    const [a, b] = clashing;
    const dumpOf = (fns: Array<[string, number]>) => {
      const source = new Source('clash/src/lib.rs', fns.map(([fn, uses]) => `fn ${fn}() { ${'T; '.repeat(uses)}}\n`).join(''));
      const items = fns.map(([fn, uses]) => {
        const span = source.find(`fn ${fn}()`);
        const whole: Span = [span[0], source.text.indexOf('\n', span[0])];
        const refs = Array.from({ length: uses }, (_, i) => ({ at: source.find('T', i, span[0]), role: 'path' as const, target: T }));
        return makeItem(`cargo clash 0.1.0 ${fn}().`, 'fn', source, whole, [], refs);
      });
      return { dump: makeDump('clash', [source], items), source };
    };
    const refsTo = async () => (await references(current.store, T)).map((r) => [r.item.split(' ').at(-1), r.line, r.col]);
    // Equal bodies: equal rows, one per item.
    let loaded = dumpOf([[a, 1], [b, 1]]);
    await loadDump(current.store, loaded.dump);
    expect(await refsTo()).toEqual([[`${a}().`, 1, 15], [`${b}().`, 2, 15]]);
    // a changes, then a goes: b's row stays whichever row the load took away.
    for (const fns of [[[a, 2], [b, 1]], [[b, 1]], [[b, 2], [a, 1]]] as Array<Array<[string, number]>>) {
      loaded = dumpOf(fns);
      await loadDump(current.store, loaded.dump);
      const expected = fns.flatMap(([fn, uses], line) => Array.from({ length: uses }, (_, i) => [`${fn}().`, line + 1, 15 + 3 * i]));
      expect(await refsTo()).toEqual(expected);
      expect(await snapshot(current.store)).toEqual(await freshSnapshot(loaded.dump));
    }
  });

  it('putting a removed item back restores the current.store', async () => {
    await loadDump(current.store, geometry().dump);
    const full = await snapshot(current.store);
    await loadDump(current.store, geometry({ withoutCafe: true }).dump);
    const back = await loadDump(current.store, geometry().dump);
    expect(back).toMatchObject({ itemsAdded: 1, itemsChanged: 0, itemsRemoved: 0 });
    expect(await snapshot(current.store)).toEqual(full);
  });
});

describe('indexDumps', () => {
  it('loads a set of dump files and reports combined stats', async () => {
    const files = [await writeDump('geometry.jsonl', geometry().dump), await writeDump('app.jsonl', app().dump)];
    const result = await indexDumps(current.store, files);
    expect(result).toMatchObject({
      itemsAdded: geometry().dump.items.length + app().dump.items.length,
      cratesLoaded: 2,
      cratesRemoved: 0,
      failures: [],
    });
    expect(await snapshot(current.store)).toEqual(await freshSnapshot(geometry().dump, app().dump));
    expect((await stats(current.store)).indexedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('removes crates that are no longer in the set', async () => {
    await indexDumps(current.store, [await writeDump('geometry.jsonl', geometry().dump), await writeDump('app.jsonl', app().dump)]);
    const result = await indexDumps(current.store, [await writeDump('app.jsonl', app().dump)]);
    expect(result).toMatchObject({ cratesLoaded: 1, cratesRemoved: 1, itemsRemoved: geometry().dump.items.length, failures: [] });
    expect(await snapshot(current.store)).toEqual(await freshSnapshot(app().dump));
    // app's refs to geometry stay; they now point at a crate that is not indexed.
    const main = app().main;
    const circle = main.position(main.find('Circle', 1));
    expect(await definitionsAt(current.store, main.path, circle.line, circle.col)).toEqual({
      status: 'found', locations: [], notIndexed: [ids.circle], ambiguous: false,
    });
  });

  it('an invalid dump writes nothing and is reported on one line', async () => {
    await indexDumps(current.store, [await writeDump('geometry.jsonl', geometry().dump)]);
    const before = await snapshot(current.store);
    const bad = geometry({ withoutCafe: true }).dump;
    bad.items[0].refs.push({ span: [0, 10_000], role: 'read', target: ids.circle });
    const badFile = await writeDump('bad.jsonl', bad);
    const result = await indexDumps(current.store, [badFile]);
    expect(result).toMatchObject({ cratesLoaded: 0, cratesRemoved: 0, keysWritten: 0, keysDeleted: 0 });
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0].file).toBe(badFile);
    expect(result.failures[0].message.startsWith(`${badFile}:2: `)).toBe(true);
    expect(result.failures[0].message).toContain('span [0, 10000]');
    expect(result.failures[0].message).not.toContain('\n');
    expect(await snapshot(current.store)).toEqual(before);
  });

  it('loads the good dumps of a set with a bad one, and then removes nothing', async () => {
    await indexDumps(current.store, [await writeDump('geometry.jsonl', geometry().dump)]);
    const result = await indexDumps(current.store, [
      await writeDump('broken.jsonl', '{"schemaVersion":"1.0.0"\n'),
      await writeDump('app.jsonl', app().dump),
      join(current.dir, 'missing.jsonl'),
    ]);
    expect(result.cratesLoaded).toBe(1);
    expect(result.cratesRemoved).toBe(0);
    expect(result.failures.map((f) => f.message)).toEqual([
      `${join(current.dir, 'broken.jsonl')}:1: not valid JSON`,
      expect.stringMatching(/^.*missing\.jsonl: .*ENOENT/),
    ]);
    expect(await snapshot(current.store)).toEqual(await freshSnapshot(geometry().dump, app().dump));
  });

  it('skips a dump whose digest matches the one loaded last, and merges one whose digest differs', async () => {
    const withDigest = (dump: Dump, digest: string | undefined): Dump => ({ ...dump, header: { ...dump.header, digest } });
    const file = await writeDump('geometry.jsonl', withDigest(geometry().dump, 'd1'));
    expect(await indexDumps(current.store, [file])).toMatchObject({ cratesLoaded: 1, cratesUnchanged: 0 });
    const again = await indexDumps(current.store, [file]);
    expect(again).toMatchObject({ cratesLoaded: 0, cratesUnchanged: 1, cratesRemoved: 0, keysWritten: 0, keysDeleted: 0 });

    const changed = withDigest(geometry({ withoutCafe: true }).dump, 'd2');
    const merged = await indexDumps(current.store, [await writeDump('geometry.jsonl', changed)]);
    expect(merged).toMatchObject({ cratesLoaded: 1, cratesUnchanged: 0 });
    expect(merged.itemsRemoved).toBeGreaterThan(0);
    expect(await snapshot(current.store)).toEqual(await freshSnapshot(changed));

    // A dump without a digest (schema 1.0) is always merged; this one puts the item back.
    const old = withDigest(geometry().dump, undefined);
    const restored = await indexDumps(current.store, [await writeDump('geometry.jsonl', old)]);
    expect(restored).toMatchObject({ cratesLoaded: 1, cratesUnchanged: 0 });
    expect(restored.itemsAdded).toBeGreaterThan(0);
  });

  it('refuses a second dump of the same crate', async () => {
    const result = await indexDumps(current.store, [
      await writeDump('one.jsonl', geometry().dump),
      await writeDump('two.jsonl', geometry({ withoutCafe: true }).dump),
    ]);
    expect(result.cratesLoaded).toBe(1);
    expect(result.failures.map((f) => f.message)).toEqual([
      `${join(current.dir, 'two.jsonl')}: crate 'cargo geometry 0.1.0' was already loaded from ${join(current.dir, 'one.jsonl')}`,
    ]);
    expect(await snapshot(current.store)).toEqual(await freshSnapshot(geometry().dump));
  });
});
