// Use trees and globs, resolved to a fixpoint across all crates of the workspace at once, since
// `pub use` chains cross crates and a glob can only be expanded once its target's names are known.
import type { Path, UseTree } from '../syntax/ast.js';
import { normalizeVisibility } from './model.js';
import type { CrateCtx, DefInfo, Namespace, Place, Scope, ItemRecordDraft } from './model.js';
import { moduleIdPrefix, moduleQualname, newRecord, textOf } from './collect.js';
import { compactText } from '../../../schema/src/index.js';
import { lookupInScope, resolvePath, unalias, type SegmentDefs } from './paths.js';
import { emitPathRefs } from './refs.js';

interface UseLeaf {
  record: ItemRecordDraft;
  place: Place;
  /** The full path of the leaf; for `self` in a group, the group's prefix. */
  path: Path;
  /** Where the leaf's own segments start, after the prefixes of the groups it is in. */
  ownFrom: number;
  /** The name bound in scope, `undefined` for `_` renames and globs. */
  bindAs?: string;
  glob: boolean;
  /** `use a::b::{self}` binds only the type namespace. */
  selfImport: boolean;
  /** Visibility of the `use` item, which its bindings get. */
  vis: string;
  done: boolean;
  segs?: SegmentDefs;
}

interface GlobImport {
  into: Scope;
  from: DefInfo;
  vis: string;
}

const NAMESPACES: readonly Namespace[] = ['type', 'value', 'macro'];

export function resolveImports(crates: CrateCtx[]): void {
  const leaves: UseLeaf[] = [];
  for (const crate of crates) {
    linkExternCrates(crate);
    for (const { place, item } of crate.deferred) {
      if (item.kind !== 'use') continue;
      const text = compactText(textOf(place.file, item.tree.span));
      const record = newRecord(place, `${moduleIdPrefix(crate, place.module)}use[${text}]`, 'use', item.span, place.inactive);
      record.surface.push(`use ${item.vis} ${text}`);
      if (place.inactive) continue;
      flatten(item.tree, [], false, (path, ownFrom, bindAs, glob, selfImport) => {
        leaves.push({ record, place, path, ownFrom, bindAs, glob, selfImport, vis: item.vis, done: false });
      });
    }
  }
  const globs: GlobImport[] = [];
  for (let progress = true; progress;) {
    progress = false;
    for (const leaf of leaves) {
      if (!leaf.done && tryLeaf(leaf, globs)) progress = true;
    }
    for (const g of globs) if (expandGlob(g)) progress = true;
  }
  for (const leaf of leaves) {
    const segs = leaf.segs ?? resolvePath(leaf.path, { module: leaf.place.scope, generics: new Map() }, 'any', true);
    emitPathRefs(leaf.record, leaf.path, segs, 'import', leaf.ownFrom);
    if (leaf.segs && !leaf.glob) reexports(leaf, leaf.segs.at(-1)!);
  }
  dedupeRefs(leaves);
}

/** A `pub use` gives its targets a second public path, which target lookup by path must find. */
function reexports(leaf: UseLeaf, targets: DefInfo[]): void {
  if (leaf.bindAs === undefined || normalizeVisibility(leaf.vis) === 'private') return;
  const qualname = `${moduleQualname(leaf.place.crate, leaf.place.module)}::${leaf.bindAs}`;
  for (const t of new Set(targets)) {
    if (t.def.qualname === qualname) continue;
    leaf.record.relations.push({ kind: 'reexports', from: leaf.record.id, to: t.def.id, qualname });
  }
}

function linkExternCrates(crate: CrateCtx): void {
  for (const scope of crate.scopes.values()) {
    for (const b of scope.names.type.values()) {
      for (const d of b.defs) {
        if (d.def.kind !== 'extern_crate') continue;
        const target = d.def.name === 'self' ? crate : crate.deps.get(d.def.name);
        if (target?.root) d.aliasOf = target.root;
      }
    }
  }
}

function flatten(
  tree: UseTree, prefix: Path['segments'], global: boolean,
  emit: (path: Path, ownFrom: number, bindAs: string | undefined, glob: boolean, selfImport: boolean) => void,
): void {
  const join = (p: Path): Path => ({ global: global || p.global, segments: [...prefix, ...p.segments], span: p.span });
  switch (tree.kind) {
    case 'path': {
      const path = join(tree.path);
      const last = path.segments.at(-1);
      if (!last) return;
      const selfImport = last.name.text === 'self' && path.segments.length > 1;
      const full = selfImport ? { ...path, segments: path.segments.slice(0, -1) } : path;
      const bound = tree.rename === '_' ? undefined : tree.rename ? tree.rename.text : selfImport ? full.segments.at(-1)!.name.text : last.name.text;
      emit(full, prefix.length, bound, false, selfImport);
      return;
    }
    case 'glob':
      emit(join(tree.prefix), prefix.length, undefined, true, false);
      return;
    case 'group': {
      const p = join(tree.prefix);
      for (const child of tree.children) flatten(child, p.segments, p.global, emit);
    }
  }
}

function tryLeaf(leaf: UseLeaf, globs: GlobImport[]): boolean {
  const lex = { module: leaf.place.scope, generics: new Map() };
  if (leaf.glob) {
    if (leaf.path.segments.length === 0) return false;
    const segs = resolvePath(leaf.path, lex, 'type', true);
    const target = segs.length === leaf.path.segments.length ? segs.at(-1) : undefined;
    if (!target || target.length === 0) return false;
    leaf.segs = segs;
    leaf.done = true;
    for (const from of target) globs.push({ into: leaf.place.scope, from: unalias(from), vis: leaf.vis });
    return true;
  }
  const segs = resolvePath(leaf.path, lex, 'any', true);
  if (segs.length !== leaf.path.segments.length || segs.at(-1)!.length === 0) return false;
  leaf.segs = segs;
  leaf.done = true;
  if (leaf.bindAs === undefined) return true;
  const lastName = leaf.path.segments.at(-1)!.name.text;
  const owner = segs.length > 1 ? segs[segs.length - 2] : undefined;
  for (const ns of leaf.selfImport ? (['type'] as const) : NAMESPACES) {
    // A use imports the name from every namespace it lives in.
    const defs = owner ? owner.flatMap((o) => nsMember(o, lastName, ns)) : firstInNs(segs[0], ns);
    if (defs.length > 0) bindImport(leaf.place.scope, ns, leaf.bindAs, defs, leaf.vis, false);
  }
  return true;
}

function firstInNs(defs: DefInfo[], ns: Namespace): DefInfo[] {
  return defs.filter((d) => d.ns === ns || (ns === 'value' && isCtorType(d)));
}

function isCtorType(d: DefInfo): boolean {
  return (d.def.kind === 'struct') && d.item?.kind === 'struct' && d.item.fields.kind !== 'named';
}

function nsMember(owner: DefInfo, name: string, ns: Namespace): DefInfo[] {
  const o = unalias(owner);
  if (o.scope) return lookupInScope(o.scope, ns, name);
  return (o.members.get(name) ?? []).filter((d) => d.ns === ns);
}

/**
 * Binds `name` in `scope`. An explicit import shadows glob imports; two imports of one kind merge
 * their defs (an ambiguity we keep rather than pick from). Bindings only ever grow, so the
 * fixpoint in `resolveImports` terminates. Returns true when something new was bound.
 */
function bindImport(scope: Scope, ns: Namespace, name: string, defs: DefInfo[], vis: string, glob: boolean): boolean {
  const map = scope.names[ns];
  const existing = map.get(name);
  if (existing && glob && !existing.glob) return false;
  if (existing && existing.glob === glob) {
    const before = existing.defs.length;
    existing.defs = [...new Set([...existing.defs, ...defs])];
    return existing.defs.length !== before;
  }
  map.set(name, { defs, vis: normalizeVisibility(vis), module: scope.module, glob });
  return true;
}

/** Copies the target's visible names into the importing scope; true when something new was bound. */
function expandGlob(g: GlobImport): boolean {
  let changed = false;
  if (g.from.scope === g.into) return false;
  const crossCrate = g.from.crate !== g.into.crate;
  const vis = g.vis;
  if (g.from.scope) {
    for (const ns of NAMESPACES) {
      for (const [name, b] of g.from.scope.names[ns]) {
        if (crossCrate && b.vis !== 'pub') continue;
        if (!crossCrate && b.vis === 'private' && !isDescendant(g.into, g.from.scope)) continue;
        const defs = b.defs.filter((d) => !d.inactive);
        if (defs.length > 0 && bindImport(g.into, ns, name, defs, vis, true)) changed = true;
      }
    }
    return changed;
  }
  // `use Enum::*`: its variants.
  for (const [name, defs] of g.from.members) {
    const variants = defs.filter((d) => d.def.kind === 'variant');
    if (variants.length > 0 && bindImport(g.into, 'value', name, variants, vis, true)) changed = true;
    if (variants.length > 0 && bindImport(g.into, 'type', name, variants, vis, true)) changed = true;
  }
  return changed;
}

function isDescendant(scope: Scope, ancestor: Scope): boolean {
  for (let m: typeof scope.module | undefined = scope.module; m; m = m.parent) if (m === ancestor.module) return true;
  return false;
}

/** Leaves of one group share prefix segments: keep one ref per span. */
function dedupeRefs(leaves: UseLeaf[]): void {
  const records = new Set(leaves.map((l) => l.record));
  for (const r of records) {
    const seen = new Set<string>();
    r.refs = r.refs.filter((ref) => {
      const key = `${ref.span[0]}:${ref.span[1]}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}
