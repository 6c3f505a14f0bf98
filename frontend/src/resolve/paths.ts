// Path resolution: from a path's first segment through modules, types, traits and enums to
// the def each segment names. Every segment's answer is kept so each becomes a ref.
import type { Path, PathSegment, TypeNode } from '../syntax/ast.js';
import type { CrateCtx, DefInfo, LexicalScope, Namespace, Scope } from './model.js';
import { builtinType } from './builtins.js';

/** For each segment, the defs it names; resolution stops at the first segment that names nothing. */
export type SegmentDefs = Array<DefInfo[]>;

const NO_DEFS: DefInfo[] = [];

/**
 * The crates whose impls the item being resolved can see: its own, its dependencies', std's.
 * Another crate's impl may add members to a type (`impl Trait for core::Foo` in a crate that
 * uses core), but code that cannot name that crate cannot call them. Set by `resolveItems`
 * around each signature and body; unset, every impl counts.
 */
let visibleCrates: ReadonlySet<CrateCtx> | undefined;

/** Runs `resolve` with the members of `visible` crates' impls alone in view. */
export function resolvingFrom(visible: ReadonlySet<CrateCtx> | undefined, resolve: () => void): void {
  const outer = visibleCrates;
  visibleCrates = visible;
  try {
    resolve();
  } finally {
    visibleCrates = outer;
  }
}

/** The crates in view now, for a resolution to be repeated later from the same view. */
export function cratesInView(): ReadonlySet<CrateCtx> | undefined {
  return visibleCrates;
}

function visible(defs: DefInfo[] | undefined): DefInfo[] | undefined {
  const crates = visibleCrates;
  if (defs === undefined || crates === undefined || defs.every((d) => crates.has(d.crate))) return defs;
  return defs.filter((d) => crates.has(d.crate));
}

/** Follows extern crates and type aliases to what they stand for. */
export function unalias(d: DefInfo): DefInfo {
  let cur = d;
  for (let n = 0; cur.aliasOf && n < 8; n++) cur = cur.aliasOf;
  return cur;
}

export function lookupInScope(scope: Scope, ns: Namespace, name: string): DefInfo[] {
  return scope.names[ns].get(name)?.defs.filter((d) => !d.inactive) ?? NO_DEFS;
}

/** Names one step inside `owner`: a module's item, an enum's variant, a type's or trait's assoc item. */
export function lookupMember(owner: DefInfo, name: string, ns: Namespace | 'any'): DefInfo[] {
  const d = unalias(owner);
  if (d.scope) {
    if (ns !== 'any') {
      const found = lookupInScope(d.scope, ns, name);
      if (found.length > 0 || ns === 'macro') return found;
      // `a::b::C` in value position may name a tuple struct or unit struct (bound in both).
      return ns === 'value' ? lookupInScope(d.scope, 'type', name) : found;
    }
    for (const n of ['type', 'value', 'macro'] as const) {
      const found = lookupInScope(d.scope, n, name);
      if (found.length > 0) return found;
    }
    return NO_DEFS;
  }
  if (d.def.kind === 'assoc_type') boundAssocType(d);
  const own = visible(d.members.get(name));
  if (own && own.length > 0) return own;
  const viaTraits = visible(d.traitMembers.get(name));
  if (viaTraits && viaTraits.length > 0) return viaTraits;
  // A trait's items reach through its supertraits; a type's through the traits it implements
  // and their supertraits.
  return memberOfTraits(d.traits, name, new Set([d]));
}

function memberOfTraits(all: DefInfo[], name: string, seen: Set<DefInfo>): DefInfo[] {
  const traits = visible(all)!;
  for (const t of traits) {
    if (seen.has(t)) continue;
    seen.add(t);
    const found = t.members.get(name);
    if (found && found.length > 0) return found;
  }
  for (const t of traits) {
    const found = t.traits.length > 0 ? memberOfTraits(t.traits, name, seen) : NO_DEFS;
    if (found.length > 0) return found;
  }
  return NO_DEFS;
}

const boundsDone = new WeakSet<DefInfo>();

/** Whether the bounds of assoc type `d` are among its traits already (`boundAssocType`). */
export function assocBoundsResolved(d: DefInfo): boolean {
  return boundsDone.has(d);
}

/** Notes that the traits of `d`, read back from a surface image, hold its bounds already. */
export function markAssocBoundsResolved(d: DefInfo): void {
  boundsDone.add(d);
}

/**
 * `type Bits: Bits;` in a trait: `Self::Bits::EMPTY` reaches the bound traits' items. The bounds
 * are resolved on first use, from the trait's module (bound paths rarely name generics).
 */
function boundAssocType(d: DefInfo): void {
  if (boundsDone.has(d)) return;
  boundsDone.add(d);
  const scope = d.crate.scopes.get(d.module);
  if (d.item?.kind !== 'type' || !scope) return;
  const lex: LexicalScope = { module: scope, generics: new Map() };
  for (const b of d.item.bounds) {
    if (b.kind !== 'trait') continue;
    const segs = resolvePath(b.path, lex, 'type');
    const trait = segs.length === b.path.segments.length ? segs.at(-1)?.[0] : undefined;
    if (trait) d.traits.push(unalias(trait));
  }
}

function rootOf(crate: CrateCtx): DefInfo {
  return crate.root!;
}

/** Looks a bare name up lexically: generics, `Self`, the module scope, the extern prelude. */
export function lookupName(name: string, lex: LexicalScope, ns: Namespace): DefInfo[] {
  const crate = lex.module.crate;
  for (let l: LexicalScope | undefined = lex; l; l = l.parent) {
    // A const generic is a value; a type param never is, so a value path cannot mean one.
    const g = ns !== 'macro' ? l.generics.get(name) : undefined;
    if (g) return [g];
    const local = l.blockNames?.get(name)?.filter((d) => d.ns === ns || ns === 'value' && d.def.kind === 'variant');
    if (local && local.length > 0) return local;
  }
  const inScope = lookupInScope(lex.module, ns, name);
  if (inScope.length > 0) return inScope;
  if (ns === 'macro') {
    const textual = crate.macros.get(name)?.filter((d) => !d.inactive);
    if (textual && textual.length > 0) return textual;
  }
  if (ns === 'type') {
    const dep = crate.deps.get(name);
    if (dep) return [rootOf(dep)];
  }
  return crate.prelude?.[ns].get(name) ?? NO_DEFS;
}

/**
 * 2015 paths in `use` and after `::` start at the crate root, which holds an implicit
 * `extern crate std` (`core` under `#![no_std]`; valid code names only the one it has).
 */
function rootMember2015(crate: CrateCtx, name: string, ns: Namespace | 'any'): DefInfo[] {
  const found = lookupMember(rootOf(crate), name, ns);
  if (found.length > 0 || (name !== 'std' && name !== 'core')) return found;
  const dep = crate.deps.get(name);
  return dep ? [rootOf(dep)] : NO_DEFS;
}

function firstSegment(name: string, path: Path, lex: LexicalScope, ns: Namespace, single: boolean, inUse: boolean): DefInfo[] {
  const crate = lex.module.crate;
  switch (name) {
    case 'crate':
    case '$crate':
      return [rootOf(crate)];
    case 'self':
      return [lex.module.def];
    case 'super': {
      const parent = lex.module.module.parent;
      return parent ? [crate.scopes.get(parent)!.def] : NO_DEFS;
    }
    case 'Self': {
      const self = lex.selfType ?? lex.selfTrait;
      return self ? [self] : NO_DEFS;
    }
  }
  if (path.global) {
    if (crate.edition === '2015') return rootMember2015(crate, name, single ? ns : 'type');
    const dep = crate.deps.get(name);
    return dep ? [rootOf(dep)] : NO_DEFS;
  }
  if (inUse && crate.edition === '2015') return rootMember2015(crate, name, single ? 'any' : 'type');
  if (inUse && single) {
    for (const n of ['type', 'value', 'macro'] as const) {
      const found = lookupName(name, lex, n);
      if (found.length > 0) return found;
    }
    return NO_DEFS;
  }
  return lookupName(name, lex, single ? ns : 'type');
}

/**
 * Resolves `path` seen from `lex`. The last segment is looked up in `ns` (`any` in use trees);
 * earlier segments name modules, types, traits or enums.
 */
export function resolvePath(path: Path, lex: LexicalScope, ns: Namespace | 'any', inUse = false): SegmentDefs {
  const out: SegmentDefs = [];
  if (path.qself) {
    // `<T as Trait>::x`: x is an item of Trait (or of T when there is no trait).
    const { trait } = path.qself;
    const traitSegs = trait ? resolvePath(trait, lex, 'type') : undefined;
    const owner = trait ? (traitSegs!.length === trait.segments.length ? traitSegs!.at(-1)! : NO_DEFS) : qselfTypeDefs(path.qself.type, lex);
    return owner.length === 0 ? out : resolveRelative(owner, path.segments, ns);
  }
  const segs = path.segments;
  let cur: DefInfo[] = NO_DEFS;
  for (let i = 0; i < segs.length; i++) {
    const name = segs[i].name.text;
    const last = i === segs.length - 1;
    const segNs: Namespace | 'any' = last ? ns : 'type';
    let found: DefInfo[];
    if (i === 0) {
      found = firstSegment(name, path, lex, segNs === 'any' ? 'type' : segNs, last, inUse);
      if (found.length === 0 && last && segNs === 'any') found = firstSegment(name, path, lex, 'value', true, inUse);
      // A module in scope does not hide the primitive type of its name (`use core::str;`, `&str`).
      if (last && segNs === 'type' && found.length > 0 && found.every((d) => d.def.kind === 'mod')) {
        const primitive = lex.module.crate.prelude?.type.get(name)?.filter((d) => d.def.qualname === `core::primitive::${name}`);
        if (primitive && primitive.length > 0) found = primitive;
      }
    } else if (name === 'super' && cur.length === 1 && cur[0].scope?.module.parent) {
      found = [cur[0].crate.scopes.get(cur[0].scope.module.parent)!.def];
    } else if (name === 'self') {
      found = cur;
    } else {
      found = dedupe(cur.flatMap((c) => lookupMember(c, name, segNs)));
    }
    out.push(found);
    if (found.length === 0) break;
    cur = found;
  }
  return out;
}

/** Resolves `segments` one after the other as items of `owners`: the type or trait of a qualified path. */
export function resolveRelative(owners: DefInfo[], segments: PathSegment[], ns: Namespace | 'any'): SegmentDefs {
  const out: SegmentDefs = [];
  let cur = owners;
  for (let i = 0; i < segments.length; i++) {
    const last = i === segments.length - 1;
    const found = dedupe(cur.flatMap((o) => lookupMember(o, segments[i].name.text, last ? ns : 'type')));
    out.push(found);
    if (found.length === 0) break;
    cur = found;
  }
  return out;
}

/** The def of the self type of `<T>::x`: a named type, or a builtin one (`<*const T>::cast_mut`). */
function qselfTypeDefs(t: TypeNode, lex: LexicalScope): DefInfo[] {
  switch (t.kind) {
    case 'ref': return qselfTypeDefs(t.inner, lex);
    case 'ptr': return [builtinType(lex.module.crate, t.mutable ? 'mut_ptr' : 'const_ptr')].filter((d) => d !== undefined);
    case 'slice': case 'array': return [builtinType(lex.module.crate, t.kind)].filter((d) => d !== undefined);
    case 'path': {
      const segs = resolvePath(t.path, lex, 'type');
      return segs.length === t.path.segments.length ? segs.at(-1)! : NO_DEFS;
    }
    default: return NO_DEFS;
  }
}

function dedupe(defs: DefInfo[]): DefInfo[] {
  return defs.length < 2 ? defs : [...new Set(defs)];
}
