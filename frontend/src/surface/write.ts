// Writes the surface image (format.ts) of bound crates, once their signatures are resolved and
// before any body is: the model every body of a full analysis starts from.
import { renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ModuleNode, SourceFile } from '../crate/modules.js';
import type { CrateCtx, DefInfo, LexicalScope, Scope } from '../resolve/model.js';
import { fnContextOf } from '../resolve/items.js';
import type { MemberIndex } from '../resolve/body.js';
import { BUILTIN_QUALNAMES, builtinType, returnsReceiver, type BuiltinType } from '../resolve/builtins.js';
import { assocBoundsResolved } from '../resolve/paths.js';
import type { Prelude } from '../resolve/std.js';
import {
  SURFACE_FILE, SURFACE_FORMAT, type ImageCrate, type ImageFile, type ImageModule, type NamedEntries, type SurfaceHeader,
} from './format.js';

/**
 * Writes the image of `crates` (bound together, signatures resolved) and of the std table's
 * `external` crates to `outDir`. `surfaces` has each crate's surface digest; `all`, every member
 * by name (`resolveItems` gives both it and the moment).
 */
export function writeSurfaceImage(
  outDir: string, key: string, crates: readonly CrateCtx[], external: readonly CrateCtx[], surfaces: ReadonlyMap<CrateCtx, string>, all: MemberIndex,
): void {
  const w = new ImageWriter(surfaces);
  const fns: string[] = [];
  for (const c of [...crates, ...external]) w.crate(c);
  for (const c of crates) {
    for (const d of c.defs) if (fnContextOf(d) !== undefined) fns.push(`${d.def.id}\t${w.def(d)}`);
  }
  const methods = w.memberLists(all.methods);
  const fields = w.memberLists(all.fields);
  w.finish();
  const header: SurfaceHeader = {
    format: SURFACE_FORMAT, key, crates: w.crates, modules: w.modules, files: w.files, preludes: w.preludes, visible: w.visible,
    methods, fields, returnsSelf: w.returnsSelf, boundsResolved: w.boundsResolved,
  };
  const file = path.join(outDir, SURFACE_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, imageBytes(header, fns.join('\n'), w.entries));
  renameSync(temp, file);
}

function imageBytes(header: SurfaceHeader, fns: string, entries: readonly string[]): Buffer {
  const head = JSON.stringify(header);
  const lengths = entries.map((e) => Buffer.byteLength(e));
  const total = lengths.reduce((n, l) => n + l, 0);
  const out = Buffer.allocUnsafe(4 + Buffer.byteLength(head) + 4 + Buffer.byteLength(fns) + 4 * (entries.length + 2) + total);
  let at = 0;
  const sized = (text: string) => {
    at = out.writeUInt32LE(Buffer.byteLength(text), at);
    at += out.write(text, at);
  };
  sized(head);
  sized(fns);
  at = out.writeUInt32LE(entries.length, at);
  let offset = 0;
  for (const l of [0, ...lengths]) at = out.writeUInt32LE((offset += l), at);
  for (const e of entries) at += out.write(e, at);
  return out;
}

class ImageWriter {
  readonly entries: string[] = [];
  readonly crates: ImageCrate[] = [];
  readonly modules: ImageModule[] = [];
  readonly files: ImageFile[] = [];
  readonly preludes: SurfaceHeader['preludes'] = [];
  readonly visible: number[][] = [];
  readonly returnsSelf: number[] = [];
  readonly boundsResolved: number[] = [];
  private readonly entryOf = new Map<object, number>();
  private readonly indexOf = new Map<object, number>();
  private readonly visibleOf = new Map<string, number>();
  private readonly visibleSets = new WeakMap<ReadonlySet<CrateCtx>, number>();
  /** Entries numbered, to be encoded: encoding one numbers those it names. */
  private readonly todo: Array<() => void> = [];

  constructor(private readonly surfaces: ReadonlyMap<CrateCtx, string>) {}

  finish(): void {
    for (let job = this.todo.pop(); job !== undefined; job = this.todo.pop()) job();
  }

  def(d: DefInfo | undefined): number {
    return d === undefined ? -1 : this.entry(d, () => this.encodeDef(d));
  }

  memberLists(byName: ReadonlyMap<string, DefInfo[]>): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, defs] of byName) {
      const list = defs.map((d) => this.def(d));
      out[name] = this.entry(defs, () => JSON.stringify(['m', list]));
    }
    return out;
  }

  crate(c: CrateCtx): number {
    return this.indexed(c, this.crates, () => {
      const { cfg, loaded } = c;
      const builtins: ImageCrate['builtins'] = [];
      if (c.name === 'core') {
        for (const which of Object.keys(BUILTIN_QUALNAMES) as BuiltinType[]) {
          const d = builtinType(c, which);
          if (d !== undefined) builtins.push([which, this.def(d)]);
        }
      }
      const surface = this.surfaces.get(c);
      return {
        target: c.target, name: c.name, idPrefix: c.idPrefix, edition: c.edition,
        cfg: { flags: [...cfg.flags], pairs: [...cfg.pairs] },
        root: this.def(c.root), rootModule: this.module(loaded.root), files: loaded.files.map((f) => this.file(f)),
        deps: [...c.deps].map(([name, dep]) => [name, this.crate(dep)]),
        scopes: [...c.scopes].map(([m, s]) => [this.module(m), this.scope(s)]),
        macros: this.named(c.macros), prelude: c.prelude ? this.prelude(c.prelude) : -1, builtins,
        ...(surface === undefined ? {} : { surface }),
      };
    });
  }

  private module(m: ModuleNode | undefined): number {
    if (m === undefined) return -1;
    return this.indexed(m, this.modules, () => ({
      name: m.name, path: m.path, file: this.file(m.file), parent: this.module(m.parent), children: m.children.map((c) => this.module(c)), inactive: m.inactive,
    }));
  }

  private file(f: SourceFile | undefined): number {
    return f === undefined ? -1 : this.indexed(f, this.files, () => ({ abs: f.abs, rel: f.rel }));
  }

  private prelude(p: Prelude): number {
    return this.indexed(p, this.preludes, () => [this.named(p.type), this.named(p.value), this.named(p.macro)]);
  }

  private scope(s: Scope): number {
    return this.entry(s, () => JSON.stringify(['s', this.module(s.module), this.crate(s.crate), this.def(s.def), (['type', 'value', 'macro'] as const).map((ns) =>
      [...s.names[ns]].map(([name, b]) => [name, b.defs.map((d) => this.def(d)), b.vis, this.module(b.module), b.glob ? 1 : 0]))]));
  }

  private lex(l: LexicalScope): number {
    return this.entry(l, () => JSON.stringify(['l', this.scope(l.module), [...l.generics].map(([name, d]) => [name, this.def(d)]),
      this.def(l.selfType), this.def(l.selfTrait), l.parent ? this.lex(l.parent) : -1, l.blockNames ? this.named(l.blockNames) : 0]));
  }

  private encodeDef(d: DefInfo): string {
    const at = this.entryOf.get(d)!;
    if (returnsReceiver(d)) this.returnsSelf.push(at);
    if (assocBoundsResolved(d)) this.boundsResolved.push(at);
    // A body reads another def's id, kind, name and qualname alone: the rest is for dumps and hovers.
    const { id, kind, name, qualname } = d.def;
    const fn = fnContextOf(d);
    const typed = (t: DefInfo['declaredType']) => (t ? [t.type, this.lex(t.scope)] : 0);
    return JSON.stringify([
      'd', [id, kind, name, qualname], d.ns, this.crate(d.crate), this.file(d.file), d.record.id === id ? 0 : d.record.id, this.module(d.module), d.inactive ? 1 : 0,
      d.scope ? this.scope(d.scope) : -1, this.named(d.members), this.named(d.traitMembers),
      [...d.fields].map(([name, f]) => [name, this.def(f)]), d.traits.map((t) => this.def(t)),
      typed(d.declaredType), typed(d.returnType), d.item?.kind === 'type' ? d.item : 0, this.def(d.aliasOf), this.def(d.returns),
      fn === undefined ? 0 : [
        this.lex(fn.context.outer), fn.context.derives ? 1 : 0, this.visibleSet(fn.context.visible), fn.collected.defs, fn.collected.refs,
        d.record.surface, d.record.kind,
      ],
    ]);
  }

  private visibleSet(crates: ReadonlySet<CrateCtx> | undefined): number {
    if (crates === undefined) return -1;
    // The fns of a crate share one set.
    const known = this.visibleSets.get(crates);
    if (known !== undefined) return known;
    const list = [...crates].map((c) => this.crate(c)).sort((a, b) => a - b);
    const key = list.join(',');
    let at = this.visibleOf.get(key);
    if (at === undefined) {
      this.visibleOf.set(key, (at = this.visible.length));
      this.visible.push(list);
    }
    this.visibleSets.set(crates, at);
    return at;
  }

  private named(map: ReadonlyMap<string, DefInfo[]>): NamedEntries {
    return [...map].map(([name, defs]) => [name, defs.map((d) => this.def(d))]);
  }

  private entry(obj: object, encode: () => string): number {
    let at = this.entryOf.get(obj);
    if (at === undefined) {
      this.entryOf.set(obj, (at = this.entries.length));
      this.entries.push('');
      const n = at;
      this.todo.push(() => {
        this.entries[n] = encode();
      });
    }
    return at;
  }

  /** The index of `obj` in `list`, encoding it there the first time: a header object, in the order first named. */
  private indexed<T>(obj: object, list: T[], encode: () => T): number {
    let at = this.indexOf.get(obj);
    if (at === undefined) {
      this.indexOf.set(obj, (at = list.length));
      list.push(undefined as T);
      list[at] = encode();
    }
    return at;
  }
}
