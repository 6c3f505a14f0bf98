import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InconsistentIndexError, loadDump, references, removeCrate, type Store } from '../../indexer/src/index.js';
import { readItems } from '../../indexer/src/items.js';
import { storedItem, type DefEntry, type FileItem, type FileTable, type StoredItem } from '../../indexer/src/keys.js';
import { prng } from '../support/random.js';
import { absoluteId, candidateListHash, decodeFileTable, decodeLineSteps, decodeItem, defIdsOf, encodeFileTable, encodeItem, encodeLineSteps, entryOfMark, hitInRecord, localEntryInValue, parseItem, relativeId } from '../../indexer/src/records.js';
import { defEntry, defOfEntry, encodeDefEntry, parseDef, parseDefBrief } from '../../indexer/src/def-values.js';
import { crateId, type Def, type Dump, type Ref, type Span } from '../../schema/src/index.js';
import { REF_ROLES } from '../../schema/src/kinds.js';
import { app, freshSnapshot, geometry, ids, makeDump, makeItem, snapshot, Source, tempStore } from './fixture.js';
import { zoo } from './trait-fixture.js';
import { itemHash } from '../../indexer/src/target-refs.js';
import { isCrateMember, isOwnRefKey, parseOwnRefs } from '../../indexer/src/own-ref-keys.js';
import { localNameSpan, nameInId, nameLengthInId } from '../../indexer/src/id-names.js';

let store: Store;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
});
afterEach(() => cleanup());

const ITEM = 'cargo app 0.1.0 main().';

describe('relative ids', () => {
  it('writes an id relative to a base and reads it back', () => {
    const cases: Array<[string, string]> = [
      [ITEM, ''],
      [`${ITEM}$x@12`, '+$x@12'],
      ['cargo std 1.0.0 println!', 'cargo std 1.0.0 println!'],
      ['cargo app 0.1.0 main', 'cargo app 0.1.0 main'],
    ];
    for (const [id, relative] of cases) {
      expect(relativeId(ITEM, id)).toBe(relative);
      expect(absoluteId(ITEM, relative)).toBe(id);
    }
  });
});

/** A stored item as a record read back holds it: its fingerprint is the `fp` key's, not the record's. */
const asRead = (stored: StoredItem): StoredItem => ({ ...stored, fingerprint: '' });

describe('item records', () => {
  /** decodeItem of the encoded text, with the candidate lists filled in as readItems does. */
  const roundTrip = (stored: StoredItem): StoredItem => {
    const { item, lists } = decodeItem(stored.item, parseItem(encodeItem(stored)), stored.defs);
    const byHash = new Map(stored.refs.flatMap((r) => (r.candidates ? [[candidateListHash(r.candidates), r.candidates] as const] : [])));
    for (const [index, hash] of lists) item.refs[index].candidates = byHash.get(hash);
    return item;
  };

  it('decode(encode(item)) is the stored item, for every item of the fixtures', () => {
    for (const dump of [geometry().dump, app().dump]) {
      for (const record of dump.items) expect(roundTrip(storedItem(record))).toStrictEqual(asRead(storedItem(record)));
    }
  });

  it('gives back the defs of a record-local def from its mark, whatever fields it leaves out (property)', () => {
    const rand = prng(23);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const base = storedItem(app().dump.items[1]);
    for (let round = 0; round < 300; round++) {
      const at = Math.floor(rand() * 50);
      const name = pick(['x', 'self', '_', 'r#type', 'value']);
      const nameSpan: Span = [at, at + name.length];
      const def: Def = {
        id: pick([`${base.item}$${pick([name, 'other'])}@${at}`, `${base.item}[${pick([name, 'other'])}]`]),
        kind: pick(['local', 'param', 'fn', 'struct'] as const),
        name,
        qualname: pick([name, `app::main::${name}`]),
        span: pick([nameSpan, [at, at + 60] as Span]),
        nameSpan,
        visibility: pick(['private', 'pub'] as const),
        ...(rand() < 0.5 ? { type: 'core::primitive::u8' } : {}),
      };
      const encoded = parseItem(encodeItem({ ...base, defs: [def] }));
      const entry = entryOfMark(base.file, encoded.defs[0]);
      expect(entry, JSON.stringify(def)).toBeDefined();
      expect(defOfEntry(def.id, entry!), JSON.stringify(encoded.defs[0])).toStrictEqual(def);
    }
  });

  it('reads a record-local def from the record text alone as a full parse does (property)', () => {
    const rand = prng(29);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const base = storedItem(app().dump.items[1]);
    for (let round = 0; round < 200; round++) {
      // A name span the id gives (`$v0@0`, 2 bytes at 0) leaves the mark short; another does not.
      const defs: Def[] = Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, k): Def => {
        const nameSpan: Span = rand() < 0.7 ? [k * 7, k * 7 + 2] : [k * 7 + 1, k * 7 + 3];
        return {
          id: `${base.item}$v${k}@${k * 7}`, kind: 'local', name: `v${k}`, qualname: `v${k}`, span: nameSpan, nameSpan, visibility: 'private',
          ...(rand() < 0.7 ? { type: pick(['[u8; 4]', 'Map<"k", [{x}]>', 'a\\"b]', '&[T]']) } : {}),
        };
      });
      const stored = { ...base, file: pick(['src/a.rs', 'src/[x]/"q".rs']), defs };
      const value = encodeItem(stored);
      const record = parseItem(value);
      // The stored head is [kind, file, marks, …].
      const storedMarks = (JSON.parse(value.slice(0, -8)) as [[string, string, unknown[][]]])[0][2];
      for (const [m, def] of defs.entries()) {
        expect(storedMarks[m]).toHaveLength(def.nameSpan[0] === m * 7 ? 2 : 4);
        expect(record.defs[m].slice(0, 3)).toEqual([`+$v${m}@${m * 7}`, ...def.nameSpan]);
        expect(localEntryInValue(value, base.item, def.id), value).toStrictEqual(entryOfMark(stored.file, record.defs[m]));
        expect(defOfEntry(def.id, localEntryInValue(value, base.item, def.id)!)).toStrictEqual(def);
      }
      expect(localEntryInValue(value, base.item, `${base.item}$none@1`)).toBeUndefined();
    }
  });

  it('decode(encode(item)) and the ref found at each offset, for refs in any order (property)', () => {
    const rand = prng(15);
    const base = storedItem(geometry().dump.items[0]);
    for (let round = 0; round < 200; round++) {
      const refs: Ref[] = Array.from({ length: Math.floor(rand() * 12) }, () => {
        const start = Math.floor(rand() * 300);
        return { span: [start, start + 1 + Math.floor(rand() * 20)], role: REF_ROLES[Math.floor(rand() * REF_ROLES.length)], target: `${ITEM}$v@${start}` };
      });
      const stored: StoredItem = { ...base, item: ITEM, defs: [], refs };
      expect(roundTrip(stored)).toStrictEqual(asRead(stored));
      const offset = Math.floor(rand() * 320);
      const containing = refs.filter((r) => r.span[0] <= offset && offset < r.span[1]);
      const shortest = containing.reduce<Ref | undefined>((best, r) => (best && best.span[1] - best.span[0] <= r.span[1] - r.span[0] ? best : r), undefined);
      const hit = hitInRecord(ITEM, parseItem(encodeItem(stored)), offset);
      expect(hit === undefined ? undefined : (hit as { ref: Ref }).ref).toEqual(shortest);
    }
  });

  it('writes a def entry as fields by position, a field the def lacks as null before one it has', () => {
    const id = 'cargo g 0.1.0 impl#[Circle][Shape]area().';
    const entry: DefEntry = {
      file: 'src/lib.rs', kind: 'method', name: 'area', qualname: '<g::Circle as g::Shape>::area', nameSpan: [4, 8], visibility: 'pub',
      overrides: ['cargo g 0.1.0 Shape#area().'], span: [0, 20], docs: 'Area.',
    };
    const text = encodeDefEntry(id, entry);
    // The name the id gives is left out; its qualname it does not give (an impl's method).
    expect(JSON.parse(text)[1]).toEqual(['src/lib.rs', 'method', null, '<g::Circle as g::Shape>::area', [4, 8], 'pub', null, ['cargo g 0.1.0 Shape#area().']]);
    expect(text).not.toContain('"kind"');
    expect(parseDef(id, text)).toStrictEqual({ id, kind: 'method', name: 'area', qualname: '<g::Circle as g::Shape>::area', nameSpan: [4, 8], visibility: 'pub', span: [0, 20], docs: 'Area.' });
    expect(parseDefBrief(id, text)).toStrictEqual({
      file: 'src/lib.rs', kind: 'method', name: 'area', qualname: '<g::Circle as g::Shape>::area', nameSpan: [4, 8], visibility: 'pub',
      overrides: ['cargo g 0.1.0 Shape#area().'],
    });
    expect(parseDefBrief(id, text)).not.toHaveProperty('signature');
    // A field with no place would be lost: it is refused instead.
    expect(() => encodeDefEntry(id, { ...entry, colour: 'red' } as DefEntry)).toThrow(/colour/);
  });

  it("leaves out a def's name and qualname when its id gives them, and keeps them when it does not", () => {
    const entry = (name: string, qualname: string): DefEntry => ({ file: 'src/lib.rs', kind: 'fn', name, qualname, nameSpan: [0, 1], visibility: 'pub', span: [0, 9] });
    const cases: Array<[string, DefEntry, [unknown, unknown]]> = [
      ['cargo g 0.1.0 shapes/Circle#area().', entry('area', 'g::shapes::Circle::area'), [null, null]],
      ['cargo g 0.1.0 crate/', entry('g', 'g'), ['g', null]],
      ['cargo g 0.1.0 r#type().', entry('r#type', 'g::r#type'), ['r#type', 'g::r#type']],
      ['cargo g 0.1.0 T#`0`.', entry('0', 'g::T::0'), ['0', 'g::T::0']],
      ['cargo g:bin 0.1.0 main().', entry('main', 'g::main'), [null, 'g::main']],
    ];
    for (const [id, e, [name, qualname]] of cases) {
      const text = encodeDefEntry(id, e);
      expect((JSON.parse(text) as [number, unknown[]])[1].slice(2, 4), id).toEqual([name, qualname]);
      expect(parseDefBrief(id, text)).toMatchObject({ name: e.name, qualname: e.qualname });
      expect(defOfEntry(id, e)).toStrictEqual(parseDef(id, text));
    }
    expect(() => parseDefBrief('cargo g 0.1.0 impl#[X]', encodeDefEntry('cargo g 0.1.0 f().', entry('f', 'g::f')))).toThrow(InconsistentIndexError);
  });

  it("keeps a def's details in its def key alone, the record naming each def and where its name is", () => {
    for (const record of [...geometry().dump.items, ...app().dump.items]) {
      const stored = storedItem(record);
      const encoded = parseItem(encodeItem(stored));
      expect(defIdsOf(stored.item, encoded)).toEqual(stored.defs.map((d) => d.id));
      expect(encoded.defs.map(([, start, end]) => [start, end])).toEqual(stored.defs.map((d) => d.nameSpan));
      for (const def of stored.defs) {
        const entry = defEntry(stored.file, { ...def, docs: 'a, "b",\n[c]' });
        expect(parseDef(def.id, encodeDefEntry(def.id, entry))).toStrictEqual({ ...def, docs: 'a, "b",\n[c]' });
        // The same entry, its fields in another order, is the same text: the merge compares texts.
        expect(encodeDefEntry(def.id, Object.fromEntries(Object.entries(entry).reverse()) as typeof entry)).toBe(encodeDefEntry(def.id, entry));
        // The brief is cut out of the stored text unparsed: docs with commas and brackets stay out.
        const { file, kind, name, qualname, nameSpan, visibility, signature } = entry;
        expect(parseDefBrief(def.id, encodeDefEntry(def.id, entry))).toStrictEqual({ file, kind, name, qualname, nameSpan, visibility, ...(signature === undefined ? {} : { signature }) });
        expect(entry.file).toBe(stored.file);
        if (def.docs !== undefined) expect(encodeItem(stored)).not.toContain(JSON.stringify(def.docs));
      }
    }
  });

  it('keeps a ref to the item itself, an empty unresolved path, a ref with nothing, and inactive', () => {
    const stored: StoredItem = {
      item: ITEM, kind: 'fn', file: 'app/src/main.rs', fingerprint: 'f', inactive: true, impls: [], relations: [], diagnostics: [],
      defs: [{ id: ITEM, kind: 'fn', name: 'main', qualname: 'app::main', span: [0, 9], nameSpan: [3, 7], visibility: 'private' }],
      refs: [
        { span: [1, 2], role: 'call', target: ITEM },
        { span: [3, 4], role: 'path', unresolved: '' },
        { span: [5, 6], role: 'read' },
        { span: [7, 8], role: 'method', candidates: [`${ITEM}$a@1`, 'cargo x 1.0.0 f().'] },
      ],
    };
    expect(roundTrip(stored)).toStrictEqual(asRead(stored));
    // The encoding leaves out the id and the front end's surface hash, and shortens ids.
    const text = encodeItem(stored);
    expect(text).not.toContain('cargo app');
    expect(text).not.toContain('surface');
  });

  it("stores a ref that spans its target's name without its length, and reads it back whole", () => {
    const push = 'cargo alloc 0.0.0 vec/Vec#push().';
    const stored: StoredItem = {
      item: ITEM, kind: 'fn', file: 'app/src/main.rs', fingerprint: 'f', impls: [], relations: [], diagnostics: [],
      defs: [{ id: ITEM, kind: 'fn', name: 'main', qualname: 'app::main', span: [0, 40], nameSpan: [3, 7], visibility: 'private' }],
      refs: [
        { span: [10, 14], role: 'method', target: push },
        { span: [20, 25], role: 'method', target: push },
        { span: [30, 34], role: 'call', target: ITEM },
      ],
    };
    expect(roundTrip(stored)).toStrictEqual(asRead(stored));
    const [, rows] = JSON.parse(encodeItem(stored).slice(0, -8)) as [unknown, unknown[][]];
    expect(rows.map((row) => row.length)).toEqual([3, 4, 4]);
    expect(parseItem(encodeItem(stored)).refs.map((row) => row.slice(0, 3))).toEqual([[10, 4, 5], [10, 5, 5], [10, 4, 0]].map(([step, length]) => [step, length, expect.any(Number)]));
  });

  it('refuses a ref with more than one of target, candidates and unresolved', () => {
    const stored = storedItem(app().dump.items[1]);
    stored.refs[0] = { ...stored.refs[0], unresolved: 'Circle' };
    expect(() => encodeItem(stored)).toThrow(/more than one of target, candidates, unresolved/);
  });

  it('reads back from the store what was loaded, candidate lists included', async () => {
    const dump = app().dump;
    await loadDump(store, dump);
    const read = await readItems(store, crateId(dump.header.crate), [...dump.items.map((i) => i.item), 'cargo app 0.1.0 nope().']);
    expect(read).toStrictEqual([...dump.items.map((i) => asRead(storedItem(i))), undefined]);
    expect(read[1]!.refs.find((r) => r.candidates)?.candidates).toEqual([ids.area, ids.cafe]);
  });

  it('reads back the relations it keeps, those in def keys (overrides) and those in records (re-exports)', async () => {
    const dump = zoo().dump;
    await loadDump(store, dump);
    const read = await readItems(store, crateId(dump.header.crate), dump.items.map((i) => i.item));
    expect(read).toStrictEqual(dump.items.map((i) => asRead(storedItem(i))));
    const relations = read.flatMap((item) => item!.relations.map((r) => r.kind));
    expect(relations).toContain('overrides');
    expect(relations).toContain('reexports');
    // An overriding method's record leaves the relation to its def key.
    const area = dump.items.find((i) => i.relations.some((r) => r.kind === 'overrides'))!;
    expect(await store.db.get(`item\0cargo zoo 0.1.0\0${area.item}`)).not.toContain('overrides');
  });
});

describe('file tables', () => {
  it('store line starts as steps and read back the table given', () => {
    const random = prng(7);
    for (let n = 0; n < 50; n++) {
      let at = 0;
      const lineStarts = [0, ...Array.from({ length: Math.floor(random() * 40) }, () => (at += 1 + Math.floor(random() * 120)))];
      const table: FileTable = { hash: 'h', bytes: at + 3, lines: lineStarts.length, lineStarts, multibyte: [[2, 3]], items: [['cargo a 1.0.0 f().', 0, at, 3, 4]] };
      const text = encodeFileTable(table);
      expect(decodeFileTable(text)).toStrictEqual(table);
      expect(JSON.parse(text)).not.toHaveProperty('lineStarts');
    }
  });

  it('write a line step under 91 as one character that JSON need not escape, and any other in digits (property)', () => {
    const random = prng(31);
    // Every short step, then random files of short lines, long ones and empty ones.
    const every = Array.from({ length: 200 }, (_, i) => i * (i + 1) / 2);
    expect(decodeLineSteps(encodeLineSteps(every))).toEqual(every);
    for (let n = 0; n < 200; n++) {
      let at = 0;
      const starts = [0, ...Array.from({ length: Math.floor(random() * 60) }, () => (at += random() < 0.1 ? Math.floor(random() * 100_000) : Math.floor(random() * 95)))];
      const text = encodeLineSteps(starts);
      expect(decodeLineSteps(text)).toEqual(starts);
      expect(JSON.stringify(text)).toHaveLength(text.length + 2);
      const short = starts.filter((start, i) => i === 0 || start - starts[i - 1] <= 90).length;
      expect(text.replace(/![0-9]+!/g, '')).toHaveLength(short);
    }
  });

  it('store each item id as what it shares with the one before and the rest, and read back the items given', () => {
    const random = prng(17);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    for (let n = 0; n < 100; n++) {
      let start = 0;
      const items: FileItem[] = Array.from({ length: Math.floor(random() * 30) }, () => {
        const id = `cargo a 1.0.0 ${pick(['', 'm/', 'm/n/', 'mo/'])}${pick(['f().', 'F#', 'F#g().', 'impl#[F]', 'é().', '😀!'])}`;
        start += Math.floor(random() * 3) * 10;
        return [id, start, start + Math.floor(random() * 50), 0, Math.floor(random() * 9)];
      });
      const table: FileTable = { hash: 'h', bytes: start + 60, lines: 1, lineStarts: [0], multibyte: [], items };
      const text = encodeFileTable(table);
      expect(decodeFileTable(text), text).toStrictEqual(table);
      // An id that repeats the one before is stored as its length alone.
      const stored = JSON.parse(text) as { items: Array<[number, string]> };
      items.forEach(([id], i) => {
        if (i > 0 && items[i - 1][0] === id) expect(stored.items[i].slice(0, 2)).toEqual([id.length, '']);
      });
    }
  });
});

/** itemHash of '', of Option's id and of a non-ASCII id, as formats 33 and later store them. */
const PINNED_HASHES = [11222652, 8618599, 8216057];

describe('reference entries', () => {
  it('name an item by 24 bits of a hash of its id, which a store format is bound to', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `cargo core 0.0.0 vec/Vec#m${i}().`);
    const hashes = ids.map(itemHash);
    for (const h of hashes) expect(Number.isInteger(h) && h >= 0 && h < 2 ** 24).toBe(true);
    expect(new Set(hashes).size).toBe(ids.length);
    expect(ids.map(itemHash)).toEqual(hashes);
    // Changing the hash changes every stored ref key: STORE_FORMAT_VERSION must change with it.
    expect([itemHash(''), itemHash('cargo core 0.0.0 option/Option#'), itemHash('cargo é 0.1.0 ü().')]).toEqual(PINNED_HASHES);
  });

  it('reads the name length an id ends with', () => {
    const cases: Array<[string, number | undefined]> = [
      ['cargo alloc 0.0.0 vec/Vec#push().', 4], ['cargo alloc 0.0.0 vec/Vec#', 3], ['cargo alloc 0.0.0 vec/', 3],
      ['cargo core 0.0.0 macros/panic!', 5], ['cargo core 0.0.0 option/Option#Some.', 4], ['+$value@40', 5],
      ['cargo a 0.1.0 impl#[Vec<T>][T]', 1], ['cargo a 0.1.0 impl#[Vec<T>]', undefined], ['cargo a 0.1.0 T#`0`.', undefined], ['', undefined],
    ];
    for (const [id, length] of cases) expect(nameLengthInId(id), id).toBe(length);
  });

  it('reads the name an id ends with as the regex that says what it is would (property)', () => {
    const spec = /([A-Za-z_][A-Za-z0-9_]*)(?:\(\)\.|[/#.!\]]|@[0-9]+)$/;
    const random = prng(41);
    const alphabet = 'ab_Z09/#.!]@()[$`+ $@';
    for (let n = 0; n < 5000; n++) {
      const id = 'cargo c 0.1.0 ' + Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(nameInId(id), id).toBe(spec.exec(id)?.[1]);
      expect(nameLengthInId(id), id).toBe(spec.exec(id)?.[1].length);
      const local = /\$([A-Za-z_][A-Za-z0-9_]*)@([0-9]+)$/.exec(id);
      expect(localNameSpan(id), id).toEqual(local === null ? undefined : [Number(local[2]), Number(local[2]) + local[1].length]);
    }
  });
});

/** A crate `other` whose fn makes the same ambiguous call as app's main, or one with `candidates`. */
function other(candidates = [ids.area, ids.cafe]): Dump {
  const lib = new Source('other/src/lib.rs', 'pub fn f() { measure(); }\n');
  const f = makeItem('cargo other 0.1.0 f().', 'fn', lib, lib.between('pub fn', '}'), [
    { id: 'cargo other 0.1.0 f().', kind: 'fn', name: 'f', qualname: 'other::f', at: lib.find('f') },
  ], [{ at: lib.find('measure'), role: 'call', candidates }]);
  return makeDump('other', [lib], [f]);
}

/** The keys of one family, as their parts. */
async function family(name: string): Promise<string[][]> {
  return [...(await snapshot(store)).keys()].map((k) => k.split('\0')).filter((p) => p[0] === name);
}

/**
 * What targets' directories say (the start of their own crates' ref keys, own-ref-keys.ts), as
 * [target, member]: lists (hashes) or crates (ids, with spaces).
 */
async function directories(kind: 'lists' | 'crates'): Promise<string[][]> {
  return [...(await snapshot(store))].filter(([k]) => isOwnRefKey(k))
    .flatMap(([k, v]) => parseOwnRefs(v).directory.filter((m) => isCrateMember(m) === (kind === 'crates')).map((m) => [k.split('\0')[1], m]));
}

/** The crates each candidate list's lcrates key names (list-crates.ts), by list. */
async function listCrates(): Promise<Record<string, string[]>> {
  return Object.fromEntries([...(await snapshot(store))].filter(([k]) => k.startsWith('lcrates\0')).map(([k, v]) => [k.split('\0')[1], JSON.parse(v) as string[]]));
}

/** Which candidate lists hold a target, as [target, list]. */
const memberships = () => directories('lists');

describe('candidate lists', () => {
  const list = candidateListHash([ids.area, ids.cafe]);

  it('are stored once for every item using them, and go with the last of those items', async () => {
    await loadDump(store, geometry().dump);
    await loadDump(store, app().dump);
    await loadDump(store, other());
    expect(await family('clist')).toEqual([['clist', list]]);
    expect(await memberships()).toEqual([[ids.area, list], [ids.cafe, list]]);
    expect(await family('cref')).toEqual([['cref', list, 'cargo app 0.1.0'], ['cref', list, 'cargo other 0.1.0']]);
    expect(await listCrates()).toEqual({ [list]: ['cargo app 0.1.0', 'cargo other 0.1.0'] });
    expect((await references(store, ids.cafe)).map((r) => [r.file, r.candidate])).toEqual([['app/src/main.rs', true], ['other/src/lib.rs', true]]);
    // The directories of other crates' targets (geometry's, std's) also name app, whose items refer to them.
    const fromApp = [...new Set(app().dump.items.flatMap((item) => item.refs.flatMap((ref) => (ref.target !== undefined && !ref.target.startsWith('cargo app ') ? [ref.target] : []))))];
    expect(fromApp.length).toBeGreaterThan(0);
    expect(await directories('crates')).toEqual(fromApp.sort().map((target) => [target, 'cargo app 0.1.0']));

    const removed = await removeCrate(store, 'cargo app 0.1.0');
    expect(await family('clist')).toEqual([['clist', list]]);
    expect(await listCrates()).toEqual({ [list]: ['cargo other 0.1.0'] });
    expect(await directories('crates')).toEqual([]);
    expect(await snapshot(store)).toEqual(await freshSnapshot(geometry().dump, other()));
    // app's own keys, and the ref keys of std's targets, there for their directories naming app
    // alone (std is not indexed): the list is other's too.
    const withoutApp = await freshSnapshot(geometry().dump, other());
    const appKeys = [...(await freshSnapshot(geometry().dump, app().dump, other())).keys()].filter((k) => !withoutApp.has(k));
    expect(appKeys.some((k) => k.startsWith('ref\0cargo std '))).toBe(true);
    expect(removed.keysDeleted).toBe(appKeys.length);

    await removeCrate(store, 'cargo other 0.1.0');
    expect([...(await family('clist')), ...(await memberships()), ...(await family('cref')), ...(await family('lcrates'))]).toEqual([]);
    expect(await snapshot(store)).toEqual(await freshSnapshot(geometry().dump));
  });

  it('follow a change of an item’s candidates, and the store is the same in any load order', async () => {
    await loadDump(store, other());
    await loadDump(store, app().dump);
    expect(await snapshot(store)).toEqual(await freshSnapshot(app().dump, other()));

    const changed = [ids.area, ids.r];
    await loadDump(store, other(changed));
    const both = await snapshot(store);
    expect(both).toEqual(await freshSnapshot(app().dump, other(changed)));
    expect((await family('clist')).map((p) => p[1]).sort()).toEqual([list, candidateListHash(changed)].sort());

    await loadDump(store, app().dump);
    await loadDump(store, other());
    expect(await family('clist')).toEqual([['clist', list]]);
    expect(await memberships()).toEqual([[ids.area, list], [ids.cafe, list]]);
    expect(await snapshot(store)).toEqual(await freshSnapshot(other(), app().dump));
  });

  it('refuse a list whose hash already names another list, and write nothing', async () => {
    await store.db.put(`clist\0${list}`, JSON.stringify(['cargo x 1.0.0 y().']));
    const before = await snapshot(store);
    await expect(loadDump(store, app().dump)).rejects.toThrow(InconsistentIndexError);
    expect(await snapshot(store)).toEqual(before);
  });
});
