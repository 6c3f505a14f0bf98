// From the built-in std table's defs to the defs of std's real sources. The table keeps
// resolving the workspace's crates (it knows what std's methods return, which the sources
// tell only through signatures the resolver does not evaluate); its defs then carry the ids of
// the real defs they stand for, so every ref, candidate, impl and relation the resolver writes
// points into the indexed std crates.
import type { StdCrates } from '../resolve/std.js';
import type { CrateCtx, DefInfo, ItemRecordDraft, Namespace } from '../resolve/model.js';
import { lookupMember } from '../resolve/paths.js';

/** Virtual id → real id, for the table's defs whose path names a def in the real crates under another id. */
export type RealIds = Record<string, string>;

/**
 * Each table def is looked up by its qualified path in the real crates, as a path in code would
 * reach it (so through re-exports: `std::collections::HashMap` is defined in
 * `std::collections::hash::map`). `table` must be the table the real crates were resolved
 * against: impls of primitive types in core add their items to its primitives (`str::len`).
 * A def that its own path does not reach in the table (an integer type's items, which belong
 * to every integer type, and the types no path names) has no counterpart.
 */
export function realStdIds(table: StdCrates, real: readonly CrateCtx[]): RealIds {
  const realRoots = new Map(real.map((c) => [c.name, c.root!]));
  const realCrates = new Set(real);
  const tableRoots = new Map([...table.crates].map(([name, c]) => [name, c.root!]));
  const ids: RealIds = {};
  for (const crate of table.crates.values()) {
    for (const d of crate.defs) {
      const segs = d.def.qualname.split('::');
      if (!walk(tableRoots, segs, d.ns).includes(d)) continue;
      const found = walk(realRoots, segs, d.ns).find((r) => realCrates.has(r.crate));
      if (found && found.def.id !== d.def.id) ids[d.def.id] = found.def.id;
    }
  }
  return ids;
}

/**
 * The real ids after a resumed analysis of std's workspace that loaded `real` (each crate with
 * its dependencies): looked up again for the table's crates named like a loaded one, and as
 * `before` had them for the others. Those are unchanged, and so is everything their paths reach:
 * a crate that changed beyond bodies is loaded with every crate that depends on it.
 */
export function realIdsAfter(before: RealIds, table: StdCrates, real: CrateCtx[]): RealIds {
  const loaded = new Set(real.map((c) => c.name));
  const out: RealIds = {};
  for (const [id, to] of Object.entries(before)) if (!loaded.has(id.split(' ')[1])) out[id] = to;
  return Object.assign(out, realStdIds(table, real));
}

/** Gives the table's defs the ids of their real counterparts, before the workspace is resolved against it. */
export function adoptRealIds(table: StdCrates, ids: RealIds): void {
  for (const crate of table.crates.values()) {
    for (const d of crate.defs) d.def.id = ids[d.def.id] ?? d.def.id;
  }
}

/** The active defs `segs` names from the root of crate `segs[0]`, the last segment in `ns`. */
function walk(roots: Map<string, DefInfo>, segs: string[], ns: Namespace): DefInfo[] {
  const root = roots.get(segs[0]);
  let cur: DefInfo[] = root ? [root] : [];
  for (let i = 1; i < segs.length && cur.length > 0; i++) {
    const segNs = i === segs.length - 1 ? ns : 'type';
    cur = [...new Set(cur.flatMap((o) => lookupMember(o, segs[i], segNs)))].filter((d) => !d.inactive);
  }
  return cur;
}

/** `realStdIds` of std's own crates once resolved, which their records then take (`adoptRealIdsInRecords`). */
export function adoptRealIdsOfStd(table: StdCrates, crates: readonly CrateCtx[]): RealIds {
  const ids = realStdIds(table, crates);
  for (const c of crates) adoptRealIdsInRecords(c.records, ids);
  return ids;
}

/**
 * Std's own crates (a workspace of std's sources, or the analysis for `--std-src`) are resolved
 * against the table too, and refer to a table def wherever the prelude or a method call reaches
 * it: `impl Iterator for …` in alloc names the table's `iter/Iterator#`, which no def has. Their
 * records take the ids the table's defs stand for, as if the table had had them from the start:
 * the refs, candidates (one id once), relations and impls of `records`, in place.
 */
export function adoptRealIdsInRecords(records: readonly ItemRecordDraft[], ids: RealIds): void {
  const real = (id: string) => ids[id] ?? id;
  for (const record of records) {
    for (const ref of record.refs) {
      if (ref.target !== undefined) ref.target = real(ref.target);
      if (ref.candidates === undefined) continue;
      const candidates = [...new Set(ref.candidates.map(real))];
      if (candidates.length > 1) ref.candidates = candidates;
      else {
        delete ref.candidates;
        ref.target = candidates[0];
      }
    }
    for (const relation of record.relations) {
      relation.from = real(relation.from);
      relation.to = real(relation.to);
    }
    for (const impl of record.impls) {
      if (impl.trait !== undefined) impl.trait = real(impl.trait);
      if (impl.selfTarget !== undefined) impl.selfTarget = real(impl.selfTarget);
    }
  }
}
