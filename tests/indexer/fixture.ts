// Builds small, valid dumps for the indexer tests from Rust source text: spans are found by
// searching the text, so the expected line/column of anything can be computed independently
// of the indexer (by counting code points), and the dumps stay readable.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDump, openStore, type Store } from '../../indexer/src/index.js';
import { itemPlaces, type ItemPlaces } from '../../indexer/src/item-places.js';
import { LineIndex } from '../../schema/src/lines.js';
import {
  buildFileTables, descriptor, SCHEMA_VERSION,
  type DefKind, type Dump, type FileEntry, type ItemKind, type ItemRecord, type RefRole, type Span,
} from '../../schema/src/index.js';

export interface Position {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export class Source {
  constructor(
    readonly path: string,
    readonly text: string,
  ) {}

  /** Byte span of the `nth` occurrence of `needle` at or after byte `from`. */
  find(needle: string, nth = 0, from = 0): Span {
    const found = this.occurrences(needle, from)[nth];
    if (found === undefined) throw new Error(`fixture: '${needle}' (#${nth}) not in ${this.path}`);
    return found;
  }

  /** Byte spans of every `needle` inside `within`. */
  findAll(needle: string, within: Span): Span[] {
    return this.occurrences(needle, within[0]).filter((at) => at[1] <= within[1]);
  }

  private occurrences(needle: string, from: number): Span[] {
    const out: Span[] = [];
    const chars = Buffer.from(this.text).subarray(0, from).toString('utf8').length;
    for (let i = this.text.indexOf(needle, chars); i >= 0; i = this.text.indexOf(needle, i + 1)) {
      const start = Buffer.byteLength(this.text.slice(0, i));
      out.push([start, start + Buffer.byteLength(needle)]);
    }
    return out;
  }

  /** From the start of `first` to the end of the next `last` after it. */
  between(first: string, last: string): Span {
    const [start] = this.find(first);
    const [, end] = this.find(last, 0, start);
    return [start, end];
  }

  /** 1-based line/column (in code points) of a byte span, computed without the indexer. */
  position(span: Span): Position {
    const at = (byte: number) => {
      const before = Buffer.from(this.text).subarray(0, byte).toString('utf8');
      const lineStart = before.lastIndexOf('\n') + 1;
      return { line: before.split('\n').length, col: [...before.slice(lineStart)].length + 1 };
    };
    const s = at(span[0]);
    const e = at(span[1]);
    return { line: s.line, col: s.col, endLine: e.line, endCol: e.col };
  }

  entry(): FileEntry {
    const bytes = Buffer.from(this.text);
    return {
      path: this.path,
      hash: createHash('sha1').update(bytes).digest('hex'),
      bytes: bytes.length,
      ...buildFileTables(bytes),
    };
  }
}

export interface DefSpec {
  id: string;
  kind: DefKind;
  name: string;
  qualname: string;
  /** Absolute byte span of the name. */
  at: Span;
}

export interface RefSpec {
  /** Absolute byte span. */
  at: Span;
  role: RefRole;
  target?: string;
  candidates?: string[];
  unresolved?: string;
}

/** What an item states besides its defs and refs. */
export type Facts = Partial<Pick<ItemRecord, 'impls' | 'relations'>>;

/** An item record with spans made relative to `span` and a fingerprint over the relative records. */
export function makeItem(
  id: string, kind: ItemKind, file: Source, span: Span, defs: DefSpec[] = [], refs: RefSpec[] = [], facts: Facts = {},
): ItemRecord {
  const rel = (s: Span): Span => {
    if (s[0] < span[0] || s[1] > span[1]) throw new Error(`fixture: span ${s} is outside item ${id}`);
    return [s[0] - span[0], s[1] - span[0]];
  };
  const body = {
    kind,
    defs: defs.map((d) => ({
      id: d.id, kind: d.kind, name: d.name, qualname: d.qualname, span: rel(span), nameSpan: rel(d.at),
      visibility: 'pub' as const,
    })),
    refs: refs.map(({ at, ...rest }) => ({ span: rel(at), ...rest })),
    impls: facts.impls ?? [],
    relations: facts.relations ?? [],
    diagnostics: [],
  };
  const fingerprint = createHash('sha1').update(JSON.stringify(body)).digest('hex');
  return { item: id, file: file.path, span, fingerprint, surface: fingerprint, ...body };
}

/** Where a record of a dump starts, to derive its keys from (deriveItemKeys). */
export function placesIn(dump: Dump, record: ItemRecord): ItemPlaces {
  const file = dump.header.files.find((f) => f.path === record.file);
  if (file === undefined) throw new Error(`fixture: no file ${record.file} in the dump`);
  return itemPlaces(new LineIndex(file), record.span[0]);
}

export function makeDump(name: string, files: Source[], items: ItemRecord[]): Dump {
  return {
    header: {
      schemaVersion: SCHEMA_VERSION,
      tool: { name: 'fixture', version: '0' },
      crate: { name, version: '0.1.0', edition: '2021', root: files[0].path, kind: 'lib', features: [], cfgs: [] },
      dependencies: {},
      files: files.map((f) => f.entry()),
    },
    items,
  };
}

const G = 'cargo geometry 0.1.0 ';
const A = 'cargo app 0.1.0 ';

export const ids = {
  shapes: `${G}shapes/`,
  circle: `${G}shapes/Circle#`,
  r: `${G}shapes/Circle#r.`,
  circleImpl: `${G}shapes/impl#[Circle]`,
  area: `${G}shapes/Circle#area().`,
  cafe: `${G}shapes/${descriptor('café', 'method')}`,
  libUse: `${G}use:shapes::Circle`,
  appUse: `${A}use:geometry::shapes::Circle`,
  main: `${A}main().`,
  label: `${A}main().$label@40`,
  c: `${A}main().$c@62`,
  println: 'cargo std 1.0.0 println!',
};

export interface GeometryOptions {
  /** Text inserted above `café`, to move it without changing it. */
  padding?: string;
  withoutCafe?: boolean;
  /** Replaces the body of `area`; its `self.r` uses become refs to the field. */
  areaBody?: string;
}

/** The first `bytes` bytes of a span: `r` out of `r:`. */
function head(span: Span, bytes: number): Span {
  return [span[0], span[0] + bytes];
}

/** The last `bytes` bytes of a span: `r` out of `self.r`. */
function tail(span: Span, bytes: number): Span {
  return [span[1] - bytes, span[1]];
}

/** The `geometry` library: a module, a struct, an impl with a method, and a fn named café. */
export function geometry(options: GeometryOptions = {}) {
  const lib = new Source('geometry/src/lib.rs', '//! Shapes.\npub mod shapes;\npub use shapes::Circle;\n');
  const shapes = new Source(
    'geometry/src/shapes.rs',
    'pub struct Circle {\n    pub r: f64,\n}\n\nimpl Circle {\n    pub fn area(&self) -> f64 {\n' +
      `        ${options.areaBody ?? '3.14 * self.r * self.r'}\n    }\n}\n` +
      (options.padding ?? '') +
      '\n// π ≈ 3.14159 «café»\npub fn café() -> Circle { Circle { r: 1.0 } }\n',
  );
  const area = shapes.between('pub fn area', '    }');
  const items = [
    makeItem(ids.shapes, 'mod', lib, lib.between('pub mod', ';'), [
      { id: ids.shapes, kind: 'mod', name: 'shapes', qualname: 'geometry::shapes', at: lib.find('shapes') },
    ]),
    makeItem(ids.libUse, 'use', lib, lib.between('pub use', ';'), [], [
      { at: lib.find('shapes', 1), role: 'import', target: ids.shapes },
      { at: lib.find('Circle'), role: 'import', target: ids.circle },
    ]),
    makeItem(ids.circle, 'struct', shapes, shapes.between('pub struct', '}'), [
      { id: ids.circle, kind: 'struct', name: 'Circle', qualname: 'geometry::shapes::Circle', at: shapes.find('Circle') },
      { id: ids.r, kind: 'field', name: 'r', qualname: 'geometry::shapes::Circle::r', at: head(shapes.find('r:'), 1) },
    ], [{ at: shapes.find('f64'), role: 'type', unresolved: 'f64' }]),
    makeItem(ids.circleImpl, 'impl', shapes, shapes.between('impl Circle', '\n}'), [], [
      { at: shapes.find('Circle', 1), role: 'type', target: ids.circle },
    ]),
    makeItem(ids.area, 'fn', shapes, area, [
      { id: ids.area, kind: 'method', name: 'area', qualname: 'geometry::shapes::Circle::area', at: shapes.find('area') },
    ], [
      { at: shapes.find('f64', 1), role: 'type', unresolved: 'f64' },
      ...shapes.findAll('self.r', area).map((at): RefSpec => ({ at: tail(at, 1), role: 'field', target: ids.r })),
    ]),
  ];
  if (!options.withoutCafe) {
    const [fn] = shapes.find('pub fn café');
    items.push(
      makeItem(ids.cafe, 'fn', shapes, shapes.between('// π', '} }'), [
        { id: ids.cafe, kind: 'fn', name: 'café', qualname: 'geometry::shapes::café', at: shapes.find('café', 0, fn) },
      ], [
        { at: shapes.find('Circle', 0, fn), role: 'type', target: ids.circle },
        { at: shapes.find('Circle', 1, fn), role: 'path', target: ids.circle },
        { at: head(shapes.find('r:', 0, fn), 1), role: 'field', target: ids.r },
      ]),
    );
  }
  return { dump: makeDump('geometry', [lib, shapes], items), lib, shapes };
}

/** The `app` binary: uses geometry's Circle, calls area, and has one ambiguous call. */
export function app() {
  const main = new Source(
    'app/src/main.rs',
    'use geometry::shapes::Circle;\n\nfn main() {\n' +
      '    let label = "😀"; let c = Circle { r: 2.0 };\n' +
      '    println!("{} {}", label, c.area());\n' +
      '    geometry::shapes::measure(&c);\n}\n',
  );
  const [body] = main.find('fn main');
  const items = [
    makeItem(ids.appUse, 'use', main, main.between('use', ';'), [], [
      { at: main.find('shapes'), role: 'import', target: ids.shapes },
      { at: main.find('Circle'), role: 'import', target: ids.circle },
    ]),
    makeItem(ids.main, 'fn', main, main.between('fn main', '\n}'), [
      { id: ids.main, kind: 'fn', name: 'main', qualname: 'app::main', at: main.find('main') },
      { id: ids.label, kind: 'local', name: 'label', qualname: 'app::main::label', at: main.find('label') },
      { id: ids.c, kind: 'local', name: 'c', qualname: 'app::main::c', at: head(main.find('c =', 0, body), 1) },
    ], [
      { at: main.find('Circle', 1), role: 'path', target: ids.circle },
      { at: head(main.find('r:', 0, body), 1), role: 'field', target: ids.r },
      { at: main.find('println'), role: 'macro', target: ids.println },
      { at: main.find('label', 1), role: 'read', target: ids.label },
      { at: head(main.find('c.area'), 1), role: 'read', target: ids.c },
      { at: main.find('area'), role: 'method', target: ids.area },
      { at: main.find('measure'), role: 'call', candidates: [ids.area, ids.cafe] },
      { at: tail(main.find('&c'), 1), role: 'read', target: ids.c },
    ]),
  ];
  return { dump: makeDump('app', [main], items), main };
}

/** A fresh store in its own temp dir; `cleanup` closes it and removes the dir. */
export async function tempStore(): Promise<{ store: Store; dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'xref-indexer-'));
  const store = await openStore(join(dir, 'db'), { create: true });
  return {
    store,
    dir,
    cleanup: async () => {
      if (store.db.status === 'open') await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Crate `gen`: `impl<T> W<T>` and its method `get`, whose return type names the impl's generic
 * param T; with `implRef`, the impl's own `W<T>` names it too.
 */
export function genericImpl(options: { implRef?: boolean } = {}) {
  const source = new Source('gen/src/lib.rs', 'impl<T> W<T> {\n    fn get(&self) -> T { todo!() }\n}\n');
  const impl = 'cargo gen 0.1.0 impl#[W<T>]';
  const param = `${impl}[T]`;
  const method = `${impl}get().`;
  const methodSpan = source.between('fn get', '}');
  const implRefs: RefSpec[] = options.implRef ? [{ at: source.find('T', 1), role: 'type', target: param }] : [];
  const dump = makeDump('gen', [source], [
    makeItem(impl, 'impl', source, [0, source.text.length], [{ id: param, kind: 'generic_param', name: 'T', qualname: 'T', at: source.find('T') }], implRefs),
    makeItem(method, 'fn', source, methodSpan, [{ id: method, kind: 'method', name: 'get', qualname: 'gen::W::get', at: source.find('get') }], [
      { at: source.find('T', 0, methodSpan[0]), role: 'type', target: param },
    ]),
  ]);
  return { source, impl, param, method, methodSpan, dump };
}

/** A fresh store (tempStore) with `dumps` loaded into it. */
export async function loadedStore(...dumps: Dump[]): Promise<{ store: Store; dir: string; cleanup: () => Promise<void> }> {
  const fresh = await tempStore();
  for (const dump of dumps) await loadDump(fresh.store, dump);
  return fresh;
}

/**
 * A fresh store (tempStore) with `dumps` loaded before each test of the file that calls it,
 * removed after each: the tests read it and its temp dir as `.store` and `.dir` of what this
 * returns.
 */
export function storeEachTest(...dumps: Dump[]): { store: Store; dir: string } {
  const current = {} as { store: Store; dir: string };
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store: current.store, dir: current.dir, cleanup } = await loadedStore(...dumps));
  });
  afterEach(() => cleanup());
  return current;
}

/** Every key and value except the last-index time, to compare whole stores. */
export async function snapshot(store: Store): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const [k, v] of store.db.iterator()) if (k !== 'meta\0indexedAt') out.set(k, v);
  return out;
}

/** What a store holds after loading `dumps` into an empty one. */
export async function freshSnapshot(...dumps: Dump[]): Promise<Map<string, string>> {
  const { store, cleanup } = await tempStore();
  try {
    for (const dump of dumps) await loadDump(store, dump);
    return await snapshot(store);
  } finally {
    await cleanup();
  }
}
