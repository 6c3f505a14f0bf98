// Virtual crates core, alloc and std built from the built-in table (std-table.ts), for
// workspaces whose std sources are not indexed. They have scopes and members like real crates,
// so path resolution needs no special case; they write no dump.
import { descriptor, type DefKind, type DescriptorSuffix } from '../../../schema/src/index.js';
import type { CrateTarget } from '../workspace/index.js';
import type { ModuleNode } from '../crate/modules.js';
import { defaultCfg } from '../crate/cfg.js';
import { addMember, newDefInfo, type CrateCtx, type DefInfo, type ItemRecordDraft, type Namespace, type Scope } from './model.js';
import { bind } from './collect.js';
import { PRELUDE, PRELUDE_2021, PRELUDE_MACROS, STD_TABLE, STD_VERSION } from './std-table.js';
import { STD_TABLE_LOW_LEVEL } from './std-table-low-level.js';
import { STD_TABLE_PRIMITIVE } from './std-table-primitive.js';
import { markReturnsSelf } from './builtins.js';

export type Prelude = Record<Namespace, Map<string, DefInfo[]>>;

export interface StdCrates {
  crates: Map<string, CrateCtx>;
  /** The prelude of each edition group: 2015/2018, and 2021 on. */
  prelude2015: Prelude;
  prelude2021: Prelude;
}

const KINDS: Record<string, { kind: DefKind; suffix: DescriptorSuffix; ns: Namespace }> = {
  mod: { kind: 'mod', suffix: 'mod', ns: 'type' },
  enum: { kind: 'enum', suffix: 'type', ns: 'type' },
  struct: { kind: 'struct', suffix: 'type', ns: 'type' },
  union: { kind: 'union', suffix: 'type', ns: 'type' },
  trait: { kind: 'trait', suffix: 'type', ns: 'type' },
  type: { kind: 'type_alias', suffix: 'type', ns: 'type' },
  // `alias A = T`: a type alias whose members are T's (`NonZeroUsize::new` is `NonZero::new`).
  alias: { kind: 'type_alias', suffix: 'type', ns: 'type' },
  // Primitive types have no def kind of their own; they are named like the types they are.
  primitive: { kind: 'struct', suffix: 'type', ns: 'type' },
  // A type no path names (`[T]`, `*const T`): in no scope and no prelude.
  builtin: { kind: 'struct', suffix: 'type', ns: 'type' },
  variant: { kind: 'variant', suffix: 'term', ns: 'value' },
  const: { kind: 'const', suffix: 'term', ns: 'value' },
  fn: { kind: 'fn', suffix: 'method', ns: 'value' },
  method: { kind: 'method', suffix: 'method', ns: 'value' },
  // Items of every integer type, named in the module of their impls (`core::num::MAX`) and
  // bound in no scope: `u32::MAX` reaches them as a member of `u32`.
  int_method: { kind: 'method', suffix: 'method', ns: 'value' },
  int_const: { kind: 'const', suffix: 'term', ns: 'value' },
  macro: { kind: 'macro', suffix: 'macro', ns: 'macro' },
  derive: { kind: 'macro', suffix: 'macro', ns: 'macro' },
};

export function buildStdCrates(): StdCrates {
  const crates = new Map<string, CrateCtx>();
  const byPath = new Map<string, DefInfo[]>();
  const crateOf = (name: string) => {
    let c = crates.get(name);
    if (!c) crates.set(name, (c = virtualCrate(name)));
    return c;
  };
  const lookup = (path: string, ns?: Namespace) => (byPath.get(path) ?? []).filter((d) => ns === undefined || d.ns === ns);

  // `fn a::f -> T` and `alias A = T` name types that may come later in the table.
  const pending: Array<{ d: DefInfo; target: string; alias: boolean }> = [];
  const primitives: DefInfo[] = [];
  const integerItems: DefInfo[] = [];
  for (const line of `${STD_TABLE}\n${STD_TABLE_LOW_LEVEL}\n${STD_TABLE_PRIMITIVE}`.split('\n')) {
    const [kindWord, path, eq, target] = line.trim().split(/\s+/);
    if (!kindWord) continue;
    if (kindWord === 'impl') {
      const trait = lookup(eq, 'type')[0];
      for (const d of lookup(path, 'type')) d.traits.push(trait);
      continue;
    }
    const segs = path.split('::');
    const crate = crateOf(segs[0]);
    const parentPath = segs.slice(0, -1).join('::');
    const parent = segs.length === 2 ? crate.root! : lookup(parentPath).find((d) => d.scope || d.ns === 'type')!;
    const name = segs[segs.length - 1];
    if (kindWord === 'reexport' && eq === '=') {
      for (const d of lookup(target)) bindIn(parent, d.ns, name, d, parentPath);
      continue;
    }
    const spec = KINDS[kindWord];
    // The root's id is `… crate/`, but its children are named from the bare crate prefix.
    const prefix = parent === crate.root ? `${crate.idPrefix} ` : parent.def.id;
    const id = prefix + descriptor(name, spec.suffix);
    const d = newDefInfo({
      def: { id, kind: spec.kind, name, qualname: path, span: [0, 0], nameSpan: [0, 0], visibility: 'pub' },
      ns: spec.ns, crate, file: undefined as never, record: crate.records[0], module: crate.loaded.root, inactive: false,
    });
    if (kindWord === 'mod') {
      const node = { ...crate.loaded.root, name, path: segs.slice(1), parent: parent.scope!.module, children: [] } as ModuleNode;
      d.scope = { module: node, crate, def: d, names: emptyNames() };
    }
    if (eq === '->' && target === 'Self') markReturnsSelf(d);
    else if (eq === '->' || (kindWord === 'alias' && eq === '=')) pending.push({ d, target, alias: kindWord === 'alias' });
    crate.defs.push(d);
    byPath.set(path, [...(byPath.get(path) ?? []), d]);
    if (kindWord === 'primitive') primitives.push(d);
    if (kindWord === 'int_method' || kindWord === 'int_const') integerItems.push(d);
    else if (kindWord !== 'builtin') bindIn(parent, spec.ns, name, d, parentPath);
  }
  for (const p of primitives) {
    if (!INTEGERS.has(p.def.name)) continue;
    for (const d of integerItems) addMember(p.members, d.def.name, d);
  }

  for (const { d, target, alias } of pending) {
    const t = lookup(target, 'type')[0];
    if (!t) throw new Error(`std table: no type ${target}`);
    if (alias) d.aliasOf = t;
    else d.returns = t;
  }

  const prelude = (paths: string[]): Prelude => {
    const p: Prelude = emptyNames() as unknown as Prelude;
    // A prelude trait comes with its derive macro of the same path (`Clone`, `Debug`).
    for (const path of paths) for (const d of lookup(path)) addMember(p[d.ns], d.def.name, d);
    for (const x of primitives) addMember(p.type, x.def.name, x);
    for (const path of PRELUDE_MACROS) for (const d of lookup(path, 'macro')) addMember(p.macro, d.def.name, d);
    return p;
  };
  return { crates, prelude2015: prelude(PRELUDE), prelude2021: prelude([...PRELUDE, ...PRELUDE_2021]) };
}

const INTEGERS = new Set(['u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize']);

function emptyNames(): Scope['names'] {
  return { type: new Map(), value: new Map(), macro: new Map() };
}

/** Binds `d` in `owner`: a module's scope, or an enum's, type's or trait's members. */
function bindIn(owner: DefInfo, ns: Namespace, name: string, d: DefInfo, ownerPath: string): void {
  if (owner.scope) {
    bind(owner.scope, ns, name, d);
    return;
  }
  if (!ownerPath) return;
  addMember(owner.members, name, d);
}

function virtualCrate(name: string): CrateCtx {
  const target = {
    name, package: name, version: STD_VERSION, edition: '2021', kind: 'lib', rootFile: '', packageDir: '',
    dependencies: {}, features: [], key: `${name} ${STD_VERSION} lib ${name}`, member: false,
  } as CrateTarget;
  const root = { name: '', path: [], items: [], children: [], inactive: false } as unknown as ModuleNode;
  const record = { id: '', kind: 'mod', span: [0, 0], inactive: false, defs: [], refs: [], impls: [], relations: [], diagnostics: [], surface: [] } as unknown as ItemRecordDraft;
  const crate: CrateCtx = {
    target, name, idPrefix: `cargo ${name} ${STD_VERSION}`, edition: '2021', cfg: defaultCfg([]),
    loaded: { root, files: [], problems: [], missing: [] }, deps: new Map(), records: [record], scopes: new Map(),
    macros: new Map(), usedIds: new Set(), defs: [], deferred: [],
  };
  const rootDef = newDefInfo({
    def: { id: `${crate.idPrefix} crate/`, kind: 'crate', name, qualname: name, span: [0, 0], nameSpan: [0, 0], visibility: 'pub' },
    ns: 'type', crate, file: undefined as never, record, module: root, inactive: false,
  });
  rootDef.scope = { module: root, crate, def: rootDef, names: emptyNames() };
  crate.scopes.set(root, rootDef.scope);
  crate.root = rootDef;
  return crate;
}

/** Gives a real crate the extern prelude entries and the prelude the std table provides. */
export function linkStd(crate: CrateCtx, std: StdCrates): void {
  for (const [name, c] of std.crates) if (!crate.deps.has(name) && crate.name !== name) crate.deps.set(name, c);
  crate.prelude = crate.edition === '2015' || crate.edition === '2018' ? std.prelude2015 : std.prelude2021;
}
