// Reads a surface image (format.ts) back as a model the resolver works on as it is: crates,
// modules and files at once, and each def, scope and lexical scope when first used. A def is an
// object whose fields are read from its entry on first access, so naming a def (in a scope's
// names, a type's members) costs nothing until a body looks at it.
import { closeSync, openSync, readSync } from 'node:fs';
import * as path from 'node:path';
import type { Def } from '../../../schema/src/index.js';
import type { Item, TypeNode } from '../syntax/ast.js';
import type { ModuleNode, SourceFile } from '../crate/modules.js';
import type { Binding, CrateCtx, DefInfo, ItemRecordDraft, LexicalScope, Namespace, Scope } from '../resolve/model.js';
import { visibleMemberIndex, type Collected, type FnContext } from '../resolve/items.js';
import type { MemberIndex } from '../resolve/body.js';
import { markReturnsSelf, presetBuiltinTypes } from '../resolve/builtins.js';
import { markAssocBoundsResolved } from '../resolve/paths.js';
import { SURFACE_FILE, SURFACE_FORMAT, type NamedEntries, type SurfaceHeader } from './format.js';

/** A fn of the image as its signature pass left it: what resolving its body again needs. */
export interface ImageFn {
  def: DefInfo;
  context: FnContext;
  collected: Collected;
  /** Its record's surface facts and kind, which the dump's record does not hold. */
  surface: string[];
  kind: ItemRecordDraft['kind'];
}

type Entry = unknown[];
/** Where a def entry has its fn context (format.ts). */
const FN_FIELD = 18;
type Typed = [TypeNode, number] | 0;

export class SurfaceImage {
  private readonly crates: CrateCtx[];
  private readonly files: SourceFile[];
  private readonly modules: ModuleNode[];
  private readonly defs = new Map<number, DefInfo>();
  private readonly scopes = new Map<number, Scope>();
  private readonly lexes = new Map<number, LexicalScope>();
  private readonly indexes = new Map<number, MemberIndex>();
  private readonly members: MemberIndex;
  /** The fn table, read when first searched. */
  private fnTable?: string;

  private constructor(
    private readonly fd: number,
    private readonly header: SurfaceHeader,
    /** Where the fn table's length is, the entry offsets start, and the entries start. */
    private readonly fnsAt: number,
    private readonly offsets: Buffer,
    private readonly entriesAt: number,
  ) {
    const h = header;
    this.files = h.files.map(({ abs, rel }) => ({ abs, rel, entry: { path: rel } }) as SourceFile);
    this.modules = h.modules.map((m) => ({ name: m.name, path: m.path, file: this.files[m.file], items: [], children: [], inactive: m.inactive }) as unknown as ModuleNode);
    h.modules.forEach((m, i) => {
      const node = this.modules[i];
      if (m.parent >= 0) node.parent = this.modules[m.parent];
      node.children = m.children.map((c) => this.modules[c]);
    });
    const preludes = h.preludes.map(([type, value, macro]) => ({ type: this.named(type), value: this.named(value), macro: this.named(macro) }));
    this.crates = h.crates.map((c) => ({
      target: c.target, name: c.name, idPrefix: c.idPrefix, edition: c.edition,
      cfg: { flags: new Set(c.cfg.flags), pairs: new Set(c.cfg.pairs) },
      loaded: { root: this.modules[c.rootModule], files: c.files.map((f) => this.files[f]), problems: [], missing: [] },
      deps: new Map(), records: [], scopes: new Map(), macros: new Map(), usedIds: new Set(), defs: [], deferred: [],
      ...(c.prelude >= 0 ? { prelude: preludes[c.prelude] } : {}),
    }));
    h.crates.forEach((c, i) => {
      const crate = this.crates[i];
      if (c.root >= 0) crate.root = this.def(c.root);
      for (const [name, dep] of c.deps) crate.deps.set(name, this.crates[dep]);
      for (const [m, s] of c.scopes) crate.scopes.set(this.modules[m], this.scope(s));
      crate.macros = this.named(c.macros);
      if (c.builtins.length > 0) presetBuiltinTypes(crate, new Map(c.builtins.map(([which, d]) => [which, this.def(d)])));
    });
    for (const d of h.returnsSelf) markReturnsSelf(this.def(d));
    for (const d of h.boundsResolved) markAssocBoundsResolved(this.def(d));
    this.members = { methods: new EntryMembers(this, h.methods), fields: new EntryMembers(this, h.fields) };
  }

  /**
   * The image in `outDir` written with snapshot key `key`; undefined when there is none, or
   * another. It keeps the file open: `close` it when done.
   */
  static read(outDir: string, key: string): SurfaceImage | undefined {
    let fd: number;
    try {
      fd = openSync(path.join(outDir, SURFACE_FILE), 'r');
    } catch {
      return undefined;
    }
    try {
      const headerLength = readAt(fd, 0, 4).readUInt32LE(0);
      const header = JSON.parse(readAt(fd, 4, headerLength).toString('utf8')) as SurfaceHeader;
      if (header.format !== SURFACE_FORMAT || header.key !== key) throw new Error('another image');
      const fnsAt = 4 + headerLength;
      const countAt = fnsAt + 4 + readAt(fd, fnsAt, 4).readUInt32LE(0);
      const count = readAt(fd, countAt, 4).readUInt32LE(0);
      const offsets = readAt(fd, countAt + 4, 4 * (count + 1));
      return new SurfaceImage(fd, header, fnsAt, offsets, countAt + 4 + 4 * (count + 1));
    } catch {
      closeSync(fd);
      return undefined;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  /** The surface digest the crate of target `key` had when the image was written; undefined when the image lacks it. */
  surfaceOf(key: string): string | undefined {
    return this.header.crates.find((c) => c.target.key === key)?.surface;
  }

  /** The fn whose def id is `id`, when the image has it resolved as a fn. */
  fn(id: string): ImageFn | undefined {
    if (this.fnTable === undefined) {
      const length = readAt(this.fd, this.fnsAt, 4).readUInt32LE(0);
      // `\n` before the first line too: every line is then found the same way.
      this.fnTable = `\n${readAt(this.fd, this.fnsAt + 4, length).toString('utf8')}\n`;
    }
    const fns = this.fnTable;
    const line = fns.indexOf(`\n${id}\t`);
    if (line < 0) return undefined;
    const from = line + id.length + 2;
    const entry = Number(fns.slice(from, fns.indexOf('\n', from)));
    const fn = this.entry(entry)[FN_FIELD] as [number, number, number, number, number, string[], ItemRecordDraft['kind']] | 0;
    if (fn === 0) return undefined;
    const def = this.def(entry);
    const [outer, derives, visible, defs, refs, surface, kind] = fn;
    const visibleCrates = visible < 0 ? undefined : new Set(this.header.visible[visible].map((c) => this.crates[c]));
    const place = { crate: def.crate, module: def.module, scope: def.crate.scopes.get(def.module)!, file: def.file, inactive: def.inactive };
    const context: FnContext = { place, outer: this.lex(outer), index: this.indexFor(visible, visibleCrates), derives: derives === 1, visible: visibleCrates };
    return { def, context, collected: { defs, refs }, surface, kind };
  }

  def(at: number): DefInfo {
    let d = this.defs.get(at);
    if (d === undefined) this.defs.set(at, (d = new ImageDef(this, at)));
    return d;
  }

  /** The fields of def entry `at`. */
  decodeDef(at: number): DefInfo {
    const e = this.entry(at);
    const [, [id, kind, name, qualname], ns, crate, file, recordId, module, inactive, scope, members, traitMembers, fields, traits, declaredType, returnType, item, aliasOf, returns] = e as [
      string, [string, Def['kind'], string, string], Namespace, number, number, string | 0, number, number, number, NamedEntries, NamedEntries,
      Array<[string, number]>, number[], Typed, Typed, Item | 0, number, number,
    ];
    // What a body reads of another def (write.ts); the edited fn's own def comes from its record.
    const def = { id, kind, name, qualname } as Def;
    return {
      def, ns, crate: this.crates[crate], file: this.files[file], record: { id: recordId === 0 ? id : recordId } as ItemRecordDraft, module: this.modules[module],
      inactive: inactive === 1, scope: scope < 0 ? undefined : this.scope(scope), members: this.named(members), traitMembers: this.named(traitMembers),
      fields: new Map(fields.map(([name, f]) => [name, this.def(f)])), traits: traits.map((t) => this.def(t)),
      declaredType: this.typed(declaredType), returnType: this.typed(returnType), item: item === 0 ? undefined : item,
      aliasOf: aliasOf < 0 ? undefined : this.def(aliasOf), returns: returns < 0 ? undefined : this.def(returns),
    };
  }

  memberList(at: number): DefInfo[] {
    return (this.entry(at)[1] as number[]).map((d) => this.def(d));
  }

  private scope(at: number): Scope {
    let s = this.scopes.get(at);
    if (s === undefined) this.scopes.set(at, (s = new ImageScope(this, at)));
    return s;
  }

  /** The fields of scope entry `at`. */
  decodeScope(at: number): Scope {
    const [, module, crate, def, names] = this.entry(at) as [string, number, number, number, Array<Array<[string, number[], Binding['vis'], number, number]>>];
    const [type, value, macro] = names.map((list) => new Map(list.map(([name, defs, vis, m, glob]) =>
      [name, { defs: defs.map((d) => this.def(d)), vis, module: this.modules[m], glob: glob === 1 }])));
    return { module: this.modules[module], crate: this.crates[crate], def: this.def(def), names: { type, value, macro } };
  }

  private lex(at: number): LexicalScope {
    let l = this.lexes.get(at);
    if (l === undefined) {
      const [, scope, generics, selfType, selfTrait, parent, blockNames] = this.entry(at) as [string, number, Array<[string, number]>, number, number, number, NamedEntries | 0];
      l = { module: this.scope(scope), generics: new Map(generics.map(([name, d]) => [name, this.def(d)])) };
      if (selfType >= 0) l.selfType = this.def(selfType);
      if (selfTrait >= 0) l.selfTrait = this.def(selfTrait);
      if (parent >= 0) l.parent = this.lex(parent);
      if (blockNames !== 0) l.blockNames = this.named(blockNames);
      this.lexes.set(at, l);
    }
    return l;
  }

  private typed(t: Typed): DefInfo['declaredType'] {
    return t === 0 ? undefined : { type: t[0], scope: this.lex(t[1]) };
  }

  private indexFor(visible: number, crates: ReadonlySet<CrateCtx> | undefined): MemberIndex {
    if (crates === undefined) return this.members;
    let index = this.indexes.get(visible);
    if (index === undefined) this.indexes.set(visible, (index = visibleMemberIndex(this.members, crates)));
    return index;
  }

  private named(list: NamedEntries): Map<string, DefInfo[]> {
    return new Map(list.map(([name, defs]) => [name, defs.map((d) => this.def(d))]));
  }

  private entry(at: number): Entry {
    const start = this.offsets.readUInt32LE(4 * at);
    const end = this.offsets.readUInt32LE(4 * (at + 1));
    return JSON.parse(readAt(this.fd, this.entriesAt + start, end - start).toString('utf8')) as Entry;
  }
}

/** `length` bytes of the file at `position`; throws when it has fewer. */
function readAt(fd: number, position: number, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  if (readSync(fd, out, 0, length, position) !== length) throw new Error('surface image cut short');
  return out;
}

/**
 * An object of the image whose fields are decoded from its entry at the first access to any of
 * them (`withFields` gives it their accessors).
 */
abstract class LazyEntry<T> {
  #decoded?: T;

  constructor(protected readonly image: SurfaceImage, protected readonly at: number) {}

  protected abstract decode(): T;

  decodedFields(): T {
    return (this.#decoded ??= this.decode());
  }
}

/** Gives `cls` an accessor for each of `keys`, which reads and writes its decoded fields. */
function withFields(cls: { prototype: object }, keys: Record<string, true>): void {
  for (const key of Object.keys(keys)) {
    Object.defineProperty(cls.prototype, key, {
      get(this: LazyEntry<Record<string, unknown>>) {
        return this.decodedFields()[key];
      },
      set(this: LazyEntry<Record<string, unknown>>, value: unknown) {
        this.decodedFields()[key] = value;
      },
    });
  }
}

/** A def of the image. */
class ImageDef extends LazyEntry<DefInfo> {
  protected decode(): DefInfo {
    return this.image.decodeDef(this.at);
  }
}
// The accessors withFields defines: every field of a DefInfo (the type checks the list is whole).
interface ImageDef extends DefInfo {}
withFields(ImageDef, {
  def: true, ns: true, crate: true, file: true, record: true, module: true, inactive: true, scope: true, members: true,
  traitMembers: true, fields: true, traits: true, declaredType: true, returnType: true, item: true, aliasOf: true, returns: true,
} satisfies Record<keyof DefInfo, true>);

/** A module's scope of the image. */
class ImageScope extends LazyEntry<Scope> {
  protected decode(): Scope {
    return this.image.decodeScope(this.at);
  }
}
interface ImageScope extends Scope {}
withFields(ImageScope, { module: true, crate: true, def: true, names: true } satisfies Record<keyof Scope, true>);

/** Methods or fields by name, each name's list read from its entry when first asked for. */
class EntryMembers extends Map<string, DefInfo[]> {
  readonly #image: SurfaceImage;
  readonly #lists: Record<string, number>;

  constructor(image: SurfaceImage, lists: Record<string, number>) {
    super();
    this.#image = image;
    this.#lists = lists;
  }

  override get(name: string): DefInfo[] | undefined {
    let found = super.get(name);
    if (found === undefined && Object.hasOwn(this.#lists, name)) this.set(name, (found = this.#image.memberList(this.#lists[name])));
    return found;
  }
}
